# The gc module's API: thresholds, enable/disable, is_tracked, get_referents,
# get_referrers, callbacks, DEBUG_SAVEALL, get_objects, freeze.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()
print(gc.get_threshold())
gc.set_threshold(100, 5, 3)
print(gc.get_threshold())
gc.set_threshold(700)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
for bad in [lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.set_threshold(),
            lambda: gc.set_threshold(1, 2, 3, 4), lambda: gc.collect("a"),
            lambda: gc.get_objects(3), lambda: gc.is_tracked()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class A:
    pass


class S:
    __slots__ = ("x", "y")


def f():
    pass


import sys

print([gc.is_tracked(v) for v in (1, "s", 1.5, None, True, b"b", 2**100)])
print([gc.is_tracked(v) for v in ([], {}, set(), frozenset(), A(), A, f, sys, ([],))])
print(gc.is_tracked(int), gc.is_tracked(object()), gc.is_tracked(S()))

print(gc.get_referents([1, "a", None, 2.5]))
print(gc.get_referents((1, 2, 3)))
print(gc.get_referents({1: "a", "b": 2}))
s = S()
s.x = []
s.y = 5
print(gc.get_referents(s))
a = A()
a.p = 1
a.q = "s"
print(gc.get_referents(a))
print(gc.get_referents(1, "x"), gc.get_referents())

target = ["t"]
holder = [target]
print(any(r is holder for r in gc.get_referrers(target)))

gc.collect()
calls = []


def cb(phase, info):
    calls.append((phase, sorted(info.items())))


gc.callbacks.append(cb)
x = []
x.append(x)
del x
print(gc.collect())
gc.callbacks.remove(cb)
for c in calls:
    print(c)

gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
y = [0]
y.append(y)
del y
print(gc.collect(), len(gc.garbage), gc.garbage[0][0], gc.garbage[0][1] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK)

marker = A()
print(any(o is marker for o in gc.get_objects()))
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
print(any(o is marker for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
print(any(o is marker for o in gc.get_objects()))
