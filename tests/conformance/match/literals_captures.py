# match: literal, capture, wildcard, value (dotted) and OR patterns.
import math
class Color:
    RED = "red"
    GREEN = "green"
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case True:
            return "True literal"
        case None:
            return "None literal"
        case 2.5:
            return "two and a half"
        case 1j:
            return "imaginary"
        case Color.RED:
            return "the red constant"
        case math.pi:
            return "pi"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case other:
            return f"captured {other!r}"
for v in [0, 2, -1, "hello", b"bytes", True, 1.0, None, 2.5, 1j, "red", math.pi, "lengthy", "x", [1], False]:
    print(repr(v), "->", describe(v))
def wild(x):
    match x:
        case _:
            return "anything"
print(wild(object) , wild(None))
