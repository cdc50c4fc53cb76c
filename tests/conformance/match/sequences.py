# Sequence patterns: fixed length, star captures, nested, str/bytes exclusion.
def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last] if not middle:
            return "unreachable"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *_, last]:
            return f"first {first}, last {last}"
for s in [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7], range(4), "ab", b"ab", (9,), [[1, 2], [3]]]:
    print(repr(s), "->", shape(s))
def nested(p):
    match p:
        case [(x, y), [z, *_]]:
            return f"tuple {x},{y} then list starting {z}"
        case [[a, b], *others] if len(others) > 1:
            return f"pair {a},{b} plus {len(others)}"
        case (a, (b, (c, d))):
            return f"deep {a} {b} {c} {d}"
        case _:
            return "no match"
for p in [[(1, 2), [3, 4]], [[1, 2], 3, 4], (1, (2, (3, 4))), [1, 2, 3], ((1, 2), [])]:
    print(p, "->", nested(p))
match [1, 2, 3, 4, 5]:
    case [*head, 4, 5]:
        print("head", head)
match (1, "a"):
    case [int(), str()]:
        print("int then str")
