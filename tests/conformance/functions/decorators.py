# Decorators: plain, with arguments, stacked, class-based, functools.wraps.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"ret {result}")
        return result
    return wrapper
@trace
def square(x):
    """Square a number."""
    return x * x
square(4)
print(square.__name__, square.__doc__, square.__wrapped__(5), square.__qualname__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"), hello.__name__)
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "t"
print(text())
class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@CountCalls
def double(x):
    return 2 * x
print(double(2), double(5), double.calls, double.__name__, double.__wrapped__(1))
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("a")
def fa():
    return "A"
@register("b")
def fb():
    return "B"
print(sorted(registry), registry["b"]())
@(lambda fn: fn.__name__.upper())
def weird():
    pass
print(weird)
