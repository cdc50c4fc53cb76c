# Iterating while mutating, reversed(), enumerate() and list iterator protocol.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
for i, x in enumerate(b):
    if i < 3:
        b.append(x * 10)
print(b)
it = iter([10, 20, 30])
print(next(it), list(it), list(it))
r = reversed([1, 2, 3])
print(next(r), list(r))
c = [0, 1, 2]
ri = reversed(c)
c.append(3)
print(list(ri))
li = iter(c)
next(li)
c.clear()
print(list(li))
print(list(enumerate(["a", "b"], 5)), [i for i in reversed(range(3))])
d = list(range(5))
while d:
    print(d.pop(), end=" ")
print()
e = [1, 2, 3]
print(e.__iter__().__next__(), e.__len__(), e.__contains__(2), e.__reversed__().__next__())
