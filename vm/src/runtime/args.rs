//! Call arguments as native functions receive them (vectorcall-like: positional values then
//! keyword values, with a tuple naming the keywords), and the checks builtins use, with
//! CPython's `TypeError` messages.

use crate::object::{Py, Value};
use crate::types::str::Str;
use crate::types::tuple::Tuple;

use super::{PyErr, PyResult, Vm};

/// Arguments of a call: `values[..npos]` positional, the rest named by `kwnames`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    values: &'a [Value],
    kwnames: Option<&'a Py<Tuple>>,
}

impl<'a> Args<'a> {
    /// Arguments with keywords: the last `kwnames.len()` values are keyword values.
    #[inline]
    pub fn new(values: &'a [Value], kwnames: Option<&'a Py<Tuple>>) -> Args<'a> {
        Args { values, kwnames }
    }

    /// Positional arguments only.
    #[inline]
    pub fn positional(values: &'a [Value]) -> Args<'a> {
        Args {
            values,
            kwnames: None,
        }
    }

    /// Every value, positional then keyword.
    #[inline]
    pub fn values(&self) -> &'a [Value] {
        self.values
    }

    /// The keyword names, if any.
    #[inline]
    pub fn kwnames(&self) -> Option<&'a Py<Tuple>> {
        self.kwnames
    }

    /// Number of keyword arguments.
    #[inline]
    pub fn nkw(&self) -> usize {
        self.kwnames.map_or(0, |k| k.len())
    }

    /// Number of positional arguments.
    #[inline]
    pub fn npos(&self) -> usize {
        self.values.len() - self.nkw()
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.values[..self.npos()]
    }

    /// Whether any keyword argument was passed.
    #[inline]
    pub fn has_kwargs(&self) -> bool {
        self.nkw() != 0
    }

    /// The keyword arguments as `(name, value)` pairs.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a Py<Str>, &'a Value)> + 'a {
        let npos = self.npos();
        let values = self.values;
        self.kwnames.into_iter().flat_map(move |names| {
            names
                .as_slice()
                .iter()
                .zip(&values[npos..])
                .filter_map(|(n, v)| n.downcast::<Str>().map(|n| (n, v)))
        })
    }

    /// The keyword argument named `name`.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kwargs()
            .find(|(n, _)| n.as_bytes() == name.as_bytes())
            .map(|(_, v)| v)
    }

    /// Splits off the first positional argument (`self` of a method).
    #[inline]
    pub fn split_self(&self) -> Option<(&'a Value, Args<'a>)> {
        if self.npos() == 0 {
            return None;
        }
        Some((
            &self.values[0],
            Args {
                values: &self.values[1..],
                kwnames: self.kwnames,
            },
        ))
    }

    /// Fails with "f() takes no keyword arguments" if keywords were passed. Inline with
    /// the messages out of line: every native function checks its arguments through this
    /// and [`Args::one`]/[`Args::range`], and a call into an out-of-line checker cost a
    /// builtin call (`len(x)`, `isinstance(x, C)`) ~20-30 machine instructions.
    #[inline(always)]
    pub fn no_kwargs(&self, vm: &Vm, fname: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(no_kwargs_error(vm, fname));
        }
        Ok(())
    }

    /// METH_NOARGS: no arguments at all ("f() takes no arguments (1 given)").
    pub fn none(&self, vm: &Vm, fname: &str) -> PyResult<()> {
        self.no_kwargs(vm, fname)?;
        if !self.values.is_empty() {
            return Err(vm.new_type_error(format!(
                "{fname}() takes no arguments ({} given)",
                self.values.len()
            )));
        }
        Ok(())
    }

    /// METH_O: exactly one positional ("f() takes exactly one argument (2 given)").
    #[inline(always)]
    pub fn one(&self, vm: &Vm, fname: &str) -> PyResult<&'a Value> {
        self.no_kwargs(vm, fname)?;
        match self.values {
            [v] => Ok(v),
            _ => Err(one_error(vm, fname, self.values.len())),
        }
    }

    /// Positional-only arguments between `min` and `max` in count, with argument clinic's
    /// messages ("f expected at most 2 arguments, got 3", "f expected 1 argument, got 0").
    #[inline(always)]
    pub fn range(&self, vm: &Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kwargs(vm, fname)?;
        let n = self.values.len();
        if n < min || n > max {
            return Err(range_error(vm, fname, min, max, n));
        }
        Ok(self.values)
    }

    /// `_PyArg_CheckPositional`: only the positional count, "F expected at most N
    /// arguments, got M" (constructors check this before binding keywords).
    pub fn check_positional(&self, vm: &Vm, fname: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos().len();
        if n >= min && n <= max {
            return Ok(());
        }
        Err(range_error(vm, fname, min, max, n))
    }

    /// Binds arguments to named parameters (`names`, positional-or-keyword in order, the
    /// first `posonly` positional-only), failing with CPython's messages; absent optional
    /// parameters are `None` in the result. `required` parameters must be given.
    pub fn bind<const N: usize>(
        &self,
        vm: &Vm,
        fname: &str,
        names: [&str; N],
        required: usize,
        posonly: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        let mut out: [Option<&'a Value>; N] = [None; N];
        let pos = self.pos();
        if pos.len() > N {
            return Err(vm.new_type_error(if required == N {
                format!(
                    "{fname}() takes {N} positional argument{} but {} were given",
                    if N == 1 { "" } else { "s" },
                    pos.len()
                )
            } else {
                format!(
                    "{fname}() takes at most {N} argument{} ({} given)",
                    if N == 1 { "" } else { "s" },
                    pos.len() + self.nkw()
                )
            }));
        }
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v);
        }
        for (name, value) in self.kwargs() {
            let idx = names
                .iter()
                .position(|n| n.as_bytes() == name.as_bytes())
                .filter(|&i| i >= posonly);
            let Some(i) = idx else {
                return Err(vm.new_type_error(format!(
                    "{fname}() got an unexpected keyword argument '{}'",
                    name.to_lossy()
                )));
            };
            if out[i].is_some() {
                return Err(vm.new_type_error(format!(
                    "argument for {fname}() given by name ('{}') and position ({})",
                    names[i],
                    i + 1
                )));
            }
            out[i] = Some(value);
        }
        if let Some(i) = out[..required].iter().position(Option::is_none) {
            return Err(vm.new_type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
        Ok(out)
    }
}

/// [`Args::no_kwargs`]'s error.
#[cold]
#[inline(never)]
fn no_kwargs_error(vm: &Vm, fname: &str) -> PyErr {
    vm.new_type_error(format!("{fname}() takes no keyword arguments"))
}

/// [`Args::one`]'s error for `n` arguments.
#[cold]
#[inline(never)]
fn one_error(vm: &Vm, fname: &str, n: usize) -> PyErr {
    vm.new_type_error(format!("{fname}() takes exactly one argument ({n} given)"))
}

/// [`Args::range`]'s and [`Args::check_positional`]'s error for `n` arguments (argument
/// clinic's messages).
#[cold]
#[inline(never)]
fn range_error(vm: &Vm, fname: &str, min: usize, max: usize, n: usize) -> PyErr {
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let msg = if min == max {
        format!("{fname} expected {min} {}, got {n}", plural(min))
    } else if n < min {
        format!("{fname} expected at least {min} {}, got {n}", plural(min))
    } else {
        format!("{fname} expected at most {max} {}, got {n}", plural(max))
    };
    vm.new_type_error(msg)
}
