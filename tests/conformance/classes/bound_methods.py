# Bound and unbound methods, method equality and rebinding.
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a1, a2 = A(1), A(2)
m1 = a1.get
print(m1(), A.get(a2), m1.__self__ is a1, m1.__func__ is A.get, a1.get == a1.get, a1.get == a2.get)
methods = [a1.get, a2.get]
print([m() for m in methods])
a1.v = 100
print(m1())
a1.get = lambda: "instance attr"
print(a1.get(), A.get(a1))
print(type(A.get).__name__, type(a2.get).__name__)
class B:
    def __call__(self):
        return "called"
    def meth(self):
        return self
b = B()
print(b(), b.meth() is b, B.meth(b) is b, B.__call__(b))
unbound = A.get
try:
    unbound()
except TypeError as e:
    print("TypeError:", e)
