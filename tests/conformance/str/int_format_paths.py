# Int formatting through %, format() and f-strings at the 64-bit boundaries (machine ints
# take a native path, big ints the big-int one): every type, flag, width and grouping.
M = 2**63
vals = [0, 1, -1, 7, -255, 255, 1000000, -1234567, M - 1, -M, M, -M - 1, 10**30, True]
for v in vals:
    print("%d|%i|%u|%x|%X|%o|%5d|%-6d|%+d|% d|%05d|%#x|%#o|%.3d|%+.4x" % (v, v, v, v, v, v, v, v, v, v, v, v, v, v, v))
    print(f"{v}|{v:b}|{v:#b}|{v:o}|{v:x}|{v:X}|{v:#X}|{v:,}|{v:_}|{v:_x}|{v:>10}|{v:<8}|{v:^9}|{v:=+8}|{v:010,}|{v:c}" if 0 <= v < 0x110000 else f"{v}|{v:b}|{v:#b}|{v:o}|{v:x}|{v:X}|{v:#X}|{v:,}|{v:_}|{v:_x}|{v:>10}|{v:<8}|{v:^9}|{v:=+8}|{v:010,}")
    print(format(v, "n"), format(v, "d"), format(v, ""), format(v, "e"), format(v, ".2%"))
print("%d" % 3.7, "%x" % 255, "%(a)d-%(b)05d" % {"a": 4, "b": -3})
try:
    "%d" % "x"
except TypeError as e:
    print(e)
