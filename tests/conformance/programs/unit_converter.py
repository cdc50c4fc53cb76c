# Unit conversion through base units, with parsing of quantities and helpful errors.
UNITS = {
    "length": {"m": 1.0, "km": 1000.0, "cm": 0.01, "mm": 0.001, "in": 0.0254, "ft": 0.3048, "mi": 1609.344},
    "mass": {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "oz": 0.028349523125},
    "time": {"s": 1.0, "min": 60.0, "h": 3600.0, "day": 86400.0},
}
KIND = {u: k for k, table in UNITS.items() for u in table}
def convert(text, target):
    number, unit = text.split()
    value = float(number)
    if unit not in KIND:
        raise KeyError(f"unknown unit {unit!r}")
    if target not in KIND:
        raise KeyError(f"unknown unit {target!r}")
    if KIND[unit] != KIND[target]:
        raise ValueError(f"cannot convert {KIND[unit]} to {KIND[target]}")
    return value * UNITS[KIND[unit]][unit] / UNITS[KIND[target]][target]
requests = [("5 km", "mi"), ("26.2 mi", "km"), ("12 in", "cm"), ("1 lb", "g"), ("90 min", "h"), ("3 day", "s"),
            ("100 ft", "m"), ("1 m", "kg"), ("2 parsec", "m"), ("7 oz", "lb")]
for q, t in requests:
    try:
        print(f"{q:>9} = {convert(q, t):.6g} {t}")
    except (KeyError, ValueError) as e:
        print(f"{q:>9} -> {type(e).__name__}: {e}")
