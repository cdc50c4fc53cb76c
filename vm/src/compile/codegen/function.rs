//! Functions, lambdas, classes, decorators and PEP 695 generics: building the function
//! object (`MAKE_FUNCTION` and its attributes, closures), default arguments, the class
//! body protocol (`__build_class__`), type-parameter scopes and type aliases.

use std::rc::Rc;

use super::{ArgCounts, Compiler, Ctx, FBlock, FBlockKind, Res, ScopeType};
use crate::ast::{
    Arguments, ClassDef, Expr, ExprKind, FunctionDef, Stmt, TypeParam, TypeParamKind,
};
use crate::compile::preprocess::{clean_doc, docstring};
use crate::compile::symtable::ScopeKey;
use crate::compile::{CodeObject, Const, Location};
use crate::instr::Opcode;

/// `SET_FUNCTION_ATTRIBUTE` flags.
pub(crate) const MAKE_FUNCTION_DEFAULTS: u32 = 0x01;
pub(crate) const MAKE_FUNCTION_KWDEFAULTS: u32 = 0x02;
pub(crate) const MAKE_FUNCTION_ANNOTATIONS: u32 = 0x04;
pub(crate) const MAKE_FUNCTION_CLOSURE: u32 = 0x08;
pub(crate) const MAKE_FUNCTION_ANNOTATE: u32 = 0x10;

const INTRINSIC_STOPITERATION_ERROR: u32 = 3;
const INTRINSIC_TYPEVAR: u32 = 7;
const INTRINSIC_PARAMSPEC: u32 = 8;
const INTRINSIC_TYPEVARTUPLE: u32 = 9;
const INTRINSIC_SUBSCRIPT_GENERIC: u32 = 10;
const INTRINSIC_TYPEALIAS: u32 = 11;
const INTRINSIC_TYPEVAR_WITH_BOUND: u32 = 2;
const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: u32 = 4;
const INTRINSIC_SET_TYPEPARAM_DEFAULT: u32 = 5;

