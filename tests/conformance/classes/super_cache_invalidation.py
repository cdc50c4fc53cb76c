# super().m() looked up again after the classes along the MRO change: methods added,
# replaced and deleted on a base, __bases__ reassigned, the same call site reached from
# instances of different subclasses, class attributes that are not methods, and the
# errors when nothing after the class has the name.
class A:
    def m(self, x):
        return f"A.m({x})"

class B(A):
    def m(self, x):
        return "B>" + super().m(x)

class C(B):
    def m(self, x):
        return "C>" + super().m(x)

class D(B):
    pass

c, d = C(), D()
for i in range(3):
    print(c.m(i), d.m(i))

# A method added on an intermediate class is found by the next call.
def b_extra(self, x):
    return f"B2({x})"
B.m2 = b_extra
class E(B):
    def m2(self, x):
        return "E>" + super().m2(x)
e = E()
print(e.m2(1))
B.m2 = lambda self, x: f"lambda({x})"
print(e.m2(2))
del B.m2
try:
    e.m2(3)
except AttributeError as exc:
    print("AttributeError:", exc)

# Replacing the base's method after the site ran.
print(c.m(5))
A.m = lambda self, x: f"newA({x})"
print(c.m(6))
del A.m
try:
    c.m(7)
except AttributeError as exc:
    print("AttributeError:", exc)
def restored(self, x):
    return f"restored({x})"
A.m = restored
print(c.m(8))

# __bases__ reassigned: the MRO after the class changes.
class P:
    def who(self):
        return "P"
class Q:
    def who(self):
        return "Q"
class R(P):
    def who(self):
        return "R>" + super().who()
r = R()
print(r.who())
R.__bases__ = (Q,)
print(r.who())
R.__bases__ = (P,)
print(r.who())

# One call site, instances of several subclasses with different MROs.
class Mixin(A):
    def m(self, x):
        return "Mixin>" + super().m(x)
class F(B, Mixin):
    pass
class G(Mixin, B):
    pass
for obj in (C(), D(), F(), G()):
    print(type(obj).__name__, obj.m(0))

# Non-method attributes through super(): a value, a property, a classmethod, a staticmethod.
class Base2:
    value = 41
    @property
    def prop(self):
        return "prop of " + type(self).__name__
    @classmethod
    def cm(cls):
        return "cm " + cls.__name__
    @staticmethod
    def sm(x):
        return x * 2
class Sub2(Base2):
    value = 1
    def show(self):
        return super().value, super().prop, super().cm(), super().sm(4)
s = Sub2()
for _ in range(2):
    print(s.show())
Base2.value = 42
print(s.show())

# An instance attribute shadowing a method does not change super()'s answer.
class H(A):
    def m(self, x):
        return "H>" + super().m(x)
h = H()
h.m2 = "instance"
print(h.m(1))
