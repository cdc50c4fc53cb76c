# A binary search tree with insert, delete, traversals, height and iteration via generators.
class Node:
    __slots__ = ("key", "left", "right")
    def __init__(self, key):
        self.key, self.left, self.right = key, None, None
class BST:
    def __init__(self, keys=()):
        self.root = None
        self.size = 0
        for k in keys:
            self.insert(k)
    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        n = self.root
        while True:
            if key == n.key:
                return
            side = "left" if key < n.key else "right"
            nxt = getattr(n, side)
            if nxt is None:
                setattr(n, side, Node(key))
                self.size += 1
                return
            n = nxt
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
    def delete(self, key):
        def rec(n, key):
            if n is None:
                raise KeyError(key)
            if key < n.key:
                n.left = rec(n.left, key)
            elif key > n.key:
                n.right = rec(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                s = n.right
                while s.left:
                    s = s.left
                n.key = s.key
                n.right = rec(n.right, s.key)
            return n
        self.root = rec(self.root, key)
        self.size -= 1
    def __iter__(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return walk(self.root)
    def preorder(self):
        out, stack = [], [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            stack.extend(c for c in (n.right, n.left) if c)
        return out
    def levels(self):
        out, level = [], [self.root] if self.root else []
        while level:
            out.append([n.key for n in level])
            level = [c for n in level for c in (n.left, n.right) if c]
        return out
    def height(self):
        return len(self.levels())
    def __len__(self):
        return self.size
t = BST([50, 30, 70, 20, 40, 60, 80, 35, 45, 65])
print(list(t), len(t), t.preorder(), t.levels(), t.height(), 45 in t, 55 in t)
for k in [20, 30, 50]:
    t.delete(k)
    print("deleted", k, list(t), t.levels())
try:
    t.delete(999)
except KeyError as e:
    print("KeyError:", e)
words = BST("the quick brown fox jumps over the lazy dog".split())
print(list(words), len(words), words.height())
import random
rng = random.Random(5)
big = BST(rng.sample(range(10000), 500))
print(len(big), list(big)[:5], big.height())
