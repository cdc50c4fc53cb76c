//! Calling Python code: binding arguments to parameters with CPython's rules and error
//! messages, pushing frames, and the entry points native code uses (`call_python`,
//! `run_code`, class bodies).

use std::ptr::NonNull;

use crate::compile::code::co_flags;
use crate::object::{Py, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};
use crate::types::code::Code;
use crate::types::dict::Dict;
use crate::types::function::Function;
use crate::types::str::Str;

use super::frame::{Frame, FrameEnv, FrameInit, frame_ref};
use super::{Exit, eval};

/// Joins names as CPython's messages do: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Pushes a frame for `func` and binds `args` to its parameters.
#[inline(always)]
pub fn push_function_frame(
    vm: &Vm,
    func: &Py<Function>,
    args: Args<'_>,
) -> PyResult<NonNull<Frame>> {
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return Err(vm.new_recursion_error("maximum recursion depth exceeded"));
    }
    let code = func.code.get();
    // Fast path (CPython's exact-args case): the positional arguments are exactly the
    // parameters, so they are copied straight into the first locals.
    let simple = !args.has_kwargs()
        && code.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
        && code.kwonlyargcount() == 0;
    if !(simple && args.values().len() == code.argcount()) {
        return push_and_bind(vm, func, code, args, simple, depth);
    }
    let frame = vm.exec.stack.push_with_args(
        function_frame_init(func, code),
        vm.exec.current.get(),
        None,
        args.values(),
    );
    vm.exec.depth.set(depth + 1);
    Ok(frame)
}

#[inline(always)]
fn function_frame_init(func: &Py<Function>, code: Py<Code>) -> FrameInit {
    FrameInit {
        code,
        env: FrameEnv::Function(func.clone()),
        locals: Value::Null,
    }
}

/// [`push_function_frame`] beyond exact positional arguments. `simple`: positional
/// arguments only and no `*args`/`**kwargs`/keyword-only parameters; then when defaults
/// cover every parameter not passed, the arguments and defaults are copied straight in.
#[inline(never)]
fn push_and_bind(
    vm: &Vm,
    func: &Py<Function>,
    code: Py<Code>,
    args: Args<'_>,
    simple: bool,
    depth: u32,
) -> PyResult<NonNull<Frame>> {
    let (nargs, argcount) = (args.values().len(), code.argcount());
    let defaults = if simple && nargs < argcount {
        func.defaults.get().filter(|d| nargs + d.len() >= argcount)
    } else {
        None
    };
    let keywords = args.has_kwargs()
        && code.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
        && args.npos() <= argcount;
    let bound = if defaults.is_some() {
        args.values()
    } else if keywords {
        args.pos()
    } else {
        &[]
    };
    let mut frame = vm.exec.stack.push_with_args(
        function_frame_init(func, code),
        vm.exec.current.get(),
        None,
        bound,
    );
    vm.exec.depth.set(depth + 1);
    let mut f = frame_ref(frame);
    if keywords {
        if bind_keywords_fast(func, &f.code, f, &args) {
            return Ok(frame);
        }
        // A case the fast binding leaves to `bind_args` (errors included): start over
        // from a fresh frame.
        let code = f.code.clone();
        // SAFETY: the frame was just pushed and is topmost; nothing else refers to it.
        unsafe { vm.exec.stack.pop(frame) };
        frame = vm.exec.stack.push_with_args(
            function_frame_init(func, code),
            vm.exec.current.get(),
            None,
            &[],
        );
        f = frame_ref(frame);
    }
    if let Some(defs) = defaults {
        // The last `argcount` defaults belong to the parameters (a `__defaults__` longer
        // than the parameters leaves its first items unused, as in CPython); the check
        // above keeps every index in range.
        let defs = defs.as_slice();
        for i in nargs..argcount {
            if let Some(d) = defs.get(defs.len() + i - argcount) {
                f.set_local(i, d.clone());
            }
        }
        return Ok(frame);
    }
    if let Err(e) = bind_args(vm, func, &f.code, f, args) {
        // SAFETY: the frame was just pushed and is topmost; nothing else refers to it.
        unsafe { vm.exec.stack.pop(frame) };
        vm.exec.depth.set(depth);
        return Err(e);
    }
    Ok(frame)
}

