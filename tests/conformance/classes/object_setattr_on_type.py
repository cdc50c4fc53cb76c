# object.__setattr__/__delattr__ applied to a class cannot bypass its metatype's native
# __setattr__ (CPython's hackcheck); type.__setattr__ and Python-level overrides still work.
class M(type):
    def __setattr__(cls, k, v):
        print("M.__setattr__", k)
        type.__setattr__(cls, k, v)
class C(metaclass=M): pass
C.y = 2
print(C.y)
type.__setattr__(C, 'z', 3); print(C.z)
try: object.__setattr__(C, 'w', 1)
except TypeError as e: print(e)
class O:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
o = O(); o.a = 2; print(o.a)
object.__setattr__(o, 'b', 5); print(o.b)
try: object.__setattr__(int, 'x', 1)
except TypeError as e: print(e)
try: type.__setattr__(int, 'x', 1)
except TypeError as e: print(e)
class D: pass
for f in (object.__setattr__, object.__delattr__):
    try: f(D, "x", 1) if f is object.__setattr__ else f(D, "x")
    except TypeError as e: print(e)
