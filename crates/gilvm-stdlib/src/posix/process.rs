//! Processes: ids, `kill`, `fork`, the `exec` family, `waitpid` and the wait-status
//! macros, `_exit`, `system`, `umask`, `times`, `nice`.
use std::ffi::CString;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::{Args, Interp, PyResult};

use super::args::{self, Sig};
use super::error;
use super::fd::retry;
use crate::structseq::{self, Lazy};

fn no_args(interp: &Interp, args: &Args<'_>, fname: &str) -> PyResult<()> {
    args::positional(interp, args, fname, 0, 0).map(|_| ())
}

macro_rules! id_getter {
    ($name:ident, $call:ident) => {
        pub fn $name(interp: &mut Interp, args: Args<'_>) -> PyResult {
            no_args(interp, &args, stringify!($name))?;
            // SAFETY: a system call without arguments that cannot fail.
            Ok(Value::Int(unsafe { libc::$call() } as i64))
        }
    };
}

id_getter!(getpid, getpid);
id_getter!(getppid, getppid);
id_getter!(getuid, getuid);
id_getter!(geteuid, geteuid);
id_getter!(getgid, getgid);
id_getter!(getegid, getegid);
id_getter!(getpgrp, getpgrp);

fn int_result(interp: &Interp, r: libc::c_int) -> PyResult {
    if r < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::Int(r as i64))
}

fn unit_result(interp: &Interp, r: libc::c_int) -> PyResult {
    if r < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

pub fn getpgid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "getpgid", 1, 1)?;
    let pid = args::int(interp, &a[0])?;
    // SAFETY: a system call on an integer.
    int_result(interp, unsafe { libc::getpgid(pid) })
}

pub fn getsid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "getsid", 1, 1)?;
    let pid = args::int(interp, &a[0])?;
    // SAFETY: a system call on an integer.
    int_result(interp, unsafe { libc::getsid(pid) })
}

pub fn setsid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "setsid")?;
    // SAFETY: a system call without arguments.
    unit_result(interp, unsafe { libc::setsid() })
}

pub fn setpgid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "setpgid", 2, 2)?;
    let pid = args::int(interp, &a[0])?;
    let pg = args::int(interp, &a[1])?;
    // SAFETY: a system call on integers.
    unit_result(interp, unsafe { libc::setpgid(pid, pg) })
}

pub fn getgroups(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "getgroups")?;
    // SAFETY: asking for the count with a null buffer.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(error::last(interp, None));
    }
    let mut v = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `v` holds `n` gids.
    let n = unsafe { libc::getgroups(n, v.as_mut_ptr()) };
    if n < 0 {
        return Err(error::last(interp, None));
    }
    let items = v[..n as usize]
        .iter()
        .map(|g| Value::Int(*g as i64))
        .collect();
    Ok(interp.new_list(items))
}

pub fn getlogin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "getlogin")?;
    // SAFETY: errno is reset to tell the cause of a null result.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: getlogin returns null or a NUL-terminated static string, copied at once.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = match error::last_errno() {
            0 => libc::ENXIO,
            e => e,
        };
        return Err(error::from_errno(interp, e, None, None));
    }
    // SAFETY: as above.
    let s = unsafe { std::ffi::CStr::from_ptr(p) };
    Ok(args::decode_name(interp, s.to_bytes()))
}

/// `kill(pid, sig)`; a signal sent to this process has its Python handler run before
/// this returns, as CPython.
pub fn kill(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "kill", 2, 2)?;
    let pid = args::int(interp, &a[0])?;
    let sig = args::int(interp, &a[1])?;
    gilvm_sync::signals::kill(pid, sig).map_err(|e| error::from_io(interp, &e, None))?;
    gilvm_vm::modules::signal::run_pending(interp)?;
    Ok(Value::None)
}

pub fn killpg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "killpg", 2, 2)?;
    let pg = args::int(interp, &a[0])?;
    let sig = args::int(interp, &a[1])?;
    // SAFETY: a system call on integers.
    unit_result(interp, unsafe { libc::killpg(pg, sig) })?;
    gilvm_vm::modules::signal::run_pending(interp)?;
    Ok(Value::None)
}

