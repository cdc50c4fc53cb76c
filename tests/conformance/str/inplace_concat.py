# `s += t` / `s = s + t` on str locals: rpy grows an unshared str in place; the results,
# identities of other references, hashes and indexing must be those of fresh strings.
import sys


def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


s = build(1000)
print(len(s), s[:12], s[-12:], hash(s) == hash("".join(str(i % 10) for i in range(1000))))


def aliases():
    a = "ab"
    b = a
    a += "c"
    print(a, b, a is b)
    c = "x" * 3
    d = [c]
    c += "y"
    print(c, d)
    e = "key" + str(7)
    h = hash(e)
    table = {e: 1}
    e2 = e
    del e2
    e += "!"
    print(e, table, hash(e) == hash("key7!"), h == hash("key7"))
    f = sys.intern("interned" + str(1))
    g = f
    del g
    f += "z"
    print(f, sys.intern("interned1"))


aliases()


def widths():
    w = "é"
    w += "ab"
    print(w, len(w), ascii(w))
    w += "€"
    print(w, len(w), w[3], w.index("€"))
    w += "😀"
    print(w, len(w), w[-1], w[1:4], hash(w) == hash("éab€😀"))
    x = ""
    for i in range(4):
        x = x + (chr(0xD83D) if i % 2 == 0 else chr(0xDE00))
    print(ascii(x), len(x))
    long = "αβγ" * 40
    for i in range(50):
        long += "δ" if i % 2 else "a"
    print(len(long), long[100], long[130], long[-3:], long.count("δ"))


widths()


def reads_between():
    s = "start"
    for i in range(3):
        s = s + "-" + str(i)
        t = s
        print(t)
        s += "."
    print(s, t)


reads_between()


def errors():
    s = "abc"
    try:
        s += 5
    except TypeError as e:
        print(type(e).__name__, e)
    print(s)
    try:
        s = s + None
    except TypeError as e:
        print(type(e).__name__, e)
    print(s)


errors()


class S(str):
    pass


def subclass():
    s = S("base")
    s += "tail"
    print(type(s).__name__, s)
    t = "head"
    t += S("sub")
    print(type(t).__name__, t)
    u = "same"
    u += ""
    print(u)


subclass()
