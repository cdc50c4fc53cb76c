# Independent Random instances, getstate/setstate, choices with weights, seed(None) is not printed.
import random
a = random.Random(7)
b = random.Random(7)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)], a.randint(1, 6), b.randint(1, 6))
state = a.getstate()
first = [a.random() for _ in range(3)]
a.setstate(state)
print(first == [a.random() for _ in range(3)])
r = random.Random(99)
print(r.choices("abc", k=6), r.choices(range(5), weights=[10, 1, 1, 1, 1], k=8), r.choices("xy", cum_weights=[1, 10], k=5))
print(r.sample(["red", "green", "blue", "cyan"], k=4), r.sample(range(10), counts=None, k=3) if False else r.sample(range(10), 3))
random.seed(7)
print(random.random() == random.Random(7).random())
items = list("abcdefghij")
random.Random(3).shuffle(items)
print(items)
r2 = random.Random()
r2.seed(5)
print(r2.randbytes(8), r2.binomialvariate(10, 0.5) if hasattr(r2, "binomialvariate") else "n/a")
for bad in [lambda: random.Random(1).choice([]), lambda: random.Random(1).randrange(0), lambda: random.Random(1).sample([1], 2),
            lambda: random.Random(1).randint(5, 1), lambda: random.Random(1).randrange(1, 10, 0)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
