# Graph algorithms on a small directed graph: DFS order, cycle detection, SCCs (Tarjan), reachability counts.
graph = {"a": ["b"], "b": ["c", "e", "f"], "c": ["d", "g"], "d": ["c", "h"], "e": ["a", "f"], "f": ["g"],
         "g": ["f"], "h": ["d", "g"], "i": []}
def dfs_order(g, start):
    seen, order = set(), []
    def visit(n):
        seen.add(n)
        order.append(n)
        for m in g[n]:
            if m not in seen:
                visit(m)
    visit(start)
    return order
print(dfs_order(graph, "a"), dfs_order(graph, "i"))
def has_cycle(g):
    color = {n: 0 for n in g}
    def visit(n):
        color[n] = 1
        for m in g[n]:
            if color[m] == 1 or (color[m] == 0 and visit(m)):
                return True
        color[n] = 2
        return False
    return any(color[n] == 0 and visit(n) for n in sorted(g))
print(has_cycle(graph), has_cycle({"x": ["y"], "y": ["z"], "z": []}))
def tarjan(g):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))
    for v in sorted(g):
        if v not in index:
            strong(v)
    return out
print(tarjan(graph))
reach = {n: len(dfs_order(graph, n)) - 1 for n in sorted(graph)}
print(reach)
