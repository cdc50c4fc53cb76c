# An uncaught exception at module level: traceback on stderr, exit status 1.
print("before the error")
values = [1, 2, 3]
total = sum(values)
print("total", total)
result = values[total]
print("never printed")
