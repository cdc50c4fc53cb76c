# Kruskal's minimum spanning tree with a union-find (path compression, union by rank).
class DSU:
    def __init__(self, items):
        self.parent = {x: x for x in items}
        self.rank = {x: 0 for x in items}
    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root
    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True
edges = [(7, "A", "B"), (5, "A", "D"), (8, "B", "C"), (9, "B", "D"), (7, "B", "E"), (5, "C", "E"),
         (15, "D", "E"), (6, "D", "F"), (8, "E", "F"), (9, "E", "G"), (11, "F", "G"), (3, "H", "I")]
nodes = sorted({n for _, a, b in edges for n in (a, b)})
dsu = DSU(nodes)
mst = [(w, a, b) for w, a, b in sorted(edges) if dsu.union(a, b)]
print(mst, sum(w for w, _, _ in mst))
components = {}
for n in nodes:
    components.setdefault(dsu.find(n), []).append(n)
print(sorted(components.values()))
