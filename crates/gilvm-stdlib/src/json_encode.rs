//! The encoding half of `_json` (CPython's `Modules/_json.c`): `encode_basestring`,
//! `encode_basestring_ascii`, and the encoder type `make_encoder` (shown as
//! `_json.Encoder`) that `json.encoder.JSONEncoder.iterencode(o, _one_shot=True)` calls
//! for `json.dumps`.
//!
//! The encoder writes the whole document into one Rust `String` and returns it as a
//! one-item tuple, as CPython's does. It follows the order of the Lib's
//! `_make_iterencode`: str, None, True, False, int, float, list/tuple, dict, then
//! `default(o)`; the circular-reference markers are keyed by object identity; an error
//! raised inside a container gets CPython's notes ("when serializing list item 1").
//! Python code (`default`, a custom string encoder, a dict subclass's `items()`, key
//! sorting) runs with no lock held.
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{native_obj, with_data};

/// Appends `s` as a JSON string with only ASCII characters.
pub fn escape_ascii(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (' '..='~').contains(&c) => out.push(c),
            c if gilvm_object::surrogate::is_surrogate(c) => {
                out.push_str(&format!("\\u{:04x}", gilvm_object::surrogate::code(c)));
            }
            c => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
        }
    }
    out.push('"');
}

/// Appends `s` as a JSON string, escaping only what JSON requires.
pub fn escape_unicode(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn str_arg<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a str> {
    let a = args.exact(interp, name, 1, 1)?;
    a[0].as_str().ok_or_else(|| {
        interp.type_error(format!(
            "first argument must be a string, not {}",
            interp.type_name(&a[0])
        ))
    })
}

/// `encode_basestring_ascii(s, /)`.
pub fn encode_basestring_ascii(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_arg(interp, &args, "encode_basestring_ascii")?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_ascii(&mut out, s);
    Ok(interp.new_str(out))
}

/// `encode_basestring(s, /)`.
pub fn encode_basestring(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_arg(interp, &args, "encode_basestring")?;
    let mut out = String::with_capacity(s.len() + 2);
    escape_unicode(&mut out, s);
    Ok(interp.new_str(out))
}

/// How strings are encoded: one of the two natives, or a Python callable.
#[derive(Clone)]
enum StrEnc {
    Ascii,
    Unicode,
    Call(Value),
}

/// The encoder's settings.
#[derive(Clone)]
struct Encoder {
    markers: Value,
    default: Value,
    enc: StrEnc,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

/// The names of the native string encoders, to recognise them when they are passed in.
fn native_name(v: &Value) -> Option<&'static str> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::BuiltinFunction(b) => Some(b.name),
            _ => None,
        },
        _ => None,
    }
}

fn sep_arg(interp: &Interp, v: &Value, what: &str) -> PyResult<String> {
    v.as_str().map(str::to_string).ok_or_else(|| {
        interp.type_error(format!(
            "make_encoder() argument {what} must be str, not {}",
            interp.type_name(v)
        ))
    })
}

/// `make_encoder(markers, default, encoder, indent, key_separator, item_separator,
/// sort_keys, skipkeys, allow_nan)`.
pub fn encoder_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("Encoder.__new__(X): X is not a type object")),
    };
    if args.has_kwargs() {
        return Err(interp.type_error("Encoder() takes no keyword arguments"));
    }
    let a = &args.pos()[1..];
    if a.len() != 9 {
        return Err(interp.type_error(format!(
            "Encoder() takes exactly 9 arguments ({} given)",
            a.len()
        )));
    }
    let markers = a[0].clone();
    if !markers.is_none()
        && !matches!(&markers, Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)))
    {
        return Err(interp.type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            interp.type_name(&markers)
        )));
    }
    let enc = match native_name(&a[2]) {
        Some("encode_basestring_ascii") => StrEnc::Ascii,
        Some("encode_basestring") => StrEnc::Unicode,
        _ => StrEnc::Call(a[2].clone()),
    };
    let indent = match &a[3] {
        Value::None => None,
        v => Some(sep_arg(interp, v, "4")?),
    };
    let e = Encoder {
        markers,
        default: a[1].clone(),
        enc,
        indent,
        key_sep: sep_arg(interp, &a[4], "5")?,
        item_sep: sep_arg(interp, &a[5], "6")?,
        sort_keys: interp.truthy(&a[6])?,
        skipkeys: interp.truthy(&a[7])?,
        allow_nan: interp.truthy(&a[8])?,
    };
    Ok(native_obj(interp, &cls, e))
}

