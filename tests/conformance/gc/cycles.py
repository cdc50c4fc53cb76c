# Reference cycles through lists, dicts, instances, closures, bound methods and classes are
# found by gc.collect(); counts only where every implementation has the same objects.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


x = []
x.append(x)
del x
print("list self-cycle:", gc.collect())

d = {}
d["me"] = d
del d
print("dict self-cycle:", gc.collect())

a = Node("a")
b = Node("b")
a.next = b
b.next = a
del a, b
print("two instances:", gc.collect())

first = Node(0)
cur = first
for i in range(1, 50):
    n = Node(i)
    cur.next = n
    cur = n
cur.next = first
probe = weakref.ref(first)
del first, cur, n
print("ring of 50:", gc.collect(), probe() is None)

holder = Node("h")
holder.items = [holder, 1, "two"]
del holder
print("instance + list:", gc.collect())


def make_closure():
    box = Node("box")

    def inner():
        return box

    box.fn = inner
    return weakref.ref(box)


w = make_closure()
print("closure alive before collect:", w() is not None)
print("closure collected:", gc.collect() >= 3, w() is None)


class WithMethod:
    def method(self):
        return 1


o = WithMethod()
o.bound = o.method
w = weakref.ref(o)
del o
print("bound method:", gc.collect(), w() is None)


def make_class():
    class Local:
        pass

    Local.me = Local
    return weakref.ref(Local)


w = make_class()
gc.collect()
print("class cycle collected:", w() is None)

# Reachable structures survive and stay intact.
keep = Node("keep")
keep.next = Node("child")
keep.next.next = keep
print("reachable collected:", gc.collect())
print(keep.name, keep.next.name, keep.next.next is keep)

# Nested containers.
outer = [[[]]]
outer[0][0].append(outer)
del outer
print("nested lists:", gc.collect())

s = Node("s")
s.d = {"k": [s]}
w = weakref.ref(s)
del s
print("instance-dict-list:", gc.collect() >= 3, w() is None)
print("nothing left:", gc.collect())
