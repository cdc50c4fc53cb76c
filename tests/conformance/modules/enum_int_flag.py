# IntEnum, StrEnum, Flag and IntFlag.
from enum import IntEnum, StrEnum, Flag, IntFlag, auto
class Prio(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10
print(Prio.MID, repr(Prio.MID), Prio.LOW < Prio.HIGH, Prio.MID + 1, sorted([Prio.HIGH, 3, Prio.LOW]), int(Prio.HIGH), Prio(5))
print(Prio.MID == 5, f"{Prio.HIGH}", str(Prio.LOW), format(Prio.LOW, "03d"), [p.name for p in Prio])
class Mode(StrEnum):
    READ = "r"
    WRITE = "w"
    AUTO = auto()
print(Mode.READ, repr(Mode.WRITE), Mode.READ == "r", Mode.AUTO, Mode.READ.upper(), "r" in [Mode.READ], Mode("w"))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, rw & Perm.W, bool(rw & Perm.X), Perm(0), list(rw), rw.value, ~Perm.R)
class Bits(IntFlag):
    A = 1
    B = 2
    C = 4
print(Bits.A | Bits.C, Bits.A | 8, int(Bits.B | Bits.C), Bits(3), repr(Bits(3)), Bits.A & 3, Bits(0))
print(Perm.R | Perm.W | Perm.X == Perm(7), len(Perm), [m.name for m in Perm])
