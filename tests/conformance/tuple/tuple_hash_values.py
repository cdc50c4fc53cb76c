# Tuple hashes are deterministic for numeric contents; equal tuples hash equal.
samples = [(), (0,), (1,), (-1,), (1, 2), (2, 1), (1, 2, 3), ((1, 2), 3), (1.5, 2), (True, None), (10**20, -5),
           (1, (2, (3, (4,)))), (0.0, -0.0), (None,)]
for t in samples:
    print(t, hash(t))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1, 2)) != hash((2, 1)), len({(1, 2), (1.0, 2.0), (True, 2)}))
