# Zero-argument and explicit super() in methods, classmethods, and __init__ chains.
class Base:
    def __init__(self):
        self.log = ["Base"]
    @classmethod
    def create(cls):
        return f"create {cls.__name__}"
    def method(self):
        return "Base.method"
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
    def method(self):
        return "Left>" + super().method()
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
    def method(self):
        return "Right>" + super().method()
class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
    @classmethod
    def create(cls):
        return "Child:" + super().create()
    def method(self):
        return "Child>" + super(Child, self).method()
    def skip(self):
        return super(Left, self).method()
c = Child()
print(c.log, c.method(), Child.create(), c.skip())
print(super(Child, c).method(), super(Right, c).method())
class P:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
class Q(P):
    pass
def outside():
    try:
        super().method()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()
print(type(super(Child, c)).__name__)
