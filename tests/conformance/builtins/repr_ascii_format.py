# repr, ascii and format builtins.
objs = [1, 1.5, "str", "é", b"b", [1, "a"], (1,), {"k": "v"}, {1}, None, True, 1j, range(3), slice(1, 2), ...]
for o in objs:
    print(repr(o), ascii(o), format(o) if not isinstance(o, (slice,)) else "slice-format", str(o))
print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(1234567, ","), format(0.5, "%"))
print(format(12, "x"), format(-3, "+d"), format(1e10, "g"), format(True), format(None))
class R:
    def __repr__(self):
        return "R<é>"
print(repr(R()), ascii(R()), ascii([R()]), ascii("日本"), repr("日本"))
