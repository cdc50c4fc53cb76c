# Calls of native callables from bytecode: builtin functions, methods loaded through
# descriptors, bound native methods stored in variables, builtin types, and the errors each
# raises; also calls interleaved with cycle collections (each call must run exactly once).
import gc
import sys

l = []
for i in range(5):
    l.append(i)
print(l, len(l), abs(-3), min(4, 2), max(4, 2, 9), isinstance(l, list))

app = l.append           # a bound native method: its receiver fills the NULL slot
for i in range(3):
    app(i * 10)
print(l)

d = {"a": 1}
get = d.get
print(get("a"), get("b"), get("b", 7), d.get("a"), d.get("zz", "dflt"))

# A method descriptor called through the type, with a right and a wrong receiver.
print(list.append(l, 99), l[-1])
try:
    list.append((1, 2), 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.upper(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list.append()
except TypeError as e:
    print(type(e).__name__, e)

# Builtin types called from bytecode.
print(int("42"), float("1.5"), str(7), tuple([1, 2]), list("ab"), bool(0), int(), dict(a=1))
try:
    int("x")
except ValueError as e:
    print(type(e).__name__, e)

# Argument errors of builtin functions.
for bad in (lambda: len(), lambda: len(1, 2), lambda: len(5), lambda: abs("s"),
            lambda: min(), lambda: isinstance(1)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)


# A native function calling back into Python code that raises: the traceback names both.
class Sized:
    def __len__(self):
        raise KeyError("inner")


def outer():
    return len(Sized())


try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("KeyError", e, names)


# The line a native callee sees for its caller.
def line_of_caller():
    return sys._getframe(1).f_lineno


def where():
    x = 1
    return line_of_caller() - x


print("line", where())

# Many calls while collections run: cycles make the collector fire at call sites.
gc.collect()
counter = []
push = counter.append
for i in range(20000):
    a = []
    a.append(a)         # a cycle per iteration keeps the collector busy
    push(i)
    counter.append(len(a))
print(len(counter), sum(counter))


class Node:
    def __init__(self):
        self.me = self


built = [Node() for _ in range(3000)]
total = 0
for n in built:
    total += isinstance(n, Node) + len([n])
print(total)
