# Generators and frames in cycles, exceptions holding tracebacks, and generators closed
# (finally blocks run) when collected.
import gc
import weakref

gc.disable()
gc.collect()
log = []


def selfish():
    me = yield
    try:
        yield me
    finally:
        log.append("finally ran")


g = selfish()
next(g)
g.send(g)
w = weakref.ref(g)
del g
gc.collect()
print(w() is None, log)
log.clear()


def counter():
    n = 0
    while True:
        n += 1
        yield n


g = counter()
next(g)
holder = [g]
holder.append(holder)
w = weakref.ref(g)
del g, holder
gc.collect()
print("generator in list cycle:", w() is None)


class Box:
    pass


def raiser():
    b = Box()
    try:
        raise ValueError("x")
    except ValueError as e:
        b.err = e
    return weakref.ref(b)


w = raiser()
print("before collect:", w() is not None)
gc.collect()
print("exception/traceback cycle:", w() is None)


def catch():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e


err = catch()
tb = err.__traceback__
print(type(tb).__name__, tb.tb_frame.f_code.co_name)
del err, tb
gc.collect()


async def coro(x):
    return x


c = coro(1)
holder = Box()
holder.items = [c, holder]
w = weakref.ref(holder)
del holder
gc.collect()
print("coroutine in cycle:", w() is None)
c.close()
print("done")


# Generators holding their owner, unstarted and suspended: their finalizer releases the
# frame, which frees the cycle before it is counted (as CPython counts).
def holder_gen(owner, i):
    items = [owner, i]
    yield items
    yield 2


for i in range(20):
    b = Box()
    b.g = holder_gen(b, i)
    b2 = Box()
    b2.g = holder_gen(b2, i)
    next(b2.g)
    del b, b2
print("owner generators:", gc.collect())
