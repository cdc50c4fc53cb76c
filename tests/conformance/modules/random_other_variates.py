# Seeded expovariate, triangular, betavariate, gammavariate, lognormvariate, vonmises, paretovariate, weibullvariate.
import random
random.seed(2024)
print([random.expovariate(1.5) for _ in range(3)])
print([random.triangular(0, 10, 3) for _ in range(3)], random.triangular())
print([random.betavariate(2, 5) for _ in range(2)])
print([random.gammavariate(2.0, 1.0) for _ in range(2)], random.gammavariate(0.5, 2.0))
print([random.lognormvariate(0, 0.5) for _ in range(2)])
print(random.vonmisesvariate(1.0, 4.0), random.paretovariate(3.0), random.weibullvariate(1.0, 1.5))
