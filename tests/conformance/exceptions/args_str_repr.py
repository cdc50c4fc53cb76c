# Exception args, str() and repr() for zero, one and many arguments; custom exceptions.
for e in [ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("k"), KeyError(), KeyError("a", "b"),
          IndexError(5), OSError(2, "No such file"), OSError("plain"), StopIteration(7), SystemExit(3),
          UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad byte"), Exception(None), Exception(""), Exception([1])]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(f"[{code}] {detail}")
        self.code = code
        self.detail = detail
class Quiet(Exception):
    def __str__(self):
        return "custom str"
try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, e.args, e.code, e.detail, repr(e))
print(str(Quiet("x")), repr(Quiet("x")), Quiet("x").args)
e = OSError(13, "Permission denied", "/tmp/x")
print(e.errno, e.strerror, e.filename, str(e), type(OSError(2, "x")).__name__, type(OSError(13, "y")).__name__)
s = StopIteration("v")
print(s.value, SystemExit(5).code, SystemExit().code, SystemExit(1, 2).code)
k = KeyError("key")
k.args = ("changed",)
print(k, k.args)
print(BaseException.__new__(ValueError).args, ValueError("x").with_traceback(None).args)
err = NameError("nm", name="spam")
print(err.name, AttributeError("a", name="n", obj=5).obj, ImportError("i", name="mod", path="p").path)
