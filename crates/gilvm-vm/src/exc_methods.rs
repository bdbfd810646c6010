//! Behaviour of exception instances: `str`, `repr`, and their special attributes.
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{exc_data, PyResult};
use crate::interp::Interp;

fn args_of(interp: &Interp, o: &ObjRef) -> Vec<Value> {
    match exc_data(o) {
        Some(d) => d.with(interp.py, |d| match &d.args {
            Value::Obj(t) => match t.payload() {
                Payload::Tuple(items) => items.to_vec(),
                _ => vec![],
            },
            _ => vec![],
        }),
        None => vec![],
    }
}

/// `str(exc)`.
pub fn exc_str(interp: &mut Interp, o: &ObjRef) -> PyResult<String> {
    let args = args_of(interp, o);
    let v = Value::Obj(o.clone());
    if interp.isinstance(&v, &interp.g.exc.key_error.clone()) && args.len() == 1 {
        return interp.repr(&args[0]);
    }
    if (2..=5).contains(&args.len()) && interp.isinstance(&v, &interp.g.exc.os_error.clone()) {
        // OSError(errno, strerror[, filename]): "[Errno 2] No such file...: 'x.txt'".
        let errno = interp.str_string(&args[0])?;
        let strerror = interp.str_string(&args[1])?;
        let filename = args.get(2).cloned().or_else(|| os_filename(interp, o));
        // `filename2` (rename, link, symlink): "[Errno 2] ...: 'a' -> 'b'".
        let filename2 = match o.payload() {
            Payload::Instance(i) => i.attr_get(interp.py, &interp.intern("filename2")),
            _ => None,
        };
        return Ok(match (filename.as_ref(), filename2.as_ref()) {
            (Some(f), Some(f2)) if !f.is_none() && !f2.is_none() => format!(
                "[Errno {errno}] {strerror}: {} -> {}",
                interp.repr(f)?,
                interp.repr(f2)?
            ),
            (Some(f), _) if !f.is_none() => {
                format!("[Errno {errno}] {strerror}: {}", interp.repr(f)?)
            }
            _ => format!("[Errno {errno}] {strerror}"),
        });
    }
    if interp.isinstance(&v, &interp.g.exc.syntax_error.clone()) {
        if let Some(s) = syntax_error_str(interp, o)? {
            return Ok(s);
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => interp.str_string(&args[0]),
        _ => {
            let t = interp.new_tuple(args);
            interp.repr(&t)
        }
    }
}

/// `str()` of a SyntaxError with a location: `msg (file, line N)` (the file's base name).
fn syntax_error_str(interp: &mut Interp, o: &ObjRef) -> PyResult<Option<String>> {
    let get = |interp: &mut Interp, k: &str| {
        let n = interp.intern(k);
        interp
            .getattr_opt(&Value::Obj(o.clone()), &n)
            .ok()
            .flatten()
            .unwrap_or(Value::None)
    };
    let msg = get(interp, "msg");
    let filename = get(interp, "filename");
    let lineno = get(interp, "lineno");
    let file = filename
        .as_str()
        .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let line = match lineno {
        Value::Int(i) => Some(i),
        _ => None,
    };
    let m = interp.str_string(&msg)?;
    Ok(Some(match (file, line) {
        (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
        (Some(f), None) => format!("{m} ({f})"),
        (None, Some(l)) => format!("{m} (line {l})"),
        (None, None) => m,
    }))
}

/// `repr(exc)`.
pub fn exc_repr(interp: &mut Interp, o: &ObjRef) -> PyResult<String> {
    let name = interp.class_name(o);
    let args = args_of(interp, o);
    if args.len() == 1 {
        return Ok(format!("{name}({})", interp.repr(&args[0])?));
    }
    let t = interp.new_tuple(args);
    Ok(format!("{name}{}", interp.repr(&t)?))
}

/// A SyntaxError's location attributes, in the order of its `(filename, lineno, offset,
/// text, end_lineno, end_offset)` argument.
pub const SYNTAX_ERROR_LOCATION: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// Special attributes of exceptions.
pub fn exc_attr(interp: &mut Interp, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Some(d) = exc_data(o) else {
        return Ok(None);
    };
    let py = interp.py;
    Ok(match name {
        "args" => Some(d.with(py, |d| d.args.clone())),
        "__cause__" => Some(d.with(py, |d| d.cause.clone())),
        "__context__" => Some(d.with(py, |d| d.context.clone())),
        "__suppress_context__" => Some(Value::Bool(d.with(py, |d| d.suppress_context))),
        "__traceback__" => Some(d.with(py, |d| d.traceback.clone())),
        "value"
            if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.stop_iteration.clone()) =>
        {
            Some(args_of(interp, o).into_iter().next().unwrap_or(Value::None))
        }
        "code" if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.system_exit.clone()) => {
            let a = args_of(interp, o);
            Some(match a.len() {
                0 => Value::None,
                1 => a[0].clone(),
                _ => interp.new_tuple(a),
            })
        }
        "errno" | "strerror" | "filename"
            if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.os_error.clone()) =>
        {
            let a = args_of(interp, o);
            Some(match name {
                "errno" if a.len() >= 2 => a[0].clone(),
                "strerror" if a.len() >= 2 => a[1].clone(),
                "filename" if a.len() >= 3 => a[2].clone(),
                "filename" => os_filename(interp, o).unwrap_or(Value::None),
                _ => Value::None,
            })
        }
        "name" | "path"
            if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.import_error.clone()) =>
        {
            Some(Value::None)
        }
        "msg" if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.syntax_error.clone()) => {
            Some(args_of(interp, o).into_iter().next().unwrap_or(Value::None))
        }
        // `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`
        // (the compiler's own SyntaxErrors keep these in the instance dict, read first).
        "filename"
        | "lineno"
        | "offset"
        | "text"
        | "end_lineno"
        | "end_offset"
        | "print_file_and_line"
            if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.syntax_error.clone()) =>
        {
            let a = args_of(interp, o);
            let loc = match a.get(1) {
                Some(Value::Obj(t)) if a.len() == 2 => match t.payload() {
                    Payload::Tuple(t) if t.len() == 4 || t.len() == 6 => {
                        Some(t.iter().cloned().collect::<Vec<_>>())
                    }
                    _ => None,
                },
                _ => None,
            };
            let i = SYNTAX_ERROR_LOCATION.iter().position(|k| *k == name);
            Some(match (loc, i) {
                (Some(loc), Some(i)) => loc.get(i).cloned().unwrap_or(Value::None),
                _ => Value::None,
            })
        }
        // `UnicodeEncodeError(encoding, object, start, end, reason)` and the decode form;
        // `UnicodeTranslateError(object, start, end, reason)` (the codecs that raise them
        // also set these in the instance dict, which is looked up first).
        "encoding" | "object" | "start" | "end" | "reason"
            if interp.isinstance(&Value::Obj(o.clone()), &interp.g.exc.unicode_error.clone()) =>
        {
            let a = args_of(interp, o);
            let names: &[&str] = if a.len() == 4 {
                &["object", "start", "end", "reason"]
            } else {
                &["encoding", "object", "start", "end", "reason"]
            };
            match names.iter().position(|k| *k == name) {
                Some(i) if a.len() == names.len() => Some(a[i].clone()),
                _ => None,
            }
        }
        _ => None,
    })
}

