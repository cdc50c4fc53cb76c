# int() from strings, floats, other bases, and objects with __int__/__index__.
print(int(), int(0), int(42), int(-7))
print(int("123"), int("  -45  "), int("+9"), int("1_000_000"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Z", 36), int("zz", 36), int("10", 2), int("777", 8))
print(int("12", 3), int("-101", 2), int(" 0b11 ", 0))
print(int(3.9), int(-3.9), int(1e20), int(2.5), int(-0.5))
print(int(True), int(False))
print(int("٣٤"), int("１２３"))
print(int("9" * 50) + 1)
class WithInt:
    def __int__(self):
        return 77
class WithIndex:
    def __index__(self):
        return 5
class WithTrunc:
    def __index__(self):
        return -3
print(int(WithInt()), int(WithIndex()), int(WithTrunc()))
print(int(b"42"), int(bytearray(b"-17")))
print(int("0", 0), int("00", 0), int("0_0", 0))
for bad in ["", "abc", "1.5", "0x", "1__0", "_1", "08"]:
    try:
        int(bad, 0) if bad == "08" else int(bad)
        print("ok?", bad)
    except ValueError as e:
        print("ValueError:", e)
