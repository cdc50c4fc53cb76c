# Custom exception hierarchies and how except clauses pick handlers.
class AppError(Exception):
    """Base of the app's errors."""
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
class Invalid(AppError, ValueError):
    pass
def lookup(kind):
    if kind == "missing":
        raise NotFound("user 42")
    if kind == "invalid":
        raise Invalid("bad input")
    if kind == "value":
        raise ValueError("plain value error")
    return "ok"
for kind in ["missing", "invalid", "value", "fine"]:
    try:
        print(lookup(kind))
    except NotFound as e:
        print("NotFound:", e, e.what)
    except ValueError as e:
        print(type(e).__name__, "caught as ValueError:", e, isinstance(e, AppError))
print(Invalid.__mro__[1].__name__, AppError.__doc__, NotFound("x").args)
