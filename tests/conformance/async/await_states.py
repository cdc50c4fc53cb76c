# GET_AWAITABLE on coroutines in different states, and generator/coroutine returns
# resumed inline (FOR_ITER, SEND) with their results, frames and states.
import types
import sys


@types.coroutine
def suspend():
    v = yield 1
    return v


async def inner():
    got = await suspend()
    return ("inner", got)


async def outer(c):
    return await c


# A coroutine suspended in its own await cannot be awaited again.
c = inner()
print(c.send(None))
o = outer(c)
try:
    o.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.send("x")
except StopIteration as e:
    print("inner returned", e.value)

# A finished coroutine: awaiting it raises the usual error.
async def quick():
    return 3


q = quick()
try:
    q.send(None)
except StopIteration as e:
    print("quick", e.value)
try:
    outer(q).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# A fresh coroutine awaited inline returns through the caller's SEND.
async def chain(n):
    if n == 0:
        return 0
    return 1 + await chain(n - 1)


try:
    chain(30).send(None)
except StopIteration as e:
    print("chain", e.value)


# A generator returning inside a for loop, with values on its stack.
def gen_ret():
    for i in range(3):
        for j in range(3):
            if j == 1:
                return (i, j)
            yield j


for x in gen_ret():
    print("item", x)


def wrap():
    r = yield from gen_ret()
    print("wrapped result", r)
    yield "end"


print(list(wrap()))


# gi_frame/cr_frame seen while running, then None after an inline return.
def peeking():
    f = sys._getframe()
    yield f.f_code.co_name
    return "done"


g = peeking()
for x in g:
    print("peek", x)
print(g.gi_frame, g.gi_running)


class Tracked:
    def __del__(self):
        print("del Tracked")


def holds():
    t = Tracked()
    yield 1
    return t.__class__.__name__


def drive():
    r = yield from holds()
    print("drive got", r)


for x in drive():
    print("drive item", x)
print("after drive")


# An exception from a coroutine awaited inline carries its traceback.
async def boom():
    raise ValueError("boom")


async def call_boom():
    await boom()


try:
    call_boom().send(None)
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ValueError", names)


# Awaits nested past the recursion limit raise RecursionError at the await.
async def deep(n):
    return await deep(n + 1)


try:
    deep(0).send(None)
except RecursionError as e:
    print("RecursionError", type(e.__context__).__name__)


# The awaiting frame's line while the awaited coroutine runs, and a yield through it.
async def where():
    f = sys._getframe(1)
    return f.f_lineno - f.f_code.co_firstlineno


async def caller():
    x = 1
    return (
        await where()
    ) + x


try:
    caller().send(None)
except StopIteration as e:
    print("line offset", e.value)


async def yields_through():
    r = await suspend()
    return r


yt = yields_through()
print("yielded", yt.send(None))
try:
    yt.send("sent")
except StopIteration as e:
    print("returned", e.value)
