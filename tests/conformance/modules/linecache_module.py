import linecache, os, sys

path = f"/tmp/rpy_linecache_{os.getpid()}.py"
with open(path, "w") as f:
    f.write("first = 1\n  second\r\nthird\rfourth")
try:
    print(linecache.getlines(path))
    print(repr(linecache.getline(path, 2)), repr(linecache.getline(path, 0)),
          repr(linecache.getline(path, 99)))
    entry = linecache.cache[path]
    print(len(entry), entry[0], entry[2] is linecache.getlines(path), entry[3] == path)
    with open(path, "w") as f:
        f.write("changed = True\nline two\n")
    print(repr(linecache.getline(path, 1)))   # still cached
    linecache.checkcache(path)
    print(repr(linecache.getline(path, 1)))   # reloaded
    linecache.checkcache()
    print(path in linecache.cache)
    print(linecache.updatecache(path)[1])
    with open(path, "wb") as f:
        f.write(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")
    linecache.clearcache()
    print(linecache.cache)
    print(repr(linecache.getline(path, 2)))
    with open(path, "w") as f:
        f.write("")
    linecache.clearcache()
    print(linecache.getlines(path))
finally:
    os.remove(path)
linecache.checkcache(path)
print(path in linecache.cache)
print(linecache.getlines(path), linecache.getlines(""), linecache.getlines("<stdin>"))
print(linecache.getline("definitely/not/here.py", 1) == "")


class Loader:
    def get_source(self, name):
        print("get_source", name)
        return "line a\nline b"


class NoSource:
    def get_source(self, name):
        return None


g = {"__name__": "fake_mod", "__loader__": Loader()}
print(linecache.lazycache("fake_mod.py", g))
print(linecache.cache["fake_mod.py"][0].__class__.__name__, len(linecache.cache["fake_mod.py"]))
print(linecache.lazycache("fake_mod.py", g))
print(linecache.getlines("fake_mod.py"))
print(linecache.lazycache("fake_mod.py", g))
print(linecache.lazycache("<string>", g), linecache.lazycache("x.py", {}),
      linecache.lazycache("x.py", None))
print(linecache.getlines("nosrc.py", {"__name__": "nosrc", "__loader__": NoSource()}))
print(linecache.getline("other.py", 2, {"__name__": "other", "__loader__": Loader()}))
print(sorted(linecache.__all__))
