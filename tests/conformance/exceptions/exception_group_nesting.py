# Nested except* handlers, exception group derive/split preserving notes, and leaf iteration.
def leaves(eg):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from leaves(e)
        else:
            yield e
eg = ExceptionGroup("top", [ValueError("v1"), ExceptionGroup("mid", [TypeError("t1"), ValueError("v2"),
                     ExceptionGroup("low", [KeyError("k1")])]), OSError("o1")])
eg.add_note("top note")
print([repr(e) for e in leaves(eg)])
vals, rest = eg.split(ValueError)
print(repr(vals), getattr(vals, "__notes__", None))
print(repr(rest), getattr(rest, "__notes__", None))
try:
    try:
        raise eg
    except* ValueError as g:
        print("handled values:", [str(x) for x in leaves(g)])
    except* OSError as g:
        print("handled os:", [str(x) for x in leaves(g)])
except* TypeError as g:
    print("outer handled types:", [str(x) for x in leaves(g)])
except* KeyError as g:
    print("outer handled keys:", [repr(x) for x in leaves(g)])
print(len(list(leaves(eg))), eg.exceptions[1].message, str(eg))
