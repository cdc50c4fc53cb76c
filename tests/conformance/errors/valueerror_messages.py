# ValueError messages from builtins and methods.
cases = [lambda: int("abc"), lambda: int("12", 2), lambda: int(""), lambda: float("x"), lambda: complex("1+"),
         lambda: [1, 2].index(3), lambda: (1,).index(2), lambda: "abc".index("z"), lambda: [].remove(1),
         lambda: "a,b".split(""), lambda: range(1, 2, 0), lambda: chr(-1), lambda: "x" * -1 if False else int("1e3"),
         lambda: bytes([300]), lambda: bytearray([-1]), lambda: bytes.fromhex("0g"), lambda: "abc".encode("ascii", "bogus"),
         lambda: int("9" * 5000), lambda: a_b(), lambda: dict([("a",)]), lambda: max([]), lambda: min(()),
         lambda: (x for x in []).throw(ValueError("thrown")), lambda: "{0:q}".format(1), lambda: format(1, "zz"),
         lambda: "%q" % 1, lambda: [1][::0], lambda: slice(0, 1, 0).indices(1), lambda: divmod(1, 0) if False else float("1_"),
         lambda: int("0x10", 10), lambda: "".center(-1, "ab") if False else str.maketrans("a", "bc"),
         lambda: memoryview(b"x").cast("q"), lambda: "x".zfill("a") if False else round(1.5, "x") if False else int("١٢a")]
def a_b():
    a, b = [1, 2, 3]
for c in cases:
    try:
        c()
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
