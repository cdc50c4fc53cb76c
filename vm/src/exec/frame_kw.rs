//! Keyword calls pushed from the eval loop's registers (`CALL_KW` of a Python function):
//! the keywords bind by identity straight into the new frame, the arguments move in
//! without reference counting. A child of `frame` for its private block writers.

use super::*;

/// Most keywords one call binds here (more take the general path).
const MAX_KW: usize = 16;

/// Most parameters a function called here may have (one bit each).
const MAX_PARAMS: usize = 64;

/// Where the keywords of a call go: `slot[j]` is the local of keyword `j`; `filled` has a
/// bit for every parameter the call passes (positionally or by keyword).
struct KwPlan {
    slot: [u8; MAX_KW],
    filled: u64,
}

/// Plans binding `kwnames` (the last `kwnames.len()` of `total` arguments, self included)
/// to `code`'s plain positional parameters: each keyword names a parameter by identity
/// (the compiler interns both), not positional-only, not passed twice, and every
/// parameter left out has a default in `defs`. `None` when the call is not that simple:
/// the general binding then handles it, errors included.
#[inline(always)]
fn plan(code: &Code, kwnames: &[Value], total: usize, ndefs: usize) -> Option<KwPlan> {
    let argcount = code.positional_call.checked_sub(1)?;
    let k = kwnames.len();
    let npos = total.checked_sub(k)?;
    if k > MAX_KW || argcount > MAX_PARAMS || npos > argcount {
        return None;
    }
    let names = &code.localsplusnames[..argcount];
    let posonly = code.posonlyargcount();
    let mut plan = KwPlan {
        slot: [0; MAX_KW],
        // Parameters `[0, npos)` are passed positionally.
        filled: if npos == 64 {
            u64::MAX
        } else {
            (1u64 << npos) - 1
        },
    };
    for (j, name) in kwnames.iter().enumerate() {
        let name = name.downcast::<crate::types::str::Str>()?;
        let i = names.iter().position(|n| n.is(name))?;
        if i < posonly || plan.filled & (1 << i) != 0 {
            return None;
        }
        plan.filled |= 1 << i;
        plan.slot[j] = i as u8;
    }
    // Parameters not passed need defaults: the last `ndefs` parameters have them.
    let first_default = argcount.saturating_sub(ndefs);
    let needs_default = !plan.filled & low_bits(argcount);
    if needs_default & low_bits(first_default) != 0 {
        return None;
    }
    Some(plan)
}

/// A mask of the low `n <= 64` bits.
#[inline(always)]
fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Whether the keywords of a call with `total` arguments (self included) to `func` name
/// the plain positional parameters right after the positional arguments, in order
/// (`f(a, b=1)` for `def f(a, b)`, `o.find(update=True)`): then every value binds
/// positionally, without [`plan`]'s bookkeeping. Names compare by identity (the compiler
/// interns both); a positional-only parameter named by a keyword is left to the general
/// binding (an error, or a `**kwargs` entry).
#[inline(always)]
fn in_order(func: &Py<Function>, kwnames: &[Value], total: usize) -> bool {
    // SAFETY: as in `push_call_kw`: nothing replaces `__code__` while this borrow lives.
    let code = unsafe { &*func.code.with(|c| c as *const Py<Code>) };
    let Some(argcount) = code.positional_call.checked_sub(1) else {
        return false;
    };
    let Some(npos) = total.checked_sub(kwnames.len()) else {
        return false;
    };
    if total > argcount || npos < code.posonlyargcount() {
        return false;
    }
    kwnames
        .iter()
        .zip(&code.localsplusnames[npos..total])
        .all(|(k, n)| {
            k.downcast::<crate::types::str::Str>()
                .is_some_and(|k| k.is(n))
        })
}

