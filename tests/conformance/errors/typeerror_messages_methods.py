# TypeError messages raised by methods of builtin types when given wrong argument types.
cases = [lambda: "abc".startswith(1), lambda: "abc".split(1), lambda: "a".join([b"x"]), lambda: "abc".replace(1, 2),
         lambda: "abc".center("5"), lambda: "x".zfill(None), lambda: [3, 1].sort(key=5), lambda: [].extend(None),
         lambda: {}.update(5), lambda: {}.fromkeys(None), lambda: set().add([]), lambda: {1}.union(5),
         lambda: (1, 2).count(), lambda: "a".encode(5), lambda: b"a".decode(5), lambda: int.from_bytes("ab", "big"),
         lambda: (5).to_bytes("x"), lambda: range("a"), lambda: "abc"[None:"b"], lambda: list.sort([], reverse="yes")]
for c in cases:
    try:
        c()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
