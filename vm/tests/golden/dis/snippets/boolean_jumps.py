def jumps(a, b, c):
    if a and b or not c:
        return 1
    if (a or b) and c:
        return 2
    if not (a and b):
        return 3
    while a and not b:
        a = b
    x = a and b
    y = a or b or c
    z = not a
    if a == 1 or b != 2 and c >= 3:
        return 4
    if a in b and c not in a:
        return 5
    return x, y, z

def none_checks(a):
    if a is None:
        return 0
    if a is not None:
        return 1
    if None is a:
        return 2
    return a is None or a
