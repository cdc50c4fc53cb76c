# TypeError messages for operations on wrong types.
class Thing:
    pass
t = Thing()
num = 5
text, one_tuple, fl, none = "abc", (1,), 1.0, None
cases = [lambda: t + 1, lambda: 1 + t, lambda: t < t, lambda: -t, lambda: t(), lambda: t[0], lambda: len(t),
         lambda: iter(t), lambda: next(t), lambda: hash([]), lambda: {[]: 1}, lambda: {{}}, lambda: num[0],
         lambda: num(), lambda: text[fl], lambda: [1][none], lambda: one_tuple["a"], lambda: "a" in 5,
         lambda: 5 in t, lambda: [] * [], lambda: "%d" % "s", lambda: "{:d}".format("s") if False else int([]),
         lambda: float({}), lambda: complex([]), lambda: ord(1), lambda: chr("a"), lambda: list(1),
         lambda: dict(5), lambda: set(1.5), lambda: tuple(None), lambda: sum("ab"), lambda: sorted([1, None]),
         lambda: "".join([1]), lambda: b"".join(["s"]), lambda: str(b"x", 5), lambda: bytes(1.5), lambda: round("x"),
         lambda: pow("a", 2), lambda: divmod(1, "a"), lambda: ~"s", lambda: not_defined_call() if False else memoryview("s")]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
