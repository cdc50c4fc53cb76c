# Traceback entries and frame objects report the line of their instruction when asked
# (tb_lineno, f_lineno), however long after the exception or the frame's end.
import sys


def inner(x):
    if x:
        raise ValueError(x)
    return x


def middle(x):
    y = x + 1
    return inner(
        y
    )


def lines(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    return out


try:
    middle(1)
except ValueError as e:
    saved = e
print(lines(saved.__traceback__))
print(lines(saved.__traceback__))


def gen():
    yield 1
    x = 1
    yield x
    raise KeyError("gen")


g = gen()
print(next(g), g.gi_frame.f_lineno)
print(next(g), g.gi_frame.f_lineno)
try:
    next(g)
except KeyError as e:
    print([ln for _, ln, _ in lines(e.__traceback__)])
print(g.gi_frame)


def here():
    return sys._getframe()


f = here()
print(f.f_lineno, f.f_code.co_name)


def live():
    fr = sys._getframe()
    a = fr.f_lineno
    b = fr.f_lineno
    return a, b, fr


a, b, fr = live()
print(a, b, fr.f_lineno)


def stop_loop():
    it = iter([1, 2])
    caught = []
    for _ in range(3):
        try:
            next(it)
        except StopIteration as e:
            caught.append(e)
    return caught


for e in stop_loop():
    print(lines(e.__traceback__))


def deep(n):
    if n == 0:
        1 / 0
    deep(n - 1)


try:
    deep(3)
except ZeroDivisionError as e:
    print([ln for _, ln, _ in lines(e.__traceback__)])
    print([fl for _, _, fl in lines(e.__traceback__)])
