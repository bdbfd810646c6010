//! `compile()`, `exec()`, `eval()`, and the builtins that see their caller's scope:
//! `globals()`, `locals()`, `vars()`, `dir()` without an argument, `__import__`,
//! `breakpoint()`; and `sys.displayhook` / `sys.breakpointhook`.
//!
//! **How a builtin sees its caller.** A native function gets no frame argument. The eval
//! loop records the frame it runs in `Interp::cur_frame` (`Interp::eval` sets it and puts the
//! outer one back when the frame stops), so while a builtin called by Python code runs,
//! `cur_frame` is the calling frame: suspended inside that call, neither moved (frames are
//! boxed) nor written until the builtin returns. [`Interp::caller_frame`] reads it; this file
//! only copies values out of it (its globals, its namespace, its local and cell values).
//!
//! **How globals and locals reach the frame.** A frame has `globals` (always a dict) and
//! `locals` (`None` for function frames and module frames run by import, whose namespace is
//! the globals; otherwise any mapping). `exec(code, g, l)` runs the code in a fresh frame
//! with `globals = g` and `locals = l` (`None` when `l` is `g`, so a module body run by exec
//! writes its globals directly, and functions it defines are published as import-time
//! functions are). Code compiled by `compile()` (and by exec/eval of a string) reads and
//! writes its module-level names with LoadName/StoreName/DeleteName
//! (`gilvm_compiler::compile_mode`), which go to `locals` when the frame has one: a plain
//! dict directly, any other mapping through `__getitem__`/`__setitem__`/`__delitem__`, a
//! miss then falling back to the globals and the builtins. Functions and classes defined by
//! exec'd code take `globals` as their globals, so their `__module__` is `globals['__name__']`
//! (MakeFunction's cache; a class body reads `__name__` by LoadName). Without explicit
//! mappings, exec/eval use the caller's: a module or class body passes its namespace; a
//! function passes a snapshot dict of its locals (PEP 667: writes by the exec'd code land in
//! the snapshot, never in the function's fast locals). `globals()` is the caller's globals,
//! `locals()` the caller's namespace, or in a function a new snapshot each call.
//!
//! **Free-threaded build.** Exec'd code runs as import-time module code does: one frame on
//! the calling thread; every object it defines is stored through StoreName/StoreGlobal,
//! which publishes functions and classes (immortal in the free-threaded build) before they
//! become reachable from a shared namespace; the namespaces are dicts (per-object locks) or
//! user mappings (Python code).
use gilvm_object::code::flags;
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::frame::{code_of, Frame};
use crate::interp::Interp;

/// `compile()`'s accepted `flags`: the `__future__` feature bits (CPython's PyCF_MASK) and
/// the compiler flags it knows (PyCF_COMPILE_MASK, PyCF_SOURCE_IS_UTF8, CO_NESTED...).
const FUTURE_FLAGS: i64 =
    0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
const PYCF_ONLY_AST: i64 = 0x400;
const COMPILE_FLAGS: i64 =
    0x10 | 0x100 | 0x200 | PYCF_ONLY_AST | 0x800 | 0x1000 | 0x2000 | 0x4000 | 0x8000;

impl Interp {
    /// The innermost running Python frame: the caller of the running builtin, if any.
    pub(crate) fn caller_frame(&self) -> Option<&Frame> {
        // SAFETY: `cur_frame` is null or the frame `eval` is running on this thread (it is
        // reset when that frame stops). A builtin runs inside one of that frame's call
        // instructions, during which the eval loop neither moves the frame (it is boxed) nor
        // touches it; the reference is only read, and it does not outlive this borrow of
        // the interpreter (callers copy values out before running any Python code).
        unsafe { self.cur_frame.as_ref() }
    }

    /// The caller's globals (the `__main__` namespace when no Python code is running).
    pub(crate) fn caller_globals(&mut self) -> PyResult<ObjRef> {
        if let Some(f) = self.caller_frame() {
            return Ok(f.globals.clone());
        }
        self.main_dict()
    }

