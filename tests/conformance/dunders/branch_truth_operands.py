# Conditional branches on operands that are not bools: immediates, containers, objects with
# __bool__/__len__, a __bool__ that raises or returns a non-bool, in hot loops and handlers.
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
class Boom:
    def __bool__(self):
        raise ValueError("no truth")
class Bad:
    def __bool__(self):
        return 1
class Sized:
    def __len__(self):
        return 0

def count(values):
    hits = 0
    for v in values:
        if v:
            hits += 1
        if not v:
            hits += 100
    return hits

vals = [0, 1, -1, 0.0, 2.5, None, "", "a", [], [0], (), {}, {1: 2}, Flag(True), Flag(False), Sized()]
for _ in range(300):
    r = count(vals)
print(r)
i, seen = 5, []
while i:
    seen.append(i)
    i -= 2 if i > 1 else 1
print(seen)
for obj in (Boom(), Bad()):
    for form in range(3):
        try:
            if form == 0:
                print("taken" if obj else "not taken")
            elif form == 1:
                while obj:
                    break
            else:
                print(obj and 1, obj or 2)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e, form)
def gen(xs):
    for x in xs:
        if x:
            yield x
print([type(x).__name__ for x in gen([0, 3, None, "s", Flag(False), Flag(True)])])
total = 0
for k in range(2000):
    total += k if k % 3 else -k
    if k > 1990 and k:
        total ^= k
print(total)
