# dataclass inheritance: field order, overriding defaults, __post_init__ chaining, fields() and repr of subclasses.
from dataclasses import dataclass, field, fields
@dataclass
class Base:
    id: int
    tags: list = field(default_factory=list)
    def __post_init__(self):
        self.tags = [t.lower() for t in self.tags]
@dataclass
class Document(Base):
    title: str = "untitled"
    pages: int = 1
    def __post_init__(self):
        super().__post_init__()
        self.title = self.title.strip().title()
@dataclass
class Report(Document):
    pages: int = 10
    author: str = "anon"
r = Report(7, ["Finance", "Q3"], " annual results ", author="ann")
print(r)
print([f.name for f in fields(Report)], Report(1), Document(2, title="  x "))
print(Report(1) == Report(1), Report(1) == Document(1), isinstance(r, Base))
@dataclass(frozen=True)
class Frozen:
    a: int
@dataclass(frozen=True)
class FrozenChild(Frozen):
    b: int = 0
print(FrozenChild(1, 2), hash(FrozenChild(1, 2)) == hash(FrozenChild(1, 2)))
try:
    @dataclass
    class Thawed(Frozen):
        c: int = 0
except TypeError as e:
    print("TypeError:", e)
