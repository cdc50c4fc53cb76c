"""Specific date/time and related types (rpy's own datetime module).

timedelta, date, time, datetime, tzinfo and timezone with CPython's behaviour: arithmetic
and comparisons (aware and naive), hashing, ISO 8601 formatting and parsing, strftime (the
C library part goes through `time.strftime`), POSIX timestamps and pickling in CPython's
byte-string state format; strptime through `_strptime`. Reprs and error messages follow
CPython's C implementation.
"""

import time as _time
import math as _math
import operator as _operator

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()
_US_PER_DAY = 86400 * 1000000

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_MISSING = object()


# ---------------------------------------------------------------------------------------
# Calendar arithmetic on the proleptic Gregorian calendar (ordinal 1 is 0001-01-01).

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ord(year, month, day):
    days = _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))
    return _days_before_year(year) + days + day


def _ord_to_ymd(n):
    """(year, month, day) of ordinal n: whole 400-, 100-, 4- and 1-year cycles first."""
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        # The last day of a leap cycle.
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5  # a guess that is right or one too big
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    first = _days_before_year(year) + 1
    weekday = (first + 6) % 7  # 0 is Monday
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _int_arg(value):
    return _operator.index(value)


def _check_date_fields(year, month, day):
    for pos, (name, value) in enumerate((("year", year), ("month", month), ("day", day))):
        if value is _MISSING:
            raise TypeError(f"function missing required argument '{name}' (pos {pos + 1})")
    year, month, day = _int_arg(year), _int_arg(month), _int_arg(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year must be in {MINYEAR}..{MAXYEAR}, not {year}")
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    last = _days_in_month(year, month)
    if not 1 <= day <= last:
        raise ValueError(f"day {day} must be in range 1..{last} for month {month} "
                         f"in year {year}")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute = _int_arg(hour), _int_arg(minute)
    second, microsecond = _int_arg(second), _int_arg(microsecond)
    for name, value, top in (("hour", hour, 23), ("minute", minute, 59),
                             ("second", second, 59), ("microsecond", microsecond, 999999)):
        if not 0 <= value <= top:
            raise ValueError(f"{name} must be in 0..{top}, not {value}")
    fold = _int_arg(fold)
    if fold not in (0, 1):
        raise ValueError(f"fold must be either 0 or 1, not {fold}")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        f"not type '{type(tz).__name__}'")


def _type_name(obj):
    """The type name CPython's C types show in reprs: qualified for the module's own
    classes, the plain name for subclasses."""
    cls = type(obj)
    if cls.__module__ == "datetime":
        return "datetime." + cls.__qualname__
    return cls.__qualname__


def _divide_near(a, b):
    """a / b rounded to the nearest integer, halves to even."""
    q, r = divmod(a, b)
    r2 = 2 * r
    if (r2 > b if b > 0 else r2 < b) or (r2 == b and q % 2 == 1):
        q += 1
    return q


def _call_tz_method(tz, meth, arg):
    """tz.utcoffset/dst(arg), checked: None or a timedelta strictly within a day."""
    if tz is None:
        return None
    offset = getattr(tz, meth)(arg)
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{meth}() must return None or timedelta, "
                        f"not '{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(f"offset must be a timedelta strictly between -timedelta(hours=24) "
                         f"and timedelta(hours=24), not {offset!r}")
    return offset


def _format_offset(off, sep=":"):
    """+HH:MM[:SS[.ffffff]] for a UTC offset ('' for None)."""
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, rest = divmod(off, timedelta(hours=1))
    mm, rest = divmod(rest, timedelta(minutes=1))
    s = f"{sign}{hh:02d}{sep}{mm:02d}"
    if rest.seconds or rest.microseconds:
        s += f"{sep}{rest.seconds:02d}"
        if rest.microseconds:
            s += f".{rest.microseconds:06d}"
    return s


def _format_time(hh, mm, ss, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return f"{hh:02d}"
    if timespec == "minutes":
        return f"{hh:02d}:{mm:02d}"
    if timespec == "seconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    if timespec == "milliseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}"
    if timespec == "microseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}"
    raise ValueError("Unknown timespec value")


def _wrap_strftime(obj, fmt, timetuple):
    """strftime with the directives the C library does not know done here first: %f
    (microseconds), %z/%:z (UTC offset) and %Z (zone name); '%%' stays as it is."""
    out = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%" or i >= n:
            out.append(ch)
            continue
        ch = fmt[i]
        i += 1
        if ch == "f":
            out.append(f"{getattr(obj, 'microsecond', 0):06d}")
        elif ch == "z" or (ch == ":" and i < n and fmt[i] == "z"):
            if ch == ":":
                i += 1
            off = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_format_offset(off, ":" if ch == ":" else "").replace("%", "%%"))
        elif ch == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            if name is not None and not isinstance(name, str):
                raise TypeError("tzname.replace() did not return a string")
            out.append((name or "").replace("%", "%%"))
        else:
            out.append("%" + ch)
    return _time.strftime("".join(out), timetuple)


