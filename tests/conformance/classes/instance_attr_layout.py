# Instance attributes kept as inline values indexed by the class's shared keys: reads and
# writes after the keys grow, attributes shadowing methods, __class__ assignment between
# classes whose keys differ in order, and __dict__ order.


class A:
    def __init__(self):
        self.x = 1
        self.y = 2

    def m(self):
        return "A.m"


class B:
    def __init__(self):
        self.y = 3
        self.x = 4

    def m(self):
        return "B.m"


a = A()
b = B()
for _ in range(3):
    try:
        print(a.z)
    except AttributeError as e:
        print(type(e).__name__, e)
    print(a.m())
a2 = A()
a2.z = 9
a2.m = lambda: "instance m"
for _ in range(3):
    print(a2.z, a2.m(), a.m())
    try:
        print(a.z)
    except AttributeError as e:
        print(type(e).__name__, e)
a.z = 10
print(a.z, a.__dict__, list(a2.__dict__))

c = A()
c.__class__ = B
print(c.x, c.y, c.__dict__, c.m())
c.x = 5
print(c.x, c.__dict__)

# Many attributes: past the shared-keys limit an instance falls back to a dict.
class Many:
    pass


objs = [Many() for _ in range(3)]
for i in range(40):
    for j, o in enumerate(objs):
        setattr(o, f"a{(i * (j + 1)) % 40}", i)
for o in objs:
    print(sorted(o.__dict__.items())[:5], len(o.__dict__))
    print(o.a0, o.a4)

# Class attribute added after instances cached a miss.
class D:
    pass


d = D()
d.v = 1
for _ in range(2):
    print(getattr(d, "w", "missing"))
D.w = "class w"
print(d.w)
d.w = "instance w"
print(d.w, D.w)
del d.w
print(d.w)
