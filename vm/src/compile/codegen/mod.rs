//! Code generation: the AST of each code unit to an [`InstrSeq`] of CPython 3.14 (pseudo-)
//! instructions with labels and locations, plus its [`UnitMetadata`] (CPython's
//! `Python/codegen.c` and the unit bookkeeping of `Python/compile.c`).
//!
//! This file holds the compiler state: the stack of units being generated, entering and
//! leaving scopes, the emit helpers, constants and name resolution. The statements and
//! expressions are in sibling files, one per area.

mod annotations;
mod call;
mod comprehension;
mod exceptions;
mod expr;
mod fblock;
mod fstring;
mod function;
mod pattern;
mod stmt;
mod unparse;

use std::rc::Rc;

use arena::Arena;

use crate::compile::hash::FxBuild;
use indexmap::{IndexMap, IndexSet};

use super::code::{CodeObject, Const, co_flags, local_kind};
use super::future::{FutureFeatures, parse_future};
use super::instr_seq::{InstrSeq, Label, Location};
use super::symtable::{self, BlockKind, ScopeId, ScopeKey, SymScope, SymbolTable};
use super::unit::UnitMetadata;
use super::{Locator, future};
use crate::ast::{Constant, Expr, Mod, Span, Stmt};
use crate::instr::Opcode;
use crate::parse::{Parsed, SyntaxError};

pub(crate) use fblock::{FBlock, FBlockKind};

type Res<T = ()> = Result<T, SyntaxError>;
type NameSet<'a> = IndexSet<&'a str, FxBuild>;
/// A CPython name dict: name to index, a new name getting the current size.
type NameMap<'a> = IndexMap<&'a str, u32, FxBuild>;

/// CPython's `_PY_STACK_USE_GUIDELINE`: above this many items, calls and displays are
/// built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

/// What to do with each finished unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// Run the flow-graph passes and the assembler (the real compiler).
    Assemble,
    /// Keep the codegen output for inspection (`compiler_codegen` parity); nested code
    /// objects are placeholders carrying only their names.
    CodegenOnly,
}

/// A unit's codegen output, with the units nested in it, in the order CPython's
/// `compiler_codegen` lists them (`InstructionSequence.get_nested()`).
#[derive(Clone, Debug)]
pub struct CodegenUnit {
    /// The instructions, labels unresolved.
    pub seq: InstrSeq,
    /// The unit's tables and counts.
    pub meta: UnitMetadata,
    /// Units finished while this one was current.
    pub nested: Vec<CodegenUnit>,
}

/// Runs codegen alone over `parsed`: the module unit and everything nested in it.
pub fn codegen_module(parsed: &Parsed<'_>, filename: &str) -> Result<CodegenUnit, SyntaxError> {
    match compile(parsed, filename, Output::CodegenOnly)? {
        (_, Some(unit)) => Ok(unit),
        (_, None) => Err(SyntaxError::new(
            crate::parse::ErrorKind::SystemError,
            "codegen-only compilation kept no units",
        )),
    }
}

/// The kind of unit being generated (CPython's `COMPILE_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    Annotations,
}

/// How a name is accessed (CPython's `_PyCompile_optype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OpType {
    Fast,
    Global,
    Deref,
    Name,
}

/// The state of one code unit being generated (CPython's `compiler_unit`).
pub(crate) struct Unit<'a> {
    ste: ScopeId,
    /// The AST node this unit compiles.
    key: ScopeKey,
    scope_type: ScopeType,
    /// Class name for mangling.
    private: Option<&'a str>,
    /// For class bodies: `self.X` attributes assigned in methods.
    static_attributes: Option<NameSet<'a>>,
    /// Simple annotated assignments, compiled into `__annotate__` at the end.
    deferred_annotations: Vec<&'a Stmt<'a>>,
    /// For each deferred annotation: its index in `__conditional_annotations__`, or -1.
    conditional_annotation_indices: Vec<i64>,
    next_conditional_annotation_index: i64,
    seq: InstrSeq,
    /// The body's sequence while the module's annotation code is generated.
    stashed_seq: Option<(InstrSeq, Vec<CodegenUnit>)>,
    nested: Vec<CodegenUnit>,
    fblocks: Vec<FBlock<'a>>,
    in_inlined_comp: u32,
    in_conditional_block: u32,
    name: &'a str,
    qualname: Option<String>,
    consts: IndexSet<Const, FxBuild>,
    names: NameSet<'a>,
    varnames: NameSet<'a>,
    /// The `varnames` and `names` index of each of the scope's symbols (by its index in the
    /// symbol table, `u32::MAX` until first used), so that a name op needs one lookup.
    fast_slots: Vec<u32>,
    name_slots: Vec<u32>,
    /// Cell variables and their cell-table indexes.
    cellvars: NameMap<'a>,
    /// Free variables and their indexes (after the cells, as CPython's `dictbytype` numbers
    /// them at scope entry).
    freevars: NameMap<'a>,
    fasthidden: IndexMap<&'a str, bool, FxBuild>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    firstlineno: i32,
}