/// The common keyword call, bound without [`bind_args`]'s bookkeeping: no `*args` or
/// `**kwargs` parameter, the positional arguments (at most `argcount`, already in the
/// first locals) followed by keywords that each name a later parameter by identity (the
/// compiler interns both), none given twice, and every parameter left out having a
/// default. The keywords and defaults go straight into the fresh frame's locals. False
/// when the call is not that simple: the frame is then partly bound, and the caller
/// binds a fresh one with `bind_args`, which also raises the errors.
fn bind_keywords_fast(func: &Py<Function>, code: &Code, f: &Frame, args: &Args<'_>) -> bool {
    let argcount = code.argcount();
    let total = argcount + code.kwonlyargcount();
    let posonly = code.posonlyargcount();
    let npos = args.npos();
    let names = &code.localsplusnames;
    let kwnames = args.kwnames().map_or(&[][..], |t| t.as_slice());
    for (name, value) in kwnames.iter().zip(&args.values()[npos..]) {
        let Some(name) = name.downcast::<Str>() else {
            return false;
        };
        let Some(i) = (posonly..total).find(|&i| names[i].is(name)) else {
            return false;
        };
        if !f.local(i).is_some_and(Value::is_null) {
            return false;
        }
        f.set_local(i, value.clone());
    }
    if npos < argcount {
        let filled = func.defaults.with(|d| {
            let defs = d.as_ref().map_or(&[][..], |t| t.as_slice());
            let first_default = argcount - defs.len().min(argcount);
            for i in npos..argcount {
                if f.local(i).is_some_and(Value::is_null) {
                    let Some(d) = i.checked_sub(first_default).and_then(|j| defs.get(j)) else {
                        return false;
                    };
                    f.set_local(i, d.clone());
                }
            }
            true
        });
        if !filled {
            return false;
        }
    }
    if total > argcount {
        let kwdefaults = func.kwdefaults.get();
        for i in argcount..total {
            if f.local(i).is_some_and(Value::is_null) {
                match kwdefaults.as_ref().and_then(|d| d.get_str(&names[i])) {
                    Some(v) => drop(f.set_local(i, v)),
                    None => return false,
                }
            }
        }
    }
    true
}

