# The builtins module namespace: every public builtin name of CPython 3.14 is present.
import builtins
names = sorted(n for n in dir(builtins) if not n.startswith("_"))
print(len(names))
for i in range(0, len(names), 8):
    print(" ".join(names[i:i + 8]))
print(sorted(n for n in dir(builtins) if n.startswith("__") and n.endswith("__")))
print(builtins.__name__, builtins.print is print, getattr(builtins, "True"), builtins.len is len)
