//! `_posixsubprocess.fork_exec`: what `subprocess.Popen` calls to start a child on
//! POSIX. Everything the child needs (argv, environment, executables, descriptors) is
//! converted to C data *before* `fork`, so that the child runs only async-signal-safe
//! calls (`dup2`, `chdir`, `close`, `execve`, …) until it execs. A failure in the child
//! is reported on `errpipe_write` in the form `subprocess.py` parses:
//! `OSError:<errno in hex>:<"noexec" or "noexec:chdir" or "">`, then `_exit(255)`.
//!
//! `preexec_fn` is called in the child, as CPython does (the child holds the
//! interpreter; other threads do not exist there).
use std::ffi::CString;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use crate::posix::error;
use crate::posix::{bytes_of, fspath_opt};

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "fork_exec", fork_exec);
    Ok(())
}

fn cstr(interp: &mut Interp, v: &Value) -> PyResult<CString> {
    let Some(p) = fspath_opt(interp, v)? else {
        return Err(interp.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            interp.type_name(v)
        )));
    };
    let b = match p.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_of(&p).unwrap_or_default().to_vec(),
    };
    CString::new(b).map_err(|_| interp.value_error("embedded null byte"))
}

fn seq(interp: &mut Interp, v: &Value) -> PyResult<Vec<Value>> {
    interp.collect(v)
}

fn int(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    let i = interp.index_value(v)?;
    i32::try_from(i).map_err(|_| interp.overflow_error("Python int too large to convert to C int"))
}

fn opt_id(interp: &mut Interp, v: &Value) -> PyResult<Option<u32>> {
    if v.is_none() {
        return Ok(None);
    }
    let i = interp.index_value(v)?;
    u32::try_from(i)
        .map(Some)
        .map_err(|_| interp.overflow_error("uid/gid out of range"))
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

/// Writes `OSError:<hex errno>:<msg>` to `fd` without allocating.
fn report(fd: i32, errno: i32, msg: &[u8]) {
    let mut buf = [0u8; 64];
    let head = b"OSError:";
    buf[..head.len()].copy_from_slice(head);
    let mut n = head.len();
    let mut digits = [0u8; 8];
    let mut d = 0;
    let mut e = errno as u32;
    loop {
        digits[d] = b"0123456789abcdef"[(e & 15) as usize];
        d += 1;
        e >>= 4;
        if e == 0 {
            break;
        }
    }
    while d > 0 {
        d -= 1;
        buf[n] = digits[d];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    let m = msg.len().min(buf.len() - n);
    buf[n..n + m].copy_from_slice(&msg[..m]);
    n += m;
    // SAFETY: `buf` is readable for `n` bytes.
    unsafe { libc::write(fd, buf.as_ptr() as *const libc::c_void, n) };
}

struct Plan {
    argv: Vec<CString>,
    exes: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    close_fds: bool,
    pass_fds: Vec<i32>,
    p2c: (i32, i32),
    c2p: (i32, i32),
    err: (i32, i32),
    errpipe: (i32, i32),
    restore_signals: bool,
    setsid: bool,
    pgid: i32,
    gid: Option<u32>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<u32>,
    umask: i32,
}

/// Moves `fd` to `target` (or clears its close-on-exec flag when it already is there).
///
/// # Safety
/// Async-signal-safe calls only; for the child after fork.
unsafe fn move_fd(fd: i32, target: i32) -> i32 {
    if fd == target {
        // SAFETY: plain fcntl calls on an integer.
        let f = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        if f < 0 {
            return -1;
        }
        // SAFETY: as above.
        return unsafe { libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC) };
    }
    // SAFETY: a plain system call.
    unsafe { libc::dup2(fd, target) }
}

/// The child's side. Never returns.
///
/// # Safety
/// Runs in the child right after fork: only async-signal-safe calls, no allocation
/// (every buffer was prepared by the parent).
unsafe fn child(
    plan: &Plan,
    argv: &[*const libc::c_char],
    envp: Option<&[*const libc::c_char]>,
) -> ! {
    let errpipe = plan.errpipe.1;
    // SAFETY (whole block): async-signal-safe system calls on integers and on C data
    // prepared before the fork.
    unsafe {
        for fd in [plan.p2c.1, plan.c2p.0, plan.err.0, plan.errpipe.0] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // A descriptor about to be replaced by a lower dup2 must be moved out of the way.
        let mut c2pwrite = plan.c2p.1;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
        }
        let mut errwrite = plan.err.1;
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
        }
        let fail = |what: &[u8]| -> ! {
            report(errpipe, error::last_errno(), what);
            libc::_exit(255)
        };
        if plan.p2c.0 != -1 && move_fd(plan.p2c.0, 0) < 0 {
            fail(b"noexec");
        }
        if c2pwrite != -1 && move_fd(c2pwrite, 1) < 0 {
            fail(b"noexec");
        }
        if errwrite != -1 && move_fd(errwrite, 2) < 0 {
            fail(b"noexec");
        }
        for fd in [plan.p2c.0, c2pwrite, errwrite] {
            if fd > 2 {
                libc::close(fd);
            }
        }
        if let Some(cwd) = &plan.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                fail(b"noexec:chdir");
            }
        }
        if plan.umask >= 0 {
            libc::umask(plan.umask as libc::mode_t);
        }
        if plan.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if plan.setsid && libc::setsid() < 0 {
            fail(b"noexec");
        }
        if plan.pgid >= 0 && libc::setpgid(0, plan.pgid) < 0 {
            fail(b"noexec");
        }
        if let Some(g) = &plan.groups {
            if libc::setgroups(g.len(), g.as_ptr()) < 0 {
                fail(b"noexec");
            }
        }
        if let Some(gid) = plan.gid {
            if libc::setregid(gid, gid) < 0 {
                fail(b"noexec");
            }
        }
        if let Some(uid) = plan.uid {
            if libc::setreuid(uid, uid) < 0 {
                fail(b"noexec");
            }
        }
        // The kept descriptors become inheritable, except the error pipe, which must
        // close at exec (its EOF tells the parent the exec succeeded).
        for &fd in &plan.pass_fds {
            if fd == errpipe {
                continue;
            }
            let f = libc::fcntl(fd, libc::F_GETFD);
            if f >= 0 {
                libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC);
            }
        }
        if plan.close_fds {
            // Close every descriptor from 3 up except the kept ones (sorted; the
            // caller keeps the error pipe there, as subprocess.py does).
            let mut lo: u32 = 3;
            for &keep in plan.pass_fds.iter() {
                let keep = keep as u32;
                if keep >= lo {
                    if keep > lo {
                        close_range(lo, keep - 1);
                    }
                    lo = keep + 1;
                }
            }
            close_range(lo, u32::MAX);
        }
        let mut saved = 0;
        for exe in &plan.exes {
            match envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = error::last_errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        if saved == 0 {
            saved = error::last_errno();
        }
        report(errpipe, saved, b"");
        libc::_exit(255)
    }
}

