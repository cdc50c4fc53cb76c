# __getattr__, __getattribute__, __setattr__, __delattr__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(f"get {name}")
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append(f"set {name}")
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        delattr(self._target, name)
class Target:
    pass
t = Target()
p = Proxy(t)
p.color = "red"
print(p.color, t.color)
del p.color
print(hasattr(t, "color"), p.log)
class Everything:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback:{name}"
e = Everything()
print(e.real, e.missing, e.secret_key)
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")
f = Frozen(5)
for action in [lambda: setattr(f, "x", 1), lambda: delattr(f, "x"), lambda: setattr(f, "y", 2)]:
    try:
        action()
    except AttributeError as err:
        print("AttributeError:", err)
print(f.x)
class Counted:
    def __getattribute__(self, name):
        d = object.__getattribute__(self, "__dict__")
        d["hits"] = d.get("hits", 0) + 1
        return object.__getattribute__(self, name)
c = Counted()
c.a = 1
c.a
c.a
print(c.__dict__["hits"] if "hits" in c.__dict__ else None)
