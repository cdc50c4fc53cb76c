//! Pass 2 of the symbol table: resolve every name of every scope (CPython's
//! `symtable_analyze` and its helpers).
//!
//! Each block receives the names bound by enclosing function scopes (`bound`), the names
//! declared global above it (`global`) and the type parameters in view; it decides the
//! scope of each of its names, analyzes its children with the updated sets, collects the
//! names they need from outside (`free`), turns its own locals that children need into
//! cells, and inlines list/set/dict comprehensions into itself (PEP 709).

use crate::compile::hash::FxBuild;
use indexmap::IndexSet;

use super::flags::*;
use super::{BlockKind, CompKind, ScopeId, SymScope, Symbol, SymbolTable};
use crate::compile::Locator;
use crate::parse::SyntaxError;

type NameSet<'a> = IndexSet<&'a str, FxBuild>;

/// The scope decided for each of a block's symbols, by the symbol's index in its table (CPython
/// keeps a name-keyed dict; the names are exactly the symbols', in the same order, because
/// every symbol gets one decision and an inlined comprehension's new symbols are appended to
/// both).
type Scopes = Vec<SymScope>;

struct Analyzer<'a, 't, 'l, 's> {
    table: &'t mut SymbolTable<'a>,
    loc: &'l Locator<'s>,
}

/// Resolves the names of every scope in `table`.
pub(super) fn analyze(table: &mut SymbolTable<'_>, loc: &Locator<'_>) -> Result<(), SyntaxError> {
    let top = table.top;
    let mut an = Analyzer { table, loc };
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    let mut type_params = NameSet::default();
    an.block(top, None, &mut free, &mut global, &mut type_params, None)
}

/// The sets a block hands to its children.
struct Inherited<'a> {
    bound: NameSet<'a>,
    global: NameSet<'a>,
}

