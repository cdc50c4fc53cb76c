# range equality compares sequences, not parameters; hashing follows equality.
pairs = [(range(0), range(2, 2)), (range(0, 3), range(3)), (range(0, 10, 3), range(0, 11, 3)), (range(1, 2, 5), range(1, 2, 7)),
         (range(5), range(4)), (range(0, -1), range(5, 0))]
for a, b in pairs:
    print(a, b, a == b, hash(a) == hash(b))
print(range(3) != [0, 1, 2], range(3) == range(3), len({range(0), range(1, 1), range(3)}))
print(range(10**30).count(5), range(0, 10**30, 7).index(7 * 10**20), range(-5, 5)[0], range(-5, 5)[-1])
