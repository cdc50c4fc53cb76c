# Class definition, instances, attributes, methods, class vs instance attributes.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
    def __repr__(self):
        return f"Dog({self.name!r}, {self.age})"
a = Dog("Rex", 3)
b = Dog("Fido", 5)
print(a, b, a.bark(), a.birthday().birthday(), Dog.count, a.species, Dog.species)
a.species = "wolf"
print(a.species, b.species, Dog.species, sorted(vars(a)), "species" in vars(a))
del a.species
print(a.species)
print(type(a).__name__, type(a) is Dog, isinstance(a, Dog), Dog.__name__, Dog.__qualname__, Dog.__module__)
print(Dog.bark(b), getattr(a, "name"), getattr(a, "nope", "default"), hasattr(a, "age"))
setattr(a, "color", "brown")
print(a.color, sorted(a.__dict__.items()))
delattr(a, "color")
print(hasattr(a, "color"))
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, Empty.__bases__, Empty.__mro__, type(Empty).__name__)
