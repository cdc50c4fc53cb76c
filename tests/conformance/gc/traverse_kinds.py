# Cycles through each kind of container the collector traverses (instances with
# __slots__, inline attributes or a __dict__, lists, tuples, sets, dicts), what
# gc.collect() reports for them, and gc.get_referents on the same objects.
import gc

gc.disable()
gc.collect()


class S:
    __slots__ = ("a", "b", "c")


class I:
    def __init__(self):
        self.x = 1.5
        self.y = None


class Big:
    pass


def slots_cycle():
    s = S()
    s.a = 1.0
    s.b = [s]
    s.c = "x"


def inline_cycle():
    i = I()
    i.y = (i, 2, 3.0)


def dict_cycle():
    o = Big()
    for n in range(40):
        setattr(o, "f%d" % n, n)
    o.self = o


class K:
    pass


def set_cycle():
    k = K()
    k.s = {k, 1, 2.0, "s"}


def tuple_list_cycle():
    l = [1, 2.0]
    l.append((l, None))


for f in (slots_cycle, inline_cycle, dict_cycle, set_cycle, tuple_list_cycle):
    f()
    print(f.__name__, gc.collect())

s = S()
s.a = 3
s.b = 2.5
refs = gc.get_referents(s)
print(sorted(type(r).__name__ for r in refs))
i = I()
print(sorted(type(r).__name__ for r in gc.get_referents(i)))
keep = [S() for _ in range(50)]
for n, k in enumerate(keep):
    k.a = keep
    k.b = n
del keep
print("ring", gc.collect())
alive = [S() for _ in range(10)]
for k in alive:
    k.a = alive
print("alive", gc.collect(), len(alive))
gc.enable()
