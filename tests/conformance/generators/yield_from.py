# yield from: delegation, return values, send/throw passthrough.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer-final"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x for x in [9]))))
def tree(node):
    value, children = node
    yield value
    for child in children:
        yield from tree(child)
t = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [])])])
print(list(tree(t)))
def sub():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "sub handled ValueError"
def deleg():
    yield from sub()
    yield "after sub"
d = deleg()
print(next(d), d.throw(ValueError), next(d))
def closing_sub():
    try:
        yield 1
    finally:
        print("sub finally")
def closing_outer():
    yield from closing_sub()
co = closing_outer()
next(co)
co.close()
def count_to(n):
    for i in range(n):
        yield i
    return n
def summing():
    total = 0
    for k in range(1, 4):
        total += yield from count_to(k)
    return total
s = summing()
print(list(s))
def get_result():
    r = yield from summing()
    yield r
print(list(get_result()))
