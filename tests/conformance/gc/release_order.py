# The order in which containers and frames release what they hold, seen by __del__:
# lists and tuples (freed, cleared, emptied by *= 0, re-initialized, slices) last first;
# dicts, sets and instance attributes first to last; a returning function's locals last
# first; a suspended generator's locals when it is dropped.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def section(name):
    print("--", name)


section("list freed")
x = [A(0), A(1), A(2)]
del x
section("tuple freed")
t = (A(0), A(1), A(2))
del t
section("tuple from a generator")
t = tuple(A(i) for i in range(3))
del t
section("tuple subclass")
class T(tuple):
    pass
t = T((A(0), A(1)))
del t
section("dict freed")
d = {1: A(0), 2: A(1), 3: A(2)}
del d
section("set freed")
s = {A(0), A(1)}
del s
section("instance attributes")
class B:
    pass
b = B()
b.p = A(0)
b.q = A(1)
b.r = A(2)
del b
section("function locals")
def f():
    a0 = A(0)
    a1 = A(1)
    a2 = A(2)
f()
section("list.clear")
l = [A(0), A(1), A(2)]
l.clear()
section("list *= 0")
l = [A(0), A(1)]
l *= 0
section("list.__init__ again")
l = [A(0), A(1)]
l.__init__([5])
section("slice replaced")
l = [A(0), A(1), A(2)]
l[:] = []
section("slice deleted")
l = [A(0), A(1), A(2)]
del l[0:2]
section("pop then free")
l.append(A(3))
l.append(A(4))
l.pop()
del l
section("nested")
x = [A(0), [A(1), A(2)], (A(3), A(4)), A(5)]
del x
section("dict.clear")
d = {1: A(0), 2: A(1)}
d.clear()
section("suspended generator")
def gen():
    a = A("ga")
    b = A("gb")
    yield 1
it = gen()
next(it)
del it
section("end")
