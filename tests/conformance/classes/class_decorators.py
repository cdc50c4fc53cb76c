# Class decorators that add methods, register, or replace the class.
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def count_instances(cls):
    original = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        cls.instances += 1
        original(self, *a, **k)
    cls.__init__ = __init__
    return cls
@add_repr
@count_instances
class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
a = Item("pen", 1.5)
b = Item("book", 12)
print(a, b, Item.instances)
def singleton(cls):
    return cls()
@singleton
class settings:
    debug = False
print(settings.debug, type(settings).__name__)
REG = []
def register(cls):
    REG.append(cls.__name__)
    return cls
@register
class One: pass
@register
class Two: pass
print(REG)
