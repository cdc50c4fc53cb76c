# Shortest paths on a weighted road map with heapq, path reconstruction and an unreachable node.
import heapq
roads = {
    "A": {"B": 7, "C": 9, "F": 14}, "B": {"A": 7, "C": 10, "D": 15}, "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6}, "E": {"D": 6, "F": 9}, "F": {"A": 14, "C": 2, "E": 9}, "G": {},
}
def dijkstra(graph, start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    visited = set()
    while heap:
        d, node = heapq.heappop(heap)
        if node in visited:
            continue
        visited.add(node)
        for nxt, w in sorted(graph[node].items()):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev
def path(prev, start, end):
    if end != start and end not in prev:
        return None
    out = [end]
    while out[-1] != start:
        out.append(prev[out[-1]])
    return out[::-1]
dist, prev = dijkstra(roads, "A")
for node in sorted(roads):
    p = path(prev, "A", node)
    print(node, dist.get(node, "unreachable"), "->".join(p) if p else "-")
for s in "ABCDEF":
    d, _ = dijkstra(roads, s)
    print(s, [d.get(t, None) for t in "ABCDEF"])
