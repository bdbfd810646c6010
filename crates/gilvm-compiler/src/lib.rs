//! gilvm's compiler: Python source → [`CodeObject`]s.
//!
//! Parsing is done by `ruff_python_parser`; this crate does scope analysis
//! ([`symtable`]), then generates stack bytecode ([`codegen`]) as defined in
//! `gilvm_object::code`. Errors are `SyntaxError`/`IndentationError` with a location.
//!
//! **Architecture invariant:** the compiler knows the object model (it builds constants and
//! code objects) but nothing of the interpreter.
mod builder;
mod codegen;
pub mod dis;
pub mod error;
mod expr;
pub mod mangle;
mod parse_errors;
mod pattern;
mod stmt;
pub mod symtable;

use gilvm_object::code::CodeObject;
use gilvm_object::{ObjRef, Py};

pub use error::{CompileError, ErrorKind};

/// Maps byte offsets to 1-based lines and columns.
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0u32];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }
    /// 1-based line of a byte offset.
    pub fn line(&self, off: u32) -> u32 {
        match self.starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    /// Byte offset where the line of `off` starts.
    pub fn line_start(&self, off: u32) -> u32 {
        self.starts[self.line(off) as usize - 1]
    }
}

/// Compiles a module. `filename` is what tracebacks show (`<string>` for `-c`).
pub fn compile_module(
    py: Py<'_>,
    source: &str,
    filename: &ObjRef,
) -> Result<CodeObject, CompileError> {
    let index = LineIndex::new(source);
    let fix = |mut e: CompileError| -> CompileError {
        locate(&mut e, source, &index);
        e
    };
    let parsed = ruff_python_parser::parse_module(source)
        .map_err(|e| fix(parse_errors::convert(source, e)))?;
    let module = parsed.syntax();
    let table = symtable::build(module).map_err(fix)?;
    codegen::compile(py, source, &index, filename, &table, module).map_err(fix)
}

/// Fills in line, columns and source text of an error from its byte range.
fn locate(e: &mut CompileError, source: &str, index: &LineIndex) {
    if e.line != 0 {
        return;
    }
    let start = (e.range.start().to_u32() as usize).min(source.len());
    let end = (e.range.end().to_u32() as usize).clamp(start, source.len());
    let line = index.line(start as u32);
    let ls = index.line_start(start as u32) as usize;
    let le = source[ls..]
        .find('\n')
        .map(|i| ls + i)
        .unwrap_or(source.len());
    let text = &source[ls..le];
    e.line = line;
    e.col = source[ls..start].chars().count() as u32 + 1;
    let end_on_line = end.min(le);
    e.end_col = source[ls..end_on_line].chars().count() as u32 + 1;
    e.text = text.trim_end_matches('\r').to_string();
}
