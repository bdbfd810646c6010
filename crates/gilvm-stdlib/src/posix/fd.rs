//! File-descriptor operations: `open`, `read`, `write`, `close`, `lseek`, `pipe`,
//! `dup`, the inheritable and blocking flags, `fsync`, `ftruncate`, `isatty`, the
//! terminal size.
//!
//! Calls that may block run detached from the interpreter; a call interrupted by a
//! signal runs the Python signal handlers and is retried (PEP 475), as on CPython.
use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use super::args::{self, Sig};
use super::error;
use crate::structseq::{self, Lazy};

/// Runs `f` (a system call returning -1 on failure) detached, retrying on EINTR after
/// running the signal handlers. Err(errno) on failure.
pub fn retry<R: Send + Copy + PartialOrd + Default>(
    interp: &mut Interp,
    f: impl Fn() -> R + Send + Sync,
) -> PyResult<Result<R, i32>> {
    loop {
        let r = gilvm_vm::threads::detach(interp, || {
            let r = f();
            (
                r,
                if r < R::default() {
                    error::last_errno()
                } else {
                    0
                },
            )
        });
        match r {
            (_, libc::EINTR) => gilvm_vm::modules::signal::run_pending(interp)?,
            (_, e) if e != 0 => return Ok(Err(e)),
            (v, _) => return Ok(Ok(v)),
        }
    }
}

/// Runs a short system call (no detach); Err(errno) when it returns a negative value.
pub fn check(r: libc::c_int) -> Result<libc::c_int, i32> {
    if r < 0 {
        Err(error::last_errno())
    } else {
        Ok(r)
    }
}

/// A zeroed buffer of `n` bytes, or MemoryError (`read(fd, 2**40)` must not abort).
/// Allocated zeroed (calloc: untouched pages stay unmapped, as CPython's buffer).
pub fn zeroed_buf(interp: &Interp, n: usize) -> PyResult<Vec<u8>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let no_memory = || {
        let t = interp.g.exc.memory_error.clone();
        gilvm_vm::PyErr(interp.new_exception(&t, vec![]))
    };
    let layout = std::alloc::Layout::array::<u8>(n).map_err(|_| no_memory())?;
    // SAFETY: `layout` has a non-zero size.
    let p = unsafe { std::alloc::alloc_zeroed(layout) };
    if p.is_null() {
        return Err(no_memory());
    }
    // SAFETY: `p` was allocated by the global allocator with exactly this layout (size
    // and capacity `n`, alignment 1) and its `n` bytes are initialized (zeroed).
    Ok(unsafe { Vec::from_raw_parts(p, n, n) })
}

fn fd_err(interp: &Interp, e: i32) -> gilvm_vm::PyErr {
    error::from_errno(interp, e, None, None)
}

pub fn open(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "open",
        names: &["path", "flags", "mode", "dir_fd"],
        posonly: 0,
        npos: 3,
        required: 2,
    };
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "open", "path", a[0].as_ref().unwrap(), args::PATH)?;
    let flags = args::int(interp, a[1].as_ref().unwrap())? | libc::O_CLOEXEC;
    let mode = match &a[2] {
        Some(v) => args::int(interp, v)?,
        None => 0o777,
    };
    let dir_fd = args::dir_fd(interp, &a[3])?;
    let c = p.c();
    let cp = c.as_ptr() as usize;
    // SAFETY: `c` outlives the call (it lives until the end of this function) and is
    // NUL-terminated.
    let r = retry(interp, move || unsafe {
        libc::openat(
            dir_fd,
            cp as *const libc::c_char,
            flags,
            mode as libc::c_uint,
        )
    })?;
    drop(c);
    match r {
        Ok(fd) => Ok(Value::Int(fd as i64)),
        Err(e) => Err(error::from_errno(interp, e, Some(&p.obj), None)),
    }
}

pub fn close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "close",
        names: &["fd"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let fd = args::int(interp, a[0].as_ref().unwrap())?;
    // SAFETY: closing an integer descriptor; EINTR is not retried (the descriptor is
    // released anyway on Linux), as CPython.
    let r = unsafe { libc::close(fd) };
    if r < 0 {
        let e = error::last_errno();
        if e != libc::EINTR {
            return Err(fd_err(interp, e));
        }
    }
    Ok(Value::None)
}

