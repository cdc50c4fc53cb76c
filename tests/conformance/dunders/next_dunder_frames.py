# FOR_ITER on iterators whose __next__ is written in Python, and on builtin iterators.
import sys

def names(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out

class Count:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i

print(list(Count(3)), sum(x for x in Count(4)))
for x in Count(3):
    print("item", x)
else:
    print("else ran")
for x in Count(5):
    if x == 2:
        break
print("broke at", x)

class MyStop(StopIteration): pass
class Sub:
    def __init__(self): self.k = 0
    def __iter__(self): return self
    def __next__(self):
        self.k += 1
        if self.k > 2: raise MyStop("done")
        return self.k
print([x for x in Sub()])

class Bad:
    def __iter__(self): return self
    def __next__(self): raise ValueError("bad next")
def loop():
    for x in Bad():
        pass
try:
    loop()
except ValueError as e:
    print("ValueError", e, names(e.__traceback__))

class Caught:
    def __init__(self): self.k = 0
    def __iter__(self): return self
    def __next__(self):
        self.k += 1
        if self.k > 3:
            try:
                raise StopIteration
            except StopIteration:
                pass
            raise StopIteration("again")
        return self.k
print(list(Caught()), [x * 2 for x in Caught()])

class Frames:
    def __init__(self): self.k = 0
    def __iter__(self): return self
    def __next__(self):
        self.k += 1
        if self.k > 1: raise StopIteration
        return sys._getframe(1).f_code.co_name
def who():
    for name in Frames():
        return name
print(who())

class Kw:
    def __iter__(self): return self
    def __next__(self, stop=[0]):
        stop[0] += 1
        if stop[0] > 2: raise StopIteration
        return stop[0]
print(list(Kw()))

class GenNext:
    def __iter__(self): return self
    def __next__(self):
        yield 1
it = iter(GenNext())
print(type(next(it)).__name__)

class Rec:
    def __iter__(self): return self
    def __next__(self):
        for x in Rec():
            return x
try:
    for x in Rec(): pass
except RecursionError as e:
    print("RecursionError", str(e)[:40])

def ctx():
    try:
        raise KeyError("k")
    except KeyError:
        for x in Bad(): pass
try:
    ctx()
except ValueError as e:
    print("context", type(e.__context__).__name__)

def in_try():
    out = []
    try:
        for x in Count(2):
            out.append(x)
    except StopIteration:
        out.append("leaked")
    return out
print(in_try())

class NextReturnsStop:
    def __iter__(self): return self
    def __next__(self): return StopIteration
it = NextReturnsStop()
for x in it:
    print("got", x.__name__)
    break

# Builtin iterators on the register path.
d = {"a": 1, "b": 2}
print([k for k in d], [kv for kv in d.items()], [i for i in enumerate("xy")])
print([p for p in zip([1, 2], "ab")], [s for s in {3}], [m for m in map(abs, [-1, -2])])
def mutate():
    d = {1: 1}
    try:
        for k in d:
            d[k + 1] = 0
    except RuntimeError as e:
        return str(e)
print(mutate())
def bad_map():
    for x in map(lambda v: 1 / v, [1, 0]):
        pass
try:
    bad_map()
except ZeroDivisionError as e:
    print("ZeroDivisionError", names(e.__traceback__))