impl DataStack {
    /// Pushes the frame of a keyword call whose callable, self-or-NULL, `nargs` argument
    /// values (positional, then keyword) and keyword-names tuple are the top `nargs + 3`
    /// values of `caller`'s stack, and pops them: the callable becomes the frame's
    /// function, the positional arguments its first locals, each keyword value the local
    /// of the parameter it names (all moved, no reference counting), and parameters not
    /// passed take their defaults (cloned). `None`, with nothing changed, when the callable
    /// is no Python function with plain positional parameters, a keyword does not bind as
    /// [`plan`] requires, or the frame needs a new chunk: the caller takes the general
    /// path.
    #[inline(always)]
    pub fn push_call_kw(&self, caller: &mut Regs, nargs: usize) -> Option<Regs> {
        let items = caller.top_slice(nargs + 3).ok()?.as_ptr() as *mut Value;
        // SAFETY: `[sp - nargs - 3, sp)` is initialized and inside the caller's stack
        // region (verified depth); nothing writes those slots while these references live.
        let (callable, this, kwnames) =
            unsafe { (&*items, &*items.add(1), &*items.add(nargs + 2)) };
        let func = callable.downcast::<Function>()?;
        let kwnames = kwnames.downcast::<Tuple>()?;
        let kwnames = kwnames.as_slice();
        let has_self = !this.is_null();
        let total = nargs + usize::from(has_self);
        if in_order(func, kwnames, total) {
            // A positional call of all the values, then the names tuple is dropped.
            // SAFETY: as above; `in_order` checked the keywords are the parameters after
            // the positional arguments, in order, so all the values bind positionally.
            // The names tuple's slot is read after the others left the stack: nothing was
            // written over it (the frame is elsewhere).
            unsafe {
                let callee = self.push_positional(caller, items, func, total, nargs)?;
                drop(read_slot(items.add(nargs + 2)));
                caller.sp = caller.sp.sub(1);
                return Some(callee);
            }
        }
        // Borrowed out of their cells (see `positional_shape`). SAFETY: no Python code runs
        // and nothing replaces `__code__` or `__defaults__` before the frame is written.
        let code = unsafe { &*func.code.with(|c| c as *const Py<Code>) };
        let defs: &[Value] = unsafe {
            func.defaults
                .with(|d| d.as_ref().map(|t| t.as_slice() as *const [Value]))
                .map_or(&[], |d| &*d)
        };
        let plan = plan(code, kwnames, total, defs.len())?;
        let argcount = code.positional_call - 1;
        let npos = total - kwnames.len();
        // Detached from the borrow of `func`, which moves into the header: the frame holds
        // the function, so its code and defaults outlive the writes below.
        let (code, defs) = (code as *const Py<Code>, defs as *const [Value]);
        // SAFETY: as above.
        let base = self.reserve(unsafe { &*code })?;
        // SAFETY: the callable's slot holds a reference to `func`, which moves into the
        // header; the positional arguments (self included) move into the first locals and
        // the keyword values into their parameters' locals (distinct, `plan` checked);
        // the other locals get defaults or `Null`. Then the caller's stack gives up the
        // call's slots without dropping them, but for the names tuple, dropped.
        unsafe {
            let (code, defs) = (&*code, &*defs);
            let func = std::ptr::read(func);
            let args = items.add(2 - usize::from(has_self));
            let frame = write_moved(
                base,
                caller.frame,
                func,
                code,
                args,
                npos,
                &[],
                ReturnTo::Push,
            );
            let values = base.add(HEADER_SLOTS);
            for j in 0..kwnames.len() {
                let dst = values.add(usize::from(plan.slot[j]));
                copy_slot(args.add(npos + j), dst);
            }
            let first_default = argcount.saturating_sub(defs.len());
            let mut missing = !plan.filled & low_bits(argcount);
            while missing != 0 {
                let i = missing.trailing_zeros() as usize;
                missing &= missing - 1;
                // `i >= first_default` (`plan` checked); the last defaults are the
                // parameters'.
                debug_assert!(i >= first_default);
                let d = &defs[i + defs.len() - argcount];
                write_slot(values.add(i), d.clone());
            }
            drop(read_slot(items.add(nargs + 2)));
            caller.sp = caller.sp.sub(nargs + 3);
            Some(Regs::fresh(frame, code))
        }
    }
}
