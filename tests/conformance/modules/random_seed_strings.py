# Seeding from str and bytes (hashed with SHA-512 in CPython's version 2 seeding).
import random
for seed in ["hello", "", "🐍", b"bytes seed", bytearray(b"ba")]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 1000))
random.seed(3.5)
print(random.random())
random.seed(True)
print(random.random())
