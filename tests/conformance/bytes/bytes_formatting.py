# bytes %-formatting, hex/fromhex with separators, and bytes repr of every byte value.
print(b"%d items at %.2f each: %s" % (3, 1.5, b"ok"), b"%-6s|%6s|" % (b"l", b"r"), b"%x %X %o %c" % (255, 255, 8, 65))
print(b"%(name)s=%(v)d" % {b"name": b"k", b"v": 7}, b"%a %r" % ("é", "x"), b"%%" % ())
for bad in [lambda: b"%s" % "str", lambda: b"%d" % b"1", lambda: b"%s %s" % (b"a",)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(bytes(range(0, 256, 15)))
print(repr(bytes(range(32))), repr(bytes(range(120, 140))))
print(b"\x00\xff".hex(), b"abcdef".hex(":", 2), b"abcdef".hex(" ", -4), bytes.fromhex("0a 0B\t0c"), bytearray.fromhex("ff00").hex())
print(b"%5.2f|%-8.3e|%+d" % (3.14159, 12345.678, 5), b"%i" % 3.9, b"%s" % memoryview(b"mv"))
