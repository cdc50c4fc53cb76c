# str.format: positional, keyword, indexing, attributes, conversions, nesting.
print("{} {} {}".format(1, "a", [2]), "{0} {1} {0}".format("x", "y"), "{b} {a}".format(a=1, b=2))
print("{0[1]} {0[key]} {1.real} {1.imag}".format({1: "one", "key": "v"}, 3 + 4j))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("x"))
print("{:>{width}}|{:^{w2}.{p}f}".format("r", 3.14159, width=6, w2=10, p=2))
print("{{literal}} {}".format(5), "{:{}{}}".format(7, ">", 4), "{0:{1}}".format("x", 5))
class P:
    x = 10
    def __format__(self, spec):
        return f"P<{spec}>"
print("{0.x} {0:abc} {0!s:>5}".format(P()) if False else "{0.x} {0:abc}".format(P()))
print("{:,} {:_} {:.3%} {:e} {:#x} {:c}".format(1234567, 1234567, 0.25, 1000, 255, 97))
print("{0}{1}{0}".format("ab", "-"), "{}".format(None), "{:d}".format(True), "{:5}|{:<5}|".format(1, True))
print("{0[0][1]}".format([[1, 2]]), "{a[b]}".format(a={"b": "nested"}), "{.__class__.__name__}".format(1.5))
print(str.format("{} {}", "x", "y"), "{:s}".format("str"), "{:}".format(3), "{:10}|".format("left"))
print("{:=^20}".format(" title "), "{:+08.2f}".format(-3.5), "{:o}".format(8), "{:b}".format(5))
print("{name:*<8}|".format_map({"name": "map"}))
class Missing(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{a} {b}".format_map(Missing(a=1)))
bad = [lambda: "{}".format(), lambda: "{0} {}".format(1, 2), lambda: "{x}".format(), lambda: "{".format(),
       lambda: "}".format(), lambda: "{0[2]}".format([1]), lambda: "{:d}".format("s"), lambda: "{!x}".format(1),
       lambda: "{:q}".format(1), lambda: "{0.nope}".format(1), lambda: "{:,s}".format("a")]
for f in bad:
    try:
        print(f())
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
