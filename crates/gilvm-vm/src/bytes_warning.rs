//! `-b` / `-bb`: the `BytesWarning`s CPython emits where bytes meet str by mistake.
//!
//! **What.** With `sys.flags.bytes_warning` at 1 or more, `str()` of a `bytes` or
//! `bytearray` warns "str() on a bytes instance" (or "… bytearray instance"), and `==` /
//! `!=` between bytes and a str warns "Comparison between bytes and string" (and between
//! bytes and an int, "Comparison between bytes and int"; bytearray and str, "Comparison
//! between bytearray and string"). The command line turns `-b` into the warning option
//! `default::BytesWarning` and `-bb` into `error::BytesWarning` (as CPython's
//! `config_init_warnoptions`), so whether the warning prints, raises or is ignored is the
//! `warnings` filters' decision: this module only issues it.
//!
//! **Why a process-wide level.** The checks sit on the generic comparison path and on
//! `str()`; one relaxed load of a byte set once at start-up (from the VM's configuration)
//! keeps them free when the flag is off, which is always but under `-b`.
use std::sync::atomic::{AtomicU8, Ordering};

use gilvm_object::{Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

static LEVEL: AtomicU8 = AtomicU8::new(0);

/// Sets the level from `-b` (once, when the VM is configured).
pub fn set_level(level: u8) {
    LEVEL.store(level, Ordering::Relaxed);
}

/// Whether `-b` was given.
#[inline(always)]
pub fn enabled() -> bool {
    LEVEL.load(Ordering::Relaxed) != 0
}

/// `str(v)` of a bytes-like `v`: the warning, when `-b` is on.
pub fn check_str(interp: &mut Interp, v: &Value) -> PyResult<()> {
    if !enabled() {
        return Ok(());
    }
    let Value::Obj(o) = v else { return Ok(()) };
    let what = match o.payload() {
        Payload::Bytes(_) => "str() on a bytes instance",
        Payload::ByteArray(_) => "str() on a bytearray instance",
        _ => return Ok(()),
    };
    warn(interp, what)
}

/// `a == b` / `a != b`: the warning when one side is bytes (or bytearray) and the other
/// a str (or, for bytes, an int), when `-b` is on.
pub fn check_compare(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<()> {
    if !enabled() {
        return Ok(());
    }
    #[derive(PartialEq)]
    enum K {
        Bytes,
        ByteArray,
        Str,
        Int,
        Other,
    }
    let kind = |v: &Value| match v.base_value() {
        Value::Int(_) | Value::Bool(_) => K::Int,
        Value::Obj(o) => match o.payload() {
            Payload::Bytes(_) => K::Bytes,
            Payload::ByteArray(_) => K::ByteArray,
            Payload::Str(_) => K::Str,
            Payload::Int(_) => K::Int,
            _ => K::Other,
        },
        _ => K::Other,
    };
    let (ka, kb) = (kind(a), kind(b));
    let pair = |x: K, y: K| (ka == x && kb == y) || (ka == y && kb == x);
    let msg = if pair(K::Bytes, K::Str) {
        "Comparison between bytes and string"
    } else if pair(K::Bytes, K::Int) {
        "Comparison between bytes and int"
    } else if pair(K::ByteArray, K::Str) {
        "Comparison between bytearray and string"
    } else {
        return Ok(());
    };
    warn(interp, msg)
}

/// `warnings.warn(msg, BytesWarning, stacklevel=1)`.
fn warn(interp: &mut Interp, msg: &str) -> PyResult<()> {
    let warnings = interp.import_module("warnings")?;
    let f = interp.getattr_str(&Value::Obj(warnings), "warn")?;
    let m = interp.new_str(msg);
    let cat = Value::Obj(interp.g.exc.bytes_warning.clone());
    interp.call1(&f, &[m, cat, Value::Int(1)])?;
    Ok(())
}
