# code.replace / __replace__ and types.FunctionType(code, globals, ...): CPython's argument
# checks and messages, and functions built from replaced code objects run.
def run(tests):
    for t in tests:
        try:
            print(t, "->", eval(t))
        except Exception as e:
            print(t, "->", type(e).__name__, e)


def f(a, b=1):
    c = a + b
    return c
co = f.__code__
tests = [
    "co.replace(1)", "co.replace(co_name=1)", "co.replace(co_argcount=-1)", "co.replace(co_nlocals=7)",
    "co.replace(co_code=b'\\x00')", "co.replace(co_consts=[1])", "co.replace(co_names=(1,))", "co.replace(bogus=1)",
    "co.replace(co_varnames=('x',))", "co.replace(co_flags=-1)", "co.replace(co_stacksize=-1)",
    "co.replace(co_argcount=2**40)", "co.replace(co_firstlineno=0).co_firstlineno", "co.replace().co_name",
    "co.replace(co_name='g', co_qualname='G.g').co_qualname", "co.replace(co_varnames=('x','y','z')).co_varnames",
    "co.__replace__(co_name='h').co_name", "co.replace(co_consts=(None, 5)) == co",
]
run(tests)
g = type(f)(co.replace(co_name="g"), globals())
print(g(1, 2), g.__name__, g.__code__.co_name)
h = type(f)(co.replace(co_varnames=('x', 'y', 'z')), globals())
print(h(2, 3), h.__code__.co_varnames)
print(f.__code__.co_consts)


def five():
    return 5


raw = bytearray(five.__code__.co_code)
for k in range(0, len(raw), 2):
    if raw[k + 1] == 5:
        raw[k + 1] = 7
seven = type(five)(five.__code__.replace(co_code=bytes(raw)), globals())
print(seven(), five())
print(five.__code__.replace(co_consts=five.__code__.co_consts) == five.__code__)
import types
def outer():
    x = 5
    def inner(a, b=2, *, k=3):
        "doc"
        return a + b + k + x
    return inner
inner = outer()
co = inner.__code__
F = types.FunctionType
def make():
    return 1
tests = [
    "F()", "F(1, {})", "F(make.__code__, 1)", "F(make.__code__, {}, 5)", "F(make.__code__, {}, None, 3)",
    "F(make.__code__, {}, None, None, 3)", "F(co, {})", "F(co, {}, None, None, ())", "F(co, {}, None, None, (1,))",
    "F(make.__code__, {}, None, None, None, 5)", "F(make.__code__, {}, None, None, (1,))",
    "F(make.__code__, globals())()", "F(make.__code__, {}, 'nm').__name__", "F(make.__code__, {}, 'nm').__qualname__",
    "F(co, {}, None, (10,), inner.__closure__, {'k': 1})(1)", "F(co, {'__name__': 'modx'}, None, None, inner.__closure__).__module__",
    "F(co, {}, None, None, inner.__closure__).__doc__", "F(co, {}, None, None, inner.__closure__).__defaults__",
    "F(code=make.__code__, globals={}, name='q').__name__", "F(make.__code__, globals={}, argdefs=(1,)).__defaults__",
    "F(make.__code__, {}, kwdefaults={'a': 1}).__kwdefaults__", "F(make.__code__, {}).__builtins__ is __builtins__.__dict__",
    "F(make.__code__, {'__builtins__': {'len': 1}}).__builtins__", "type(F(make.__code__, {}).__globals__)",
]
run(tests)
