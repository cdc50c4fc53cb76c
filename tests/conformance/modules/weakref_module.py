# weakref essentials: ref, callbacks, WeakValueDictionary, WeakKeyDictionary, finalize, proxy.
import weakref
class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"
o = Obj("a")
r = weakref.ref(o)
print(r() is o, r(), weakref.getweakrefcount(o))
died = []
r2 = weakref.ref(o, lambda ref: died.append("callback ran"))
del o
print(r(), r2(), died)
cache = weakref.WeakValueDictionary()
x, y = Obj("x"), Obj("y")
cache["x"] = x
cache["y"] = y
print(sorted(cache.keys()), cache["x"])
del x
print(sorted(cache.keys()), "x" in cache)
meta = weakref.WeakKeyDictionary()
k = Obj("key")
meta[k] = "metadata"
print(len(meta), meta[k])
del k
print(len(meta))
target = Obj("t")
fin = weakref.finalize(target, print, "finalizer for", "t")
print(fin.alive)
del target
print(fin.alive)
p = Obj("p")
px = weakref.proxy(p)
print(px.name, repr(px.name))
del p
try:
    px.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
class Slotted:
    __slots__ = ("a",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
ws = weakref.WeakSet()
a1 = Obj("s1")
ws.add(a1)
print(len(ws), a1 in ws)
del a1
print(len(ws))
