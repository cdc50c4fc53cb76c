# Module globals in a cycle (the functions' globals are this dict): collected at exit.
from fin_plain import Noisy

x = Noisy("fin_cycle.x")
_y = Noisy("fin_cycle._y")

def use():
    return x