/// Argument counts a unit starts with (CPython's `_PyCompile_CodeUnitMetadata` subset).
#[derive(Clone, Copy, Default)]
pub(crate) struct ArgCounts {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
}

/// The compiler: symbol table, future features and the stack of units.
pub(crate) struct Compiler<'a, 's> {
    arena: &'a Arena,
    loc: Locator<'s>,
    st: SymbolTable<'a>,
    future: FutureFeatures,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    output: Output,
    interactive: bool,
    /// Code objects by the node compiled and a fingerprint of the unit: the same node
    /// compiled twice (a `finally` body, `all(genexp)`) gives equal code objects, which
    /// CPython's constant cache merges into one constant.
    code_cache: std::collections::HashMap<ScopeKey, CachedCode, FxBuild>,
    /// Recursion depth of the walk, for stack growth.
    depth: crate::compile::stack::Depth,
    /// One shared `Rc<str>` per name for the units' metadata tables.
    rc_names: std::collections::HashMap<&'a str, Rc<str>, FxBuild>,
}

crate::compile::stack::guarded_walk!(Compiler<'_, '_>);

/// Compiles `parsed`; returns the module's code object and, in codegen-only mode, the
/// codegen tree.
pub(crate) fn compile(
    parsed: &Parsed<'_>,
    filename: &str,
    output: Output,
) -> Result<(Rc<CodeObject>, Option<CodegenUnit>), SyntaxError> {
    // The AST lives in an arena the caller owns; codegen only needs scratch for names and
    // the few nodes it synthesizes.
    let arena = Arena::new();
    compile_in(&arena, parsed, filename, output)
}

fn compile_in<'a, 'p: 'a>(
    arena: &'a Arena,
    parsed: &'a Parsed<'p>,
    filename: &str,
    output: Output,
) -> Result<(Rc<CodeObject>, Option<CodegenUnit>), SyntaxError> {
    let loc = Locator::new(&parsed.lines, parsed.source);
    // The tree is read for the scratch arena's (shorter) lifetime.
    let module: &'a Mod<'a> = &parsed.module;
    let future = parse_future(module, &loc)?;
    let st = symtable::build(arena, module, &loc, future)?;
    let mut c = Compiler {
        arena,
        loc,
        st,
        future,
        filename: Rc::from(filename),
        units: Vec::new(),
        output,
        interactive: false,
        code_cache: Default::default(),
        depth: Default::default(),
        rc_names: Default::default(),
    };
    c.module(module)
}