pub fn closerange(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "closerange", 2, 2)?;
    let lo = args::int(interp, &a[0])?.max(0);
    let hi = args::int(interp, &a[1])?;
    for fd in lo..hi {
        // SAFETY: closing integer descriptors; errors are ignored, as CPython.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

/// One `read(2)` of at most `n` bytes (detached, retried on EINTR).
fn read_fd(interp: &mut Interp, fd: i32, n: usize) -> PyResult<Vec<u8>> {
    let mut buf = zeroed_buf(interp, n)?;
    let ptr = buf.as_mut_ptr() as usize;
    let len = buf.len();
    // SAFETY: `buf` is writable for `len` bytes and outlives the call.
    let r = retry(interp, move || unsafe {
        libc::read(fd, ptr as *mut libc::c_void, len)
    })?;
    match r {
        Ok(got) => {
            buf.truncate(got as usize);
            Ok(buf)
        }
        Err(e) => Err(fd_err(interp, e)),
    }
}

pub fn read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "read", 2, 2)?;
    let fd = args::int(interp, &a[0])?;
    let n = args::long(interp, &a[1])?;
    if n < 0 {
        return Err(error::from_errno(interp, libc::EINVAL, None, None));
    }
    let buf = read_fd(interp, fd, n as usize)?;
    Ok(args::new_bytes(interp, &buf))
}

/// `os.readinto(fd, buffer)` (3.14): reads into a writable buffer, returns the count.
pub fn readinto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "readinto", 2, 2)?;
    let fd = args::int(interp, &a[0])?;
    let n = gilvm_vm::io::writable_len(interp, &a[1])?;
    let buf = read_fd(interp, fd, n)?;
    let got = buf.len();
    gilvm_vm::io::fill_buffer(interp, &a[1], buf)?;
    Ok(Value::Int(got as i64))
}

pub fn write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "write", 2, 2)?;
    let fd = args::int(interp, &a[0])?;
    let Some(data) = gilvm_vm::buffer::bytes_like(interp.py, &a[1]) else {
        return Err(interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(&a[1])
        )));
    };
    let data = data.into_owned();
    let ptr = data.as_ptr() as usize;
    let len = data.len();
    // SAFETY: `data` is readable for `len` bytes and outlives the call.
    let r = retry(interp, move || unsafe {
        libc::write(fd, ptr as *const libc::c_void, len)
    })?;
    drop(data);
    match r {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(fd_err(interp, e)),
    }
}

pub fn lseek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "lseek", 3, 3)?;
    let fd = args::int(interp, &a[0])?;
    let pos = args::long(interp, &a[1])?;
    let how = args::int(interp, &a[2])?;
    // SAFETY: a system call on integers.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(fd_err(interp, error::last_errno()));
    }
    Ok(Value::Int(r))
}

fn pipe_with(interp: &mut Interp, flags: i32) -> PyResult {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a valid two-int out-array.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), flags) };
    if r < 0 {
        return Err(fd_err(interp, error::last_errno()));
    }
    Ok(interp.new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

pub fn pipe(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "pipe", 0, 0)?;
    pipe_with(interp, libc::O_CLOEXEC)
}

/// `openpty()` (branch `sys`, for pty/termios): a (master, slave) pair of pseudo-terminal
/// descriptors, both non-inheritable as in CPython.
pub fn openpty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "openpty", 0, 0)?;
    let (mut master, mut slave) = (-1 as libc::c_int, -1 as libc::c_int);
    // SAFETY: two valid int out-pointers; the name, termios and winsize pointers may be null.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if r < 0 {
        return Err(fd_err(interp, error::last_errno()));
    }
    for fd in [master, slave] {
        // SAFETY: fcntl on descriptors just returned by openpty.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok(interp.new_tuple(vec![Value::Int(master as i64), Value::Int(slave as i64)]))
}

pub fn pipe2(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "pipe2", 1, 1)?;
    let flags = args::int(interp, &a[0])?;
    pipe_with(interp, flags)
}

pub fn dup(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "dup", 1, 1)?;
    let fd = args::int(interp, &a[0])?;
    // SAFETY: a system call on integers.
    match check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) }) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(fd_err(interp, e)),
    }
}

pub fn dup2(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "dup2",
        names: &["fd", "fd2", "inheritable"],
        posonly: 0,
        npos: 3,
        required: 2,
    };
    let a = args::bind(interp, &args, &sig)?;
    let fd = args::int(interp, a[0].as_ref().unwrap())?;
    let fd2 = args::int(interp, a[1].as_ref().unwrap())?;
    let inheritable = args::flag(interp, &a[2], true)?;
    let r = if inheritable || fd == fd2 {
        // SAFETY: a system call on integers.
        unsafe { libc::dup2(fd, fd2) }
    } else {
        // SAFETY: a system call on integers.
        unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) }
    };
    match check(r) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(fd_err(interp, e)),
    }
}

fn fd_flag(interp: &mut Interp, fd: i32, get: i32) -> PyResult<i32> {
    // SAFETY: a system call on integers.
    check(unsafe { libc::fcntl(fd, get) }).map_err(|e| fd_err(interp, e))
}

fn set_fd_flag(interp: &mut Interp, fd: i32, get: i32, set: i32, bit: i32, on: bool) -> PyResult {
    let old = fd_flag(interp, fd, get)?;
    let new = if on { old | bit } else { old & !bit };
    if new != old {
        // SAFETY: a system call on integers.
        check(unsafe { libc::fcntl(fd, set, new) }).map_err(|e| fd_err(interp, e))?;
    }
    Ok(Value::None)
}

