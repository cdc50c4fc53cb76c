# bytearray is the mutable bytes.
ba = bytearray(b"hello")
ba[0] = 72
ba[-1] = ord("!")
print(ba, len(ba), ba[1], ba[1:3], type(ba[1:3]).__name__)
ba.append(63)
ba.extend(b" world")
ba.extend([33, 33])
ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("o"))
print(ba, ba.index(ord("w")), ba.count(b"l"), ba.find(b"wor"))
ba[1:3] = b"EEE"
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba2 = bytearray(3)
ba2 += b"xy"
ba2 *= 2
print(ba2, bytearray(b"ab") + b"cd", b"cd" + bytearray(b"ab"), bytearray(range(5)))
ba3 = bytearray(b"abcdef")
ba3.reverse()
print(ba3, ba3.upper(), ba3.decode(), bytes(ba3), ba3 == b"fedcba", ba3.hex())
ba3.clear()
print(ba3, len(ba3), bytearray.fromhex("41 42"), ba3.copy() == ba3)
for bad in [lambda: bytearray(b"a").__setitem__(0, 256), lambda: bytearray(b"").pop(), lambda: bytearray(b"a").remove(5),
            lambda: hash(bytearray(b"x")), lambda: bytearray(b"ab").__setitem__(0, b"x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
