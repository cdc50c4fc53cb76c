"""Strptime-related classes and functions (rpy's own _strptime module).

The engine behind time.strptime and the strptime class methods of datetime's classes: a
format string becomes a regular expression with one named group per directive, the match
is turned into a struct_time-like tuple, and missing fields are derived (weekday, day of
the year, ISO and %U/%W week dates). rpy has no `locale` module, so the names are those of
the C/POSIX locale, which is what CPython uses unless a program calls setlocale.
"""

import os
import re
import time

__all__ = []

_F_WEEKDAY = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_A_WEEKDAY = [d[:3] for d in _F_WEEKDAY]
_F_MONTH = ["", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"]
_A_MONTH = [m[:3] for m in _F_MONTH]
_AM_PM = ["am", "pm"]

# The C locale's %c, %x, %X and %r.
_LC_DATE_TIME = "%a %b %d %H:%M:%S %Y"
_LC_DATE = "%m/%d/%y"
_LC_TIME = "%H:%M:%S"
_LC_TIME_AMPM = "%I:%M:%S %p"


def _alternatives(names, group):
    """A named group matching any of names, longest first so that a name is not cut short
    by one of its prefixes."""
    names = sorted(names, key=len, reverse=True)
    if not any(names):
        return ""
    return "(?P<%s>%s)" % (group, "|".join(re.escape(n) for n in names))


class _Locale:
    """The locale data the parser depends on; the zone names come from time.tzname and
    time.daylight, so a change to them (time.tzset) makes a new one."""

    def __init__(self):
        self.tzname = time.tzname
        self.daylight = time.daylight
        no_saving = frozenset({"utc", "gmt", self.tzname[0].lower()})
        has_saving = frozenset({self.tzname[1].lower()}) if self.daylight else frozenset()
        self.timezone = (no_saving, has_saving)

    def is_current(self):
        return self.tzname == time.tzname and self.daylight == time.daylight


class _Patterns(dict):
    """Directive (the text after '%') -> regex; unknown directives raise KeyError."""

    def __init__(self, loc):
        super().__init__({
            # ' [1-9]' lets %c read the space-padded day C's asctime writes.
            "d": r"(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])",
            "f": r"(?P<f>[0-9]{1,6})",
            "H": r"(?P<H>2[0-3]|[0-1]\d|\d| \d)",
            "k": r"(?P<H>2[0-3]|[0-1]\d|\d| \d)",
            "I": r"(?P<I>1[0-2]|0[1-9]|[1-9]| [1-9])",
            "l": r"(?P<I>1[0-2]|0[1-9]|[1-9]| [1-9])",
            "G": r"(?P<G>\d\d\d\d)",
            "j": r"(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
            "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
            "M": r"(?P<M>[0-5]\d|\d)",
            "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
            "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
            "W": r"(?P<W>5[0-3]|[0-4]\d|\d)",
            "w": r"(?P<w>[0-6])",
            "u": r"(?P<u>[1-7])",
            "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
            "y": r"(?P<y>\d\d)",
            "Y": r"(?P<Y>\d\d\d\d)",
            "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
            "A": _alternatives(_F_WEEKDAY, "A"),
            "a": _alternatives(_A_WEEKDAY, "a"),
            "B": _alternatives(_F_MONTH[1:], "B"),
            "b": _alternatives(_A_MONTH[1:], "b"),
            "p": _alternatives(_AM_PM, "p"),
            "Z": _alternatives([tz for names in loc.timezone for tz in names], "Z"),
            "%": "%",
        })
        # The C locale's list of alternative digits is empty, and CPython then makes each
        # %O form an empty pattern (it matches nothing and sets no field).
        for d in "dmwyCHIMS":
            self["O" + d] = ""
        self["e"] = self["d"]
        self["Oe"] = self["Od"]
        self["P"] = self["Op"] = self["p"]
        self["T"] = self.pattern("%H:%M:%S")
        self["R"] = self.pattern("%H:%M")
        self["r"] = self.pattern(_LC_TIME_AMPM)
        self["X"] = self.pattern(_LC_TIME)
        self["x"] = self.pattern(_LC_DATE)
        self["c"] = self.pattern(_LC_DATE_TIME)

    def pattern(self, format):
        """The regex source for format."""
        # Regex syntax in the literal text is escaped (not with re.escape: the directives
        # must stay recognizable), whitespace matches any run of whitespace.
        format = re.sub(r"([\\.^$*+?\(\){}\[\]|])", r"\\\1", format)
        format = re.sub(r"\s+", r"\\s+", format)
        format = re.sub(r"'", "['\u02bc]", format)
        seen = set()

        def directive(m):
            seen.add(m[1])
            return self[m[1]]

        format = re.sub(r"%[-_0^#]*[0-9]*([OE]?\\?.?)", directive, format)
        if "d" in seen and not seen & {"Y", "y", "G"}:
            import warnings
            warnings.warn(
                "Parsing dates involving a day of month without a year specified is "
                "ambiguous\nand fails to parse leap day. The default behavior will change "
                "in Python 3.15\nto either always raise an exception or to use a different "
                "default year (TBD).\nTo avoid trouble, add a specific year to the input & "
                "format.\nSee https://github.com/python/cpython/issues/70647.",
                DeprecationWarning, skip_file_prefixes=_OWN_FILES)
        return format

    def compile(self, format):
        return re.compile(self.pattern(format), re.IGNORECASE)


# Frames of the standard library's own modules are skipped when the warning above names
# the caller (CPython skips its Lib directory).
_OWN_FILES = (os.path.dirname(__file__) + os.sep if "__file__" in globals() else "<frozen ",)

_CACHE_MAX_SIZE = 5
_locale = None
_patterns = None
_regex_cache = {}


def _regex(format):
    global _locale, _patterns
    if _locale is None or not _locale.is_current():
        _locale = _Locale()
        _patterns = _Patterns(_locale)
        _regex_cache.clear()
    if len(_regex_cache) > _CACHE_MAX_SIZE:
        _regex_cache.clear()
    compiled = _regex_cache.get(format)
    if compiled is None:
        try:
            compiled = _patterns.compile(format)
        except KeyError as err:
            # An unknown directive; a lone '%' (or one before whitespace) is "stray".
            bad = err.args[0].replace("\\s", "")
            if not bad:
                raise ValueError("stray %% in format '%s'" % format) from None
            bad = bad.replace("\\", "", 1)
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
        _regex_cache[format] = compiled
    return compiled


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _julian_from_week(year, week, weekday, monday_first):
    """Day of the year of `weekday` (0 is Monday) in week `week` counted as %W (weeks
    start on Monday) or %U (on Sunday); week 0 holds the days before the first one."""
    import datetime
    first_weekday = datetime.date(year, 1, 1).weekday()
    if not monday_first:
        first_weekday = (first_weekday + 1) % 7
        weekday = (weekday + 1) % 7
    week0_length = (7 - first_weekday) % 7
    if week == 0:
        return 1 + weekday - first_weekday
    return 1 + week0_length + 7 * (week - 1) + weekday


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """((year, month, day, hour, minute, second, weekday, julian, isdst, zone name,
    gmtoff), microseconds, gmtoff microseconds) parsed from data_string by format."""
    import datetime
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument {} must be str, not {}".format(index, type(arg)))
    found = _regex(format).match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    monday_first = None
    weekday = julian = None
    fields = found.groupdict()
    for key, text in fields.items():
        if key == "y":
            year = int(text)
            if "C" in fields:
                year += int(fields["C"]) * 100
            else:
                # POSIX: 69-99 are 1969-1999, 00-68 are 2000-2068.
                year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(text)
        elif key == "G":
            iso_year = int(text)
        elif key == "m":
            month = int(text)
        elif key == "B":
            month = _F_MONTH.index(text.lower())
        elif key == "b":
            month = _A_MONTH.index(text.lower())
        elif key == "d":
            day = int(text)
        elif key == "H":
            hour = int(text)
        elif key == "I":
            hour = int(text)
            ampm = fields.get("p", "").lower()
            # Without %p the hour is AM. 12 AM is midnight, 12 PM is noon.
            if ampm in ("", _AM_PM[0]):
                if hour == 12:
                    hour = 0
            elif ampm == _AM_PM[1]:
                if hour != 12:
                    hour += 12
        elif key == "M":
            minute = int(text)
        elif key == "S":
            second = int(text)
        elif key == "f":
            fraction = int(text.ljust(6, "0"))
        elif key == "A":
            weekday = _F_WEEKDAY.index(text.lower())
        elif key == "a":
            weekday = _A_WEEKDAY.index(text.lower())
        elif key == "w":
            weekday = (int(text) - 1) % 7  # %w counts from Sunday = 0
        elif key == "u":
            weekday = int(text) - 1
        elif key == "j":
            julian = int(text)
        elif key in ("U", "W"):
            week_of_year = int(text)
            monday_first = key == "W"
        elif key == "V":
            iso_week = int(text)
        elif key == "z":
            gmtoff, gmtoff_fraction = _parse_offset(text)
        elif key == "Z":
            zone = text.lower()
            for value, names in enumerate(_locale.timezone):
                if zone in names:
                    # Equal standard and DST names with DST in use: which one is meant
                    # cannot be told.
                    if (time.tzname[0] == time.tzname[1] and time.daylight
                            and zone not in ("utc", "gmt")):
                        break
                    tz = value
                    break

    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO "
                             "year directive '%G'. Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive ('%A', '%a', '%w', "
                             "or '%u').")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive ('%A', '%a', '%w', "
                             "or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")

    # Without a year, February 29 is read in a leap year and reported as 1900 afterwards.
    leap_year_fix = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_year_fix = True
        else:
            year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday, monday_first)
        elif iso_year is not None and iso_week is not None:
            d = datetime.date.fromisocalendar(iso_year, iso_week, weekday + 1)
            year, month, day = d.year, d.month, d.day
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is None:
        julian = (datetime.date(year, month, day).toordinal()
                  - datetime.date(year, 1, 1).toordinal() + 1)
    else:
        d = datetime.date.fromordinal(julian - 1 + datetime.date(year, 1, 1).toordinal())
        year, month, day = d.year, d.month, d.day
    if weekday is None:
        weekday = datetime.date(year, month, day).weekday()
    tzname = fields.get("Z")
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _parse_offset(z):
    """(seconds, microseconds) east of UTC of a %z match: Z, +HHMM[SS[.ffffff]] or the same
    with colons (used consistently)."""
    if z == "Z":
        return 0, 0
    if z[3] == ":":
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ":":
                raise ValueError(f"Inconsistent use of : in {z[:3] + ':' + z[3:]}")
            z = z[:5] + z[6:]
    seconds = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
    micro = int(z[8:].ljust(6, "0"))
    if z[0] == "-":
        return -seconds, -micro
    return seconds, micro


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a time struct based on the input string and the
    format string."""
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:9], {"tm_zone": tt[9], "tm_gmtoff": tt[10]})


def _strptime_datetime_date(cls, data_string, format="%a %b %d %Y"):
    """Return a date instance based on the input string and the
    format string."""
    tt = _strptime(data_string, format)[0]
    return cls(*tt[:3])


def _parse_tz(tzname, gmtoff, gmtoff_fraction):
    import datetime
    delta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
    if tzname:
        return datetime.timezone(delta, tzname)
    return datetime.timezone(delta)


def _strptime_datetime_time(cls, data_string, format="%H:%M:%S"):
    """Return a time instance based on the input string and the
    format string."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    args = tt[3:6] + (fraction,)
    if tt[10] is None:
        return cls(*args)
    return cls(*args, _parse_tz(tt[9], tt[10], gmtoff_fraction))


def _strptime_datetime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a datetime instance based on the input string and the
    format string."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    args = tt[:6] + (fraction,)
    if tt[10] is None:
        return cls(*args)
    return cls(*args, _parse_tz(tt[9], tt[10], gmtoff_fraction))
