# Exceptions and context managers: __exit__ sees the exception, suppression, and exceptions in __enter__.
class Track:
    def __init__(self, name, suppress=(), fail_enter=False):
        self.name, self.suppress, self.fail_enter = name, suppress, fail_enter
    def __enter__(self):
        print(f"enter {self.name}")
        if self.fail_enter:
            raise OSError(f"{self.name} could not start")
        return self
    def __exit__(self, et, ev, tb):
        print(f"exit {self.name}: {et.__name__ if et else None}")
        return et is not None and issubclass(et, self.suppress)
try:
    with Track("a"), Track("b", suppress=(KeyError,)), Track("c"):
        raise KeyError("inner")
    print("after with: KeyError suppressed by b")
except KeyError:
    print("not reached")
try:
    with Track("x"), Track("y", fail_enter=True), Track("z"):
        print("body not reached")
except OSError as e:
    print("OSError:", e)
def in_function():
    with Track("f", suppress=(ZeroDivisionError,)):
        return 1 / 0
    return "fell through after suppression"
print(in_function())
class Replacer:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is ValueError:
            raise TypeError("replaced") from ev
        return False
try:
    with Replacer():
        raise ValueError("original")
except TypeError as e:
    print("TypeError:", e, "cause:", repr(e.__cause__), "context:", repr(e.__context__))
