# Enum iteration order, aliases skipped, value lookups, __members__, and Enum in sets/dicts/sorting by value.
from enum import Enum, IntEnum
class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3
    THU = 4
    FRI = 5
    SAT = 6
    SUN = 7
    MONDAY = 1
    @property
    def is_weekend(self):
        return self in (Weekday.SAT, Weekday.SUN)
    def next(self):
        members = list(Weekday)
        return members[(members.index(self) + 1) % len(members)]
print([d.name for d in Weekday], Weekday.MONDAY, Weekday(1).name, len(Weekday.__members__))
print([d.name for d in Weekday if d.is_weekend], Weekday.SUN.next(), Weekday.FRI.next().next())
schedule = {Weekday.MON: "gym", Weekday.WED: "swim"}
print(schedule.get(Weekday.MONDAY), Weekday.TUE in schedule, sorted(schedule, key=lambda d: d.value))
print(sorted([Weekday.FRI, Weekday.MON, Weekday.WED], key=lambda d: d.value), {Weekday.MON, Weekday.MONDAY} == {Weekday.MON})
class Level(IntEnum):
    DEBUG = 10
    INFO = 20
    ERROR = 40
print(sorted([Level.ERROR, Level.DEBUG, Level.INFO]), max(Level), Level.INFO >= 20, [l for l in Level if l > 15], Level(40).name)
