# Exceptions raised inside generators propagate to the consumer; generators can be restarted fresh.
def risky(values):
    for v in values:
        if v < 0:
            raise ValueError(f"negative value {v}")
        yield v * 2
out = []
try:
    for x in risky([1, 2, -3, 4]):
        out.append(x)
except ValueError as e:
    print("ValueError:", e, out)
g = risky([5])
print(list(g), list(risky([1, 2])))
def guarded(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError:
            pass
def safe_div(values):
    for v in values:
        try:
            r = 10 // v
        except ZeroDivisionError:
            yield "inf"
        else:
            yield r
print(list(safe_div([1, 0, 5])))
try:
    list(guarded([2, 0, 5]))
except ZeroDivisionError as e:
    print("ZeroDivisionError escaped:", e)
def catcher():
    while True:
        try:
            x = yield
            print("received", x)
        except KeyError as e:
            print("caught KeyError", e)
c = catcher()
next(c)
c.send(1)
c.throw(KeyError("k"))
c.send(2)
try:
    c.throw(ValueError("not caught"))
except ValueError as e:
    print("propagated:", e)
try:
    c.send(3)
except StopIteration:
    print("generator is finished")
