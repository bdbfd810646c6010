//! `pyexpat`: CPython's interface to the Expat XML parser, which the Lib's
//! `xml.parsers.expat`, `xml.etree.ElementTree`, `xml.dom.minidom` (expatbuilder),
//! `xml.sax.expatreader`, `plistlib` and `xmlrpc` are built on.
//!
//! Two halves:
//! - the scanner (scan.rs, dtd.rs), in Rust: an incremental XML parser that turns bytes
//!   into expat's events, with expat's error codes and positions;
//! - the parser object (`xmlparser`, `ParserCreate`, `ExpatError`, the `errors` and `model`
//!   submodules), in Python (`py/pyexpat.py`, run in this module): the handler attributes
//!   and the dispatch of events to them. A `Parse` call feeds the scanner, which returns the
//!   events of the complete tokens as tuples `(kind, line, column, byte index, ...)`; the
//!   Python side calls the handler of each, sets `CurrentLineNumber` & co. around the call,
//!   and raises `ExpatError` for an error tuple.
//!
//! The scanner sees what the handlers change about parsing through the flags of each feed
//! (a `DefaultHandler` stops the expansion of internal entities, `specified_attributes`,
//! `namespace_prefixes`, `buffer_text`, `ordered_attributes`).
mod dtd;
mod scan;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::args::Args;
use gilvm_vm::modules::util::{self, run_embedded, Statics};
use gilvm_vm::{Interp, PyResult};
use std::sync::OnceLock;

use crate::common::buffer_arg;
use scan::{Enc, Ev, Flags, Model, Scanner};

struct Types {
    scanner_t: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

/// The native scanner object's state.
struct ScanState(Scanner);

fn enc_of(name: &str) -> Option<Enc> {
    Some(match name.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Enc::Utf8,
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" | "l1" => Enc::Latin1,
        "us-ascii" | "ascii" => Enc::Ascii,
        "utf-16" | "utf16" => Enc::Unknown,
        "utf-16le" => Enc::Utf16Le,
        "utf-16be" => Enc::Utf16Be,
        _ => return None,
    })
}

fn opt_str(v: &Option<Value>) -> Option<String> {
    match v {
        Some(v) if !v.is_none() => v.as_str().map(str::to_string),
        _ => None,
    }
}

/// `_Scanner(namespace_separator, encoding)`: a scanner; `encoding` must be one the
/// scanner decodes itself (`_known_encoding`) or None; others go through `set_table`.
fn scanner_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &args,
        "_Scanner",
        &["namespace_separator", "encoding"],
        0,
    )?;
    let sep = opt_str(&a[0]);
    let enc = opt_str(&a[1])
        .and_then(|e| enc_of(&e))
        .unwrap_or(Enc::Unknown);
    let t = TYPES.get().map(|t| t.0.scanner_t.clone());
    let Some(t) = t else {
        return Err(interp.runtime_error("pyexpat is not initialised"));
    };
    Ok(util::native_obj(
        interp,
        &t,
        ScanState(Scanner::new(sep, enc)),
    ))
}

fn known_encoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_known_encoding", 1, 1)?;
    Ok(Value::Bool(a[0].as_str().and_then(enc_of).is_some()))
}

fn this<'a>(interp: &Interp, args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if util::is_data::<ScanState>(interp, v) => Ok(v),
        _ => Err(interp.type_error("expected a pyexpat scanner")),
    }
}

fn ostr(interp: &Interp, s: Option<String>) -> Value {
    match s {
        Some(s) => interp.new_str(s),
        None => Value::None,
    }
}

fn strs(interp: &Interp, v: Vec<String>) -> Value {
    let v = v.into_iter().map(|x| interp.new_str(x)).collect();
    interp.new_list(v)
}

fn model_value(interp: &Interp, m: Model) -> Value {
    let children = m
        .children
        .into_iter()
        .map(|c| model_value(interp, c))
        .collect();
    interp.new_tuple(vec![
        Value::Int(m.ctype as i64),
        Value::Int(m.quant as i64),
        ostr(interp, m.name),
        interp.new_tuple(children),
    ])
}

