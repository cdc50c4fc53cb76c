# At exit the interpreter drops __main__'s globals (in insertion order), so __del__ of
# objects held only by globals runs, also for objects in reference cycles.
import sys

class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)

def keep(): return first

first = A(1)
second = A(2)
_third = A(3)
first, second = second, first
cyc = A(4)
cyc.self = cyc
print("end")
sys.stdout.flush()
