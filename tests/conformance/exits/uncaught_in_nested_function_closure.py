# A traceback through a closure, a decorator wrapper and functools.reduce.
import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        print("calling", fn.__name__, args)
        return fn(*args)
    return wrapper
def make_divider(d):
    @logged
    def divide(acc, x):
        return acc / (x - d)
    return divide
print(functools.reduce(make_divider(0), [1, 2], 100))
functools.reduce(make_divider(3), [1, 2, 3, 4], 100)
