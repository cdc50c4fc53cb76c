# numbers: the ABC tower, builtin registrations, abstract-method enforcement and the mixin
# methods each level derives from the primitives.
import numbers
from fractions import Fraction

print(numbers.__all__)
for v in (1, True, 1.5, 2j, Fraction(1, 3), "x", None):
    print(type(v).__name__, [isinstance(v, c) for c in (numbers.Number, numbers.Complex,
          numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational),
      issubclass(complex, numbers.Real), issubclass(bool, numbers.Number))
print([c.__name__ for c in numbers.Integral.__mro__])
print(numbers.Number.__hash__, numbers.Complex.__slots__)
print(sorted(numbers.Complex.__abstractmethods__))
print(sorted(numbers.Real.__abstractmethods__))
print(sorted(numbers.Rational.__abstractmethods__))
print(sorted(numbers.Integral.__abstractmethods__))
for cls in (numbers.Number, numbers.Complex, numbers.Integral):
    try:
        cls()
        print(cls.__name__, "instantiated")
    except TypeError as e:
        print(type(e).__name__, str(e).split(" with ")[0])


class MyInt(numbers.Integral):
    """A minimal Integral built on a plain int."""

    def __init__(self, v):
        self.v = int(v)

    def __int__(self): return self.v
    def __pow__(self, e, m=None): return MyInt(pow(self.v, int(e), m))
    def __rpow__(self, b): return MyInt(b ** self.v)
    def __lshift__(self, o): return MyInt(self.v << int(o))
    def __rlshift__(self, o): return MyInt(int(o) << self.v)
    def __rshift__(self, o): return MyInt(self.v >> int(o))
    def __rrshift__(self, o): return MyInt(int(o) >> self.v)
    def __and__(self, o): return MyInt(self.v & int(o))
    __rand__ = __and__
    def __xor__(self, o): return MyInt(self.v ^ int(o))
    __rxor__ = __xor__
    def __or__(self, o): return MyInt(self.v | int(o))
    __ror__ = __or__
    def __invert__(self): return MyInt(~self.v)
    def __add__(self, o): return MyInt(self.v + int(o))
    __radd__ = __add__
    def __neg__(self): return MyInt(-self.v)
    def __pos__(self): return MyInt(self.v)
    def __mul__(self, o): return MyInt(self.v * int(o))
    __rmul__ = __mul__
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __floordiv__(self, o): return MyInt(self.v // int(o))
    def __rfloordiv__(self, o): return MyInt(int(o) // self.v)
    def __mod__(self, o): return MyInt(self.v % int(o))
    def __rmod__(self, o): return MyInt(int(o) % self.v)
    def __abs__(self): return MyInt(abs(self.v))
    def __eq__(self, o): return self.v == int(o)
    def __lt__(self, o): return self.v < int(o)
    def __le__(self, o): return self.v <= int(o)
    def __trunc__(self): return MyInt(self.v)
    def __floor__(self): return MyInt(self.v)
    def __ceil__(self): return MyInt(self.v)
    def __round__(self, nd=None): return MyInt(self.v)
    def __repr__(self): return f"MyInt({self.v})"


a = MyInt(7)
print(a - 2, 10 - a, divmod(a, 3), divmod(20, a), float(a), complex(a), a.real, a.imag,
      a.conjugate(), a.numerator, a.denominator, bool(a), bool(MyInt(0)), [0, 1, 2, 3, 4, 5, 6, 7, 8][a])
print(isinstance(a, numbers.Rational), hash(a) if type(a).__hash__ else "unhashable")


print(numbers.Rational.__float__(Fraction(1, 4)), numbers.Real.__complex__(2.5),
      numbers.Real.__divmod__(7.5, 2), numbers.Complex.__sub__(3j, 1j), numbers.Complex.__bool__(0j))


class Reg:
    pass


numbers.Complex.register(Reg)
print(isinstance(Reg(), numbers.Number), isinstance(Reg(), numbers.Real))
