# Comparison dunders run by COMPARE_OP: results, NotImplemented, reflection, errors.
import sys

def names(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out

class V:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, V) and self.x == o.x
    def __lt__(self, o): return self.x < o.x if isinstance(o, V) else NotImplemented
    def __le__(self, o): return self.x <= o.x
    def __repr__(self): return f"V({self.x})"

a, b = V(1), V(2)
print(a == b, a == V(1), a != b, a < b, b < a, a <= b, a > b, b >= a)
print(a == 3, a != 3)
r = a.__eq__  # bound
print(r(V(1)))

class Num:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n if o is None else NotImplemented
    def __lt__(self, o): return [self.n]

n = Num(5)
print(n == None, n < 1, bool(n < 1))
if n < 0: print("list truthy")
if Num(0) == None: print("no")
else: print("zero falsy")
print(n == n, n == Num(5), n != n)

class Sub(V):
    def __gt__(self, o):
        print("Sub.__gt__"); return True
    def __eq__(self, o):
        print("Sub.__eq__"); return "sub-eq"

print(V(1) < Sub(2))
print(V(1) == Sub(1))

class R:
    def __gt__(self, o): return "R.gt"
    def __eq__(self, o): return NotImplemented

class L:
    def __lt__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented

print(L() < R())
x = L()
print(x == x, x == L(), x != L())
try:
    L() < L()
except TypeError as e:
    print("TypeError", e)

class Boom:
    def __eq__(self, o): raise ValueError("boom")
    def __lt__(self, o): return 1 / 0

def f():
    return Boom() == 1
try:
    f()
except ValueError as e:
    print("ValueError", e, names(e.__traceback__))
try:
    print(Boom() < 1)
except ZeroDivisionError as e:
    print("ZDE", names(e.__traceback__))
try:
    if Boom() < 2: pass
except ZeroDivisionError as e:
    print("ZDE2")

class BadBool:
    def __bool__(self): raise RuntimeError("bad bool")
class C:
    def __eq__(self, o): return BadBool()
try:
    if C() == 1: pass
except RuntimeError as e:
    print("RuntimeError", e)
print(type(C() == 1).__name__)

class Rec:
    def __eq__(self, o): return self == o
try:
    Rec() == 1
except RecursionError as e:
    print("RecursionError", str(e)[:40])

class Gen:
    def __eq__(self, o):
        yield 1
print(type(Gen() == 1).__name__)

class Kw:
    def __eq__(self, o, extra=7): return (o, extra)
    def __lt__(*args): return args[1]
print(Kw() == 3, Kw() < 4)

class F:
    def __eq__(self, o):
        return sys._getframe(1).f_code.co_name
def caller():
    return F() == 0
print(caller())

# sorting and min use __lt__ from Rust
vs = [V(3), V(1), V(2)]
print(sorted(vs), min(vs), max(vs))
# in-loop comparisons
cnt = 0
for i in range(1000):
    if V(i) < V(500): cnt += 1
    if V(i) == V(i): cnt += 1
print(cnt)
class Ex(Exception): pass
class T:
    def __eq__(self, o):
        try:
            raise Ex
        except Ex:
            return "handled"
print(T() == 1)
def g():
    try:
        raise KeyError(1)
    except KeyError:
        return Boom() == 2
try:
    g()
except ValueError as e:
    print("ctx", type(e.__context__).__name__)
