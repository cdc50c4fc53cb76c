# RecursionError traceback collapses repeated lines.
import sys
sys.setrecursionlimit(80)
def down(n):
    return down(n + 1) + 1
print("recursing")
down(0)
