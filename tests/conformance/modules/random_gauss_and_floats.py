# Seeded gauss and normalvariate printed at full precision (CPython's exact algorithms).
import random
random.seed(2024)
print([random.gauss(0, 1) for _ in range(4)])
print([random.gauss(10, 2) for _ in range(3)])
print([random.normalvariate(0, 1) for _ in range(3)])
random.seed(5)
print(random.gauss(), random.gauss(mu=1.0, sigma=0.0), random.normalvariate(), random.uniform(2.5, 2.5))
