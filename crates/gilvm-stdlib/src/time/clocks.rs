//! The clocks of `time`: `time`, `monotonic`, `perf_counter`, `process_time`,
//! `thread_time` (each with its `_ns` twin), `clock_gettime`/`clock_settime`/
//! `clock_getres`, `get_clock_info`, `pthread_getcpuclockid` and `sleep`.
//!
//! As in CPython on Linux every clock is one `clock_gettime(2)` clock (`perf_counter` is
//! `CLOCK_MONOTONIC`), read as nanoseconds; the float forms divide exactly as CPython's
//! `_PyTime_AsSecondsDouble` does. Arguments in seconds follow `_PyTime_FromSecondsObject`
//! (float or int, NaN refused, out of range an `OverflowError`).
use gilvm_object::Value;
use gilvm_vm::builtins::numbers::index_int;
use gilvm_vm::{Args, Interp, PyResult};

use crate::posix::error;

const SEC_TO_NS: i64 = 1_000_000_000;

/// Reads `clk` as a timespec, or the OSError of the call.
fn gettime(interp: &Interp, clk: libc::clockid_t) -> PyResult<libc::timespec> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-pointer.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(error::last(interp, None));
    }
    Ok(ts)
}

fn getres(interp: &Interp, clk: libc::clockid_t) -> PyResult<libc::timespec> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-pointer.
    if unsafe { libc::clock_getres(clk, &mut ts) } != 0 {
        return Err(error::last(interp, None));
    }
    Ok(ts)
}

fn ns_of(interp: &Interp, ts: &libc::timespec) -> PyResult<i64> {
    ts.tv_sec
        .checked_mul(SEC_TO_NS)
        .and_then(|s| s.checked_add(ts.tv_nsec))
        .ok_or_else(|| interp.overflow_error("timestamp too large to convert to C PyTime_t"))
}

