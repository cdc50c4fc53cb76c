# Month calendars computed by hand (Zeller's congruence, leap years).
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def weekday(y, m, d):
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7
NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
def month(y, m):
    lines = [f"{NAMES[m - 1]} {y}".center(20).rstrip(), "Mo Tu We Th Fr Sa Su"]
    cells = ["  "] * weekday(y, m, 1) + [f"{d:2d}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print(month(2024, 2))
print()
print(month(2000, 1))
print()
print(month(1969, 7))
print([y for y in range(1896, 1920) if is_leap(y)], weekday(2024, 12, 25), weekday(1970, 1, 1))
def day_of_year(y, m, d):
    return sum(days_in_month(y, i) for i in range(1, m)) + d
print(day_of_year(2024, 12, 31), day_of_year(2023, 3, 1), day_of_year(2024, 3, 1))
