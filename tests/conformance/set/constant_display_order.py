# Set displays of constants are compiled to a frozenset constant merged into a new set;
# the new set's iteration order follows the constant's hash table, which must be built the
# way CPython builds it (colliding elements: hash(-1) == hash(-2), 17/33/49/65 share a slot).
print({-1, -2, 17, 33, 49, 65})
print({65, 49, 33, 17, -2, -1})
print({8, 16, 24, 32, 0, 40, 48})
print({1, 9, 17, 25, 33, 41, 49, 57, 65, 73})
print({-1, -2, 17, 33, 49, 65} == set([-1, -2, 17, 33, 49, 65]))
for x in {-1, -2, 17, 33, 49, 65}:
    print(x, end=" ")
print()
print(3 in {-1, -2, 17, 33, 49, 65}, 17 in {-1, -2, 17, 33, 49, 65})
print(sorted({1.0, 1, True, 2, 2.0}))
print(len({1, 1.0, True}), {1, 1.0, True})
print(frozenset({-1, -2, 17, 33, 49, 65}))
print(list({(1, 2), (3, 4), (0, 0), (1, 2)}))
print({None, 0, -1, -2, 3.5, (1,)})
