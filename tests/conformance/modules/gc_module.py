# gc: collect/enable/disable/isenabled behave; collect returns an int.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Node:
    def __init__(self):
        self.other = None
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
n = gc.collect()
print(isinstance(n, int), n >= 0)
print(isinstance(gc.collect(), int), gc.isenabled())
