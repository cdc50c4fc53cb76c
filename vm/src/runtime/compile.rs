//! Source to code objects for the runtime: parse, compile, load, with front-end errors
//! turned into the Python exceptions CPython raises (`SyntaxError` with its location).

use crate::object::{Py, Value};
use crate::parse::{ErrorKind, Mode, SyntaxError};
use crate::types::code::Code;

use super::{PyErr, PyResult, Vm};

impl Vm {
    /// Compiles source bytes (decoded per PEP 263) in `mode`.
    pub fn compile_source(&self, source: &[u8], filename: &str, mode: Mode) -> PyResult<Py<Code>> {
        let arena = arena::Arena::new();
        let parsed = crate::parse::parse_bytes(&arena, source, mode)
            .map_err(|e| self.syntax_error(&e, filename))?;
        self.emit_syntax_warnings(&parsed, filename);
        let code = crate::compile::compile_module(&parsed, filename)
            .map_err(|e| self.syntax_error(&e, filename))?;
        self.load_code(&code)
    }

    /// Compiles the main script of `rpy FILE`. A front-end error comes back as the
    /// `SyntaxError` itself, for the report `python3.14 FILE` prints (which differs from
    /// a traceback); SyntaxWarnings are written to stderr.
    pub fn compile_script(
        &self,
        source: &[u8],
        filename: &str,
    ) -> Result<PyResult<Py<Code>>, SyntaxError> {
        let arena = arena::Arena::with_capacity(source.len() * 8);
        let parsed = crate::parse::parse_bytes(&arena, source, Mode::Exec)?;
        self.emit_syntax_warnings(&parsed, filename);
        let code = crate::compile::compile_module(&parsed, filename)?;
        Ok(self.load_code(&code))
    }

    /// Writes the front end's SyntaxWarnings as the default warning filter shows them.
    fn emit_syntax_warnings(&self, parsed: &crate::parse::Parsed<'_>, filename: &str) {
        for w in &parsed.warnings {
            let line = parsed.lines.line_text(parsed.source, w.lineno);
            let mut text = format!("{filename}:{}: SyntaxWarning: {}\n", w.lineno, w.msg);
            if !line.trim().is_empty() {
                text.push_str(&format!("  {}\n", line.trim()));
            }
            self.write_stderr(&text);
        }
    }

    /// The Python exception for a front-end error.
    pub fn syntax_error(&self, e: &SyntaxError, filename: &str) -> PyErr {
        let ty = match e.kind {
            ErrorKind::SyntaxError => &self.exc.syntax_error,
            ErrorKind::IndentationError => &self.exc.indentation_error,
            ErrorKind::TabError => &self.exc.tab_error,
            ErrorKind::MemoryError => return self.new_memory_error(e.msg.clone()),
            ErrorKind::RecursionError => return self.new_recursion_error(e.msg.clone()),
            ErrorKind::ValueError => return self.new_value_error(e.msg.clone()),
            ErrorKind::SystemError => return self.new_system_error(e.msg.clone()),
            ErrorKind::UnicodeEncodeError => {
                let msg = self.new_str(&e.msg).into();
                return self.new_exception(&self.exc.unicode_encode_error, vec![msg]);
            }
        };
        let opt_int = |n: i64| if n == 0 { Value::None } else { Value::Int(n) };
        let text = match &e.text {
            Some(t) => Value::from(self.new_str(t)),
            None => Value::None,
        };
        let info = self.new_tuple(vec![
            self.new_str(filename).into(),
            opt_int(i64::from(e.lineno)),
            Value::Int(i64::from(e.offset)),
            text,
            opt_int(i64::from(e.end_lineno)),
            Value::Int(i64::from(e.end_offset)),
        ]);
        self.new_exception(ty, vec![self.new_str(&e.msg).into(), info.into()])
    }
}
