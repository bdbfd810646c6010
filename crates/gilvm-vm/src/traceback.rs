//! Printing uncaught exceptions as CPython does: the chain of causes/contexts, one
//! `File "…", line N, in name` entry per frame with its source line, then `Type: message`;
//! exception groups nested in boxes.
use std::collections::HashMap;
use std::sync::Mutex;

use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{exc_data, PyErr, PyResult};
use crate::eval::str_of;
use crate::frame::code_of;
use crate::interp::Interp;

static SOURCES: Mutex<Option<HashMap<String, Vec<String>>>> = Mutex::new(None);

/// Registers the source text of a file (or `<string>`) for traceback lines.
pub fn register_source(filename: &str, text: &str) {
    let mut g = SOURCES.lock().unwrap_or_else(|e| e.into_inner());
    g.get_or_insert_with(HashMap::new).insert(
        filename.to_string(),
        text.lines().map(|l| l.to_string()).collect(),
    );
}

/// Makes tracebacks quote no line of `filename` (a script read from a pipe).
pub fn forget_source(filename: &str) {
    let mut g = SOURCES.lock().unwrap_or_else(|e| e.into_inner());
    g.get_or_insert_with(HashMap::new)
        .insert(filename.to_string(), Vec::new());
}

/// Line `n` (1-based) of a registered or readable file, stripped.
pub fn source_line(filename: &str, n: u32) -> Option<String> {
    let mut g = SOURCES.lock().unwrap_or_else(|e| e.into_inner());
    let map = g.get_or_insert_with(HashMap::new);
    if !map.contains_key(filename) {
        let text = crate::vfs::read_to_string(std::path::Path::new(filename)).ok()?;
        map.insert(
            filename.to_string(),
            text.lines().map(|l| l.to_string()).collect(),
        );
    }
    map.get(filename)?
        .get(n.checked_sub(1)? as usize)
        .map(|l| l.trim().to_string())
}

/// The full text CPython prints for an uncaught exception.
///
/// CPython 3.13+ prints it with the Lib's `traceback` module (`PyErr_Display` calls
/// `traceback._print_exception_bltin`), which is where the position carets (`~~^^^`), the
/// "Did you mean" suggestions and the colours of a terminal come from; gilvm does the same
/// (`format_with_lib`), and keeps its own formatter (`format_native`) for when that is not
/// possible: the Lib's module cannot be imported or raises, the exception is a
/// `MemoryError`, or the formatting itself failed and is being reported.
pub fn format_exception(interp: &mut Interp, e: &PyErr) -> String {
    if let Some(text) = format_with_lib(interp, &e.0) {
        return text;
    }
    format_native(interp, e)
}