pub fn exit_now(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "_exit",
        names: &["status"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let code = args::int(interp, a[0].as_ref().unwrap())?;
    // SAFETY: ends the process at once, as `os._exit` does (no cleanup).
    unsafe { libc::_exit(code) }
}

pub fn abort(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "abort")?;
    std::process::abort()
}

/// The `register_at_fork` hooks: three immortal lists (before, after in the child,
/// after in the parent), made on first use.
static FORK_HOOKS: Lazy = Lazy::new();

fn fork_hooks(interp: &mut Interp) -> PyResult<ObjRef> {
    FORK_HOOKS.get(interp, |interp| {
        let lists = (0..3).map(|_| interp.new_list(vec![])).collect();
        match interp.new_tuple(lists) {
            Value::Obj(t) => {
                t.make_immortal();
                Ok(t)
            }
            _ => Err(interp.type_error("fork hooks")),
        }
    })
}

/// Runs the hooks of list `which`, newest first when `reverse`; an exception in a hook
/// is reported as unraisable and the others still run, as CPython.
fn run_fork_hooks(interp: &mut Interp, which: usize, reverse: bool) -> PyResult<()> {
    let t = fork_hooks(interp)?;
    let list = interp.getitem(&Value::Obj(t), &Value::Int(which as i64))?;
    let mut hooks = interp.collect(&list)?;
    if reverse {
        hooks.reverse();
    }
    for h in hooks {
        if let Err(e) = interp.call1(&h, &[]) {
            let name = interp.repr(&h).unwrap_or_default();
            let text = interp.str_string(&e.value()).unwrap_or_default();
            eprintln!(
                "Exception ignored in: {name}\n{}: {text}",
                interp.type_name(&e.value())
            );
        }
    }
    Ok(())
}

/// `register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`.
pub fn register_at_fork(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "register_at_fork",
        names: &["before", "after_in_child", "after_in_parent"],
        posonly: 0,
        npos: 0,
        required: 0,
    };
    let a = args::bind(interp, &args, &sig)?;
    let given: Vec<(usize, Value)> = a
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.clone().filter(|v| !v.is_none()).map(|v| (i, v)))
        .collect();
    if given.is_empty() {
        return Err(interp.type_error("At least one argument is required."));
    }
    let callable = interp.getattr_str(&Value::Obj(interp.g.builtins.clone()), "callable")?;
    for (i, v) in &given {
        let ok = interp.call1(&callable, &[v.clone()])?;
        if !interp.truthy(&ok)? {
            return Err(interp.type_error(format!(
                "'{}' must be callable, not {}",
                sig.names[*i],
                interp.type_name(v)
            )));
        }
    }
    let t = Value::Obj(fork_hooks(interp)?);
    for (i, v) in given {
        let list = interp.getitem(&t, &Value::Int(i as i64))?;
        interp.call_method(&list, "append", &[v])?;
    }
    Ok(Value::None)
}

/// `fork()`. The child continues in the calling thread only (other threads do not
/// exist there), as on CPython; the `register_at_fork` hooks run around it.
pub fn fork(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "fork")?;
    run_fork_hooks(interp, 0, true)?;
    let pid = gilvm_vm::threads::fork_process(interp, || {
        // SAFETY: fork has no memory-safety preconditions; the child runs only this
        // thread, and `fork_process` makes the interpreter's scheduler state fit that.
        let pid = unsafe { libc::fork() };
        (pid, pid == 0)
    });
    if pid < 0 {
        let e = error::last(interp, None);
        run_fork_hooks(interp, 2, false)?;
        return Err(e);
    }
    run_fork_hooks(interp, if pid == 0 { 1 } else { 2 }, false)?;
    Ok(Value::Int(pid as i64))
}

/// The items of a tuple or list (`execv`'s argv).
fn seq_items(v: &Value) -> Option<Vec<Value>> {
    let Value::Obj(o) = v else { return None };
    match o.payload() {
        Payload::Tuple(t) => Some(t.to_vec()),
        Payload::List(_) => None,
        _ => None,
    }
}

