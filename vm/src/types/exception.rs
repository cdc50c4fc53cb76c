//! `BaseException` and the builtin exception hierarchy's behaviour: `args`, the chaining
//! attributes (`__cause__`, `__context__`, `__suppress_context__`, `__traceback__`),
//! `__notes__`, and the structured fields of specific classes (`StopIteration.value`,
//! `SystemExit.code`, `OSError.errno`, `AttributeError.name`, ...), with CPython's `str()`
//! and `repr()` of each.

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::dict::Dict;
use super::str::Str;
use super::tuple::Tuple;

/// The payload of every exception instance.
pub struct BaseException {
    args: PyCell<Py<Tuple>>,
    traceback: PyCell<Value>,
    cause: PyCell<Value>,
    context: PyCell<Value>,
    suppress_context: Cell<bool>,
    /// `__context__` was decided where the exception entered the frames it passes through
    /// (`gen.throw()`), so unwinding leaves it alone until it is raised again.
    context_kept: Cell<bool>,
    dict: PyCell<Option<Py<Dict>>>,
    fields: PyCell<Vec<(&'static str, Value)>>,
}

crate::payload!(BaseException, gc);

impl BaseException {
    /// Cycle collector: args, traceback, cause, context, `__dict__`, and the subclass
    /// fields.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.args.with(|a| visit.py(a));
        self.traceback.with(|v| visit.value(v));
        self.cause.with(|v| visit.value(v));
        self.context.with(|v| visit.value(v));
        self.dict.with(|d| visit.opt(d));
        self.fields
            .with(|f| f.iter().for_each(|(_, v)| visit.value(v)));
    }

    /// Drops everything but `args` (replacing it needs an empty tuple from the VM; a
    /// cycle through `args` also runs through something cleared).
    fn gc_clear(&self) {
        drop(self.traceback.replace(Value::None));
        drop(self.cause.replace(Value::None));
        drop(self.context.replace(Value::None));
        drop(self.dict.take());
        drop(self.fields.take());
    }
}

impl BaseException {
    fn new(args: Py<Tuple>) -> BaseException {
        BaseException {
            args: PyCell::new(args),
            traceback: PyCell::new(Value::None),
            cause: PyCell::new(Value::None),
            context: PyCell::new(Value::None),
            suppress_context: Cell::new(false),
            context_kept: Cell::new(false),
            dict: PyCell::new(None),
            fields: PyCell::new(Vec::new()),
        }
    }

    /// `args`.
    pub fn args(&self) -> Py<Tuple> {
        self.args.get()
    }

    /// `__traceback__`.
    pub fn traceback(&self) -> Value {
        self.traceback.get()
    }

    /// Sets `__traceback__`.
    pub fn set_traceback(&self, tb: Value) {
        drop(self.traceback.replace(tb));
    }

    /// `__cause__`.
    pub fn cause(&self) -> Value {
        self.cause.get()
    }

    /// Sets `__cause__` (and `__suppress_context__`, as `raise ... from` does).
    pub fn set_cause(&self, cause: Value) {
        drop(self.cause.replace(cause));
        self.suppress_context.set(true);
    }

    /// `__context__`.
    pub fn context(&self) -> Value {
        self.context.get()
    }

    /// Sets `__context__`.
    pub fn set_context(&self, ctx: Value) {
        drop(self.context.replace(ctx));
    }

    /// Whether unwinding must leave `__context__` as it is (see [`BaseException::keep_context`]).
    pub fn context_kept(&self) -> bool {
        self.context_kept.get()
    }

    /// Marks `__context__` as decided (`true`, by `gen.throw()`, which does not chain the
    /// exception to the one its caller handles) or to be set by the next raise (`false`,
    /// a `raise` statement).
    pub fn keep_context(&self, kept: bool) {
        self.context_kept.set(kept);
    }

    /// `__suppress_context__`.
    pub fn suppress_context(&self) -> bool {
        self.suppress_context.get()
    }

