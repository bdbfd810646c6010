//! Two `sys` settings that change what later operations do:
//!
//! * `sys.get_int_max_str_digits()` / `sys.set_int_max_str_digits(maxdigits)`: the
//!   integer string conversion length limit (the limit itself and its checks are in
//!   `gilvm_object::fmt::digits_limit`; this file is the Python API, the start-up value
//!   from `-X int_max_str_digits` / `PYTHONINTMAXSTRDIGITS`, and `sys.flags`, whose
//!   `int_max_str_digits` field follows the setting as CPython's does).
//! * `sys.get_coroutine_origin_tracking_depth()` / `sys.set_coroutine_origin_tracking_depth
//!   (depth)`: per thread, as CPython's thread state; when non-zero, each new coroutine
//!   records `cr_origin`, the `(filename, lineno, function)` of up to `depth` frames that
//!   created it, innermost first ([`coroutine_origin`], called by `coro.rs`).
use std::cell::Cell;

use gilvm_object::fmt::digits_limit;
use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::frame::code_of;
use crate::interp::Interp;
use crate::modules::util;

thread_local! {
    /// This thread's coroutine origin tracking depth (0: off).
    static ORIGIN_DEPTH: Cell<i64> = const { Cell::new(0) };
}

/// Adds the four functions to `sys` and applies the start-up limit.
pub fn init(interp: &mut Interp, m: &ObjRef, cfg: &crate::Config) {
    interp.add_function(m, "get_int_max_str_digits", get_int_max_str_digits);
    interp.add_function(m, "set_int_max_str_digits", set_int_max_str_digits);
    interp.add_function(
        m,
        "get_coroutine_origin_tracking_depth",
        get_coroutine_origin_tracking_depth,
    );
    interp.add_function(
        m,
        "set_coroutine_origin_tracking_depth",
        set_coroutine_origin_tracking_depth,
    );
    // `-X int_max_str_digits=N` wins over `PYTHONINTMAXSTRDIGITS` (a value CPython would
    // refuse at start-up leaves the default).
    let x = cfg
        .xoptions
        .iter()
        .find(|(n, _)| n == "int_max_str_digits")
        .and_then(|(_, v)| v.clone());
    let env = if cfg.flags.ignore_environment {
        None
    } else {
        std::env::var("PYTHONINTMAXSTRDIGITS").ok()
    };
    if let Some(n) = x.or(env).and_then(|v| v.trim().parse::<i64>().ok()) {
        if digits_limit::set_max_str_digits(n).is_ok() {
            let _ = set_flag(interp, n);
        }
    }
}

fn get_int_max_str_digits(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_int_max_str_digits", 0, 0)?;
    Ok(Value::Int(digits_limit::max_str_digits() as i64))
}

/// `set_int_max_str_digits(maxdigits)` (positional or keyword).
fn set_int_max_str_digits(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "set_int_max_str_digits", &["maxdigits"], 1)?;
    let n = c_int(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    digits_limit::set_max_str_digits(n).map_err(|m| interp.value_error(m))?;
    set_flag(interp, n)?;
    Ok(Value::None)
}

/// An `int` argument converted as CPython's `int` parameters (`__index__`, OverflowError
/// outside the C int range).
fn c_int(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    let n = interp.index_value(v).map_err(|e| {
        if interp.matches(&e, &interp.g.exc.overflow_error.clone()) {
            interp.overflow_error("Python int too large to convert to C int")
        } else {
            e
        }
    })?;
    if n < i32::MIN as i64 || n > i32::MAX as i64 {
        return Err(interp.overflow_error("Python int too large to convert to C int"));
    }
    Ok(n)
}

/// Replaces `sys.flags` by a copy whose `int_max_str_digits` is `n`.
fn set_flag(interp: &mut Interp, n: i64) -> PyResult<()> {
    let sys = Value::Obj(interp.g.sys.clone());
    let flags = interp.getattr_str(&sys, "flags")?;
    let mut items = interp.collect(&flags)?;
    // The 18th sequence field (sys_info.rs builds them in CPython's order).
    let Some(slot) = items.get_mut(17) else {
        return Ok(());
    };
    *slot = Value::Int(n);
    let cls = gilvm_object::types::type_of(&flags).clone();
    let new = interp.call1(&Value::Obj(cls), &items)?;
    let name = interp.intern("flags");
    interp.setattr(&sys, &name, new)
}

fn get_coroutine_origin_tracking_depth(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_coroutine_origin_tracking_depth", 0, 0)?;
    Ok(Value::Int(ORIGIN_DEPTH.with(|d| d.get())))
}

/// `set_coroutine_origin_tracking_depth(depth)` (positional or keyword).
fn set_coroutine_origin_tracking_depth(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &args,
        "set_coroutine_origin_tracking_depth",
        &["depth"],
        1,
    )?;
    let n = c_int(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    if n < 0 {
        return Err(interp.value_error("depth must be >= 0"));
    }
    ORIGIN_DEPTH.with(|d| d.set(n));
    Ok(Value::None)
}

/// The `cr_origin` of a coroutine created now by the running frame: None when tracking
/// is off, else a tuple of `(filename, lineno, function name)` of the running frame and
/// its callers, at most the tracking depth of them.
pub(crate) fn coroutine_origin(interp: &mut Interp) -> Value {
    let depth = ORIGIN_DEPTH.with(|d| d.get());
    if depth == 0 {
        return Value::None;
    }
    let mut out = vec![];
    for i in 0..depth {
        let Some(f) = crate::frameobj::frame_at_depth(interp, i) else {
            break;
        };
        // SAFETY: `frame_at_depth` returns a running frame of this thread's chain (alive
        // while this call runs).
        let fr = unsafe { &*f };
        let code = code_of(&fr.code);
        let (file, name) = (code.filename.clone(), code.name.clone());
        let line = fr.line();
        out.push(interp.new_tuple(vec![
            Value::Obj(file),
            Value::Int(line as i64),
            Value::Obj(name),
        ]));
    }
    interp.new_tuple(out)
}
