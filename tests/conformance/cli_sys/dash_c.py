# `-c CODE`: argv[0] is '-c', __name__ is __main__, no __file__.
import sys
print(sys.argv)
print(__name__, "__file__" in globals())
def f(x):
    return x * 2
print(f(21), [f(i) for i in range(3)])
