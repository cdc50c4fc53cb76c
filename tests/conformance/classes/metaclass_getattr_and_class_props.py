# Class-level properties via metaclasses, class __getattr__, __dir__ and __repr__ of classes.
class Registry(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls._instances = []
        return cls
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        cls._instances.append(inst)
        return inst
    @property
    def count(cls):
        return len(cls._instances)
    def __repr__(cls):
        return f"<registered class {cls.__name__}>"
    def __len__(cls):
        return len(cls._instances)
    def __iter__(cls):
        return iter(cls._instances)
    def __getitem__(cls, i):
        return cls._instances[i]
class Widget(metaclass=Registry):
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Widget({self.name})"
for n in "abc":
    Widget(n)
print(Widget, Widget.count, len(Widget), list(Widget), Widget[1], [w.name for w in Widget])
class Gadget(Widget):
    pass
Gadget("g")
print(Gadget.count, Widget.count, repr(Gadget), type(Gadget).__name__, isinstance(Gadget, Registry))
try:
    Widget().count
except TypeError as e:
    print("TypeError:", e)
