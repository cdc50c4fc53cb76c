"""Hand-written sources for backend_fixtures.py: constructs that exercise the flow-graph
passes and the assembler (jumps, exception handlers, folding, locals, line numbers)."""

_MANY_LOCALS = "def many():\n" + "".join(f"    v{i} = {i}\n" for i in range(300)) + (
    "    return " + " + ".join(f"v{i}" for i in range(0, 300, 7)) + "\n")

_MANY_LOCALS_DEL = "def many_del(c):\n" + "".join(f"    w{i} = c\n" for i in range(80)) + (
    "    if c:\n        del w70\n    return w70 + w3 + w75\n")

_BIG_LOOP = "for i in range(10):\n" + "".join(f"    x{i % 7} = i * {i}\n" for i in range(400))

# Each line is 8 instructions but 62 code units (LOAD_ATTR has 9 cache units): the jump over
# the block needs two EXTENDED_ARGs.
_HUGE_JUMP = "if a:\n" + "    x.a.b.c.d.e.f\n" * 1100 + "z = 1\n"

_MANY_CONSTS = "x = [" + ", ".join(f"'s{i}'" for i in range(300)) + "]\n" + (
    "y = (" + ", ".join(str(i * 1000) for i in range(300)) + ")\n")

_MANY_NAMES = "".join(f"n{i} = m{i}\n" for i in range(300))

