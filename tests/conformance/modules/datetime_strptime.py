# strptime (time.strptime and the datetime classes' strptime through _strptime): every
# directive of the C locale, %z forms, derived weekday/julian, %U/%W/%G/%V week dates,
# 12-hour clocks, case-insensitive names, and the error messages.
import time
import warnings
from datetime import date, datetime, time as dtime, timezone, timedelta

cases = [
    ("2024-01-02 03:04:05", "%Y-%m-%d %H:%M:%S"),
    ("2024-01-02T03:04:05.123+05:30", "%Y-%m-%dT%H:%M:%S.%f%z"),
    ("02/29/24", "%m/%d/%y"), ("12/31/69", "%x"), ("Tue Jan  2 03:04:05 2024", "%c"),
    ("tuesday JANUARY 2 2024", "%A %B %d %Y"), ("Tue, 02 Jan 2024", "%a, %d %b %Y"),
    ("12:30:00 AM", "%I:%M:%S %p"), ("12:30:00 pm", "%r"), ("7 PM", "%I %p"), ("07", "%I"),
    ("2024 100", "%Y %j"), ("2024 0 1", "%Y %U %w"), ("2024 52 0", "%Y %W %w"), ("2023 0 3", "%Y %W %u"),
    ("2024 1 1", "%G %V %u"), ("2020 53 Sun", "%G %V %a"), ("23:59", "%R"), ("01:02:03", "%T"),
    ("2024-06-01 UTC", "%Y-%m-%d %Z"), ("2024-06-01 gmt", "%Y-%m-%d %Z"), ("Z", "%z"), ("-0130", "%z"),
    ("+01:30:15.25", "%z"), ("100%", "%d%%"), ("  5", "%e"), ("2024 5", "%Y %C"), ("1999", "%Y%Od"),
    ("2024-02-30", "%Y-%m-%d"), ("2024-01-02x", "%Y-%m-%d"), ("2024", "%Y %"), ("2024", "%Y%q"),
    ("2024", "%Ec"), ("x", "% x"), ("2024 1 1", "%Y %V %u"), ("2024 5", "%G %V"), ("2024 10 1", "%G %j %u"),
    ("+01:3015", "%z"),
]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    for s, f in cases:
        for fn in (time.strptime, datetime.strptime):
            try:
                r = fn(s, f)
                print(repr(s), repr(f), fn.__qualname__, tuple(r) if fn is time.strptime else r, getattr(r, "tm_zone", ""), getattr(r, "tm_gmtoff", ""))
            except Exception as e:
                print(repr(s), repr(f), fn.__qualname__, type(e).__name__, e)
print(date.strptime("2024-03-04", "%Y-%m-%d"), dtime.strptime("10:11:12.5", "%H:%M:%S.%f"),
      dtime.strptime("10:11 +0100", "%H:%M %z"), datetime.strptime("2024 UTC +0000", "%Y %Z %z"))
print(time.strptime("Mon Jan  1 00:00:00 2024"), datetime.strptime("1 02", "%m %y"))
for bad in [(5, "%Y"), ("2024", 5)]:
    try:
        time.strptime(*bad)
    except TypeError as e:
        print("TypeError", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    datetime.strptime("3 4", "%d %m")
    print(len(w), w[0].category.__name__, str(w[0].message).splitlines()[0])
