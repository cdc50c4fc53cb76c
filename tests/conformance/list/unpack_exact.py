# Unpacking lists and tuples of exactly the target count (read in place) next to
# subclasses that override __iter__, wrong counts, and items that are objects.

class L(list):
    def __iter__(self):
        print('L.__iter__')
        return iter(['x', 'y'])

class T(tuple):
    def __iter__(self):
        print('T.__iter__')
        return iter(['p', 'q'])

a, b = L([1, 2])
print(a, b)
a, b = T((1, 2))
print(a, b)

objs = [object() for _ in range(10)]
lst = list(objs)
tup = tuple(objs)
for seq in (lst, tup):
    a, b, c, d, e, f, g, h, i, j = seq
    print([v is w for v, w in zip((a, b, c, d, e, f, g, h, i, j), objs)].count(True))

# The list is the only reference: its items outlive it.
a, b, c = [str(n) * 2 for n in range(3)]
print(a, b, c)
a, b = (1.5, 'z')
print(a, b)

for seq in ([1, 2, 3], (1, 2, 3), [1], (1,), [], ()):
    try:
        a, b = seq
    except ValueError as e:
        print(type(seq).__name__, e)

# Nested and starred targets.
(a, b), c = [(1, 2), 3]
print(a, b, c)
a, *b, c = [1, 2, 3, 4]
print(a, b, c)
