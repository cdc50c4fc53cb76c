# collections.deque: both ends, maxlen, rotate, indexing, equality.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1], d[3], 3 in d)
print(d.pop(), d.popleft(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.remove(3)
print(d, d.index(4), d.count(1))
d.reverse()
print(d, list(reversed(d)))
d.insert(2, "ins")
d[0] = "first"
del d[1]
print(d)
bounded = deque(range(5), maxlen=3)
print(bounded, bounded.maxlen)
bounded.append(10)
bounded.appendleft(-10)
print(bounded)
print(deque("abc") == deque("abc"), deque([1]) == [1], deque(), deque(maxlen=0), deque([1, 2]) + deque([3]), deque([1]) * 3)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1]).remove(9)
except ValueError as e:
    print("ValueError:", e)
q = deque()
for i in range(5):
    q.append(i)
out = []
while q:
    out.append(q.popleft())
print(out, d.copy() == d, type(d.copy()).__name__)
d.clear()
print(d)
