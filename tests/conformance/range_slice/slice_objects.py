# slice objects: attributes, indices(), use with custom __getitem__.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), repr(slice("a", "b")))
for sl in [slice(None), slice(2, None), slice(None, -1), slice(-3, None, -1), slice(None, None, -2), slice(100, 200), slice(-100, 3, 2)]:
    print(sl, sl.indices(10), list(range(10))[sl], list(range(*sl.indices(10))) == list(range(10))[sl])
class Seq:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return f"slice({key.start}, {key.stop}, {key.step})"
        if isinstance(key, tuple):
            return f"tuple{key}"
        return f"item {key}"
q = Seq()
print(q[1], q[1:2], q[::3], q[:], q[1:2, 3], q[..., 1:], q[-1])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), hash(slice(1, 2)) == hash(slice(1, 2)))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2]["a":]
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 5, 2).indices(3), slice(None, None, -1).indices(0))
