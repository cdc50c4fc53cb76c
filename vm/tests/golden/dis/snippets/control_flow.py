def branches(a, b):
    if a:
        x = 1
    elif b:
        x = 2
    else:
        x = 3
    if a and b:
        x += 1
    if a or b:
        x += 2
    if not a:
        x += 3
    if a is None:
        return None
    if a is not None and b < 3:
        return x
    return -x

def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        if i > 10:
            break
        total += i
    else:
        total = -1
    while n > 0:
        n -= 1
        if n == 5:
            break
    else:
        total += 1
    while True:
        n += 1
        if n > 3:
            break
    for a, (b, c) in [(1, (2, 3))]:
        total += a + b + c
    return total

def nested(m):
    for i in range(m):
        for j in range(i):
            if j == 2:
                return j
            while j:
                j -= 1
    return None

def conditional_expression(a):
    return (a if a > 0 else -a) + (1 if a else 0)

def chained(a, b, c):
    return a < b < c, a == b != c

x = 0
while x < 10:
    x += 1
for y in "abc":
    print(y)
if x:
    pass
