a, b = 1, 2
print(f"{a=}", f"{a = }", f"{a=!r}", f"{a=:>5}", f"{a + b=}")
print(f"{a!=b}", f"{a != b}", f"{(a:=3)}", f"{a:=5}", f"{a==b=}")
print(f"{a=}{b=}", f"{ a = !s:^7}")
print(f"{a:{b}}", f"{a:{b}.{b}}", f"{a:{b}{b}x}")
print(f"{a!r:}", f"{a:}", f"{a::}")
