# __traceback__ chains: tb_lineno, tb_frame.f_code.co_name, tb_next; with_traceback.
def a():
    b()
def b():
    c()
def c():
    raise ValueError("deep")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(frames)
def catch_and_return():
    try:
        raise KeyError("x")
    except KeyError as e:
        return e
err = catch_and_return()
print(err.__traceback__.tb_frame.f_code.co_name, err.__traceback__.tb_lineno, err.__traceback__.tb_next)
e2 = ValueError("fresh")
print(e2.__traceback__)
try:
    raise e2
except ValueError as caught:
    print(caught is e2, caught.__traceback__.tb_lineno)
try:
    try:
        raise e2
    except ValueError as again:
        raise again.with_traceback(None)
except ValueError as x:
    n = 0
    tb = x.__traceback__
    while tb:
        n += 1
        tb = tb.tb_next
    print("frames:", n)
import sys
try:
    raise IndexError("info")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno, sys.exception() is v)
print(sys.exc_info(), sys.exception())
