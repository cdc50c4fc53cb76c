# Common recovery patterns: EAFP conversions, defaulting, collecting errors, and re-raising with context.
raw = ["12", "3.5", "", "abc", "7", None, "1e3", "-4"]
def to_number(s):
    try:
        return int(s)
    except (TypeError, ValueError):
        try:
            return float(s)
        except (TypeError, ValueError):
            return None
print([to_number(s) for s in raw])
problems = []
values = []
for i, s in enumerate(raw):
    try:
        values.append(int(s))
    except Exception as e:
        problems.append((i, type(e).__name__, str(e)))
print(values)
for p in problems:
    print(p)
class ParseError(Exception):
    pass
def parse_all(items):
    out = []
    for n, item in enumerate(items, 1):
        try:
            out.append(int(item))
        except ValueError as e:
            raise ParseError(f"item {n} is not an integer") from e
    return out
try:
    parse_all(["1", "2", "three"])
except ParseError as e:
    print("ParseError:", e, "<-", repr(e.__cause__))
d = {}
print(d.get("x", 0) + 1, d.setdefault("y", []).__len__(), getattr(d, "missing_attr", "fallback"), next(iter([]), "empty"))
