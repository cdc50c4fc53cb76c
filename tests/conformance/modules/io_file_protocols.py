# File-like protocols with io.StringIO: iteration, readline loops, print(file=), writelines, seek/tell/truncate.
import io
buf = io.StringIO()
for i in range(5):
    print(f"row {i}", i * i, sep="\t", file=buf)
buf.writelines(["tail1\n", "tail2"])
print(repr(buf.getvalue()[:20]), buf.tell(), len(buf.getvalue()))
buf.seek(0)
first = buf.readline()
rest = [line.rstrip("\n").split("\t") for line in buf]
print(repr(first), rest)
buf.seek(0)
print(buf.read(3), buf.readline(), buf.readlines(2))
buf.seek(10)
buf.truncate()
print(repr(buf.getvalue()), buf.tell())
buf.seek(0, io.SEEK_END)
buf.write("appended")
print(repr(buf.getvalue()))
data = io.BytesIO(b"".join(i.to_bytes(2, "big") for i in range(10)))
nums = []
while chunk := data.read(2):
    nums.append(int.from_bytes(chunk, "big"))
print(nums, data.tell(), data.read(), data.seek(-4, io.SEEK_END), data.read())
print(io.StringIO("a\nb").readlines(), list(io.StringIO("")), io.StringIO("x").read(0) == "", io.BytesIO().getvalue())
