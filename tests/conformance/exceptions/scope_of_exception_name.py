# The except target is deleted after the handler; reusing names; exceptions in loops.
e = "outer value"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return saved, "exc" in locals()
print(f())
errors = []
for s in ["1", "x", "3", "", "5"]:
    try:
        errors.append(int(s))
    except ValueError as exc:
        errors.append(type(exc).__name__)
print(errors)
