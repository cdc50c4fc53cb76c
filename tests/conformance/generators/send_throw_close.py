# send(), throw() and close() on generators.
def echo():
    received = None
    while True:
        try:
            received = yield f"got {received}"
        except ValueError as e:
            received = f"handled {e}"
        except GeneratorExit:
            print("closing echo")
            raise
g = echo()
print(next(g))
print(g.send(1))
print(g.send("two"))
print(g.throw(ValueError("bad")))
print(g.send(None))
g.close()
print(g.gi_frame is None)
try:
    g.send(5)
except StopIteration:
    print("StopIteration after close")
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 60]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
def fresh():
    yield 1
f = fresh()
try:
    f.send("x")
except TypeError as e:
    print("TypeError:", e)
def stubborn():
    try:
        yield 1
    finally:
        print("finally runs on close")
s = stubborn()
next(s)
s.close()
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ig = ignore_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def thrower():
    yield 1
    yield 2
t = thrower()
try:
    t.throw(KeyError("unstarted"))
except KeyError as e:
    print("KeyError raised out of unstarted generator:", e)
print(list(t))
def catches():
    while True:
        try:
            yield
        except Exception as e:
            print("caught inside:", type(e).__name__)
            yield "recovered"
c = catches()
next(c)
print(c.throw(IndexError))
