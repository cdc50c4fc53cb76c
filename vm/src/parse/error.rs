//! Syntax errors as CPython reports them: type, message, location, and the rendered report.

use std::fmt;

/// The exception type CPython raises for a front-end failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a `SyntaxError` subclass).
    IndentationError,
    /// `TabError` (an `IndentationError` subclass).
    TabError,
    /// `MemoryError`, e.g. "Parser stack overflowed - Python source too complex to parse".
    MemoryError,
    /// `RecursionError`, e.g. for an AST too deep for a later pass.
    RecursionError,
    /// `ValueError` (e.g. from decoding in some paths; kept for parity with CPython).
    ValueError,
    /// `UnicodeEncodeError`: a docstring with a lone surrogate cannot be cleaned (CPython
    /// encodes it to UTF-8 first).
    UnicodeEncodeError,
    /// `SystemError`: an internal compiler invariant broke (CPython's "malformed control
    /// flow graph" and friends); never raised for valid input.
    SystemError,
}

impl ErrorKind {
    /// The Python exception class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::UnicodeEncodeError => "UnicodeEncodeError",
            ErrorKind::SystemError => "SystemError",
        }
    }

    /// True for `SyntaxError` and its subclasses, which carry a location.
    pub fn is_syntax(self) -> bool {
        matches!(
            self,
            ErrorKind::SyntaxError | ErrorKind::IndentationError | ErrorKind::TabError
        )
    }
}

/// A front-end error with CPython's `SyntaxError` attributes.
///
/// `lineno`/`end_lineno` are 1-based; `offset`/`end_offset` are 1-based *character* columns,
/// as in CPython (0 means "not set"; CPython also reports -1 in a few cases, e.g. the
/// `end_offset` of "unexpected indent", so they are signed). `text` is the offending source
/// line, when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Exception type.
    pub kind: ErrorKind,
    /// The message (`str(exc)` without the location suffix).
    pub msg: String,
    /// 1-based line, 0 if unknown.
    pub lineno: u32,
    /// 1-based character column, 0 if unknown.
    pub offset: i32,
    /// 1-based end line, 0 if unknown.
    pub end_lineno: u32,
    /// 1-based end character column (exclusive), 0 if unknown.
    pub end_offset: i32,
    /// The source line the error is on, without its newline.
    pub text: Option<String>,
    /// Line of the last statement the parser's error pass completed (pegen's
    /// `last_stmt_location.lineno`), 0 if none. CPython publishes it as
    /// `SyntaxError._metadata[0]`; `traceback` starts its keyword-typo search there.
    pub stmt_lineno: u32,
}

impl SyntaxError {
    /// An error of `kind` with no location yet.
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
            stmt_lineno: 0,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
