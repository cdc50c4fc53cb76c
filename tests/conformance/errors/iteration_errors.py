# Errors around iteration: StopIteration leaks, generator misuse, changing containers.
d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.clear()
print(list(it))
def g():
    yield 1
    next(iter([]))
try:
    list(g())
except RuntimeError as e:
    print("RuntimeError:", e, "|", repr(e.__cause__))
gen = g()
next(gen)
try:
    gen.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for a, b in [(1, 2), (3,)]:
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b in [1]:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    a, *b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    print(*None)
except TypeError as e:
    print("TypeError:", e)
