def literals(x):
    match x:
        case 1:
            return "one"
        case "two" | b"two":
            return 2
        case None:
            return None
        case True:
            return True
        case -1:
            return -1
        case 1.5 | 2j | -3+4j:
            return "num"
        case _:
            return "other"

def sequences(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, b, *rest]:
            return a, b, rest
        case (first, *_, last):
            return first, last
        case [[inner], *_]:
            return inner

def mappings(x):
    match x:
        case {}:
            return 0
        case {"key": value}:
            return value
        case {"a": 1, "b": b, **rest}:
            return b, rest
        case {1: _, 2: _}:
            return 2

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def classes(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return y
        case Point(x, y=yy) if x == yy:
            return "diag"
        case int() | float() as num:
            return num
        case str(s):
            return s
        case Point(x=Point() as inner):
            return inner

def values(x):
    import enum
    class Color(enum.Enum):
        RED = 1
    match x:
        case Color.RED:
            return "red"
        case [Color.RED, *_] if len(x) > 1:
            return "reds"

match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", ("north" | "south") as direction]:
        pass