pub fn get_inheritable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "get_inheritable", 1, 1)?;
    let fd = args::int(interp, &a[0])?;
    let f = fd_flag(interp, fd, libc::F_GETFD)?;
    Ok(Value::Bool(f & libc::FD_CLOEXEC == 0))
}

pub fn set_inheritable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "set_inheritable", 2, 2)?;
    let fd = args::int(interp, &a[0])?;
    let on = interp.truthy(&a[1])?;
    set_fd_flag(
        interp,
        fd,
        libc::F_GETFD,
        libc::F_SETFD,
        libc::FD_CLOEXEC,
        !on,
    )
}

pub fn get_blocking(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "get_blocking", 1, 1)?;
    let fd = args::int(interp, &a[0])?;
    let f = fd_flag(interp, fd, libc::F_GETFL)?;
    Ok(Value::Bool(f & libc::O_NONBLOCK == 0))
}

pub fn set_blocking(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "set_blocking", 2, 2)?;
    let fd = args::int(interp, &a[0])?;
    let on = interp.truthy(&a[1])?;
    set_fd_flag(
        interp,
        fd,
        libc::F_GETFL,
        libc::F_SETFL,
        libc::O_NONBLOCK,
        !on,
    )
}

fn fd_arg(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    // `fsync(fd)` accepts an object with a `fileno()` method, as CPython's converter.
    if v.to_bigint().is_none() && !matches!(v, Value::Bool(_)) {
        if let Some(m) = interp.lookup_special(v, "fileno") {
            let r = interp.call_method_value(&m, v, &[])?;
            return args::int(interp, &r);
        }
        return Err(
            interp.type_error("argument must be an int, or have a fileno() method.".to_string())
        );
    }
    args::int(interp, v)
}

pub fn fsync(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "fsync",
        names: &["fd"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let fd = fd_arg(interp, a[0].as_ref().unwrap())?;
    // SAFETY: a system call on an integer.
    match retry(interp, move || unsafe { libc::fsync(fd) })? {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(fd_err(interp, e)),
    }
}

pub fn fdatasync(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "fdatasync",
        names: &["fd"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let fd = fd_arg(interp, a[0].as_ref().unwrap())?;
    // SAFETY: a system call on an integer.
    match retry(interp, move || unsafe { libc::fdatasync(fd) })? {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(fd_err(interp, e)),
    }
}

pub fn ftruncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "ftruncate", 2, 2)?;
    let fd = args::int(interp, &a[0])?;
    let len = args::long(interp, &a[1])?;
    // SAFETY: a system call on integers.
    match retry(interp, move || unsafe { libc::ftruncate(fd, len) })? {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(fd_err(interp, e)),
    }
}

pub fn truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "truncate",
        names: &["path", "length"],
        posonly: 0,
        npos: 2,
        required: 2,
    };
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(
        interp,
        "truncate",
        "path",
        a[0].as_ref().unwrap(),
        args::PATH_OR_FD,
    )?;
    let len = args::long(interp, a[1].as_ref().unwrap())?;
    let c = p.c();
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::ftruncate(fd, len),
            None => libc::truncate(c.as_ptr(), len),
        }
    };
    match check(r) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, Some(&p.obj), None)),
    }
}

pub fn isatty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "isatty", 1, 1)?;
    let fd = args::int(interp, &a[0])?;
    // SAFETY: a system call on an integer.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

pub fn ttyname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "ttyname", 1, 1)?;
    let fd = args::int(interp, &a[0])?;
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: `buf` is writable for its length, which we pass.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return Err(fd_err(interp, r));
    }
    // SAFETY: ttyname_r succeeded: `buf` holds a NUL-terminated string.
    let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Ok(args::decode_name(interp, s.to_bytes()))
}

pub fn device_encoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "device_encoding",
        names: &["fd"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let fd = args::int(interp, a[0].as_ref().unwrap())?;
    // SAFETY: a system call on an integer.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(interp.new_str("UTF-8"));
    }
    Ok(Value::None)
}

static TERMINAL_SIZE: Lazy = Lazy::new();

pub fn terminal_size_type(interp: &mut Interp) -> PyResult<ObjRef> {
    TERMINAL_SIZE.get(interp, |interp| {
        structseq::new_type(
            interp,
            "terminal_size",
            "os",
            &[Some("columns"), Some("lines")],
            2,
        )
    })
}

pub fn get_terminal_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "get_terminal_size", 0, 1)?;
    let fd = match a.first() {
        Some(v) => args::int(interp, v)?,
        None => 1,
    };
    // SAFETY: an all-zero winsize is valid.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize into the valid out-pointer.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    if r < 0 {
        return Err(fd_err(interp, error::last_errno()));
    }
    let ty = terminal_size_type(interp)?;
    structseq::make(
        interp,
        &ty,
        vec![Value::Int(ws.ws_col as i64), Value::Int(ws.ws_row as i64)],
    )
}