/// A str/bytes/PathLike argument as a C string (`PyUnicode_FSConverter`).
pub fn fs_cstring(interp: &mut Interp, v: &Value) -> PyResult<CString> {
    let Some(p) = args::fspath_opt(interp, v)? else {
        return Err(interp.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            interp.type_name(v)
        )));
    };
    let b = match p.as_str() {
        Some(s) => args::encode_str(interp, s)?,
        None => args::bytes_of(&p).unwrap_or_default().to_vec(),
    };
    CString::new(b).map_err(|_| interp.value_error("embedded null byte"))
}

pub fn argv_list(interp: &mut Interp, fname: &str, v: &Value) -> PyResult<Vec<CString>> {
    let items = match seq_items(v) {
        Some(t) => t,
        None if matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::List(_))) => {
            interp.collect(v)?
        }
        None => return Err(interp.type_error(format!("{fname}() arg 2 must be a tuple or list"))),
    };
    if items.is_empty() {
        return Err(interp.value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(fs_cstring(interp, it)?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(interp.value_error(format!("{fname}() arg 2 first element cannot be empty")));
    }
    Ok(out)
}

/// `KEY=VALUE` strings of an environment mapping.
pub fn env_list(interp: &mut Interp, env: &Value) -> PyResult<Vec<CString>> {
    let keys = interp.call_method(env, "keys", &[])?;
    let keys = interp.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = interp.getitem(env, &k)?;
        let kb = fs_cstring(interp, &k)?.into_bytes();
        if kb.is_empty() || kb.contains(&b'=') {
            return Err(interp.value_error("illegal environment variable name"));
        }
        let vb = fs_cstring(interp, &v)?.into_bytes();
        let mut e = kb;
        e.push(b'=');
        e.extend_from_slice(&vb);
        out.push(CString::new(e).map_err(|_| interp.value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

pub fn execv(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "execv", 2, 2)?;
    let p = args::path(interp, "execv", "path", &a[0], args::PATH)?;
    let argv = argv_list(interp, "execv", &a[1])?;
    let c = p.c();
    let pv = ptrs(&argv);
    // SAFETY: `c` and every argv string are NUL-terminated and alive; `pv` is
    // null-terminated. execv returns only on failure.
    unsafe { libc::execv(c.as_ptr(), pv.as_ptr()) };
    Err(error::last(interp, None))
}

pub fn execve(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "execve",
        names: &["path", "argv", "env"],
        posonly: 0,
        npos: 3,
        required: 3,
    };
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(
        interp,
        "execve",
        "path",
        a[0].as_ref().unwrap(),
        args::PATH_OR_FD,
    )?;
    let argv = argv_list(interp, "execve", a[1].as_ref().unwrap())?;
    let env = env_list(interp, a[2].as_ref().unwrap())?;
    let c = p.c();
    let (pv, pe) = (ptrs(&argv), ptrs(&env));
    // SAFETY: every string is NUL-terminated and alive; both arrays are null-terminated.
    // execve returns only on failure.
    unsafe {
        match p.fd {
            Some(fd) => libc::fexecve(fd, pv.as_ptr(), pe.as_ptr()),
            None => libc::execve(c.as_ptr(), pv.as_ptr(), pe.as_ptr()),
        }
    };
    Err(error::last(interp, Some(&p.obj)))
}

pub fn waitpid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "waitpid", 2, 2)?;
    let pid = args::int(interp, &a[0])?;
    let options = args::int(interp, &a[1])?;
    let status = std::sync::atomic::AtomicI32::new(0);
    let sp = &status;
    let r = retry(interp, move || {
        let mut s = 0;
        // SAFETY: `s` is a valid out-pointer.
        let r = unsafe { libc::waitpid(pid, &mut s, options) };
        sp.store(s, std::sync::atomic::Ordering::Relaxed);
        r
    })?;
    match r {
        Ok(p) => Ok(interp.new_tuple(vec![
            Value::Int(p as i64),
            Value::Int(status.load(std::sync::atomic::Ordering::Relaxed) as i64),
        ])),
        Err(e) => Err(error::from_errno(interp, e, None, None)),
    }
}

