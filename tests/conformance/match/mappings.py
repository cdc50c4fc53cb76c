# Mapping patterns: keys, **rest, nested values, extra keys allowed.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **mods} if mods:
            return f"key {k} with {sorted(mods)}"
        case {"type": "key", "key": k}:
            return f"key {k}"
        case {"type": t, **rest}:
            return f"unknown type {t} rest={rest}"
        case {}:
            return "empty or no type"
        case _:
            return "not a mapping"
events = [{"type": "click", "pos": (3, 4)}, {"type": "click", "pos": [1, 2], "extra": 1},
          {"type": "key", "key": "a"}, {"type": "key", "key": "b", "shift": True, "alt": False},
          {"type": "scroll", "dy": -1}, {"other": 1}, {}, [("type", "click")], "click"]
for e in events:
    print(e, "->", handle(e))
from collections import OrderedDict, defaultdict
print(handle(OrderedDict(type="key", key="z")), handle(defaultdict(int, type="x")))
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest is", rest, type(rest).__name__)
