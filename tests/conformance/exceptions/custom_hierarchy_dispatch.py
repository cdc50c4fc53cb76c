# Dispatching on exception hierarchies: handler order matters, tuples of classes, and bare re-raise.
class AppError(Exception): pass
class DbError(AppError): pass
class NotFound(DbError): pass
class Conflict(DbError): pass
class AuthError(AppError): pass
def classify(exc):
    try:
        raise exc
    except NotFound:
        return "not found"
    except (Conflict, AuthError) as e:
        return f"conflict-or-auth ({type(e).__name__})"
    except DbError:
        return "other db error"
    except AppError:
        return "app error"
    except Exception as e:
        return f"unexpected {type(e).__name__}"
for exc in [NotFound(), Conflict(), AuthError(), DbError(), AppError(), LookupError(), NotFound("x")]:
    print(type(exc).__name__, "->", classify(exc))
def wrapper():
    try:
        raise Conflict("row changed")
    except DbError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except AppError as e:
    print("top level caught", type(e).__name__, e, [c.__name__ for c in type(e).__mro__[:4]])
