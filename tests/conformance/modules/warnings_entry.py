import warnings
warnings.simplefilter("always")
for args, kw in [(("a", None, 1, None, ()), {}), (("a", 3), {}), (("a",), {"stacklevel": "x"}),
                 (("a",), {"skip_file_prefixes": ["x"]}), ((), {}), (("a",), {"bogus": 1}),
                 ((5,), {}), (("a", UserWarning, 10**30), {})]:
    try:
        warnings.warn(*args, **kw); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
for args in [("m", UserWarning, "f.py", "x"), ("m", int, "f.py", 1)]:
    try:
        warnings.warn_explicit(*args); print("ok")
    except Exception as e:
        print(type(e).__name__, e)
def inner():
    warnings.warn("deep", stacklevel=2)
def outer():
    inner()
outer()
warnings.warn("neg", stacklevel=-5)
warnings.warn("big", stacklevel=100)
warnings.warn("skip", skip_file_prefixes=(__file__,))
print(type(warnings.warn).__name__, warnings.warn.__module__)
import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_object_traceback(object()),
      tracemalloc.get_traced_memory())
warnings.simplefilter("error")
def f():
    warnings.warn("boom")
f()
