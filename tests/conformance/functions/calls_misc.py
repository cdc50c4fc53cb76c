# Calling conventions: bound methods, callable objects, functions as values, call ordering.
def log(tag):
    print("eval", tag)
    return tag
def f(*args, **kwargs):
    return args, kwargs
print(f(log(1), log(2), k=log(3), **{"z": log(4)}))
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
triple = Multiplier(3)
print(triple(5), list(map(triple, [1, 2])), callable(triple))
m = "abc".upper
print(m(), m.__self__, m.__name__)
bound = [3, 1, 2].sort
print(bound(), bound.__self__)
ops = [len, str.upper, abs, lambda x: x[::-1]]
print([op("hey") if op is not abs else op(-3) for op in ops])
def ret_multiple():
    return 1, [2], {"three": 3}
a, b, c = ret_multiple()
print(a, b, c)
def no_return():
    x = 1
print(no_return())
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(early(10), early(2))
