# A frame object that outlives its frame keeps the frame's locals (f_locals), whoever holds
# it: a traceback, a saved sys._getframe(), a generator's gi_frame.
import sys


def saved_frame():
    a, b = 1, "two"
    return sys._getframe()


f = saved_frame()
print(sorted(f.f_locals.items()), f.f_code.co_name)


def raises():
    x = [1, 2]
    y = {"k": 3}
    raise ValueError("v")


try:
    raises()
except ValueError as e:
    tb = e.__traceback__
while tb.tb_next is not None:
    tb = tb.tb_next
print(sorted(tb.tb_frame.f_locals.items()))


def caught_inside():
    z = 5
    try:
        raise KeyError("k")
    except KeyError:
        pass
    return sys._getframe()


print(sorted(caught_inside().f_locals.items()))


def gen():
    w = "w"
    yield 1


g = gen()
next(g)
fr = g.gi_frame
g.close()
print(sorted(fr.f_locals.items()))


def closure():
    c = 1

    def inner():
        return c

    c = 2
    return sys._getframe(), inner


fr, inner = closure()
print(sorted((k, v) for k, v in fr.f_locals.items() if k != "inner"), inner())


def many_exceptions():
    n = 0
    for i in range(50):
        try:
            raise StopIteration(i)
        except StopIteration:
            n += 1
    return n


print(many_exceptions())
