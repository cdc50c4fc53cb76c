import typing

x: int = 1
y: list[str]
z: "forward" = None
(paren): int = 2
obj.attr: int = 3
lst[0]: int = 4

if x:
    cond: int = 5

def func(a: int, b: str = "", *args: tuple, c: float, **kw: dict) -> bool:
    local: int = 1
    return True

def unannotated(a, b):
    return a

class Annotated:
    field: int
    other: str = "x"
    if typing.TYPE_CHECKING:
        maybe: bool
    def method(self, v: "Annotated") -> None:
        self.v: int = v

def nested_annotations():
    def inner(q: list[int]) -> int:
        return q[0]
    return inner

async def coro(a: int) -> int:
    return a

lam = lambda a: a