# ---------------------------------------------------------------------------------------
# ISO 8601 parsing (the formats CPython's fromisoformat accepts).
#
# The parser mirrors what CPython's C implementation accepts, quirks included: it works on
# positions in the whole string, and a position past the end reads as "\0" the way the C
# code reads the terminating NUL. Syntax errors raise _IsoError (reported as "Invalid
# isoformat string"); field range errors surface later from the constructors.

class _IsoError(Exception):
    pass


def _at(s, i):
    return s[i] if i < len(s) else "\0"


def _is_digit(c):
    return "0" <= c <= "9"


def _digits(s, pos, count):
    value = 0
    for k in range(pos, pos + count):
        c = _at(s, k)
        if not _is_digit(c):
            raise _IsoError
        value = value * 10 + ord(c) - 48
    return value


def _parse_iso_date(s, length):
    """(year, month, day) from the first `length` characters of s: YYYY-MM-DD, YYYYMMDD,
    YYYY-Www[-D] or YYYYWww[D]. Like CPython, characters after the day are not looked at."""
    year = _digits(s, 0, 4)
    p = 4
    dashed = _at(s, p) == "-"
    if dashed:
        p += 1
    if _at(s, p) == "W":
        week = _digits(s, p + 1, 2)
        p += 3
        day = 1
        if p < length:
            if dashed:
                if _at(s, p) != "-":
                    raise _IsoError
                p += 1
            day = _digits(s, p, 1)
        try:
            return _from_iso_calendar(year, week, day)
        except ValueError:
            raise _IsoError from None
    month = _digits(s, p, 2)
    p += 2
    if dashed:
        if _at(s, p) != "-":
            raise _IsoError
        p += 1
    return year, month, _digits(s, p, 2)


def _parse_hms(s, start, end):
    """([hour, minute, second, microsecond], trailing) for s[start:end] in HH[:MM[:SS]] or
    HH[MM[SS]] form with an optional fraction of a second ('.' or ',', any number of digits,
    rounded down to microseconds); trailing tells whether the character at `end` is not
    the end of the string."""
    vals = [0, 0, 0, 0]
    p = start
    extended = True
    for i in range(3):
        vals[i] = _digits(s, p, 2)
        p += 2
        c = _at(s, p)
        p += 1
        if i == 0:
            extended = c == ":"
        if p >= end:
            if c in ".,":
                raise _IsoError  # a decimal mark without digits
            return vals, c != "\0"
        if extended and c == ":":
            if i == 2:
                raise _IsoError
            continue
        if c in ".,":
            if i < 2:
                raise _IsoError  # only seconds may have a fraction
            break
        if extended:
            raise _IsoError
        p -= 1  # basic format: the next field starts right here
    count = min(end - p, 6)
    if count < 1:
        raise _IsoError
    vals[3] = _digits(s, p, count) * 10 ** (6 - count)
    p += count
    while _is_digit(_at(s, p)):
        p += 1
    return vals, _at(s, p) != "\0"


def _parse_iso_time(s, start):
    """(hour, minute, second, microsecond, (sign, offset fields) or None) for the time part
    of s beginning at start, with an optional Z or +/- UTC offset."""
    end = len(s)
    tzpos = start
    while True:
        if _at(s, tzpos) in "Z+-":
            break
        tzpos += 1
        if tzpos >= end:
            break
    vals, trailing = _parse_hms(s, start, tzpos)
    if tzpos >= end:
        if trailing:
            raise _IsoError
        return (*vals, None)
    if s[tzpos] == "Z":
        if tzpos + 1 != end:
            raise _IsoError
        return (*vals, (1, [0, 0, 0, 0]))
    sign = -1 if s[tzpos] == "-" else 1
    off, trailing = _parse_hms(s, tzpos + 1, end)
    if trailing:
        raise _IsoError
    return (*vals, (sign, off))


def _iso_tz(spec):
    if spec is None:
        return None
    sign, (hh, mm, ss, us) = spec
    off = timedelta(seconds=sign * (hh * 3600 + mm * 60 + ss), microseconds=sign * us)
    return timezone.utc if not off else timezone(off)


