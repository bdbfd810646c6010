//! The calendar half of `time`: `struct_time`, `gmtime`/`localtime`/`mktime`,
//! `asctime`/`ctime`, `strftime`/`strptime`, and the time-zone globals
//! (`timezone`, `altzone`, `daylight`, `tzname`) that `tzset` recomputes.
//!
//! Everything goes through the C library as in CPython on Linux: `localtime_r`,
//! `gmtime_r`, `mktime` and `strftime` see the `TZ` variable (`os.environ` calls
//! `setenv`) once `tzset()` has run. A `struct tm` comes from a 9-tuple (or a
//! `struct_time`, whose `tm_zone`/`tm_gmtoff` are used too) with CPython's checks and
//! messages (`gettmarg`/`checktm`); `time.struct_time` is a struct sequence of 9 items
//! with `tm_zone` and `tm_gmtoff` as attributes.
//!
//! The globals follow CPython's Linux build (no `tzname` declaration used): the zone of
//! January and of July of the current year, the larger offset being standard time.
use std::ffi::{CStr, CString};

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::builtins::numbers::index_int;
use gilvm_vm::{Args, Interp, PyResult};

use super::clocks::{c_int_arg, now_secs, varargs};
use crate::posix::error;
use crate::structseq::{self, Lazy};

static STRUCT_TIME: Lazy = Lazy::new();

const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

unsafe extern "C" {
    /// POSIX `tzset(3)` (not bound by the `libc` crate on Linux).
    fn tzset();
}

fn struct_time_type(interp: &mut Interp) -> PyResult<ObjRef> {
    STRUCT_TIME.get(interp, |interp| {
        let f: Vec<Option<&str>> = FIELDS.iter().map(|s| Some(*s)).collect();
        structseq::new_type(interp, "struct_time", "time", &f, 9)
    })
}

fn zeroed_tm() -> libc::tm {
    // SAFETY: an all-zero struct tm (null tm_zone) is a valid value.
    unsafe { std::mem::zeroed() }
}

fn decode(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the C library's zone names are NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// `tmtotuple`: a struct_time of `tm`.
fn to_struct_time(interp: &mut Interp, tm: &libc::tm) -> PyResult {
    let ty = struct_time_type(interp)?;
    let v = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        interp.new_str(decode(tm.tm_zone)),
        Value::Int(tm.tm_gmtoff),
    ];
    structseq::make(interp, &ty, v)
}

/// `_PyTime_ObjectToTime_t` with floor rounding: an int or float timestamp.
fn time_t_arg(interp: &mut Interp, v: &Value) -> PyResult<libc::time_t> {
    let range =
        |interp: &Interp| interp.overflow_error("timestamp out of range for platform time_t");
    if let Value::Float(f) = v.base_value() {
        if f.is_nan() {
            return Err(interp.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(f >= i64::MIN as f64 && f < i64::MAX as f64) {
            return Err(range(interp));
        }
        return Ok(f as libc::time_t);
    }
    match index_int(interp, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(range(interp)),
    }
}

/// The optional timestamp argument of gmtime/localtime/ctime (None: now).
fn when_arg(interp: &mut Interp, args: &Args<'_>, name: &str) -> PyResult<libc::time_t> {
    let a = varargs(interp, args, name, 0, 1)?;
    match a.first() {
        None | Some(Value::None) => Ok(now_secs()),
        Some(v) => time_t_arg(interp, v),
    }
}

fn errno_error(interp: &Interp) -> gilvm_vm::PyErr {
    let e = error::last_errno();
    error::from_errno(interp, if e == 0 { libc::EINVAL } else { e }, None, None)
}

fn clear_errno() {
    // SAFETY: errno is this thread's own variable.
    unsafe { *libc::__errno_location() = 0 };
}

/// `_PyTime_localtime`.
fn localtime_of(interp: &Interp, t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = zeroed_tm();
    clear_errno();
    // SAFETY: both pointers are valid; localtime_r is thread-safe.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(errno_error(interp));
    }
    Ok(tm)
}

fn gmtime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = when_arg(interp, &args, "gmtime")?;
    let mut tm = zeroed_tm();
    clear_errno();
    // SAFETY: both pointers are valid; gmtime_r is thread-safe.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(errno_error(interp));
    }
    to_struct_time(interp, &tm)
}