    fn main_dict(&mut self) -> PyResult<ObjRef> {
        let key = self.new_str("__main__");
        match self.dict_get(&self.g.modules.clone(), &key)? {
            Some(Value::Obj(m)) => match Interp::module_dict(&m) {
                Some(d) => Ok(d.clone()),
                None => Err(self.runtime_error("__main__ is not a module")),
            },
            _ => Err(self.runtime_error("no __main__ module")),
        }
    }

    /// `locals()` of the caller: its namespace (module or class body, exec'd code), or in a
    /// function a new dict of its bound local, cell and free variables (PEP 667).
    pub(crate) fn caller_locals(&mut self) -> PyResult<Value> {
        let py = self.py;
        let snapshot: Vec<(ObjRef, Value)> = {
            let Some(f) = self.caller_frame() else {
                return Ok(Value::Obj(self.main_dict()?));
            };
            let code = f.code();
            if code.flags & flags::NAME_SCOPE != 0 {
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                return Ok(Value::Obj(ns));
            }
            let cell_value = |v: Option<&Value>| match v {
                Some(Value::Obj(o)) => match o.payload() {
                    Payload::Cell(c) => c.with(py, |v| v.clone()),
                    _ => Value::Undef,
                },
                _ => Value::Undef,
            };
            let nlocals = code.nlocals();
            let mut out = Vec::new();
            for (i, name) in code.varnames.iter().enumerate() {
                // A parameter that is also a cell lives in its cell.
                let v = match code.cell2arg.iter().position(|a| *a == Some(i as u32)) {
                    Some(ci) => cell_value(f.fast.get(nlocals + ci)),
                    None => f.fast.get(i).cloned().unwrap_or(Value::Undef),
                };
                out.push((name.clone(), v));
            }
            for (ci, name) in code.cellvars.iter().enumerate() {
                if code.cell2arg.get(ci).is_some_and(|a| a.is_some()) {
                    continue;
                }
                out.push((name.clone(), cell_value(f.fast.get(nlocals + ci))));
            }
            let base = nlocals + code.cellvars.len();
            for (fi, name) in code.freevars.iter().enumerate() {
                out.push((name.clone(), cell_value(f.fast.get(base + fi))));
            }
            out
        };
        let d = self.new_dict_obj();
        for (name, v) in snapshot {
            // Undef: unbound; a leading '.': a compiler-made local (a comprehension's iterator).
            if v.is_undef() || crate::eval::str_of(&name).starts_with('.') {
                continue;
            }
            self.dict_set_str(&d, name, v);
        }
        Ok(Value::Obj(d))
    }

