# NameError and AttributeError suggestions ("Did you mean ...?") in tracebacks.
def compute(values):
    total = 0
    for value in values:
        totl = total + value
    return totl
print(compute([1, 2]))
counter = 5
print(countr)
