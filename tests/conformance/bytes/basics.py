# bytes literals, indexing (ints), slicing (bytes), repr.
b = b"hello\x00\xff world"
print(b, len(b), b[0], b[-1], b[5], b[6], b[1:4], b[::-1], b[::3], type(b[0]).__name__, type(b[:1]).__name__)
print(repr(b"'"), repr(b'"'), repr(b"'\""), b"\t\n\r\x7f\x80", bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)))
print(bytes("héllo", "utf-8"), bytes(b"copy"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes())
print(b"ab" + b"cd", b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"" in b"x", b"x" < b"y", b"abc" == b"abc", b"a" == "a")
print(list(b"abc"), [c for c in b"\x01\x02"], sorted(b"cab"), max(b"az"), sum(b"\x01\x02\x03"))
print(b"%s-%d-%x-%r" % (b"s", 5, 255, b"r"), b"%5s|%-5s|" % (b"a", b"b"), b"%c%c" % (65, b"B"))
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"\x01\x02\x03".hex(":"), b"abcdef".hex("-", 2))
print(hash(b"abc") == hash(b"abc"), b"abc".decode(), b"x".__len__(), bytes is type(b""))
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("x"), lambda: b"a" + "b", lambda: b"abc"[5],
            lambda: bytes(-1), lambda: bytes.fromhex("zz"), lambda: b"a"[0:1].__setitem__(0, 1), lambda: "a" in b"abc"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