    /// Does `v` support `__getitem__` (CPython's PyMapping_Check)?
    fn is_mapping(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => true,
            _ => self.lookup_special(v, "__getitem__").is_some(),
        }
    }

    /// Compiles `source` (already text) in `mode`; a SyntaxError names `filename`.
    pub(crate) fn compile_text(
        &mut self,
        source: &str,
        filename: &str,
        mode: gilvm_compiler::Mode,
    ) -> PyResult<ObjRef> {
        let fname = self.new_str(filename);
        let Value::Obj(fname) = fname else {
            unreachable!("a str is an object")
        };
        let e = match gilvm_compiler::compile_mode(self.py, source, &fname, mode) {
            Ok(code) => {
                crate::syntax_warnings::show_syntax_warnings(source, filename);
                return Ok(self.new_obj(Owned::Code(code)));
            }
            Err(e) => e,
        };
        Err(self.compile_error_to_py(&e, source, filename, mode))
    }

    /// The SyntaxError (IndentationError, ...) compile() raises for `e`.
    pub(crate) fn compile_error_to_py(
        &mut self,
        e: &gilvm_compiler::CompileError,
        source: &str,
        filename: &str,
        mode: gilvm_compiler::Mode,
    ) -> crate::error::PyErr {
        let err = self.syntax_error_from(e, filename);
        if let Payload::Instance(i) = err.0.payload() {
            let set = |s: &Interp, k: &str, v: Value| i.attr_set(s.py, s.intern(k), v);
            if e.line == 0 && e.msg.contains("null bytes") {
                // No location (null bytes): CPython's attributes are None.
                for k in crate::exc_methods::SYNTAX_ERROR_LOCATION {
                    set(self, k, Value::None);
                }
                let msg = self.new_str(e.msg.clone());
                let args = self.new_tuple(vec![msg]);
                if let Some(d) = crate::error::exc_data(&err.0) {
                    let old = d.with(self.py, |d| std::mem::replace(&mut d.args, args));
                    drop(old);
                }
            } else if mode != gilvm_compiler::Mode::Exec
                && e.line as usize >= source.lines().count()
                && !source.ends_with('\n')
            {
                // 'eval'/'single' source is not given a final newline.
                let t = self.new_str(e.text.clone());
                set(self, "text", t.clone());
                let msg = self.new_str(e.msg.clone());
                let fname = self.new_str(filename);
                let details = self.new_tuple(vec![
                    fname,
                    Value::Int(e.line as i64),
                    Value::Int(e.col as i64),
                    t,
                    Value::Int(e.line as i64),
                    Value::Int(e.end_col as i64),
                ]);
                let args = self.new_tuple(vec![msg, details]);
                if let Some(d) = crate::error::exc_data(&err.0) {
                    let old = d.with(self.py, |d| std::mem::replace(&mut d.args, args));
                    drop(old);
                }
            }
        }
        err
    }

    /// Runs a code object with the given namespaces (`locals` None: the globals), and the
    /// closure cells its free variables need.
    pub(crate) fn exec_code(
        &mut self,
        code_obj: &ObjRef,
        globals: &ObjRef,
        locals: Option<ObjRef>,
        closure: &[Value],
    ) -> PyResult {
        let code = code_of(code_obj);
        let mut frame = self.new_frame(code_obj.clone(), globals.clone(), locals);
        frame.fast.resize(code.nlocals(), Value::Undef);
        for _ in code.cellvars.iter() {
            let c = self.new_obj(Owned::Cell(ObjCell::new(Value::Undef)));
            frame.fast.push(Value::Obj(c));
        }
        frame.fast.extend_from_slice(closure);
        if code.is_generator() {
            // CPython makes (and here drops) a generator: the body does not run.
            self.recycle_frame(frame);
            return Ok(Value::None);
        }
        self.run_frame(frame)
    }
}

/// The text of a `compile`/`exec`/`eval` source: a str, or bytes decoded as UTF-8 (after a
/// BOM; a `coding: latin-1` cookie decodes as Latin-1). None for other types.
fn source_text(interp: &mut Interp, v: &Value, filename: &str) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_string()));
    }
    let Value::Obj(o) = v else { return Ok(None) };
    let Payload::Bytes(b) = o.payload() else {
        return Ok(None);
    };
    let b: &[u8] = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let head: Vec<&[u8]> = b.split(|c| *c == b'\n').take(2).collect();
    let latin1 = head.iter().any(|l| {
        let l = String::from_utf8_lossy(l).to_lowercase();
        l.trim_start().starts_with('#')
            && (l.contains("coding: latin-1")
                || l.contains("coding=latin-1")
                || l.contains("coding: iso-8859-1")
                || l.contains("coding=iso-8859-1"))
    });
    if latin1 {
        return Ok(Some(b.iter().map(|&c| c as char).collect()));
    }
    match std::str::from_utf8(b) {
        Ok(s) => Ok(Some(s.to_string())),
        Err(e) => {
            // CPython's tokenizer error (PEP 263), on the line of the bad byte.
            let pos = e.valid_up_to();
            let line = b[..pos].iter().filter(|c| **c == b'\n').count() + 1;
            let msg = format!(
                "Non-UTF-8 code starting with '\\x{:02x}' on line {line}, but no encoding \
                 declared; see https://peps.python.org/pep-0263/ for details",
                b[pos]
            );
            let mut err = gilvm_compiler::CompileError::syntax(msg, Default::default());
            err.line = line as u32;
            Err(interp.syntax_error_from(&err, filename))
        }
    }
}