def _from_iso_calendar(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        # Week 53 exists only in years starting on a Thursday (or leap years on Wednesday).
        first_weekday = _ymd_to_ord(year, 1, 1) % 7
        if not (week == 53 and (first_weekday == 4 or (first_weekday == 3 and _is_leap(year)))):
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid weekday: {day} (range is [1, 7])")
    ordinal = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    return _ord_to_ymd(ordinal)


def _isoformat_arg(s):
    if not isinstance(s, str):
        raise TypeError("fromisoformat: argument must be str")
    return s


# ---------------------------------------------------------------------------------------

class timedelta:
    """Difference between two datetime values.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)

    All arguments are optional and default to 0.
    Arguments may be integers or floats, and may be positive or negative."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
                hours=0, weeks=0):
        # Integer parts are summed exactly in microseconds; fractional parts of floats
        # accumulate separately and are rounded once, half to even, at the end.
        total = 0
        leftover = 0.0
        for name, value, factor in (("microseconds", microseconds, 1),
                                    ("milliseconds", milliseconds, 1000),
                                    ("seconds", seconds, 1000000),
                                    ("minutes", minutes, 60000000),
                                    ("hours", hours, 3600000000),
                                    ("days", days, _US_PER_DAY),
                                    ("weeks", weeks, 7 * _US_PER_DAY)):
            if isinstance(value, int):
                total += value * factor
            elif isinstance(value, float):
                frac, whole = _math.modf(value)
                total += int(whole) * factor
                if frac:
                    frac, whole = _math.modf(frac * factor)
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError(f"unsupported type for timedelta {name} component: "
                                f"{type(value).__name__}")
        if leftover:
            whole = round(leftover)
            if abs(whole - leftover) == 0.5:
                odd = total % 2
                whole = 2.0 * round((leftover + odd) * 0.5) - odd
            total += int(whole)
        return cls._from_us(total)

    @classmethod
    def _from_us(cls, us):
        seconds, us = divmod(us, 1000000)
        days, seconds = divmod(seconds, 86400)
        if not -999999999 <= days <= 999999999:
            if not -2**31 <= days < 2**31:
                raise OverflowError("Python int too large to convert to C int")
            raise OverflowError(f"days={days}; must have magnitude <= 999999999")
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def __repr__(self):
        args = []
        if self._days:
            args.append(f"days={self._days}")
        if self._seconds:
            args.append(f"seconds={self._seconds}")
        if self._microseconds:
            args.append(f"microseconds={self._microseconds}")
        return f"{_type_name(self)}({', '.join(args) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            s = f"{self._days} day{plural}, " + s
        if self._microseconds:
            s += f".{self._microseconds:06d}"
        return s

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10**6

    days = property(lambda self: self._days, doc="Number of days.")
    seconds = property(lambda self: self._seconds,
                       doc="Number of seconds (>= 0 and less than 1 day).")
    microseconds = property(lambda self: self._microseconds,
                            doc="Number of microseconds (>= 0 and less than 1 second).")

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return timedelta._from_us(self._to_us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_us(_divide_near(self._to_us() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // _nonzero(other._to_us())
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() // _nonzero(other))
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / _nonzero(other._to_us())
        if isinstance(other, int):
            return timedelta._from_us(_divide_near(self._to_us(), _nonzero(other)))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_us(_divide_near(d * self._to_us(), _nonzero(n)))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % _nonzero(other._to_us()))
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), _nonzero(other._to_us()))
            return q, timedelta._from_us(r)
        return NotImplemented

    def _cmp_key(self, other):
        if isinstance(other, timedelta):
            return self._to_us(), other._to_us()
        return None

    def __eq__(self, other):
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] == keys[1]

    def __ne__(self, other):
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] != keys[1]

    def __lt__(self, other):
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] < keys[1]

    def __le__(self, other):
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] <= keys[1]

    def __gt__(self, other):
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] > keys[1]

    def __ge__(self, other):
        keys = self._cmp_key(other)
        return NotImplemented if keys is None else keys[0] >= keys[1]

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def _getstate(self):
        return (self._days, self._seconds, self._microseconds)

    def __reduce__(self):
        return (type(self), self._getstate())


def _nonzero(n):
    if not n:
        raise ZeroDivisionError("division by zero")
    return n


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _sign(a, b):
    return (a > b) - (a < b)


def _comparisons(cmp):
    """The six comparison methods of a class from cmp(self, other, eq), which returns
    None when other is not comparable (NotImplemented) or the sign of self - other; eq
    tells whether the operator is == or != (for which naive and aware values are just
    unequal instead of an error)."""
    def make(name, op, eq):
        def method(self, other):
            diff = cmp(self, other, eq)
            if diff is None:
                return NotImplemented
            return op(diff, 0)
        method.__name__ = method.__qualname__ = name
        return method
    return [make("__eq__", _operator.eq, True), make("__ne__", _operator.ne, True),
            make("__lt__", _operator.lt, False), make("__le__", _operator.le, False),
            make("__gt__", _operator.gt, False), make("__ge__", _operator.ge, False)]


class date:
    """date(year, month, day) --> date object"""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING):
        if (month is _MISSING and isinstance(year, (bytes, str)) and len(year) == 4
                and 1 <= ord(year[2:3]) <= 12):
            return cls._from_state(year)
        year, month, day = _check_date_fields(year, month, day)
        return cls._new(year, month, day)

    @classmethod
    def _new(cls, year, month, day):
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def _from_state(cls, state):
        state = _state_bytes(state, None)
        return cls._new(state[0] * 256 + state[1], state[2], state[3])

    # Other constructors.

    @classmethod
    def fromtimestamp(cls, t):
        "Create a date from a POSIX timestamp, as returned by time.time()."
        y, m, d = _time.localtime(_timestamp_arg(t))[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        "Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        n = _int_arg(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError(f"year must be in {MINYEAR}..{MAXYEAR}, not {_ord_to_ymd(n)[0]}")
        return cls(*_ord_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        s = _isoformat_arg(date_string)
        try:
            if len(s) not in (7, 8, 10):
                raise _IsoError
            ymd = _parse_iso_date(s, len(s))
        except _IsoError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """int, int, int -> Construct a date from the ISO year, week number and weekday.

        This is the inverse of the date.isocalendar() function"""
        return cls(*_from_iso_calendar(_int_arg(year), _int_arg(week), _int_arg(day)))

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new date parsed from a string (like time.strptime())."""
        return _strptime(cls, date_string, format)

    # Conversions.

    def __repr__(self):
        return f"{_type_name(self)}({self._year}, {self._month}, {self._day})"

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        "Return ctime() style string."
        weekday = self.toordinal() % 7 or 7
        return (f"{_DAYNAMES[weekday - 1]} {_MONTHNAMES[self._month]} {self._day:2d} "
                f"00:00:00 {self._year:04d}")

    def strftime(self, format):
        """format -> strftime() style string."""
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"__format__() argument 1 must be str, not {type(fmt).__name__}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        "Return local time tuple compatible with time.localtime()."
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """Return proleptic Gregorian ordinal for the year, month and day.

        January 1 of year 1 is day 1.  Only the year, month and day values
        contribute to the result.
        """
        return _ymd_to_ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """Return date with new specified fields."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    __replace__ = replace

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    def _cmp(self, other, eq):
        # A date and a datetime are never ordered, and never equal.
        if isinstance(other, date) and not isinstance(other, datetime):
            return _sign((self._year, self._month, self._day),
                         (other._year, other._month, other._day))
        return None

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _comparisons(_cmp)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate()[0])
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other.days
            if 0 < ordinal <= _MAXORDINAL:
                return _make(type(self), *_ord_to_ymd(ordinal))
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        "Return day of the week, where Monday == 0 ... Sunday == 6."
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        "Return day of the week, where Monday == 1 ... Sunday == 7."
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        year = self._year
        ordinal = self.toordinal()
        week1 = _iso_week1_monday(year)
        if ordinal < week1:
            year -= 1
            week1 = _iso_week1_monday(year)
        elif year < MAXYEAR and ordinal >= _iso_week1_monday(year + 1):
            year += 1
            week1 = _iso_week1_monday(year)
        week, day = divmod(ordinal - week1, 7)
        return _IsoCalendarDate(year, week + 1, day + 1)

    def _getstate(self):
        yhi, ylo = divmod(self._year, 256)
        return (bytes([yhi, ylo, self._month, self._day]),)

    def __reduce__(self):
        return (type(self), self._getstate())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _make(cls, *args, **kwargs):
    """An instance of cls with the given (valid) fields: subclasses are built through their
    constructor, as CPython does for arithmetic results."""
    if cls is date or cls is datetime:
        return cls._new(*args, **kwargs)
    return cls(*args, **kwargs)


def _state_bytes(state, tz):
    """A pickled state as bytes (str states come from Python 2 pickles, latin-1)."""
    _check_tzinfo(tz)
    return state.encode("latin1") if isinstance(state, str) else state


def _us_from_bytes(b):
    return (b[0] << 16) | (b[1] << 8) | b[2]


def _timestamp_arg(t):
    if not isinstance(t, (int, float)):
        raise TypeError(f"argument must be int or float, not {type(t).__name__}")
    return t


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd_to_ord(y, m, d) + 6) % 7
    yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, yday, dstflag))


class _IsoCalendarDate(tuple):
    """The ISO calendar date of a date: (year, week, weekday) with named fields."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __reduce__(self):
        # Unpickles as a plain tuple: the class is private.
        return (tuple, (tuple(self),))

    def __repr__(self):
        return (f"datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, "
                f"weekday={self[2]})")


_IsoCalendarDate.__name__ = _IsoCalendarDate.__qualname__ = "IsoCalendarDate"


class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        "datetime -> string name of time zone."
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        "datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        "datetime in UTC -> datetime in local time."
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        # Standard time is offset minus DST; the DST of the shifted time may differ.
        dt += off - dst
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        state = getattr(self, "__getstate__", None)
        state = state() if state else None
        return (type(self), args, state)


class _TimeOfDay:
    """What time and datetime share: the time fields, the tzinfo queries (which pass the
    object itself to tzinfo for a datetime, None for a time) and pickling."""

    __slots__ = ()

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def _set_time(self, hour, minute, second, microsecond, tz, fold):
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1

    def _tz_arg(self):
        return self if isinstance(self, datetime) else None

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash(t._getstate()[0])
            else:
                # Equal times in different zones hash alike: hash the UTC time.
                self._hashcode = hash(timedelta._from_us(t._us() - off._to_us()))
        return self._hashcode

    def _repr_seconds(self):
        """The ', second[, microsecond]' part of the repr (omitted when zero)."""
        if self._microsecond:
            return f", {self._second}, {self._microsecond}"
        if self._second:
            return f", {self._second}"
        return ""

    def _time_state(self, first):
        """The state bytes after the date: first (hour, maybe with fold), minute, second
        and the microseconds in three big-endian bytes."""
        us = self._microsecond
        return bytes([first, self._minute, self._second, us >> 16, (us >> 8) & 255, us & 255])

    def utcoffset(self):
        """Return the timezone offset as timedelta positive east of UTC (negative west of
        UTC)."""
        return _call_tz_method(self._tzinfo, "utcoffset", self._tz_arg())

    def tzname(self):
        """Return the timezone name."""
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self._tz_arg())
        if name is not None and not isinstance(name, str):
            raise TypeError(f"tzinfo.tzname() must return None or a string, "
                            f"not '{type(name).__name__}'")
        return name

    def dst(self):
        """Return 0 if DST is not in effect, or the DST offset (as timedelta positive eastward)
        if DST is in effect."""
        return _call_tz_method(self._tzinfo, "dst", self._tz_arg())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"__format__() argument 1 must be str, not {type(fmt).__name__}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def __reduce_ex__(self, protocol):
        # Protocol 4 and later keep fold (in the high bit of the hour or month byte).
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


