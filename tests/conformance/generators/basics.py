# Generator functions: laziness, state, exhaustion, return values.
def counter(n):
    print("start")
    for i in range(n):
        print("yield", i)
        yield i
    print("done")
    return "finished"
g = counter(3)
print("created")
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
g2 = counter(1)
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("value:", e.value)
def infinite():
    n = 0
    while True:
        yield n
        n += 1
it = infinite()
print([next(it) for _ in range(5)])
def gen_with_return():
    yield 1
    return 2
print(list(gen_with_return()))
def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)
def squares(n):
    yield from (i * i for i in range(n))
print(sum(squares(10)), max(squares(5)), list(zip(squares(3), "abc")))
gen = (x * 2 for x in range(3))
print(next(gen), list(gen), list(gen))