/// Closes descriptors `lo..=hi` (close_range(2), or one by one up to the limit).
///
/// # Safety
/// Async-signal-safe.
unsafe fn close_range(lo: u32, hi: u32) {
    // SAFETY: a plain system call on integers.
    let r = unsafe { libc::syscall(libc::SYS_close_range, lo, hi, 0) };
    if r == 0 {
        return;
    }
    // SAFETY: sysconf and close on integers.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.clamp(0, 65536) as u32;
    for fd in lo..=hi.min(max) {
        // SAFETY: as above.
        unsafe { libc::close(fd as i32) };
    }
}

fn fork_exec(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if args.has_kwargs() {
        return Err(interp.type_error("fork_exec() takes no keyword arguments"));
    }
    if a.len() != 22 {
        return Err(interp.type_error(format!("fork_exec expected 22 arguments, got {}", a.len())));
    }
    let argv = if a[0].is_none() {
        Vec::new()
    } else {
        let items = seq(interp, &a[0])?;
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            v.push(cstr(interp, it)?);
        }
        v
    };
    let exes = {
        let items = seq(interp, &a[1])?;
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            v.push(cstr(interp, it)?);
        }
        v
    };
    let close_fds = interp.truthy(&a[2])?;
    let mut pass_fds = Vec::new();
    for v in seq(interp, &a[3])? {
        let fd = int(interp, &v)?;
        if fd < 0 || pass_fds.last().is_some_and(|l| *l >= fd) {
            return Err(interp.value_error("bad value(s) in fds_to_keep"));
        }
        pass_fds.push(fd);
    }
    let cwd = if a[4].is_none() {
        None
    } else {
        Some(cstr(interp, &a[4])?)
    };
    let env = if a[5].is_none() {
        None
    } else {
        let items = seq(interp, &a[5])?;
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            v.push(cstr(interp, it)?);
        }
        Some(v)
    };
    let mut fds = [0i32; 8];
    for (i, f) in fds.iter_mut().enumerate() {
        *f = int(interp, &a[6 + i])?;
    }
    let restore_signals = interp.truthy(&a[14])?;
    let setsid = interp.truthy(&a[15])?;
    let pgid = int(interp, &a[16])?;
    let gid = opt_id(interp, &a[17])?;
    let groups = if a[18].is_none() {
        None
    } else {
        let mut g = Vec::new();
        for v in seq(interp, &a[18])? {
            g.push(opt_id(interp, &v)?.unwrap_or(0) as libc::gid_t);
        }
        Some(g)
    };
    let uid = opt_id(interp, &a[19])?;
    let umask = int(interp, &a[20])?;
    let preexec = a[21].clone();
    let plan = Plan {
        argv,
        exes,
        env,
        cwd,
        close_fds,
        pass_fds,
        p2c: (fds[0], fds[1]),
        c2p: (fds[2], fds[3]),
        err: (fds[4], fds[5]),
        errpipe: (fds[6], fds[7]),
        restore_signals,
        setsid,
        pgid,
        gid,
        groups,
        uid,
        umask,
    };
    let argv_p = ptrs(&plan.argv);
    let env_p = plan.env.as_ref().map(|e| ptrs(e));
    // SAFETY: fork has no memory-safety preconditions; the child runs `child`, which
    // only makes async-signal-safe calls on data prepared above (or runs preexec_fn,
    // as CPython does).
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        if !preexec.is_none() && interp.call1(&preexec, &[]).is_err() {
            let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
            // SAFETY: writing a static message to the error pipe, then exiting.
            unsafe {
                libc::write(
                    plan.errpipe.1,
                    msg.as_ptr() as *const libc::c_void,
                    msg.len(),
                );
                libc::_exit(255);
            }
        }
        // SAFETY: we are the child, right after fork.
        unsafe { child(&plan, &argv_p, env_p.as_deref()) }
    }
    if pid < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::Int(pid as i64))
}
