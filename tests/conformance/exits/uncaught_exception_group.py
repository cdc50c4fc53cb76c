# An uncaught ExceptionGroup prints the nested box format.
def task(n):
    if n % 2:
        raise ValueError(f"task {n} failed")
    raise TypeError(f"task {n} has wrong type")
errors = []
for n in range(3):
    try:
        task(n)
    except Exception as e:
        errors.append(e)
print(len(errors), "errors")
raise ExceptionGroup("tasks failed", errors)
