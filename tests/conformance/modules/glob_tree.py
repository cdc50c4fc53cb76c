# glob: wildcards per segment, hidden files, recursive '**', trailing separators, bytes
# patterns, root_dir, dir_fd, escape, has_magic and translate, on a small tree built here.
import glob
import os

base = f"/tmp/rpy_glob_{os.getpid()}"
for d in ["a/b/c", "a/.hid", "d", ".hdir/x", "e/f"]:
    os.makedirs(os.path.join(base, d))
for f in ["a/x.py", "a/b/y.py", "a/b/c/z.txt", "a/.hid/q.py", "d/w.py", ".hdir/x/k.py",
          "top.py", "[x].py", "a/.dot.py", "e/f/g.c"]:
    with open(os.path.join(base, f), "w") as fh:
        fh.write("x")
os.symlink("a/b", os.path.join(base, "lnk"))
os.chdir(base)

pats = ["*", "*.py", "**", "**/*.py", "a/**", "a/**/", "**/", "*/", "a/*/*.py", "[[]x].py",
        "?op.py", ".*", "a/.*", "**/.*", "", "a", "a/", "nonexist/*", base + "/a/*.py",
        "lnk/*", "a/**/**/*.py", "*/**/*.txt", "./*", "*/*/", "a/b/c/../*.py", "[!t]*",
        "a/[bx]*", "**/*.c", "e/**", "a?"]


def show(label, paths):
    print(label, [x.replace(base, "BASE") for x in sorted(paths)])


for p in pats:
    print(repr(p.replace(base, "BASE")))
    show("  ", glob.glob(p))
    show("  r", glob.glob(p, recursive=True))
    show("  rh", glob.glob(p, recursive=True, include_hidden=True))
    show("  root", glob.glob(p, root_dir=os.path.join(base, "a"), recursive=True))
print(sorted(glob.glob(b"*.py")), sorted(glob.glob(b"**", recursive=True))[:4])
print(sorted(glob.iglob("**/*.py", recursive=True)), type(glob.iglob("*")).__name__ != "list")
fd = os.open(base, os.O_RDONLY)
print(sorted(glob.glob("**/*.py", dir_fd=fd, recursive=True)), sorted(glob.glob("a/*", dir_fd=fd)))
os.close(fd)
print(glob.escape("a*b?[c]"), glob.escape(b"x[*"), glob.escape("//?/c:/*"))
print(glob.has_magic("a["), glob.has_magic("abc"), glob.has_magic(b"?"))
for p in ["a*b", "**/*.py", "a/**/b/*", "*.[ch]", "?", ".x/**", "a//b", "[!a]*", "**", "*/"]:
    print(p, glob.translate(p), glob.translate(p, recursive=True),
          glob.translate(p, include_hidden=True, recursive=True), glob.translate(p, seps="/\\"))
print(glob.__all__)

for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        p = os.path.join(root, d)
        if os.path.islink(p):
            os.remove(p)
        else:
            os.rmdir(p)
os.rmdir(base)
print(os.path.exists(base))
