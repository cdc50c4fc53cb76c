//! `ast.dump` on hand-built trees, against text CPython 3.14 printed for the same source.

use super::*;
use arena::Arena;

/// Builds trees for one source text; spans are found by searching the text.
struct B<'a> {
    arena: &'a Arena,
    src: &'a str,
}

impl<'a> B<'a> {
    fn new(arena: &'a Arena, src: &'a str) -> Self {
        B { arena, src }
    }

    /// The span of the `nth` (0-based) occurrence of `needle`.
    fn at(&self, needle: &str, nth: usize) -> Span {
        let start = self
            .src
            .match_indices(needle)
            .nth(nth)
            .expect("needle not in source")
            .0;
        Span::new(start as u32, (start + needle.len()) as u32)
    }

    fn e(&self, kind: ExprKind<'a>, span: Span) -> &'a Expr<'a> {
        self.arena.alloc(Expr { kind, span })
    }

    fn name(&self, id: &'a str, ctx: ExprContext, span: Span) -> Expr<'a> {
        Expr {
            kind: ExprKind::Name { id, ctx },
            span,
        }
    }

    fn int(&self, n: i64, span: Span) -> Expr<'a> {
        Expr {
            kind: ExprKind::Constant {
                value: Constant::Int(n),
                kind_u: false,
            },
            span,
        }
    }

