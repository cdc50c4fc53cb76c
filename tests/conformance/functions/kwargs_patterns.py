# **kwargs forwarding, keyword-only flags, dict order of kwargs, and mixing defaults with overrides.
def configure(name, *, debug=False, level=1, **extra):
    return {"name": name, "debug": debug, "level": level, **extra}
print(configure("a"), configure("b", debug=True, color="red", size=3))
base = {"level": 5, "theme": "dark"}
print(configure("c", **base), configure("d", **base, debug=True))
def forward(*args, **kwargs):
    return configure(*args, **kwargs)
print(forward("e", level=9, z=1, a=2))
def order(**kw):
    return list(kw)
print(order(b=1, a=2, c=3), order(**{"z": 1}, y=2))
def merge_opts(defaults=None, **overrides):
    opts = dict(defaults or {})
    opts.update(overrides)
    return opts
print(merge_opts({"x": 1, "y": 2}, y=20, z=30), merge_opts(x=0))
def strict(a, b, /, *, c):
    return a, b, c
params = {"c": 3}
print(strict(1, 2, **params), strict(*[1, 2], c=None))
try:
    configure("f", name="dup")
except TypeError as e:
    print("TypeError:", e)
def show(**kw):
    return sorted(kw.items())
print(show(**{"with space": 1, "1digit": 2}))
