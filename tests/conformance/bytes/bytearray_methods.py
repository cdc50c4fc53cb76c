# bytearray in-place operations, methods returning bytearray, and conversions.
ba = bytearray(b"Hello, World")
ba[0:5] = b"HOWDY"
print(ba, ba.lower(), type(ba.lower()).__name__, ba.find(b"W"), ba.split(b", "), ba.upper().decode())
ba += b"!"
ba *= 2
print(ba, len(ba))
ba2 = bytearray()
for i in range(10):
    ba2.append(48 + i)
ba2.extend(b"abc")
ba2.extend(range(65, 68))
print(ba2, ba2.decode(), ba2.count(b"a"), ba2.rstrip(b"C"), ba2.isalnum(), ba2.startswith(b"012"))
del ba2[:5]
ba2[-3:] = b"Z"
print(ba2, ba2.pop(), ba2.pop(0), ba2)
ba2.remove(ord("7"))
ba2.insert(1, ord("-"))
ba2.reverse()
print(ba2, bytes(ba2), ba2 == bytearray(bytes(ba2)), ba2 < b"z", list(ba2[:3]))
print(bytearray(b"abc") + bytearray(b"def"), b"x" + bytearray(b"y"), type(b"x" + bytearray(b"y")).__name__)
print(bytearray(5), bytearray([1, 2]), bytearray("snake", "ascii"), bytearray(b"q").join([b"1", b"2"]))