/// `encoder(obj, _current_indent_level)`: `(text,)`.
pub fn encoder_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if args.has_kwargs() || pos.len() != 3 {
        return Err(interp.type_error(format!(
            "Encoder() takes exactly 2 arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let e = with_data(interp, &pos[0], |e: &mut Encoder| e.clone()).ok_or_else(|| {
        interp.type_error("descriptor '__call__' requires a '_json.Encoder' object")
    })?;
    let level = interp.index_value(&pos[2])?;
    let mut w = Writer {
        e,
        out: String::new(),
        depth: 0,
    };
    w.encode(interp, &pos[1], level.max(0) as usize)?;
    let s = interp.new_str(w.out);
    Ok(interp.new_tuple(vec![s]))
}

struct Writer {
    e: Encoder,
    out: String,
    depth: usize,
}

fn add_note(interp: &mut Interp, e: &PyErr, note: String) {
    let n = interp.new_str(note);
    let _ = interp.call_method(&Value::Obj(e.0.clone()), "add_note", &[n]);
}

fn is_type(interp: &Interp, v: &Value, t: &ObjRef) -> bool {
    interp.isinstance(v, t)
}

impl Writer {
    fn float(&mut self, interp: &mut Interp, f: f64) -> PyResult<()> {
        if f.is_finite() {
            let r = interp.repr(&Value::Float(f))?;
            self.out.push_str(&r);
            return Ok(());
        }
        if !self.e.allow_nan {
            let r = interp.repr(&Value::Float(f))?;
            return Err(interp.value_error(format!(
                "Out of range float values are not JSON compliant: {r}"
            )));
        }
        self.out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn string(&mut self, interp: &mut Interp, v: &Value, s: &str) -> PyResult<()> {
        match &self.e.enc {
            StrEnc::Ascii => escape_ascii(&mut self.out, s),
            StrEnc::Unicode => escape_unicode(&mut self.out, s),
            StrEnc::Call(f) => {
                let f = f.clone();
                let r = interp.call1(&f, std::slice::from_ref(v))?;
                match r.as_str() {
                    Some(t) => self.out.push_str(t),
                    None => {
                        return Err(interp.type_error(format!(
                            "encoder() must return a string, not {}",
                            interp.type_name(&r)
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    /// A value that is not a container: true when it was written.
    fn scalar(&mut self, interp: &mut Interp, v: &Value) -> PyResult<bool> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) => self.float(interp, *f)?,
            _ => {
                if let Some(s) = v.as_str() {
                    let s = s.to_string();
                    self.string(interp, v, &s)?;
                    return Ok(true);
                }
                let int_t = interp.g.types.int.clone();
                let float_t = interp.g.types.float.clone();
                if is_type(interp, v, &int_t) {
                    // int.__repr__ of an int subclass (IntEnum).
                    let plain = gilvm_vm::builtins::numbers::index_int(interp, v)?;
                    let r = interp.repr(&plain)?;
                    self.out.push_str(&r);
                } else if is_type(interp, v, &float_t) {
                    match v.base_value() {
                        Value::Float(f) => self.float(interp, *f)?,
                        _ => {
                            let fv = interp.call1(&Value::Obj(float_t), std::slice::from_ref(v))?;
                            let f = match fv {
                                Value::Float(f) => f,
                                _ => 0.0,
                            };
                            self.float(interp, f)?
                        }
                    }
                } else {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    fn mark(&mut self, interp: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(m) = &self.e.markers else {
            return Ok(None);
        };
        let m = m.clone();
        let id = Value::Int(v.id() as i64);
        if interp.dict_get(&m, &id)?.is_some() {
            return Err(interp.value_error("Circular reference detected"));
        }
        interp.dict_set(&m, id.clone(), v.clone())?;
        Ok(Some(id))
    }

    fn unmark(&mut self, interp: &mut Interp, id: Option<Value>) -> PyResult<()> {
        if let (Some(id), Value::Obj(m)) = (id, &self.e.markers) {
            let m = m.clone();
            interp.dict_remove(&m, &id)?;
        }
        Ok(())
    }

    fn encode(&mut self, interp: &mut Interp, v: &Value, level: usize) -> PyResult<()> {
        if self.scalar(interp, v)? {
            return Ok(());
        }
        self.depth += 1;
        if self.depth > 900 {
            self.depth -= 1;
            return Err(interp.recursion_error());
        }
        let r = self.container(interp, v, level);
        self.depth -= 1;
        r
    }

    fn container(&mut self, interp: &mut Interp, v: &Value, level: usize) -> PyResult<()> {
        let list_t = interp.g.types.list.clone();
        let tuple_t = interp.g.types.tuple.clone();
        let dict_t = interp.g.types.dict.clone();
        if is_type(interp, v, &list_t) || is_type(interp, v, &tuple_t) {
            return self.list(interp, v, level);
        }
        if is_type(interp, v, &dict_t) {
            return self.dict(interp, v, level);
        }
        let id = self.mark(interp, v)?;
        let d = self.e.default.clone();
        let nv = interp.call1(&d, std::slice::from_ref(v))?;
        self.encode(interp, &nv, level)?;
        self.unmark(interp, id)
    }

    fn newline(&mut self, level: usize) -> Option<String> {
        self.e
            .indent
            .as_ref()
            .map(|ind| format!("\n{}", ind.repeat(level)))
    }

    fn list(&mut self, interp: &mut Interp, v: &Value, level: usize) -> PyResult<()> {
        let items = interp.collect(v)?;
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let id = self.mark(interp, v)?;
        self.out.push('[');
        let level = level + usize::from(self.e.indent.is_some());
        let nl = self.newline(level);
        let sep = match &nl {
            Some(n) => format!("{}{n}", self.e.item_sep),
            None => self.e.item_sep.clone(),
        };
        if let Some(n) = &nl {
            self.out.push_str(n);
        }
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&sep);
            }
            if let Err(e) = self.encode(interp, item, level) {
                let tn = interp
                    .type_name(v)
                    .rsplit('.')
                    .next()
                    .unwrap_or("")
                    .to_string();
                add_note(interp, &e, format!("when serializing {tn} item {i}"));
                return Err(e);
            }
        }
        if nl.is_some() {
            if let Some(n) = self.newline(level - 1) {
                self.out.push_str(&n);
            }
        }
        self.out.push(']');
        self.unmark(interp, id)
    }

    fn items(&mut self, interp: &mut Interp, v: &Value) -> PyResult<Vec<(Value, Value)>> {
        let mut items = match v {
            Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => interp.dict_items(o)?,
            _ => {
                let it = interp.call_method(v, "items", &[])?;
                let pairs = interp.collect(&it)?;
                let mut out = Vec::with_capacity(pairs.len());
                for p in pairs {
                    let kv = interp.collect(&p)?;
                    if kv.len() != 2 {
                        return Err(interp.value_error("items must return 2-tuples"));
                    }
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        if self.e.sort_keys {
            // sorted(dct.items()): by key, then by value for equal keys.
            let keyed: Vec<Value> = items
                .drain(..)
                .map(|(k, v)| interp.new_tuple(vec![k, v]))
                .collect();
            let list = interp.new_list(keyed);
            interp.call_method(&list, "sort", &[])?;
            for t in interp.collect(&list)? {
                let kv = interp.collect(&t)?;
                items.push((kv[0].clone(), kv[1].clone()));
            }
        }
        Ok(items)
    }

    fn key_text(&mut self, interp: &mut Interp, k: &Value) -> PyResult<Option<String>> {
        if let Some(s) = k.as_str() {
            return Ok(Some(s.to_string()));
        }
        let float_t = interp.g.types.float.clone();
        let int_t = interp.g.types.int.clone();
        let saved = std::mem::take(&mut self.out);
        let r = match k {
            Value::Bool(true) => Ok(Some("true".to_string())),
            Value::Bool(false) => Ok(Some("false".to_string())),
            Value::None => Ok(Some("null".to_string())),
            _ if is_type(interp, k, &float_t) || is_type(interp, k, &int_t) => self
                .scalar(interp, k)
                .map(|_| Some(std::mem::take(&mut self.out))),
            _ if self.e.skipkeys => Ok(None),
            _ => {
                let tn = interp
                    .type_name(k)
                    .rsplit('.')
                    .next()
                    .unwrap_or("")
                    .to_string();
                Err(interp.type_error(format!(
                    "keys must be str, int, float, bool or None, not {tn}"
                )))
            }
        };
        self.out = saved;
        r
    }

    fn dict(&mut self, interp: &mut Interp, v: &Value, level: usize) -> PyResult<()> {
        let empty = match v {
            Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => interp.dict_len(o) == 0,
            _ => interp.len(v)? == 0,
        };
        if empty {
            self.out.push_str("{}");
            return Ok(());
        }
        let id = self.mark(interp, v)?;
        self.out.push('{');
        let level = level + usize::from(self.e.indent.is_some());
        let nl = self.newline(level);
        let sep = match &nl {
            Some(n) => format!("{}{n}", self.e.item_sep),
            None => self.e.item_sep.clone(),
        };
        let items = self.items(interp, v)?;
        let mut first = true;
        for (k, val) in &items {
            let Some(key) = self.key_text(interp, k)? else {
                continue;
            };
            if first {
                first = false;
                if let Some(n) = &nl {
                    self.out.push_str(n);
                }
            } else {
                self.out.push_str(&sep);
            }
            let kv = interp.new_str(key.clone());
            self.string(interp, &kv, &key)?;
            let ks = self.e.key_sep.clone();
            self.out.push_str(&ks);
            if let Err(e) = self.encode(interp, val, level) {
                let tn = interp
                    .type_name(v)
                    .rsplit('.')
                    .next()
                    .unwrap_or("")
                    .to_string();
                let kr = interp.repr(k).unwrap_or_default();
                add_note(interp, &e, format!("when serializing {tn} item {kr}"));
                return Err(e);
            }
        }
        if nl.is_some() {
            if let Some(n) = self.newline(level - 1) {
                self.out.push_str(&n);
            }
        }
        self.out.push('}');
        self.unmark(interp, id)
    }
}

// The collector's view (branch `stdmods`): `default` is often an encoder's bound method.
impl crate::common::GcRefs for Encoder {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.markers);
        f(&self.default);
        if let StrEnc::Call(c) = &self.enc {
            f(c);
        }
    }
    fn clear_refs(&mut self, out: &mut Vec<Value>) {
        use crate::common::take_ref;
        take_ref(&mut self.markers, out);
        take_ref(&mut self.default, out);
        if let StrEnc::Call(c) = &mut self.enc {
            take_ref(c, out);
        }
    }
}

pub fn register_gc() {
    crate::common::register_gc::<Encoder>();
}
