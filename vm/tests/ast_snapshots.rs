//! insta snapshots of `ast.dump(..., indent=1)` for tricky constructs: nested f-strings and
//! t-strings, every pattern kind, PEP 695/696 generics, `except*`, async comprehensions,
//! soft keywords as names. The committed snapshots were checked against CPython 3.14's
//! `ast.dump(ast.parse(src), indent=1)` (`python3.14 tools/check_ast_snapshots.py` re-checks them), so a
//! change in rpy's output that insta reports is a divergence from CPython, not a new truth.

use vm::ast::dump::{DumpOptions, dump};
use vm::parse::{Mode, parse_bytes};

fn ast_dump(src: &str) -> String {
    let arena = arena::Arena::new();
    let parsed = parse_bytes(&arena, src.as_bytes(), Mode::Exec).expect("valid source");
    let opts = DumpOptions {
        indent: Some(1),
        include_attributes: false,
    };
    dump(&parsed.module, parsed.source, &parsed.lines, &opts).expect("dump")
}

macro_rules! snapshot_cases {
    ($($name:ident => $src:expr;)*) => {
        $(
            #[test]
            fn $name() {
                let src: &str = $src;
                insta::assert_snapshot!(stringify!($name), ast_dump(src), src);
            }
        )*
    };
}

snapshot_cases! {
    fstring_nested_quotes => "f\"{f'{x!r:>{width}}'}\" f'{a[\"k\"]=}' f'{{literal}} {y:{z}.{p}f}'\n";
    fstring_debug_with_spaces => "f'{ x = }' f'{x=!s:^10}' f'''{\n  a\n  + b\n}'''\n";
    tstring_interpolations => "t'{name!r:>10} and {value=}' t'plain' t'{a}'\nx = t'{b:{c}}'\n";
    implicit_concatenation => "x = ('a' 'b' f'{c}' 'd')\ny = b'x' b'y'\nz = 'u' r'\\n' u'w'\n";
    numbers => "a = 1_000_000 + 0x_FF + 0o17 + 0b1010 + 1_0.5e-3 + 3j + 0.5J + 1e1_0 + .5\n";
    match_every_pattern => "match p:\n    case 1 | 2.0 | -3 | 1+2j | 'a' 'b' | b'x' | None | True:\n        pass\n    case [a, *rest, b] | (c, d, *_):\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | Color.RED as c:\n        pass\n    case str() | [] | {} | ():\n        pass\n    case _ if guard:\n        pass\n";
    pep695_generics => "type Alias[T: int = bool, *Ts = *tuple[int], **P = [str]] = dict[T, P]\ndef f[T, U: (int, str)](x: T) -> U: ...\nclass C[T = int](Base[T], metaclass=M): ...\n";
    except_star => "try:\n    pass\nexcept* (ValueError, TypeError) as eg:\n    raise\nexcept* OSError:\n    pass\nelse:\n    pass\nfinally:\n    pass\n";
    async_forms => "async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [i async for i in g() if await i]\n";
    walrus_and_comprehensions => "if (n := len(a)) > 10: pass\n[y for x in data if (y := f(x))]\n{k: v for k, v in d.items()}\n{*a, *b}\n(x for x in range(3))\n";
    soft_keywords_as_names => "match = 1\ncase = match\ntype = case\n_ = type\nprint(match, case, type, _)\nmatch(x)\n";
    star_unpacking => "a, *b, (c, d) = f(*args, *more, **kw, key=1)\nfor *x, y in z: pass\nprint(*a, sep='')\n";
    decorators_and_lambdas => "@decorator\n@a.b(c)[0]\ndef g(a, /, b=1, *args, c, d=2, **kw): return lambda x, *y, z=3, **w: x\n";
    global_nonlocal_annotations => "x: int = 1\ny: 'str'\ndef f():\n    global x\n    def g():\n        nonlocal_target = 1\n        def h():\n            nonlocal nonlocal_target\n    z: list[int] = []\n";
    slices_and_subscripts => "a[1:2, ::3, ...]\nb[i, j] = c[::-1]\nd[*e]\ndel f[g:h]\n";
    with_parenthesized => "with (\n    open(a) as f,\n    open(b) as g,\n):\n    pass\n";
}
