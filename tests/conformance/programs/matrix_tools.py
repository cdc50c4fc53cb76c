# Matrix helpers on lists of lists: transpose, multiply, power (fib), spiral order, rotation.
def mul(a, b):
    return [[sum(x * y for x, y in zip(r, c)) for c in zip(*b)] for r in a]
def mpow(m, n):
    result = [[int(i == j) for j in range(len(m))] for i in range(len(m))]
    while n:
        if n & 1:
            result = mul(result, m)
        m = mul(m, m)
        n >>= 1
    return result
print([mpow([[1, 1], [1, 0]], n)[0][1] for n in range(15)], mpow([[1, 1], [1, 0]], 200)[0][1])
def spiral(m):
    out = []
    while m:
        out.extend(m.pop(0))
        m = [list(r) for r in zip(*m)][::-1]
    return out
grid = [[r * 4 + c for c in range(4)] for r in range(4)]
print(spiral([row[:] for row in grid]))
def rotate(m):
    return [list(r) for r in zip(*m[::-1])]
r = grid
for _ in range(4):
    r = rotate(r)
    print(r[0], r[-1])
print(r == grid, [list(c) for c in zip(*grid)][1], sum(grid[i][i] for i in range(4)), sum(grid[i][3 - i] for i in range(4)))
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
m = [[2, 0, 1], [1, 3, 2], [1, 1, 1]]
print(mul(m, identity) == m, mul(m, m))
