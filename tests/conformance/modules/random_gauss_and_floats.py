# Seeded gauss, normalvariate, expovariate, triangular, betavariate printed at full precision.
import random
random.seed(2024)
print([random.gauss(0, 1) for _ in range(4)])
print([random.gauss(10, 2) for _ in range(3)])
print([random.normalvariate(0, 1) for _ in range(3)])
print([random.expovariate(1.5) for _ in range(3)])
print([random.triangular(0, 10, 3) for _ in range(3)])
print([random.betavariate(2, 5) for _ in range(2)])
print([random.gammavariate(2.0, 1.0) for _ in range(2)])
print([random.lognormvariate(0, 0.5) for _ in range(2)])
