# RecursionError in plain recursion, mutual recursion, __getattr__ loops, and recovery afterwards.
import sys
sys.setrecursionlimit(200)
def f(n):
    return f(n + 1)
def ping(n):
    return pong(n)
def pong(n):
    return ping(n)
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
class Eq:
    def __eq__(self, other):
        return self == other
for c in [lambda: f(0), lambda: ping(0), lambda: Loop().a, lambda: Eq() == Eq()]:
    try:
        c()
    except RecursionError as e:
        print(type(e).__name__, e)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print("recovered:", fine(150))
sys.setrecursionlimit(1000)
def count_depth(n=0):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n
d = count_depth()
print(900 < d < 1000)
