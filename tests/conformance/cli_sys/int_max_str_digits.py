# sys.set_int_max_str_digits: the limit int(), str(), repr(), formatting and the compiler
# apply to decimal conversions, sys.flags follows it; 0 lifts it.
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, sys.int_info)
for a in [(5,), (), ('x',), (-1,), (639,), (1.5,), (True,)]:
    try: print(sys.set_int_max_str_digits(*a), sys.get_int_max_str_digits())
    except Exception as e: print(type(e).__name__, e)
try: sys.set_int_max_str_digits(digits=700)
except TypeError as e: print(e)
sys.set_int_max_str_digits(maxdigits=700); print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
try: int('1'*701)
except ValueError as e: print(e)
print(int('1'*700) > 0, int('1'*701, 16) > 0)
try: str(10**700)
except ValueError as e: print(e)
try: repr(-10**700)
except ValueError as e: print(e)
try: f"{10**700:,}"
except ValueError as e: print(e)
print(len(str(10**699)))
print(compile('x = ' + '1'*650, 's', 'exec') is not None)
try: compile('x = ' + '1'*750, 's', 'exec')
except SyntaxError as e: print('SE', e)
sys.set_int_max_str_digits(0); print(len(str(10**10000)), sys.flags.int_max_str_digits)
print(len(str(int('7' * 20000))))
sys.set_int_max_str_digits(640)
try: int('1'*641)
except ValueError as e: print(e)
