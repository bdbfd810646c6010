//! `_codecs`: the codec registry and the built-in codecs under the Lib's `codecs` module
//! and `encodings` package, after CPython's `Python/codecs.c` and `Modules/_codecsmodule.c`.
//!
//! # What
//! - The registry: `register(search_function)`, `unregister`, `lookup(encoding)` (names
//!   normalised as CPython's `_Py_normalize_encoding`, results cached), `encode`/`decode`
//!   through it. The first lookup imports the Lib's `encodings` package, whose import
//!   registers its search function (CPython imports it at start-up; gilvm waits for the
//!   first use, so that `gilvm -c pass` does not pay for it).
//! - Error handlers (`errors.rs`): `register_error`/`lookup_error` and the built-in ones.
//! - The codecs the `encodings` modules call: UTF-8/16/32 (with the BOM and `_ex_` forms),
//!   Latin-1, ASCII (`unicode.rs`), the charmap codecs behind the 8-bit code pages
//!   (`charmap.rs`), and the escape codecs (`escape.rs`).
//!
//! # Invariants
//! The registry's list and dicts are immortal objects in statics; every access goes
//! through their own (per-object locked) operations, so concurrent registration and
//! lookup are safe in the free-threaded build, as with CPython's registry.
use std::borrow::Cow;
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload};
use gilvm_vm::modules::util::Statics;
use gilvm_vm::{Args, Interp, NativeFn, PyResult, Value};

mod charmap;
pub(crate) mod errors;
mod escape;
mod unicode;

struct Registry {
    /// The search functions (a list).
    search: ObjRef,
    /// normalised name → CodecInfo.
    cache: ObjRef,
}

static REGISTRY: OnceLock<Statics<Registry>> = OnceLock::new();

fn registry(interp: &mut Interp) -> &'static Registry {
    &REGISTRY
        .get_or_init(|| {
            let l = match interp.new_list(Vec::new()) {
                Value::Obj(o) => o,
                _ => unreachable!("new_list returns an object"),
            };
            l.make_immortal();
            let d = interp.new_dict_obj();
            d.make_immortal();
            Statics(Registry {
                search: l,
                cache: d,
            })
        })
        .0
}

/// CPython's `_Py_normalize_encoding`: lower case, runs of characters other than letters,
/// digits and '.' become one '_' (none at the start).
pub(crate) fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.extend(c.to_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

fn is_callable(interp: &mut Interp, v: &Value) -> PyResult<bool> {
    let c = interp.dict_get_str(&interp.g.builtins_dict, &interp.intern("callable"));
    match c {
        Some(c) => {
            let r = interp.call1(&c, &[v.clone()])?;
            interp.truthy(&r)
        }
        None => Ok(false),
    }
}

fn register(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "register", 1, 1)?;
    if !is_callable(interp, &a[0])? {
        return Err(interp.type_error("argument must be callable"));
    }
    let r = registry(interp);
    interp.call_method(&Value::Obj(r.search.clone()), "append", &[a[0].clone()])?;
    Ok(Value::None)
}

fn unregister(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "unregister", 1, 1)?;
    let r = registry(interp);
    let l = Value::Obj(r.search.clone());
    let items = interp.collect(&l)?;
    for (i, f) in items.iter().enumerate() {
        if f.is(&a[0]) {
            interp.call_method(&l, "pop", &[Value::Int(i as i64)])?;
            interp.call_method(&Value::Obj(r.cache.clone()), "clear", &[])?;
            break;
        }
    }
    Ok(Value::None)
}

/// The CodecInfo of `encoding`.
pub(crate) fn lookup_codec(interp: &mut Interp, encoding: &str) -> PyResult<Value> {
    let r = registry(interp);
    if interp.len(&Value::Obj(r.search.clone()))? == 0 {
        interp.import_module("encodings")?;
    }
    let norm = normalize(encoding);
    let key = interp.new_str(norm.clone());
    if let Some(v) = interp.dict_get(&r.cache, &key)? {
        return Ok(v);
    }
    let fns = interp.collect(&Value::Obj(r.search.clone()))?;
    for f in fns {
        let res = interp.call1(&f, &[key.clone()])?;
        if res.is_none() {
            continue;
        }
        let ok = match &res {
            Value::Obj(o) => {
                matches!(o.payload(), Payload::Tuple(_))
                    || interp.isinstance(&res, &interp.g.types.tuple.clone())
            }
            _ => false,
        };
        if !ok || interp.len(&res)? != 4 {
            return Err(interp.type_error("codec search functions must return 4-tuples"));
        }
        interp.dict_set(&r.cache, key, res.clone())?;
        return Ok(res);
    }
    Err(interp.err(
        &interp.g.exc.lookup_error.clone(),
        format!("unknown encoding: {encoding}"),
    ))
}

fn str_param(interp: &Interp, fname: &str, what: &str, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(interp.type_error(format!(
            "{fname}() argument {what} must be str, not {}",
            interp.type_name(v)
        ))),
    }
}

fn lookup(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "lookup", 1, 1)?;
    let e = str_param(interp, "lookup", "", &a[0]).map_err(|_| {
        interp.type_error(format!(
            "lookup() argument must be str, not {}",
            interp.type_name(&a[0])
        ))
    })?;
    lookup_codec(interp, &e)
}

