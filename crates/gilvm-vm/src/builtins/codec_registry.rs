//! `str.encode`, `bytes.decode` and `str(b, encoding)` with a codec or an error handler
//! the builtins do not implement natively: through the codec registry of the `_codecs`
//! module (gilvm-stdlib, over the Lib's `encodings` package), as CPython's
//! `PyUnicode_AsEncodedString` / `PyUnicode_Decode` do for every codec.
//!
//! The builtins keep their native fast path for UTF-8, ASCII and Latin-1 with the common
//! handlers; only what that path refuses (`NotImplementedError` for a codec or handler it
//! lacks, `LookupError` for a name it does not know) or fails on (`UnicodeError`) comes
//! here. When no `_codecs` module
//! is registered (an embedder without gilvm-stdlib), the original error stands.
use gilvm_object::{Payload, Value};

use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// Whether `e` is an error the registry may answer instead.
pub(crate) fn wants(interp: &Interp, e: &PyErr) -> bool {
    let registered = interp
        .g
        .native_modules
        .lock()
        .iter()
        .any(|d| d.name == "_codecs");
    // A UnicodeError of the native path is raised again by the registry's codec, which
    // reports the whole run of bad characters and sets the error's attributes (`start`,
    // `end`, `object`, …): only the failing call pays for it.
    registered
        && (interp.matches(e, &interp.g.exc.not_implemented_error.clone())
            || interp.matches(e, &interp.g.exc.lookup_error.clone())
            || interp.matches(e, &interp.g.exc.unicode_error.clone()))
}

/// The registry's text codec for `encoding` (CPython's `_PyCodec_LookupTextEncoding`).
fn text_codec(interp: &mut Interp, encoding: &str, alternative: &str) -> PyResult<Value> {
    let codecs = interp.import_module("_codecs")?;
    let lookup = interp.getattr_str(&Value::Obj(codecs), "lookup")?;
    let enc = interp.new_str(encoding);
    let info = interp.call1(&lookup, &[enc])?;
    let name = interp.intern("_is_text_encoding");
    if let Some(flag) = interp.getattr_opt(&info, &name)? {
        if !interp.truthy(&flag)? {
            return Err(interp.err(
                &interp.g.exc.lookup_error.clone(),
                format!(
                    "'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs"
                ),
            ));
        }
    }
    Ok(info)
}

fn run(interp: &mut Interp, info: &Value, which: i64, v: &Value, errors: &str) -> PyResult {
    let f = interp.getitem(info, &Value::Int(which))?;
    let e = interp.new_str(errors);
    let r = interp.call1(&f, &[v.clone(), e])?;
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

/// `s.encode(encoding, errors)` through the registry.
pub(crate) fn encode(interp: &mut Interp, s: &Value, encoding: &str, errors: &str) -> PyResult {
    let info = text_codec(interp, encoding, "codecs.encode()")?;
    let r = run(interp, &info, 0, s, errors)?;
    match &r {
        Value::Obj(o) if matches!(o.payload(), Payload::Bytes(_)) => Ok(r),
        Value::Obj(o) if matches!(o.payload(), Payload::ByteArray(_)) => {
            let b = crate::buffer::bytes_like(interp.py, &r)
                .map(|b| b.into_owned())
                .unwrap_or_default();
            Ok(super::bytes::new_bytes(interp, b))
        }
        _ => Err(interp.type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            interp.type_name(&r)
        ))),
    }
}

/// `b.decode(encoding, errors)` through the registry.
pub(crate) fn decode(interp: &mut Interp, b: &Value, encoding: &str, errors: &str) -> PyResult {
    let info = text_codec(interp, encoding, "codecs.decode()")?;
    let r = run(interp, &info, 1, b, errors)?;
    if r.as_exact_str().is_some() {
        return Ok(r);
    }
    Err(interp.type_error(format!(
        "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        interp.type_name(&r)
    )))
}
