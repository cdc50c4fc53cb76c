# gen.throw(e)/coro.throw(e): e's __context__ is the generator's own handled exception (if
# any), never the exception the caller is handling, and it stays so as e propagates.
import sys
def g():
    try:
        yield 1
    except ValueError as e:
        print("in gen: context", repr(e.__context__), "exc", repr(sys.exception()))
        yield 2
    yield 3

def h():
    yield 1

it = g(); next(it)
try:
    raise KeyError("outer")
except KeyError:
    e = ValueError("v")
    print(it.throw(e))
    print("after throw context", repr(e.__context__))

it = h(); next(it)
try:
    raise KeyError("outer2")
except KeyError:
    e = ValueError("v2")
    try:
        it.throw(e)
    except ValueError as x:
        print("propagated context", repr(x.__context__))

def k():
    try:
        raise OSError("inside")
    except OSError:
        yield 1
it = k(); next(it)
try:
    raise KeyError("outer3")
except KeyError:
    e = ValueError("v3")
    try:
        it.throw(e)
    except ValueError as x:
        print("propagated context3", repr(x.__context__))

it = h(); next(it)
e = ValueError("v4")
try:
    it.throw(e)
except ValueError as x:
    print("no handler context", repr(x.__context__))

def deleg():
    yield from h()
it = deleg(); next(it)
try:
    raise KeyError("outer5")
except KeyError:
    e = ValueError("v5")
    try:
        it.throw(e)
    except ValueError as x:
        print("deleg context", repr(x.__context__))
async def co():
    await Aw()
class Aw:
    def __await__(self):
        yield 1
c = co(); c.send(None)
try:
    raise KeyError("outer6")
except KeyError:
    e = ValueError("v6")
    try:
        c.throw(e)
    except ValueError as x:
        print("coro context", repr(x.__context__))