/// Binds call arguments into a fresh frame's locals (CPython's `initialize_locals`).
fn bind_args(
    vm: &Vm,
    func: &Py<Function>,
    code: &Py<Code>,
    f: &Frame,
    args: Args<'_>,
) -> PyResult<()> {
    let argcount = code.argcount();
    let posonly = code.posonlyargcount();
    let kwonly = code.kwonlyargcount();
    let has_varargs = code.flags & co_flags::VARARGS != 0;
    let has_varkw = code.flags & co_flags::VARKEYWORDS != 0;
    let total = argcount + kwonly;
    let pos = args.pos();
    let npos = pos.len();

    let fname = || func.qualname.get().to_lossy().into_owned();
    for (i, v) in pos.iter().take(argcount).enumerate() {
        f.set_local(i, v.clone());
    }
    let kwdict = if has_varkw { Some(vm.new_dict()) } else { None };
    if has_varargs {
        let extra = if npos > argcount {
            pos[argcount..].to_vec()
        } else {
            Vec::new()
        };
        f.set_local(total, vm.new_tuple(extra).into());
    } else if npos > argcount {
        return Err(too_many_positional(vm, func, code, f, npos, &args));
    }
    if let Some(d) = &kwdict {
        f.set_local(total + usize::from(has_varargs), d.clone().into());
    }

    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    let kwnames = args.kwnames().map_or(&[][..], |t| t.as_slice());
    let kwvalues = &args.values()[npos..];
    for (name, value) in kwnames.iter().zip(kwvalues) {
        // As `Args::kwargs`: keyword names are strings (the compiler's, or checked by
        // `**` unpacking).
        let Some(name) = name.downcast::<Str>() else {
            continue;
        };
        let idx = (posonly..total)
            .find(|&i| code.localsplusnames[i].is(name))
            .or_else(|| {
                (posonly..total).find(|&i| code.localsplusnames[i].as_bytes() == name.as_bytes())
            });
        match idx {
            Some(i) => {
                if f.local(i).is_some_and(|v| !v.is_null()) {
                    return Err(vm.new_type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        fname(),
                        name.to_lossy()
                    )));
                }
                f.set_local(i, value.clone());
            }
            None => {
                if let Some(d) = &kwdict {
                    d.set_item(vm, Value::from(name), value.clone())?;
                    continue;
                }
                if (0..posonly).any(|i| code.localsplusnames[i].as_bytes() == name.as_bytes()) {
                    posonly_as_kw.push(name.to_lossy().into_owned());
                    continue;
                }
                return Err(vm.new_type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname(),
                    name.to_lossy()
                )));
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.new_type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            fname(),
            posonly_as_kw.join(", ")
        )));
    }

    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults.get();
        let defs = defaults.as_ref().map_or(&[][..], |d| d.as_slice());
        let first_default = argcount - defs.len().min(argcount);
        let mut missing = Vec::new();
        for i in npos..argcount {
            if f.local(i).is_some_and(|v| !v.is_null()) {
                continue;
            }
            if i >= first_default {
                f.set_local(i, defs[i - first_default].clone());
            } else {
                missing.push(code.localsplusnames[i].to_lossy().into_owned());
            }
        }
        if !missing.is_empty() {
            return Err(vm.new_type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
    }
    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.get();
        let mut missing = Vec::new();
        for i in argcount..total {
            if f.local(i).is_some_and(|v| !v.is_null()) {
                continue;
            }
            let name = &code.localsplusnames[i];
            match kwdefaults.as_ref().and_then(|d| d.get_str(name)) {
                Some(v) => {
                    f.set_local(i, v);
                }
                None => missing.push(name.to_lossy().into_owned()),
            }
        }
        if !missing.is_empty() {
            return Err(vm.new_type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                fname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
    }
    Ok(())
}

#[cold]
fn too_many_positional(
    vm: &Vm,
    func: &Py<Function>,
    code: &Py<Code>,
    f: &Frame,
    given: usize,
    args: &Args<'_>,
) -> PyErr {
    let argcount = code.argcount();
    let ndefaults = func.defaults.get().map_or(0, |d| d.len());
    let kwonly_given = (argcount..argcount + code.kwonlyargcount())
        .filter(|&i| {
            let name = &code.localsplusnames[i];
            args.kwargs().any(|(k, _)| k.as_bytes() == name.as_bytes())
        })
        .count();
    let _ = f;
    let takes = if ndefaults > 0 {
        format!(
            "from {} to {} positional arguments",
            argcount - ndefaults.min(argcount),
            argcount
        )
    } else {
        plural(argcount, "positional argument")
    };
    let given_text = if kwonly_given > 0 {
        format!(
            "{} (and {}) were given",
            plural(given, "positional argument"),
            plural(kwonly_given, "keyword-only argument")
        )
    } else if given == 1 {
        "1 was given".to_string()
    } else {
        format!("{given} were given")
    };
    vm.new_type_error(format!(
        "{}() takes {takes} but {given_text}",
        func.qualname.get().to_lossy()
    ))
}

impl Vm {
    /// Calls a Python function from native code (a nested eval loop).
    pub fn call_python(&self, func: &Py<Function>, args: Args<'_>) -> PyResult<Value> {
        self.with_native_recursion("", || {
            let frame = push_function_frame(self, func, args)?;
            match eval::run(self, frame, None)? {
                Exit::Return(v) => Ok(v),
                Exit::Yield(_) => Err(self.new_system_error("function frame yielded")),
            }
        })
    }

    /// Calls a Python function from native code with `this` in front of `args` (a special
    /// method found on a type, `__init__`): an exact positional call pushes its frame with
    /// the arguments written straight in (no argument list, no bound method); any other
    /// shape goes through [`Vm::call_python`].
    pub fn call_python_self(
        &self,
        func: &Py<Function>,
        this: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let code = func.code.get();
        // Plain positional parameters, one per argument and `self` (`argcount + 1`).
        let exact = code.positional_call == args.len() + 2;
        if !exact {
            return crate::types::function::call_prepended(
                self,
                &Value::from(func.clone()),
                this,
                Args::positional(args),
            );
        }
        let gen_flags = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR;
        let is_generator = code.flags & gen_flags != 0;
        self.with_native_recursion("", || {
            let depth = self.exec.depth.get();
            if depth >= self.recursion_limit() {
                return Err(self.new_recursion_error("maximum recursion depth exceeded"));
            }
            let frame = self.exec.stack.push_with_args(
                function_frame_init(func, code),
                self.exec.current.get(),
                Some(this),
                args,
            );
            if is_generator && let Some(g) = super::genframe::start_generator_frame(self, frame) {
                return Ok(g);
            }
            self.exec.depth.set(depth + 1);
            match eval::run(self, frame, None)? {
                Exit::Return(v) => Ok(v),
                Exit::Yield(_) => Err(self.new_system_error("function frame yielded")),
            }
        })
    }

    /// Runs a code object with the given globals and locals mapping (module bodies,
    /// `exec`, `eval`).
    pub fn run_code(
        &self,
        code: &Py<Code>,
        globals: &Py<Dict>,
        locals: Option<Value>,
    ) -> PyResult<Value> {
        let builtins = match globals.get_str(&self.names.__builtins__) {
            Some(b) => match b.downcast::<Dict>() {
                Some(d) => d.clone(),
                None => match b.downcast::<crate::types::module::Module>() {
                    Some(m) => m.dict().clone(),
                    None => self.builtins_dict().clone(),
                },
            },
            None => {
                globals.set_str(&self.names.__builtins__, self.builtins.clone().into());
                self.builtins_dict().clone()
            }
        };
        let locals = locals.unwrap_or_else(|| globals.clone().into());
        self.with_native_recursion("", || {
            let depth = self.exec.depth.get();
            if depth >= self.recursion_limit() {
                return Err(self.new_recursion_error("maximum recursion depth exceeded"));
            }
            let frame = self.exec.stack.push(
                FrameInit {
                    code: code.clone(),
                    env: FrameEnv::Code {
                        globals: globals.clone(),
                        builtins,
                    },
                    locals,
                },
                self.exec.current.get(),
            );
            self.exec.depth.set(depth + 1);
            match eval::run(self, frame, None)? {
                Exit::Return(v) => Ok(v),
                Exit::Yield(_) => Err(self.new_system_error("module frame yielded")),
            }
        })
    }

    /// Runs a class body function with `ns` as its locals; returns what the body returns
    /// (the `__classcell__` cell, or None).
    pub fn run_class_body(&self, body: &Py<Function>, ns: &Value) -> PyResult<Option<Value>> {
        self.with_native_recursion("", || {
            let frame = push_function_frame(self, body, Args::positional(&[]))?;
            let f = frame_ref(frame);
            // Class bodies look names up in the namespace first.
            // SAFETY-free: `locals` is only read by the frame's own instructions.
            let _ = f;
            set_frame_locals(frame, ns.clone());
            match eval::run(self, frame, None)? {
                Exit::Return(v) => Ok(if v.is_none() { None } else { Some(v) }),
                Exit::Yield(_) => Err(self.new_system_error("class body yielded")),
            }
        })
    }
}

/// Sets the locals mapping of a frame that has not started running.
fn set_frame_locals(frame: NonNull<Frame>, ns: Value) {
    frame_ref(frame).set_locals_mapping(ns);
}

/// The name of a code object's function for messages.
pub fn code_name(code: &Py<Code>) -> Py<Str> {
    code.qualname.clone()
}
