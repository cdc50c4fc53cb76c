# Packing ints into bytes by hand and with int.to_bytes / int.from_bytes.
def pack_u32(n):
    return bytes([(n >> 24) & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF])
for n in [0, 1, 255, 256, 65535, 0xDEADBEEF, 2**32 - 1]:
    p = pack_u32(n)
    print(n, p, p == n.to_bytes(4, "big"), int.from_bytes(p, "big"), int.from_bytes(p, "little"))
data = bytes(range(16))
words = [int.from_bytes(data[i:i + 4], "little") for i in range(0, 16, 4)]
print([hex(w) for w in words])
checksum = 0
for byte in b"The quick brown fox":
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print(checksum)
print(bytes(x ^ 0x5A for x in b"secret"), bytes(x ^ 0x5A for x in bytes(x ^ 0x5A for x in b"secret")))
