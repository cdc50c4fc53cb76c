def where(point):
    match point:
        case Point(x=0, y=0):
            print("Origin")
        case Point(x=0, y=y):
            print(f"Y={y}")
        case [Point(x=0, y=0), *rest] if rest:
            print("list")
        case {"x": 0, **others}:
            print(others)
        case -1 | 1.5 | 2j | -3+4j | "s" | b"b" | None | True:
            pass
        case str() as s:
            pass
