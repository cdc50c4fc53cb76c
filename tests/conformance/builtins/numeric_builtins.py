# abs, round, divmod, pow, bin/oct/hex, int()/float() on strings, chr/ord.
print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(2**70)))
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(0.5 + 1e-16), round(12.5, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-2**65, 7))
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(3, -1, 11), pow(2.0, 3), pow(-1, 0.5))
print(bin(10), bin(-10), oct(64), hex(255), hex(-1), bin(0), hex(2**64))
print(int("42"), int("-0x1F", 16), int("0b1010", 0), int("z", 36), int(" 12 "), int("1_000"), int(4.9), int(-4.9))
print(float("3.5"), float("-inf"), float("1e-5"), float(" 2 "), float(7))
print(chr(65), chr(0x1F600), ord("A"), ord("€"), [chr(c) for c in range(97, 102)])
print(hash(42) == 42, hash(-1), hash(1.0) == hash(1), hash("abc") == hash("abc"))
a = [1]
print(id(a) == id(a), id(a) != id([1]), isinstance(id(a), int))
