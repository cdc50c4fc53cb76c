# bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio, is_integer.
for n in [0, 1, 2, 3, 7, 8, 255, 256, -1, -128, -129, 2**63, 2**63 - 1, -(2**63), 10**30]:
    print(n, n.bit_length(), n.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((1).to_bytes(4, "big"), (-1).to_bytes(2, "big", signed=True))
print((65535).to_bytes(3, byteorder="little"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes(bytes(range(1, 20)), "big"))
print((2**100).to_bytes(13, "big"))
print((10).as_integer_ratio(), (-3).as_integer_ratio(), (5).is_integer())
print((7).numerator, (7).denominator, (7).real, (7).imag, (7).conjugate())
print(int.from_bytes([1, 2, 3], "big"))
print((5).to_bytes())
