//! Printing uncaught exceptions as CPython does: the chain of causes/contexts, one
//! `File "…", line N, in name` entry per frame with its source line, then `Type: message`.
use std::collections::HashMap;
use std::sync::Mutex;

use gilvm_object::{ObjRef, Payload, Value};

use crate::error::{exc_data, PyErr};
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
pub fn format_exception(interp: &mut Interp, e: &PyErr) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(interp, &e.0, &mut out, &mut seen);
    out
}

fn format_chain(interp: &mut Interp, exc: &ObjRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.addr());
    if let Some(d) = exc_data(exc) {
        let (cause, context, suppress) = d.with(interp.py, |d| {
            (d.cause.clone(), d.context.clone(), d.suppress_context)
        });
        if let Value::Obj(c) = &cause {
            if !seen.contains(&c.addr()) {
                format_chain(interp, c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let (Value::Obj(c), false) = (&context, suppress) {
            if !seen.contains(&c.addr()) {
                format_chain(interp, c, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    format_one(interp, exc, out);
}

fn format_one(interp: &mut Interp, exc: &ObjRef, out: &mut String) {
    let tb = exc_data(exc)
        .map(|d| d.with(interp.py, |d| d.traceback.clone()))
        .unwrap_or(Value::None);
    let tb = crate::tbobj::entries(interp, &tb);
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0;
        let mut lines: Vec<String> = Vec::new();
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
                    lines.push(format!(
                        "  [Previous line repeated {} more time{}]\n",
                        repeat - 2,
                        if repeat - 2 == 1 { "" } else { "s" }
                    ));
                }
                repeat = 0;
                last = Some(key);
            }
            let mut s = format!("  File \"{file}\", line {line}, in {name}\n");
            if let Some(src) = source_line(&file, line) {
                if !src.is_empty() {
                    s.push_str(&format!("    {src}\n"));
                }
            }
            lines.push(s);
        }
        if repeat >= 3 {
            lines.push(format!(
                "  [Previous line repeated {} more time{}]\n",
                repeat - 2,
                if repeat - 2 == 1 { "" } else { "s" }
            ));
        }
        for l in lines {
            out.push_str(&l);
        }
    }
    let v = Value::Obj(exc.clone());
    if interp.isinstance(&v, &interp.g.exc.syntax_error.clone()) {
        format_syntax_error(interp, exc, out);
        return;
    }
    out.push_str(&exception_line(interp, exc));
    out.push('\n');
    for n in crate::exc_methods::exc_notes(interp, exc) {
        out.push_str(&n);
        out.push('\n');
    }
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
