//! The `time` module.
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

fn start() -> Instant {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn time(_: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Float(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
    ))
}
fn time_ns(_: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Int(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0),
    ))
}
fn perf_counter(_: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Float(start().elapsed().as_secs_f64()))
}
fn perf_counter_ns(_: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Int(start().elapsed().as_nanos() as i64))
}
fn sleep(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sleep", 1, 1)?;
    let secs = match &a[0] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as i64 as f64,
        other => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(other)
            )))
        }
    };
    if secs.is_nan() {
        return Err(interp.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(interp.value_error("sleep length must be non-negative"));
    }
    let d = std::time::Duration::try_from_secs_f64(secs)
        .map_err(|_| interp.overflow_error("sleep length is too large"))?;
    let deadline = std::time::Instant::now()
        .checked_add(d)
        .ok_or_else(|| interp.overflow_error("sleep length is too large"))?;
    // PEP 475: a signal interrupts the sleep, its handler runs (an exception propagates),
    // and the sleep resumes with the time that is left.
    loop {
        let interrupted = crate::threads::detach_for(interp, "sleep", move || {
            gilvm_sync::signals::sleep_until(deadline)
        });
        if !interrupted {
            break;
        }
        crate::modules::signal::run_pending(interp)?;
    }
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    start();
    interp.add_function(m, "time", time);
    interp.add_function(m, "time_ns", time_ns);
    interp.add_function(m, "perf_counter", perf_counter);
    interp.add_function(m, "perf_counter_ns", perf_counter_ns);
    interp.add_function(m, "monotonic", perf_counter);
    interp.add_function(m, "monotonic_ns", perf_counter_ns);
    interp.add_function(m, "sleep", sleep);
    Ok(())
}
