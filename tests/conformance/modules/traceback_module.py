import traceback, sys, linecache, os
HERE = os.path.abspath(__file__)
def clean(text):
    return text.replace(HERE, "SCRIPT")

def inner(x):
    return x["key"] + 1

def middle(d):
    return inner(d) * 2

def f_zero():
    a = 1
    b = 0
    return (a +
            a) / b

class E(Exception):
    pass

def show(fn, *args):
    try:
        fn(*args)
    except BaseException as e:
        print(clean("".join(traceback.format_exception(e))), end="")
        print("---only:", traceback.format_exception_only(e))
        print("---exc:", traceback.format_exc().splitlines()[-1])
        for fs in traceback.extract_tb(e.__traceback__):
            print(fs.lineno, fs.name, repr(fs.line), fs.end_lineno is not None, len(fs))
        print("===")

show(middle, {})
show(f_zero)
def chained():
    try:
        {}["a"]
    except KeyError as k:
        raise ValueError("bad") from k
show(chained)
def ctx():
    try:
        1/0
    except ZeroDivisionError:
        raise E("in handler")
show(ctx)
def suppressed():
    try:
        1/0
    except ZeroDivisionError:
        raise E("x") from None
show(suppressed)
def noted():
    e = TypeError("with notes")
    e.add_note("note one")
    e.add_note("multi\nline")
    raise e
show(noted)
def group():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError("k")])])
show(group)
def names():
    return undefined_name_xyz
show(names)
def attr():
    return "".uppr()
show(attr)
def syn():
    compile("x = (1 +\n", "<src>", "exec")
show(syn)
def syn2():
    compile("a b c", "fn.py", "exec")
show(syn2)
def recurse(n):
    if n == 0:
        raise RuntimeError("deep")
    return recurse(n - 1)
show(recurse, 10)
print(traceback.format_exception_only(SyntaxError("msg", ("f.py", 3, 5, "  abc def\n", 3, 8))))
print(traceback.format_exception_only(SyntaxError("msg")))
print(traceback.format_exception_only(SyntaxError("", ("f.py", None, None, None))))
print(traceback.format_exception_only(ValueError()))
print(traceback.format_exception_only(None))
print(traceback.format_exception(ValueError("v")))
def st():
    return traceback.format_stack()
print(clean("".join(st())))
print(traceback.extract_stack()[-1].name)
fs = traceback.FrameSummary("f.py", 3, "fn", line="  x = 1  ")
print(fs, fs.line, list(fs), fs == ("f.py", 3, "fn", "x = 1"))
print(traceback.format_list([("a.py", 1, "g", "pass"), fs]))
te = traceback.TracebackException.from_exception(ValueError("q"))
print(str(te), te.exc_type_str, list(te.format()))
print(linecache.getline(__file__, 1), end="")
print(repr(linecache.getline(__file__, 3)))
print(len(linecache.getlines(__file__)) > 10, linecache.getline(__file__, 100000) == "")
print(linecache.getline("/nonexistent/x.py", 1) == "")
linecache.clearcache(); linecache.checkcache()
class Bad(Exception):
    def __str__(self): raise RuntimeError
print(traceback.format_exception_only(Bad()))
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ExceptionGroup("g", [ValueError("x")])
except Exception as e:
    import io
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    traceback.print_exception(e, limit=0, file=buf)
    traceback.print_exception(e, chain=False, file=buf)
    print(clean(buf.getvalue()))
    print(traceback.format_exception_only(e, show_group=True))
def loc():
    x = [1, 2]
    y = "s"
    raise ValueError
def run_loc():
    try:
        loc()
    except ValueError as e:
        return e
e = run_loc()
if True:
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    print(clean("".join(te.format())))

# limits, walk_tb, sys.tracebacklimit, StackSummary.extract, print_tb
def deep(n):
    if n == 0:
        raise LookupError("bottom")
    deep(n - 1)
try:
    deep(5)
except LookupError as e:
    print(len(traceback.extract_tb(e.__traceback__, limit=2)), len(traceback.extract_tb(e.__traceback__, limit=-2)))
    print([f.name for f in traceback.extract_tb(e.__traceback__, limit=-2)])
    print([ln for _, ln in traceback.walk_tb(e.__traceback__)])
    print(clean("".join(traceback.format_tb(e.__traceback__, limit=3))))
    ss = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__), lookup_lines=False)
    print([(f.lineno, f.colno) for f in ss])
    sys.tracebacklimit = 1
    print(clean("".join(traceback.format_exception(e))))
    del sys.tracebacklimit
try:
    traceback.print_exception(ValueError("x"), None)
except ValueError as e:
    print(e)
try:
    traceback.format_exception(5)
except TypeError as e:
    print(e)
print(traceback.format_exception(None))
print(repr(traceback._sentinel))
eg = ExceptionGroup("many", [ValueError(i) for i in range(20)])
print("".join(traceback.format_exception(eg)))
te = traceback.TracebackException.from_exception(eg, max_group_width=2, max_group_depth=1)
print("".join(te.format()))
