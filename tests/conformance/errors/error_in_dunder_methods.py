# Exceptions raised inside dunder methods propagate unchanged.
class BadEq:
    def __eq__(self, o):
        raise RuntimeError("eq failed")
class BadHash:
    def __hash__(self):
        raise KeyError("hash failed")
class BadIter:
    def __iter__(self):
        raise OSError("iter failed")
class BadLen:
    def __len__(self):
        raise ValueError("len failed")
class BadBool:
    def __bool__(self):
        raise ArithmeticError("bool failed")
class BadGetitem:
    def __getitem__(self, i):
        raise LookupError(f"getitem {i} failed")
class BadStr:
    def __str__(self):
        raise TypeError("str failed")
cases = [lambda: BadEq() == 1, lambda: [BadEq()].index(1), lambda: BadEq() in [1], lambda: {BadHash()},
         lambda: list(BadIter()), lambda: len(BadLen()), lambda: bool(BadLen()), lambda: not BadBool(),
         lambda: BadGetitem()[3], lambda: list(BadGetitem()), lambda: str(BadStr()), lambda: f"{BadStr()}",
         lambda: print(BadStr()), lambda: [1, 2] == [1, BadEq()], lambda: sorted([BadEq(), BadEq()])]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
