# Packing and unpacking fixed-size binary records with struct, including alignment and padding.
import struct
RECORD = struct.Struct("<I8sdh?x")
people = [(1, b"ann", 1.75, -3, True), (2, b"bartholomew", 1.82, 120, False), (3, b"", 0.0, 0, True)]
blob = b"".join(RECORD.pack(*p) for p in people)
print(RECORD.size, len(blob), blob[:24].hex())
for rec in RECORD.iter_unpack(blob):
    ident, name, height, delta, flag = rec
    print(ident, name.rstrip(b"\0"), height, delta, flag)
print(struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("<bi"), struct.calcsize("@bq"), struct.calcsize("@qb"))
print(struct.pack(">Hhb", 65535, -32768, 127).hex(), struct.unpack(">e", b"\x3c\x00"), struct.pack("<e", 0.5).hex())
print(struct.pack("5p", b"abc"), struct.unpack("5p", b"\x03abc\x00"), struct.pack("<Q", 2**64 - 1).hex())
