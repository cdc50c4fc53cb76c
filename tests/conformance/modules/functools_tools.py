# functools: reduce, partial, wraps, cmp_to_key, total_ordering.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0), functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=7)
two_to = functools.partial(power, 2)
print(square(9), cube_mod(4), two_to(10), square.func is power, square.args, square.keywords, two_to.args)
p2 = functools.partial(two_to, exp=5)
print(p2(), p2.args, p2.keywords)
def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=functools.cmp_to_key(compare_len_then_alpha)))
@functools.total_ordering
class Money:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"M{self.v}"
m1, m2 = Money(1), Money(2)
print(m1 < m2, m1 <= m2, m1 > m2, m1 >= m2, m2 >= m2, sorted([m2, m1]), max(m1, m2))
def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def documented(x):
    "The doc."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__module__, documented(3))
