# Truthiness: __bool__ wins over __len__; __len__ used when no __bool__; errors from bad values.
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Inherits(LenOnly):
    pass
print(bool(Both()), len(Both()), bool(LenOnly(0)), bool(LenOnly(3)), bool(Inherits(0)), not LenOnly(1))
print([x for x in [LenOnly(0), LenOnly(2), Both()] if x].__len__(), "yes" if Inherits(5) else "no")
class BoolNone:
    __bool__ = None
try:
    bool(BoolNone())
except TypeError as e:
    print("TypeError:", e)
class HugeLen:
    def __len__(self):
        return 2**70
try:
    len(HugeLen())
except OverflowError as e:
    print("OverflowError:", e)
try:
    bool(HugeLen())
except OverflowError as e:
    print("OverflowError:", e)
class FloatLen:
    def __len__(self):
        return 2.0
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError:", e)
while LenOnly(0):
    print("never")
print(any([LenOnly(0), Both()]), all([LenOnly(1), Inherits(2)]))
