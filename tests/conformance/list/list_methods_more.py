# list.index with bounds, count of mixed equal values, extend from iterators, insert at odd positions.
a = [1, 2, 3, 2, 1, 2.0, True]
print(a.index(2), a.index(2, 2), a.index(2, -3), a.count(2), a.count(1), a.count(True))
for args in [(2, 5, 5), (9,), (1, 1, 4)]:
    try:
        print(a.index(*args))
    except ValueError as e:
        print("ValueError:", e)
b = []
b.extend(range(3))
b.extend(x * 10 for x in range(3))
b.extend({"k": 1})
b.extend("hi")
b.extend(b"\x01")
print(b)
c = [0, 1, 2]
c.insert(-100, "front")
c.insert(100, "back")
c.insert(-1, "before last")
c.insert(2, "middle")
print(c)
d = [3, 1, 2]
print(d.sort(), d, d.reverse(), d, d.copy() is not d, d.clear(), d)
e = list(range(10))
print(e.pop(3), e.pop(-3), e, e.remove(0), e)
print([1, 2] * 2 + [3], [[0]] * 0, list(reversed([])), [0] * -1, len([None] * 1000))
