# open() for text files: write, read, append, iterate, modes and encodings.
import os
path = f"_tmp_{os.getpid()}_text.txt"
try:
    with open(path, "w", encoding="utf-8") as f:
        n = f.write("first line\n")
        f.write("second: é ✓\n")
        f.writelines(["third\n", "fourth"])
        print("write returned", n, f.name == path, f.mode, f.closed)
    print(f.closed)
    with open(path, encoding="utf-8") as f:
        print(repr(f.read()))
    with open(path, "r", encoding="utf-8") as f:
        print(f.readline(), end="")
        print(repr(f.readline()))
        print(f.readlines())
        print(repr(f.readline()))
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nappended")
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            print(i, repr(line))
    with open(path, encoding="utf-8") as f:
        print(f.read(5), f.read(3), f.tell() > 0)
        f.seek(0)
        print(repr(f.read(10)))
    print(os.path.getsize(path), os.path.exists(path))
    with open(path, "w") as f:
        f.write("overwritten")
    print(open(path).read())
    with open(path, "x" if False else "r+") as f:
        f.write("OVER")
    print(open(path).read())
    try:
        open(path, "x")
    except FileExistsError as e:
        print("FileExistsError:", e.errno, e.strerror)
finally:
    os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename == path)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
