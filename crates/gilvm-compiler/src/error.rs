//! Compile errors: `SyntaxError`/`IndentationError` with a location.
use ruff_text_size::TextRange;

/// Which exception type the error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
}

/// A compile error. `range` is resolved into line/column by [`crate::compile`].
#[derive(Clone, Debug)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub range: TextRange,
    /// Filled in by `compile`: 1-based line, 1-based column offsets (as CPython's
    /// `SyntaxError.offset`/`end_offset`), and the source line's text.
    pub line: u32,
    pub col: u32,
    pub end_col: u32,
    pub text: String,
}

impl CompileError {
    pub fn syntax(msg: String, range: TextRange) -> CompileError {
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg,
            range,
            line: 0,
            col: 0,
            end_col: 0,
            text: String::new(),
        }
    }
    /// A construct gilvm does not support: a SyntaxError that names it.
    pub fn unsupported(what: &str, range: TextRange) -> CompileError {
        CompileError::syntax(format!("{what} is not supported by gilvm"), range)
    }
}
