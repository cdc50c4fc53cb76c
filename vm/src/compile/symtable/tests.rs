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
