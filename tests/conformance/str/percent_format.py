# printf-style % formatting.
print("%s and %s" % ("a", "b"), "%r" % "q", "%a" % "é", "%5s|%-5s|" % ("x", "y"), "%.2s" % "abcdef")
print("%d%%" % 50, "%c%c" % (72, "i"), "%x %X %o %#x %#o" % (255, 255, 8, 255, 8), "%+d % d" % (5, 5))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30}, "%(x)r" % {"x": [1]})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 3, 3.14159), "%05.1f" % 2.25, "%e" % 123456.789, "%g" % 0.00001234)
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (None, True), "%i" % 3.99, "%d" % True)
print("%10.3e|%-10.3g|%G" % (1234.5, 1234.5, 1e-10), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
print("%s" % "%s", "%%s" % (), "abc" % (), "%(a)s%(a)s" % {"a": "z"})
print("%x" % 2**70, "%d" % -(2**70), "%o" % -8, "%5.3d" % 7, "%-6.2x|" % 10)
class R:
    def __repr__(self):
        return "R()"
    def __str__(self):
        return "str-R"
print("%s %r" % (R(), R()))
errors = [lambda: "%d" % "x", lambda: "%s %s" % ("a",), lambda: "%s" % ("a", "b"), lambda: "%(k)s" % {},
          lambda: "%z" % 1, lambda: "%d" % [], lambda: "%c" % 1114112, lambda: "%c" % "ab", lambda: "%(a)s" % (1,)]
for f in errors:
    try:
        print(f())
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
