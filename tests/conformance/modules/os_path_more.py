# More os.path: exists/isfile/isdir on relative paths, splitting loops, and path joining conventions.
import os
import os.path
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.basename(here), os.path.isdir(here), os.path.isfile(os.path.join(here, "os_path_more.py")))
parts = []
p = "/a/b/c/d.txt"
while p not in ("/", ""):
    p, tail = os.path.split(p)
    parts.append(tail)
print(parts[::-1])
print(os.path.join("/root", "sub", "..", "file"), os.path.normpath(os.path.join("/root", "sub", "..", "file")))
print(os.path.splitext("archive.tar.gz"), os.path.splitext("/path.d/noext"), os.path.splitext("trailing."))
print(os.path.isabs("rel/x"), os.path.isabs("/abs"), os.path.relpath("/x/y/z", "/x/q"), os.path.commonpath(["/a/b/c", "/a/b/d/e"]))
print(os.path.exists(os.path.join(here, "no", "such")), os.path.getsize(__file__) > 100, os.path.samefile(__file__, os.path.join(here, os.path.basename(__file__))))
print(sorted(f for f in os.listdir(here) if f.startswith("os_") and f.endswith(".py")))
