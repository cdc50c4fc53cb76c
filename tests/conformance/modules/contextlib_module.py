# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout.
import contextlib
import io
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
@contextlib.contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))
with swallow():
    raise KeyError("k")
print("continues")
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()) as r:
    print("using", type(r).__name__)
with contextlib.nullcontext(42) as v:
    print("nullcontext gives", v)
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b")]
    stack.callback(print, "callback registered first runs last")
    print("names", names)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line")
print("buffer holds", repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    import sys
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()))
@tag("decorated")
def decorated_fn():
    print("function body")
decorated_fn()
@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
