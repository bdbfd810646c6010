//! The `resource` module: `getrlimit`/`setrlimit`, `getrusage` (a
//! `resource.struct_rusage` struct sequence), `getpagesize`, and the `RLIMIT_*`/`RUSAGE_*`
//! constants.
use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use crate::posix::error;
use crate::structseq::{self, Lazy};

static STRUCT_RUSAGE: Lazy = Lazy::new();

const RUSAGE_FIELDS: [&str; 16] = [
    "ru_utime",
    "ru_stime",
    "ru_maxrss",
    "ru_ixrss",
    "ru_idrss",
    "ru_isrss",
    "ru_minflt",
    "ru_majflt",
    "ru_nswap",
    "ru_inblock",
    "ru_oublock",
    "ru_msgsnd",
    "ru_msgrcv",
    "ru_nsignals",
    "ru_nvcsw",
    "ru_nivcsw",
];

fn limit_value(l: libc::rlim_t) -> Value {
    if l == libc::RLIM_INFINITY {
        Value::Int(-1)
    } else {
        Value::Int(l as i64)
    }
}

fn resource_arg(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    let r = interp.index_value(v)?;
    // The kernel answers EINVAL for an unknown resource (the count varies by version).
    let Ok(r) = i32::try_from(r) else {
        return Err(interp.value_error("invalid resource specified"));
    };
    if r < 0 {
        return Err(interp.value_error("invalid resource specified"));
    }
    Ok(r)
}

fn getrlimit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getrlimit", 1, 1)?;
    let r = resource_arg(interp, &a[0])?;
    let mut l = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `l` is a valid out-pointer.
    if unsafe { libc::getrlimit(r as _, &mut l) } < 0 {
        if error::last_errno() == libc::EINVAL {
            return Err(interp.value_error("invalid resource specified"));
        }
        return Err(error::last(interp, None));
    }
    Ok(interp.new_tuple(vec![limit_value(l.rlim_cur), limit_value(l.rlim_max)]))
}

fn limit_arg(interp: &mut Interp, v: &Value) -> PyResult<libc::rlim_t> {
    let i = interp.index_value(v)?;
    Ok(if i < 0 {
        libc::RLIM_INFINITY
    } else {
        i as libc::rlim_t
    })
}

fn setrlimit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setrlimit", 2, 2)?;
    let r = resource_arg(interp, &a[0])?;
    let items = interp.collect(&a[1])?;
    if items.len() != 2 {
        return Err(interp.value_error("expected a tuple of 2 integers"));
    }
    let l = libc::rlimit {
        rlim_cur: limit_arg(interp, &items[0])?,
        rlim_max: limit_arg(interp, &items[1])?,
    };
    // SAFETY: `l` is a valid rlimit.
    if unsafe { libc::setrlimit(r as _, &l) } < 0 {
        let e = error::last_errno();
        return Err(match e {
            libc::EINVAL => interp.value_error("current limit exceeds maximum limit"),
            libc::EPERM => interp.value_error("not allowed to raise maximum limit"),
            _ => error::from_errno(interp, e, None, None),
        });
    }
    Ok(Value::None)
}

fn getrusage(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getrusage", 1, 1)?;
    let who = interp.index_value(&a[0])?;
    // SAFETY: an all-zero rusage is valid.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid out-pointer.
    if unsafe { libc::getrusage(who as i32, &mut u) } < 0 {
        if error::last_errno() == libc::EINVAL {
            return Err(interp.value_error("invalid who parameter"));
        }
        return Err(error::last(interp, None));
    }
    let ty = STRUCT_RUSAGE.get(interp, |interp| {
        let f: Vec<Option<&str>> = RUSAGE_FIELDS.iter().map(|s| Some(*s)).collect();
        structseq::new_type(interp, "struct_rusage", "resource", &f, 16)
    })?;
    let tv = |t: libc::timeval| Value::Float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6);
    let v = vec![
        tv(u.ru_utime),
        tv(u.ru_stime),
        Value::Int(u.ru_maxrss),
        Value::Int(u.ru_ixrss),
        Value::Int(u.ru_idrss),
        Value::Int(u.ru_isrss),
        Value::Int(u.ru_minflt),
        Value::Int(u.ru_majflt),
        Value::Int(u.ru_nswap),
        Value::Int(u.ru_inblock),
        Value::Int(u.ru_oublock),
        Value::Int(u.ru_msgsnd),
        Value::Int(u.ru_msgrcv),
        Value::Int(u.ru_nsignals),
        Value::Int(u.ru_nvcsw),
        Value::Int(u.ru_nivcsw),
    ];
    structseq::make(interp, &ty, v)
}

fn getpagesize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getpagesize", 0, 0)?;
    // SAFETY: sysconf on a constant.
    Ok(Value::Int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "getrlimit", getrlimit);
    interp.add_function(m, "setrlimit", setrlimit);
    interp.add_function(m, "getrusage", getrusage);
    interp.add_function(m, "getpagesize", getpagesize);
    let consts: &[(&str, i64)] = &[
        ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
        ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
        ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
        ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
        ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
        ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
        ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
        ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
        ("RLIMIT_AS", libc::RLIMIT_AS as i64),
        ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
        ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
        ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
        ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
        ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
        ("RLIM_INFINITY", -1),
        ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
        ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
        ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    let e = Value::Obj(interp.g.exc.os_error.clone());
    interp.add_value(m, "error", e);
    Ok(())
}