/// Stores a special exception attribute; false if `name` is not one.
pub fn exc_setattr(interp: &mut Interp, o: &ObjRef, name: &str, v: &Value) -> PyResult<bool> {
    let Some(d) = exc_data(o) else {
        return Ok(false);
    };
    let py = interp.py;
    match name {
        "args" => {
            let items = interp.collect(v)?;
            let t = interp.new_tuple(items);
            d.with(py, |d| d.args = t);
        }
        "__cause__" => d.with(py, |d| {
            d.cause = v.clone();
            d.suppress_context = true;
        }),
        "__context__" => d.with(py, |d| d.context = v.clone()),
        "__suppress_context__" => {
            let b = interp.truthy(v)?;
            d.with(py, |d| d.suppress_context = b)
        }
        "__traceback__" => {
            if !v.is_none() && !crate::tbobj::is_traceback(v) {
                return Err(interp.type_error("__traceback__ must be a traceback or None"));
            }
            let old = d.with(py, |d| std::mem::replace(&mut d.traceback, v.clone()));
            drop(old);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// `BaseException.__new__(cls, *args)`.
pub fn exc_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(Value::Obj(cls)) = pos.first() else {
        return Err(interp.type_error("BaseException.__new__(): not enough arguments"));
    };
    let inst = interp.new_instance(cls)?;
    if let Value::Obj(o) = &inst {
        if let Some(d) = exc_data(o) {
            let t = interp.new_tuple(pos[1..].to_vec());
            d.with(interp.py, |d| d.args = t);
        }
    }
    Ok(inst)
}

/// `BaseException.__init__(self, *args)`.
pub fn exc_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if let Some(Value::Obj(o)) = pos.first() {
        if let Some(d) = exc_data(o) {
            let t = interp.new_tuple(pos[1..].to_vec());
            d.with(interp.py, |d| d.args = t);
        }
    }
    Ok(Value::None)
}

/// `BaseException.with_traceback(tb)`.
pub fn exc_with_traceback(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "with_traceback", 2, 2)?;
    if let Value::Obj(o) = &a[0] {
        let name = "__traceback__";
        exc_setattr(interp, o, name, &a[1])?;
    }
    Ok(a[0].clone())
}

