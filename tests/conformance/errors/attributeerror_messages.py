# AttributeError messages for instances, classes, modules, builtins, slots, properties.
import math
class P:
    __slots__ = ("x",)
class Q:
    @property
    def ro(self):
        return 1
class R:
    pass
cases = [lambda: (1).foo, lambda: "s".foo, lambda: [].push, lambda: {}.iteritems, lambda: None.x, lambda: R().attr,
         lambda: R.attr, lambda: math.tau_x, lambda: setattr(P(), "y", 1), lambda: P().x, lambda: setattr(Q(), "ro", 2),
         lambda: delattr(Q(), "ro"), lambda: setattr(1, "x", 1), lambda: setattr("s", "upper", 1), lambda: setattr(int, "x", 1),
         lambda: delattr(R(), "nothing"), lambda: object().__dict__, lambda: (lambda: 0).nope, lambda: print.__wrapped__,
         lambda: type.mro(int).foo, lambda: setattr(list, "append", 1), lambda: R().__missing_dunder__,
         lambda: (1, 2).append, lambda: b"".format, lambda: True.real.nope, lambda: range(3).step.x]
for c in cases:
    try:
        c()
        print("no error")
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