SNIPPETS = [
    ("empty", ""),
    ("pass", "pass\n"),
    ("docstring", '"""Module doc."""\nx = 1\n'),
    ("assign", "x = 1\ny = x + 2\nz = y * x\n"),
    ("if_else", "if a:\n    b()\nelif c:\n    d()\nelse:\n    e()\n"),
    ("while", "while a:\n    b()\n    if c:\n        break\n    if d:\n        continue\nelse:\n    e()\n"),
    ("for", "for i in range(10):\n    if i % 2:\n        continue\n    print(i)\nelse:\n    done()\n"),
    ("nested_for", "for i in a:\n    for j in b:\n        if i == j:\n            break\n    else:\n        f()\n"),
    ("try_except", "try:\n    f()\nexcept ValueError as e:\n    g(e)\nexcept (TypeError, KeyError):\n    h()\nelse:\n    i()\nfinally:\n    j()\n"),
    ("try_finally_return", "def f():\n    try:\n        return g()\n    finally:\n        h()\n"),
    ("try_star", "try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    h()\n"),
    ("with", "with open(f) as a, open(g) as b:\n    a.write(b.read())\n"),
    ("async_with", "async def f():\n    async with a as b:\n        await b\n    async for x in y:\n        print(x)\n"),
    ("match", "match p:\n    case 0 | 1:\n        a()\n    case [x, y, *rest]:\n        b(x, y, rest)\n    case {'k': v, **kw}:\n        c(v, kw)\n    case Point(x=0, y=yy) if yy > 2:\n        d(yy)\n    case str() as s:\n        e(s)\n    case _:\n        f()\n"),
    ("comprehensions", "a = [x * 2 for x in y if x]\nb = {x: y for x, y in z}\nc = {x for x in y}\nd = (x for x in y)\n"),
    ("nested_comprehension", "r = [[i * j for j in range(i)] for i in range(5)]\n"),
    ("lambda", "f = lambda x, y=2, *a, k, **kw: x + y\n"),
    ("class", "class C(B, metaclass=M):\n    '''doc'''\n    x = 1\n    def m(self):\n        return super().m() + __class__.x\n    @property\n    def p(self):\n        return self._p\n"),
    ("closure", "def outer(a):\n    b = 1\n    def inner(c):\n        nonlocal b\n        b += a + c\n        return b\n    return inner\n"),
    ("cell_arg", "def f(a, b, *args, c, **kw):\n    def g():\n        return a, c, kw\n    return g\n"),
    ("generator", "def gen(n):\n    for i in range(n):\n        x = yield i\n        if x:\n            yield from x\n    return n\n"),
    ("async_gen", "async def agen():\n    for i in range(3):\n        yield i\n        await sleep(i)\n"),
    ("coroutine", "async def co(a):\n    try:\n        return await a\n    except E:\n        return None\n"),
    ("global_nonlocal", "x = 0\ndef f():\n    global x\n    x += 1\n    del x\n"),
    ("delete", "def f(a):\n    b = a\n    del b\n    return b\n"),
    ("fold_tuple", "t = (1, 2, 3)\nu = ('a', (1, 2), None, True, 1.5)\nv = ()\n"),
    ("fold_list_set", "a = [1, 2, 3]\nb = {1, 2, 3}\nc = x in [1, 2]\nd = x in {1, 2}\nfor i in [a, b]: pass\nfor i in [1, 2]: pass\n"),
    ("fold_binop", "a = 1 + 2\nb = 2 ** 10\nc = 2 ** 200\nd = 'ab' * 3\ne = 'x' * 5000\nf = b'ab' + b'cd'\ng = (1, 2) + (3,)\nh = 7 // 2\ni = -7 // 2\nj = 7 % -3\nk = 1 / 3\nl = 1 << 100\nm = 1 << 200\nn = 255 >> 3\no = 5 & 3 | 8 ^ 2\np = 'abc'[1]\nq = (1, 2, 3)[-1]\nr = 'abc'[1:]\ns = 2.5 * 4\nt = 1 / 0\nu = 10 ** -2\nv = 'x' % 3\nw = True + True\n"),
    ("fold_unary", "a = -1\nb = -(-5)\nc = ~5\nd = not 0\ne = +3\nf = -0.0\ng = ~True\nh = -'x'\ni = not ()\nj = -2 ** 2\n"),
    ("fold_float", "a = 0.1 + 0.2\nb = 1e308 * 10\nc = -1e308 * 10\nd = 2.0 ** 0.5\ne = 7.5 // 2\nf = -7.5 % 2\ng = 1 / 3.0\nh = 10 ** 20 / 3\ni = (-8) ** (1/3)\nj = 3 * 1.1\nk = 5 - 0.5\n"),
    ("fold_complex", "a = 1j * 1j\nb = (1 + 2j) * (3 - 4j)\nc = 1 / 2j\nd = 2j ** 2\ne = -(1j)\nf = 1.5 + 2j\ng = abs\n"),
    ("fold_str_seq", "a = 'abc' + 'def'\nb = 3 * 'ab'\nc = ('a',) * 3\nd = b'x' * 3\ne = 'a' * -1\nf = (1,) * 300\ng = 'ab'[::-1]\nh = b'abc'[1]\ni = 'é' * 3\n"),
    ("fold_bigint", "a = 10 ** 30\nb = 2 ** 64 - 1\nc = -(2 ** 63)\nd = 12345678901234567890 * 98765432109876543210\ne = (1 << 64) // 3\nf = 1 << 129\ng = 7 ** 45\nh = 2 ** 127 * 2\n"),
    ("const_cond", "if 1:\n    a()\nif 0:\n    b()\nwhile True:\n    if x: break\nif None:\n    c()\nx = 1 if '' else 2\n"),
    ("is_none", "if a is None:\n    b()\nif a is not None:\n    c()\nx = a is None\nif not a is None:\n    d()\n"),
    ("bool_ops", "x = a and b or c\nif a and (b or c) and not d:\n    e()\ny = not not a\n"),
    ("compare_chain", "x = a < b < c\nif 1 < a <= 10 != b:\n    f()\n"),
    ("unpack", "a, b = b, a\na, b, c = c, b, a\n(a, b), c = d\na, *b, c = d\nx = y = z = 0\n"),
    ("swap_locals", "def f(a, b, c):\n    a, b = b, a\n    a, b, c = c, a, b\n    return a, b, c\n"),
    ("augassign", "x += 1\nx.a -= 2\nx[i] *= 3\nx[1:2] |= y\n"),
    ("subscripts", "a = b[1:2]\nc = d[1:2:3]\ne[1:2] = f\ndel g[::2]\nh = i[j, k]\n"),
    ("fstrings", "a = f'{x}'\nb = f'{x!r:>{w}} and {y=}'\nc = f'{x:{y}.{z}}'\n"),
    ("tstrings", "a = t'{x} {y!r:>10}'\n"),
    ("calls", "f(a, *b, c=d, **e)\ng(*a)\nh(**k)\no.m(1, 2)\nprint(*[1, 2], sep='')\n"),
    ("imports", "import a.b.c\nimport d as e\nfrom f import g, h as i\nfrom . import j\nfrom ..k import *\n"),
    ("assert", "assert x, 'msg'\nassert y\n"),
    ("raise", "def f():\n    raise ValueError('x') from None\n\ndef g():\n    try:\n        pass\n    except:\n        raise\n"),
    ("decorators", "@a\n@b.c(1)\ndef f(): pass\n@d\nclass E: pass\n"),
    ("annotations_fn", "def f(a: int, b: 'str' = 'x') -> list[int]:\n    return [a]\n"),
    ("pep695", "type Alias[T] = list[T]\ndef f[T: int, *Ts, **P](x: T) -> T:\n    return x\nclass C[T]:\n    pass\n"),
    ("global_star_loop", "for x in y:\n    try:\n        f(x)\n    except E:\n        continue\n    finally:\n        g()\n"),
    ("return_in_loop", "def f(a):\n    for x in a:\n        with x:\n            if x:\n                return x\n    return None\n"),
    ("while_true", "def f():\n    while True:\n        x = g()\n        if x:\n            return x\n"),
    ("many_locals", _MANY_LOCALS),
    ("many_locals_del", _MANY_LOCALS_DEL),
    ("big_loop", _BIG_LOOP),
    ("huge_jump", _HUGE_JUMP),
    ("many_consts", _MANY_CONSTS),
    ("many_names", _MANY_NAMES),
    ("multiline_expr", "x = (\n    a +\n    b(\n        c,\n        d)\n)\n"),
    ("long_line", "x = 1;" + " y = x + 1;" * 40 + "\n"),
    ("wide_columns", "x = " + " + ".join(f"v{i}" for i in range(60)) + "\n"),
    ("far_lines", "x = 1\n" + "\n" * 300 + "y = 2\n" + "\n" * 70000 + "z = 3\n"),
    ("store_fast_pairs", "def f(a, b):\n    c = a\n    d = b\n    e, f = a, b\n    return c + d + e + f\n"),
    ("load_fast_check", "def f(a):\n    if a:\n        x = 1\n    return x\n"),
    ("try_in_func", "def f():\n    try:\n        x = g()\n    except Exception as e:\n        return e\n    else:\n        return x\n"),
    ("with_in_func", "def f(p):\n    with open(p) as fh:\n        return fh.read()\n"),
    ("super_calls", "class A(B):\n    def f(self):\n        return super().f()\n    def g(self, x):\n        super().g(x)\n"),
    ("star_exprs", "a = [*b, *c]\nd = {**e, 'f': 1}\ng = {*h, 1}\ni = (*j,)\n"),
    ("kw_defaults", "def f(a, b=1, *, c=2, d):\n    return a\n"),
    ("while_else_break", "i = 0\nwhile i < 10:\n    i += 1\n    if i == 5:\n        break\nelse:\n    print('no')\n"),
    ("nested_try", "try:\n    try:\n        a()\n    finally:\n        b()\nexcept E:\n    try:\n        c()\n    except F:\n        d()\n"),
    ("conditional_expr_jumps", "x = a if b else c if d else e\n"),
    ("ternary_in_call", "f(a if b else c, d or e)\n"),
    ("genexp_in_call", "s = sum(x * x for x in range(10) if x % 3)\n"),
    ("dict_literal", "d = {'a': 1, 'b': 2, 'c': 3}\ne = {1: a, 2: b}\n"),
    ("set_literal_strs", "s = {'a', 'b', 'c'}\nt = x in {'x', 'y'}\n"),
    ("not_in", "if a not in b:\n    f()\nif not a in b:\n    g()\nif a is not b:\n    h()\n"),
    ("return_none", "def f():\n    return\n\ndef g():\n    pass\n\ndef h():\n    return None\n"),
    ("lambda_closure", "def f(x):\n    return lambda y: x + y\n"),
    ("class_closure", "def f(x):\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n"),
    ("inlined_comp_cells", "def f(a):\n    return [lambda: i for i in a]\n"),
    ("comp_in_class", "class C:\n    a = [1, 2]\n    b = [x for x in a]\n"),
    ("listcomp_module_cell", "[lambda: q for q in r]\n"),
    ("async_comp", "async def f(a):\n    return [x async for x in a]\n"),
    ("await_in_loop", "async def f(xs):\n    for x in xs:\n        await x\n    async with a:\n        pass\n"),
    ("yield_in_try", "def g():\n    try:\n        yield 1\n    finally:\n        yield 2\n"),
    ("deep_nesting", "if a:\n    if b:\n        if c:\n            if d:\n                if e:\n                    f()\n"),
    ("break_in_finally_loop", "for x in y:\n    try:\n        pass\n    finally:\n        pass\n"),
    ("exit_blocks", "def f(a):\n    if a:\n        return 1\n    elif a is None:\n        return 2\n    return 3\n"),
    ("swap_store", "def f():\n    a, b = g()\n    b, a = a, b\n    x, x = 1, 2\n    return a, b\n"),
    ("copy_pop", "a = b = c\nx[0] = y = z\n"),
    ("print_loop_borrow", "def f(xs):\n    t = 0\n    for x in xs:\n        t = t + x * x\n    return t\n"),
    ("slices_fold", "a = 'hello'[1:3]\nb = (1, 2, 3)[::2]\nc = b'xyz'[:-1]\n"),
    ("unicode_columns", "é = 'ü' + x\nx = 'ß' * 2 + y\n"),
]

