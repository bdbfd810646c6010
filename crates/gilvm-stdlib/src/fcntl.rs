//! The `fcntl` module: `fcntl`, `ioctl`, `flock`, `lockf` and their constants. A
//! descriptor argument may be an int or an object with `fileno()`; an int third argument
//! is passed as an int, a bytes-like one as a buffer of at most 1024 bytes whose
//! (possibly changed) contents come back as bytes, as CPython.
use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use crate::posix::error;

/// A file descriptor: an int, or the result of `fileno()`.
pub fn fd_of(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    let fd = if v.to_bigint().is_some() {
        interp.index_value(v)?
    } else if let Some(m) = interp.lookup_special(v, "fileno") {
        let r = interp.call_method_value(&m, v, &[])?;
        if r.to_bigint().is_none() {
            return Err(interp.type_error("fileno() returned a non-integer"));
        }
        interp.index_value(&r)?
    } else {
        return Err(interp.type_error("argument must be an int, or have a fileno() method."));
    };
    if fd < 0 {
        return Err(interp.value_error(format!(
            "file descriptor cannot be a negative integer ({fd})"
        )));
    }
    i32::try_from(fd).map_err(|_| interp.overflow_error("Python int too large to convert to C int"))
}

/// Runs `call(fd, request, arg)` with an int or a buffer argument.
fn with_arg(
    interp: &mut Interp,
    fname: &str,
    fd: i32,
    arg: Option<&Value>,
    call: impl Fn(i32, usize) -> libc::c_int,
) -> PyResult {
    if let Some(v) = arg {
        if v.to_bigint().is_none() {
            if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, v) {
                if b.len() > 1024 {
                    return Err(interp.value_error(format!("{fname} argument 3 is too long")));
                }
                let mut buf = [0u8; 1024];
                buf[..b.len()].copy_from_slice(&b);
                let n = b.len();
                let r = call(fd, buf.as_mut_ptr() as usize);
                if r < 0 {
                    return Err(error::last(interp, None));
                }
                return Ok(Value::Obj(interp.new_obj(gilvm_object::Owned::Bytes(
                    buf[..n].to_vec().into_boxed_slice(),
                ))));
            }
            if v.as_str().is_some() {
                let s = v.as_str().unwrap_or_default().as_bytes().to_vec();
                if s.len() > 1024 {
                    return Err(interp.value_error(format!("{fname} argument 3 is too long")));
                }
                let mut buf = [0u8; 1024];
                buf[..s.len()].copy_from_slice(&s);
                let r = call(fd, buf.as_mut_ptr() as usize);
                if r < 0 {
                    return Err(error::last(interp, None));
                }
                return Ok(Value::Obj(interp.new_obj(gilvm_object::Owned::Bytes(
                    buf[..s.len()].to_vec().into_boxed_slice(),
                ))));
            }
        }
    }
    let i = match arg {
        Some(v) => {
            let i = interp.index_value(v)?;
            i as usize
        }
        None => 0,
    };
    let r = call(fd, i);
    if r < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::Int(r as i64))
}

fn fcntl(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fcntl", 2, 3)?;
    let fd = fd_of(interp, &a[0])?;
    let cmd = interp.index_value(&a[1])? as i32;
    // SAFETY: fcntl with an int or a pointer to a 1024-byte buffer alive for the call.
    with_arg(interp, "fcntl", fd, a.get(2), |fd, arg| unsafe {
        libc::fcntl(fd, cmd, arg)
    })
}

fn ioctl(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "ioctl", 2, 4)?;
    let fd = fd_of(interp, &a[0])?;
    let req = interp.index_value(&a[1])? as libc::c_ulong;
    // SAFETY: ioctl with an int or a pointer to a 1024-byte buffer alive for the call.
    with_arg(interp, "ioctl", fd, a.get(2), |fd, arg| unsafe {
        libc::ioctl(fd, req as _, arg)
    })
}

fn flock(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "flock", 2, 2)?;
    let fd = fd_of(interp, &a[0])?;
    let op = interp.index_value(&a[1])? as i32;
    loop {
        // SAFETY: a system call on integers (may block: detached).
        let r = gilvm_vm::threads::detach(interp, move || {
            let r = unsafe { libc::flock(fd, op) };
            if r < 0 {
                error::last_errno()
            } else {
                0
            }
        });
        match r {
            0 => return Ok(Value::None),
            libc::EINTR => gilvm_vm::modules::signal::run_pending(interp)?,
            e => return Err(error::from_errno(interp, e, None, None)),
        }
    }
}

fn lockf(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "lockf", 2, 5)?;
    let fd = fd_of(interp, &a[0])?;
    let cmd = interp.index_value(&a[1])? as i32;
    let len = match a.get(2) {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let start = match a.get(3) {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let whence = match a.get(4) {
        Some(v) => interp.index_value(v)? as i16,
        None => 0,
    };
    let ty = match cmd & (libc::LOCK_SH | libc::LOCK_EX | libc::LOCK_UN) {
        libc::LOCK_UN => libc::F_UNLCK,
        libc::LOCK_SH => libc::F_RDLCK,
        libc::LOCK_EX => libc::F_WRLCK,
        _ => return Err(interp.value_error("unrecognized lockf argument")),
    };
    let wait = if cmd & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    loop {
        let r = gilvm_vm::threads::detach(interp, move || {
            // SAFETY: an all-zero flock is valid; fields set below.
            let mut l: libc::flock = unsafe { std::mem::zeroed() };
            l.l_type = ty as i16;
            l.l_whence = whence;
            l.l_start = start;
            l.l_len = len;
            // SAFETY: `l` is a valid flock for the call.
            let r = unsafe { libc::fcntl(fd, wait, &l) };
            if r < 0 {
                error::last_errno()
            } else {
                0
            }
        });
        match r {
            0 => return Ok(Value::None),
            libc::EINTR => gilvm_vm::modules::signal::run_pending(interp)?,
            e => return Err(error::from_errno(interp, e, None, None)),
        }
    }
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "fcntl", fcntl);
    interp.add_function(m, "ioctl", ioctl);
    interp.add_function(m, "flock", flock);
    interp.add_function(m, "lockf", lockf);
    let consts: &[(&str, i64)] = &[
        ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
        ("F_DUPFD", libc::F_DUPFD as i64),
        ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
        ("F_GETFD", libc::F_GETFD as i64),
        ("F_SETFD", libc::F_SETFD as i64),
        ("F_GETFL", libc::F_GETFL as i64),
        ("F_SETFL", libc::F_SETFL as i64),
        ("F_GETLK", libc::F_GETLK as i64),
        ("F_SETLK", libc::F_SETLK as i64),
        ("F_SETLKW", libc::F_SETLKW as i64),
        ("F_GETOWN", libc::F_GETOWN as i64),
        ("F_SETOWN", libc::F_SETOWN as i64),
        ("F_RDLCK", libc::F_RDLCK as i64),
        ("F_WRLCK", libc::F_WRLCK as i64),
        ("F_UNLCK", libc::F_UNLCK as i64),
        ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
        ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
        ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
        ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
        ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
        ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
        ("F_GET_SEALS", libc::F_GET_SEALS as i64),
        ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
        ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
        ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
        ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
        ("LOCK_SH", libc::LOCK_SH as i64),
        ("LOCK_EX", libc::LOCK_EX as i64),
        ("LOCK_NB", libc::LOCK_NB as i64),
        ("LOCK_UN", libc::LOCK_UN as i64),
        ("FASYNC", libc::O_ASYNC as i64),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    Ok(())
}
