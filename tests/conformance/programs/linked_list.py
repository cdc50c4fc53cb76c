# A singly linked list class with the container protocol, slicing, reversal and equality.
class LinkedList:
    class _Node:
        __slots__ = ("value", "next")
        def __init__(self, value, nxt=None):
            self.value, self.next = value, nxt
    def __init__(self, items=()):
        self.head = None
        self._len = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, value):
        self.head = self._Node(value, self.head)
        self._len += 1
    def pop(self):
        if self.head is None:
            raise IndexError("pop from empty LinkedList")
        v = self.head.value
        self.head = self.head.next
        self._len -= 1
        return v
    def __len__(self):
        return self._len
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __getitem__(self, i):
        if isinstance(i, slice):
            return LinkedList(list(self)[i])
        if i < 0:
            i += len(self)
        for k, v in enumerate(self):
            if k == i:
                return v
        raise IndexError("LinkedList index out of range")
    def __contains__(self, v):
        return any(x == v for x in self)
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __repr__(self):
        return "LinkedList(" + " -> ".join(map(repr, self)) + ")"
    def reverse(self):
        prev, n = None, self.head
        while n:
            n.next, prev, n = prev, n, n.next
        self.head = prev
    def __add__(self, other):
        return LinkedList(list(self) + list(other))
    def __bool__(self):
        return self.head is not None
ll = LinkedList([1, 2, 3, 4, 5])
print(ll, len(ll), ll[0], ll[-1], ll[1:4], 3 in ll, 9 in ll, bool(ll), bool(LinkedList()))
ll.reverse()
print(ll, ll.pop(), ll, list(ll + LinkedList("ab")), ll == LinkedList([4, 3, 2, 1]), ll == [4, 3, 2, 1])
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
e = LinkedList()
try:
    e.pop()
except IndexError as e2:
    print("IndexError:", e2)
print(sorted(LinkedList([3, 1, 2])), max(LinkedList("xyz")), sum(LinkedList(range(101))))
