# complex construction, arithmetic and repr.
z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(z), str(w), z.real, z.imag, z.conjugate(), abs(z))
print(z + w, z - w, z * w, z / w, z ** 2, -z, +z, z == complex(3, 4), z != w)
print(1j * 1j, 1j ** 2, (1 + 1j) ** 0.5, 2 ** (1j), 0j, -0j, complex(), complex(0, -0.0))
print(complex("1+2j"), complex(" 3-4.5j "), complex("j"), complex("-1e3j"), complex("5"), complex(2.5))
print(complex(1, 2) + 1, 1.5 * (2 - 1j), (1 + 2j) / 2, 3 - 1j + 2.5)
print(z == 3 + 4j, (1 + 0j) == 1, (1 + 0j) == 1.0, hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5))
print(repr(complex(1e20, 1e-20)), complex(float("inf"), float("nan")), repr(complex(-0.0, -0.0)))
print(format(z, ""), format(z, ".2f"), format(w, "+.1e"), format(1j, "g"), f"{z:>20}|", f"{z:^20.3f}|")
for bad in ["1+", "j1", "1+2i", "(1+2j", ""]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    z // 2
except TypeError as e:
    print("TypeError:", e)
print(complex(real=1, imag=2), (2 + 3j).__complex__() if hasattr(2j, "__complex__") else "no", pow(1j, 2))
