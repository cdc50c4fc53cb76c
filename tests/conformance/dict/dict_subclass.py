# dict subclasses: overriding __getitem__/__setitem__ and what builtins bypass.
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = Lower()
d["ABC"] = 1
print(d, d["aBc"], d.get("abc"), d.get("ABC"), "abc" in d)
d2 = Lower({"MixedCase": 2})
print(d2)
d2.update({"UP": 3})
print(d2)
class Tracking(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.reads = 0
    def __getitem__(self, k):
        self.reads += 1
        return super().__getitem__(k)
t = Tracking(x=1, y=2)
print(t["x"], t["y"], t.reads, dict(t), t.reads, {**t}, t.reads)
print(type(t.copy()).__name__, type(t | {}).__name__, isinstance(t, dict))
