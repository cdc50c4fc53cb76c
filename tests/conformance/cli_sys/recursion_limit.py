# getrecursionlimit/setrecursionlimit and RecursionError.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(500))
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
try:
    depth(200)
except RecursionError as e:
    print("RecursionError:", e)
def forever():
    return forever()
try:
    forever()
except RecursionError as e:
    print("RecursionError:", e, isinstance(e, RuntimeError))
sys.setrecursionlimit(2000)
print(depth(1500))
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError:", e)
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RecursionError as e:
    print("RecursionError in __repr__:", e)
