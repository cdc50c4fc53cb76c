# Shortest-repr round trips for many seeded random floats, with str/repr/format consistency checks.
import random
rng = random.Random(99)
samples = [rng.random() * 10 ** rng.randint(-20, 20) for _ in range(40)] + [rng.uniform(-1, 1) for _ in range(10)]
for x in samples[:25]:
    print(repr(x), f"{x:.17g}", float(repr(x)) == x, len(repr(x)))
print(all(float(repr(x)) == x for x in samples), all(str(x) == repr(x) for x in samples))
print(sorted(samples)[:3], max(samples), min(samples))
