# Lambda forms: defaults, *args/**kwargs, keyword-only, nested, conditional bodies, immediate calls.
f = lambda: "no args"
g = lambda x, y=10: x + y
h = lambda *args, **kw: (args, sorted(kw.items()))
k = lambda *, key: key * 2
p = lambda a, /, b: (a, b)
print(f(), g(1), g(1, 2), h(1, 2, z=3, a=4), k(key="ab"), p(1, b=2))
sign = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 3)])
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders], (lambda x: (lambda y: x * y))(6)(7))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda t: t[::-1], ["ab", "cd"])))
print((lambda: (yield))().__class__.__name__ if False else "lambda with yield is a generator")
print(g.__name__, g.__defaults__, g.__code__.co_argcount, (lambda: None)() is None)
try:
    k("positional")
except TypeError as e:
    print("TypeError:", e)
