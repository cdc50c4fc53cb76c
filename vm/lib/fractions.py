"""Fraction, infinite-precision, rational numbers (rpy's own fractions module).

Construction from ints, Fractions, floats, strings and other objects with
`as_integer_ratio`; exact arithmetic with ints and Fractions (floats and complex numbers
make the result inexact, as in CPython); hashes equal to those of equal ints and floats.
"""

import math
import numbers
import operator
import re

__all__ = ["Fraction"]

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159

_RATIONAL_FORMAT = re.compile(r"""
    \A\s*
    (?P<sign>[-+]?)
    (?=\d|\.\d)
    (?P<num>\d*|\d+(_\d+)*)
    (?:
       (?:\s*/\s*(?P<denom>\d+(_\d+)*))?
    |
       (?:\.(?P<decimal>\d*|\d+(_\d+)*))?
       (?:E(?P<exp>[-+]?\d+(_\d+)*))?
    )
    \s*\Z
""", re.VERBOSE | re.IGNORECASE)


def _ratio(x):
    """(numerator, denominator) of an int or Fraction."""
    if isinstance(x, int):
        return int(x), 1
    return x._numerator, x._denominator


class Fraction:
    """This class implements rational numbers.

    Fraction(8, 6) == Fraction(4, 3); Fraction() == 0; Fractions can also be built from
    strings ('3/7', '-1.5e-3'), floats and other rationals.
    """

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, (float, complex)) and not isinstance(numerator, complex):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                n, d = _parse(numerator)
                numerator, denominator = n, d
            elif (hasattr(type(numerator), "as_integer_ratio")
                  and not isinstance(numerator, complex)):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            else:
                raise TypeError("argument should be a string or a Rational instance or "
                                "have the as_integer_ratio() method")
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, (int, Fraction)) and
              isinstance(denominator, (int, Fraction))):
            (n1, d1), (n2, d2) = _ratio(numerator), _ratio(denominator)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, int):
            return cls(dec)
        if not hasattr(dec, "as_integer_ratio") or isinstance(dec, float):
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                            % (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def from_number(cls, number):
        """Converts a finite real number to a rational number, exactly."""
        if isinstance(number, (int, Fraction)):
            return cls(number)
        if not isinstance(number, type) and hasattr(number, "as_integer_ratio"):
            return cls._from_coprime_ints(*number.as_integer_ratio())
        raise TypeError("%s.from_number() only takes numbers, not %r (%s)"
                        % (cls.__name__, number, type(number).__name__))

    def is_integer(self):
        """Return True if the Fraction is an integer."""
        return self._denominator == 1

    def as_integer_ratio(self):
        """Return a pair of integers, whose ratio is equal to the original Fraction."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction convergents p/q until q would exceed the bound,
        # then pick the nearer of the last convergent and the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        """Format this fraction according to the given format specification."""
        if not format_spec:
            return str(self)
        spec = format_spec
        if spec[-1:] in ("f", "F", "%"):
            return _format_fixed(self, spec)
        if spec[-1:] not in ("e", "E", "g", "G", "n", "d", "x", "X", "o", "b", "c", "s"):
            # Alignment and width only: formats str(self).
            try:
                return format(str(self), spec)
            except ValueError:
                pass
        raise ValueError("Unknown format code %r for object of type %r (rpy's fractions "
                         "supports '', 'f', 'F' and '%%')" % (spec[-1:], type(self).__name__))

    # --- arithmetic ------------------------------------------------------------------------

    def _binop(a, b, exact, inexact):
        if isinstance(b, (int, Fraction)):
            return exact(a, b)
        if isinstance(b, float):
            return inexact(float(a), b)
        if isinstance(b, complex):
            return inexact(complex(a), b)
        return NotImplemented

    def _rbinop(b, a, exact, inexact):
        if isinstance(a, (int, Fraction)):
            return exact(a, b)
        if isinstance(a, float):
            return inexact(a, float(b))
        if isinstance(a, complex):
            return inexact(a, complex(b))
        return NotImplemented

    def __add__(a, b):
        return a._binop(b, _add, operator.add)

    def __radd__(b, a):
        return b._rbinop(a, _add, operator.add)

    def __sub__(a, b):
        return a._binop(b, _sub, operator.sub)

    def __rsub__(b, a):
        return b._rbinop(a, _sub, operator.sub)

    def __mul__(a, b):
        return a._binop(b, _mul, operator.mul)

    def __rmul__(b, a):
        return b._rbinop(a, _mul, operator.mul)

    def __truediv__(a, b):
        return a._binop(b, _div, operator.truediv)

    def __rtruediv__(b, a):
        return b._rbinop(a, _div, operator.truediv)

    def __floordiv__(a, b):
        return a._binop(b, _floordiv, operator.floordiv)

    def __rfloordiv__(b, a):
        return b._rbinop(a, _floordiv, operator.floordiv)

    def __divmod__(a, b):
        return a._binop(b, _divmod, divmod)

    def __rdivmod__(b, a):
        return b._rbinop(a, _divmod, divmod)

    def __mod__(a, b):
        return a._binop(b, _mod, operator.mod)

    def __rmod__(b, a):
        return b._rbinop(a, _mod, operator.mod)

    def __pow__(a, b, modulo=None):
        """a ** b: exact for integral b; otherwise computed in floating point."""
        if modulo is not None:
            return NotImplemented
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            if bd == 1:
                power = bn
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                if a._numerator == 0:
                    raise ZeroDivisionError("Fraction(%s, 0)" % a._denominator ** -power)
                if a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                   (-a._numerator) ** -power)
            return float(a) ** (bn / bd)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a, modulo=None):
        """a ** b"""
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, (int, Fraction)):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a):
        """int(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        return a.__int__()

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): rounds half to even."""
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            if remainder * 2 > d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        """float(a)"""
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    def __hash__(self):
        """hash(self): equal to the hash of an equal int or float."""
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        result = h if self._numerator >= 0 else -h
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            bn, bd = _ratio(b)
            return a._numerator == bn and a._denominator == bd
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            on, od = _ratio(other)
            return op(self._numerator * od, self._denominator * on)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _parse(text):
    m = _RATIONAL_FORMAT.match(text)
    if m is None:
        raise ValueError("Invalid literal for Fraction: %r" % text)
    numerator = int(m.group("num") or "0")
    denom = m.group("denom")
    if denom:
        denominator = int(denom)
    else:
        denominator = 1
        decimal = m.group("decimal")
        if decimal:
            decimal = decimal.replace("_", "")
            scale = 10 ** len(decimal)
            numerator = numerator * scale + int(decimal)
            denominator *= scale
        exp = m.group("exp")
        if exp:
            exp = int(exp)
            if exp >= 0:
                numerator *= 10 ** exp
            else:
                denominator *= 10 ** -exp
    if m.group("sign") == "-":
        numerator = -numerator
    return numerator, denominator


def _make(n, d):
    """The Fraction n/d (d > 0) in lowest terms."""
    g = math.gcd(n, d)
    if g == 1:
        return Fraction._from_coprime_ints(n, d)
    return Fraction._from_coprime_ints(n // g, d // g)


def _add(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    if da == db:
        return _make(na + nb, da)
    return _make(na * db + nb * da, da * db)


def _sub(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    if da == db:
        return _make(na - nb, da)
    return _make(na * db - nb * da, da * db)


def _mul(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    return _make(na * nb, da * db)


def _div(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    if nb == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % (na * db))
    n, d = na * db, da * nb
    if d < 0:
        n, d = -n, -d
    return _make(n, d)


def _floordiv(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    return (na * db) // (da * nb)


def _divmod(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    div, n_mod = divmod(na * db, da * nb)
    return div, Fraction(n_mod, da * db)


def _mod(a, b):
    (na, da), (nb, db) = _ratio(a), _ratio(b)
    return Fraction((na * db) % (nb * da), da * db)


def _format_fixed(value, spec):
    """Exact fixed-point formatting ('f', 'F', '%') with fill, align, sign, width,
    grouping and precision."""
    m = re.fullmatch(r"(?:(.)?([<>=^]))?([-+ ]?)(z?)(#?)(0?)(\d*)([,_]?)(?:\.(\d+))?([fF%])",
                     spec)
    if m is None:
        raise ValueError("Invalid format specifier %r for object of type %r"
                         % (spec, type(value).__name__))
    fill, align, sign, no_neg_zero, alt, zero, width, group, prec, kind = m.groups()
    prec = 6 if prec is None else int(prec)
    n, d = value._numerator, value._denominator
    if kind == "%":
        n *= 100
    neg = n < 0
    n = abs(n)
    scaled, rem = divmod(n * 10 ** prec, d)
    if rem * 2 > d or (rem * 2 == d and scaled % 2 == 1):
        scaled += 1
    digits = str(scaled).rjust(prec + 1, "0")
    whole, frac = digits[:len(digits) - prec], digits[len(digits) - prec:]
    if no_neg_zero and scaled == 0:
        neg = False
    if group:
        whole = format(int(whole), group)
    body = whole + ("." + frac if prec or alt else "") + ("%" if kind == "%" else "")
    sign_text = "-" if neg else ("" if sign in ("", "-") else sign)
    if zero and not align:
        fill, align = "0", "="
    fill = fill or " "
    align = align or ">"
    width = int(width or 0)
    pad = max(0, width - len(sign_text) - len(body))
    if align == "=":
        return sign_text + fill * pad + body
    text = sign_text + body
    if align == "<":
        return text + fill * pad
    if align == "^":
        return fill * (pad // 2) + text + fill * (pad - pad // 2)
    return fill * pad + text


# CPython's Fraction derives from numbers.Rational; registering gives the same isinstance answers
# without making Fraction an ABCMeta class.
numbers.Rational.register(Fraction)