/// One event as the tuple the Python half dispatches.
fn event_value(interp: &mut Interp, pos: (usize, usize, usize), ev: Ev, ordered: bool) -> PyResult {
    let s = |interp: &Interp, x: String| interp.new_str(x);
    let (kind, rest): (i64, Vec<Value>) = match ev {
        Ev::XmlDecl {
            version,
            encoding,
            standalone,
            raw,
        } => (
            2,
            vec![
                ostr(interp, version),
                ostr(interp, encoding),
                Value::Int(standalone as i64),
                s(interp, raw),
            ],
        ),
        Ev::StartNs { prefix, uri } => (3, vec![ostr(interp, prefix), ostr(interp, uri)]),
        Ev::EndNs { prefix } => (4, vec![ostr(interp, prefix)]),
        Ev::Start { name, attrs, raw } => {
            let a = if ordered {
                let mut v = Vec::with_capacity(attrs.len() * 2);
                for (n, x) in attrs {
                    v.push(interp.new_str(n));
                    v.push(interp.new_str(x));
                }
                interp.new_list(v)
            } else {
                let d = interp.new_dict_obj();
                for (n, x) in attrs {
                    let k = interp.new_str(n);
                    let x = interp.new_str(x);
                    interp.dict_set(&d, k, x)?;
                }
                Value::Obj(d)
            };
            (5, vec![s(interp, name), a, s(interp, raw)])
        }
        Ev::End { name, raw } => (6, vec![s(interp, name), s(interp, raw)]),
        Ev::Data { text, raw } => (7, vec![s(interp, text), ostr(interp, raw)]),
        Ev::Comment { text, raw } => (8, vec![s(interp, text), s(interp, raw)]),
        Ev::Pi { target, data, raw } => {
            (9, vec![s(interp, target), s(interp, data), s(interp, raw)])
        }
        Ev::StartCdata => (10, vec![]),
        Ev::EndCdata => (11, vec![]),
        Ev::Default(t) => (12, vec![s(interp, t)]),
        Ev::StartDoctype {
            name,
            sysid,
            pubid,
            internal,
            raw,
        } => (
            13,
            vec![
                s(interp, name),
                ostr(interp, sysid),
                ostr(interp, pubid),
                Value::Bool(internal),
                strs(interp, raw),
            ],
        ),
        Ev::EndDoctype { raw } => (14, vec![strs(interp, raw)]),
        Ev::EntityDecl {
            name,
            is_pe,
            value,
            sysid,
            pubid,
            notation,
            raw,
        } => (
            15,
            vec![
                s(interp, name),
                Value::Bool(is_pe),
                ostr(interp, value),
                ostr(interp, sysid),
                ostr(interp, pubid),
                ostr(interp, notation),
                strs(interp, raw),
            ],
        ),
        Ev::NotationDecl {
            name,
            sysid,
            pubid,
            raw,
        } => (
            16,
            vec![
                s(interp, name),
                ostr(interp, sysid),
                ostr(interp, pubid),
                strs(interp, raw),
            ],
        ),
        Ev::ElementDecl { name, model, raw } => (
            17,
            vec![
                s(interp, name),
                model_value(interp, model),
                strs(interp, raw),
            ],
        ),
        Ev::AttlistDecl {
            elname,
            attname,
            atype,
            default,
            required,
            raw,
        } => (
            18,
            vec![
                s(interp, elname),
                s(interp, attname),
                s(interp, atype),
                ostr(interp, default),
                Value::Bool(required),
                strs(interp, raw),
            ],
        ),
        Ev::Skipped { name, is_pe } => (19, vec![s(interp, name), Value::Bool(is_pe)]),
        Ev::ExternalRef { name, sysid, pubid } => (
            20,
            vec![s(interp, name), ostr(interp, sysid), ostr(interp, pubid)],
        ),
        Ev::NotStandalone => (21, vec![]),
    };
    let mut v = Vec::with_capacity(4 + rest.len());
    v.push(Value::Int(kind));
    v.push(Value::Int(pos.0 as i64));
    v.push(Value::Int(pos.1 as i64));
    v.push(Value::Int(pos.2 as i64));
    v.extend(rest);
    Ok(interp.new_tuple(v))
}

