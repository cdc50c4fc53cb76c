# os essentials: getcwd, listdir, path checks, environ, sep, getpid, mkdir/rmdir/remove/rename.
import os
here = os.getcwd()
print(os.path.basename(here), os.sep, os.linesep == "\n", os.name, os.curdir, os.pardir, isinstance(os.getpid(), int))
print("os_basics.py" in os.listdir("."), os.path.isfile("os_basics.py"), os.path.isdir("."), os.path.exists("nope.txt"))
print(os.environ.get("TZ"), os.environ.get("DEFINITELY_NOT_SET"), "PATH" in os.environ, os.getenv("LC_ALL"))
tmp = f"_tmp_{os.getpid()}_dir"
os.mkdir(tmp)
try:
    with open(os.path.join(tmp, "a.txt"), "w") as f:
        f.write("hello")
    os.makedirs(os.path.join(tmp, "sub", "deeper"))
    print(sorted(os.listdir(tmp)), os.path.getsize(os.path.join(tmp, "a.txt")))
    os.rename(os.path.join(tmp, "a.txt"), os.path.join(tmp, "b.txt"))
    print(sorted(os.listdir(tmp)))
    walked = [(os.path.relpath(root, tmp), sorted(dirs), sorted(files)) for root, dirs, files in os.walk(tmp)]
    print(sorted(walked))
    st = os.stat(os.path.join(tmp, "b.txt"))
    print(st.st_size, isinstance(st.st_mtime, float))
    try:
        os.mkdir(tmp)
    except FileExistsError as e:
        print("FileExistsError:", e.errno)
    try:
        os.rmdir(tmp)
    except OSError as e:
        print(type(e).__name__, e.errno)
finally:
    os.remove(os.path.join(tmp, "b.txt"))
    os.rmdir(os.path.join(tmp, "sub", "deeper"))
    os.rmdir(os.path.join(tmp, "sub"))
    os.rmdir(tmp)
print(os.path.exists(tmp))
try:
    os.remove("no_such_file_here.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)
print(os.fspath("p"), os.path.abspath(".") == here, os.getcwd() == here)