impl<'a> Analyzer<'a, '_, '_, '_> {
    fn block(
        &mut self,
        id: ScopeId,
        bound: Option<&mut NameSet<'a>>,
        free: &mut NameSet<'a>,
        global: &mut NameSet<'a>,
        type_params: &mut NameSet<'a>,
        class_entry: Option<ScopeId>,
    ) -> Result<(), SyntaxError> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            self.block_inner(id, bound, free, global, type_params, class_entry)
        })
    }

    fn block_inner(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut NameSet<'a>>,
        free: &mut NameSet<'a>,
        global: &mut NameSet<'a>,
        type_params: &mut NameSet<'a>,
        class_entry: Option<ScopeId>,
    ) -> Result<(), SyntaxError> {
        let mut local = NameSet::default();
        let mut newfree = NameSet::default();
        let mut inlined_cells = NameSet::default();
        let is_class = self.table.scopes[id].kind == BlockKind::Class;
        let mut inherited = Inherited {
            bound: NameSet::default(),
            global: NameSet::default(),
        };
        // The sets handed down (and the locals that go into them) only matter to children;
        // most scopes have none.
        let has_children = !self.table.scopes[id].children.is_empty();
        let collect_locals = has_children && self.table.scopes[id].is_function_like();

        // Class bindings are invisible to nested functions: children see what the class saw.
        if is_class && has_children {
            inherited.global.extend(global.iter().copied());
            if let Some(b) = bound.as_deref() {
                inherited.bound.extend(b.iter().copied());
            }
        }

        let names: Vec<(&'a str, u16)> = self.table.scopes[id]
            .symbols
            .iter()
            .map(|(&k, s)| (k, s.flags))
            .collect();
        let mut scopes = Scopes::with_capacity(names.len());
        for (name, flags) in names {
            self.name(
                id,
                &mut scopes,
                name,
                flags,
                bound.as_deref_mut(),
                collect_locals.then_some(&mut local),
                free,
                global,
                type_params,
                class_entry,
            )?;
        }

        if has_children && !is_class {
            if collect_locals {
                inherited.bound.extend(local.iter().copied());
            }
            if let Some(b) = bound.as_deref() {
                inherited.bound.extend(b.iter().copied());
            }
            inherited.global.extend(global.iter().copied());
        } else if has_children {
            inherited.bound.insert("__class__");
            inherited.bound.insert("__classdict__");
            inherited.bound.insert("__conditional_annotations__");
        }

        let children = self.table.scopes[id].children.clone();
        let sees_class = self.table.scopes[id].can_see_class_scope;
        for child in children {
            let entry = &self.table.scopes[child];
            let new_class_entry = if entry.can_see_class_scope {
                if is_class { Some(id) } else { class_entry }
            } else {
                None
            };
            // Every comprehension but a generator expression is inlined, except in an
            // annotation scope nested in a class.
            let inline = entry.comprehension != CompKind::None && !entry.generator && !sees_class;
            let mut child_bound = inherited.bound.clone();
            // CPython hands the child a copy of the free names collected so far and unions
            // the copy back; the child only adds to it and inlining only removes names the
            // child added, so starting empty gives the same union in the same order.
            let mut child_free = NameSet::default();
            let mut child_global = inherited.global.clone();
            let mut child_type_params = type_params.clone();
            self.block(
                child,
                Some(&mut child_bound),
                &mut child_free,
                &mut child_global,
                &mut child_type_params,
                new_class_entry,
            )?;
            if inline {
                self.inline_comprehension(
                    id,
                    child,
                    &mut scopes,
                    &mut child_free,
                    &mut inlined_cells,
                );
                self.table.scopes[child].comp_inlined = true;
            }
            newfree.extend(child_free);
        }

        // The children of inlined comprehensions become our children.
        let mut spliced = Vec::with_capacity(self.table.scopes[id].children.len());
        for &child in &self.table.scopes[id].children {
            if self.table.scopes[child].comp_inlined {
                spliced.extend(self.table.scopes[child].children.iter().copied());
            } else {
                spliced.push(child);
            }
        }
        self.table.scopes[id].children = spliced;

        if self.table.scopes[id].is_function_like() {
            analyze_cells(
                &self.table.scopes[id].symbols,
                &mut scopes,
                &mut newfree,
                &inlined_cells,
            );
        } else if is_class {
            self.drop_class_free(id, &mut newfree);
            // The class's `__annotate__` always reads the class dict through the
            // `__classdict__` cell, even when the class binds that name itself (which makes
            // it global, not free, in the annotation scope): CPython 3.14.10 gives such a
            // class the cell (gh-149805).
            if let Some(block) = self.table.scopes[id].annotation_block
                && self.table.scopes[block].can_see_class_scope
            {
                self.table.scopes[id].needs_classdict = true;
            }
        }
        let classflag = is_class || sees_class;
        self.update_symbols(
            id,
            &scopes,
            bound.as_deref(),
            &newfree,
            &inlined_cells,
            classflag,
        );
        free.extend(newfree);
        Ok(())
    }

    /// Decides the scope of one name (CPython's `analyze_name`).
    #[allow(clippy::too_many_arguments)]
    fn name(
        &self,
        id: ScopeId,
        scopes: &mut Scopes,
        name: &'a str,
        flags: u16,
        bound: Option<&mut NameSet<'a>>,
        local: Option<&mut NameSet<'a>>,
        free: &mut NameSet<'a>,
        global: &mut NameSet<'a>,
        type_params: &mut NameSet<'a>,
        class_entry: Option<ScopeId>,
    ) -> Result<(), SyntaxError> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.directive_error(
                    id,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                ));
            }
            scopes.push(SymScope::GlobalExplicit);
            global.insert(name);
            if let Some(b) = bound {
                b.shift_remove(name);
            }
            return Ok(());
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                let msg = "nonlocal declaration not allowed at module level".to_string();
                return Err(self.directive_error(id, name, msg));
            };
            if !b.contains(name) {
                return Err(self.directive_error(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            if type_params.contains(name) {
                let msg = format!("nonlocal binding not allowed for type parameter '{name}'");
                return Err(self.directive_error(id, name, msg));
            }
            scopes.push(SymScope::Free);
            free.insert(name);
            return Ok(());
        }
        if flags & DEF_BOUND != 0 {
            scopes.push(SymScope::Local);
            if let Some(local) = local {
                local.insert(name);
            }
            global.shift_remove(name);
            if flags & DEF_TYPE_PARAM != 0 {
                type_params.insert(name);
            } else {
                type_params.shift_remove(name);
            }
            return Ok(());
        }
        // In a scope that can see the class namespace, a name the class binds (or declares
        // global) resolves through the class dict and the globals only.
        if let Some(class) = class_entry {
            let class_flags = self.table.scopes[class].flags_of(name);
            if class_flags & DEF_GLOBAL != 0 {
                scopes.push(SymScope::GlobalExplicit);
                return Ok(());
            }
            if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
                scopes.push(SymScope::GlobalImplicit);
                return Ok(());
            }
        }
        if let Some(b) = bound
            && b.contains(name)
        {
            scopes.push(SymScope::Free);
            free.insert(name);
            return Ok(());
        }
        scopes.push(SymScope::GlobalImplicit);
        Ok(())
    }

    fn directive_error(&self, id: ScopeId, name: &str, msg: String) -> SyntaxError {
        let loc = self.table.scopes[id]
            .directives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, l)| self.loc.span(l))
            .unwrap_or(crate::compile::Location::NONE);
        self.loc.error(msg, loc)
    }

    /// Moves the symbols of inlined comprehension `comp` into `id` (CPython's
    /// `inline_comprehension`).
    fn inline_comprehension(
        &mut self,
        id: ScopeId,
        comp: ScopeId,
        scopes: &mut Scopes,
        comp_free: &mut NameSet<'a>,
        inlined_cells: &mut NameSet<'a>,
    ) {
        let is_class = self.table.scopes[id].kind == BlockKind::Class;
        let mut removed: Vec<&'a str> = Vec::new();
        let comp_syms: Vec<(&'a str, Symbol)> = self.table.scopes[comp]
            .symbols
            .iter()
            .map(|(&k, &s)| (k, s))
            .collect();
        for (name, sym) in comp_syms {
            if sym.flags & DEF_PARAM != 0 {
                continue; // `.0`
            }
            let mut scope = sym.scope;
            if scope == SymScope::Cell || sym.flags & DEF_COMP_CELL != 0 {
                inlined_cells.insert(name);
            }
            // The implicit class cells are never free through a class scope; the class
            // still provides the cell when a scope nested in the comprehension needs it
            // (CPython 3.14.10 gives `class C: [lambda: __class__ for _ in x]` a
            // `__class__` cell, and likewise for `__classdict__`).
            if scope == SymScope::Free && is_class && is_class_cell(name) {
                scope = SymScope::GlobalImplicit;
                if !self.is_free_in_any_child(comp, name) {
                    comp_free.shift_remove(name);
                }
                removed.push(name);
            }
            match self.table.scopes[id].symbols.get(name).map(|s| s.flags) {
                None => {
                    self.table.scopes[id].symbols.insert(
                        name,
                        Symbol {
                            flags: sym.flags,
                            scope: SymScope::None,
                        },
                    );
                    debug_assert_eq!(scopes.len() + 1, self.table.scopes[id].symbols.len());
                    scopes.push(scope);
                }
                Some(flags) => {
                    // A free name of the comprehension that is a local outside is just a
                    // local now, unless a scope nested in the comprehension needs it.
                    if flags & DEF_BOUND != 0 && !is_class && !self.is_free_in_any_child(comp, name)
                    {
                        comp_free.shift_remove(name);
                    }
                }
            }
        }
        for name in removed {
            self.table.scopes[comp].symbols.shift_remove(name);
        }
    }

    fn is_free_in_any_child(&self, id: ScopeId, name: &str) -> bool {
        self.table.scopes[id]
            .children
            .iter()
            .any(|&c| self.table.scopes[c].scope_of(name) == SymScope::Free)
    }

    fn drop_class_free(&mut self, id: ScopeId, free: &mut NameSet<'a>) {
        let ste = &mut self.table.scopes[id];
        if free.shift_remove("__class__") {
            ste.needs_class_closure = true;
        }
        if free.shift_remove("__classdict__") {
            ste.needs_classdict = true;
        }
        if free.shift_remove("__conditional_annotations__") {
            ste.has_conditional_annotations = true;
        }
    }

    /// Writes the decisions into the scope's symbols and adds the free names its children
    /// need that pass through it (CPython's `update_symbols`).
    fn update_symbols(
        &mut self,
        id: ScopeId,
        scopes: &Scopes,
        bound: Option<&NameSet<'a>>,
        free: &NameSet<'a>,
        inlined_cells: &NameSet<'a>,
        classflag: bool,
    ) {
        let symbols = &mut self.table.scopes[id].symbols;
        for (i, (name, sym)) in symbols.iter_mut().enumerate() {
            if inlined_cells.contains(name) {
                sym.flags |= DEF_COMP_CELL;
            }
            sym.scope = scopes.get(i).copied().unwrap_or_default();
        }
        for &name in free {
            if let Some(sym) = symbols.get_mut(name) {
                // A method's free variable that the class also binds.
                if classflag {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = bound
                && !b.contains(name)
            {
                continue; // a global
            }
            symbols.insert(
                name,
                Symbol {
                    flags: 0,
                    scope: SymScope::Free,
                },
            );
        }
    }
}

/// The names a class provides to nested scopes as cells.
fn is_class_cell(name: &str) -> bool {
    matches!(
        name,
        "__class__" | "__classdict__" | "__conditional_annotations__"
    )
}

/// Locals that children need become cells (CPython's `analyze_cells`).
fn analyze_cells<'a>(
    symbols: &super::Symbols<'a>,
    scopes: &mut Scopes,
    free: &mut NameSet<'a>,
    inlined_cells: &NameSet<'a>,
) {
    for (name, scope) in symbols.keys().zip(scopes.iter_mut()) {
        if *scope != SymScope::Local {
            continue;
        }
        if !free.contains(name) && !inlined_cells.contains(name) {
            continue;
        }
        *scope = SymScope::Cell;
        free.shift_remove(name);
    }
}