impl<'a> Compiler<'a, '_> {
    /// Loads the function built from `code`, with its closure and the attributes in
    /// `flags` already on the stack (CPython's `codegen_make_closure`).
    pub(crate) fn make_closure(
        &mut self,
        loc: Location,
        code: Rc<CodeObject>,
        freevars: &[&'a str],
        mut flags: u32,
    ) -> Res {
        if !freevars.is_empty() {
            for name in freevars {
                let idx = self.closure_index(name, (&code.name, freevars))?;
                self.emit(Opcode::LOAD_CLOSURE, idx, loc);
            }
            flags |= MAKE_FUNCTION_CLOSURE;
            self.emit(Opcode::BUILD_TUPLE, freevars.len() as u32, loc);
        }
        self.load_const(Const::Code(code), loc);
        self.emit(Opcode::MAKE_FUNCTION, 0, loc);
        for flag in [
            MAKE_FUNCTION_CLOSURE,
            MAKE_FUNCTION_ANNOTATIONS,
            MAKE_FUNCTION_ANNOTATE,
            MAKE_FUNCTION_KWDEFAULTS,
            MAKE_FUNCTION_DEFAULTS,
        ] {
            if flags & flag != 0 {
                self.emit(Opcode::SET_FUNCTION_ATTRIBUTE, flag, loc);
            }
        }
        Ok(())
    }

    fn decorators(&mut self, decos: &'a [Expr<'a>]) -> Res {
        decos.iter().try_for_each(|d| self.visit_expr(d))
    }

    fn apply_decorators(&mut self, decos: &'a [Expr<'a>]) {
        for d in decos.iter().rev() {
            let loc = self.eloc(d);
            self.emit(Opcode::CALL, 0, loc);
        }
    }

    /// Pushes the defaults tuple and keyword-defaults dict; returns the function flags.
    fn default_arguments(&mut self, loc: Location, args: &'a Arguments<'a>) -> Res<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in args.defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32, loc);
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut count = 0;
        for (arg, default) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
            if let Some(d) = default {
                count += 1;
                let mangled = self.maybe_mangle(arg.arg);
                self.load_const(Const::str(mangled), loc);
                self.visit_expr(d)?;
            }
        }
        if count > 0 {
            self.emit(Opcode::BUILD_MAP, count, loc);
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn arg_counts(args: &Arguments<'_>) -> ArgCounts {
        ArgCounts {
            argcount: args.args.len() as u32,
            posonlyargcount: args.posonlyargs.len() as u32,
            kwonlyargcount: args.kwonlyargs.len() as u32,
        }
    }

    pub(crate) fn function_def(&mut self, s: &'a Stmt<'a>, f: &'a FunctionDef<'a>) -> Res {
        self.decorators(f.decorator_list)?;
        let loc = self.span(s.span);
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.eloc(d).lineno,
            None => loc.lineno,
        };
        let generic = !f.type_params.is_empty();
        let mut funcflags = self.default_arguments(loc, f.args)?;
        let mut num_typeparam_args = 0;
        if generic {
            num_typeparam_args = u32::from(funcflags & MAKE_FUNCTION_DEFAULTS != 0)
                + u32::from(funcflags & MAKE_FUNCTION_KWDEFAULTS != 0);
            if num_typeparam_args == 2 {
                self.emit(Opcode::SWAP, 2, loc);
            }
            let name = self
                .arena()
                .alloc_str(&format!("<generic parameters of {}>", f.name));
            let key = ScopeKey::TypeParams(f.type_params.as_ptr() as usize);
            let counts = ArgCounts {
                argcount: num_typeparam_args,
                ..ArgCounts::default()
            };
            self.enter_scope(name, ScopeType::Annotations, key, firstlineno, None, counts)?;
            self.type_params(f.type_params)?;
            for i in 0..num_typeparam_args {
                self.emit(Opcode::LOAD_FAST, i, loc);
            }
        }
        funcflags |= self.function_annotations(loc, f.args, f.returns)?;
        self.function_body(s, f, funcflags, firstlineno)?;
        if generic {
            self.emit(Opcode::SWAP, 2, loc);
            self.emit(
                Opcode::CALL_INTRINSIC_2,
                INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
                loc,
            );
            let (code, freevars) = self.exit_scope(false)?;
            self.make_closure(loc, code, &freevars, 0)?;
            if num_typeparam_args > 0 {
                self.emit(Opcode::SWAP, num_typeparam_args + 1, loc);
                self.emit(Opcode::CALL, num_typeparam_args - 1, loc);
            } else {
                self.emit(Opcode::PUSH_NULL, 0, loc);
                self.emit(Opcode::CALL, 0, loc);
            }
        }
        self.apply_decorators(f.decorator_list);
        self.nameop(f.name, Ctx::Store, loc)
    }

    fn function_body(
        &mut self,
        s: &'a Stmt<'a>,
        f: &'a FunctionDef<'a>,
        funcflags: u32,
        firstlineno: i32,
    ) -> Res {
        let scope_type = if f.is_async {
            ScopeType::AsyncFunction
        } else {
            ScopeType::Function
        };
        let key = ScopeKey::Stmt(ScopeKey::addr(s));
        self.enter_scope(
            f.name,
            scope_type,
            key,
            firstlineno,
            None,
            Self::arg_counts(f.args),
        )?;
        let mut first = 0;
        if self.ste().has_docstring
            && let Some(doc) = docstring(f.body)
        {
            first = 1;
            self.add_const(Const::Str(Rc::new(clean_doc(doc)?)));
        }
        let start = self.new_label();
        self.use_label(start);
        let stop_iteration = self.ste().coroutine || self.ste().generator;
        if stop_iteration {
            self.push_fblock(FBlock::new(
                FBlockKind::StopIteration,
                Location::NONE,
                Some(start),
                None,
            ))?;
        }
        for st in &f.body[first..] {
            self.visit_stmt(st)?;
        }
        if stop_iteration {
            self.wrap_in_stopiteration_handler();
            self.pop_fblock();
        }
        let (code, freevars) = self.exit_scope(true)?;
        self.make_closure(self.span(s.span), code, &freevars, funcflags)
    }

    /// Turns a `StopIteration` escaping a generator or coroutine into a `RuntimeError`.
    pub(crate) fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        self.um()
            .seq
            .insert(0, Opcode::SETUP_CLEANUP, handler.0, Location::NONE);
        self.load_const(Const::None, Location::NONE);
        self.emit(Opcode::RETURN_VALUE, 0, Location::NONE);
        self.use_label(handler);
        self.emit(
            Opcode::CALL_INTRINSIC_1,
            INTRINSIC_STOPITERATION_ERROR,
            Location::NONE,
        );
        self.emit(Opcode::RERAISE, 1, Location::NONE);
    }

    pub(crate) fn lambda(
        &mut self,
        e: &'a Expr<'a>,
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    ) -> Res {
        let loc = self.eloc(e);
        let funcflags = self.default_arguments(loc, args)?;
        let key = ScopeKey::Expr(ScopeKey::addr(e));
        self.enter_scope(
            "<lambda>",
            ScopeType::Lambda,
            key,
            loc.lineno,
            None,
            Self::arg_counts(args),
        )?;
        self.visit_expr(body)?;
        let add_none = if self.ste().generator {
            false
        } else {
            let bloc = self.eloc(body);
            self.emit(Opcode::RETURN_VALUE, 0, bloc);
            true
        };
        let (code, freevars) = self.exit_scope(add_none)?;
        self.make_closure(loc, code, &freevars, funcflags)
    }

    pub(crate) fn class_def(&mut self, s: &'a Stmt<'a>, c: &'a ClassDef<'a>) -> Res {
        self.decorators(c.decorator_list)?;
        let loc = self.span(s.span);
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.eloc(d).lineno,
            None => loc.lineno,
        };
        let generic = !c.type_params.is_empty();
        if generic {
            let name = self
                .arena()
                .alloc_str(&format!("<generic parameters of {}>", c.name));
            let key = ScopeKey::TypeParams(c.type_params.as_ptr() as usize);
            self.enter_scope(
                name,
                ScopeType::Annotations,
                key,
                firstlineno,
                Some(c.name),
                ArgCounts::default(),
            )?;
            self.type_params(c.type_params)?;
            self.nameop(".type_params", Ctx::Store, loc)?;
        }
        self.class_body(s, c, firstlineno)?;
        if generic {
            self.nameop(".type_params", Ctx::Load, loc)?;
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC, loc);
            self.nameop(".generic_base", Ctx::Store, loc)?;
            self.call_helper(loc, 2, c.bases, Some(".generic_base"), c.keywords)?;
            let (code, freevars) = self.exit_scope(false)?;
            self.make_closure(loc, code, &freevars, 0)?;
            self.emit(Opcode::PUSH_NULL, 0, loc);
            self.emit(Opcode::CALL, 0, loc);
        } else {
            self.call_helper(loc, 2, c.bases, None, c.keywords)?;
        }
        self.apply_decorators(c.decorator_list);
        self.nameop(c.name, Ctx::Store, loc)
    }

    /// The class body as a function, then `LOAD_BUILD_CLASS`, the function and the name
    /// (CPython's `codegen_class_body`).
    fn class_body(&mut self, s: &'a Stmt<'a>, c: &'a ClassDef<'a>, firstlineno: i32) -> Res {
        let key = ScopeKey::Stmt(ScopeKey::addr(s));
        self.enter_scope(
            c.name,
            ScopeType::Class,
            key,
            firstlineno,
            Some(c.name),
            ArgCounts::default(),
        )?;
        let loc = Location::new(firstlineno, firstlineno, 0, 0);
        self.nameop("__name__", Ctx::Load, loc)?;
        self.nameop("__module__", Ctx::Store, loc)?;
        let qualname = self.qualname();
        self.load_const(Const::str(&qualname), loc);
        self.nameop("__qualname__", Ctx::Store, loc)?;
        self.load_const(Const::Int(i64::from(firstlineno)), loc);
        self.nameop("__firstlineno__", Ctx::Store, loc)?;
        if !c.type_params.is_empty() {
            self.nameop(".type_params", Ctx::Load, loc)?;
            self.nameop("__type_params__", Ctx::Store, loc)?;
        }
        if self.ste().needs_classdict {
            self.emit(Opcode::LOAD_LOCALS, 0, loc);
            self.emit_cell_raw(Opcode::STORE_DEREF, "__classdict__", false, loc);
        }
        if self.ste().has_conditional_annotations {
            self.emit(Opcode::BUILD_SET, 0, loc);
            self.emit_cell_raw(
                Opcode::STORE_DEREF,
                "__conditional_annotations__",
                false,
                loc,
            );
        }
        self.body(loc, c.body, false)?;
        let mut attrs: Vec<&str> = self
            .u()
            .static_attributes
            .iter()
            .flatten()
            .copied()
            .collect();
        attrs.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        let tuple: Vec<Const> = attrs.iter().map(|a| Const::str(a)).collect();
        self.load_const(Const::Tuple(tuple.into()), Location::NONE);
        self.nameop("__static_attributes__", Ctx::Store, Location::NONE)?;
        if self.ste().needs_classdict {
            let idx = self.cellvar_index("__classdict__")?;
            self.emit(Opcode::LOAD_CLOSURE, idx, Location::NONE);
            self.nameop("__classdictcell__", Ctx::Store, Location::NONE)?;
        }
        if self.ste().needs_class_closure {
            let idx = self.cellvar_index("__class__")?;
            self.emit(Opcode::LOAD_CLOSURE, idx, Location::NONE);
            self.emit(Opcode::COPY, 1, Location::NONE);
            self.nameop("__classcell__", Ctx::Store, Location::NONE)?;
        } else {
            self.load_const(Const::None, Location::NONE);
        }
        self.emit(Opcode::RETURN_VALUE, 0, Location::NONE);
        let (code, freevars) = self.exit_scope(true)?;
        let loc = self.span(s.span);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0, loc);
        self.emit(Opcode::PUSH_NULL, 0, loc);
        self.make_closure(loc, code, &freevars, 0)?;
        self.load_const(Const::str(c.name), loc);
        Ok(())
    }

    /// Builds the tuple of type parameters, binding each name (CPython's
    /// `codegen_type_params`).
    fn type_params(&mut self, params: &'a [TypeParam<'a>]) -> Res {
        let mut seen_default = false;
        for tp in params {
            let loc = self.span(tp.span);
            let addr = ScopeKey::addr(tp);
            let (name, default) = match tp.kind {
                TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                } => {
                    self.load_const(Const::str(name), loc);
                    if let Some(b) = bound {
                        self.type_param_bound_or_default(
                            b,
                            name,
                            ScopeKey::TypeParam(addr),
                            false,
                        )?;
                        let intrinsic = if matches!(b.kind, ExprKind::Tuple { .. }) {
                            INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            INTRINSIC_TYPEVAR_WITH_BOUND
                        };
                        self.emit(Opcode::CALL_INTRINSIC_2, intrinsic, loc);
                    } else {
                        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVAR, loc);
                    }
                    (
                        name,
                        default_value.map(|d| (d, ScopeKey::TypeParamDefault(addr), false)),
                    )
                }
                TypeParamKind::TypeVarTuple {
                    name,
                    default_value,
                } => {
                    self.load_const(Const::str(name), loc);
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE, loc);
                    (
                        name,
                        default_value.map(|d| (d, ScopeKey::TypeParam(addr), true)),
                    )
                }
                TypeParamKind::ParamSpec {
                    name,
                    default_value,
                } => {
                    self.load_const(Const::str(name), loc);
                    self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC, loc);
                    (
                        name,
                        default_value.map(|d| (d, ScopeKey::TypeParam(addr), false)),
                    )
                }
            };
            if let Some((d, key, allow_starred)) = default {
                self.type_param_bound_or_default(d, name, key, allow_starred)?;
                self.emit(
                    Opcode::CALL_INTRINSIC_2,
                    INTRINSIC_SET_TYPEPARAM_DEFAULT,
                    loc,
                );
                seen_default = true;
            } else if seen_default {
                let msg =
                    format!("non-default type parameter '{name}' follows default type parameter");
                return Err(self.error(msg, loc));
            }
            self.emit(Opcode::COPY, 1, loc);
            self.nameop(name, Ctx::Store, loc)?;
        }
        let loc = params.first().map_or(Location::NONE, |p| self.span(p.span));
        self.emit(Opcode::BUILD_TUPLE, params.len() as u32, loc);
        Ok(())
    }

    /// A lazily evaluated bound or default: a function taking the annotation format.
    fn type_param_bound_or_default(
        &mut self,
        e: &'a Expr<'a>,
        name: &'a str,
        key: ScopeKey,
        allow_starred: bool,
    ) -> Res {
        let loc = self.eloc(e);
        self.load_const(Const::Tuple(Rc::from([Const::Int(1)])), loc);
        self.setup_annotations_scope(loc, key, name)?;
        match e.kind {
            ExprKind::Starred { value, .. } if allow_starred => {
                self.visit_expr(value)?;
                self.emit(Opcode::UNPACK_SEQUENCE, 1, loc);
            }
            _ => self.visit_expr(e)?,
        }
        self.emit(Opcode::RETURN_VALUE, 0, loc);
        let (code, freevars) = self.exit_scope(true)?;
        self.make_closure(loc, code, &freevars, MAKE_FUNCTION_DEFAULTS)
    }

    /// `type X[T] = ...` (CPython's `codegen_typealias`).
    pub(crate) fn type_alias(
        &mut self,
        s: &'a Stmt<'a>,
        name_expr: &'a Expr<'a>,
        type_params: &'a [TypeParam<'a>],
        value: &'a Expr<'a>,
    ) -> Res {
        let loc = self.span(s.span);
        let ExprKind::Name { id: name, .. } = name_expr.kind else {
            return Err(self.error("type alias name must be a Name", loc));
        };
        let generic = !type_params.is_empty();
        if generic {
            let scope_name = self
                .arena()
                .alloc_str(&format!("<generic parameters of {name}>"));
            let key = ScopeKey::TypeParams(type_params.as_ptr() as usize);
            self.enter_scope(
                scope_name,
                ScopeType::Annotations,
                key,
                loc.lineno,
                None,
                ArgCounts::default(),
            )?;
            self.load_const(Const::str(name), loc);
            self.type_params(type_params)?;
        } else {
            self.load_const(Const::str(name), loc);
            self.load_const(Const::None, loc);
        }
        self.load_const(Const::Tuple(Rc::from([Const::Int(1)])), loc);
        self.setup_annotations_scope(loc, ScopeKey::Stmt(ScopeKey::addr(s)), name)?;
        self.visit_expr(value)?;
        self.emit(Opcode::RETURN_VALUE, 0, loc);
        let (code, freevars) = self.exit_scope(false)?;
        self.make_closure(loc, code, &freevars, MAKE_FUNCTION_DEFAULTS)?;
        self.emit(Opcode::BUILD_TUPLE, 3, loc);
        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS, loc);
        if generic {
            let (code, freevars) = self.exit_scope(false)?;
            self.make_closure(loc, code, &freevars, 0)?;
            self.emit(Opcode::PUSH_NULL, 0, loc);
            self.emit(Opcode::CALL, 0, loc);
        }
        self.nameop(name, Ctx::Store, loc)
    }
}
