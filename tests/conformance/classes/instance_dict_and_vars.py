# __dict__, vars(), dir() filtered, __class__ assignment.
class A:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
class B:
    def hello(self):
        return "B.hello"
obj = A()
print(vars(obj), obj.__dict__ is vars(obj), "cls_attr" in vars(A), sorted(k for k in vars(A) if not k.startswith("__")))
obj.__dict__["c"] = 3
print(obj.c, sorted(n for n in dir(obj) if not n.startswith("__")))
obj.__class__ = B
print(type(obj).__name__, obj.hello(), obj.a)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
try:
    (5).__class__ = str
except TypeError as e:
    print("TypeError:", e)
obj.__dict__ = {"z": 26}
print(obj.z, hasattr(obj, "a"))
print(sorted(n for n in dir(B) if not n.startswith("_")), "__init__" in dir(B))