thread_local! {
    /// Set while this thread formats with the Lib: an error inside it is not formatted
    /// with the Lib again.
    static IN_LIB_FORMAT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn format_with_lib(interp: &mut Interp, exc: &ObjRef) -> Option<String> {
    let memory_error = interp.g.exc.memory_error.clone();
    if IN_LIB_FORMAT.get() || interp.isinstance(&Value::Obj(exc.clone()), &memory_error) {
        return None;
    }
    IN_LIB_FORMAT.set(true);
    let r = lib_format(interp, exc);
    IN_LIB_FORMAT.set(false);
    r.ok()
}

/// `"".join(traceback.format_exception(exc, limit=BUILTIN_EXCEPTION_LIMIT,
/// colorize=_colorize.can_colorize(file=sys.stderr)))`, what `_print_exception_bltin`
/// writes.
fn lib_format(interp: &mut Interp, exc: &ObjRef) -> PyResult<String> {
    let tb = Value::Obj(interp.import_module("traceback")?);
    prime_linecache(interp)?;
    let sys = Value::Obj(interp.g.sys.clone());
    let stderr = interp.getattr_str(&sys, "stderr").unwrap_or(Value::None);
    let colorize = Value::Obj(interp.import_module("_colorize")?);
    let can = interp.getattr_str(&colorize, "can_colorize")?;
    let kw = [interp.new_str("file")];
    let on = interp.call(
        &can,
        Args {
            all: &[stderr],
            kwnames: &kw,
        },
    )?;
    let on = interp.truthy(&on)?;
    let f = interp.getattr_str(&tb, "format_exception")?;
    let limit = interp.getattr_str(&tb, "BUILTIN_EXCEPTION_LIMIT")?;
    let kw = [interp.new_str("limit"), interp.new_str("colorize")];
    let lines = interp.call(
        &f,
        Args {
            all: &[Value::Obj(exc.clone()), limit, Value::Bool(on)],
            kwnames: &kw,
        },
    )?;
    let mut out = String::new();
    for line in interp.collect(&lines)? {
        match line.as_str() {
            Some(s) => out.push_str(s),
            None => return Err(interp.type_error("traceback.format_exception gave a non-str")),
        }
    }
    Ok(out)
}

/// Gives `linecache` the text of the pseudo-files whose source only gilvm has (`-c`'s
/// `<string>`, the REPL's lines), as CPython registers `-c`'s.
fn prime_linecache(interp: &mut Interp) -> PyResult<()> {
    let pseudo: Vec<(String, Vec<String>)> = {
        let g = SOURCES.lock().unwrap_or_else(|e| e.into_inner());
        g.iter()
            .flat_map(|m| m.iter())
            .filter(|(name, lines)| name.starts_with('<') && !lines.is_empty())
            .map(|(n, l)| (n.clone(), l.clone()))
            .collect()
    };
    if pseudo.is_empty() {
        return Ok(());
    }
    let lc = Value::Obj(interp.import_module("linecache")?);
    let cache = interp.getattr_str(&lc, "cache")?;
    for (name, lines) in pseudo {
        let size: usize = lines.iter().map(|l| l.len() + 1).sum();
        let items: Vec<Value> = lines
            .iter()
            .map(|l| interp.new_str(format!("{l}\n")))
            .collect();
        let key = interp.new_str(name.as_str());
        let entry = vec![
            Value::Int(size as i64),
            Value::None,
            interp.new_list(items),
            key.clone(),
        ];
        let entry = interp.new_tuple(entry);
        interp.setitem(&cache, key, entry)?;
    }
    Ok(())
}

/// gilvm's own formatter: the same text without carets, suggestions or colours.
fn format_native(interp: &mut Interp, e: &PyErr) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut ctx = GroupCtx::default();
    format_chain(interp, &e.0, &mut out, &mut seen, &mut ctx);
    out
}

/// Exception groups (PEP 654) print nested in boxes, as CPython's `traceback` module
/// lays them out: each level indents by two and prefixes its lines with a margin
/// (`| `, or `+ ` for the header of the outermost group); at most `MAX_GROUP_WIDTH`
/// members are shown per group and `MAX_GROUP_DEPTH` levels.
#[derive(Default)]
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut pre = self.indent();
        if self.depth > 0 {
            pre.push(margin);
            pre.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&pre);
            out.push_str(line);
        }
    }
}

/// The members of `exc` if it is an exception group.
fn group_members(interp: &mut Interp, exc: &ObjRef) -> Option<Vec<Value>> {
    let bd = interp.g.builtins_dict.clone();
    let beg = interp.dict_get_str(&bd, &interp.intern("BaseExceptionGroup"))?;
    let v = Value::Obj(exc.clone());
    if !interp.isinstance(&v, beg.as_obj()?) {
        return None;
    }
    let members = interp.getattr_str(&v, "exceptions").ok()?;
    match &members {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) => Some(t.to_vec()),
            _ => None,
        },
        _ => None,
    }
}

