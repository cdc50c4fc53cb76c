# Functions returning generators vs lists; generator function attributes.
def gen(n):
    for i in range(n):
        yield i * i
def lst(n):
    return [i * i for i in range(n)]
g = gen(4)
print(type(g).__name__, list(g), list(g), lst(4))
print(gen.__name__, g.__name__, g.__qualname__, sum(gen(100)))
def takes_iter(it):
    return max(it), 
print(takes_iter(gen(5)), takes_iter(x for x in "bca"))
def pipeline(data):
    evens = (x for x in data if x % 2 == 0)
    squared = (x * x for x in evens)
    return list(squared)
print(pipeline(range(10)))
