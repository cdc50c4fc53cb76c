# Slice indices normalisation with negative, huge and None bounds on lists, strings and bytes.
data = list(range(10))
cases = [(None, None, None), (-100, 100, None), (2, -2, None), (-2, 2, -1), (None, None, -3), (7, None, -2), (3, 3, None),
         (10**20, None, -1), (None, -10**20, -1), (1, 9, 3)]
for start, stop, step in cases:
    sl = slice(start, stop, step)
    print(sl.indices(10), data[sl], "abcdefghij"[sl], b"0123456789"[sl])
m = list(range(8))
m[2:6:2] = ["a", "b"]
m[-1:-4:-1] = "xyz"
print(m)
m[100:] = [99]
m[:0] = [-1]
print(m)
del m[::-3]
print(m)
