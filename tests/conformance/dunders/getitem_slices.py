# __getitem__/__setitem__/__delitem__ receiving slices and tuples, with a sequence class backed by a list.
class Vec:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Vec(self.data[key])
        if isinstance(key, tuple):
            return Vec(self.data[k] for k in key)
        return self.data[key]
    def __setitem__(self, key, value):
        if isinstance(key, slice):
            self.data[key] = value.data if isinstance(value, Vec) else list(value)
        else:
            self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]
    def __repr__(self):
        return f"Vec({self.data})"
    def __eq__(self, other):
        return isinstance(other, Vec) and self.data == other.data
v = Vec(range(10))
print(v[2], v[-1], v[2:5], v[::3], v[1, 3, 5], v[::-1][:2])
v[0] = "zero"
v[1:3] = Vec("ab")
v[-2:] = [98, 99]
print(v)
del v[::2]
print(v, len(v))
del v[0]
print(v, v == Vec(["b", 5, 7, 99]), list(v), 5 in v, list(reversed(v)))
try:
    v[100]
except IndexError as e:
    print("IndexError:", e)