class time(_TimeOfDay):
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

    All arguments are optional. tzinfo may be None, or an instance of
    a tzinfo subclass. The remaining arguments may be ints.
    """

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold",
                 "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(hour, (bytes, str)) and len(hour) == 6
                and ord(hour[0:1]) & 0x7F < 24):
            return cls._from_state(hour, minute or None)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return cls._new(hour, minute, second, microsecond, tzinfo, fold)

    @classmethod
    def _new(cls, hour, minute, second, microsecond, tz, fold):
        self = object.__new__(cls)
        self._set_time(hour, minute, second, microsecond, tz, fold)
        return self

    @classmethod
    def _from_state(cls, state, tz):
        state = _state_bytes(state, tz)
        h = state[0]
        return cls._new(h & 0x7F, state[1], state[2], _us_from_bytes(state[3:6]), tz, h >> 7)

    def _cmp(self, other, eq):
        if not isinstance(other, time):
            return None
        mine = (self._hour, self._minute, self._second, self._microsecond)
        theirs = (other._hour, other._minute, other._second, other._microsecond)
        if self._tzinfo is other._tzinfo:
            return _sign(mine, theirs)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return _sign(mine, theirs)
        if myoff is None or otoff is None:
            if eq:
                return 1
            raise TypeError("can't compare offset-naive and offset-aware times")
        return _sign(self._us() - myoff._to_us(), other._us() - otoff._to_us())

    def _us(self):
        return (((self._hour * 60 + self._minute) * 60 + self._second) * 1000000
                + self._microsecond)

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _comparisons(_cmp)
    __hash__ = _TimeOfDay.__hash__  # defining __eq__ would otherwise make it None

    def _tzstr(self):
        return _format_offset(self.utcoffset())

    def __repr__(self):
        s = f"{self._hour}, {self._minute}" + self._repr_seconds()
        if self._tzinfo is not None:
            s += f", tzinfo={self._tzinfo!r}"
        if self._fold:
            s += ", fold=1"
        return f"{_type_name(self)}({s})"

    def isoformat(self, timespec="auto"):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].

        The optional argument timespec specifies the number of additional
        terms of the time to include. Valid options are 'auto', 'hours',
        'minutes', 'seconds', 'milliseconds' and 'microseconds'.
        """
        s = _format_time(self._hour, self._minute, self._second, self._microsecond,
                         timespec)
        return s + self._tzstr()

    def __str__(self):
        return self.isoformat()

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        s = _isoformat_arg(time_string)
        try:
            # ISO 8601 wants a leading 'T' on a lone time; it may be left out.
            hh, mm, ss, us, tz = _parse_iso_time(s, 1 if s[:1] == "T" else 0)
        except _IsoError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None
        if hh == 24:
            if mm or ss or us:
                raise ValueError("minute, second, and microsecond must be 0 when hour is 24")
            hh = 0
        return cls(hh, mm, ss, us, _iso_tz(tz))

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new time parsed from a string (like time.strptime())."""
        return _strptime(cls, date_string, format)

    def strftime(self, format):
        """format -> strftime() style string."""
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
        # The date part is 1900-01-01, as in CPython.
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, tt)


    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """Return a new time with new values for the specified fields."""
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def _getstate(self, protocol=3):
        h = self._hour
        if self._fold and protocol > 3:
            h += 128
        state = self._time_state(h)
        return (state,) if self._tzinfo is None else (state, self._tzinfo)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date, _TimeOfDay):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

    The year, month and day arguments are required. tzinfo may be None, or an
    instance of a tzinfo subclass. The remaining arguments may be ints.
    """

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING, hour=0, minute=0,
                second=0, microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(year, (bytes, str)) and len(year) == 10
                and 1 <= ord(year[2:3]) & 0x7F <= 12):
            return cls._from_state(year, None if month is _MISSING else month)
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return cls._new(year, month, day, hour, minute, second, microsecond, tzinfo, fold)

    @classmethod
    def _new(cls, year, month, day, hour=0, minute=0, second=0, microsecond=0, tz=None,
             fold=0):
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._set_time(hour, minute, second, microsecond, tz, fold)
        return self

    @classmethod
    def _from_state(cls, state, tz):
        state = _state_bytes(state, tz)
        m = state[2]
        return cls._new(state[0] * 256 + state[1], m & 0x7F, state[3], state[4], state[5],
                        state[6], _us_from_bytes(state[7:10]), tz, m >> 7)

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        t = int(t)
        try:
            convert = _time.gmtime if utc else _time.localtime
            y, m, d, hh, mm, ss, *_ = convert(t)
        except (OverflowError, OSError, ValueError):
            raise OverflowError("timestamp out of range for platform time_t") from None
        ss = min(ss, 59)  # a leap second
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is None and not utc:
            # Detect the second of two equal local times (fold=1): the earlier time a day's
            # worth of seconds ago would map to a different offset.
            max_fold_seconds = 24 * 3600
            y, m, d, hh, mm, ss = convert(t - max_fold_seconds)[:6]
            probe1 = cls(y, m, d, hh, mm, ss, us, tz)
            trans = result - probe1 - timedelta(0, max_fold_seconds)
            if trans.days < 0:
                y, m, d, hh, mm, ss = convert(t + trans // timedelta(0, 1))[:6]
                probe2 = cls(y, m, d, hh, mm, ss, us, tz)
                if probe2 == result:
                    result._fold = 1
        elif tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, timestamp, tz=None):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        _timestamp_arg(timestamp)
        _check_tzinfo(tz)
        return cls._from_timestamp(timestamp, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        import warnings
        warnings.warn("datetime.datetime.utcfromtimestamp() is deprecated and scheduled "
                      "for removal in a future version. Use timezone-aware objects to "
                      "represent datetimes in UTC: "
                      "datetime.datetime.fromtimestamp(t, datetime.UTC).",
                      DeprecationWarning, stacklevel=2)
        return cls._from_timestamp(_timestamp_arg(t), True, None)

    @classmethod
    def now(cls, tz=None):
        "Returns new datetime object representing current time local to tz."
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        "Return a new datetime representing UTC day and time."
        import warnings
        warnings.warn("datetime.datetime.utcnow() is deprecated and scheduled for removal "
                      "in a future version. Use timezone-aware objects to represent "
                      "datetimes in UTC: datetime.datetime.now(datetime.UTC).",
                      DeprecationWarning, stacklevel=2)
        return cls._from_timestamp(_time.time(), True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        "Construct a datetime from a given date and a given time."
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not "
                            f"{type(date).__name__}")
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not "
                            f"{type(time).__name__}")
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        s = _isoformat_arg(date_string)
        try:
            if len(s) < 7:
                raise _IsoError
            # Any one character separates the date from the time.
            n = _iso_date_length(s)
            ymd = _parse_iso_date(s, n)
            hh = mm = ss = us = 0
            tz = None
            if len(s) > n:
                hh, mm, ss, us, tz = _parse_iso_time(s, n + 1)
        except _IsoError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None
        tz = _iso_tz(tz)
        y, m, d = ymd
        # 24:00 is the midnight that ends the day: 00:00 of the next one. Like CPython,
        # only a plausible date is advanced; any other is left for the constructor to
        # reject.
        if hh == 24 and 1 <= m <= 12 and d <= _days_in_month(y, m):
            if mm or ss or us:
                raise ValueError("minute, second, and microsecond must be 0 when hour is 24")
            hh = 0
            d += 1
            if d > _days_in_month(y, m):
                d = 1
                m += 1
                if m > 12:
                    m = 1
                    y += 1
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        "string, format -> new datetime parsed from a string (like time.strptime())."
        return _strptime(cls, date_string, format)

    def timetuple(self):
        "Return local time tuple compatible with time.localtime()."
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return _build_struct_time(self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, flag)

    def _local_seconds(self):
        """Seconds since the epoch of this naive local time, choosing the earlier or later
        of two ambiguous times by fold, as CPython does."""
        epoch = datetime(1970, 1, 1)
        max_fold_seconds = 24 * 3600
        t = (self - epoch) // timedelta(0, 1)

        def local(u):
            y, m, d, hh, mm, ss = _time.localtime(u)[:6]
            return (datetime(y, m, d, hh, mm, ss) - epoch) // timedelta(0, 1)

        a = local(t) - t
        u1 = t - a
        t1 = local(u1)
        if t1 == t:
            u2 = u1 + (-max_fold_seconds, max_fold_seconds)[self.fold]
            b = local(u2) - u2
            if a == b:
                return u1
        else:
            b = t1 - u1
        u2 = t - b
        t2 = local(u2)
        if t2 == t:
            return u2
        if t1 == t:
            return u1
        # A time in a gap: the fold picks one side.
        return (max, min)[self.fold](u1, u2)

    def timestamp(self):
        "Return POSIX timestamp as float"
        if self._tzinfo is None:
            s = self._local_seconds()
            return s + self.microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        "Return UTC time tuple compatible with time.gmtime()."
        offset = self.utcoffset()
        if offset:
            self -= offset
        return _build_struct_time(self._year, self._month, self._day, self._hour,
                                  self._minute, self._second, 0)

    def date(self):
        "Return the date part."
        return _date_class(self._year, self._month, self._day)

    def time(self):
        "Return the time part, with tzinfo None."
        return _time_class(self._hour, self._minute, self._second, self._microsecond,
                           fold=self._fold)

    def timetz(self):
        "Return the time part, with same tzinfo."
        return _time_class(self._hour, self._minute, self._second, self._microsecond,
                           self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        """Return datetime with new specified fields."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def _local_timezone(self):
        ts = self._local_seconds() if self._tzinfo is None else (
            (self - _EPOCH) // timedelta(seconds=1))
        local = _time.localtime(ts)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)

    def astimezone(self, tz=None):
        """tz -> convert to local time in new timezone tz"""
        if tz is None:
            tz = self._local_timezone()
        else:
            _check_tzinfo(tz)
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        "Return ctime() style string."
        weekday = self.toordinal() % 7 or 7
        return (f"{_DAYNAMES[weekday - 1]} {_MONTHNAMES[self._month]} {self._day:2d} "
                f"{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}")

    def isoformat(self, sep="T", timespec="auto"):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].
        sep is used to separate the year from the time, and defaults to 'T'.
        The optional argument timespec specifies the number of additional terms
        of the time to include. Valid options are 'auto', 'hours', 'minutes',
        'seconds', 'milliseconds' and 'microseconds'.
        """
        if not isinstance(sep, str):
            raise TypeError("isoformat() argument 1 must be a unicode character, not "
                            f"{type(sep).__name__}")
        if len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not a "
                            f"string of length {len(sep)}")
        s = (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
             + _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec))
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        s = (f"{self._year}, {self._month}, {self._day}, {self._hour}, {self._minute}"
             + self._repr_seconds())
        # CPython's C repr puts fold before tzinfo for datetimes (after it for times).
        if self._fold:
            s += ", fold=1"
        if self._tzinfo is not None:
            s += f", tzinfo={self._tzinfo!r}"
        return f"{_type_name(self)}({s})"

    def __str__(self):
        return self.isoformat(sep=" ")

    def strftime(self, format):
        """format -> strftime() style string."""
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
        return _wrap_strftime(self, format, self.timetuple())

    def _naive_key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    def _cmp(self, other, eq):
        if not isinstance(other, datetime):
            return None
        if self._tzinfo is other._tzinfo:
            return _sign(self._naive_key(), other._naive_key())
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            diff = _sign(self._naive_key(), other._naive_key())
        elif myoff is None or otoff is None:
            if eq:
                return 1
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        else:
            diff = _sign((self - other)._to_us(), 0)
        if eq and diff == 0 and (self._fold_changes_offset(myoff)
                                 or other._fold_changes_offset(otoff)):
            # PEP 495: an ambiguous or missing local time never equals a time in
            # another zone.
            return 1
        return diff

    def _fold_changes_offset(self, offset):
        return self.replace(fold=not self._fold).utcoffset() != offset

    __eq__, __ne__, __lt__, __le__, __gt__, __ge__ = _comparisons(_cmp)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = (((self.toordinal() * 24 + self._hour) * 60 + self._minute) * 60
              + self._second) * 1000000 + self._microsecond + other._to_us()
        days, us = divmod(us, _US_PER_DAY)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        secs, us = divmod(us, 1000000)
        mins, secs = divmod(secs, 60)
        hours, mins = divmod(mins, 60)
        return _make(type(self), *_ord_to_ymd(days), hours, mins, secs, us, self._tzinfo,
                     fold=0)

    __radd__ = __add__

    def _us(self):
        return ((((self.toordinal() * 24 + self._hour) * 60 + self._minute) * 60
                 + self._second) * 1000000 + self._microsecond)

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        delta = self._us() - other._us()
        if self._tzinfo is not other._tzinfo:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if (myoff is None) != (otoff is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if myoff is not None:
                delta += otoff._to_us() - myoff._to_us()
        return timedelta._from_us(delta)

    __hash__ = _TimeOfDay.__hash__  # defining __eq__ would otherwise make it None

    def _getstate(self, protocol=3):
        yhi, ylo = divmod(self._year, 256)
        m = self._month
        if self._fold and protocol > 3:
            m += 128
        state = bytes([yhi, ylo, m, self._day]) + self._time_state(self._hour)
        return (state,) if self._tzinfo is None else (state, self._tzinfo)


_date_class = date
_time_class = time

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _iso_date_length(s):
    """Where the date part of an ISO datetime string (at least 7 characters) ends, judged
    as CPython does from the characters at 4, 5 and 8 and the run of digits after a week."""
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        if s[5] != "W":
            return 10  # YYYY-MM-DD
        if n > 8 and s[8] == "-":
            # YYYY-Www-D, or YYYY-Www followed by a '-' separator and HH.
            if n == 9:
                raise _IsoError
            return 8 if n > 10 and _is_digit(s[10]) else 10
        return 8  # YYYY-Www
    if s[4] == "W":
        # YYYYWww or YYYYWwwD: time fields come in digit pairs, so the parity of the digit
        # run decides.
        k = 7
        while k < n and _is_digit(s[k]):
            k += 1
        if k < 9:
            return k
        return 7 if k % 2 == 0 else 8
    return 8  # YYYYMMDD


def _strptime(cls, date_string, format):
    import _strptime
    if issubclass(cls, datetime):
        return _strptime._strptime_datetime_datetime(cls, date_string, format)
    if issubclass(cls, date):
        return _strptime._strptime_datetime_date(cls, date_string, format)
    return _strptime._strptime_datetime_time(cls, date_string, format)


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=_MISSING):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not "
                            f"{type(offset).__name__}")
        if name is _MISSING:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {type(name).__name__}")
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             f"not {offset!r}")
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        """pickle support"""
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__(), None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return f"{_type_name(self)}({self._offset!r})"
        return f"{_type_name(self)}({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def _check_dt(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(f"{what}(dt) argument must be a datetime instance or None, "
                            f"not {type(dt).__name__}")

    def utcoffset(self, dt):
        """Return fixed offset."""
        self._check_dt(dt, "utcoffset")
        return self._offset

    def tzname(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise
        returns offset as 'UTC(+|-)HH:MM'."""
        self._check_dt(dt, "tzname")
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def dst(self, dt):
        """Return None."""
        self._check_dt(dt, "dst")
        return None

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
