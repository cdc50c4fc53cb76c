# Elementary cellular automata (rules 30, 90, 110) printed as text.
def run(rule, width=41, steps=16):
    cells = [0] * width
    cells[width // 2] = 1
    rows = []
    for _ in range(steps):
        rows.append("".join("#" if c else " " for c in cells).rstrip())
        cells = [(rule >> (cells[(i - 1) % width] * 4 + cells[i] * 2 + cells[(i + 1) % width])) & 1 for i in range(width)]
    return rows
for rule in (30, 90, 110):
    print(f"rule {rule}")
    for row in run(rule):
        print("|" + row)
c = [0] * 101
c[50] = 1
center = []
for _ in range(100):
    center.append(c[50])
    c = [(30 >> (c[(i - 1) % 101] * 4 + c[i] * 2 + c[(i + 1) % 101])) & 1 for i in range(101)]
print("".join(map(str, center)))
