# ord and chr round-trips and limits.
for c in ["a", "Z", "0", " ", "é", "€", "日", "🐍", "\x00", "\uffff", "\U0010ffff"]:
    print(repr(c), ord(c), hex(ord(c)), chr(ord(c)) == c)
print([chr(i) for i in range(65, 91)])
print("".join(chr(0x3b1 + i) for i in range(10)))
for bad in [lambda: ord("ab"), lambda: ord(""), lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: ord(5)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(ord(b"A"), ord(bytearray(b"z")))
