# __call__, __class_getitem__, __getitem__ on classes, __instancecheck__/__subclasscheck__.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times
add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), callable(Adder), list(map(add5, [1, 2])))
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"])
class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Even(metaclass=EvenMeta):
    pass
print(isinstance(4, Even), isinstance(3, Even), isinstance("4", Even), issubclass(bool, Even), issubclass(int, Even))
class Len0:
    def __len__(self):
        return 0
print(bool(Len0()), "truthy" if Len0() else "falsy")
class Getitem:
    def __getitem__(self, k):
        return k
g = Getitem()
print(g[1], g[1, 2], g["a":"b"], g[...], g[:])
try:
    add5()
except TypeError as e:
    print("TypeError:", e)
