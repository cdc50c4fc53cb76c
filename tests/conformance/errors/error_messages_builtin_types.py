# Messages about immutable types and unsupported item operations.
one_set, pr, gen_obj = {1}, print, (x for x in [])
cases = [lambda: "abc".__setitem__(0, "x"), lambda: (1, 2).__delitem__(0), lambda: frozenset().add(1),
         lambda: setattr(str, "new_attr", 1), lambda: delattr(int, "real"), lambda: setattr(None, "x", 1),
         lambda: b"abc".__setitem__(0, 1), lambda: range(3).__setitem__(0, 1), lambda: len.__dict__,
         lambda: {}.keys()[0], lambda: one_set[0], lambda: iter([])[0], lambda: gen_obj[0], lambda: pr[0],
         lambda: int.__dict__["real"].__set__(1, 2), lambda: object.__setattr__(1, "x", 1)]
for c in cases:
    try:
        c()
        print("no error")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
