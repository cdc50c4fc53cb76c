# A class whose method calls super() is collected once unreachable: the super() look-up
# cache must not keep the found function (and through it the class's cycle) alive.
import gc
import weakref


def make():
    class Base:
        def m(self):
            return "base"

    class Mid(Base):
        # The function super() finds from Child holds a __class__ cell: a cached entry
        # for it would keep Mid (and its MRO) alive.
        def m(self):
            return "mid+" + super().m()

    class Child(Mid):
        def m(self):
            return "child+" + super().m()

    c = Child()
    for _ in range(3):
        r = c.m()
    return weakref.ref(Base), weakref.ref(Mid), weakref.ref(Child), r


base, mid, child, r = make()
print(r)
gc.collect()
print(base() is None, mid() is None, child() is None)


class Keep:
    def m(self):
        return 1


class Sub(Keep):
    def m(self):
        return super().m() + 1


s = Sub()
print(s.m())
gc.collect()
print(s.m())
Keep.m = lambda self: 10
print(s.m())
