# Calls of classes without a Python __init__ and of slot wrappers with a receiver, which
# the eval loop makes directly through the callable's call slot.
import abc


class OC(list):
    pass


class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)


class Base:
    def __init__(self, x):
        self.x = x


class Child(Base):
    pass


class S(object):
    def __init__(self, a):
        super(S, self).__init__()
        self.a = a


class Meta(type):
    def __call__(cls, *args):
        print("meta call", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    pass


class A(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


o = OC()
o.append(1)
print(type(o).__name__, o, OC([1, 2]), OC("ab"))
print(type(WithNew(1, 2)).__name__)
print(Child(5).x, S(3).a)
print(type(M()).__name__)
for bad in (
    lambda: OC(1),
    lambda: OC(1, 2),
    lambda: A(),
    lambda: object.__init__(),
    lambda: object.__init__(1, 2),
    lambda: list.__init__(S(1)),
    lambda: super(S, S(1)).__init__(5),
    lambda: Child(),
):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
init = object.__init__
print(init(S(2)), int.__add__(2, 3))
print([OC([i]) for i in range(3)])
