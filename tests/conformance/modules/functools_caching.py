# functools: lru_cache (hits, misses, maxsize, typed, cache_clear), cache, cached_property.
import functools
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info())
@functools.lru_cache(typed=True)
def ident(x):
    print("ident", repr(x))
    return x
ident(1); ident(1.0); ident(1)
print(ident.cache_info().misses)
@functools.cache
def slow(x):
    print("slow", x)
    return x + 1
print(slow(1), slow(1), slow(2))
class Data:
    def __init__(self, n):
        self.n = n
    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(range(self.n))
d = Data(10)
print(d.total, d.total, "total" in vars(d))
del d.total
print(d.total)
@functools.lru_cache
def bare(x):
    return x * 3
print(bare(3), bare.__wrapped__(3), bare.__name__)
try:
    fib([1])
except TypeError as e:
    print("TypeError:", e)
