# k-means clustering of seeded random 2-D points (deterministic with a fixed seed).
import random
rng = random.Random(42)
centers_true = [(1.0, 1.0), (5.0, 5.0), (1.0, 6.0)]
points = [(rng.gauss(cx, 0.5), rng.gauss(cy, 0.5)) for cx, cy in centers_true for _ in range(30)]
def dist2(a, b):
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
def kmeans(pts, k, iters=20):
    cents = pts[:: len(pts) // k][:k]
    for it in range(iters):
        groups = [[] for _ in range(k)]
        for p in pts:
            groups[min(range(k), key=lambda i: dist2(p, cents[i]))].append(p)
        new = [(sum(x for x, _ in g) / len(g), sum(y for _, y in g) / len(g)) if g else cents[i] for i, g in enumerate(groups)]
        if new == cents:
            return cents, groups, it
        cents = new
    return cents, groups, iters
cents, groups, iterations = kmeans(points, 3)
print("converged after", iterations, "iterations")
for c, g in sorted(zip(cents, groups)):
    print(f"center ({c[0]:.3f}, {c[1]:.3f}) size {len(g)}")
sse = sum(min(dist2(p, c) for c in cents) for p in points)
print(round(sse, 6), len(points))
