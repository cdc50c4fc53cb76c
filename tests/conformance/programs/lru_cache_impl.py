# An LRU cache implemented with a dict and a doubly linked list, checked against OrderedDict.
from collections import OrderedDict
class Node:
    __slots__ = ("key", "val", "prev", "next")
    def __init__(self, key=None, val=None):
        self.key, self.val, self.prev, self.next = key, val, None, None
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.map = {}
        self.head = Node()
        self.tail = Node()
        self.head.next, self.tail.prev = self.tail, self.head
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push_front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, key):
        n = self.map.get(key)
        if n is None:
            return -1
        self._unlink(n)
        self._push_front(n)
        return n.val
    def put(self, key, val):
        if key in self.map:
            n = self.map[key]
            n.val = val
            self._unlink(n)
            self._push_front(n)
            return
        if len(self.map) == self.cap:
            old = self.tail.prev
            self._unlink(old)
            del self.map[old.key]
        n = Node(key, val)
        self.map[key] = n
        self._push_front(n)
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
class RefLRU:
    def __init__(self, cap):
        self.cap, self.d = cap, OrderedDict()
    def get(self, key):
        if key not in self.d:
            return -1
        self.d.move_to_end(key, last=False)
        return self.d[key]
    def put(self, key, val):
        if key in self.d:
            self.d[key] = val
            self.d.move_to_end(key, last=False)
            return
        if len(self.d) == self.cap:
            self.d.popitem(last=True)
        self.d[key] = val
        self.d.move_to_end(key, last=False)
    def keys(self):
        return list(self.d)
a, b = LRU(4), RefLRU(4)
ops = [(i * i + 3 * i) % 7 for i in range(200)]
mismatches = 0
results = []
for i, k in enumerate(ops):
    if i % 3:
        ra, rb = a.get(k), b.get(k)
        results.append(ra)
        mismatches += ra != rb
    else:
        a.put(k, i)
        b.put(k, i)
    mismatches += a.keys() != b.keys()
print(mismatches, results[:20], a.keys(), b.keys())
