# `in` uses __contains__, else __iter__, else __getitem__ with integer indexes.
class WithContains:
    def __contains__(self, x):
        print("__contains__", x)
        return x == 42
class WithIter:
    def __iter__(self):
        print("__iter__")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        print("__getitem__", i)
        if i > 3:
            raise IndexError
        return i * 10
print(42 in WithContains(), 1 in WithContains())
print(2 in WithIter(), 9 in WithIter())
print(20 in WithGetitem(), 99 in WithGetitem())
class ContainsTruthy:
    def __contains__(self, x):
        return "non-empty string"
print(1 in ContainsTruthy(), 1 not in ContainsTruthy())
class NoContains:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in NoContains()
except TypeError as e:
    print("TypeError:", e)
