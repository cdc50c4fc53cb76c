//! Symbol-table unit tests: resolutions checked against CPython 3.14's `symtable` module.

use super::*;
use crate::compile::Locator;
use crate::compile::future::parse_future;
use arena::Arena;

fn scopes_of(src: &str) -> Vec<(String, Vec<(String, SymScope)>)> {
    let arena = Arena::new();
    let parsed = crate::parse::parse_text(&arena, src, crate::parse::Mode::Exec).expect("parses");
    let loc = Locator::new(&parsed.lines, parsed.source);
    let module = arena.alloc(parsed.module);
    let ff = parse_future(module, &loc).expect("future");
    let table = build(&arena, module, &loc, ff).expect("symtable");
    table
        .scopes
        .iter()
        .map(|s| {
            let syms = s
                .symbols
                .iter()
                .map(|(k, v)| (k.to_string(), v.scope))
                .collect();
            (s.name.to_string(), syms)
        })
        .collect()
}

#[test]
fn closures_and_cells() {
    let s =
        scopes_of("def f(a):\n    b = 1\n    def g():\n        return a + b + c\n    return g\n");
    let f = &s.iter().find(|x| x.0 == "f").expect("f").1;
    assert!(f.contains(&("a".into(), SymScope::Cell)));
    assert!(f.contains(&("b".into(), SymScope::Cell)));
    let g = &s.iter().find(|x| x.0 == "g").expect("g").1;
    assert!(g.contains(&("a".into(), SymScope::Free)));
    assert!(g.contains(&("c".into(), SymScope::GlobalImplicit)));
}

fn scope<'s>(s: &'s [(String, Vec<(String, SymScope)>)], name: &str) -> &'s [(String, SymScope)] {
    &s.iter().find(|x| x.0 == name).expect("scope exists").1
}

#[test]
fn comprehensions_are_inlined_except_generator_expressions() {
    // CPython 3.14: `symtable` shows the list comprehension's `y` in `f` (inlined) and keeps
    // the generator expression as its own scope.
    let s = scopes_of("def f(xs):\n    a = [y for y in xs]\n    b = (z for z in xs)\n");
    let f = scope(&s, "f");
    assert!(f.contains(&("y".into(), SymScope::Local)));
    assert!(!f.iter().any(|(n, _)| n == "z"));
    assert!(scope(&s, "genexpr").contains(&("z".into(), SymScope::Local)));
}

#[test]
fn super_needs_the_class_cell_and_nonlocal_is_free() {
    let s = scopes_of(
        "class C:\n    def m(self):\n        return super().m()\n\
         def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n",
    );
    assert!(scope(&s, "m").contains(&("__class__".into(), SymScope::Free)));
    assert!(scope(&s, "outer").contains(&("n".into(), SymScope::Cell)));
    assert!(scope(&s, "inner").contains(&("n".into(), SymScope::Free)));
}

#[test]
fn global_after_use_is_an_error_with_cpython_location() {
    let arena = Arena::new();
    let src = "def f():\n    x = 1\n    global x\n";
    let parsed = crate::parse::parse_text(&arena, src, crate::parse::Mode::Exec).expect("parses");
    let loc = Locator::new(&parsed.lines, parsed.source);
    let module = arena.alloc(parsed.module);
    let ff = parse_future(module, &loc).expect("future");
    let err = build(&arena, module, &loc, ff).expect_err("rejected");
    assert_eq!(err.msg, "name 'x' is assigned to before global declaration");
    assert_eq!(
        (err.lineno, err.offset, err.end_lineno, err.end_offset),
        (3, 5, 3, 13)
    );
}