/// `scanner.feed(data, final, flags, buffer_size)`: the events of the complete tokens; an
/// error ends the list as `(0, line, column, byte index, code)`; an encoding the scanner
/// needs a table for as `(1, 0, 0, 0, name)`.
fn scanner_feed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = this(interp, &args)?.clone();
    let a = args.exact(interp, "feed", 5, 5)?;
    let data = buffer_arg(interp, &a[1])?.into_owned();
    let final_ = interp.truthy(&a[2])?;
    let bits = interp.index_value(&a[3])?;
    let size = interp.index_value(&a[4])?.max(1) as usize;
    let flags = Flags {
        expand: bits & 1 != 0,
        raw: bits & 2 != 0,
        specified_only: bits & 4 != 0,
        ns_prefixes: bits & 8 != 0,
        buffer_text: bits & 16 != 0,
        buffer_size: size,
    };
    let ordered = bits & 32 != 0;
    // The scanner is taken out of the object while it runs (no Python code runs meanwhile,
    // but the object's cell is not held across the conversions below).
    let taken = util::with_data::<ScanState, _>(interp, &me, |st| {
        let mut sc = std::mem::replace(&mut st.0, Scanner::new(None, Enc::Unknown));
        let evs = sc.feed(&data, final_, flags);
        let err = sc.error;
        let need = sc.need_encoding.clone();
        st.0 = sc;
        (evs, err, need)
    });
    let Some((evs, err, need)) = taken else {
        return Err(interp.type_error("expected a pyexpat scanner"));
    };
    let mut out = Vec::with_capacity(evs.len() + 1);
    for (pos, ev) in evs {
        out.push(event_value(interp, pos, ev, ordered)?);
    }
    if let Some((code, line, col, byte)) = err {
        out.push(interp.new_tuple(vec![
            Value::Int(0),
            Value::Int(line as i64),
            Value::Int(col as i64),
            Value::Int(byte as i64),
            Value::Int(code as i64),
        ]));
    } else if let Some(n) = need {
        let n = interp.new_str(n);
        out.push(interp.new_tuple(vec![
            Value::Int(1),
            Value::Int(0),
            Value::Int(0),
            Value::Int(0),
            n,
        ]));
    }
    Ok(interp.new_list(out))
}

/// `scanner.set_table(str_of_256_chars)`: the characters of a single-byte encoding
/// (U+FFFF where a byte is undefined).
fn scanner_set_table(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = this(interp, &args)?.clone();
    let a = args.exact(interp, "set_table", 2, 2)?;
    let Some(t) = a[1].as_str() else {
        return Err(interp.type_error("set_table() needs a str"));
    };
    let table: Vec<char> = t.chars().collect();
    if table.len() != 256 {
        return Err(interp.value_error("set_table() needs 256 characters"));
    }
    util::with_data::<ScanState, _>(interp, &me, |st| st.0.set_table(table));
    Ok(Value::None)
}

/// `scanner.position()`: (line, column, byte index) after the input consumed so far.
fn scanner_position(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = this(interp, &args)?.clone();
    let p = util::with_data::<ScanState, _>(interp, &me, |st| st.0.current()).unwrap_or((1, 0, 0));
    Ok(interp.new_tuple(vec![
        Value::Int(p.0 as i64),
        Value::Int(p.1 as i64),
        Value::Int(p.2 as i64),
    ]))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        let scanner_t = util::native_type(
            interp,
            "_Scanner",
            "pyexpat",
            &[
                ("feed", scanner_feed),
                ("set_table", scanner_set_table),
                ("position", scanner_position),
            ],
        );
        let _ = TYPES.set(Statics(Types { scanner_t }));
    }
    interp.add_function(m, "_Scanner", scanner_new);
    interp.add_function(m, "_known_encoding", known_encoding);
    run_embedded(interp, m, "<pyexpat>", include_str!("../py/pyexpat.py"))
}
