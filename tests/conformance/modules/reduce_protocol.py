# object.__reduce_ex__ / __reduce__ / __getstate__ and the builtin __getnewargs__ methods
# behind copy and pickle.
import copy, copyreg

class P:
    def __init__(self, x): self.x = x

class S:
    __slots__ = ('a', 'b')

class SD:
    __slots__ = ('a', '__dict__')

class NewArgs:
    def __new__(cls, v): o = super().__new__(cls); o.v = v; return o
    def __getnewargs__(self): return (self.v,)

class NewArgsEx:
    def __new__(cls, *, k): o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})

class BadEx:
    def __getnewargs_ex__(self): return [1]

class BadNew:
    def __getnewargs__(self): return [1]

class OwnReduce:
    def __reduce__(self): return (OwnReduce, ())

class State:
    def __init__(self): self.a = 1
    def __getstate__(self): return {'a': 99}

class F(float): pass
class L(list): pass
class D(dict): pass

def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
        return
    if isinstance(r, tuple):
        r = tuple(getattr(x, '__name__', None) or (list(x) if hasattr(x, '__next__') else x)
                  for x in r)
    print(label, r)

p = P(3)
s = S(); s.a = 1
sd = SD(); sd.a = 2; sd.z = 3
for label, f in [
    ("p2", lambda: p.__reduce_ex__(2)),
    ("p0", lambda: p.__reduce_ex__(0)),
    ("p reduce", lambda: p.__reduce__()),
    ("p state", lambda: p.__getstate__()),
    ("obj state", lambda: object().__getstate__()),
    ("slots state", lambda: s.__getstate__()),
    ("slots+dict state", lambda: sd.__getstate__()),
    ("slots2", lambda: s.__reduce_ex__(2)),
    ("slots0", lambda: s.__reduce_ex__(0)),
    ("newargs", lambda: NewArgs(5).__reduce_ex__(2)),
    ("newargs_ex", lambda: NewArgsEx(k=7).__reduce_ex__(4)),
    ("bad ex", lambda: BadEx().__reduce_ex__(2)),
    ("bad new", lambda: BadNew().__reduce_ex__(2)),
    ("own reduce", lambda: OwnReduce().__reduce_ex__(2)),
    ("state", lambda: State().__reduce_ex__(2)),
    ("int", lambda: (5).__reduce_ex__(2)),
    ("float sub", lambda: F(1.5).__reduce_ex__(2)),
    ("float0", lambda: F(1.5).__reduce_ex__(1)),
    ("complex", lambda: (1+2j).__getnewargs__()),
    ("bytes", lambda: b'ab'.__getnewargs__()),
    ("list sub", lambda: L([1, 2]).__reduce_ex__(2)),
    ("dict sub", lambda: D(a=1).__reduce_ex__(2)),
    ("range", lambda: range(1, 10, 3).__reduce__()),
    ("slice", lambda: slice(1, None).__reduce__()),
    ("gen", lambda: (x for x in ()).__reduce_ex__(2)),
    ("protocol str", lambda: p.__reduce_ex__('2')),
    ("_reduce_ex", lambda: copyreg._reduce_ex(p, 1)),
]:
    show(label, f)

c = copy.copy(p); print(type(c).__name__, c.x, c is p)
d = copy.deepcopy([p, s, sd, NewArgs(4), NewArgsEx(k=1), State(), F(2.5), L([1, [2]]), D(k=[1])])
print([type(x).__name__ for x in d], d[0].x, d[1].a, d[2].a, d[2].z, d[3].v, d[4].k, d[5].a, d[6], d[7], d[8])
try:
    copy.copy((x for x in ()))
except TypeError as e:
    print("TypeError", e)
