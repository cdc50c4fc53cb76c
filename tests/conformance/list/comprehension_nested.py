# Nested lists, aliasing, copies, and matrix operations.
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
alias = [[0] * 3] * 3
alias[0][0] = 1
print(grid, alias)
m = [[1, 2, 3], [4, 5, 6]]
t = [list(row) for row in zip(*m)]
print(t, [[r[i] for r in m] for i in range(3)])
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
print(matmul(m, t), matmul(t, m))
flat = [x for row in m for x in row]
print(flat, [x for row in m for x in row if x % 2], [[x * y for y in range(1, 4)] for x in range(1, 4)])
a = [1, [2, 3]]
b = a[:]
b[1].append(4)
b[0] = 9
print(a, b)
lst = [1, 2, 3]
lst.append(lst)
print(lst, lst[3][3][0])
x = []
x.extend(x)
y = [1, 2]
y.extend(y)
print(x, y)
