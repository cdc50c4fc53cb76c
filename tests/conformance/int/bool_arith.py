# bool is an int subclass: arithmetic, bitwise ops keep bool where CPython does.
print(True + True, True * 10, False - True, True / 2, True // 1, -True)
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True | 1).__name__)
print(True << 3, True >> 1, True ** 5, divmod(True, 2))
print(sum([True, True, False, True]), max(True, 2), abs(-True))
print(int(True), float(True), complex(True), str(True), repr(False))
print(True == 1, isinstance(False, int), bool(0), bool(-1), bool(10**100))
print(hash(True), hash(False))
print(["a", "b"][True], {True: "yes"}[1])