impl<'a> Compiler<'a, '_> {
    fn module(
        &mut self,
        module: &'a Mod<'a>,
    ) -> Result<(Rc<CodeObject>, Option<CodegenUnit>), SyntaxError> {
        self.enter_scope(
            "<module>",
            ScopeType::Module,
            ScopeKey::Module,
            1,
            None,
            ArgCounts::default(),
        )?;
        let add_none = !matches!(module, Mod::Expression { .. });
        match module {
            Mod::Module { body } => {
                let start = self.start_location(body);
                self.module_body(start, body, false)?;
            }
            Mod::Interactive { body } => {
                self.interactive = true;
                let start = self.start_location(body);
                self.module_body(start, body, true)?;
            }
            Mod::Expression { body } => self.visit_expr(body)?,
            Mod::FunctionType { .. } => {
                return Err(SyntaxError::new(
                    crate::parse::ErrorKind::SystemError,
                    "module kind FunctionType should not be possible",
                ));
            }
        }
        self.finish_unit(add_none)
    }

    fn start_location(&self, body: &[Stmt<'_>]) -> Location {
        match body.first() {
            Some(s) => self.loc.span(s.span),
            None => Location::new(1, 1, 0, 0),
        }
    }

    fn module_body(&mut self, loc: Location, body: &'a [Stmt<'a>], interactive: bool) -> Res {
        if self.ste().has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0, loc);
            self.emit_name_raw(Opcode::STORE_NAME, "__conditional_annotations__", loc);
        }
        self.body(loc, body, interactive)
    }

    // --- Units -----------------------------------------------------------------------------

    pub(crate) fn u(&self) -> &Unit<'a> {
        self.units
            .last()
            .expect("codegen always has a current unit")
    }

    pub(crate) fn um(&mut self) -> &mut Unit<'a> {
        self.units
            .last_mut()
            .expect("codegen always has a current unit")
    }

    pub(crate) fn ste(&self) -> &symtable::ScopeEntry<'a> {
        &self.st.scopes[self.u().ste]
    }

    /// Starts a new unit for the scope created for `key` (CPython's
    /// `_PyCompile_EnterScope` + `codegen_enter_scope`).
    pub(crate) fn enter_scope(
        &mut self,
        name: &'a str,
        scope_type: ScopeType,
        key: ScopeKey,
        lineno: i32,
        private: Option<&'a str>,
        counts: ArgCounts,
    ) -> Res {
        let Some(ste_id) = self.st.lookup(key) else {
            return Err(SyntaxError::new(
                crate::parse::ErrorKind::SystemError,
                "unknown symbol table entry",
            ));
        };
        let ste = &self.st.scopes[ste_id];
        let varnames: NameSet<'a> = ste.varnames.iter().copied().collect();
        let mut cellvars = sorted_names(ste, 0, |sym| {
            sym.scope == SymScope::Cell || sym.flags & symtable::flags::DEF_COMP_CELL != 0
        });
        for (needed, name) in [
            (ste.needs_class_closure, "__class__"),
            (ste.needs_classdict, "__classdict__"),
            (
                ste.has_conditional_annotations,
                "__conditional_annotations__",
            ),
        ] {
            if needed {
                dict_add(&mut cellvars, name);
            }
        }
        let freevars = sorted_names(ste, cellvars.len() as u32, |sym| {
            sym.scope == SymScope::Free || sym.flags & symtable::flags::DEF_FREE_CLASS != 0
        });
        let private = private.or_else(|| self.units.last().and_then(|u| u.private));
        self.units.push(Unit {
            ste: ste_id,
            key,
            scope_type,
            private,
            static_attributes: (scope_type == ScopeType::Class).then(NameSet::default),
            deferred_annotations: Vec::new(),
            conditional_annotation_indices: Vec::new(),
            next_conditional_annotation_index: 0,
            seq: InstrSeq::new(),
            stashed_seq: None,
            nested: Vec::new(),
            fblocks: Vec::new(),
            in_inlined_comp: 0,
            in_conditional_block: 0,
            name,
            qualname: None,
            consts: IndexSet::default(),
            names: NameSet::default(),
            varnames,
            fast_slots: Vec::new(),
            name_slots: Vec::new(),
            cellvars,
            freevars,
            fasthidden: IndexMap::default(),
            argcount: counts.argcount,
            posonlyargcount: counts.posonlyargcount,
            kwonlyargcount: counts.kwonlyargcount,
            firstlineno: lineno,
        });
        if scope_type != ScopeType::Module {
            self.set_qualname();
        }
        let mut loc = Location::new(lineno, lineno, 0, 0);
        if scope_type == ScopeType::Module {
            loc.lineno = 0;
        }
        self.emit(Opcode::RESUME, 0, loc);
        if scope_type == ScopeType::Module {
            self.emit(Opcode::ANNOTATIONS_PLACEHOLDER, 0, loc);
        }
        Ok(())
    }

    /// CPython's `compiler_set_qualname`.
    fn set_qualname(&mut self) {
        // `stack` counts the enclosing units (CPython's `c_stack`), the module included.
        let stack = self.units.len() - 1;
        let name = self.u().name;
        let scope_type = self.u().scope_type;
        let mut base: Option<String> = None;
        if stack > 1 {
            let mut p = stack - 1;
            if self.units[p].scope_type == ScopeType::Annotations {
                // Look through an annotation scope; directly in the module, the name is
                // its own qualified name.
                if stack == 2 {
                    self.um().qualname = Some(name.to_string());
                    return;
                }
                p = stack - 2;
            }
            let parent = &self.units[p];
            let mut force_global = false;
            if matches!(
                scope_type,
                ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class
            ) {
                let mangled = symtable::mangle(self.arena, parent.private, name);
                force_global =
                    self.st.scopes[parent.ste].scope_of(mangled) == SymScope::GlobalExplicit;
            }
            if !force_global {
                let pq = parent
                    .qualname
                    .clone()
                    .unwrap_or_else(|| parent.name.to_string());
                let function_parent = matches!(
                    parent.scope_type,
                    ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda
                );
                base = Some(if function_parent {
                    format!("{pq}.<locals>")
                } else {
                    pq
                });
            }
        }
        self.um().qualname = Some(match base {
            Some(b) => format!("{b}.{name}"),
            None => name.to_string(),
        });
    }

    /// The qualified name of the current unit.
    pub(crate) fn qualname(&self) -> String {
        let u = self.u();
        u.qualname.clone().unwrap_or_else(|| u.name.to_string())
    }

    /// Ends the current unit: appends the implicit `return None`, computes its flags and
    /// hands it to the backend; returns the code object and the unit's free variables (what
    /// a closure over it must load).
    pub(crate) fn exit_scope(&mut self, add_none: bool) -> Res<(Rc<CodeObject>, Vec<&'a str>)> {
        let freevars: Vec<&'a str> = self.u().freevars.keys().copied().collect();
        let (code, unit) = self.finish_unit(add_none)?;
        if let (Some(parent), Some(unit)) = (self.units.last_mut(), unit) {
            parent.nested.push(unit);
        }
        Ok((code, freevars))
    }

    fn finish_unit(
        &mut self,
        add_none: bool,
    ) -> Result<(Rc<CodeObject>, Option<CodegenUnit>), SyntaxError> {
        if add_none {
            self.load_const(Const::None, Location::NONE);
        }
        self.emit(Opcode::RETURN_VALUE, 0, Location::NONE);
        let flags = self.code_flags();
        let nparams = self.ste().varnames.len() as u32;
        let u = self.units.pop().expect("finish_unit has a unit");
        let qualname = u.qualname.unwrap_or_else(|| u.name.to_string());
        let mut rc = |n: &'a str| -> Rc<str> {
            self.rc_names
                .entry(n)
                .or_insert_with(|| Rc::from(n))
                .clone()
        };
        let meta = UnitMetadata {
            name: rc(u.name),
            qualname: Rc::from(qualname.as_str()),
            consts: u.consts.into_iter().collect(),
            names: u.names.iter().map(|&n| rc(n)).collect(),
            varnames: u.varnames.iter().map(|&n| rc(n)).collect(),
            cellvars: u.cellvars.keys().map(|&n| rc(n)).collect(),
            freevars: u.freevars.keys().map(|&n| rc(n)).collect(),
            fasthidden: u.fasthidden.iter().map(|(&n, &h)| (rc(n), h)).collect(),
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            nparams,
            firstlineno: u.firstlineno,
            flags,
        };
        let cached = self.code_cache.get(&u.key);
        let (code, unit) = match self.output {
            Output::Assemble => {
                let new = assemble(u.seq, meta, &self.filename)?;
                let code = match cached {
                    Some(c) if same_code(&c.code, &new) => c.code.clone(),
                    _ => Rc::new(new),
                };
                (code, None)
            }
            Output::CodegenOnly => {
                let code = match cached {
                    Some(CachedCode {
                        code,
                        unit: Some((seq, m)),
                    }) if seq.instrs == u.seq.instrs
                        && seq.label_map == u.seq.label_map
                        && same_metadata(m, &meta) =>
                    {
                        code.clone()
                    }
                    _ => Rc::new(placeholder_code(&meta, &self.filename)),
                };
                let unit = CodegenUnit {
                    seq: u.seq,
                    meta,
                    nested: u.nested,
                };
                (code, Some(unit))
            }
        };
        let kept = unit.as_ref().map(|un| (un.seq.clone(), un.meta.clone()));
        self.code_cache.insert(
            u.key,
            CachedCode {
                code: code.clone(),
                unit: kept,
            },
        );
        Ok((code, unit))
    }

    /// CPython's `compute_code_flags`.
    fn code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut flags = 0;
        if ste.is_function_like() {
            flags |= co_flags::NEWLOCALS | co_flags::OPTIMIZED;
            if ste.nested {
                flags |= co_flags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                flags |= co_flags::GENERATOR;
            }
            if ste.generator && ste.coroutine {
                flags |= co_flags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                flags |= co_flags::VARARGS;
            }
            if ste.varkeywords {
                flags |= co_flags::VARKEYWORDS;
            }
            if ste.has_docstring {
                flags |= co_flags::HAS_DOCSTRING;
            }
            if ste.method {
                flags |= co_flags::METHOD;
            }
        }
        if ste.coroutine && !ste.generator {
            flags |= co_flags::COROUTINE;
        }
        flags
            | (self.future.features
                & (future::CO_FUTURE_ANNOTATIONS | future::CO_FUTURE_BARRY_AS_BDFL))
    }

    // --- Emitting --------------------------------------------------------------------------

    pub(crate) fn emit(&mut self, op: Opcode, oparg: u32, loc: Location) {
        self.um().seq.emit(op, oparg, loc);
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label, loc: Location) {
        self.um().seq.emit_jump(op, target, loc);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.um().seq.new_label()
    }

    pub(crate) fn use_label(&mut self, label: Label) {
        self.um().seq.use_label(label);
    }

    pub(crate) fn span(&self, span: Span) -> Location {
        self.loc.span(span)
    }

    pub(crate) fn eloc(&self, e: &Expr<'_>) -> Location {
        self.loc.span(e.span)
    }

    pub(crate) fn error(&self, msg: impl Into<String>, loc: Location) -> SyntaxError {
        self.loc.error(msg, loc)
    }

    /// Index of `value` in the unit's constants, adding it if new.
    pub(crate) fn add_const(&mut self, value: Const) -> u32 {
        let (idx, _) = self.um().consts.insert_full(value);
        idx as u32
    }

    pub(crate) fn load_const(&mut self, value: Const, loc: Location) {
        let idx = self.add_const(value);
        self.emit(Opcode::LOAD_CONST, idx, loc);
    }

    pub(crate) fn load_ast_const(&mut self, value: &Constant<'_>, loc: Location) {
        self.load_const(const_from_ast(value), loc);
    }

    fn dict_index(set: &mut NameSet<'a>, name: &'a str) -> u32 {
        set.insert_full(name).0 as u32
    }

    /// `ADDOP_N(..., names)`: a name op on an unmangled name.
    pub(crate) fn emit_name_raw(&mut self, op: Opcode, name: &'a str, loc: Location) {
        let idx = Self::dict_index(&mut self.um().names, name);
        self.emit(op, idx, loc);
    }

    /// The current unit's mangling of `name` (CPython's `_PyCompile_MaybeMangle`).
    pub(crate) fn maybe_mangle(&self, name: &'a str) -> &'a str {
        let u = self.u();
        self.st.maybe_mangle(self.arena, u.private, u.ste, name)
    }

    pub(crate) fn mangle(&self, name: &'a str) -> &'a str {
        symtable::mangle(self.arena, self.u().private, name)
    }

    /// `ADDOP_NAME(..., names)`: mangles, then encodes the attribute-load variants.
    pub(crate) fn emit_attr_name(&mut self, op: NameOp, name: &'a str, loc: Location) {
        let mangled = self.maybe_mangle(name);
        let idx = Self::dict_index(&mut self.um().names, mangled);
        let (opcode, arg) = match op {
            NameOp::Plain(o) => (o, idx),
            NameOp::LoadAttr => (Opcode::LOAD_ATTR, idx << 1),
            NameOp::LoadMethod => (Opcode::LOAD_ATTR, (idx << 1) | 1),
            NameOp::LoadSuperAttr => (Opcode::LOAD_SUPER_ATTR, (idx << 2) | 2),
            NameOp::LoadSuperMethod => (Opcode::LOAD_SUPER_ATTR, (idx << 2) | 3),
            NameOp::LoadZeroSuperAttr => (Opcode::LOAD_SUPER_ATTR, idx << 2),
            NameOp::LoadZeroSuperMethod => (Opcode::LOAD_SUPER_ATTR, (idx << 2) | 1),
        };
        self.emit(opcode, arg, loc);
    }

    /// `ADDOP_NAME(..., varnames)`: a fast-local op on a mangled name.
    pub(crate) fn emit_varname(&mut self, op: Opcode, name: &'a str, loc: Location) {
        let mangled = self.maybe_mangle(name);
        let idx = Self::dict_index(&mut self.um().varnames, mangled);
        self.emit(op, idx, loc);
    }

    /// `ADDOP_NAME(..., cellvars/freevars)`: `MAKE_CELL` and friends (index into the
    /// cell-or-free table, free variables numbered after the cells).
    pub(crate) fn emit_cell_name(&mut self, op: Opcode, name: &'a str, free: bool, loc: Location) {
        let mangled = self.maybe_mangle(name);
        let idx = self.cell_index(mangled, free);
        self.emit(op, idx, loc);
    }

    fn cell_index(&mut self, name: &'a str, free: bool) -> u32 {
        let u = self.um();
        dict_add(
            if free {
                &mut u.freevars
            } else {
                &mut u.cellvars
            },
            name,
        )
    }

    /// `ADDOP_N(..., cellvars/freevars)` without mangling.
    pub(crate) fn emit_cell_raw(&mut self, op: Opcode, name: &'a str, free: bool, loc: Location) {
        let idx = self.cell_index(name, free);
        self.emit(op, idx, loc);
    }

    // --- Names -----------------------------------------------------------------------------

    /// Loads, stores or deletes a variable (CPython's `codegen_nameop`).
    /// The index of `name` (the scope's symbol number `sym`, `usize::MAX` for none) in
    /// `varnames` (`fast`) or `names`, added if new.
    fn name_slot(&mut self, sym: usize, name: &'a str, fast: bool) -> u32 {
        let u = self.um();
        let (cache, set) = if fast {
            (&mut u.fast_slots, &mut u.varnames)
        } else {
            (&mut u.name_slots, &mut u.names)
        };
        if let Some(&idx) = cache.get(sym)
            && idx != u32::MAX
        {
            return idx;
        }
        let idx = Self::dict_index(set, name);
        if sym != usize::MAX {
            if cache.len() <= sym {
                cache.resize(sym + 1, u32::MAX);
            }
            cache[sym] = idx;
        }
        idx
    }

    pub(crate) fn nameop(&mut self, name: &'a str, ctx: Ctx, loc: Location) -> Res {
        let mangled = self.maybe_mangle(name);
        // Symbols are only ever added to a scope's table, so their numbers are stable.
        let (sym, scope) = self
            .ste()
            .symbols
            .get_full(mangled)
            .map_or((usize::MAX, SymScope::None), |(i, _, s)| (i, s.scope));
        let optype = self.resolve_optype(mangled, scope);
        let is_class = self.ste().kind == BlockKind::Class;
        let in_comp = self.u().in_inlined_comp > 0;
        let sees_class = self.ste().can_see_class_scope;
        let op = match optype {
            OpType::Deref => match ctx {
                Ctx::Load => {
                    if is_class && !in_comp {
                        self.emit(Opcode::LOAD_LOCALS, 0, loc);
                        Opcode::LOAD_FROM_DICT_OR_DEREF
                    } else if sees_class {
                        self.emit_cell_raw(Opcode::LOAD_DEREF, "__classdict__", true, loc);
                        Opcode::LOAD_FROM_DICT_OR_DEREF
                    } else {
                        Opcode::LOAD_DEREF
                    }
                }
                Ctx::Store => Opcode::STORE_DEREF,
                Ctx::Del => Opcode::DELETE_DEREF,
            },
            OpType::Fast => {
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_FAST,
                    Ctx::Store => Opcode::STORE_FAST,
                    Ctx::Del => Opcode::DELETE_FAST,
                };
                let idx = self.name_slot(sym, mangled, true);
                self.emit(op, idx, loc);
                return Ok(());
            }
            OpType::Global => match ctx {
                Ctx::Load => {
                    if sees_class && scope == SymScope::GlobalImplicit {
                        self.emit_cell_raw(Opcode::LOAD_DEREF, "__classdict__", true, loc);
                        Opcode::LOAD_FROM_DICT_OR_GLOBALS
                    } else {
                        Opcode::LOAD_GLOBAL
                    }
                }
                Ctx::Store => Opcode::STORE_GLOBAL,
                Ctx::Del => Opcode::DELETE_GLOBAL,
            },
            OpType::Name => match ctx {
                Ctx::Load => {
                    if is_class && in_comp {
                        Opcode::LOAD_GLOBAL
                    } else {
                        Opcode::LOAD_NAME
                    }
                }
                Ctx::Store => Opcode::STORE_NAME,
                Ctx::Del => Opcode::DELETE_NAME,
            },
        };
        let mut arg = match optype {
            OpType::Deref => self.cell_index(mangled, scope == SymScope::Free),
            _ => self.name_slot(sym, mangled, false),
        };
        if op == Opcode::LOAD_GLOBAL {
            arg <<= 1;
        }
        self.emit(op, arg, loc);
        Ok(())
    }

    /// CPython's `_PyCompile_ResolveNameop` (the table lookup is done by the caller).
    fn resolve_optype(&self, mangled: &str, scope: SymScope) -> OpType {
        match scope {
            SymScope::Free | SymScope::Cell => OpType::Deref,
            SymScope::Local => {
                if self.ste().is_function_like()
                    || self.u().fasthidden.get(mangled).copied() == Some(true)
                {
                    OpType::Fast
                } else {
                    OpType::Name
                }
            }
            SymScope::GlobalImplicit if self.ste().is_function_like() => OpType::Global,
            SymScope::GlobalExplicit => OpType::Global,
            _ => OpType::Name,
        }
    }

    /// The kind of reference a closure makes to `name` here (CPython's
    /// `_PyCompile_GetRefType`).
    pub(crate) fn ref_type(&self, name: &str) -> SymScope {
        if self.u().scope_type == ScopeType::Class
            && matches!(
                name,
                "__class__" | "__classdict__" | "__conditional_annotations__"
            )
        {
            return SymScope::Cell;
        }
        self.ste().scope_of(name)
    }

    /// Index of `name` among this unit's cells (then free variables) for a closure over
    /// `child` (its name and free variables, for the error), CPython's
    /// `_PyCompile_LookupArg`.
    pub(crate) fn closure_index(&self, name: &str, child: (&str, &[&str])) -> Res<u32> {
        let u = self.u();
        let reftype = self.ref_type(name);
        let map = if reftype == SymScope::Cell {
            &u.cellvars
        } else {
            &u.freevars
        };
        map.get(name).copied().ok_or_else(|| {
            let code = match reftype {
                SymScope::None => 0,
                SymScope::Local => 1,
                SymScope::GlobalExplicit => 2,
                SymScope::GlobalImplicit => 3,
                SymScope::Free => 4,
                SymScope::Cell => 5,
            };
            let names: Vec<String> =
                child.1.iter().map(|n| crate::text::repr::str_repr(n)).collect();
            let tuple = if names.len() == 1 {
                format!("({},)", names[0])
            } else {
                format!("({})", names.join(", "))
            };
            SyntaxError::new(
                crate::parse::ErrorKind::SystemError,
                format!(
                    "compiler_lookup_arg(name='{name}') with reftype={code} failed in {}; freevars of code {}: {tuple}",
                    u.name, child.0
                ),
            )
        })
    }

    /// Index of one of this unit's cells (CPython's `_PyCompile_LookupCellvar`).
    pub(crate) fn cellvar_index(&self, name: &str) -> Res<u32> {
        self.u().cellvars.get(name).copied().ok_or_else(|| {
            SyntaxError::new(
                crate::parse::ErrorKind::SystemError,
                "error return without exception set",
            )
        })
    }

    pub(crate) fn arena(&self) -> &'a Arena {
        self.arena
    }
}

