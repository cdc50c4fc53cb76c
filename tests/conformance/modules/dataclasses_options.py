# dataclass options: frozen, order, eq=False, slots, kw_only, __post_init__, InitVar, unsafe_hash.
from dataclasses import dataclass, field, InitVar, FrozenInstanceError, KW_ONLY
@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)), {c: "here"}[Coord(1.5, 2.5)])
try:
    c.lat = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]), Version(1) < Version(1, 1), max(Version(2), Version(1, 9)))
@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), Ident(1) != Ident(1))
@dataclass(slots=True)
class Slim:
    a: int
    b: str = "b"
s = Slim(1)
print(s, Slim.__slots__, hasattr(s, "__dict__"))
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3))
try:
    Opts(True)
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
print(Mixed(1, b=5))
@dataclass
class Account:
    owner: str
    balance: float = 0.0
    secret: InitVar[str] = "pw"
    history: list = field(default_factory=list, init=False)
    def __post_init__(self, secret):
        self.history.append(f"opened by {self.owner} with {len(secret)}-char secret")
a = Account("ann", 10.0, "hunter2")
print(a, a.history)
@dataclass(unsafe_hash=True)
class H:
    x: int
print(hash(H(3)) == hash(H(3)))
