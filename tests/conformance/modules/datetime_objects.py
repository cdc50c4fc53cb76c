# datetime: hashing consistent with equality across zones, copying through __reduce__, subclass
# construction and reprs, a DST-aware tzinfo subclass (fromutc, fold, PEP 495 equality),
# sorting, replace, combine, astimezone, naive timestamps (TZ=UTC here) and large offsets.
import copy
from datetime import date, datetime, time, timedelta, timezone, tzinfo, UTC, MINYEAR, MAXYEAR
import datetime as D

print(D.__all__ if hasattr(D, "__all__") else None, MINYEAR, MAXYEAR, UTC is timezone.utc)
a = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
b = datetime(2024, 1, 2, 1, 4, 5, tzinfo=UTC)
print(a == b, hash(a) == hash(b), len({a, b}), a - b, sorted([a, b, datetime(2024, 1, 1, tzinfo=UTC)]))
print(hash(timedelta(hours=25)) == hash(timedelta(days=1, hours=1)), hash(date(2024, 1, 2)) == hash(date(2024, 1, 2)))
print(hash(time(5, tzinfo=timezone(timedelta(hours=1)))) == hash(time(4, tzinfo=UTC)),
      time(5, tzinfo=timezone(timedelta(hours=1))) == time(4, tzinfo=UTC))
d = {date(2024, 1, 2): "d", datetime(2024, 1, 2): "dt", time(1): "t", timedelta(1): "td"}
print(d[date(2024, 1, 2)], d[datetime(2024, 1, 2, 0, 0)], d[time(1, 0)], d[timedelta(hours=24)])
for v in (timedelta(1, 2, 3), date(2024, 2, 29), time(1, 2, 3, 4, UTC, fold=1),
          datetime(2024, 1, 2, 3, 4, 5, 6, timezone(timedelta(hours=-5), "EST"), fold=1),
          timezone(timedelta(minutes=90), "X"), UTC):
    c, dc = copy.copy(v), copy.deepcopy(v)
    print(repr(c), c == v, repr(dc), type(dc).__name__, getattr(dc, "fold", None))
print(date.__reduce__(date(2024, 1, 2))[1], datetime(2024, 1, 2, fold=1).__reduce_ex__(4)[1])


class MyDate(date):
    def __repr__(self):
        return "MyDate:" + super().__repr__()


class MyDT(datetime):
    pass


class MyTD(timedelta):
    pass


m = MyDate(2024, 1, 31)
print(m, repr(m), repr(m + timedelta(1)), type(m + timedelta(1)).__name__, type(m - timedelta(1)).__name__,
      type(m.replace(day=1)).__name__, type(MyDate.fromordinal(5)).__name__)
x = MyDT(2024, 1, 2, 3)
print(repr(x), type(x + timedelta(1)).__name__, type(x - x).__name__, type(MyDT.combine(date(2024, 1, 1), time(1))).__name__)
print(repr(MyTD(1)), type(MyTD(1) + MyTD(1)).__name__, repr(MyTD(1) * 2))


class Eastern(tzinfo):
    """US Eastern time (2007 rules) for 2024, enough to exercise fold and fromutc."""

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        if dt is None or dt.tzinfo is None and False:
            return timedelta(0)
        start = datetime(2024, 3, 10, 2)
        end = datetime(2024, 11, 3, 1)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end:
            return timedelta(hours=1)
        if end <= naive < end + timedelta(hours=1) and not dt.fold:
            return timedelta(hours=1)
        return timedelta(0)

    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"


ET = Eastern()
for h in range(4, 8):
    u = datetime(2024, 11, 3, h, 30, tzinfo=UTC)
    loc = u.astimezone(ET)
    print(u.time(), "->", loc, loc.fold, loc.tzname(), loc.utcoffset())
amb0 = datetime(2024, 11, 3, 1, 30, tzinfo=ET)
amb1 = amb0.replace(fold=1)
print(amb0 == amb1, amb0.utcoffset(), amb1.utcoffset(), amb0 == amb0.astimezone(UTC),
      amb1.astimezone(UTC), amb0.astimezone(UTC), amb0 < amb1, amb1 - amb0)
print(datetime(2024, 7, 1, 12, tzinfo=ET).strftime("%Y-%m-%d %H:%M %z %:z %Z"),
      datetime(2024, 7, 1, tzinfo=ET).timetuple().tm_isdst, datetime(2024, 1, 1, tzinfo=ET).timetuple().tm_isdst)
print(datetime(2024, 1, 2, 3, 4, 5).timestamp(), datetime(1969, 12, 31, 23, 59, 59, 500000).timestamp(),
      datetime.fromtimestamp(86400.5), datetime.fromtimestamp(0).astimezone(), datetime(2024, 1, 1).astimezone(UTC))
print(datetime.fromtimestamp(1e9, ET), datetime.fromtimestamp(1.9999999), datetime.fromtimestamp(-0.0000001))
print(date.fromtimestamp(1e9), datetime.combine(date(2024, 1, 2), time(3, 4, tzinfo=UTC)),
      datetime(2024, 1, 2, 3, tzinfo=UTC).replace(tzinfo=None), datetime(2024, 1, 2).replace(year=2023, fold=1))
print(timedelta.max + timedelta(0), timedelta.min + timedelta.max, timedelta(999999999, 86399, 999999) == timedelta.max)
for bad in ["timedelta.max + timedelta(microseconds=1)", "timedelta.min - timedelta(1)", "timedelta(1) * 1e20",
            "datetime.min - timedelta(microseconds=1)", "date.min - timedelta(1)", "datetime(2024, 1, 1, tzinfo=ET) - datetime(2024, 1, 1)",
            "time(1) < time(1, tzinfo=UTC)", "datetime.combine(1, time())", "datetime.combine(date.today(), 1)",
            "datetime(2024, 1, 1).astimezone(5)", "date.fromordinal(3652060)", "timedelta(1) / timedelta(0)",
            "divmod(timedelta(1), timedelta(0))", "timedelta(1) // timedelta(0)", "date(2024, 1, 1).strftime(5)",
            "time(tzinfo=UTC).tzname()", "time().utcoffset()", "date(2024,1,1).__format__(5)"]:
    try:
        print(bad, "->", eval(bad))
    except Exception as e:
        print(bad, "!!", type(e).__name__, e)


class BadTZ(tzinfo):
    def utcoffset(self, dt):
        return self.value

    def tzname(self, dt):
        return 5


for v in (timedelta(hours=24), 5, timedelta(hours=-23)):
    tz = BadTZ()
    tz.value = v
    try:
        print(datetime(2024, 1, 1, tzinfo=tz).utcoffset())
    except Exception as e:
        print(type(e).__name__, e)
try:
    datetime(2024, 1, 1, tzinfo=tz).tzname()
except TypeError as e:
    print("TypeError", e)
print(sorted([time(3), time(1), time(2, tzinfo=None)]), max(date(2024, 1, 1), date(2023, 12, 31)),
      min(timedelta(-1), timedelta(0)), bool(date.min), bool(time()), bool(datetime.min))
print(date(2024, 1, 2) != "x", time(1) == None, timedelta(0) == 0, timedelta(1) in [timedelta(hours=24)])
print(D.timezone.min, D.timezone.max, D.date.max.toordinal(), date.fromordinal(date.max.toordinal()))
