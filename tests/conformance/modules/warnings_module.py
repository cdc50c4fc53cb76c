import warnings, sys, io, os
_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_err = io.StringIO()
sys.stderr = _err

def flush_stderr():
    # Warnings name this file by absolute path: print them relative to its directory.
    print(_err.getvalue().replace(_HERE, ''), end='')
    _err.seek(0)
    _err.truncate()

def f():
    warnings.warn("careful", stacklevel=2)
f()
f()
warnings.warn("dep", DeprecationWarning)
warnings.warn(UserWarning("as instance"))
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", RuntimeWarning)
    print([(str(w.message), w.category.__name__, w.lineno) for w in log])
flush_stderr()
print(warnings.filters[:2])
warnings.filterwarnings("error", message="bad.*", category=UserWarning)
print(warnings.filters[0])
try:
    warnings.warn("bad thing")
except UserWarning as e:
    print("raised", e)
try:
    warnings.warn("BAD but other case")
except UserWarning as e:
    print("raised2", e)
warnings.filterwarnings("ignore", module="__ma")
warnings.warn("ignored by module prefix")
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once only")
flush_stderr()
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  code line  "))
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("bogus")
except ValueError as e:
    print(e)
@warnings.deprecated("use g2")
def g(): return 5
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    print(g(), log[0].message, log[0].category.__name__)
flush_stderr()
