# Conway's Game of Life on a small torus, with a glider and a blinker.
def step(cells, w, h):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % w, (y + dy) % h)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
def show(cells, w, h):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(w)) for y in range(h))
W, H = 12, 8
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(8, 5), (9, 5), (10, 5)}
cells = glider | blinker
for gen in range(5):
    print(f"generation {gen}: {len(cells)} cells")
    print(show(cells, W, H))
    cells = step(cells, W, H)
for _ in range(40):
    cells = step(cells, W, H)
print("after 45 generations:", len(cells), sorted(cells))
