# SystemExit raised deep inside calls, passing through except Exception and finally.
def inner():
    raise SystemExit(7)
def middle():
    try:
        inner()
    except Exception:
        print("not caught here")
    finally:
        print("middle finally")
middle()
print("unreachable")
