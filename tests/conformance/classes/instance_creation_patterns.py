# Factory functions, __new__-based caching, alternate constructors, copy constructors and class-level counters.
import itertools
class Ticket:
    _ids = itertools.count(1)
    def __init__(self, title, priority="normal"):
        self.id = next(Ticket._ids)
        self.title = title
        self.priority = priority
    @classmethod
    def urgent(cls, title):
        return cls(title, "urgent")
    @classmethod
    def from_line(cls, line):
        title, _, prio = line.partition("|")
        return cls(title.strip(), prio.strip() or "normal")
    def clone(self):
        return type(self)(self.title + " (copy)", self.priority)
    def __repr__(self):
        return f"#{self.id} {self.title} [{self.priority}]"
tickets = [Ticket("fix login"), Ticket.urgent("server down"), Ticket.from_line("update docs | low"), Ticket.from_line("refactor")]
tickets.append(tickets[1].clone())
for t in sorted(tickets, key=lambda t: ({"urgent": 0, "normal": 1, "low": 2}[t.priority], t.id)):
    print(t)
class Color:
    _cache = {}
    def __new__(cls, name):
        key = name.lower()
        if key not in cls._cache:
            inst = super().__new__(cls)
            inst.name = key
            cls._cache[key] = inst
        return cls._cache[key]
    def __repr__(self):
        return f"Color({self.name})"
print(Color("Red") is Color("RED"), Color("blue"), len(Color._cache), sorted(Color._cache))
