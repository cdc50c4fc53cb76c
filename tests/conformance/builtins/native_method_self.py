# `self` checks of native methods called through their descriptors (inline, messages out of
# line): the errors for a missing or mistyped `self` and for bad arguments.
for call in (lambda: list.append(), lambda: list.append(1, 2), lambda: list.append([], 1, 2),
             lambda: dict.get(), lambda: dict.get([], 1), lambda: str.join(1, []), lambda: list.pop((), 1),
             lambda: [].append(x=1), lambda: [].pop(1, 2), lambda: {}.get(), lambda: list.append([], x=1)):
    try:
        print(call())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
