# Deep cyclic garbage (a long linked list closed into a ring) is cleared without
# overflowing the stack, and automatic collection runs when enabled.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    __slots__ = ("next", "__weakref__")


head = Node()
cur = head
for i in range(200000):
    n = Node()
    cur.next = n
    cur = n
cur.next = head
w = weakref.ref(head)
del head, cur, n
print(gc.collect(), w() is None)

nested = []
for i in range(100000):
    nested = [nested]
nested[0].append(nested)
del nested
print(gc.collect())

# Automatic collection: enough garbage cycles trigger it without gc.collect().
gc.enable()
gc.set_threshold(100)


class C:
    pass


refs = []
for i in range(2000):
    c = C()
    c.me = c
    if i % 100 == 0:
        refs.append(weakref.ref(c))
del c
print("automatic:", sum(r() is None for r in refs) >= len(refs) - 2)
gc.set_threshold(2000, 10, 10)
