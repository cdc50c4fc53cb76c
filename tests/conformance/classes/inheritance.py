# Single inheritance, overriding, super(), isinstance/issubclass.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name}: {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"
for x in [Animal("generic"), Cat("tom"), Lion("leo", "north")]:
    print(x.describe(), type(x).__name__, isinstance(x, Animal), isinstance(x, Cat), isinstance(x, Lion))
print(issubclass(Lion, Animal), issubclass(Animal, Lion), issubclass(Lion, (int, Cat)), issubclass(Cat, object))
print(Lion.__mro__, Lion.__bases__, Cat.__subclasses__())
print(Lion("a", "b").pride, Lion.speak(Lion("c", "d")), Cat.speak(Lion("e", "f")))
print(isinstance(3, (str, int)), isinstance(True, int), issubclass(bool, (str, float)))
