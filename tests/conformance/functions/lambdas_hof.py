# Lambdas and higher-order functions.
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "xyz"])))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1), apply_n(lambda s: s + "!", 3, "hey"))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(10))
fs = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print({k: v(7, 3) for k, v in fs.items()})
print((lambda x: (lambda y: x + y))(3)(4), sorted([3, 1, 2], key=lambda v: -v))
y = lambda: None
print(y.__name__, (lambda: 0).__qualname__, (square_fn := (lambda v: v * v)) is not None, square_fn(9))
