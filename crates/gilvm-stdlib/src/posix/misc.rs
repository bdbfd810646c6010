//! The environment (`environ` as bytes, `putenv`, `unsetenv`), `uname`, `urandom`,
//! `cpu_count`, `strerror`, `getloadavg`, `sysconf`.
use std::ffi::CString;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use super::args::{self, Sig};
use super::error;
use super::process::fs_cstring;
use crate::structseq::{self, Lazy};

/// `posix.environ`: the process environment as a dict of bytes to bytes (os.py decodes
/// it into `os.environ` and keeps `os.environb`).
pub fn environ_dict(interp: &mut Interp) -> PyResult<ObjRef> {
    use std::os::unix::ffi::OsStrExt;
    let d = interp.new_dict_obj();
    for (k, v) in std::env::vars_os() {
        let k = args::new_bytes(interp, k.as_bytes());
        let v = args::new_bytes(interp, v.as_bytes());
        interp.dict_set(&d, k, v)?;
    }
    Ok(d)
}

pub fn create_environ(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "_create_environ", 0, 0)?;
    Ok(Value::Obj(environ_dict(interp)?))
}

fn env_name(interp: &mut Interp, v: &Value) -> PyResult<CString> {
    let c = fs_cstring(interp, v)?;
    if c.as_bytes().is_empty() {
        return Err(error::from_errno(interp, libc::EINVAL, None, None));
    }
    if c.as_bytes().contains(&b'=') {
        return Err(interp.value_error("illegal environment variable name"));
    }
    Ok(c)
}

pub fn putenv(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "putenv", 2, 2)?;
    let k = env_name(interp, &a[0])?;
    let v = fs_cstring(interp, &a[1])?;
    // SAFETY: both strings are NUL-terminated and alive; setenv copies them.
    if unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) } != 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

pub fn unsetenv(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "unsetenv", 1, 1)?;
    let c = fs_cstring(interp, &a[0])?;
    if c.as_bytes().is_empty() || c.as_bytes().contains(&b'=') {
        return Err(error::from_errno(interp, libc::EINVAL, None, None));
    }
    // SAFETY: `c` is NUL-terminated and alive.
    if unsafe { libc::unsetenv(c.as_ptr()) } != 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

static UNAME_RESULT: Lazy = Lazy::new();

pub fn uname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "uname", 0, 0)?;
    // SAFETY: an all-zero utsname is valid.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid out-pointer.
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(error::last(interp, None));
    }
    let ty = UNAME_RESULT.get(interp, |interp| {
        structseq::new_type(
            interp,
            "uname_result",
            "posix",
            &[
                Some("sysname"),
                Some("nodename"),
                Some("release"),
                Some("version"),
                Some("machine"),
            ],
            5,
        )
    })?;
    let field = |interp: &Interp, f: &[libc::c_char]| {
        // SAFETY: uname fills each field with a NUL-terminated string.
        let s = unsafe { std::ffi::CStr::from_ptr(f.as_ptr()) };
        args::decode_name(interp, s.to_bytes())
    };
    let v = vec![
        field(interp, &u.sysname),
        field(interp, &u.nodename),
        field(interp, &u.release),
        field(interp, &u.version),
        field(interp, &u.machine),
    ];
    structseq::make(interp, &ty, v)
}

pub fn urandom(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "urandom", 1, 1)?;
    let n = args::long(interp, &a[0])?;
    if n < 0 {
        return Err(interp.value_error("negative argument not allowed"));
    }
    let mut buf = super::fd::zeroed_buf(interp, n as usize)?;
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: the remaining part of `buf` is writable for the length we pass.
        let r = unsafe {
            libc::getrandom(
                buf[got..].as_mut_ptr() as *mut libc::c_void,
                buf.len() - got,
                0,
            )
        };
        if r < 0 {
            let e = error::last_errno();
            if e == libc::EINTR {
                gilvm_vm::modules::signal::run_pending(interp)?;
                continue;
            }
            return Err(error::from_errno(interp, e, None, None));
        }
        got += r as usize;
    }
    Ok(args::new_bytes(interp, &buf))
}

pub fn cpu_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "cpu_count", 0, 0)?;
    // SAFETY: sysconf on a constant.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n >= 1 { Value::Int(n) } else { Value::None })
}

pub fn strerror(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "strerror", 1, 1)?;
    let code = args::int(interp, &a[0])?;
    Ok(interp.new_str(error::strerror(code)))
}

pub fn getloadavg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "getloadavg", 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` holds three doubles, the count we pass.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "Load averages are unobtainable",
        ));
    }
    Ok(interp.new_tuple(l.iter().map(|x| Value::Float(*x)).collect()))
}

/// The `sysconf` names CPython exposes that the Lib uses (`SC_PAGE_SIZE`, …).
pub const SYSCONF_NAMES: &[(&str, libc::c_int)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGE_SIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_MINSIGSTKSZ", 249),
    // asyncio.selector_events (branch net).
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
];

pub fn sysconf(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "sysconf",
        names: &["name"],
        posonly: 1,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let v = a[0].clone().unwrap();
    let name = match v.as_str() {
        Some(s) => match SYSCONF_NAMES.iter().find(|(n, _)| *n == s) {
            Some((_, c)) => *c,
            None => return Err(interp.value_error("unrecognized configuration name")),
        },
        None => args::int(interp, &v)?,
    };
    // SAFETY: errno is reset to tell "no limit" (-1, errno unchanged) from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: sysconf on an integer.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 && error::last_errno() != 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::Int(r))
}

/// `posix._is_inputhook_installed()`: whether `PyOS_InputHook` is set. CPython's hook is
/// the C pointer a GUI toolkit extension (Tk) installs so that its event loop runs while
/// the REPL waits for a key; `_pyrepl` asks before each read. gilvm loads no C extensions,
/// so nothing can install one: the answer is always False.
pub fn is_inputhook_installed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "_is_inputhook_installed", 0, 0)?;
    Ok(Value::Bool(false))
}

/// `posix._inputhook()`: calls `PyOS_InputHook` when one is installed; with none (always,
/// see above) it does nothing, as CPython's does then.
pub fn inputhook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "_inputhook", 0, 0)?;
    Ok(Value::None)
}
