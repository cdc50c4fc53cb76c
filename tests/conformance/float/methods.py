# float methods: hex/fromhex, as_integer_ratio, is_integer, conjugate, real/imag.
for v in [1.0, 0.5, 0.1, -2.75, 1e-10, 1024.0, 0.0, -0.0, 5e-324]:
    print(v, v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x10"), float.fromhex("inf"))
print((3.5).is_integer(), (3.0).is_integer(), (-0.0).is_integer())
print((2.5).real, (2.5).imag, (2.5).conjugate(), (2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__())
print(float.__name__, isinstance(1.0, float), isinstance(1, float))
print((7.25).__round__(), (7.25).__round__(1), (2.5).__divmod__(0.75))
print(float.fromhex("0x1.fffffffffffffp+1023"), float.fromhex("0x0.0000000000001p-1022"))
print((0.1).__repr__(), (0.1).__str__(), format(0.1, ".20f"))
print(float(7), float(-0), float(2**60), float("1e-3"), float(b"2.5"), float(bytearray(b"1e3")))
class F:
    def __float__(self):
        return 4.25
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
print(1.5.__add__(2), (1.5).__radd__(2), (1.5).__add__("x"), 2.0.__rtruediv__(1))