_BIG = ", ".join(f"'c{i}'" for i in range(35))
_BIG_MIXED = ", ".join(["a"] + [f"'c{i}'" for i in range(34)])
SNIPPETS += [
    ("big_list_iter", f"for x in [{_BIG}]:\n    f(x)\n"),
    ("big_set_iter", f"for x in {{{_BIG}}}:\n    f(x)\n"),
    ("big_tuple_iter", f"for x in ({_BIG}):\n    f(x)\n"),
    ("big_list_in", f"y = x in [{_BIG}]\nz = x not in {{{_BIG}}}\n"),
    ("big_tuple_value", f"t = ({_BIG})\nl = [{_BIG}]\ns = {{{_BIG}}}\n"),
    ("big_mixed_iter", f"for x in [{_BIG_MIXED}]:\n    f(x)\nfor x in ({_BIG_MIXED}):\n    f(x)\n"),
    ("big_mixed_in", f"y = x in [{_BIG_MIXED}]\nz = x in {{{_BIG_MIXED}}}\n"),
]

# Every binary operator over a pool of constants, and every unary one: what CPython folds,
# what it refuses to fold, and the exact results, all land in the module's co_consts.
_POOL = [
    "0", "1", "-1", "7", "256", "18446744073709551616", "-0.0", "1.5", "1e308", "1e400",
    "(1-2j)", "True", "None", "''", "'ab'", "b'xy'", "(1, 'a')", "'\u00e9\u20ac'",
]
_OPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
_FOLD_LINES = [f"x = ({a}) {op} ({b})\n" for op in _OPS for a in _POOL for b in _POOL]
_FOLD_LINES += [f"x = {op}({a})\n" for op in ["-", "+", "~", "not "] for a in _POOL]
_FOLD_LINES += [f"x = ({a})[{i}]\n" for a in _POOL for i in
                ["0", "-1", "1", "5", "True", "1:", "::-1", "-5:2", "1:2:0", "None:None:2", "'a'"]]
for _n in range(0, len(_FOLD_LINES), 400):
    SNIPPETS.append((f"fold_matrix_{_n // 400}", "".join(_FOLD_LINES[_n:_n + 400])))
