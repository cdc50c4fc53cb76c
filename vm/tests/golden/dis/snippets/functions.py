def plain():
    pass

def defaults(a, b=1, *args, c, d=2, **kw) -> int:
    return a

def posonly(a, b, /, c, *, d):
    return a, b, c, d

def closure(x):
    def inner(y):
        return x + y
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def decorated():
    @staticmethod
    def s():
        pass
    return s

@closure
@counter
def twice(a: int, *b: str, **c: float) -> None:
    """Docstring."""
    return None

def uses_global():
    global G
    G = 1
    del G

def many_locals(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t):
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t

def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)

lam = lambda x, *y, z=3, **w: (x, y, z, w)
lam2 = lambda: (yield)

def unbound():
    print(v)
    v = 1

def deleted(a):
    del a
    return a

def return_tuple():
    return 1, 2, 3

def empty_return():
    return
