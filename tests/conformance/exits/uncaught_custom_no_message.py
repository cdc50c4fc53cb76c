# A custom exception without a message prints just its name.
class Fatal(Exception):
    pass
def step(n):
    if n == 3:
        raise Fatal
    return n
for i in range(5):
    print("step", step(i))
