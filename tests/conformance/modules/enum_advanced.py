# Enum functional API, _missing_, _generate_next_value_, members with methods, __members__ aliases.
from enum import Enum, auto
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Status = Enum("Status", [("OK", 200), ("NOT_FOUND", 404)])
print(Status.NOT_FOUND, Status(200), Status["OK"].value)
class Lower(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    NORTH = auto()
    SOUTH = auto()
print(Lower.NORTH.value, Lower("south"))
class Lenient(Enum):
    ONE = 1
    TWO = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.isdigit():
            return cls(int(value))
        return None
print(Lenient("2"), Lenient(1))
try:
    Lenient("x")
except ValueError as e:
    print("ValueError:", e)
class Op(Enum):
    ADD = "+"
    SUB = "-"
    def apply(self, a, b):
        return a + b if self is Op.ADD else a - b
print([op.apply(10, 3) for op in Op], Op("+").name)
class Alias(Enum):
    A = 1
    B = 2
    ALSO_A = 1
print(list(Alias), list(Alias.__members__), Alias.ALSO_A.name)
try:
    class Extend(Alias):
        C = 3
except TypeError as e:
    print("TypeError:", e)
