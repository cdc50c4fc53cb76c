# An invalid -X int_max_str_digits stops the interpreter before it runs anything.
print("not reached")
