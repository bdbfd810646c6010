//! gilvm's compiler: Python source → [`CodeObject`]s.
//!
//! Parsing is done by `ruff_python_parser`; this crate does scope analysis
//! ([`symtable`]), then generates stack bytecode ([`codegen`]) as defined in
//! `gilvm_object::code`. Errors are `SyntaxError`/`IndentationError` with a location.
//!
//! **Architecture invariant:** the compiler knows the object model (it builds constants and
//! code objects) but nothing of the interpreter.
pub mod ast_export;
mod builder;
mod codegen;
pub mod dis;
pub mod error;
mod expr;
mod forbidden;
pub mod interactive;
pub mod mangle;
mod parse_errors;
mod parse_messages;
mod pattern;
mod stmt;
mod surrogate_literals;
pub mod symtable;
pub mod warnings;

use gilvm_object::code::CodeObject;
use gilvm_object::{ObjRef, Py};
use ruff_text_size::Ranged;

pub use error::{CompileError, ErrorKind};

/// The process's optimisation level (`-O`: 1, `-OO`: 2), set once at start-up: at 1 and
/// above, `assert` statements compile to nothing and `__debug__` is False.
static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the optimisation level for every later compilation (`-O`, `PYTHONOPTIMIZE`).
pub fn set_optimize_level(level: u8) {
    OPTIMIZE.store(level, std::sync::atomic::Ordering::Relaxed);
}

thread_local! {
    /// The level of the compilation running on this thread, when it is not the
    /// process's (`compile(..., optimize=N)`: see [`with_optimize_level`]).
    static OPTIMIZE_HERE: std::cell::Cell<Option<u8>> = const { std::cell::Cell::new(None) };
}

/// The optimisation level: the current compilation's if it has its own
/// ([`with_optimize_level`]), else the process's (see [`set_optimize_level`]). At 1 and
/// above `assert` statements compile to nothing and `__debug__` is False; at 2 docstrings
/// are dropped too.
pub fn optimize_level() -> u8 {
    OPTIMIZE_HERE
        .with(|o| o.get())
        .unwrap_or_else(|| OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed))
}

/// Runs `f` (a compilation) at optimisation level `level` (None: the process's), as
/// `compile()`'s `optimize` argument asks, on this thread only.
pub fn with_optimize_level<R>(level: Option<u8>, f: impl FnOnce() -> R) -> R {
    let old = OPTIMIZE_HERE.with(|o| o.replace(level));
    let r = f();
    OPTIMIZE_HERE.with(|o| o.set(old));
    r
}

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
    let mut module = parsed.into_syntax();
    surrogate_literals::restore(source, &mut module);
    let module = &module;
    forbidden::check(&module.body).map_err(fix)?;
    let table = symtable::build(module).map_err(fix)?;
    let code =
        codegen::compile(py, source, &index, filename, &table, module, Mode::Exec).map_err(fix)?;
    warnings::collect(&module.body, &index);
    Ok(code)
}

/// The modes of the `compile()` builtin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module body (a sequence of statements); its code returns None.
    Exec,
    /// One expression; its code returns the expression's value.
    Eval,
    /// One statement, as typed at the interactive prompt: expression statements show their
    /// value through `sys.displayhook`.
    Single,
}

/// Compiles source for the `compile()` builtin (and `exec()`/`eval()` of a string). Unlike
/// [`compile_module`], the module body's names go through its namespace (LOAD_NAME /
/// STORE_NAME), because the code may run with a locals mapping other than its globals.
pub fn compile_mode(
    py: Py<'_>,
    source: &str,
    filename: &ObjRef,
    mode: Mode,
) -> Result<CodeObject, CompileError> {
    let index = LineIndex::new(source);
    let fix = |mut e: CompileError| -> CompileError {
        locate(&mut e, source, &index);
        e
    };
    if source.contains('\0') {
        // No location: the caller makes a SyntaxError whose lineno is None.
        return Err(CompileError::syntax(
            "source code string cannot contain null bytes".into(),
            ruff_text_size::TextRange::default(),
        ));
    }
    // Nothing to compile in 'eval' or 'single' mode: CPython's "invalid syntax" on the
    // last line (line 0 for an empty source), at offset 0.
    let empty = |text: &str| {
        let lines: Vec<&str> = source.split_inclusive('\n').collect();
        CompileError {
            line: lines.len() as u32,
            text: text.trim_end_matches(['\n', '\r']).to_string(),
            ..CompileError::syntax(
                "invalid syntax".into(),
                ruff_text_size::TextRange::default(),
            )
        }
    };
    if mode == Mode::Eval && source.trim().is_empty() && !source.starts_with([' ', '\t']) {
        return Err(empty(source.split_inclusive('\n').last().unwrap_or("")));
    }
    if mode == Mode::Eval && source.starts_with([' ', '\t']) {
        let n = source.len() - source.trim_start_matches([' ', '\t']).len();
        return Err(fix(CompileError {
            kind: ErrorKind::IndentationError,
            ..CompileError::syntax(
                "unexpected indent".into(),
                ruff_text_size::TextRange::at(0.into(), (n as u32).into()),
            )
        }));
    }
    let mut module = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::parse_module(source)
            .map_err(|e| fix(parse_errors::convert(source, e)))?
            .into_syntax(),
        Mode::Eval => {
            let parsed = ruff_python_parser::parse_expression(source)
                .map_err(|e| fix(parse_errors::convert(source, e)))?
                .into_syntax();
            let range = parsed.range;
            let stmt = ruff_python_ast::Stmt::Expr(ruff_python_ast::StmtExpr {
                node_index: Default::default(),
                range: parsed.body.range(),
                value: parsed.body,
            });
            ruff_python_ast::ModModule {
                node_index: Default::default(),
                range,
                body: vec![stmt].into(),
            }
        }
    };
    // Scopes are keyed by their node's range: the module's must not be that of the code it
    // holds (`lambda: 0` alone), so it is made one past the end of the source.
    module.range = ruff_text_size::TextRange::new(0.into(), (source.len() as u32 + 1).into());
    surrogate_literals::restore(source, &mut module);
    if mode == Mode::Single && module.body.is_empty() {
        let last = source.split_inclusive('\n').last().unwrap_or("");
        return Err(empty(last));
    }
    if mode == Mode::Single && module.body.len() > 1 {
        // CPython points just after the first statement.
        return Err(fix(CompileError::syntax(
            "multiple statements found while compiling a single statement".into(),
            ruff_text_size::TextRange::at(module.body[0].range().end(), 1.into()),
        )));
    }
    // Interactive input ends a compound statement with an empty line: without a final
    // newline, CPython's 'single' mode rejects one.
    if mode == Mode::Single && !source.ends_with('\n') {
        if let Some(st) = module.body.first() {
            use ruff_python_ast::Stmt as S;
            let compound = matches!(
                st,
                S::For(_)
                    | S::While(_)
                    | S::If(_)
                    | S::With(_)
                    | S::Try(_)
                    | S::FunctionDef(_)
                    | S::ClassDef(_)
                    | S::Match(_)
            );
            if compound {
                let end = (source.len() as u32).into();
                return Err(fix(CompileError::syntax(
                    "invalid syntax".into(),
                    ruff_text_size::TextRange::new(end, end),
                )));
            }
        }
    }
    forbidden::check(&module.body).map_err(fix)?;
    let table = symtable::build_with(&module, true).map_err(fix)?;
    let code =
        codegen::compile(py, source, &index, filename, &table, &module, mode).map_err(fix)?;
    warnings::collect(&module.body, &index);
    Ok(code)
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