    fn konst(&self, value: Constant<'a>) -> Expr<'a> {
        Expr {
            kind: ExprKind::Constant {
                value,
                kind_u: false,
            },
            span: Span::default(),
        }
    }

    fn exprs(&self, v: &[Expr<'a>]) -> &'a [Expr<'a>] {
        self.arena.alloc_slice_copy(v)
    }

    fn stmts(&self, v: &[Stmt<'a>]) -> &'a [Stmt<'a>] {
        self.arena.alloc_slice_copy(v)
    }

    fn stmt(&self, kind: StmtKind<'a>, span: Span) -> Stmt<'a> {
        Stmt { kind, span }
    }

    fn expr_stmt(&self, value: Expr<'a>) -> Stmt<'a> {
        let span = value.span;
        self.stmt(
            StmtKind::Expr {
                value: self.arena.alloc(value),
            },
            span,
        )
    }

    fn pass(&self) -> Stmt<'a> {
        self.stmt(StmtKind::Pass, Span::default())
    }

    fn module(&self, body: &[Stmt<'a>]) -> &'a Mod<'a> {
        self.arena.alloc(Mod::Module {
            body: self.stmts(body),
        })
    }

    fn arg(&self, name: &'a str) -> Arg<'a> {
        Arg {
            arg: name,
            annotation: None,
            span: Span::default(),
        }
    }

    fn dump(&self, m: &Mod<'_>, indent: Option<usize>, include_attributes: bool) -> String {
        let lines = LineIndex::new(self.src);
        dump(
            m,
            self.src,
            &lines,
            &DumpOptions {
                indent,
                include_attributes,
            },
        )
        .expect("dump failed")
    }
}

const D: Span = Span { start: 0, end: 0 };

/// `x = 1`
fn assign_x_1<'a>(b: &B<'a>) -> &'a Mod<'a> {
    let target = b.name("x", ExprContext::Store, b.at("x", 0));
    let value = b.e(
        ExprKind::Constant {
            value: Constant::Int(1),
            kind_u: false,
        },
        b.at("1", 0),
    );
    let stmt = b.stmt(
        StmtKind::Assign {
            targets: b.exprs(&[target]),
            value,
        },
        Span::new(0, 5),
    );
    b.module(&[stmt])
}

#[test]
fn assignment_in_every_layout() {
    let arena = Arena::new();
    let b = B::new(&arena, "x = 1");
    let m = assign_x_1(&b);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
    );
    assert_eq!(
        b.dump(m, Some(2), false),
        "Module(\n  body=[\n    Assign(\n      targets=[\n        Name(id='x', ctx=Store())],\n      \
         value=Constant(value=1))])"
    );
    assert_eq!(
        b.dump(m, Some(0), false),
        "Module(\nbody=[\nAssign(\ntargets=[\nName(id='x', ctx=Store())],\nvalue=Constant(value=1))])"
    );
    assert_eq!(
        b.dump(m, None, true),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, \
         end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, \
         end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])"
    );
    assert_eq!(
        b.dump(m, Some(1), true),
        "Module(\n body=[\n  Assign(\n   targets=[\n    Name(\n     id='x',\n     ctx=Store(),\n     \
         lineno=1,\n     col_offset=0,\n     end_lineno=1,\n     end_col_offset=1)],\n   \
         value=Constant(\n    value=1,\n    lineno=1,\n    col_offset=4,\n    end_lineno=1,\n    \
         end_col_offset=5),\n   lineno=1,\n   col_offset=0,\n   end_lineno=1,\n   end_col_offset=5)])"
    );
}

/// `def f(a, /, b=2, *args, c, d=4, **kw) -> int:\n    pass`
#[test]
fn function_arguments_and_kw_defaults() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    let args = arena.alloc(Arguments {
        posonlyargs: arena.alloc_slice_copy(&[b.arg("a")]),
        args: arena.alloc_slice_copy(&[b.arg("b")]),
        vararg: Some(arena.alloc(b.arg("args"))),
        kwonlyargs: arena.alloc_slice_copy(&[b.arg("c"), b.arg("d")]),
        kw_defaults: arena.alloc_slice_copy(&[None, Some(b.e(b.int(4, D).kind, D))]),
        kwarg: Some(arena.alloc(b.arg("kw"))),
        defaults: b.exprs(&[b.int(2, D)]),
    });
    let f = arena.alloc(FunctionDef {
        is_async: false,
        name: "f",
        args,
        body: b.stmts(&[b.pass()]),
        decorator_list: &[],
        returns: Some(b.e(b.name("int", ExprContext::Load, D).kind, D)),
        type_params: &[],
    });
    let m = b.module(&[b.stmt(StmtKind::FunctionDef(f), D)]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], \
         args=[arg(arg='b')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], \
         kw_defaults=[None, Constant(value=4)], kwarg=arg(arg='kw'), \
         defaults=[Constant(value=2)]), body=[Pass()], returns=Name(id='int', ctx=Load()))])"
    );
    assert_eq!(
        b.dump(m, Some(3), false),
        "Module(
   body=[
      FunctionDef(
         name='f',
         args=arguments(
            posonlyargs=[
               arg(arg='a')],
            args=[
               arg(arg='b')],
            vararg=arg(arg='args'),
            kwonlyargs=[
               arg(arg='c'),
               arg(arg='d')],
            kw_defaults=[
               None,
               Constant(value=4)],
            kwarg=arg(arg='kw'),
            defaults=[
               Constant(value=2)]),
         body=[
            Pass()],
         returns=Name(id='int', ctx=Load()))])"
    );
}

#[test]
fn dict_with_unpacking_and_empty_containers() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    let keys = arena.alloc_slice_copy(&[Some(b.int(1, D)), None]);
    let values = b.exprs(&[b.int(2, D), b.name("d", ExprContext::Load, D)]);
    let m = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::Dict { keys, values },
        span: D,
    })]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Expr(value=Dict(keys=[Constant(value=1), None], values=[Constant(value=2), \
         Name(id='d', ctx=Load())]))])"
    );
    assert_eq!(
        b.dump(m, Some(2), false),
        "Module(\n  body=[\n    Expr(\n      value=Dict(\n        keys=[\n          Constant(value=1),\n          \
         None],\n        values=[\n          Constant(value=2),\n          Name(id='d', ctx=Load())]))])"
    );
    // `{}` is Dict() with no arguments, which counts as simple: Expr stays on one line.
    let empty = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::Dict {
            keys: &[],
            values: &[],
        },
        span: D,
    })]);
    assert_eq!(
        b.dump(empty, Some(2), false),
        "Module(\n  body=[\n    Expr(value=Dict())])"
    );
    // `[]` still prints ctx, so List(...) is not simple.
    let list = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::List {
            elts: &[],
            ctx: ExprContext::Load,
        },
        span: D,
    })]);
    assert_eq!(
        b.dump(list, Some(4), false),
        "Module(\n    body=[\n        Expr(\n            value=List(ctx=Load()))])"
    );
    let lambda = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::Lambda {
            args: &Arguments::EMPTY,
            body: b.e(
                ExprKind::Constant {
                    value: Constant::Int(0),
                    kind_u: false,
                },
                D,
            ),
        },
        span: D,
    })]);
    assert_eq!(
        b.dump(lambda, Some(2), false),
        "Module(\n  body=[\n    Expr(\n      value=Lambda(\n        args=arguments(),\n        \
         body=Constant(value=0)))])"
    );
}

