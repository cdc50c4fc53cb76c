# ExceptionGroup API: split, subgroup, derive, nesting, str/repr, BaseExceptionGroup.
eg = ExceptionGroup("batch", [ValueError("a"), TypeError("b"), ExceptionGroup("sub", [ValueError("c"), KeyError("d")])])
print(repr(eg), str(eg), eg.message, len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(LookupError)), eg.subgroup(OSError))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and str(e) == "c")))
m2, r2 = eg.split((ValueError, TypeError, KeyError))
print(r2, m2 is eg)
d = eg.derive([RuntimeError("x")])
print(repr(d), type(d).__name__)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg))
eg2 = BaseExceptionGroup("auto", [ValueError(), TypeError()])
print(type(eg2).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("x", [KeyboardInterrupt()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)
mg = MyGroup("mine", [ValueError(1), TypeError(2)])
a, b = mg.split(ValueError)
print(type(a).__name__, a.message, b.message)
