//! Warnings raised by native code go through the `warnings` module, so filters,
//! `catch_warnings` and `-W error` apply to them as they do to `warnings.warn` from Python.

use crate::object::Value;
use crate::runtime::{PyResult, Vm};

impl Vm {
    /// Issues `msg` as a warning of `category` attributed to the innermost Python frame (a
    /// native function runs in its caller's frame, so stack level 1 is the Python code that
    /// called it). Returns the error when a filter turns the warning into an exception.
    pub fn warn_as(&self, category: &Value, msg: &str) -> PyResult<()> {
        let warnings = match crate::exec::import::import_absolute(self, "warnings") {
            Ok(m) => m,
            Err(_) => {
                // Without the module (a broken installation) the warning is still seen.
                let name = self
                    .getattr(category, &self.intern("__name__"))
                    .and_then(|n| self.str(&n))
                    .map_or_else(|_| "Warning".to_string(), |n| n.to_lossy().into_owned());
                self.write_stderr(&format!("{name}: {msg}\n"));
                return Ok(());
            }
        };
        let warn = self.getattr(&warnings, &self.intern("warn"))?;
        self.call_pos(&warn, &[self.new_str(msg).into(), category.clone()])?;
        Ok(())
    }

    /// The RuntimeWarning for a coroutine finalized before it ever ran, issued through
    /// `warnings._warn_unawaited_coroutine` so filters and `catch_warnings` see it (and
    /// `-W error` turns it into an unraisable report, as in CPython).
    pub fn warn_unawaited_coroutine(&self, coro: &Value) -> PyResult<()> {
        let warnings = crate::exec::import::import_absolute(self, "warnings")?;
        let hook = self.getattr(&warnings, &self.intern("_warn_unawaited_coroutine"))?;
        self.call_pos(&hook, std::slice::from_ref(coro))?;
        Ok(())
    }
}
