# open() for binary files: bytes in and out, seek/tell, read sizes.
import os
path = f"_tmp_{os.getpid()}_bin.dat"
try:
    with open(path, "wb") as f:
        f.write(bytes(range(256)))
        f.write(b"tail")
    with open(path, "rb") as f:
        data = f.read()
        print(len(data), data[:8], data[-4:], type(data).__name__)
        f.seek(10)
        print(f.tell(), f.read(4))
        f.seek(-4, 2)
        print(f.read(), f.read(), f.tell())
        f.seek(0)
        chunks = []
        while chunk := f.read(100):
            chunks.append(len(chunk))
        print(chunks)
    with open(path, "r+b") as f:
        f.seek(1)
        f.write(b"\xff\xfe")
    with open(path, "rb") as f:
        print(f.read(4))
    with open(path, "ab") as f:
        f.write(b"!")
    print(os.path.getsize(path))
    with open(path, "wb") as f:
        f.write("héllo\nworld\n".encode("utf-8"))
    with open(path, "rb") as f:
        print(f.readline(), f.readlines())
    with open(path, encoding="latin-1") as f:
        print(repr(f.read()))
    with open(path, "rb") as f:
        try:
            f.write(b"x")
        except OSError as e:
            print(type(e).__name__, e)
    try:
        with open(path, "wb") as f:
            f.write("text")
    except TypeError as e:
        print("TypeError:", e)
finally:
    os.remove(path)