#[test]
fn constants_of_every_kind() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    // 10**30 as base-2^32 digits.
    let big = num_bigint::BigUint::from(10u32).pow(30).to_u32_digits();
    let elts = b.exprs(&[
        b.konst(Constant::None),
        b.konst(Constant::Bool(true)),
        b.konst(Constant::Ellipsis),
        b.konst(Constant::Float(1.5)),
        b.konst(Constant::Complex {
            real: 0.0,
            imag: 2.0,
        }),
        b.konst(Constant::Bytes(b"x")),
        b.konst(Constant::Str(Wtf8::from_str("it's"))),
        Expr {
            kind: ExprKind::Constant {
                value: Constant::Str(Wtf8::from_str("u")),
                kind_u: true,
            },
            span: D,
        },
        b.konst(Constant::BigInt {
            negative: false,
            digits: arena.alloc_slice_copy(&big),
        }),
    ]);
    let m = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
        span: D,
    })]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Expr(value=Tuple(elts=[Constant(value=None), Constant(value=True), \
         Constant(value=Ellipsis), Constant(value=1.5), Constant(value=2j), Constant(value=b'x'), \
         Constant(value=\"it's\"), Constant(value='u', kind='u'), \
         Constant(value=1000000000000000000000000000000)], ctx=Load()))])"
    );
}

#[test]
fn statements_with_optional_and_name_fields() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    // from . import a as b
    let names = arena.alloc_slice_copy(&[Alias {
        name: "a",
        asname: Some("b"),
        span: D,
    }]);
    let m = b.module(&[b.stmt(
        StmtKind::ImportFrom {
            module: None,
            names,
            level: 1,
        },
        D,
    )]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[ImportFrom(names=[alias(name='a', asname='b')], level=1)])"
    );
    // global x, y
    let names: &[&str] = arena.alloc_slice_copy(&["x", "y"]);
    let m = b.module(&[b.stmt(StmtKind::Global { names }, D)]);
    assert_eq!(
        b.dump(m, Some(1), false),
        "Module(\n body=[\n  Global(\n   names=[\n    'x',\n    'y'])])"
    );
    // class C(B, metaclass=M): pass
    let keywords = arena.alloc_slice_copy(&[Keyword {
        arg: Some("metaclass"),
        value: b.e(b.name("M", ExprContext::Load, D).kind, D),
        span: D,
    }]);
    let c = arena.alloc(ClassDef {
        name: "C",
        bases: b.exprs(&[b.name("B", ExprContext::Load, D)]),
        keywords,
        body: b.stmts(&[b.pass()]),
        decorator_list: &[],
        type_params: &[],
    });
    let m = b.module(&[b.stmt(StmtKind::ClassDef(c), D)]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], \
         keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Pass()])])"
    );
}

