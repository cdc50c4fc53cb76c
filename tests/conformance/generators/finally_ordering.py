# Order of finally blocks and cleanup when generators are closed, exhausted or garbage collected.
def gen(name):
    print(f"{name}: start")
    try:
        yield 1
        yield 2
    finally:
        print(f"{name}: finally")
g = gen("exhausted")
print(list(g))
g2 = gen("closed")
print(next(g2))
g2.close()
print("after close")
g3 = gen("dropped")
print(next(g3))
del g3
print("after del")
def outer():
    try:
        yield from gen("inner")
    finally:
        print("outer: finally")
o = outer()
next(o)
o.close()
def loop_break():
    for v in gen("loop"):
        print("got", v)
        break
    print("after break")
loop_break()
def return_in_gen():
    try:
        yield "x"
        return "done"
    finally:
        print("return_in_gen finally")
r = return_in_gen()
print(next(r))
try:
    next(r)
except StopIteration as e:
    print("StopIteration value", e.value)
