# Function utilities written by hand: memoize, retry, compose, pipe, and argument-checking decorators.
import functools
def memoize(fn):
    cache = {}
    @functools.wraps(fn)
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), len(paths.cache), paths.__name__)
def retry(times, exceptions=(Exception,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            for attempt in range(1, times + 1):
                try:
                    return fn(*a, **k)
                except exceptions as e:
                    print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"{fn.__name__} failed after {times} attempts")
        return wrapper
    return deco
state = {"n": 0}
@retry(3, (ValueError,))
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"not yet ({state['n']})")
    return "success"
print(flaky())
@retry(2)
def always_fails():
    raise KeyError("nope")
try:
    always_fails()
except RuntimeError as e:
    print("RuntimeError:", e)
def compose(*fns):
    return functools.reduce(lambda f, g: lambda x: f(g(x)), fns)
def pipe(value, *fns):
    for f in fns:
        value = f(value)
    return value
print(compose(str, abs, lambda x: x - 10)(3), pipe("  Hello ", str.strip, str.lower, lambda s: s * 2))
def typed(*types):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"{fn.__name__}: expected {t.__name__}, got {type(a).__name__}")
            return fn(*args)
        return wrapper
    return deco
@typed(int, str)
def repeat(n, s):
    return s * n
print(repeat(3, "ab"))
try:
    repeat("3", "ab")
except TypeError as e:
    print("TypeError:", e)