#[test]
fn columns_are_utf8_bytes() {
    let arena = Arena::new();
    let src = "\u{e9} = \"\u{fc}\"";
    let b = B::new(&arena, src);
    let target = b.name("\u{e9}", ExprContext::Store, b.at("\u{e9}", 0));
    let value = b.e(
        ExprKind::Constant {
            value: Constant::Str(Wtf8::from_str("\u{fc}")),
            kind_u: false,
        },
        b.at("\"\u{fc}\"", 0),
    );
    let stmt = b.stmt(
        StmtKind::Assign {
            targets: b.exprs(&[target]),
            value,
        },
        Span::new(0, src.len() as u32),
    );
    let m = b.module(&[stmt]);
    assert_eq!(
        b.dump(m, None, true),
        "Module(body=[Assign(targets=[Name(id='\u{e9}', ctx=Store(), lineno=1, col_offset=0, \
         end_lineno=1, end_col_offset=2)], value=Constant(value='\u{fc}', lineno=1, col_offset=5, \
         end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)])"
    );
    // A node whose only arguments are attributes is not simple.
    let arena = Arena::new();
    let b = B::new(&arena, "pass");
    let m = b.module(&[b.stmt(StmtKind::Pass, Span::new(0, 4))]);
    assert_eq!(
        b.dump(m, Some(2), true),
        "Module(\n  body=[\n    Pass(\n      lineno=1,\n      col_offset=0,\n      end_lineno=1,\n      \
         end_col_offset=4)])"
    );
}

#[test]
fn match_singleton_none_and_wildcard() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    let none = arena.alloc(Pattern {
        kind: PatternKind::MatchSingleton {
            value: Constant::None,
        },
        span: D,
    });
    let wild = arena.alloc(Pattern {
        kind: PatternKind::MatchAs {
            pattern: None,
            name: None,
        },
        span: D,
    });
    let cases = arena.alloc_slice_copy(&[
        MatchCase {
            pattern: none,
            guard: None,
            body: b.stmts(&[b.pass()]),
        },
        MatchCase {
            pattern: wild,
            guard: None,
            body: b.stmts(&[b.pass()]),
        },
    ]);
    let subject = b.e(b.name("x", ExprContext::Load, D).kind, D);
    let m = b.module(&[b.stmt(StmtKind::Match { subject, cases }, D)]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(\
         pattern=MatchSingleton(value=None), body=[Pass()]), match_case(pattern=MatchAs(), \
         body=[Pass()])])])"
    );
}

#[test]
fn fstrings_and_tstrings() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    // f"{x!r:>{w}}"
    let inner = b.exprs(&[
        b.konst(Constant::Str(Wtf8::from_str(">"))),
        Expr {
            kind: ExprKind::FormattedValue {
                value: b.e(b.name("w", ExprContext::Load, D).kind, D),
                conversion: Conversion::None,
                format_spec: None,
            },
            span: D,
        },
    ]);
    let spec = b.e(ExprKind::JoinedStr { values: inner }, D);
    let fv = Expr {
        kind: ExprKind::FormattedValue {
            value: b.e(b.name("x", ExprContext::Load, D).kind, D),
            conversion: Conversion::Repr,
            format_spec: Some(spec),
        },
        span: D,
    };
    let m = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::JoinedStr {
            values: b.exprs(&[fv]),
        },
        span: D,
    })]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), \
         conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), \
         FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)]))]))])"
    );
    // t"{x!a}"
    let interp = Expr {
        kind: ExprKind::Interpolation {
            value: b.e(b.name("x", ExprContext::Load, D).kind, D),
            str: Wtf8::from_str("x"),
            conversion: Conversion::Ascii,
            format_spec: None,
        },
        span: D,
    };
    let m = b.module(&[b.expr_stmt(Expr {
        kind: ExprKind::TemplateStr {
            values: b.exprs(&[interp]),
        },
        span: D,
    })]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Expr(value=TemplateStr(values=[Interpolation(value=Name(id='x', ctx=Load()), \
         str='x', conversion=97)]))])"
    );
}