    /// A structured field (`value`, `code`, `errno`, `name`, ...).
    pub fn field(&self, name: &str) -> Option<Value> {
        self.fields
            .with(|f| f.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()))
    }

    /// Sets a structured field.
    pub fn set_field(&self, name: &'static str, value: Value) {
        let old = self
            .fields
            .with_mut(|f| match f.iter_mut().find(|(n, _)| *n == name) {
                Some((_, slot)) => Some(std::mem::replace(slot, value)),
                None => {
                    f.push((name, value));
                    None
                }
            });
        drop(old);
    }
}

impl Py<BaseException> {
    /// The members of an exception group (`exceptions`), empty for other exceptions.
    pub fn group_members(&self) -> Vec<Py<BaseException>> {
        let Some(Value::Obj(t)) = self.field("exceptions") else {
            return Vec::new();
        };
        match Value::Obj(t).downcast::<super::tuple::Tuple>() {
            Some(t) => t
                .as_slice()
                .iter()
                .filter_map(|m| m.downcast::<BaseException>().cloned())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Sets `name` and `obj` of an AttributeError/NameError.
    pub fn set_attr_fields(&self, vm: &Vm, name: Option<Value>, obj: Option<Value>) {
        let _ = vm;
        if let Some(n) = name {
            self.set_field("name", n);
        }
        if let Some(o) = obj {
            self.set_field("obj", o);
        }
    }

    /// `add_note(note)`.
    pub fn add_note(&self, vm: &Vm, note: &str) {
        let d = vm
            .instance_dict(&Value::from(self))
            .unwrap_or_else(|| vm.new_dict());
        let notes = match d.get_str(&vm.names.__notes__) {
            Some(n) if n.downcast::<super::list::List>().is_some() => n,
            _ => {
                let l: Value = vm.new_list(Vec::new()).into();
                d.set_str(&vm.names.__notes__, l.clone());
                l
            }
        };
        if let Some(l) = notes.downcast::<super::list::List>() {
            l.push(vm.new_str(note).into());
        }
    }
}

/// Creates an exception instance of `ty` with `args`, filling the structured fields the
/// class defines (bypassing any Python-level `__init__`, as the VM does for the errors it
/// raises itself).
pub fn new_exception(vm: &Vm, ty: &Py<Type>, args: Vec<Value>) -> Py<BaseException> {
    let args_tuple = vm.new_tuple(args);
    let obj = match vm.alloc_instance(ty, BaseException::new(args_tuple.clone())) {
        Ok(v) => v,
        Err(e) => return e.into_exc(),
    };
    let exc = match obj.into_downcast::<BaseException>() {
        Ok(e) => e,
        Err(_) => unreachable_exception(vm),
    };
    init_fields(vm, &exc, args_tuple.as_slice());
    exc
}

#[cold]
fn unreachable_exception(vm: &Vm) -> Py<BaseException> {
    // alloc_instance checked the kind; this cannot happen, but never panic.
    crate::object::core::alloc(
        &vm.exc.system_error,
        BaseException::new(vm.empty_tuple.clone()),
    )
}

/// Fills the structured fields from the constructor arguments.
fn init_fields(vm: &Vm, exc: &Py<BaseException>, args: &[Value]) {
    let ty = exc.as_obj().ty().clone();
    // Most exceptions (StopAsyncIteration, KeyError, ValueError, ...) have no structured
    // fields: one pass over the MRO rules them out before the chain of subtype tests
    // below, each a scan of the MRO (~290 -> ~100 instructions per exception).
    let e = &vm.exc;
    let with_fields = [
        &e.stop_iteration,
        &e.system_exit,
        &e.os_error,
        &e.import_error,
        &e.syntax_error,
        &e.unicode_decode_error,
        &e.unicode_encode_error,
        &e.attribute_error,
        &e.name_error,
        &e.base_exception_group,
    ];
    let mro = ty.mro();
    if !std::iter::once(&ty)
        .chain(mro.iter())
        .any(|t| with_fields.iter().any(|f| t.is(f)))
    {
        return;
    }
    let is = |t: &Py<Type>| ty.is_subtype(t);
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
    if is(&vm.exc.stop_iteration) {
        exc.set_field("value", arg(0));
    } else if is(&vm.exc.system_exit) {
        exc.set_field(
            "code",
            match args.len() {
                0 => Value::None,
                1 => arg(0),
                _ => vm.new_tuple(args.to_vec()).into(),
            },
        );
    } else if is(&vm.exc.os_error) {
        let (errno, strerror, filename, filename2) = if (2..=5).contains(&args.len()) {
            (arg(0), arg(1), arg(2), arg(4))
        } else {
            (Value::None, Value::None, Value::None, Value::None)
        };
        // With a filename, `args` keeps only (errno, strerror).
        if !filename.is_none() {
            drop(exc.args.replace(vm.new_tuple(args[..2].to_vec())));
        }
        exc.set_field("errno", errno);
        exc.set_field("strerror", strerror);
        exc.set_field("filename", filename);
        exc.set_field("filename2", filename2);
    } else if is(&vm.exc.import_error) {
        exc.set_field("msg", if args.len() == 1 { arg(0) } else { Value::None });
        for f in ["name", "path", "name_from"] {
            if exc.field(f).is_none() {
                exc.set_field(f, Value::None);
            }
        }
    } else if is(&vm.exc.syntax_error) {
        exc.set_field("msg", arg(0));
        let info = args
            .get(1)
            .and_then(|a| a.downcast::<Tuple>().map(|t| t.as_slice().to_vec()));
        let info = info.unwrap_or_default();
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        for (i, n) in names.iter().enumerate() {
            exc.set_field(n, info.get(i).cloned().unwrap_or(Value::None));
        }
        exc.set_field("print_file_and_line", Value::None);
    } else if is(&vm.exc.unicode_decode_error) || is(&vm.exc.unicode_encode_error) {
        for (i, n) in ["encoding", "object", "start", "end", "reason"]
            .iter()
            .enumerate()
        {
            exc.set_field(n, arg(i));
        }
    } else if is(&vm.exc.attribute_error) || is(&vm.exc.name_error) {
        if exc.field("name").is_none() {
            exc.set_field("name", Value::None);
        }
        if is(&vm.exc.attribute_error) && exc.field("obj").is_none() {
            exc.set_field("obj", Value::None);
        }
    } else if is(&vm.exc.base_exception_group) {
        exc.set_field("message", arg(0));
        let excs = args
            .get(1)
            .and_then(|a| vm.collect(a).ok())
            .unwrap_or_default();
        exc.set_field("exceptions", vm.new_tuple(excs).into());
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<BaseException>> {
    v.downcast::<BaseException>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

/// The OSError subclass CPython picks for `OSError(errno, ...)` (Linux errno values).
pub fn os_error_subclass(vm: &Vm, errno: i64) -> Option<&Py<Type>> {
    let e = &vm.exc;
    Some(match errno {
        11 | 114 | 115 => &e.blocking_io_error,
        10 => &e.child_process_error,
        32 | 108 => &e.broken_pipe_error,
        103 => &e.connection_aborted_error,
        111 => &e.connection_refused_error,
        104 => &e.connection_reset_error,
        17 => &e.file_exists_error,
        2 => &e.file_not_found_error,
        21 => &e.is_a_directory_error,
        20 => &e.not_a_directory_error,
        4 => &e.interrupted_error,
        1 | 13 => &e.permission_error,
        3 => &e.process_lookup_error,
        110 => &e.timeout_error,
        _ => return None,
    })
}

fn exc_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let positional = args.pos().to_vec();
    if cls.is_subtype(&vm.exc.base_exception_group) {
        return group_new(vm, cls, &positional);
    }
    // `OSError(errno, strerror, ...)` becomes the errno's subclass.
    let cls = if cls.is(&vm.exc.os_error)
        && (2..=5).contains(&positional.len())
        && let Value::Int(no) = positional[0]
        && let Some(sub) = os_error_subclass(vm, no)
    {
        sub
    } else {
        cls
    };
    let tuple = vm.new_tuple(positional.clone());
    let v = vm.alloc_instance(cls, BaseException::new(tuple))?;
    if let Some(e) = v.downcast::<BaseException>() {
        init_fields(vm, e, &positional);
    }
    Ok(v)
}

fn exc_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let e = this(vm, v)?;
    let cls = v.class(vm);
    // The keyword-only attributes some exception types accept.
    let keywords: &[&'static str] = if cls.is_subtype(&vm.exc.import_error) {
        &["name", "path", "name_from"]
    } else if cls.is_subtype(&vm.exc.attribute_error) {
        &["name", "obj"]
    } else if cls.is_subtype(&vm.exc.name_error) {
        &["name"]
    } else {
        &[]
    };
    if let Some(bad) = args
        .kwargs()
        .map(|(k, _)| k.to_lossy().into_owned())
        .find(|k| !keywords.contains(&k.as_str()))
    {
        let name = cls.name();
        if keywords.is_empty() {
            return Err(vm.new_type_error(format!("{name}() takes no keyword arguments")));
        }
        if cls.is_subtype(&vm.exc.import_error) {
            return Err(vm.new_type_error(format!(
                "'{bad}' is an invalid keyword argument for {name}()"
            )));
        }
        let candidates: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
        let hint = crate::exec::suggest::best_match(&candidates, &bad)
            .map(|m| format!(". Did you mean '{m}'?"))
            .unwrap_or_default();
        return Err(vm.new_type_error(format!(
            "{name}() got an unexpected keyword argument '{bad}'{hint}"
        )));
    }
    if cls.is_subtype(&vm.exc.base_exception_group) {
        return Ok(());
    }
    let positional = args.pos().to_vec();
    drop(e.args.replace(vm.new_tuple(positional.clone())));
    init_fields(vm, e, &positional);
    for (k, val) in args.kwargs() {
        if let Some(name) = keywords.iter().find(|n| n.as_bytes() == k.as_bytes()) {
            e.set_field(name, val.clone());
        }
    }
    Ok(())
}

fn group_new(vm: &Vm, cls: &Py<Type>, args: &[Value]) -> PyResult<Value> {
    let name = cls.name();
    if args.len() != 2 {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    if args[0].downcast::<Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    }
    let seq = &args[1];
    if seq.downcast::<super::set::Set>().is_some()
        || seq.downcast::<Dict>().is_some()
        || seq.class(vm).slots.getitem.get().is_none()
    {
        return Err(vm.new_type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(seq)?;
    if excs.is_empty() {
        return Err(vm.new_value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        if e.downcast::<BaseException>().is_none() {
            return Err(vm.new_value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !e.class(vm).is_subtype(&vm.exc.exception) {
            all_exceptions = false;
        }
    }
    let mut cls = cls.clone();
    if cls.is(&vm.exc.base_exception_group) {
        if all_exceptions {
            cls = vm.exc.exception_group.clone();
        }
    } else if cls.is(&vm.exc.exception_group) {
        if !all_exceptions {
            return Err(vm.new_type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && !cls.is_subtype(&vm.exc.exception) {
        // A user subclass of BaseExceptionGroup may hold anything.
    } else if !all_exceptions {
        return Err(vm.new_type_error(format!("Cannot nest BaseExceptions in '{name}'")));
    }
    // `args` keeps the sequence as given; `exceptions` is always a tuple.
    let tuple = vm.new_tuple(vec![args[0].clone(), seq.clone()]);
    let v = vm.alloc_instance(&cls, BaseException::new(tuple))?;
    if let Some(e) = v.downcast::<BaseException>() {
        e.set_field("message", args[0].clone());
        e.set_field("exceptions", vm.new_tuple(excs).into());
    }
    Ok(v)
}

/// `str(exc)`.
fn exc_str(vm: &Vm, v: &Value) -> PyResult<Value> {
    let e = this(vm, v)?;
    let cls = v.class(vm).clone();
    let args = e.args();
    let a = args.as_slice();
    if cls.is_subtype(&vm.exc.key_error) && a.len() == 1 {
        return Ok(vm.repr(&a[0])?.into());
    }
    if cls.is_subtype(&vm.exc.os_error) {
        let (errno, strerror) = (e.field("errno"), e.field("strerror"));
        if let (Some(no), Some(se)) = (&errno, &strerror)
            && !no.is_none()
            && !se.is_none()
        {
            let base = format!(
                "[Errno {}] {}",
                vm.str(no)?.to_lossy(),
                vm.str(se)?.to_lossy()
            );
            let f1 = e.field("filename").unwrap_or(Value::None);
            let f2 = e.field("filename2").unwrap_or(Value::None);
            let text = if !f1.is_none() && !f2.is_none() {
                format!(
                    "{base}: {} -> {}",
                    vm.repr(&f1)?.to_lossy(),
                    vm.repr(&f2)?.to_lossy()
                )
            } else if !f1.is_none() {
                format!("{base}: {}", vm.repr(&f1)?.to_lossy())
            } else {
                base
            };
            return Ok(vm.new_str(&text).into());
        }
    }
    if cls.is_subtype(&vm.exc.syntax_error) {
        let msg = e.field("msg").unwrap_or(Value::None);
        let msg_text = vm.str(&msg)?.to_lossy().into_owned();
        let filename = e.field("filename").unwrap_or(Value::None);
        let lineno = e.field("lineno").unwrap_or(Value::None);
        let fname = filename.downcast::<Str>().map(|s| {
            let t = s.to_lossy().into_owned();
            t.rsplit('/').next().unwrap_or(&t).to_string()
        });
        let line = super::int::as_int(&lineno).and_then(|i| i.to_i64());
        let text = match (fname, line) {
            (Some(f), Some(l)) => format!("{msg_text} ({f}, line {l})"),
            (Some(f), None) => format!("{msg_text} ({f})"),
            (None, Some(l)) => format!("{msg_text} (line {l})"),
            (None, None) => msg_text,
        };
        return Ok(vm.new_str(&text).into());
    }
    if (cls.is_subtype(&vm.exc.unicode_decode_error)
        || cls.is_subtype(&vm.exc.unicode_encode_error))
        && let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
            e.field("encoding"),
            e.field("object"),
            e.field("start"),
            e.field("end"),
            e.field("reason"),
        )
    {
        {
            let enc = vm.str(&enc)?.to_lossy().into_owned();
            let reason = vm.str(&reason)?.to_lossy().into_owned();
            let start = vm.index_value(&start).unwrap_or(0);
            let end = vm.index_value(&end).unwrap_or(0);
            let decode = cls.is_subtype(&vm.exc.unicode_decode_error);
            let text = if decode {
                let data = vm.bytes_like(&obj).unwrap_or_default();
                let byte = data.get(start as usize).copied().unwrap_or(0);
                if end - start == 1 {
                    format!(
                        "'{enc}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
                    )
                } else {
                    format!(
                        "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
                        end - 1
                    )
                }
            } else {
                let ch = obj
                    .downcast::<Str>()
                    .filter(|s| (start as usize) < s.char_len())
                    .map(|s| s.char_at(start as usize))
                    .unwrap_or(0);
                let esc = if ch <= 0xff {
                    format!("\\x{ch:02x}")
                } else if ch <= 0xffff {
                    format!("\\u{ch:04x}")
                } else {
                    format!("\\U{ch:08x}")
                };
                if end - start == 1 {
                    format!(
                        "'{enc}' codec can't encode character '{esc}' in position {start}: {reason}"
                    )
                } else {
                    format!(
                        "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
                        end - 1
                    )
                }
            };
            return Ok(vm.new_str(&text).into());
        }
    }
    if cls.is_subtype(&vm.exc.base_exception_group) {
        let msg = e.field("message").unwrap_or(Value::None);
        let n = e
            .field("exceptions")
            .and_then(|x| x.downcast::<Tuple>().map(|t| t.len()))
            .unwrap_or(0);
        let text = format!(
            "{} ({n} sub-exception{})",
            vm.str(&msg)?.to_lossy(),
            if n == 1 { "" } else { "s" }
        );
        return Ok(vm.new_str(&text).into());
    }
    Ok(match a {
        [] => vm.names.empty.clone().into(),
        [one] => vm.str(one)?.into(),
        _ => vm.str(&Value::from(&args))?.into(),
    })
}

fn exc_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let e = this(vm, v)?;
    let name = v.class(vm).name();
    if v.class(vm).is_subtype(&vm.exc.base_exception_group) {
        let msg = e.field("message").unwrap_or(Value::None);
        let excs = e.field("exceptions").unwrap_or(Value::None);
        // The exceptions tuple, shown as a list when the group was built from one.
        let given_list = e
            .args()
            .as_slice()
            .get(1)
            .is_some_and(|a| a.downcast::<super::list::List>().is_some());
        let shown: Value = if given_list {
            vm.new_list(vm.collect(&excs).unwrap_or_default()).into()
        } else {
            excs
        };
        return Ok(vm
            .new_str(&format!(
                "{name}({}, {})",
                vm.repr(&msg)?.to_lossy(),
                vm.repr(&shown)?.to_lossy()
            ))
            .into());
    }
    let args = e.args();
    let text = match args.as_slice() {
        [] => format!("{name}()"),
        [one] => format!("{name}({})", vm.repr(one)?.to_lossy()),
        _ => format!("{name}{}", vm.repr(&Value::from(&args))?.to_lossy()),
    };
    Ok(vm.new_str(&text).into())
}

fn exc_dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<BaseException>().map(|e| &e.dict)
}

fn exc_with_traceback(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<BaseException>(args, "with_traceback", "BaseException")?;
    let tb = rest.one(vm, "BaseException.with_traceback")?;
    set_traceback_checked(vm, e, tb.clone())?;
    Ok(args.values()[0].clone())
}

fn set_traceback_checked(vm: &Vm, e: &Py<BaseException>, tb: Value) -> PyResult<()> {
    if !tb.is_none() && tb.downcast::<super::traceback::Traceback>().is_none() {
        return Err(vm.new_type_error("__traceback__ must be a traceback or None"));
    }
    e.set_traceback(tb);
    Ok(())
}

fn exc_add_note(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<BaseException>(args, "add_note", "BaseException")?;
    let note = rest.one(vm, "BaseException.add_note")?;
    if note.downcast::<Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "add_note() argument must be str, not {}",
            vm.type_name(note)
        )));
    }
    let d = vm
        .instance_dict(&args.values()[0])
        .unwrap_or_else(|| vm.new_dict());
    let notes = match d.get_str(&vm.names.__notes__) {
        Some(n) => n,
        None => {
            let l: Value = vm.new_list(Vec::new()).into();
            d.set_str(&vm.names.__notes__, l.clone());
            l
        }
    };
    let Some(l) = notes.downcast::<super::list::List>() else {
        return Err(vm.new_type_error("Cannot add note: __notes__ is not a list"));
    };
    l.push(note.clone());
    let _ = e;
    Ok(Value::None)
}

fn exc_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, _) = vm.method_self::<BaseException>(args, "__reduce__", "BaseException")?;
    let this = &args.values()[0];
    let cls = Value::from(this.class(vm).clone());
    let mut parts = vec![cls, e.args().into()];
    if let Some(d) = e.dict.get()
        && !d.is_empty()
    {
        parts.push(d.into());
    }
    Ok(vm.new_tuple(parts).into())
}

fn group_split_like(vm: &Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<BaseException>(args, name, "BaseExceptionGroup")?;
    let cond = rest.one(vm, name)?;
    let this = args.values()[0].clone();
    let (matched, rest) = crate::exec::except_star::split_group(vm, &this, cond)?;
    let _ = e;
    if name == "subgroup" {
        return Ok(matched);
    }
    Ok(vm.new_tuple(vec![matched, rest]).into())
}

fn group_split(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    group_split_like(vm, args, "split")
}

fn group_subgroup(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    group_split_like(vm, args, "subgroup")
}

fn group_derive(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<BaseException>(args, "derive", "BaseExceptionGroup")?;
    let excs = rest.one(vm, "derive")?;
    let msg = e.field("message").unwrap_or(Value::None);
    let cls: Value = vm.exc.base_exception_group.clone().into();
    vm.call(&cls, Args::positional(&[msg, excs.clone()]))
}

macro_rules! field_getset {
    ($vm:ident, $ty:expr, $($name:literal),*) => {
        $(
            $vm.add_getset(
                $ty,
                $name,
                |vm, v| Ok(this(vm, v)?.field($name).unwrap_or(Value::None)),
                Some(|vm, v, new| {
                    this(vm, v)?.set_field($name, new.unwrap_or(Value::None));
                    Ok(())
                }),
            );
        )*
    };
}

/// Fills in the exception types' slots, methods and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.exc.base_exception;
    let s = &t.slots;
    s.new.set(Some(exc_new));
    s.init.set(Some(exc_init));
    s.str.set(Some(exc_str));
    s.repr.set(Some(exc_repr));
    s.dictptr.set(Some(exc_dictptr));
    vm.add_methods(
        t,
        &[
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
            ("__reduce__", exc_reduce),
        ],
    );
    vm.add_getset(
        t,
        "args",
        |vm, v| Ok(this(vm, v)?.args().into()),
        Some(|vm, v, new| {
            let items = match new {
                Some(x) => vm.collect(&x)?,
                None => return Err(vm.new_type_error("args may not be deleted")),
            };
            drop(this(vm, v)?.args.replace(vm.new_tuple(items)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__traceback__",
        |vm, v| Ok(this(vm, v)?.traceback()),
        Some(|vm, v, new| {
            let Some(tb) = new else {
                return Err(vm.new_type_error("__traceback__ may not be deleted"));
            };
            set_traceback_checked(vm, this(vm, v)?, tb)
        }),
    );
    vm.add_getset(
        t,
        "__cause__",
        |vm, v| Ok(this(vm, v)?.cause()),
        Some(|vm, v, new| {
            let c = new.unwrap_or(Value::None);
            if !c.is_none() && c.downcast::<BaseException>().is_none() {
                return Err(
                    vm.new_type_error("exception cause must be None or derive from BaseException")
                );
            }
            let e = this(vm, v)?;
            drop(e.cause.replace(c));
            e.suppress_context.set(true);
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__context__",
        |vm, v| Ok(this(vm, v)?.context()),
        Some(|vm, v, new| {
            let c = new.unwrap_or(Value::None);
            if !c.is_none() && c.downcast::<BaseException>().is_none() {
                return Err(vm.new_type_error(
                    "exception context must be None or derive from BaseException",
                ));
            }
            this(vm, v)?.set_context(c);
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__suppress_context__",
        |vm, v| Ok(Value::Bool(this(vm, v)?.suppress_context())),
        Some(|vm, v, new| {
            let b = match new {
                Some(x) => vm.is_true(&x)?,
                None => false,
            };
            this(vm, v)?.suppress_context.set(b);
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__dict__",
        crate::runtime::attr::get_payload_dict,
        Some(crate::runtime::attr::set_payload_dict),
    );

    field_getset!(vm, &vm.exc.stop_iteration, "value");
    field_getset!(vm, &vm.exc.system_exit, "code");
    field_getset!(
        vm,
        &vm.exc.os_error,
        "errno",
        "strerror",
        "filename",
        "filename2"
    );
    field_getset!(vm, &vm.exc.import_error, "msg", "name", "path", "name_from");
    field_getset!(vm, &vm.exc.attribute_error, "name", "obj");
    field_getset!(vm, &vm.exc.name_error, "name");
    field_getset!(
        vm,
        &vm.exc.syntax_error,
        "msg",
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
        "print_file_and_line"
    );
    for t in [
        &vm.exc.unicode_decode_error,
        &vm.exc.unicode_encode_error,
        &vm.exc.unicode_translate_error,
    ] {
        field_getset!(vm, t, "encoding", "object", "start", "end", "reason");
    }
    let g = &vm.exc.base_exception_group;
    vm.add_getset(
        g,
        "message",
        |vm, v| Ok(this(vm, v)?.field("message").unwrap_or(Value::None)),
        None,
    );
    vm.add_getset(
        g,
        "exceptions",
        |vm, v| Ok(this(vm, v)?.field("exceptions").unwrap_or(Value::None)),
        None,
    );
    vm.add_methods(
        g,
        &[
            ("split", group_split),
            ("subgroup", group_subgroup),
            ("derive", group_derive),
        ],
    );
}
