# struct: pack/unpack with byte orders, sizes, calcsize, iter_unpack, errors.
import struct
print(struct.pack(">I", 1), struct.pack("<I", 1), struct.pack("<hH", -2, 65535), struct.pack(">q", -1))
print(struct.pack("<f", 1.5), struct.pack(">d", 0.1), struct.pack("?x3s", True, b"abc"), struct.pack("<2i", 7, 8))
print(struct.unpack(">I", b"\x00\x00\x01\x00"), struct.unpack("<hH", b"\xfe\xff\xff\xff"), struct.unpack("<d", struct.pack("<d", 3.25)))
print(struct.calcsize("<i"), struct.calcsize("<q"), struct.calcsize("<ihb"), struct.calcsize("<10s"), struct.calcsize("<?"))
print(struct.unpack("<3sB", b"xyz\x05"), struct.pack("<c", b"A"), struct.unpack("<4B", bytes([1, 2, 3, 4])))
header = struct.pack("<4sHI", b"RPY1", 3, 1024)
print(header, struct.unpack("<4sHI", header))
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00\x03\x00")), struct.unpack_from("<H", b"\x00\x00\x07\x00", 2))
s = struct.Struct(">hh")
print(s.size, s.format, s.pack(1, -1), s.unpack(b"\x00\x02\xff\xfe"))
buf = bytearray(8)
struct.pack_into("<I", buf, 2, 0xDEADBEEF)
print(buf)
for bad in [lambda: struct.pack(">B", 256), lambda: struct.pack(">h", 40000), lambda: struct.unpack(">I", b"\x00"),
            lambda: struct.pack(">I", "x"), lambda: struct.pack("<2i", 1), lambda: struct.calcsize("y")]:
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)
