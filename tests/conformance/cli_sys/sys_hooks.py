# sys.excepthook, sys.unraisablehook and sys.displayhook: defaults, replacements, and
# what is printed when a replacement fails.
import sys
print(sys.unraisablehook is sys.__unraisablehook__, type(sys.excepthook).__name__, sys.displayhook.__name__)
class A:
    def __del__(self): 1/0
def hook(a):
    print(type(a).__name__, type(a).__module__, a.err_msg.split(" at ")[0], a.object, a.exc_type.__name__, type(a.exc_traceback).__name__)
    print(a.exc_value, len(a), a[3] == a.err_msg)
sys.unraisablehook = hook
A()
class Bad:
    def __repr__(self):
        return "<bad hook>"
    def __call__(self, a):
        raise ValueError("hook broke")
sys.unraisablehook = Bad()
A()
sys.unraisablehook = sys.__unraisablehook__
for args in [(1,), ()]:
    try: sys.unraisablehook(*args)
    except TypeError as e: print(e)
try: sys.excepthook(1)
except TypeError as e: print(e)
try: sys.displayhook()
except TypeError as e: print(e)
print(sys.displayhook(5), _)
print(sys.displayhook(None), _)
sys.__excepthook__(None, 5, None)
try:
    raise KeyError("k")
except KeyError as e:
    sys.__excepthook__(type(e), e, e.__traceback__)
print(sys.api_version, sys.getswitchinterval(), sys.float_repr_style, repr(sys.abiflags), sys.platlibdir, sys.pycache_prefix, len(sys.stdlib_module_names), "os" in sys.stdlib_module_names)
sys.setswitchinterval(0.01); print(sys.getswitchinterval())
for v in [0, -1.0, float("nan"), "a"]:
    try: sys.setswitchinterval(v)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(sys.call_tracing(max, (1, 2)))
try: sys.call_tracing(max, [1, 2])
except TypeError as e: print(e)
for src in ["1 + 1", "None", "'x'", "if 1:\n  7\n  8\n"]:
    exec(compile(src, "<i>", "single"))
print(_)
def eh(t, v, tb):
    print("hook got", t.__name__, v, type(tb).__name__)
    raise KeyError("eh broke")
sys.excepthook = eh
def go():
    raise IndexError("orig")
go()