/// `BaseException.add_note(note)`.
pub fn exc_add_note(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "add_note", 2, 2)?;
    let Value::Obj(o) = &a[0] else {
        return Err(interp.type_error("add_note() needs an exception"));
    };
    let note = a[1].clone();
    if note.as_str().is_none() {
        return Err(interp.type_error(format!(
            "add_note() argument must be str, not {}",
            interp.type_name(&note)
        )));
    }
    interp.add_exc_note(&crate::error::PyErr(o.clone()), note)?;
    Ok(Value::None)
}

impl Interp {
    /// Appends `note` to the exception's `__notes__` list (created on first use), as
    /// `BaseException.add_note` does.
    pub fn add_exc_note(
        &mut self,
        e: &crate::error::PyErr,
        note: impl Into<NoteText>,
    ) -> PyResult<()> {
        let note = match note.into() {
            NoteText::Value(v) => v,
            NoteText::Text(s) => self.new_str(s),
        };
        let ev = e.value();
        let key = self.intern("__notes__");
        let notes = match self.getattr_optional(&ev, &key)? {
            Some(n) => n,
            None => {
                let l = self.new_list(vec![]);
                self.setattr(&ev, &key, l.clone())?;
                l
            }
        };
        match &notes {
            Value::Obj(l) if matches!(l.payload(), Payload::List(_)) => {
                if let Payload::List(l) = l.payload() {
                    l.append(self.py, note);
                }
                Ok(())
            }
            _ => Err(self.type_error("Cannot add note: __notes__ is not a list")),
        }
    }
}

/// A note for [`Interp::add_exc_note`]: a str object or Rust text.
pub enum NoteText {
    Value(Value),
    Text(String),
}
impl From<Value> for NoteText {
    fn from(v: Value) -> Self {
        NoteText::Value(v)
    }
}
impl From<String> for NoteText {
    fn from(s: String) -> Self {
        NoteText::Text(s)
    }
}

/// The lines of an exception's `__notes__` as the traceback prints them.
pub fn exc_notes(interp: &mut Interp, o: &ObjRef) -> Vec<String> {
    let Payload::Instance(i) = o.payload() else {
        return vec![];
    };
    let key = interp.intern("__notes__");
    let Some(notes) = i.attr_get(interp.py, &key) else {
        return vec![];
    };
    let items = match &notes {
        Value::Obj(n) => match n.payload() {
            Payload::List(l) => l.snapshot(interp.py),
            Payload::Tuple(t) => t.to_vec(),
            _ => return vec![interp.repr(&notes).unwrap_or_default()],
        },
        _ => return vec![interp.repr(&notes).unwrap_or_default()],
    };
    items
        .iter()
        .map(|n| match n.as_str() {
            Some(s) => s.to_string(),
            None => interp
                .str_string(n)
                .unwrap_or_else(|_| "<note str() failed>".into()),
        })
        .collect()
}

/// `BaseException.__str__` and `__repr__` as methods (for `super().__str__()`).
pub fn exc_str_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(o)) = args.pos().first() else {
        return Err(interp.type_error("__str__ needs an argument"));
    };
    let s = exc_str(interp, o)?;
    Ok(interp.new_str(s))
}
pub fn exc_repr_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(o)) = args.pos().first() else {
        return Err(interp.type_error("__repr__ needs an argument"));
    };
    let s = exc_repr(interp, o)?;
    Ok(interp.new_str(s))
}

/// The `filename` an OSError raised by the VM keeps beside its (errno, strerror) args, as
/// CPython's OSError does.
fn os_filename(interp: &mut Interp, o: &ObjRef) -> Option<Value> {
    let Payload::Instance(i) = o.payload() else {
        return None;
    };
    let key = interp.intern("filename");
    i.attr_get(interp.py, &key)
}