#[test]
fn async_and_star_variants_print_their_own_names() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    let await_c = b.expr_stmt(Expr {
        kind: ExprKind::Await {
            value: b.e(b.name("c", ExprContext::Load, D).kind, D),
        },
        span: D,
    });
    let afor = arena.alloc(For {
        is_async: true,
        target: b.e(b.name("a", ExprContext::Store, D).kind, D),
        iter: b.e(b.name("b", ExprContext::Load, D).kind, D),
        body: b.stmts(&[await_c]),
        orelse: &[],
    });
    let f = arena.alloc(FunctionDef {
        is_async: true,
        name: "f",
        args: &Arguments::EMPTY,
        body: b.stmts(&[b.stmt(StmtKind::For(afor), D)]),
        decorator_list: &[],
        returns: None,
        type_params: &[],
    });
    let m = b.module(&[b.stmt(StmtKind::FunctionDef(f), D)]);
    assert_eq!(
        b.dump(m, Some(1), false),
        "Module(
 body=[
  AsyncFunctionDef(
   name='f',
   args=arguments(),
   body=[
    AsyncFor(
     target=Name(id='a', ctx=Store()),
     iter=Name(id='b', ctx=Load()),
     body=[
      Expr(
       value=Await(
        value=Name(id='c', ctx=Load())))])])])"
    );
    let handlers = arena.alloc_slice_copy(&[ExceptHandler {
        type_: Some(b.e(b.name("E", ExprContext::Load, D).kind, D)),
        name: Some("e"),
        body: b.stmts(&[b.pass()]),
        span: D,
    }]);
    let t = arena.alloc(Try {
        is_star: true,
        body: b.stmts(&[b.pass()]),
        handlers,
        orelse: &[],
        finalbody: &[],
    });
    let m = b.module(&[b.stmt(StmtKind::Try(t), D)]);
    assert_eq!(
        b.dump(m, Some(2), false),
        "Module(
  body=[
    TryStar(
      body=[
        Pass()],
      handlers=[
        ExceptHandler(
          type=Name(id='E', ctx=Load()),
          name='e',
          body=[
            Pass()])])])"
    );
}

#[test]
fn type_params_compare_and_slices() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    let load = |id| b.name(id, ExprContext::Load, D);
    let tps = arena.alloc_slice_copy(&[
        TypeParam {
            kind: TypeParamKind::TypeVar {
                name: "T",
                bound: Some(b.e(load("int").kind, D)),
                default_value: Some(b.e(load("str").kind, D)),
            },
            span: D,
        },
        TypeParam {
            kind: TypeParamKind::TypeVarTuple {
                name: "Ts",
                default_value: None,
            },
            span: D,
        },
        TypeParam {
            kind: TypeParamKind::ParamSpec {
                name: "P",
                default_value: None,
            },
            span: D,
        },
    ]);
    let value = b.e(
        ExprKind::Subscript {
            value: b.e(load("list").kind, D),
            slice: b.e(load("T").kind, D),
            ctx: ExprContext::Load,
        },
        D,
    );
    let name = b.e(b.name("A", ExprContext::Store, D).kind, D);
    let m = b.module(&[b.stmt(
        StmtKind::TypeAlias {
            name,
            type_params: tps,
            value,
        },
        D,
    )]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[TypeAlias(name=Name(id='A', ctx=Store()), type_params=[TypeVar(name='T', \
         bound=Name(id='int', ctx=Load()), default_value=Name(id='str', ctx=Load())), \
         TypeVarTuple(name='Ts'), ParamSpec(name='P')], value=Subscript(value=Name(id='list', \
         ctx=Load()), slice=Name(id='T', ctx=Load()), ctx=Load()))])"
    );
    // a < b in c
    let cmp = Expr {
        kind: ExprKind::Compare {
            left: b.e(load("a").kind, D),
            ops: arena.alloc_slice_copy(&[CmpOp::Lt, CmpOp::In]),
            comparators: b.exprs(&[load("b"), load("c")]),
        },
        span: D,
    };
    let m = b.module(&[b.expr_stmt(cmp)]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), In()], \
         comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])"
    );
    // x[1:2, ::3]
    let int = |n| Some(b.e(b.int(n, D).kind, D));
    let s1 = Expr {
        kind: ExprKind::Slice {
            lower: int(1),
            upper: int(2),
            step: None,
        },
        span: D,
    };
    let s2 = Expr {
        kind: ExprKind::Slice {
            lower: None,
            upper: None,
            step: int(3),
        },
        span: D,
    };
    let sub = Expr {
        kind: ExprKind::Subscript {
            value: b.e(load("x").kind, D),
            slice: b.e(
                ExprKind::Tuple {
                    elts: b.exprs(&[s1, s2]),
                    ctx: ExprContext::Load,
                },
                D,
            ),
            ctx: ExprContext::Load,
        },
        span: D,
    };
    let m = b.module(&[b.expr_stmt(sub)]);
    assert_eq!(
        b.dump(m, None, false),
        "Module(body=[Expr(value=Subscript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[\
         Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], \
         ctx=Load()), ctx=Load()))])"
    );
}

