# Indexing, slicing, len and methods of large bytes/bytearray objects in loops (a decoder
# in the style of pyflate): each operation must cost O(1) or O(result), not O(len).
data = bytes((i * 7 + i // 3) % 256 for i in range(200_000))
total = 0
for i in range(0, len(data), 3):
    total += data[i] ^ data[-i - 1]
print(total, len(data), data[0], data[-1], data[100_000])

# Run-length decode: runs of 4 equal bytes are followed by a count byte.
src = bytearray()
for i in range(20_000):
    b = i % 251
    src += bytes([b]) * 4 + bytes([i % 7]) if i % 5 == 0 else bytes([b])
src = bytes(src)
out = []
i = 0
while i < len(src):
    if i < len(src) - 4 and src[i] == src[i + 1] == src[i + 2] == src[i + 3]:
        out.append(src[i:i + 1] * (src[i + 4] + 4))
        i += 5
    else:
        out.append(src[i:i + 1])
        i += 1
decoded = b"".join(out)
print(len(src), len(decoded), sum(decoded) % 1_000_003, decoded[:12].hex())

# Searching a big buffer from a loop (bwt-style counting by find).
F = bytes(sorted(data[:50_000]))
base = [F.find(bytes([c])) for c in range(256)]
print(base[:8], base[-4:], F.rfind(b"\x00"), F.count(b"\xff"), F.startswith(b"\x00"))

# bytearray: in-place reads and writes, growth, and views of the current contents.
ba = bytearray(100_000)
for i in range(0, len(ba), 7):
    ba[i] = (ba[i - 1] + i) % 256
acc = 0
for i in range(len(ba) - 1, -1, -11):
    acc = (acc * 31 + ba[i]) % 1_000_000_007
print(acc, len(ba), ba[7], ba[-1], ba.find(b"\x01"), ba[10:14])
ba.extend(b"xyz")
print(len(ba), ba[-3:], ba[-1], ba.endswith(b"yz"))
try:
    ba[len(ba)]
except IndexError as e:
    print("IndexError:", e)
try:
    data[-len(data) - 1]
except IndexError as e:
    print("IndexError:", e)
try:
    data["x"]
except TypeError as e:
    print("TypeError:", e)
print(data == bytes(data), data < data + b"\x00", bytearray(data[:5]) == data[:5], data[5:1:-2])
