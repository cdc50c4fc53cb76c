# io.TextIOWrapper over BytesIO, newline handling, and io.open being builtins.open.
import io
raw = io.BytesIO("línea uno\r\nline two\rthree\n".encode("utf-8"))
t = io.TextIOWrapper(raw, encoding="utf-8")
print(t.readlines())
raw2 = io.BytesIO("a\r\nb\r\n".encode())
t2 = io.TextIOWrapper(raw2, encoding="utf-8", newline="")
print(t2.readlines())
out = io.BytesIO()
w = io.TextIOWrapper(out, encoding="utf-8", newline="\r\n")
w.write("x\ny\n")
w.flush()
print(out.getvalue())
print(io.open is open, io.DEFAULT_BUFFER_SIZE > 0, issubclass(io.UnsupportedOperation, OSError))
import sys
print(isinstance(sys.stdout, io.TextIOWrapper), sys.stdout.encoding, sys.stdout.writable())