/// A name op that `emit_attr_name` encodes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum NameOp {
    Plain(Opcode),
    LoadAttr,
    LoadMethod,
    LoadSuperAttr,
    LoadSuperMethod,
    LoadZeroSuperAttr,
    LoadZeroSuperMethod,
}

/// Load, store or delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl From<crate::ast::ExprContext> for Ctx {
    fn from(c: crate::ast::ExprContext) -> Ctx {
        match c {
            crate::ast::ExprContext::Load => Ctx::Load,
            crate::ast::ExprContext::Store => Ctx::Store,
            crate::ast::ExprContext::Del => Ctx::Del,
        }
    }
}

/// Names of `ste` whose symbol satisfies `pred`, sorted and numbered from `offset`
/// (CPython's `dictbytype`).
fn sorted_names<'a>(
    ste: &symtable::ScopeEntry<'a>,
    offset: u32,
    pred: impl Fn(&symtable::Symbol) -> bool,
) -> NameMap<'a> {
    let mut names: Vec<&'a str> = ste
        .symbols
        .iter()
        .filter(|(_, s)| pred(s))
        .map(|(&n, _)| n)
        .collect();
    names.sort_unstable_by(|a, b| py_str_cmp(a, b));
    names.into_iter().zip(offset..).collect()
}

