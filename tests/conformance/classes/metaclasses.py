# Metaclasses: __new__, __init__, __call__, __prepare__, class keyword args.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["created_by"] = mcs.__name__
        ns["kw"] = kw
        cls = super().__new__(mcs, name, bases, ns)
        print("Meta.__new__", name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print("Meta.__init__", name)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
class Thing(metaclass=Meta, flavor="x"):
    def __init__(self, v):
        self.v = v
t = Thing(5)
print(t.v, Thing.created_by, Thing.kw, type(Thing).__name__, isinstance(Thing, Meta))
class Sub(Thing):
    pass
print(type(Sub).__name__, Sub.kw)
class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print("prepare", name)
        return {"injected": 42}
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
class Rec(metaclass=Ordered):
    b = 1
    a = 2
    def m(self):
        pass
print(Rec.order, Rec.injected)
class Singleton(type):
    instances = {}
    def __call__(cls, *a):
        if cls not in cls.instances:
            cls.instances[cls] = super().__call__(*a)
        return cls.instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config init")
print(Config() is Config())
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class C12(A1, A2):
        pass
except TypeError as e:
    print("TypeError:", e)
