# try/except/else/finally control flow, including return/break/continue interactions.
def f(x):
    out = []
    try:
        out.append("try")
        if x == 1:
            raise ValueError("one")
        if x == 2:
            return out + ["returned"]
    except ValueError as e:
        out.append(f"except {e}")
    else:
        out.append("else")
    finally:
        out.append("finally")
    out.append("after")
    return out
for x in range(3):
    print(x, f(x))
def finally_sees_return():
    log = []
    def inner():
        try:
            return "value"
        finally:
            log.append("cleanup")
    return inner(), log
print(finally_sees_return())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer caught", repr(e))
nested()
def multi(exc):
    try:
        raise exc
    except (TypeError, ValueError) as e:
        return "tuple handler " + type(e).__name__
    except ArithmeticError:
        return "arith handler"
    except Exception as e:
        return "generic " + type(e).__name__
for exc in [TypeError, ValueError("v"), ZeroDivisionError, KeyError, OverflowError()]:
    print(multi(exc))
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
x = 0
while True:
    try:
        x += 1
        if x < 3:
            raise RuntimeError
        break
    except RuntimeError:
        print("retry", x)
print("done", x)