/// CPython's `_PyCompile_DictAddObj`: the index of `name`, adding it with the dict's size
/// as index when new.
fn dict_add<'a>(map: &mut NameMap<'a>, name: &'a str) -> u32 {
    let next = map.len() as u32;
    *map.entry(name).or_insert(next)
}

/// Python's `str` ordering: by code point, which for UTF-8 is byte order.
fn py_str_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.as_bytes().cmp(b.as_bytes())
}

/// A constant from the AST as a `co_consts` value.
pub(crate) fn const_from_ast(c: &Constant<'_>) -> Const {
    match *c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(b),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(i) => Const::Int(i),
        Constant::BigInt { negative, digits } => {
            let mag = num_bigint::BigUint::from_slice(digits);
            let sign = if negative {
                num_bigint::Sign::Minus
            } else {
                num_bigint::Sign::Plus
            };
            Const::int(num_bigint::BigInt::from_biguint(sign, mag))
        }
        Constant::Float(f) => Const::Float(f),
        Constant::Complex { real, imag } => Const::Complex { real, imag },
        Constant::Str(s) => {
            let mut buf = crate::text::wtf8::Wtf8Buf::with_capacity(s.len_bytes());
            buf.push_wtf8(s);
            Const::Str(Rc::new(buf))
        }
        Constant::Bytes(b) => Const::Bytes(Rc::from(b)),
        Constant::Tuple(items) => Const::Tuple(items.iter().map(const_from_ast).collect()),
        Constant::FrozenSet(items) => Const::FrozenSet(items.iter().map(const_from_ast).collect()),
    }
}

