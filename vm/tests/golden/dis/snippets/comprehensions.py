xs = [1, 2, 3]
a = [x * 2 for x in xs]
b = {x for x in xs if x > 1}
c = {x: x * x for x in xs}
d = (x for x in xs)
e = [(x, y) for x in xs for y in xs if x != y]
f = [[y for y in range(x)] for x in xs]
g = [x for x in xs if (z := x) > 1]
h = {k: v for k, v in c.items()}

def in_function(xs):
    a = [x for x in xs]
    b = [x + y for x in xs for y in a]
    x = 5
    c = [x for x in xs]
    d = (x for x in xs)
    return a, b, c, d, x

def closure_in_comp(xs):
    return [lambda: x for x in xs]

def comp_uses_cell(xs):
    n = 1
    def g():
        return n
    return [x + n for x in xs], g

class InClass:
    v = 3
    items = [v for _ in range(3)]
    pairs = [(i, j) for i in range(2) for j in range(i)]

async def async_comps(ait):
    a = [x async for x in ait]
    b = [await x for x in ait]
    c = {x: 1 async for x in ait if x}
    d = (x async for x in ait)
    return a, b, c, d
