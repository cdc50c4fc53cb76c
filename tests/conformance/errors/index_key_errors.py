# IndexError and KeyError messages across containers.
from collections import deque, OrderedDict
cases = [lambda: [][0], lambda: [1][1], lambda: [1][-2], lambda: ()[0], lambda: "ab"[2], lambda: b"ab"[5],
         lambda: bytearray(b"a")[3], lambda: range(3)[3], lambda: deque()[0], lambda: [].pop(), lambda: [1].pop(3),
         lambda: deque().popleft(), lambda: "".__getitem__(0), lambda: [0].__setitem__(4, 1), lambda: (1, 2)[-3],
         lambda: {}["a"], lambda: {}[1], lambda: {}[(1, "a")], lambda: {}[None], lambda: {1: 2}.pop(3),
         lambda: set().pop(), lambda: {1}.remove(2), lambda: OrderedDict().popitem(), lambda: {}.popitem(),
         lambda: frozenset().__iter__().__next__() if False else {"a": 1}["A"], lambda: dict(a=1)["b"],
         lambda: [[1]][0][1], lambda: {"k": {"j": 1}}["k"]["x"], lambda: memoryview(b"ab")[9]]
for c in cases:
    try:
        c()
        print("no error")
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e, repr(e))
