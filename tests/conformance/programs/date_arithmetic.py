# Date arithmetic by hand: day numbers, adding days, differences, weekdays, ISO-like formatting.
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
MDAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
def to_ordinal(y, m, d):
    y1 = y - 1
    days = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400
    days += sum(MDAYS[:m - 1]) + (1 if m > 2 and is_leap(y) else 0)
    return days + d
def from_ordinal(n):
    y = (n * 400) // 146097 + 1
    while to_ordinal(y, 1, 1) > n:
        y -= 1
    while to_ordinal(y + 1, 1, 1) <= n:
        y += 1
    rem = n - to_ordinal(y, 1, 1) + 1
    for m in range(1, 13):
        dim = MDAYS[m - 1] + (1 if m == 2 and is_leap(y) else 0)
        if rem <= dim:
            return y, m, rem
        rem -= dim
    raise AssertionError
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def weekday(y, m, d):
    return WEEKDAYS[(to_ordinal(y, m, d) - 1) % 7]
for date in [(1, 1, 1), (1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (9999, 12, 31)]:
    n = to_ordinal(*date)
    print(date, n, from_ordinal(n), weekday(*date))
start = (2024, 1, 31)
for delta in [1, 29, 30, 365, 366, -31, 1000]:
    y, m, d = from_ordinal(to_ordinal(*start) + delta)
    print(f"{start} + {delta:>5} days = {y:04d}-{m:02d}-{d:02d} ({weekday(y, m, d)})")
print(to_ordinal(2024, 12, 25) - to_ordinal(2024, 1, 1), to_ordinal(2000, 1, 1) - to_ordinal(1900, 1, 1))
fridays13 = [(y, m) for y in range(2024, 2027) for m in range(1, 13) if weekday(y, m, 13) == "Friday"]
print(fridays13)
