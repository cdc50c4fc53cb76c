# Converting ints to arbitrary bases by hand and back with int(s, base), for many values and bases 2..36.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))
values = [0, 1, -1, 35, 36, 255, -256, 10**18, 2**64 - 1, -(3**50), 123456789012345678901234567890]
for b in [2, 3, 7, 8, 16, 36]:
    print(b, [to_base(v, b) for v in values[:6]])
ok = all(int(to_base(v, b), b) == v for v in values for b in range(2, 37))
print(ok, to_base(2**100, 36), int("zz" * 10, 36), int("-" + "1" * 64, 2))
print(format(2**100, "x") == to_base(2**100, 16), format(-255, "b") == to_base(-255, 2), oct(8**20)[2:] == to_base(8**20, 8))
