# __context__, __cause__, __suppress_context__, raise from, raise from None.
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
try:
    implicit()
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
def explicit():
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("converted") from k
try:
    explicit()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
def suppressed():
    try:
        [][0]
    except IndexError:
        raise TypeError("clean") from None
try:
    suppressed()
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
def chain3():
    try:
        try:
            raise A("first")
        except A:
            raise B("second")
    except B:
        raise C("third")
class A(Exception): pass
class B(Exception): pass
class C(Exception): pass
try:
    chain3()
except C as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(" <- ".join(chain))
try:
    raise ValueError("x") from KeyError("y")
except ValueError as e:
    print(repr(e.__cause__), e.__cause__.__traceback__)
try:
    raise ValueError from TypeError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError("bad cause") from 5
except TypeError as e:
    print("TypeError:", e)
e = Exception("manual")
e.__cause__ = KeyError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        try:
            raise
        except KeyError as again:
            return repr(again), again.__context__
print(reraise())
