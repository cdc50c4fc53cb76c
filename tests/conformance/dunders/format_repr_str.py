# __format__, __repr__, __str__, __bytes__ and how print/format/f-strings use them.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        if spec == "cents":
            return f"{self.cents}c"
        if spec:
            return format(str(self), spec)
        return str(self)
    def __bytes__(self):
        return str(self).encode()
m = Money(12345)
print(m, repr(m), str(m), f"{m}", f"{m!r}", f"{m:cents}", f"{m:>12}|", format(m, "<10") + "|", "{:cents}".format(m))
print([m], (m,), {"k": m}, bytes(m), "%s %r" % (m, m))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec):
        return None
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
class Rec:
    def __init__(self):
        self.me = [self]
    def __repr__(self):
        return f"Rec({self.me!r})" if False else "Rec(...)"
print(Rec())
class StrSub(str):
    def __str__(self):
        return "overridden"
print(str(StrSub("orig")), f"{StrSub('orig')}", "%s" % StrSub("orig"), StrSub("orig"))
