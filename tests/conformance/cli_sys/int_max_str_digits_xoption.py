# -X int_max_str_digits=N sets the limit at startup (sys.flags shows it).
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
try:
    int("1" * 901)
except ValueError as e:
    print(e)
print(len(str(10 ** 899)))
