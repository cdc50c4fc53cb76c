"""Shared by the datetime conformance scripts: evaluate expressions and print each result's
repr, or the exception type and message it raised."""


def show_all(exprs, namespace):
    for s in exprs:
        try:
            print(s, "->", repr(eval(s, namespace)))
        except Exception as e:
            print(s, "!!", type(e).__name__, e)
