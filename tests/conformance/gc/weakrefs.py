# Weak references to cyclic garbage are cleared before finalizers run; callbacks of live
# weak references run, callbacks of weak references that are garbage themselves do not.
import gc
import weakref

gc.disable()
gc.collect()
events = []


class C:
    pass


c = C()
c.me = c
w = weakref.ref(c, lambda r: events.append(("cb", r() is None)))
del c
print(gc.collect(), events, w() is None)
events.clear()


class WithDel:
    def __del__(self):
        events.append(("del", probe() is None))


d = WithDel()
d.me = d
probe = weakref.ref(d)
del d
gc.collect()
print(events)
events.clear()

# The weak reference lives inside the garbage: its callback must not run.
e = C()
e.me = e
e.wr = weakref.ref(e, lambda r: events.append("inner cb"))
del e
gc.collect()
print("inner:", events)

# Two cycles, several weakrefs.
objs = [C() for i in range(3)]
for o in objs:
    o.all = objs
refs = [weakref.ref(o, lambda r: events.append("cb")) for o in objs]
del objs, o
gc.collect()
print(events, [r() for r in refs])

ws = weakref.WeakValueDictionary()
k = C()
k.me = k
ws["k"] = k
del k
gc.collect()
print("WeakValueDictionary:", len(ws), list(ws.keys()))