/// `'-' * n + '1'`: a chain of n `UnaryOp(USub)` around `Constant(1)`.
fn negations<'a>(b: &B<'a>, n: usize, tail: Option<Expr<'a>>) -> &'a Mod<'a> {
    let mut e = tail.unwrap_or_else(|| b.int(1, D));
    for _ in 0..n {
        e = Expr {
            kind: ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: b.arena.alloc(e),
            },
            span: D,
        };
    }
    b.module(&[b.expr_stmt(e)])
}

fn dump_err(m: &Mod<'_>, include_attributes: bool) -> Option<SyntaxError> {
    let lines = LineIndex::new("");
    dump(
        m,
        "",
        &lines,
        &DumpOptions {
            indent: None,
            include_attributes,
        },
    )
    .err()
}

#[test]
fn recursion_limit_matches_cpython() {
    // CPython 3.14: '-' * 992 + '1' dumps, '-' * 993 + '1' raises RecursionError.
    let arena = Arena::new();
    let b = B::new(&arena, "");
    for attrs in [false, true] {
        assert!(dump_err(negations(&b, 992, None), attrs).is_none());
        let err = dump_err(negations(&b, 993, None), attrs).expect("should be too deep");
        assert_eq!(err.kind, ErrorKind::RecursionError);
        assert_eq!(err.msg, "maximum recursion depth exceeded");
    }
    // Far beyond the limit the checker still answers without touching the Rust stack.
    let err = dump_err(negations(&b, 200_000, None), false).expect("should be too deep");
    assert_eq!(err.kind, ErrorKind::RecursionError);
    let text = b.dump(negations(&b, 992, None), Some(1), false);
    assert_eq!(text.matches("UnaryOp(").count(), 992);
}

#[test]
fn huge_ints_fail_like_repr_and_the_first_error_wins() {
    let arena = Arena::new();
    let b = B::new(&arena, "");
    // 16**3571 - 1 has 4300 decimal digits and prints; 16**3572 - 1 has 4302 and fails.
    let hex = |n: usize| num_bigint::BigUint::parse_bytes("f".repeat(n).as_bytes(), 16).unwrap();
    let big = |n| {
        b.konst(Constant::BigInt {
            negative: false,
            digits: arena.alloc_slice_copy(&hex(n).to_u32_digits()),
        })
    };
    let ok = b.module(&[b.expr_stmt(big(3571))]);
    assert_eq!(
        b.dump(ok, None, false).len(),
        "Module(body=[Expr(value=Constant(value=))])".len() + 4300
    );
    let err = dump_err(b.module(&[b.expr_stmt(big(3572))]), false).expect("too many digits");
    assert_eq!(err.kind, ErrorKind::ValueError);
    assert_eq!(
        err.msg,
        "Exceeds the limit (4300 digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit"
    );
    // (0x..., -...-1): the int is formatted before the deep chain is reached, and vice versa.
    let deep_expr = match negations(&b, 1000, None) {
        Mod::Module { body } => match body[0].kind {
            StmtKind::Expr { value } => *value,
            _ => unreachable!(),
        },
        _ => unreachable!(),
    };
    let tuple = |elts: &[Expr<'_>]| -> Option<SyntaxError> {
        let elts = arena.alloc_slice_copy(elts);
        let m = b.module(&[b.expr_stmt(Expr {
            kind: ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span: D,
        })]);
        dump_err(m, false)
    };
    assert_eq!(
        tuple(&[big(3573), deep_expr]).unwrap().kind,
        ErrorKind::ValueError
    );
    assert_eq!(
        tuple(&[deep_expr, big(3573)]).unwrap().kind,
        ErrorKind::RecursionError
    );
}
