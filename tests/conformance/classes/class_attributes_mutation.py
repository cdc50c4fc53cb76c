# Modifying classes at runtime: new methods are visible to existing instances.
class Robot:
    def __init__(self, name):
        self.name = name
r = Robot("R2")
def speak(self):
    return self.name + " beeps"
Robot.speak = speak
print(r.speak())
Robot.speak = lambda self: self.name + " whirs"
print(r.speak())
del Robot.speak
print(hasattr(r, "speak"))
class Base:
    def hello(self):
        return "base"
class Derived(Base):
    pass
d = Derived()
print(d.hello())
Base.hello = lambda self: "patched base"
print(d.hello())
Derived.hello = lambda self: "derived"
print(d.hello(), Base().hello())
Derived.__bases__ = (object,) if False else Derived.__bases__
class Other:
    def hello(self):
        return "other"
class Swap(Base):
    pass
s = Swap()
Swap.__bases__ = (Other,)
print(s.hello(), Swap.__mro__[1].__name__)
for i in range(3):
    setattr(Robot, f"m{i}", lambda self, i=i: i * 10)
print(r.m0(), r.m1(), r.m2())
