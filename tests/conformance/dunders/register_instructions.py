import sys
def outer():
    def inner():
        return x
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    x = 1
    return inner()
print(outer())
class It:
    def __iter__(self):
        print("line", sys._getframe(1).f_lineno)
        return iter([1])
for v in It(): print(v)
try:
    iter(5)
except TypeError as e: print(e)
try:
    for v in 5: pass
except TypeError as e: print(e)
class N:
    def __neg__(self): return sys._getframe(1).f_lineno
    def __invert__(self): raise ValueError("inv")
print(-N())
try: ~N()
except ValueError as e: print("ValueError", e)
try: -"s"
except TypeError as e: print(e)
l = [1, 2, 3]
l[0:2] = (9,)
print(l, [i for i in range(3)], (1, *l), [*l, 4], l[1:2:1])
try:
    l[::2] = [1, 2, 3]
except ValueError as e: print(e)
t = (1, 2)
try: t[0:1] = [1]
except TypeError as e: print(e)
