# abc: ABC, abstractmethod, abstract properties, register, __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name} area={self.area()}"
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Partial(Shape):
    def area(self):
        return 1
try:
    Partial()
except TypeError as e:
    print("TypeError:", e)
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"
print(Square(3).describe(), isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
class Duck(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return any("quack" in vars(B) for B in C.__mro__) or NotImplemented
        return NotImplemented
class Mallard:
    def quack(self):
        return "quack"
print(isinstance(Mallard(), Duck), issubclass(int, Duck))
class Registered:
    pass
Shape.register(Registered)
print(issubclass(Registered, Shape), isinstance(Registered(), Shape), Registered.__mro__)
class Base(ABC):
    @staticmethod
    @abstractmethod
    def make():
        ...
class Impl(Base):
    @staticmethod
    def make():
        return "made"
print(Impl.make(), Impl().make())
