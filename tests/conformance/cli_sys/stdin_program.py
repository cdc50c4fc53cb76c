# `-` reads the program from stdin: argv[0] is '-', no __file__.
import sys
print(sys.argv, __name__, "__file__" in globals())
total = 0
for i in range(10):
    total += i
print("total", total)