/// Nanoseconds as float seconds (`_PyTime_AsSecondsDouble`: exact when whole seconds).
pub fn ns_to_secs(ns: i64) -> f64 {
    if ns % SEC_TO_NS == 0 {
        (ns / SEC_TO_NS) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn clock_ns(interp: &Interp, clk: libc::clockid_t) -> PyResult<i64> {
    let ts = gettime(interp, clk)?;
    ns_of(interp, &ts)
}

/// The current time in nanoseconds since the Epoch (for `tm.rs`'s "now").
pub fn now_secs() -> libc::time_t {
    // SAFETY: time(NULL) has no preconditions.
    unsafe { libc::time(std::ptr::null_mut()) }
}

macro_rules! clock_fns {
    ($f:ident, $f_ns:ident, $name:literal, $clk:expr) => {
        fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            args.exact(interp, concat!("time.", $name), 0, 0)?;
            Ok(Value::Float(ns_to_secs(clock_ns(interp, $clk)?)))
        }
        fn $f_ns(interp: &mut Interp, args: Args<'_>) -> PyResult {
            args.exact(interp, concat!("time.", $name, "_ns"), 0, 0)?;
            Ok(Value::Int(clock_ns(interp, $clk)?))
        }
    };
}

clock_fns!(time, time_ns, "time", libc::CLOCK_REALTIME);
clock_fns!(monotonic, monotonic_ns, "monotonic", libc::CLOCK_MONOTONIC);
clock_fns!(
    perf_counter,
    perf_counter_ns,
    "perf_counter",
    libc::CLOCK_MONOTONIC
);
clock_fns!(
    process_time,
    process_time_ns,
    "process_time",
    libc::CLOCK_PROCESS_CPUTIME_ID
);
clock_fns!(
    thread_time,
    thread_time_ns,
    "thread_time",
    libc::CLOCK_THREAD_CPUTIME_ID
);

/// A C `int` argument (`PyArg_ParseTuple`'s "i").
pub fn c_int_arg(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    if matches!(v.base_value(), Value::Float(_)) {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = index_int(interp, v)?;
    match i.to_bigint() {
        Some(b) => match i32::try_from(&b) {
            Ok(x) => Ok(x),
            Err(_) if b.sign() == num_bigint::Sign::Minus => {
                Err(interp.overflow_error("signed integer is less than minimum"))
            }
            Err(_) => Err(interp.overflow_error("signed integer is greater than maximum")),
        },
        None => Err(interp.type_error("an integer is required")),
    }
}

/// The positional arguments of a METH_VARARGS function taking `min..=max` of them, with
/// `PyArg_ParseTuple`'s count messages.
pub fn varargs<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let p = args.pos();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if p.len() > max {
        let how = if min == max { "exactly" } else { "at most" };
        return Err(interp.type_error(format!(
            "{name}() takes {how} {max} argument{} ({} given)",
            plural(max),
            p.len()
        )));
    }
    if p.len() < min {
        let how = if min == max { "exactly" } else { "at least" };
        return Err(interp.type_error(format!(
            "{name}() takes {how} {min} argument{} ({} given)",
            plural(min),
            p.len()
        )));
    }
    Ok(p)
}

/// A clock id (`time_clockid_converter`).
fn clock_id(interp: &mut Interp, args: &Args<'_>, name: &str) -> PyResult<i32> {
    let a = args.exact(interp, name, 1, 1)?;
    let v = &a[0];
    let bad = |interp: &Interp| {
        interp.type_error(format!(
            "clk_id should be integer, not {}",
            interp.type_name(v)
        ))
    };
    if matches!(v.base_value(), Value::Float(_)) {
        return Err(bad(interp));
    }
    match index_int(interp, v) {
        Ok(Value::Int(i)) => i32::try_from(i).map_err(|_| bad(interp)),
        _ => Err(bad(interp)),
    }
}

fn clock_gettime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let clk = clock_id(interp, &args, "clock_gettime")?;
    let ts = gettime(interp, clk)?;
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn clock_gettime_ns(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let clk = clock_id(interp, &args, "clock_gettime_ns")?;
    Ok(Value::Int(clock_ns(interp, clk)?))
}

fn clock_getres(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = varargs(interp, &args, "clock_getres", 1, 1)?;
    let clk = c_int_arg(interp, &a[0])?;
    let ts = getres(interp, clk)?;
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// How a float of seconds becomes nanoseconds (`_PyTime_round_t`).
#[derive(Clone, Copy)]
pub enum Round {
    Floor,
    /// Away from zero (`_PyTime_ROUND_TIMEOUT` on positive values: a timeout never ends
    /// early).
    Timeout,
}

/// `_PyTime_FromSecondsObject`: a float or int of seconds as nanoseconds.
pub fn seconds_to_ns(interp: &mut Interp, v: &Value, round: Round) -> PyResult<i64> {
    let range = |interp: &Interp| interp.overflow_error("timestamp out of range for C PyTime_t");
    if let Value::Float(f) = v.base_value() {
        let f = *f;
        if f.is_nan() {
            return Err(interp.value_error("Invalid value NaN (not a number)"));
        }
        let ns = f * 1e9;
        let ns = match round {
            Round::Floor => ns.floor(),
            Round::Timeout => {
                if ns >= 0.0 {
                    ns.ceil()
                } else {
                    ns.floor()
                }
            }
        };
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(range(interp));
        }
        return Ok(ns as i64);
    }
    let is_int = v.to_bigint().is_some()
        || interp
            .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
            .is_some();
    if !is_int {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer or float",
            interp.type_name(v)
        )));
    }
    let i = index_int(interp, v)?;
    let secs = match &i {
        Value::Int(s) => *s,
        _ => return Err(range(interp)),
    };
    secs.checked_mul(SEC_TO_NS).ok_or_else(|| range(interp))
}

fn to_timespec(ns: i64) -> libc::timespec {
    libc::timespec {
        tv_sec: ns.div_euclid(SEC_TO_NS),
        tv_nsec: ns.rem_euclid(SEC_TO_NS),
    }
}

fn settime(interp: &Interp, clk: i32, ns: i64) -> PyResult {
    let ts = to_timespec(ns);
    // SAFETY: `ts` is a valid timespec.
    if unsafe { libc::clock_settime(clk, &ts) } != 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn clock_settime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = varargs(interp, &args, "clock_settime", 2, 2)?;
    let clk = c_int_arg(interp, &a[0])?;
    let ns = seconds_to_ns(interp, &a[1], Round::Floor)?;
    settime(interp, clk, ns)
}

fn clock_settime_ns(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = varargs(interp, &args, "clock_settime_ns", 2, 2)?;
    let clk = c_int_arg(interp, &a[0])?;
    let ns = match index_int(interp, &a[1]) {
        Ok(Value::Int(n)) => n,
        Ok(_) => return Err(interp.overflow_error("timestamp too large to convert to C PyTime_t")),
        Err(_) => {
            return Err(interp.type_error(format!("expect int, got {}", interp.type_name(&a[1]))))
        }
    };
    settime(interp, clk, ns)
}

