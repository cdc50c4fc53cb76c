# Python 3.14 (PEP 758): except without parentheses for several exception types.
def classify(exc):
    try:
        raise exc
    except ValueError, TypeError:
        return "value or type"
    except KeyError, IndexError:
        return "lookup"
    except Exception:
        return "other"
for exc in [ValueError("v"), TypeError(), KeyError("k"), IndexError(), RuntimeError()]:
    print(type(exc).__name__, classify(exc))
try:
    raise ExceptionGroup("g", [OSError("a"), EOFError()])
except* OSError, EOFError:
    print("except* without parentheses matched both")
