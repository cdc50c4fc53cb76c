# match against dataclasses (auto __match_args__) and enum members as value patterns.
from dataclasses import dataclass
from enum import Enum
class Kind(Enum):
    ADD = "+"
    MUL = "*"
    NEG = "neg"
@dataclass
class Num:
    value: int
@dataclass
class BinOp:
    kind: Kind
    left: object
    right: object
@dataclass
class Unary:
    kind: Kind
    operand: object
def evaluate(node):
    match node:
        case Num(v):
            return v
        case BinOp(Kind.ADD, l, r):
            return evaluate(l) + evaluate(r)
        case BinOp(Kind.MUL, Num(0), _) | BinOp(Kind.MUL, _, Num(0)):
            return 0
        case BinOp(Kind.MUL, l, r):
            return evaluate(l) * evaluate(r)
        case Unary(Kind.NEG, operand=o):
            return -evaluate(o)
        case _:
            raise TypeError(f"cannot evaluate {node!r}")
def show(node):
    match node:
        case Num(value=v) if v < 0:
            return f"({v})"
        case Num(v):
            return str(v)
        case BinOp(k, l, r):
            return f"({show(l)} {k.value} {show(r)})"
        case Unary(_, o):
            return f"-{show(o)}"
trees = [BinOp(Kind.ADD, Num(2), BinOp(Kind.MUL, Num(3), Num(4))), Unary(Kind.NEG, BinOp(Kind.ADD, Num(1), Num(-5))),
         BinOp(Kind.MUL, Num(0), Unary(Kind.NEG, Num(9))), BinOp(Kind.MUL, Num(7), Num(6))]
for t in trees:
    print(show(t), "=", evaluate(t))
print(Num.__match_args__, BinOp.__match_args__)
try:
    evaluate(BinOp(Kind.NEG, Num(1), Num(2)))
except TypeError as e:
    print("TypeError:", e)
