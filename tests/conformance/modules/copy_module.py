# copy.copy and copy.deepcopy, including cycles and custom __copy__/__deepcopy__.
import copy
orig = {"list": [1, [2, 3]], "tuple": (4, [5]), "n": 6}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("x")
orig["tuple"][1].append("y")
print(shallow, deep, shallow["list"] is orig["list"], deep["list"] is orig["list"])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc, repr(dc))
class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t2.children[1].children[0].v = 40
print(tree.children[1].children[0].v, t2.children[1].children[0].v, copy.copy(tree).children is tree.children)
class Custom:
    def __init__(self, tag):
        self.tag = tag
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.tag + "-copy")
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Custom(self.tag + "-deep")
print(copy.copy(Custom("c")).tag, copy.deepcopy([Custom("d")])[0].tag)
print(copy.copy(5), copy.deepcopy("s"), copy.copy((1, 2)), copy.deepcopy(frozenset([1])), copy.copy(None))
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(([],))[0] is not None)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = 1, [2]
s = copy.deepcopy(Slotted())
print(s.a, s.b)