fn format_chain(
    interp: &mut Interp,
    exc: &ObjRef,
    out: &mut String,
    seen: &mut Vec<usize>,
    ctx: &mut GroupCtx,
) {
    // The chain, innermost cause first: (message before it, exception).
    let mut chain: Vec<(Option<&'static str>, ObjRef)> = Vec::new();
    let mut cur = Some(exc.clone());
    let mut msg = None;
    while let Some(e) = cur.take() {
        seen.push(e.addr());
        chain.push((msg.take(), e.clone()));
        if let Some(d) = exc_data(&e) {
            let (cause, context, suppress) = d.with(interp.py, |d| {
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            });
            if let Value::Obj(c) = &cause {
                if !seen.contains(&c.addr()) {
                    msg = Some(
                        "\nThe above exception was the direct cause of the following exception:\n\n",
                    );
                    cur = Some(c.clone());
                }
            } else if let (Value::Obj(c), false) = (&context, suppress) {
                if !seen.contains(&c.addr()) {
                    msg = Some(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                    cur = Some(c.clone());
                }
            }
        }
    }
    // Each message belongs before the exception that follows it in printing order.
    let n = chain.len();
    for i in (0..n).rev() {
        let e = chain[i].1.clone();
        let Some(members) = group_members(interp, &e) else {
            let stack = format_stack(interp, &e);
            if !stack.is_empty() {
                ctx.emit(out, "Traceback (most recent call last):\n", '|');
                ctx.emit(out, &stack, '|');
            }
            let only = format_exception_only(interp, &e);
            ctx.emit(out, &only, '|');
            if let Some(m) = chain[i].0 {
                ctx.emit(out, m, '|');
            }
            continue;
        };
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                out,
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
        } else {
            format_group(interp, &e, &members, out, seen, ctx);
        }
        if let Some(m) = chain[i].0 {
            ctx.emit(out, m, '|');
        }
    }
}

fn format_group(
    interp: &mut Interp,
    exc: &ObjRef,
    members: &[Value],
    out: &mut String,
    seen: &mut Vec<usize>,
    ctx: &mut GroupCtx,
) {
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    let stack = format_stack(interp, exc);
    if !stack.is_empty() {
        ctx.emit(
            out,
            "Exception Group Traceback (most recent call last):\n",
            if toplevel { '+' } else { '|' },
        );
        ctx.emit(out, &stack, '|');
    }
    let only = format_exception_only(interp, exc);
    ctx.emit(out, &only, '|');
    let count = members.len();
    let shown = if count <= MAX_GROUP_WIDTH {
        count
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for (i, m) in members.iter().take(shown).enumerate() {
        let last = i + 1 == shown;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        out.push_str(&ctx.indent());
        out.push_str(if i == 0 { "+-" } else { "  " });
        out.push_str(&format!("+---------------- {title} ----------------\n"));
        ctx.depth += 1;
        if truncated {
            let more = count - MAX_GROUP_WIDTH;
            let s = if more > 1 { "s" } else { "" };
            ctx.emit(out, &format!("and {more} more exception{s}\n"), '|');
        } else if let Value::Obj(o) = m {
            format_chain(interp, o, out, seen, ctx);
        }
        if last && ctx.need_close {
            out.push_str(&ctx.indent());
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The `File "…", line N, in name` entries of `exc`'s traceback, with source lines.
fn format_stack(interp: &mut Interp, exc: &ObjRef) -> String {
    let mut out = String::new();
    let tb = exc_data(exc)
        .map(|d| d.with(interp.py, |d| d.traceback.clone()))
        .unwrap_or(Value::None);
    let tb = crate::tbobj::entries(interp, &tb);
    let mut last: Option<(String, u32, String)> = None;
    let mut repeat = 0;
    for (frame, line) in tb.iter() {
        let code_obj = crate::frameobj::frame_code(interp, frame);
        let code = code_of(&code_obj);
        let file = str_of(&code.filename).to_string();
        let name = str_of(&code.name).to_string();
        let line = (*line).max(0) as u32;
        let key = (file.clone(), line, name.clone());
        if last.as_ref() == Some(&key) {
            repeat += 1;
            if repeat >= 3 {
                continue;
            }
        } else {
            if repeat >= 3 {
                out.push_str(&repeated(repeat));
            }
            repeat = 0;
            last = Some(key);
        }
        out.push_str(&format!("  File \"{file}\", line {line}, in {name}\n"));
        if let Some(src) = source_line(&file, line) {
            if !src.is_empty() {
                out.push_str(&format!("    {src}\n"));
            }
        }
    }
    if repeat >= 3 {
        out.push_str(&repeated(repeat));
    }
    out
}

fn repeated(repeat: usize) -> String {
    format!(
        "  [Previous line repeated {} more time{}]\n",
        repeat - 2,
        if repeat - 2 == 1 { "" } else { "s" }
    )
}

/// `Type: message` and the notes (or a SyntaxError's location and caret).
fn format_exception_only(interp: &mut Interp, exc: &ObjRef) -> String {
    let mut out = String::new();
    let v = Value::Obj(exc.clone());
    if interp.isinstance(&v, &interp.g.exc.syntax_error.clone()) {
        format_syntax_error(interp, exc, &mut out);
        return out;
    }
    out.push_str(&exception_line(interp, exc));
    out.push('\n');
    for n in crate::exc_methods::exc_notes(interp, exc) {
        out.push_str(&n);
        out.push('\n');
    }
    out
}

/// `Type: message` (with the module prefix CPython adds for non-builtin classes).
pub fn exception_line(interp: &mut Interp, exc: &ObjRef) -> String {
    let ty = gilvm_object::types::type_of_obj(exc).clone();
    let mut name = match ty.payload() {
        Payload::Type(t) => t
            .qualname
            .with(interp.py, |q| q.as_str().unwrap_or(&t.name).to_string()),
        _ => "?".into(),
    };
    if let Payload::Type(t) = ty.payload() {
        if let Some(m) = t.dict().get_str(interp.py, &interp.g.names.module) {
            if let Some(m) = m.as_str() {
                if m != "builtins" && m != "__main__" {
                    name = format!("{m}.{name}");
                }
            }
        }
    }
    let v = Value::Obj(exc.clone());
    let msg = match interp.str_string(&v) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".into(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

fn format_syntax_error(interp: &mut Interp, exc: &ObjRef, out: &mut String) {
    let v = Value::Obj(exc.clone());
    let get = |interp: &mut Interp, n: &str| -> Value {
        let key = interp.intern(n);
        match exc.payload() {
            Payload::Instance(i) => i.attr_get(interp.py, &key),
            _ => None,
        }
        .unwrap_or(Value::None)
    };
    let filename = get(interp, "filename");
    let lineno = get(interp, "lineno");
    let text = get(interp, "text");
    let offset = get(interp, "offset");
    let end_offset = get(interp, "end_offset");
    if let (Some(f), Value::Int(l)) = (filename.as_str(), &lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
        if let Some(t) = text.as_str() {
            let trimmed = t.trim_start();
            let strip = t.chars().count() - trimmed.chars().count();
            let shown = trimmed.trim_end_matches(['\n', '\r']);
            out.push_str(&format!("    {shown}\n"));
            if let Value::Int(off) = offset {
                let off = (off as usize).saturating_sub(1).saturating_sub(strip);
                let end = match end_offset {
                    Value::Int(e) if (e as usize) > off + strip + 1 => {
                        (e as usize - 1 - strip).min(shown.chars().count().max(off + 1))
                    }
                    _ => off + 1,
                };
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(off),
                    "^".repeat((end - off).max(1))
                ));
            }
        }
    }
    let ty = gilvm_object::types::type_of_obj(exc).clone();
    let name = gilvm_object::types::type_name(&ty).to_string();
    let msg = get(interp, "msg");
    let msg = match msg.as_str() {
        Some(m) => m.to_string(),
        None => interp.str_string(&v).unwrap_or_default(),
    };
    out.push_str(&format!("{name}: {msg}\n"));
}
