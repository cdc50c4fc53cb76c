# TypeError messages for unsupported operand types.
class A:
    pass
five, text = 5, "s"
cases = [lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: {} + {}, lambda: 1 - "a", lambda: "a" * 2.0,
         lambda: A() + A(), lambda: A() < A(), lambda: 1 < "a", lambda: [1] < (1,), lambda: None + 1,
         lambda: -A(), lambda: ~1.5, lambda: A() @ A(), lambda: 2 ** "a", lambda: divmod("a", 1),
         lambda: {1} + {2}, lambda: b"a" + "b", lambda: 1 / "2", lambda: 3 % [], lambda: A() >= 1,
         lambda: 1 & 1.0, lambda: 1.0 << 1, lambda: -"s", lambda: abs("s"), lambda: len(5), lambda: five[0],
         lambda: five(), lambda: text(), lambda: A()[0], lambda: A()(), lambda: {}[[]]]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
