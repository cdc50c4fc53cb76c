# Custom iterators: __iter__ returning self, __next__, StopIteration, exhaustion.
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), [x for x in Countdown(2)], sum(Countdown(100)))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, f in enumerate(Fib()):
    if i >= 10:
        break
    print(f, end=" ")
print()
class Pairs:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(zip(self.data, self.data[1:]))
print(list(Pairs([1, 2, 3, 4])), dict(Pairs("abc")))
a, b, c = Countdown(3)
print(a, b, c)
try:
    x, y = Countdown(3)
except ValueError as e:
    print("ValueError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