fn get_clock_info(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = varargs(interp, &args, "get_clock_info", 1, 1)?;
    let Some(name) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    let (clk, imp, monotonic, adjustable) = match name {
        "time" => (libc::CLOCK_REALTIME, "CLOCK_REALTIME", false, true),
        "monotonic" | "perf_counter" => (libc::CLOCK_MONOTONIC, "CLOCK_MONOTONIC", true, false),
        "process_time" => (
            libc::CLOCK_PROCESS_CPUTIME_ID,
            "CLOCK_PROCESS_CPUTIME_ID",
            true,
            false,
        ),
        "thread_time" => (
            libc::CLOCK_THREAD_CPUTIME_ID,
            "CLOCK_THREAD_CPUTIME_ID",
            true,
            false,
        ),
        _ => return Err(interp.value_error("unknown clock")),
    };
    gettime(interp, clk)?;
    let res = getres(interp, clk)?;
    let items = vec![
        (
            "implementation",
            interp.new_str(format!("clock_gettime({imp})")),
        ),
        ("monotonic", Value::Bool(monotonic)),
        ("adjustable", Value::Bool(adjustable)),
        (
            "resolution",
            Value::Float(res.tv_sec as f64 + res.tv_nsec as f64 * 1e-9),
        ),
    ];
    gilvm_vm::builtins::namespace::new_namespace(interp, items)
}

/// `pthread_getcpuclockid(thread_id)`. gilvm's thread ids (`threading.get_ident()`) are
/// its own numbers, not `pthread_t` handles, so only the calling thread's id can be
/// mapped (to `pthread_self()`); any other id is refused with `ESRCH` rather than handing
/// the C library a handle it would dereference.
fn pthread_getcpuclockid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = varargs(interp, &args, "pthread_getcpuclockid", 1, 1)?;
    let id = index_int(interp, &a[0])?;
    if id.to_bigint() != Some(num_bigint::BigInt::from(interp.thread_state().id)) {
        return Err(error::from_errno(interp, libc::ESRCH, None, None));
    }
    let mut clk: libc::clockid_t = 0;
    // SAFETY: pthread_self() is the calling thread's valid handle; `clk` a valid
    // out-pointer.
    let err = unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut clk) };
    if err != 0 {
        return Err(error::from_errno(interp, err, None, None));
    }
    Ok(Value::Int(clk as i64))
}

fn sleep(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "time.sleep", 1, 1)?;
    let ns = seconds_to_ns(interp, &a[0], Round::Timeout)?;
    if ns < 0 {
        return Err(interp.value_error("sleep length must be non-negative"));
    }
    let d = std::time::Duration::from_nanos(ns as u64);
    let deadline = std::time::Instant::now()
        .checked_add(d)
        .ok_or_else(|| interp.overflow_error("sleep length is too large"))?;
    // PEP 475: a signal interrupts the sleep, its handler runs (an exception propagates),
    // and the sleep resumes with the time that is left. The GIL is released meanwhile.
    loop {
        let interrupted = gilvm_vm::threads::detach_for(interp, "sleep", move || {
            gilvm_sync::signals::sleep_until(deadline)
        });
        if !interrupted {
            break;
        }
        gilvm_vm::modules::signal::run_pending(interp)?;
    }
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &gilvm_object::ObjRef) {
    interp.add_function(m, "time", time);
    interp.add_function(m, "time_ns", time_ns);
    interp.add_function(m, "monotonic", monotonic);
    interp.add_function(m, "monotonic_ns", monotonic_ns);
    interp.add_function(m, "perf_counter", perf_counter);
    interp.add_function(m, "perf_counter_ns", perf_counter_ns);
    interp.add_function(m, "process_time", process_time);
    interp.add_function(m, "process_time_ns", process_time_ns);
    interp.add_function(m, "thread_time", thread_time);
    interp.add_function(m, "thread_time_ns", thread_time_ns);
    interp.add_function(m, "clock_gettime", clock_gettime);
    interp.add_function(m, "clock_gettime_ns", clock_gettime_ns);
    interp.add_function(m, "clock_settime", clock_settime);
    interp.add_function(m, "clock_settime_ns", clock_settime_ns);
    interp.add_function(m, "clock_getres", clock_getres);
    interp.add_function(m, "get_clock_info", get_clock_info);
    interp.add_function(m, "pthread_getcpuclockid", pthread_getcpuclockid);
    interp.add_function(m, "sleep", sleep);
    let consts: &[(&str, libc::clockid_t)] = &[
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v as i64));
    }
}
