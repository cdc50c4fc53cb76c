# enum.Enum: members, values, iteration, lookup, aliases, auto, comparisons.
from enum import Enum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [m.name for m in Color], list(Color.__members__), Color.RED in Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), hash(Color.RED) == hash(Color.RED), type(Color.RED).__name__)
print(isinstance(Color.RED, Color), Color.RED.__class__.__name__, {Color.RED: "r"}[Color.CRIMSON])
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("AttributeError:", e)
class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()
print([s.value for s in Step], Step.THIRD.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 3), Planet.MERCURY.value)
class Shape(Enum):
    SQUARE = "sq"
    def describe(self):
        return f"{self.name.lower()} ({self.value})"
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.default().describe(), f"{Color.RED}", str(Color.BLUE), format(Color.GREEN))
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError:", e)
