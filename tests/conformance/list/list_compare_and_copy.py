# List equality/ordering with nested and mixed numbers; shallow vs deep copies; repr of recursive lists.
print([1, 2.0, 3] == [1.0, 2, 3], [1, [2, 3]] < [1, [2, 4]], [1, 2] < [1, 2, 3], [] == [], [[]] > [], [0] < [0.5])
import copy
grid = [[0] * 2 for _ in range(2)]
shallow = grid[:]
also_shallow = list(grid)
deep = copy.deepcopy(grid)
grid[0][0] = 9
grid.append([7])
print(grid, shallow, also_shallow, deep)
r = [1, 2]
r.append(r)
r2 = [r, [r]]
print(r, r2, len(r), r[2] is r)
d = {"self": None}
d["self"] = d
print(d, [d], (r,))
try:
    r == r[:]
    print("recursive equality compared")
except RecursionError as e:
    print("RecursionError:", e)
