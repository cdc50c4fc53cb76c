# io.StringIO and io.BytesIO.
import io
s = io.StringIO()
s.write("hello ")
s.write("world\n")
print("line two", file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()))
s2 = io.StringIO("a\nb\nc")
print(s2.readlines(), s2.read(), list(io.StringIO("x\ny\n")))
s3 = io.StringIO("initial")
s3.seek(0, 2)
s3.write("+more")
print(s3.getvalue())
s3.truncate(3)
print(repr(s3.getvalue()))
s3.close()
try:
    s3.write("x")
except ValueError as e:
    print("ValueError:", e)
b = io.BytesIO()
b.write(b"\x00\x01")
b.write(bytes([2, 3]))
print(b.getvalue(), b.tell())
b.seek(1)
print(b.read(2), b.read(), b.getbuffer().nbytes)
b2 = io.BytesIO(b"line1\nline2\n")
print(b2.readline(), b2.readlines())
with io.StringIO() as buf:
    buf.write("ctx")
    print(buf.getvalue(), buf.closed)
print(buf.closed)
try:
    io.StringIO().write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    io.BytesIO().write("str")
except TypeError as e:
    print("TypeError:", e)
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), io.StringIO("q").readable())
