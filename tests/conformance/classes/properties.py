# property: getter/setter/deleter, read-only, computed, inheritance.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return round(self._c)
s = Sub(21.6)
print(s.celsius, type(Temp.celsius).__name__, Temp.celsius.fget.__name__)
class Legacy:
    def get_x(self):
        return 42
    x = property(get_x, doc="the x")
print(Legacy().x, Legacy.x.__doc__, Temp.celsius.__doc__)
