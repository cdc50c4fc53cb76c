# except* with ExceptionGroup: matching, splitting, re-raising the rest.
def run(eg):
    try:
        raise eg
    except* ValueError as g:
        print("ValueErrors:", [repr(x) for x in g.exceptions])
    except* TypeError as g:
        print("TypeErrors:", [repr(x) for x in g.exceptions])
run(ExceptionGroup("mixed", [ValueError(1), TypeError(2), ValueError(3)]))
run(ExceptionGroup("only values", [ValueError("v")]))
try:
    run(ExceptionGroup("with key", [KeyError("k"), ValueError("v")]))
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest), [repr(x) for x in rest.exceptions])
try:
    try:
        raise ExceptionGroup("nested", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
    except* ValueError as g:
        print("matched", repr(g))
except* TypeError as g:
    print("outer matched", repr(g))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g), type(g).__name__)
try:
    try:
        raise ExceptionGroup("g", [OSError("os"), ValueError("v")])
    except* OSError:
        raise RuntimeError("raised in handler")
except ExceptionGroup as eg:
    print(repr(eg), [repr(x) for x in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g2", [KeyError(1)])
    except* KeyError as g:
        raise
except ExceptionGroup as eg:
    print("re-raised:", repr(eg))
def handled_all():
    count = 0
    try:
        raise ExceptionGroup("all", [ZeroDivisionError(), OverflowError()])
    except* ArithmeticError as g:
        count = len(g.exceptions)
    return count
print(handled_all())
