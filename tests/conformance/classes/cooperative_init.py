# Cooperative multiple inheritance with **kwargs forwarding through super().__init__.
class Base:
    def __init__(self, **kwargs):
        if kwargs:
            raise TypeError(f"unexpected arguments: {sorted(kwargs)}")
        print("Base.__init__")
class Named(Base):
    def __init__(self, name, **kwargs):
        print("Named.__init__", name)
        self.name = name
        super().__init__(**kwargs)
class Aged(Base):
    def __init__(self, age, **kwargs):
        print("Aged.__init__", age)
        self.age = age
        super().__init__(**kwargs)
class Tagged(Base):
    def __init__(self, tags=(), **kwargs):
        print("Tagged.__init__", tags)
        self.tags = list(tags)
        super().__init__(**kwargs)
class Person(Named, Aged, Tagged):
    def __init__(self, **kwargs):
        print("Person.__init__")
        super().__init__(**kwargs)
p = Person(name="ann", age=30, tags=["x"])
print([c.__name__ for c in Person.__mro__], vars(p))
try:
    Person(name="bob", age=1, color="red")
except TypeError as e:
    print("TypeError:", e)
class Logged:
    def save(self):
        print("Logged.save")
        return ["log"] + super().save()
class Validated:
    def save(self):
        print("Validated.save")
        return ["valid"] + super().save()
class Store:
    def save(self):
        print("Store.save")
        return ["store"]
class Record(Logged, Validated, Store):
    pass
print(Record().save(), [c.__name__ for c in Record.__mro__])
