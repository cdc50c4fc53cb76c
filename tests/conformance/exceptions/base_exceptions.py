# BaseException subclasses are not caught by `except Exception`; SystemExit and GeneratorExit.
def swallow(exc):
    try:
        try:
            raise exc
        except Exception:
            return "caught by except Exception"
    except BaseException as b:
        return f"escaped: {type(b).__name__}"
for exc in [ValueError(), KeyboardInterrupt(), SystemExit(2), GeneratorExit(), StopIteration()]:
    print(type(exc).__name__, swallow(exc))
try:
    raise SystemExit("bye")
except SystemExit as e:
    print("SystemExit caught:", e.code, e.args)
import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("sys.exit ->", e.code, type(e.code).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() ->", e.code)
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
class MyBase(BaseException):
    pass
try:
    try:
        raise MyBase("custom base")
    except Exception:
        print("wrong")
except BaseException as e:
    print("outer got", repr(e))