fn localtime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = when_arg(interp, &args, "localtime")?;
    let tm = localtime_of(interp, t)?;
    to_struct_time(interp, &tm)
}

/// A struct tm from a time tuple, with the zone name it points to kept alive beside it.
struct TmArg {
    tm: libc::tm,
    _zone: Option<CString>,
}

/// `gettmarg`: a 9-tuple or struct_time as a struct tm (`fname` names the caller in the
/// "illegal time tuple argument" message).
fn gettmarg(interp: &mut Interp, v: &Value, fname: &str) -> PyResult<TmArg> {
    let items: Vec<Value> = match v.base_value() {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let is_tuple =
        matches!(v.base_value(), Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)));
    if !is_tuple {
        return Err(interp.type_error("Tuple or struct_time argument required"));
    }
    if items.len() != 9 {
        return Err(interp.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut f = [0i32; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        *slot = c_int_arg(interp, item)?;
    }
    if f[0] < i32::MIN + 1900 {
        return Err(interp.overflow_error("year out of range"));
    }
    let mut tm = zeroed_tm();
    tm.tm_year = f[0] - 1900;
    tm.tm_mon = f[1].wrapping_sub(1);
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    tm.tm_wday = (f[6].wrapping_add(1)) % 7;
    tm.tm_yday = f[7].wrapping_sub(1);
    tm.tm_isdst = f[8];
    let mut zone = None;
    let ty = struct_time_type(interp)?;
    if gilvm_object::types::type_of(v).is(&ty) {
        let z = interp.getattr_str(v, "tm_zone")?;
        if !matches!(z, Value::None) {
            let Some(s) = z.as_str() else {
                return Err(interp.type_error(format!(
                    "bad argument type for built-in operation: {}",
                    interp.type_name(&z)
                )));
            };
            let c = CString::new(s).map_err(|_| interp.value_error("embedded null character"))?;
            tm.tm_zone = c.as_ptr();
            zone = Some(c);
        }
        let off = interp.getattr_str(v, "tm_gmtoff")?;
        if !matches!(off, Value::None) {
            tm.tm_gmtoff = interp.index_value(&off)?;
        }
    }
    Ok(TmArg { tm, _zone: zone })
}

/// `checktm`: the ranges strftime and asctime need (0 accepted for month, day of month
/// and day of year, as CPython does).
fn checktm(interp: &Interp, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(interp.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(interp.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(interp.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(interp.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(interp.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(interp.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(interp.value_error("day of year out of range"));
    }
    Ok(())
}

/// The struct tm of an optional time-tuple argument (None: the local time now), checked.
fn tm_or_now(interp: &mut Interp, v: Option<&Value>, fname: &str) -> PyResult<TmArg> {
    match v {
        None => Ok(TmArg {
            tm: localtime_of(interp, now_secs())?,
            _zone: None,
        }),
        Some(v) => {
            let mut a = gettmarg(interp, v, fname)?;
            checktm(interp, &mut a.tm)?;
            Ok(a)
        }
    }
}

/// `_asctime`: "Sun Jun  6 16:26:11 1998".
fn asctime_of(tm: &libc::tm) -> String {
    const WDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY[tm.tm_wday.clamp(0, 6) as usize],
        MON[tm.tm_mon.clamp(0, 11) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn asctime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "asctime", 0, 1)?;
    let t = tm_or_now(interp, a.first(), "asctime")?;
    Ok(interp.new_str(asctime_of(&t.tm)))
}

fn ctime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = when_arg(interp, &args, "ctime")?;
    let tm = localtime_of(interp, t)?;
    Ok(interp.new_str(asctime_of(&tm)))
}

fn mktime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "time.mktime", 1, 1)?;
    let mut t = gettmarg(interp, &a[0], "mktime")?;
    // A sentinel: mktime sets tm_wday on success, so -1 with a result of -1 is failure.
    t.tm.tm_wday = -1;
    // SAFETY: `t.tm` is a valid struct tm (its tm_zone, if any, alive in `t`).
    let r = unsafe { libc::mktime(&mut t.tm) };
    if r == -1 && t.tm.tm_wday == -1 {
        return Err(interp.overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(r as f64))
}

/// Formats one NUL-free piece of a format with the C library's strftime.
fn strftime_piece(fmt: &[u8], tm: &libc::tm) -> Vec<u8> {
    if fmt.is_empty() {
        return Vec::new();
    }
    let Ok(c) = CString::new(fmt) else {
        return Vec::new();
    };
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` is writable for `size` bytes, `c` NUL-terminated, `tm` valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, c.as_ptr(), tm) };
        // A zero result with a buffer 256 times the format is an empty expansion (e.g. %Z
        // with no zone), not a lack of room.
        if n > 0 || size >= 256 * fmt.len() {
            buf.truncate(n);
            return buf;
        }
        size *= 2;
    }
}

fn strftime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = varargs(interp, &args, "strftime", 1, 2)?;
    let Some(fmt) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    let fmt = fmt.to_owned();
    let mut t = tm_or_now(interp, a.get(1), "strftime")?;
    t.tm.tm_isdst = t.tm.tm_isdst.clamp(-1, 1);
    // The C function stops at a NUL: each NUL-separated piece is formatted on its own.
    let mut out = Vec::new();
    for (i, piece) in fmt.as_bytes().split(|b| *b == 0).enumerate() {
        if i > 0 {
            out.push(0);
        }
        out.extend(strftime_piece(piece, &t.tm));
    }
    Ok(interp.new_str(String::from_utf8_lossy(&out).into_owned()))
}

fn strptime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = interp.import_module("_strptime")?;
    let f = interp.getattr_str(&Value::Obj(m), "_strptime_time")?;
    if args.has_kwargs() {
        return Err(interp.type_error("strptime() takes no keyword arguments"));
    }
    interp.call1(&f, args.pos())
}

/// `init_timezone`: sets `timezone`, `altzone`, `daylight` and `tzname` on `m`.
fn init_timezone(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    // SAFETY: tzset has no preconditions (glibc serialises it internally).
    unsafe { tzset() };
    let probe = |interp: &Interp, t: libc::time_t| -> PyResult<(i64, String)> {
        let tm = localtime_of(interp, t)?;
        let mut name = decode(tm.tm_zone);
        name.truncate(9);
        Ok((-tm.tm_gmtoff, name))
    };
    let t = (now_secs() / YEAR) * YEAR;
    let (jan, jan_name) = probe(interp, t)?;
    let (jul, jul_name) = probe(interp, t + YEAR / 2)?;
    const MAX_TIMEZONE: i64 = 48 * 3600;
    if !(-MAX_TIMEZONE..=MAX_TIMEZONE).contains(&jan)
        || !(-MAX_TIMEZONE..=MAX_TIMEZONE).contains(&jul)
    {
        return Err(interp.runtime_error("invalid GMT offset"));
    }
    // DST is reversed in the southern hemisphere.
    let (std_off, dst_off, std_name, dst_name) = if jan < jul {
        (jul, jan, jul_name, jan_name)
    } else {
        (jan, jul, jan_name, jul_name)
    };
    interp.add_value(m, "timezone", Value::Int(std_off));
    interp.add_value(m, "altzone", Value::Int(dst_off));
    interp.add_value(m, "daylight", Value::Int((jan != jul) as i64));
    let names = vec![interp.new_str(std_name), interp.new_str(dst_name)];
    let names = interp.new_tuple(names);
    interp.add_value(m, "tzname", names);
    Ok(())
}

fn tzset_fn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "time.tzset", 0, 0)?;
    let m = interp.import_module("time")?;
    init_timezone(interp, &m)?;
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "gmtime", gmtime);
    interp.add_function(m, "localtime", localtime);
    interp.add_function(m, "mktime", mktime);
    interp.add_function(m, "asctime", asctime);
    interp.add_function(m, "ctime", ctime);
    interp.add_function(m, "strftime", strftime);
    interp.add_function(m, "strptime", strptime);
    interp.add_function(m, "tzset", tzset_fn);
    let ty = struct_time_type(interp)?;
    interp.add_value(m, "struct_time", Value::Obj(ty));
    interp.add_value(m, "_STRUCT_TM_ITEMS", Value::Int(11));
    init_timezone(interp, m)
}