pub fn wait(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "wait")?;
    let status = std::sync::atomic::AtomicI32::new(0);
    let sp = &status;
    let r = retry(interp, move || {
        let mut s = 0;
        // SAFETY: `s` is a valid out-pointer.
        let r = unsafe { libc::wait(&mut s) };
        sp.store(s, std::sync::atomic::Ordering::Relaxed);
        r
    })?;
    match r {
        Ok(p) => Ok(interp.new_tuple(vec![
            Value::Int(p as i64),
            Value::Int(status.load(std::sync::atomic::Ordering::Relaxed) as i64),
        ])),
        Err(e) => Err(error::from_errno(interp, e, None, None)),
    }
}

fn status_arg(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<i32> {
    let sig = Sig {
        fname,
        names: &["status"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, args, &sig)?;
    args::int(interp, a[0].as_ref().unwrap())
}

macro_rules! status_fn {
    ($name:ident, $pyname:literal, $f:ident, $conv:expr) => {
        pub fn $name(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let s = status_arg(interp, &args, $pyname)?;
            Ok($conv(libc::$f(s)))
        }
    };
}

status_fn!(wifexited, "WIFEXITED", WIFEXITED, Value::Bool);
status_fn!(
    wexitstatus,
    "WEXITSTATUS",
    WEXITSTATUS,
    |v: i32| Value::Int(v as i64)
);
status_fn!(wifsignaled, "WIFSIGNALED", WIFSIGNALED, Value::Bool);
status_fn!(wtermsig, "WTERMSIG", WTERMSIG, |v: i32| Value::Int(
    v as i64
));
status_fn!(wifstopped, "WIFSTOPPED", WIFSTOPPED, Value::Bool);
status_fn!(wstopsig, "WSTOPSIG", WSTOPSIG, |v: i32| Value::Int(
    v as i64
));
status_fn!(wcoredump, "WCOREDUMP", WCOREDUMP, Value::Bool);
status_fn!(wifcontinued, "WIFCONTINUED", WIFCONTINUED, Value::Bool);

pub fn waitstatus_to_exitcode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = status_arg(interp, &args, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(interp.value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(s)
        )));
    }
    Err(interp.value_error(format!("invalid wait status: {s}")))
}

pub fn system(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "system",
        names: &["command"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let c = fs_cstring(interp, a[0].as_ref().unwrap())?;
    let cp = c.as_ptr() as usize;
    // SAFETY: `c` outlives the call and is NUL-terminated.
    let r = gilvm_vm::threads::detach(interp, move || unsafe {
        libc::system(cp as *const libc::c_char)
    });
    drop(c);
    Ok(Value::Int(r as i64))
}

pub fn umask(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "umask", 1, 1)?;
    let m = args::int(interp, &a[0])?;
    // SAFETY: a system call on an integer.
    Ok(Value::Int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

pub fn nice(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "nice", 1, 1)?;
    let inc = args::int(interp, &a[0])?;
    // SAFETY: errno is reset to tell a -1 result from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: a system call on an integer.
    let r = unsafe { libc::nice(inc) };
    if r == -1 && error::last_errno() != 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::Int(r as i64))
}

pub fn sched_yield(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "sched_yield")?;
    // SAFETY: a system call without arguments.
    unsafe { libc::sched_yield() };
    Ok(Value::None)
}

static TIMES_RESULT: Lazy = Lazy::new();

pub fn times_result_type(interp: &mut Interp) -> PyResult<ObjRef> {
    TIMES_RESULT.get(interp, |interp| {
        structseq::new_type(
            interp,
            "times_result",
            "posix",
            &[
                Some("user"),
                Some("system"),
                Some("children_user"),
                Some("children_system"),
                Some("elapsed"),
            ],
            5,
        )
    })
}

pub fn times(interp: &mut Interp, args: Args<'_>) -> PyResult {
    no_args(interp, &args, "times")?;
    // SAFETY: an all-zero tms is valid.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid out-pointer.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(error::last(interp, None));
    }
    // SAFETY: sysconf on a constant.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let ty = times_result_type(interp)?;
    let v = vec![
        Value::Float(t.tms_utime as f64 / hz),
        Value::Float(t.tms_stime as f64 / hz),
        Value::Float(t.tms_cutime as f64 / hz),
        Value::Float(t.tms_cstime as f64 / hz),
        Value::Float(c as f64 / hz),
    ];
    structseq::make(interp, &ty, v)
}