/// A finished unit, kept so that compiling the same node again (a `finally` body, the
/// generator expression of `all(...)`) can reuse the code object: CPython's constant cache
/// merges equal code objects into one constant.
struct CachedCode {
    code: Rc<CodeObject>,
    /// In codegen-only mode, the codegen output (the placeholder code carries too little
    /// to compare).
    unit: Option<(InstrSeq, UnitMetadata)>,
}

/// Code-object equality as CPython's `code_richcompare` sees it, nested code constants
/// compared as the constant cache compares them (by identity).
fn same_code(a: &CodeObject, b: &CodeObject) -> bool {
    a.same_content(b, |x, y| x == y)
}

fn same_metadata(a: &UnitMetadata, b: &UnitMetadata) -> bool {
    a.consts == b.consts
        && a.names == b.names
        && a.varnames == b.varnames
        && a.cellvars == b.cellvars
        && a.freevars == b.freevars
        && (
            a.argcount,
            a.posonlyargcount,
            a.kwonlyargcount,
            a.flags,
            a.firstlineno,
        ) == (
            b.argcount,
            b.posonlyargcount,
            b.kwonlyargcount,
            b.flags,
            b.firstlineno,
        )
}

/// The flow-graph passes and the assembler (`super::backend`).
fn assemble(seq: InstrSeq, meta: UnitMetadata, filename: &Rc<str>) -> Res<CodeObject> {
    super::backend::optimize_and_assemble(seq, meta, filename)
}

/// The stand-in for a nested code object in codegen-only mode: its names, first line and
/// free variables, which is all the parent's codegen reads.
fn placeholder_code(meta: &UnitMetadata, filename: &Rc<str>) -> CodeObject {
    let mut code = CodeObject {
        name: meta.name.clone(),
        qualname: meta.qualname.clone(),
        filename: filename.clone(),
        firstlineno: meta.firstlineno,
        argcount: meta.argcount,
        posonlyargcount: meta.posonlyargcount,
        kwonlyargcount: meta.kwonlyargcount,
        flags: meta.flags,
        ..CodeObject::default()
    };
    for name in &meta.freevars {
        code.localsplusnames.push(name.clone());
        code.localspluskinds.push(local_kind::FREE);
    }
    code
}
