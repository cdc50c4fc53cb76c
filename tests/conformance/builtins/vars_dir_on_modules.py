# dir() and vars() on modules and builtin types (filtered to stable public names).
import math
import json
print(sorted(n for n in dir(math) if n[0].islower())[:15])
print(sorted(n for n in ["dumps", "loads", "dump", "load", "JSONDecodeError", "JSONEncoder", "JSONDecoder"] if n in dir(json)))
print("sqrt" in vars(math), vars(math)["pi"], math.__name__, type(vars(math)).__name__)
print(sorted(n for n in dir(int) if not n.startswith("_")))
print(sorted(n for n in dir(str) if not n.startswith("_")))
print(sorted(n for n in dir(list) if not n.startswith("_")), sorted(n for n in dir(dict) if not n.startswith("_")))
print(sorted(n for n in dir(set) if not n.startswith("_")))
print(sorted(n for n in dir(bytes) if not n.startswith("_")) == sorted(n for n in dir(bytes) if not n.startswith("_")))
