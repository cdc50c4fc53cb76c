# functools.singledispatch and singledispatchmethod with registration by annotation and by type.
import functools
@functools.singledispatch
def describe(obj):
    return f"object of type {type(obj).__name__}"
@describe.register
def _(obj: int):
    return f"int {obj}"
@describe.register(list)
@describe.register(tuple)
def _(obj):
    return f"sequence of {len(obj)}: " + ", ".join(describe(x) for x in obj)
@describe.register(bool)
def _(obj):
    return f"bool {obj}"
@describe.register(dict)
def _(obj):
    return "dict with keys " + ", ".join(sorted(map(str, obj)))
for v in [3, True, "s", [1, "a", (2, False)], {"b": 1, "a": 2}, 2.5, None]:
    print(describe(v))
print(describe.dispatch(bool).__name__, describe.dispatch(float) is describe.dispatch(object), sorted(t.__name__ for t in describe.registry))
class Formatter:
    @functools.singledispatchmethod
    def fmt(self, arg):
        return f"<{arg}>"
    @fmt.register
    def _(self, arg: int):
        return f"#{arg:04d}"
    @fmt.register
    def _(self, arg: float):
        return f"{arg:.2f}"
f = Formatter()
print(f.fmt(7), f.fmt(3.14159), f.fmt("x"), f.fmt(True))
