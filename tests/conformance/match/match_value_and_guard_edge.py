# Value patterns need dotted names; capture vs constant pitfalls; guards seeing bindings; numeric equality.
class Const:
    ZERO = 0
    NAMES = ("a", "b")
import math
def check(x):
    match x:
        case Const.ZERO:
            return "Const.ZERO"
        case math.inf:
            return "infinity"
        case 1.0:
            return "one (float literal matches int 1 too)"
        case -0.5:
            return "minus a half"
        case "a" | "b" as letter:
            return f"letter {letter}"
        case (1 | 2) as small, (3 | 4) as big:
            return f"pair {small},{big}"
        case n if isinstance(n, int) and n > 100:
            return f"big int {n}"
        case [x, y] if x == y:
            return f"equal pair {x}"
        case _:
            return "other"
for v in [0, 0.0, False, math.inf, 1, 1.0, True, -0.5, "a", "b", (1, 4), (2, 5), 101, [3, 3], [3, 4], None]:
    print(repr(v), "->", check(v))
