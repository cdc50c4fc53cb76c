# Slice assignment and deletion on bytearray, with steps and resizing.
ba = bytearray(range(10))
ba[2:5] = b""
print(list(ba))
ba[0:0] = b"\xaa\xbb"
print(list(ba))
ba[::2] = bytes(len(ba[::2]))
print(list(ba))
ba[-3:] = bytearray(b"xyzw")
print(list(ba))
del ba[1:4]
print(list(ba))
try:
    ba[::2] = b"ab"
except ValueError as e:
    print("ValueError:", e)
ba[1:2] = [1, 2, 3]
print(list(ba))
mv = memoryview(ba)
print(mv[0], len(mv), bytes(mv[:3]), mv.tobytes()[:4])
ba2 = bytearray(b"hello world")
print(ba2.split(), ba2.replace(b"o", b"0"), ba2.strip(b"hd"), ba2.title(), ba2.startswith(b"he"))
for i in range(len(ba2)):
    ba2[i] = ba2[i] ^ 0x20
print(ba2)
