# Code objects' introspection API: co_stacksize, co_linetable, co_exceptiontable,
# co_lines(), co_positions(), equality and hashing by content, and frames' f_lineno while a
# frame is inside a dunder, a property or a builtin (the caller's line, not a stale one).
import sys


def sample(a, b=2):
    total = 0
    for i in range(a):
        try:
            total += i * b
        except ZeroDivisionError:
            total = -1
    return [x
            for x in (total,
                      a)]


def walk(c):
    yield c
    for k in c.co_consts:
        if isinstance(k, type(sample.__code__)):
            yield from walk(k)


for c in walk(sample.__code__):
    print(c.co_name, c.co_stacksize, c.co_firstlineno)
    print(" lines", list(c.co_lines()))
    print(" positions", list(c.co_positions()))
    print(" tables", type(c.co_linetable).__name__, len(c.co_linetable) > 0,
          type(c.co_exceptiontable).__name__, len(c.co_exceptiontable))
    print(" units", len(c.co_code) // 2 == len(list(c.co_positions())))

src = "def f(x):\n    return x + 1\ny = f(2)\n"
a = compile(src, "m", "exec")
b = compile(src, "m", "exec")
print(a == b, a != b, hash(a) == hash(b), a.co_consts[0] == b.co_consts[0])
print(a == compile(src, "other-name-same-code", "exec"))
print(a == compile(src.replace("1", "2"), "m", "exec"), a == 1, a != "x")
print(compile("1.0", "m", "eval") == compile("1", "m", "eval"))
print(compile("0.0", "m", "eval") == compile("-0.0", "m", "eval"))
print(len({a, b}))


class Probe:
    def __add__(self, other):
        print("add from line", sys._getframe(1).f_lineno)
        return self

    def __eq__(self, other):
        print("eq from line", sys._getframe(1).f_lineno)
        return True

    def __getitem__(self, key):
        print("getitem from line", sys._getframe(1).f_lineno)
        return key

    @property
    def prop(self):
        print("property from line", sys._getframe(1).f_lineno)
        return 1


def caller():
    p = Probe()
    n = 1
    p + n
    q = [1,
         2]
    p == q
    p[3]
    p.prop
    for i in range(2):
        p + i
    here = sys._getframe()
    print("own line", here.f_lineno)
    print("own line again",
          here.f_lineno)


caller()
