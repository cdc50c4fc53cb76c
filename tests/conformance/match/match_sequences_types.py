# Which types count as sequences for match: list, tuple, range, deque, array, memoryview; not str/bytes/dict.
from collections import deque
from array import array
def kind(x):
    match x:
        case [a, b, *rest]:
            return f"sequence starting {a!r}, {b!r} (+{len(rest)})"
        case [a]:
            return f"one-element sequence {a!r}"
        case []:
            return "empty sequence"
        case {**kw}:
            return f"mapping with {len(kw)} keys"
        case _:
            return f"not a sequence: {type(x).__name__}"
for v in [[1, 2, 3], (4,), range(3), deque([7, 8]), array("i", [5, 6]), memoryview(b"ab"), "str", b"bytes",
          bytearray(b"xy"), {"k": 1}, {1, 2}, iter([1, 2]), (), []]:
    print(type(v).__name__, "->", kind(v))
