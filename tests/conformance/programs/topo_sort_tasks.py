# Build-order planning: topological sort (Kahn) with cycle detection and critical path lengths.
from collections import deque
tasks = {
    "fetch": [], "configure": ["fetch"], "compile-core": ["configure"], "compile-ui": ["configure"],
    "link": ["compile-core", "compile-ui"], "test": ["link"], "docs": ["configure"], "package": ["link", "docs"],
    "release": ["test", "package"],
}
durations = {"fetch": 2, "configure": 1, "compile-core": 7, "compile-ui": 4, "link": 2, "test": 5, "docs": 3, "package": 1, "release": 1}
def topo(graph):
    indeg = {t: len(deps) for t, deps in graph.items()}
    users = {t: [] for t in graph}
    for t, deps in graph.items():
        for d in deps:
            users[d].append(t)
    ready = deque(sorted(t for t, n in indeg.items() if n == 0))
    order = []
    while ready:
        t = ready.popleft()
        order.append(t)
        for u in sorted(users[t]):
            indeg[u] -= 1
            if indeg[u] == 0:
                ready.append(u)
    if len(order) != len(graph):
        raise ValueError("cycle among: " + ", ".join(sorted(t for t, n in indeg.items() if n)))
    return order
order = topo(tasks)
print(order)
finish = {}
for t in order:
    start = max((finish[d] for d in tasks[t]), default=0)
    finish[t] = start + durations[t]
    print(f"{t:<13} start={start:>2} end={finish[t]:>2}")
crit, t = [], "release"
while t:
    crit.append(t)
    deps = tasks[t]
    t = max(deps, key=lambda d: finish[d]) if deps else None
print("critical path:", " <- ".join(crit), "total", finish["release"])
tasks["fetch"] = ["release"]
try:
    topo(tasks)
except ValueError as e:
    print("ValueError:", e)
