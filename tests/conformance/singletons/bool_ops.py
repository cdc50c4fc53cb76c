# Truth testing of every builtin type and short-circuit results.
vals = [0, 1, -1, 0.0, 0.1, 0j, 1j, "", "a", b"", b"x", [], [0], (), (0,), {}, {0: 0}, set(), {0},
        frozenset(), range(0), range(1), None, True, False, bytearray(), bytearray(b"\0")]
print([bool(v) for v in vals])
print(0 or [] or "last", 1 and 2 and 3, 0 and 1, "" or 0, None or False, [] and 1 / 0)
print(not [], not [1], not not "x", (1 or 1 / 0), (0 and 1 / 0))
class T:
    def __bool__(self):
        print("bool called")
        return False
class L:
    def __len__(self):
        print("len called")
        return 3
class Plain:
    pass
print(bool(T()), bool(L()), bool(Plain()))
print(T() or "fallback", L() and "went on")
if T():
    print("never")
else:
    print("else branch")
x = 5
print(x if x > 3 else -x, "yes" if [] else "no")
print(True and "t", False or None, True is not False, True + 0, False == 0.0)
print(isinstance(True, bool), bool.__mro__, bool(0.0), bool(-0.0), bool(float("nan")))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError:", e)
