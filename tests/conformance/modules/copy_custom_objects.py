# copy/deepcopy of class instances with __slots__, __getstate__/__setstate__, memo sharing and recursion.
import copy
class Node:
    def __init__(self, name):
        self.name = name
        self.links = []
a, b = Node("a"), Node("b")
a.links.append(b)
b.links.append(a)
graph = {"a": a, "b": b, "shared": [a, a]}
g2 = copy.deepcopy(graph)
print(g2["a"] is not a, g2["a"].links[0] is g2["b"], g2["b"].links[0] is g2["a"], g2["shared"][0] is g2["shared"][1] is g2["a"])
class State:
    def __init__(self, items):
        self.items = items
        self.cache = {"expensive": True}
    def __getstate__(self):
        print("getstate")
        return {"items": self.items}
    def __setstate__(self, state):
        print("setstate")
        self.items = state["items"]
        self.cache = {}
s = State([1, [2]])
c = copy.deepcopy(s)
print(c.items, c.cache, c.items[1] is not s.items[1])
d = copy.copy(s)
print(d.items is s.items, d.cache)
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
sl = copy.deepcopy(Slotted([1], {"k": 2}))
print(sl.x, sl.y)
