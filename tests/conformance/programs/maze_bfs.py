# Breadth-first search through a text maze, drawing the shortest path.
from collections import deque
maze = """
#################
#S....#.........#
#.###.#.#####.#.#
#.#...#.#...#.#.#
#.#.###.#.#.#.#.#
#.#.....#.#...#.#
#.#######.#####.#
#.........#....E#
#################
""".strip().splitlines()
grid = [list(r) for r in maze]
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
end = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
queue = deque([start])
came = {start: None}
while queue:
    cur = queue.popleft()
    if cur == end:
        break
    r, c = cur
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nxt = (r + dr, c + dc)
        if grid[nxt[0]][nxt[1]] != "#" and nxt not in came:
            came[nxt] = cur
            queue.append(nxt)
steps = []
node = end
while node is not None:
    steps.append(node)
    node = came[node]
steps.reverse()
for r, c in steps[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))
print("path length", len(steps) - 1, "explored", len(came))
