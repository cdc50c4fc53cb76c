# co_lnotab (deprecated, derived from the line table) and co_branches(), and warnings
# raised by native code going through the warnings module's filters.
import warnings


def g(x):
    while x is None:
        x = 1
    if x is not None:
        pass

    async def a():
        async for i in x:
            pass

    for j in x:
        if not j:
            break
    return [k for k in x if k]


def show(c):
    print(c.co_name, list(c.co_branches()), c.co_lnotab)
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            show(k)


warnings.simplefilter("ignore")
show(g.__code__)
# Long jumps in bytes and lines split into several lnotab pairs; a branch with
# EXTENDED_ARG reports the branch instruction's own offset.
src = (
    "def h(x):\n    for i in x:\n"
    + "        x = x + 1\n" * 200
    + "    if x: pass\n"
    + "\n" * 300
    + "    return x\n"
)
ns = {}
exec(src, ns)
show(ns["h"].__code__)
print(list((lambda: 0).__code__.co_branches()))

warnings.simplefilter("error")
try:
    g.__code__.co_lnotab
except DeprecationWarning as e:
    print("error:", e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    g.__code__.co_lnotab
print(w[0].category.__name__, w[0].message, w[0].lineno)

import array

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    array.array("u")
print(w[0].category.__name__, w[0].message, w[0].lineno)
try:
    array.array("u")
except DeprecationWarning as e:
    print("error:", e)
