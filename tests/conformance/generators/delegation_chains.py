# yield from / await chains: values, sends, states, frames, exceptions and tracebacks seen
# through every level of a delegation chain (rpy passes values down and up such chains
# without running each level's RESUME/SEND/YIELD_VALUE).
import sys


def tb_entries(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def leaf(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def chain(d, n):
    if d == 0:
        r = yield from leaf(n)
    else:
        r = yield from chain(d - 1, n)
    return (d, r)


print(list(chain(5, 4)))
g = chain(3, 3)
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("returned", e.value)

# States and frames of every level while the innermost runs and after it yields.
gens = []


def probe():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 8:
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    print("stack", names[:6])
    print("running", [x.gi_running for x in gens])
    yield "p"
    print("running again", [x.gi_running for x in gens])
    yield "q"


def level(k):
    if k == 0:
        yield from probe()
    else:
        sub = level(k - 1)
        gens.append(sub)
        yield from sub


top = level(3)
gens.append(top)
print(next(top))
print("suspended", [x.gi_running for x in gens])
print("lines", [x.gi_frame.f_lineno for x in gens if x.gi_frame])
print("yieldfrom", [type(x.gi_yieldfrom).__name__ for x in gens])
print(next(top))
print(list(top))
print("frames after", [x.gi_frame for x in gens])


# An exception raised at the bottom unwinds through each delegating frame.
def bad(n):
    yield n
    raise ValueError("bottom %d" % n)


def wrap(d):
    if d == 0:
        yield from bad(7)
    else:
        try:
            yield from wrap(d - 1)
        except KeyError:
            print("not this one")


g = wrap(3)
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e, tb_entries(e.__traceback__))


# A handler in the middle of the chain catches it and goes on yielding.
def middle():
    try:
        yield from wrap(1)
    except ValueError as e:
        print("middle caught", e)
        yield "after"
    yield "end"


print(list(middle()))

# throw() and close() go down the chain to the innermost generator.
def closer(tag):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing", tag)
        raise
    except RuntimeError as e:
        print("thrown into", tag, e)
        yield "recovered"


def outer(d):
    if d == 0:
        yield from closer("leaf")
    else:
        yield from outer(d - 1)


g = outer(4)
print(next(g))
print(g.throw(RuntimeError("boom")))
print(next(g, "done"))
g = outer(4)
print(next(g))
g.close()
print("closed", g.gi_frame)

# A delegate finished behind the delegator's back: the next resumption sees it done.
def inner():
    yield 1
    yield 2
    return "inner done"


it = inner()


def holder():
    r = yield from it
    print("holder got", r)
    yield "holder end"


def top_holder():
    yield from holder()


h = top_holder()
print(next(h))
it.close()
print(list(h))

# Re-entering a running generator from the bottom of a chain.
me = None


def reenter():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print("reenter:", e)
    yield 2


def mid():
    yield from reenter()


me = mid()
print(list(me))


# Exception state: sys.exception() inside each level.
def exc_leaf():
    print("leaf sees", repr(sys.exception()))
    yield 1
    print("leaf sees again", repr(sys.exception()))


def exc_mid():
    try:
        raise KeyError("mid")
    except KeyError:
        yield from exc_leaf()
        print("mid sees", repr(sys.exception()))


try:
    raise IndexError("outside")
except IndexError:
    g = exc_mid()
    print(next(g))
print(list(g))


# Coroutine await chains with a custom awaitable at the bottom.
class Suspend:
    def __await__(self):
        x = yield "suspended"
        return x


async def co_leaf():
    v = await Suspend()
    return v * 2


async def co_chain(d):
    if d == 0:
        return await co_leaf()
    return await co_chain(d - 1) + 1


c = co_chain(6)
print(c.send(None))
try:
    c.send(10)
except StopIteration as e:
    print("coroutine returned", e.value)


async def co_raise(d):
    if d == 0:
        await Suspend()
        raise OSError("deep")
    await co_raise(d - 1)


c = co_raise(4)
c.send(None)
try:
    c.send(None)
except OSError as e:
    print("coroutine raised", e, tb_entries(e.__traceback__))

# Deep chains near the recursion limit fail cleanly.
def deep(d):
    if d == 0:
        yield "bottom"
    else:
        yield from deep(d - 1)


old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    print(list(deep(50)))
    try:
        print(list(deep(500)))
    except RecursionError as e:
        print("RecursionError", e)
    g = deep(150)
    try:
        print(next(g))
        for _ in range(3):
            print(next(g, "end"))
    except RecursionError:
        print("RecursionError while resuming")
finally:
    sys.setrecursionlimit(old)

# Non-generator iterators in the middle of a chain.
class Counter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def mixed():
    yield from Counter(3)
    yield from chain(2, 2)
    yield from iter([7, 8])


print(list(mixed()))