fn forget_codec(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_forget_codec", 1, 1)?;
    let e = str_param(interp, "_forget_codec", "", &a[0])?;
    let r = registry(interp);
    let key = interp.new_str(normalize(&e));
    interp.dict_remove(&r.cache, &key)?;
    Ok(Value::None)
}

/// `encode`/`decode` through the registry (`which` 0: encoder, 1: decoder).
fn coder(interp: &mut Interp, args: Args<'_>, fname: &str, which: i64) -> PyResult {
    let a = gilvm_vm::modules::util::bind(interp, &args, fname, &["obj", "encoding", "errors"], 1)?;
    let obj = a[0].clone().unwrap_or(Value::None);
    let enc = match &a[1] {
        Some(v) => str_param(interp, fname, "'encoding'", v)?,
        None => "utf-8".to_string(),
    };
    let info = lookup_codec(interp, &enc)?;
    let f = interp.getitem(&info, &Value::Int(which))?;
    let r = match &a[2] {
        Some(e) => {
            str_param(interp, fname, "'errors'", e)?;
            interp.call1(&f, &[obj, e.clone()])?
        }
        None => interp.call1(&f, &[obj])?,
    };
    let ok = matches!(&r, Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)))
        && interp.len(&r)? == 2;
    if !ok {
        return Err(interp.type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object, integer)"
        }));
    }
    interp.getitem(&r, &Value::Int(0))
}

fn encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    coder(interp, args, "encode", 0)
}

fn decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    coder(interp, args, "decode", 1)
}

fn register_error(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "register_error", 2, 2)?;
    let name = str_param(interp, "register_error", "1", &a[0])?;
    if !is_callable(interp, &a[1])? {
        return Err(interp.type_error("handler must be callable"));
    }
    errors::install_builtin(interp)?;
    let d = errors::handlers(interp);
    interp.dict_set(&d, interp.new_str(name), a[1].clone())?;
    Ok(Value::None)
}

fn lookup_error(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "lookup_error", 1, 1)?;
    let name = str_param(interp, "lookup_error", "", &a[0]).map_err(|_| {
        interp.type_error(format!(
            "lookup_error() argument must be str, not {}",
            interp.type_name(&a[0])
        ))
    })?;
    errors::lookup(interp, &name)
}

fn unregister_error(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_unregister_error", 1, 1)?;
    let name = str_param(interp, "_unregister_error", "", &a[0])?;
    if [
        "strict",
        "ignore",
        "replace",
        "xmlcharrefreplace",
        "backslashreplace",
        "namereplace",
        "surrogateescape",
        "surrogatepass",
    ]
    .contains(&name.as_str())
    {
        return Err(interp.value_error(format!(
            "cannot un-register built-in error handler '{name}'"
        )));
    }
    errors::install_builtin(interp)?;
    let d = errors::handlers(interp);
    let k = interp.new_str(name);
    Ok(Value::Bool(interp.dict_remove(&d, &k)?.is_some()))
}

// ---- argument helpers shared by the codec functions ----

/// The positional arguments of a codec function (`min..=max` of them, no keywords).
pub(crate) fn pos_args<'a>(
    interp: &Interp,
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    args.exact(interp, fname, min, max)
}

/// A `str` first argument.
pub(crate) fn str_arg<'a>(interp: &Interp, fname: &str, v: &'a Value) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| {
        interp.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            interp.type_name(v)
        ))
    })
}

/// A bytes-like first argument.
pub(crate) fn data_arg<'a>(interp: &Interp, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    gilvm_vm::buffer::bytes_like(interp.py, v).ok_or_else(|| {
        interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(v)
        ))
    })
}

/// The `errors` argument (None means "strict").
pub(crate) fn errors_arg(interp: &Interp, fname: &str, v: Option<&Value>) -> PyResult<String> {
    match v {
        None => Ok("strict".into()),
        Some(v) if v.is_none() => Ok("strict".into()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(interp.type_error(format!(
                "{fname}() argument 2 must be str or None, not {}",
                interp.type_name(v)
            ))),
        },
    }
}

pub(crate) fn bool_arg(interp: &mut Interp, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => interp.truthy(v),
    }
}

pub(crate) fn bytes_val(interp: &Interp, b: Vec<u8>) -> Value {
    Value::Obj(interp.new_obj(gilvm_object::Owned::Bytes(b.into_boxed_slice())))
}

/// `(result, consumed)`.
pub(crate) fn pair(interp: &Interp, v: Value, n: usize) -> Value {
    interp.new_tuple(vec![v, Value::Int(n as i64)])
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    errors::install_builtin(interp)?;
    let fns: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("encode", encode),
        ("decode", decode),
        ("_forget_codec", forget_codec),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("_unregister_error", unregister_error),
    ];
    for (n, f) in fns
        .iter()
        .chain(unicode::FUNCS)
        .chain(charmap::FUNCS)
        .chain(escape::FUNCS)
    {
        let v = interp.new_native_with(n, *f, Value::Obj(interp.intern("static")));
        interp.add_value(m, n, v);
    }
    Ok(())
}