/// Arguments by position or keyword, CPython's Argument Clinic style: `names[i]` is the
/// i-th parameter; the first `posonly` are positional-only and required.
fn parse_args<'a>(
    interp: &Interp,
    args: Args<'a>,
    fname: &str,
    names: &[&str],
    posonly: usize,
    max_pos: usize,
) -> PyResult<Vec<Option<&'a Value>>> {
    let pos = args.pos();
    if pos.len() < posonly {
        return Err(interp.type_error(format!(
            "{fname}() takes at least {posonly} positional argument{} ({} given)",
            if posonly == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    if pos.len() > max_pos {
        return Err(interp.type_error(format!(
            "{fname}() takes at most {max_pos} argument{} ({} given)",
            if max_pos == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    let mut out: Vec<Option<&Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(interp.type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            _ => {
                return Err(interp.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    Ok(out)
}

fn non_none(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_none())
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
fn compile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = parse_args(interp, args, "compile", &names, 0, 6)?;
    for (i, n) in names.iter().enumerate().take(3) {
        if a[i].is_none() {
            return Err(interp.type_error(format!(
                "compile() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    let filename = match a[1].unwrap() {
        v if v.as_str().is_some() => v.as_str().unwrap().to_string(),
        Value::Obj(o) if matches!(o.payload(), Payload::Bytes(_)) => match o.payload() {
            Payload::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => unreachable!(),
        },
        v => {
            if let Some(f) = interp.lookup_special(v, "__fspath__") {
                let r = interp.call_method_value(&f, v, &[])?;
                match r.as_str() {
                    Some(s) => s.to_string(),
                    None => {
                        return Err(interp.type_error(format!(
                            "expected {}.__fspath__() to return str or bytes, not {}",
                            interp.type_name(v),
                            interp.type_name(&r)
                        )))
                    }
                }
            } else {
                return Err(interp.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    interp.type_name(v)
                )));
            }
        }
    };
    let mode_v = a[2].unwrap();
    let Some(mode_s) = mode_v.as_str() else {
        return Err(interp.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            interp.type_name(mode_v)
        )));
    };
    let int_arg = |interp: &mut Interp, v: Option<&Value>, dflt: i64| -> PyResult<i64> {
        match v {
            None => Ok(dflt),
            Some(v) => match gilvm_object::keys::as_index_i64(v) {
                Some(i) if !matches!(v, Value::Float(_)) => Ok(i),
                _ => Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                ))),
            },
        }
    };
    let fl = int_arg(interp, a[3], 0)?;
    if let Some(v) = a[4] {
        interp.truthy(v)?;
    }
    let optimize = int_arg(interp, a[5], -1)?;
    int_arg(interp, a[6], -1)?;
    if fl & !(FUTURE_FLAGS | COMPILE_FLAGS) != 0 {
        return Err(interp.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(interp.value_error("compile(): invalid optimize value"));
    }
    let mode = match mode_s {
        "exec" => gilvm_compiler::Mode::Exec,
        "eval" => gilvm_compiler::Mode::Eval,
        "single" => gilvm_compiler::Mode::Single,
        "func_type" if fl & PYCF_ONLY_AST != 0 => gilvm_compiler::Mode::Eval,
        _ => {
            let m = if fl & PYCF_ONLY_AST != 0 {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            };
            return Err(interp.value_error(m));
        }
    };
    // `optimize`: -1 is the interpreter's level (`-O`), 0-2 this compilation's own.
    let level = (optimize >= 0).then_some(optimize as u8);
    let src = a[0].unwrap();
    // Issue 19 (ast): an AST object in, or an AST out (`crate::ast_objects`).
    if crate::ast_objects::is_ast(interp, src)? {
        if fl & PYCF_ONLY_AST != 0 {
            return Ok(src.clone());
        }
        return gilvm_compiler::with_optimize_level(level, || {
            crate::ast_objects::compile_ast(interp, src, &filename, mode_s)
        });
    }
    if fl & PYCF_ONLY_AST != 0 {
        let Some(text) = source_text(interp, src, &filename)? else {
            return Err(interp.type_error("compile() arg 1 must be a string, bytes or AST object"));
        };
        // PyCF_OPTIMIZED_AST: optimised at `optimize` (-1: the process's level).
        let opt = (fl & 0x8000 != 0).then(|| match optimize {
            -1 => gilvm_compiler::optimize_level(),
            n => n as u8,
        });
        return crate::ast_objects::parse_to_ast(interp, &text, &filename, mode_s, opt);
    }
    let Some(text) = source_text(interp, src, &filename)? else {
        return Err(interp.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let r =
        gilvm_compiler::with_optimize_level(level, || interp.compile_text(&text, &filename, mode));
    if fl & PYCF_ALLOW_INCOMPLETE_INPUT != 0 {
        let syntax_error = interp.g.exc.syntax_error.clone();
        let compiled = match &r {
            Ok(_) => true,
            Err(e) if interp.matches(e, &syntax_error) => false,
            Err(_) => return r.map(Value::Obj),
        };
        if incomplete_input(&text, compiled, mode == gilvm_compiler::Mode::Single) {
            return Err(incomplete_input_error(interp, &text, &filename));
        }
    }
    Ok(Value::Obj(r?))
}

/// `PyCF_ALLOW_INCOMPLETE_INPUT`: `codeop` asks `compile()` to tell input that is only
/// unfinished (an open bracket or triple-quoted string, a trailing backslash, a compound
/// statement still missing its block) from input that is wrong, by raising
/// `_IncompleteInputError` for the first. The answer is the REPL's (`interactive::classify`);
/// in 'single' mode a compound statement is also unfinished until its last line ends (its
/// block may go on), as CPython's tokenizer sees it without implied dedents.
const PYCF_ALLOW_INCOMPLETE_INPUT: i64 = 0x4000;

fn incomplete_input(text: &str, compiled: bool, single: bool) -> bool {
    use gilvm_compiler::interactive::{classify, unfinished, Input};
    if compiled {
        single && !text.ends_with('\n') && classify(text) == Input::More
    } else {
        unfinished(text)
    }
}

fn incomplete_input_error(interp: &mut Interp, text: &str, filename: &str) -> PyErr {
    let lineno = text.lines().count().max(1) as i64;
    let last = text.lines().last().unwrap_or("").to_string();
    let offset = last.len() as i64 + 1;
    let loc = vec![
        interp.new_str(filename),
        Value::Int(lineno),
        Value::Int(offset),
        interp.new_str(last),
    ];
    let loc = interp.new_tuple(loc);
    let msg = interp.new_str("incomplete input");
    let t = Value::Obj(interp.g.exc.incomplete_input_error.clone());
    match interp.call1(&t, &[msg, loc]) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => interp.err(&interp.g.exc.incomplete_input_error, "incomplete input"),
        Err(e) => e,
    }
}

/// `exec(source, /, globals=None, locals=None, *, closure=None)`.
fn exec(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = parse_args(
        interp,
        args,
        "exec",
        &["source", "globals", "locals", "closure"],
        1,
        3,
    )?;
    let Some(src) = a[0] else {
        return Err(interp.type_error("exec() missing required argument 'source' (pos 1)"));
    };
    let (globals, locals) = namespaces(interp, non_none(a[1]), non_none(a[2]), true)?;
    let closure = non_none(a[3]);
    let code_obj = match src {
        Value::Obj(o) if matches!(o.payload(), Payload::Code(_)) => o.clone(),
        _ => {
            if closure.is_some() {
                return Err(
                    interp.type_error("closure can only be used when source is a code object")
                );
            }
            let Some(text) = source_text(interp, src, "<string>")? else {
                return Err(
                    interp.type_error("exec() arg 1 must be a string, bytes or code object")
                );
            };
            interp.compile_text(&text, "<string>", gilvm_compiler::Mode::Exec)?
        }
    };
    let nfree = code_of(&code_obj).freevars.len();
    let cells: Vec<Value> = match closure {
        None if nfree > 0 => {
            return Err(interp.type_error(format!(
                "code object requires a closure of exactly length {nfree}"
            )))
        }
        None => Vec::new(),
        Some(c) => {
            let items = match c {
                Value::Obj(o) => match o.payload() {
                    Payload::Tuple(t) => Some(t.to_vec()),
                    _ => None,
                },
                _ => None,
            };
            let Some(items) = items else {
                return Err(interp.type_error("closure must be a tuple of cells"));
            };
            if nfree == 0 {
                return Err(interp.type_error("cannot use a closure with this code object"));
            }
            if items.len() != nfree {
                return Err(interp.type_error(format!(
                    "code object requires a closure of exactly length {nfree}"
                )));
            }
            for c in &items {
                if !matches!(c, Value::Obj(o) if matches!(o.payload(), Payload::Cell(_))) {
                    return Err(interp.type_error("closure can only contain cells"));
                }
            }
            items
        }
    };
    interp.exec_code(&code_obj, &globals, locals, &cells)?;
    Ok(Value::None)
}

/// `eval(source, /, globals=None, locals=None)`.
fn eval(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = parse_args(interp, args, "eval", &["source", "globals", "locals"], 1, 3)?;
    let Some(src) = a[0] else {
        return Err(interp.type_error("eval() missing required argument 'source' (pos 1)"));
    };
    let (globals, locals) = namespaces(interp, non_none(a[1]), non_none(a[2]), false)?;
    let code_obj = match src {
        Value::Obj(o) if matches!(o.payload(), Payload::Code(_)) => {
            if !code_of(o).freevars.is_empty() {
                return Err(interp
                    .type_error("code object passed to eval() may not contain free variables"));
            }
            o.clone()
        }
        _ => {
            let Some(text) = source_text(interp, src, "<string>")? else {
                return Err(
                    interp.type_error("eval() arg 1 must be a string, bytes or code object")
                );
            };
            // eval() ignores leading spaces and tabs.
            let text = text.trim_start_matches([' ', '\t']);
            interp.compile_text(text, "<string>", gilvm_compiler::Mode::Eval)?
        }
    };
    interp.exec_code(&code_obj, &globals, locals, &[])
}

/// The globals dict and locals mapping (None: the globals) of an exec/eval call, with
/// CPython's checks and defaults; inserts `__builtins__` into globals that lack it.
fn namespaces(
    interp: &mut Interp,
    globals: Option<&Value>,
    locals: Option<&Value>,
    is_exec: bool,
) -> PyResult<(ObjRef, Option<ObjRef>)> {
    let is_dict = |v: &Value| matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)));
    if !is_exec {
        if let Some(l) = locals {
            if !interp.is_mapping(l) {
                return Err(interp.type_error("locals must be a mapping"));
            }
        }
        if let Some(g) = globals {
            if !is_dict(g) {
                let msg = if interp.is_mapping(g) && !interp.is_dict_subclass(g) {
                    "globals must be a real dict; try eval(expr, {}, mapping)"
                } else if interp.is_dict_subclass(g) {
                    "gilvm: eval() globals must be an exact dict, not a dict subclass"
                } else {
                    "globals must be a dict"
                };
                return Err(interp.type_error(msg));
            }
        }
    }
    let (g, l) = match (globals, locals) {
        (None, l) => {
            let g = interp.caller_globals()?;
            let l = match l {
                Some(l) => l.clone(),
                None => interp.caller_locals()?,
            };
            (Value::Obj(g), l)
        }
        (Some(g), None) => (g.clone(), g.clone()),
        (Some(g), Some(l)) => (g.clone(), l.clone()),
    };
    if is_exec {
        if !is_dict(&g) {
            if interp.is_dict_subclass(&g) {
                return Err(interp.type_error(
                    "gilvm: exec() globals must be an exact dict, not a dict subclass",
                ));
            }
            return Err(interp.type_error(format!(
                "exec() globals must be a dict, not {}",
                interp.type_name(&g)
            )));
        }
        if !interp.is_mapping(&l) {
            return Err(interp.type_error(format!(
                "locals must be a mapping or None, not {}",
                interp.type_name(&l)
            )));
        }
    }
    let Value::Obj(g) = g else {
        unreachable!("checked to be a dict")
    };
    let key = interp.intern("__builtins__");
    if interp.dict_get_str(&g, &key).is_none() {
        let b = Value::Obj(interp.g.builtins_dict.clone());
        interp.dict_set_str(&g, key, b);
    }
    let l = match l {
        Value::Obj(o) if o.is(&g) => None,
        Value::Obj(o) => Some(o),
        _ => unreachable!("checked to be a mapping"),
    };
    Ok((g, l))
}

impl Interp {
    fn is_dict_subclass(&self, v: &Value) -> bool {
        let ty = gilvm_object::types::type_of(v);
        match ty.payload() {
            Payload::Type(t) => t.mro.iter().any(|c| c.is(&self.g.types.dict)),
            _ => false,
        }
    }
}

/// `globals()`.
fn globals(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "globals", 0, 0)?;
    Ok(Value::Obj(interp.caller_globals()?))
}

/// `locals()`.
fn locals(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "locals", 0, 0)?;
    interp.caller_locals()
}

/// `vars()` / `vars(obj)`.
fn vars(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "vars", 0, 1)?;
    match a.first() {
        None => interp.caller_locals(),
        Some(v) => {
            let n = interp.g.names.dict.clone();
            match interp.getattr(v, &n) {
                Ok(d) => Ok(d),
                Err(e) if interp.matches(&e, &interp.g.exc.attribute_error.clone()) => {
                    Err(interp.type_error("vars() argument must have __dict__ attribute"))
                }
                Err(e) => Err(e),
            }
        }
    }
}

/// The sorted names of the caller's scope (`dir()` without an argument).
pub(crate) fn dir_scope(interp: &mut Interp) -> PyResult {
    let l = interp.caller_locals()?;
    let keys = interp.collect(&l)?;
    let list = interp.new_list(keys);
    interp.call_method(&list, "sort", &[])?;
    Ok(list)
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn import(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = parse_args(
        interp,
        args,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        0,
        5,
    )?;
    let Some(name) = a[0] else {
        return Err(interp.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(n) = name.as_str() else {
        return Err(interp.type_error("module name must be a string"));
    };
    let level = match a[4] {
        None => Value::Int(0),
        Some(v) => match gilvm_object::keys::as_index_i64(v) {
            Some(i) if !matches!(v, Value::Float(_)) => {
                if i < 0 {
                    return Err(interp.value_error("level must be >= 0"));
                }
                Value::Int(i)
            }
            _ => {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )))
            }
        },
    };
    if n.is_empty() && matches!(level, Value::Int(0)) {
        return Err(interp.value_error("Empty module name"));
    }
    let n = interp.intern(n);
    let globals = match a[1] {
        Some(Value::Obj(g)) if matches!(g.payload(), Payload::Dict(_)) => g.clone(),
        _ => interp.new_dict_obj(),
    };
    let fromlist = a[3].cloned().unwrap_or(Value::None);
    interp.import_name(&n, &fromlist, &level, &globals)
}

impl Interp {
    /// The `__import__` an import statement in `globals` must call, when it is not
    /// gilvm's own (which the eval loop calls directly); ImportError when the builtins
    /// have none.
    pub(crate) fn import_hook(&mut self, globals: &ObjRef) -> PyResult<Option<Value>> {
        let own = self.custom_builtins(globals);
        let b = own.as_ref().unwrap_or(&self.g.builtins_dict);
        let key = self.intern("__import__");
        match self.dict_get_str(b, &key) {
            None => Err(self.import_error("__import__ not found")),
            Some(Value::Obj(o))
                if matches!(o.payload(), Payload::BuiltinFunction(f)
                    if f.func.0 == import as crate::interp::NativeFn as *const ()) =>
            {
                Ok(None)
            }
            Some(h) => Ok(Some(h)),
        }
    }
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook`.
fn breakpoint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = Interp::module_dict(&interp.g.sys).cloned();
    let key = interp.intern("breakpointhook");
    let hook = d.and_then(|d| interp.dict_get_str(&d, &key));
    match hook {
        Some(h) => interp.call(&h, args),
        None => Err(interp.runtime_error("lost sys.breakpointhook")),
    }
}

/// `sys.breakpointhook(*args, **kws)`: `$PYTHONBREAKPOINT` names the debugger to call
/// (`0`: none; unset or empty: `pdb.set_trace`). An unimportable one is a RuntimeWarning.
fn breakpointhook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    // gilvm's `os.environ` is a dict the program may change (it does not call setenv):
    // once `os` is imported, it is the environment.
    let os_env = {
        let key = interp.new_str("os");
        let os = interp.dict_get(&interp.g.modules.clone(), &key)?;
        match os {
            Some(Value::Obj(m)) => {
                let key = interp.intern("environ");
                match Interp::module_dict(&m).and_then(|d| interp.dict_get_str(d, &key)) {
                    Some(Value::Obj(e)) if matches!(e.payload(), Payload::Dict(_)) => {
                        let k = interp.new_str("PYTHONBREAKPOINT");
                        Some(interp.dict_get(&e, &k)?)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    };
    let env = match os_env {
        Some(v) => v
            .and_then(|v| v.as_str().map(|s| s.to_string()))
            .unwrap_or_default(),
        None => std::env::var("PYTHONBREAKPOINT").unwrap_or_default(),
    };
    let hookname = match env.as_str() {
        "" => "pdb.set_trace".to_string(),
        "0" => return Ok(Value::None),
        s => s.to_string(),
    };
    let (module, attr) = match hookname.rfind('.') {
        Some(i) => (&hookname[..i], &hookname[i + 1..]),
        None => ("builtins", hookname.as_str()),
    };
    let found = match interp.import_module(module) {
        Ok(m) => {
            let n = interp.intern(attr);
            match interp.getattr(&Value::Obj(m), &n) {
                Ok(f) => Some(f),
                Err(e) if interp.matches(&e, &interp.g.exc.attribute_error.clone()) => None,
                Err(e) => return Err(e),
            }
        }
        Err(e) if interp.matches(&e, &interp.g.exc.import_error.clone()) => None,
        Err(e) => return Err(e),
    };
    match found {
        Some(f) => interp.call(&f, args),
        None => {
            // CPython's warning, shown as the warnings module shows it: where the call was.
            let (file, line) = match interp.caller_frame() {
                Some(f) => (
                    crate::eval::str_of(&f.code().filename).to_string(),
                    f.line(),
                ),
                None => ("sys".to_string(), 1),
            };
            let mut msg = format!(
                "{file}:{line}: RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\"\n"
            );
            if let Some(src) = crate::traceback::source_line(&file, line) {
                msg.push_str(&format!("  {src}\n"));
            }
            crate::modules::io::write_stderr(&msg);
            Ok(Value::None)
        }
    }
}

/// `sys.displayhook(value)`: shows `repr(value)` on `sys.stdout` and keeps it as
/// `builtins._` (None is not shown).
fn displayhook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "displayhook", 1, 1)?;
    let v = a[0].clone();
    if v.is_none() {
        return Ok(Value::None);
    }
    let bd = interp.g.builtins_dict.clone();
    let us = interp.intern("_");
    interp.dict_set_str(&bd, us.clone(), Value::None);
    let r = crate::repr::repr(interp, &v)?;
    let print = interp.intern("print");
    if let Some(p) = interp.dict_get_str(&bd, &print) {
        let s = interp.new_str(r);
        interp.call1(&p, &[s])?;
    }
    interp.dict_set_str(&bd, us, v);
    Ok(Value::None)
}

/// `PrintExpr`: calls `sys.displayhook` (CPython's "lost sys.displayhook" without one).
pub(crate) fn print_expr(interp: &mut Interp, v: Value) -> PyResult<()> {
    let d = Interp::module_dict(&interp.g.sys).cloned();
    let key = interp.intern("displayhook");
    match d.and_then(|d| interp.dict_get_str(&d, &key)) {
        Some(h) => interp.call1(&h, &[v]).map(drop),
        None => Err(interp.runtime_error("lost sys.displayhook")),
    }
}

/// Registers the builtins of this file.
pub fn register(interp: &mut Interp) {
    let b =
        |i: &mut Interp, n: &'static str, f: crate::interp::NativeFn| super::add_builtin(i, n, f);
    b(interp, "compile", compile);
    b(interp, "exec", exec);
    b(interp, "eval", eval);
    b(interp, "globals", globals);
    b(interp, "locals", locals);
    b(interp, "vars", vars);
    b(interp, "__import__", import);
    b(interp, "breakpoint", breakpoint);
}

/// `sys.displayhook`, `sys.breakpointhook` and their `__x__` originals.
pub fn init_sys(interp: &mut Interp, sys: &ObjRef) {
    for (name, orig, f) in [
        (
            "displayhook",
            "__displayhook__",
            displayhook as crate::interp::NativeFn,
        ),
        ("breakpointhook", "__breakpointhook__", breakpointhook),
    ] {
        let v = interp.new_native(name, f);
        super::publish_native(&v);
        interp.add_value(sys, name, v.clone());
        interp.add_value(sys, orig, v);
    }
}
