# os.path string manipulation (pure functions, POSIX semantics).
import os.path as p
paths = ["/usr/lib/python3.14/os.py", "relative/dir/", "file.tar.gz", "/", "", ".hidden", "a/b/../c", "//double//slash"]
for x in paths:
    print(repr(x), p.basename(x), p.dirname(x), p.split(x), p.splitext(x), p.isabs(x), p.normpath(x) if x else "")
print(p.join("a", "b", "c.txt"), p.join("a/", "/abs", "x"), p.join("", "x"), p.join("a", ""))
print(p.normpath("a/./b/../../c"), p.normpath("/../x"), p.normpath("a//b"), p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"))
print(p.commonprefix(["/usr/lib", "/usr/local"]), p.commonpath(["/usr/lib", "/usr/local"]), p.splitext(".bashrc"), p.splitext("a.b.c"))
print(p.expanduser("plain"), p.sep if hasattr(p, "sep") else "/", p.extsep, p.splitdrive("/x/y"))
