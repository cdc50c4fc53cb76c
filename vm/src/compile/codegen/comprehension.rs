//! Comprehensions: list, set and dict comprehensions are inlined into the enclosing code
//! (PEP 709), their variables isolated by saving the outer values on the stack; generator
//! expressions (and comprehensions in class annotation scopes) become nested functions
//! called with the outermost iterator.

use super::{ArgCounts, Compiler, FBlock, FBlockKind, Res, ScopeType};
use crate::ast::{Comprehension, Expr, ExprKind};
use crate::compile::symtable::{ScopeKey, SymScope, Symbol, flags};
use crate::compile::{Const, Location};
use crate::instr::Opcode;

/// Which comprehension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompType {
    GenExp,
    List,
    Set,
    Dict,
}

/// What a comprehension produces, the same at every level of its `for` clauses.
#[derive(Clone, Copy)]
struct CompBody<'a> {
    generators: &'a [Comprehension<'a>],
    /// The element (the key of a dict comprehension).
    elt: &'a Expr<'a>,
    /// The value of a dict comprehension.
    val: Option<&'a Expr<'a>>,
    ty: CompType,
}

/// What inlining changed, to undo at the end (CPython's
/// `_PyCompile_InlinedComprehensionState`).
#[derive(Default)]
struct InlineState<'a> {
    /// Locals saved on the stack, in push order.
    pushed_locals: Vec<&'a str>,
    /// Outer symbols temporarily replaced by the comprehension's.
    temp_symbols: Vec<(&'a str, Option<Symbol>)>,
    /// Names made fast locals for the comprehension's duration.
    fast_hidden: Vec<&'a str>,
    cleanup: Option<crate::compile::Label>,
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn comprehension(
        &mut self,
        e: &'a Expr<'a>,
        ty: CompType,
        generators: &'a [Comprehension<'a>],
        elt: &'a Expr<'a>,
        val: Option<&'a Expr<'a>>,
    ) -> Res {
        let key = ScopeKey::Expr(ScopeKey::addr(e));
        let Some(entry) = self.st.lookup(key) else {
            return Err(self.error("unknown symbol table entry", self.eloc(e)));
        };
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let inlined = self.st.scopes[entry].comp_inlined;
        let is_async = self.st.scopes[entry].coroutine;
        let loc = self.eloc(e);
        let mut state = InlineState::default();
        if inlined {
            self.comprehension_iter(outermost)?;
            self.tweak_inlined_scopes(entry, &mut state);
            self.push_inlined_locals(loc, entry, &mut state);
        } else {
            let name = match ty {
                CompType::GenExp => "<genexpr>",
                CompType::List => "<listcomp>",
                CompType::Set => "<setcomp>",
                CompType::Dict => "<dictcomp>",
            };
            let counts = ArgCounts {
                argcount: 1,
                ..ArgCounts::default()
            };
            self.enter_scope(
                name,
                ScopeType::Comprehension,
                key,
                loc.lineno,
                None,
                counts,
            )?;
        }
        if ty != CompType::GenExp {
            let op = match ty {
                CompType::List => Opcode::BUILD_LIST,
                CompType::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit(op, 0, loc);
            if inlined {
                self.emit(Opcode::SWAP, 2, loc);
            }
        }
        let body = CompBody {
            generators,
            elt,
            val,
            ty,
        };
        self.comprehension_generator(loc, body, 0, 0, inlined)?;
        if inlined {
            self.pop_inlined_state(loc, &mut state);
            return Ok(());
        }
        if ty != CompType::GenExp {
            self.emit(Opcode::RETURN_VALUE, 0, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let (code, freevars) = self.exit_scope(true)?;
        self.make_closure(loc, code, &freevars, 0)?;
        self.comprehension_iter(outermost)?;
        self.emit(Opcode::CALL, 0, loc);
        if is_async && ty != CompType::GenExp {
            self.emit(Opcode::GET_AWAITABLE, 0, loc);
            self.load_const(Const::None, loc);
            self.yield_from(loc, true);
        }
        Ok(())
    }

    fn comprehension_iter(&mut self, comp: &'a Comprehension<'a>) -> Res {
        self.visit_expr(comp.iter)?;
        let iloc = self.eloc(comp.iter);
        self.emit(
            if comp.is_async {
                Opcode::GET_AITER
            } else {
                Opcode::GET_ITER
            },
            0,
            iloc,
        );
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        loc: Location,
        body: CompBody<'a>,
        index: usize,
        depth: u32,
        iter_on_stack: bool,
    ) -> Res {
        if body.generators[index].is_async {
            self.async_comprehension_generator(loc, body, index, depth, iter_on_stack)
        } else {
            self.sync_comprehension_generator(loc, body, index, depth, iter_on_stack)
        }
    }

    fn sync_comprehension_generator(
        &mut self,
        loc: Location,
        body: CompBody<'a>,
        index: usize,
        mut depth: u32,
        iter_on_stack: bool,
    ) -> Res {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let g = &body.generators[index];
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                // `for y in [f(x)]` binds without iterating.
                let elts = match g.iter.kind {
                    ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts,
                    _ => &[],
                };
                if let [single] = elts
                    && !matches!(single.kind, ExprKind::Starred { .. })
                {
                    self.visit_expr(single)?;
                    start = None;
                }
                if start.is_some() {
                    self.visit_expr(g.iter)?;
                    let iloc = self.eloc(g.iter);
                    self.emit(Opcode::GET_ITER, 0, iloc);
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            let iloc = self.eloc(g.iter);
            self.emit_jump(Opcode::FOR_ITER, anchor, iloc);
        }
        self.visit_expr(g.target)?;
        for cond in g.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        let next = index + 1;
        if next < body.generators.len() {
            self.comprehension_generator(loc, body, next, depth, false)?;
        }
        let elt_loc = self.comprehension_element(body, next, depth)?;
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::JUMP, start, elt_loc);
            self.use_label(anchor);
            // END_FOR first: generators jump to it, other iterators past it.
            self.emit(Opcode::END_FOR, 0, Location::NONE);
            self.emit(Opcode::POP_ITER, 0, Location::NONE);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        loc: Location,
        body: CompBody<'a>,
        index: usize,
        mut depth: u32,
        iter_on_stack: bool,
    ) -> Res {
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let g = &body.generators[index];
        if !iter_on_stack {
            if index == 0 {
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                self.visit_expr(g.iter)?;
                let iloc = self.eloc(g.iter);
                self.emit(Opcode::GET_AITER, 0, iloc);
            }
        }
        self.use_label(start);
        self.push_fblock(FBlock::new(
            FBlockKind::AsyncComprehensionGenerator,
            loc,
            Some(start),
            None,
        ))?;
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.emit(Opcode::GET_ANEXT, 0, loc);
        self.load_const(Const::None, loc);
        self.use_label(send);
        self.yield_from(loc, true);
        self.emit(Opcode::POP_BLOCK, 0, loc);
        self.visit_expr(g.target)?;
        for cond in g.ifs {
            self.jump_if(loc, cond, if_cleanup, false)?;
        }
        depth += 1;
        let next = index + 1;
        if next < body.generators.len() {
            self.comprehension_generator(loc, body, next, depth, false)?;
        }
        let elt_loc = self.comprehension_element(body, next, depth)?;
        self.use_label(if_cleanup);
        self.emit_jump(Opcode::JUMP, start, elt_loc);
        self.pop_fblock();
        self.use_label(except);
        self.emit_jump(Opcode::END_ASYNC_FOR, send, loc);
        Ok(())
    }

    /// After the last `for`: yield or add the element. Returns the element's location.
    fn comprehension_element(
        &mut self,
        body: CompBody<'a>,
        next: usize,
        depth: u32,
    ) -> Res<Location> {
        let CompBody {
            generators,
            elt,
            val,
            ty,
        } = body;
        let mut elt_loc = self.eloc(elt);
        if next < generators.len() {
            return Ok(elt_loc);
        }
        self.visit_expr(elt)?;
        match ty {
            CompType::GenExp => {
                self.emit_yield(elt_loc);
                self.emit(Opcode::POP_TOP, 0, elt_loc);
            }
            CompType::List => self.emit(Opcode::LIST_APPEND, depth + 1, elt_loc),
            CompType::Set => self.emit(Opcode::SET_ADD, depth + 1, elt_loc),
            CompType::Dict => {
                if let Some(v) = val {
                    self.visit_expr(v)?;
                    let vloc = self.eloc(v);
                    elt_loc = Location::new(
                        elt_loc.lineno,
                        vloc.end_lineno,
                        elt_loc.col_offset,
                        vloc.end_col_offset,
                    );
                }
                self.emit(Opcode::MAP_ADD, depth + 1, elt_loc);
            }
        }
        Ok(elt_loc)
    }

    /// Gives names the comprehension's scopes while it is compiled inline (CPython's
    /// `_PyCompile_TweakInlinedComprehensionScopes`).
    fn tweak_inlined_scopes(&mut self, entry: usize, state: &mut InlineState<'a>) {
        let outer = self.u().ste;
        let in_class_block = self.st.scopes[outer].kind
            == crate::compile::symtable::BlockKind::Class
            && self.u().in_inlined_comp == 0;
        self.um().in_inlined_comp += 1;
        let function_like = self.st.scopes[outer].is_function_like();
        let comp_syms: Vec<(&'a str, Symbol)> = self.st.scopes[entry]
            .symbols
            .iter()
            .map(|(&k, &s)| (k, s))
            .collect();
        for (name, sym) in comp_syms {
            let outsym = self.st.scopes[outer].symbols.get(name).copied();
            let outsc = outsym.map_or(SymScope::None, |s| s.scope);
            let scope = sym.scope;
            // A name scoped differently inside is handled with the inner scope meanwhile;
            // free inside, it behaves as outside anyway.
            if (scope != outsc
                && scope != SymScope::Free
                && !(scope == SymScope::Cell && outsc == SymScope::Free))
                || in_class_block
            {
                self.st.scopes[outer].symbols.insert(name, sym);
                state.temp_symbols.push((name, outsym));
            }
            let local = sym.flags & flags::DEF_LOCAL != 0 && sym.flags & flags::DEF_NONLOCAL == 0;
            if (local || in_class_block) && !function_like {
                let u = self.um();
                if u.fasthidden.get(name).copied() != Some(true) {
                    u.fasthidden.insert(name, true);
                    state.fast_hidden.push(name);
                }
            }
        }
    }

    /// Saves the outer values of the comprehension's locals on the stack and guards the
    /// comprehension with a handler that restores them (CPython's
    /// `codegen_push_inlined_comprehension_locals`).
    fn push_inlined_locals(&mut self, loc: Location, entry: usize, state: &mut InlineState<'a>) {
        let outer = self.u().ste;
        // CPython computes this after the scope tweak raised the inlining depth, so it
        // is never true here.
        let in_class_block = self.st.scopes[outer].kind
            == crate::compile::symtable::BlockKind::Class
            && self.u().in_inlined_comp == 0;
        let comp_syms: Vec<(&'a str, Symbol)> = self.st.scopes[entry]
            .symbols
            .iter()
            .map(|(&k, &s)| (k, s))
            .collect();
        for (name, sym) in comp_syms {
            let outsc = self.st.scopes[outer].scope_of(name);
            let local = sym.flags & flags::DEF_LOCAL != 0 && sym.flags & flags::DEF_NONLOCAL == 0;
            if local || in_class_block {
                self.emit_varname(Opcode::LOAD_FAST_AND_CLEAR, name, loc);
                if sym.scope == SymScope::Cell {
                    self.emit_cell_name(Opcode::MAKE_CELL, name, outsc == SymScope::Free, loc);
                }
                state.pushed_locals.push(name);
            }
        }
        if !state.pushed_locals.is_empty() {
            // The outermost iterable goes back on top.
            self.emit(Opcode::SWAP, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            state.cleanup = Some(cleanup);
            // No fblock: return/break/continue cannot occur inside a comprehension.
            self.emit_jump(Opcode::SETUP_FINALLY, cleanup, loc);
        }
    }

    fn restore_inlined_locals(&mut self, loc: Location, state: &InlineState<'a>) {
        self.emit(Opcode::SWAP, state.pushed_locals.len() as u32 + 1, loc);
        for &name in state.pushed_locals.iter().rev() {
            self.emit_varname(Opcode::STORE_FAST_MAYBE_NULL, name, loc);
        }
    }

    fn pop_inlined_state(&mut self, loc: Location, state: &mut InlineState<'a>) {
        if let Some(cleanup) = state.cleanup {
            self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
            let end = self.new_label();
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
            // An exception inside: drop the partial result, restore, re-raise.
            self.use_label(cleanup);
            self.emit(Opcode::SWAP, 2, Location::NONE);
            self.emit(Opcode::POP_TOP, 0, Location::NONE);
            self.restore_inlined_locals(loc, state);
            self.emit(Opcode::RERAISE, 0, Location::NONE);
            self.use_label(end);
            self.restore_inlined_locals(loc, state);
        }
        self.um().in_inlined_comp -= 1;
        let outer = self.u().ste;
        for &(name, sym) in &state.temp_symbols {
            self.st.scopes[outer]
                .symbols
                .insert(name, sym.unwrap_or_default());
        }
        for &name in &state.fast_hidden {
            self.um().fasthidden.insert(name, false);
        }
    }
}
