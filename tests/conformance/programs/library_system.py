# A library lending system: members, books, loans with due dates as day numbers, fines and reports.
from dataclasses import dataclass, field
@dataclass
class Book:
    isbn: str
    title: str
    copies: int = 1
    loans: list = field(default_factory=list)
    def available(self):
        return self.copies - len(self.loans)
@dataclass
class Member:
    name: str
    limit: int = 2
    borrowed: list = field(default_factory=list)
    fines: float = 0.0
class LibraryError(Exception):
    pass
class Library:
    LOAN_DAYS = 14
    FINE_PER_DAY = 0.25
    def __init__(self):
        self.books, self.members, self.log = {}, {}, []
    def add_book(self, isbn, title, copies=1):
        self.books[isbn] = Book(isbn, title, copies)
    def join(self, name, limit=2):
        self.members[name] = Member(name, limit)
    def lend(self, name, isbn, day):
        m, b = self.members[name], self.books[isbn]
        if m.fines > 0:
            raise LibraryError(f"{name} owes {m.fines:.2f}")
        if len(m.borrowed) >= m.limit:
            raise LibraryError(f"{name} reached the limit of {m.limit}")
        if b.available() <= 0:
            raise LibraryError(f"no copies of {b.title!r} left")
        b.loans.append((name, day + self.LOAN_DAYS))
        m.borrowed.append(isbn)
        self.log.append(f"day {day}: {name} borrows {b.title}")
    def give_back(self, name, isbn, day):
        m, b = self.members[name], self.books[isbn]
        due = next(d for n, d in b.loans if n == name)
        b.loans.remove((name, due))
        m.borrowed.remove(isbn)
        late = max(0, day - due)
        m.fines += late * self.FINE_PER_DAY
        self.log.append(f"day {day}: {name} returns {b.title}" + (f" {late} days late" if late else ""))
lib = Library()
for isbn, title, copies in [("111", "Dune", 2), ("222", "Emma", 1), ("333", "Ulysses", 1)]:
    lib.add_book(isbn, title, copies)
for name, limit in [("ann", 2), ("bob", 1)]:
    lib.join(name, limit)
actions = [("lend", "ann", "111", 1), ("lend", "bob", "111", 2), ("lend", "ann", "222", 3), ("lend", "ann", "333", 4),
           ("lend", "bob", "222", 5), ("return", "ann", "222", 20), ("lend", "bob", "222", 21), ("return", "ann", "111", 10),
           ("lend", "ann", "333", 22), ("return", "bob", "111", 40)]
for act, name, isbn, day in actions:
    try:
        (lib.lend if act == "lend" else lib.give_back)(name, isbn, day)
    except LibraryError as e:
        print(f"day {day}: refused: {e}")
print("\n".join(lib.log))
for m in lib.members.values():
    print(m.name, m.borrowed, f"{m.fines:.2f}")
for b in lib.books.values():
    print(b.title, b.available(), b.loans)
