# next(gen) resumes the generator inside the eval loop: values, StopIteration (with and
# without a return value, defaults), exceptions and tracebacks through the call, "already
# executing", frames, gi_running, the recursion limit, and next() of other iterators.
import sys
def g():
    yield 1
    yield 2
    return 5
it = g()
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.args, e.value)
try:
    next(it)
except StopIteration as e:
    print("stop2", e.args)
print(next(it, "dflt"))
it = g()
print(next(it, 0), next(it, 0), next(it, "d"), next(it, "d2"))
def h():
    yield 1
    raise ValueError("boom")
it = h()
next(it)
try:
    next(it)
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print("tb", tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
def s():
    yield 1
    raise StopIteration(3)
it = s(); next(it)
try:
    next(it)
except RuntimeError as e:
    print("RT", e, type(e.__cause__).__name__)
def n0():
    return None
    yield
try:
    next(n0())
except StopIteration as e:
    print("n0", e.args)
def rec():
    yield next(r)
r = rec()
try:
    next(r)
except ValueError as e:
    print("VE", e)
def frames():
    yield sys._getframe().f_back.f_code.co_name
def caller():
    return next(frames())
print(caller())
def running():
    yield gi.gi_running
gi = running()
print(next(gi))
print(gi.gi_running, gi.gi_frame.f_lineno if gi.gi_frame else None)
# many nexts
def cnt():
    i = 0
    while True:
        yield i
        i += 1
c = cnt()
print(sum(next(c) for _ in range(100)))
print([next(c) for _ in range(3)])
# next with a non-generator
print(next(iter([1,2])), next(iter([]), "e"))
class It:
    def __next__(self): return 9
print(next(It()))
try:
    next(1)
except TypeError as e: print(e)
try:
    next()
except TypeError as e: print(e)
try:
    next(c, 1, 2)
except TypeError as e: print(e)
try:
    next(c, d=1)
except TypeError as e: print(e)
n = next
print(n(c))
def closing():
    try:
        yield 1
    finally:
        print("finally")
cl = closing(); print(next(cl)); del cl
def deep(k):
    if k == 0:
        yield 0
    else:
        yield next(deep(k-1)) + 1
try:
    print(next(deep(5000)))
except RecursionError as e:
    print("recursion")
print(next(deep(50)))
# A generator driven by next() from inside another running generator, and gi_frame.f_back.
def inner():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield "again"
def outer():
    i = inner()
    yield next(i)
    yield next(i)
    yield next(i, "done")
print(list(outer()))
