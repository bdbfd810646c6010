//! `_io.FileIO`: the raw stream on an OS file descriptor.
//!
//! The state ([`FileIO`]) is plain data (the descriptor in an atomic, the mode flags), so
//! every system call runs detached from the VM with a copy of the descriptor, and the
//! buffered layer above can reach it without Python. Reads of a pipe or terminal first
//! wait until the descriptor is readable with `signals::wait_readable`, so a Ctrl-C in the
//! main thread interrupts a blocking read (its handler runs, then the read resumes or the
//! `KeyboardInterrupt` propagates), as CPython's EINTR handling does.
//!
//! Invariant: the descriptor is closed once (close swaps it to -1 first), and only when
//! `closefd`; a `FileIO` dropped while open closes it (CPython's dealloc).
use std::sync::atomic::{AtomicI32, AtomicI8, Ordering};
use std::sync::Arc;

use gilvm_object::Value;

use super::{
    closed_err, get_state, int_arg, io_err, new_io_instance, set_state, size_arg, unsupported,
    IoObj,
};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The state of a `FileIO`.
pub struct FileIO {
    fd: AtomicI32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// Not a regular file: reads wait for readability first (see the module essay).
    pub waits: bool,
    /// -1 unknown, 0 no, 1 yes.
    seekable: AtomicI8,
    pub blksize: i64,
}

impl FileIO {
    pub fn new(fd: i32, readable: bool, writable: bool, appending: bool, closefd: bool) -> FileIO {
        // SAFETY: fstat writes into a zeroed stat buffer we own.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above; a bad descriptor just fails.
        let ok = unsafe { libc::fstat(fd, &mut st) } == 0;
        let regular = ok && (st.st_mode & libc::S_IFMT) == libc::S_IFREG;
        FileIO {
            fd: AtomicI32::new(fd),
            readable,
            writable,
            appending,
            created: false,
            closefd,
            waits: !regular,
            seekable: AtomicI8::new(-1),
            blksize: if ok && st.st_blksize > 1 {
                st.st_blksize as i64
            } else {
                super::DEFAULT_BUFFER_SIZE as i64
            },
        }
    }

    pub fn fd(&self) -> i32 {
        self.fd.load(Ordering::Acquire)
    }

    pub fn closed(&self) -> bool {
        self.fd() < 0
    }

    /// Closes the descriptor (if `closefd`); Ok when already closed.
    pub fn close_fd(&self) -> std::io::Result<()> {
        let fd = self.fd.swap(-1, Ordering::AcqRel);
        if fd >= 0 && self.closefd {
            // SAFETY: we owned `fd` and swapped it out, so it is closed once.
            if unsafe { libc::close(fd) } < 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(())
    }

    /// `mode` as CPython shows it.
    pub fn mode(&self) -> &'static str {
        match (self.created, self.appending, self.readable, self.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }

    pub fn seekable_cached(&self) -> Option<bool> {
        match self.seekable.load(Ordering::Relaxed) {
            -1 => None,
            v => Some(v == 1),
        }
    }

    pub fn set_seekable(&self, v: bool) {
        self.seekable.store(v as i8, Ordering::Relaxed);
    }
}

impl Drop for FileIO {
    fn drop(&mut self) {
        let _ = self.close_fd();
    }
}

/// One `read(2)` (EINTR retried); `Ok(None)` on EAGAIN.
pub fn sys_read(fd: i32, buf: &mut [u8]) -> std::io::Result<Option<usize>> {
    loop {
        // SAFETY: reads at most buf.len() bytes into a live buffer.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let e = std::io::Error::last_os_error();
        match e.kind() {
            std::io::ErrorKind::Interrupted => continue,
            std::io::ErrorKind::WouldBlock => return Ok(None),
            _ => return Err(e),
        }
    }
}

/// One `write(2)` (EINTR retried); `Ok(None)` on EAGAIN.
pub fn sys_write(fd: i32, buf: &[u8]) -> std::io::Result<Option<usize>> {
    loop {
        // SAFETY: writes at most buf.len() bytes from a live buffer.
        let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let e = std::io::Error::last_os_error();
        match e.kind() {
            std::io::ErrorKind::Interrupted => continue,
            std::io::ErrorKind::WouldBlock => return Ok(None),
            _ => return Err(e),
        }
    }
}

/// Writes all of `buf` (the exit paths' flush, where nothing can be retried later).
pub fn sys_write_all(fd: i32, mut buf: &[u8]) -> std::io::Result<()> {
    while !buf.is_empty() {
        match sys_write(fd, buf)? {
            Some(0) | None => return Err(std::io::Error::from_raw_os_error(libc::EAGAIN)),
            Some(n) => buf = &buf[n..],
        }
    }
    Ok(())
}

pub fn sys_lseek(fd: i32, off: i64, whence: i32) -> std::io::Result<i64> {
    // SAFETY: lseek on a descriptor; a bad one just fails.
    let r = unsafe { libc::lseek(fd, off as libc::off_t, whence) };
    if r < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(r as i64)
}

/// Reads up to `n` bytes from the file, detached (and interruptible, see the essay);
/// `Ok(None)` when a non-blocking descriptor has no data.
pub fn read_fd(interp: &mut Interp, f: &FileIO, n: usize) -> PyResult<Option<Vec<u8>>> {
    let fd = f.fd();
    let waits = f.waits;
    loop {
        let r = crate::threads::detach(
            interp,
            move || -> std::io::Result<Option<Option<Vec<u8>>>> {
                if waits && !gilvm_sync::signals::wait_readable(fd)? {
                    return Ok(None);
                }
                let mut buf = vec![0u8; n];
                Ok(Some(sys_read(fd, &mut buf)?.map(|k| {
                    buf.truncate(k);
                    buf
                })))
            },
        );
        match r {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => crate::modules::signal::run_pending(interp)?,
            Err(e) => return Err(io_err(interp, &e, None)),
        }
    }
}

/// Reads to the end of the file; `Ok(None)` when nothing was available on a
/// non-blocking descriptor.
pub fn readall_fd(interp: &mut Interp, f: &FileIO) -> PyResult<Option<Vec<u8>>> {
    let fd = f.fd();
    // A size hint from the file's size and position.
    let hint = crate::threads::detach(interp, move || {
        // SAFETY: fstat into a zeroed buffer we own.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_size > 0 {
            let pos = sys_lseek(fd, 0, libc::SEEK_CUR).unwrap_or(0);
            (st.st_size as i64 - pos).max(0) as usize + 1
        } else {
            super::DEFAULT_BUFFER_SIZE
        }
    });
    let mut out: Vec<u8> = Vec::new();
    loop {
        let want = if out.is_empty() {
            hint.max(1)
        } else {
            out.len().max(super::DEFAULT_BUFFER_SIZE)
        };
        match read_fd(interp, f, want)? {
            None if out.is_empty() => return Ok(None),
            None => return Ok(Some(out)),
            Some(b) if b.is_empty() => return Ok(Some(out)),
            Some(b) => {
                if out.is_empty() {
                    out = b;
                } else {
                    out.extend_from_slice(&b);
                }
            }
        }
    }
}

/// Writes some of `data`, detached; `Ok(None)` on EAGAIN.
pub fn write_fd(interp: &mut Interp, f: &FileIO, data: &[u8]) -> PyResult<Option<usize>> {
    let fd = f.fd();
    match crate::threads::detach(interp, move || sys_write(fd, data)) {
        Ok(n) => Ok(n),
        Err(e) => Err(io_err(interp, &e, None)),
    }
}

pub fn seek_fd(interp: &mut Interp, f: &FileIO, off: i64, whence: i32) -> PyResult<i64> {
    let fd = f.fd();
    match crate::threads::detach(interp, move || sys_lseek(fd, off, whence)) {
        Ok(n) => Ok(n),
        Err(e) => Err(io_err(interp, &e, None)),
    }
}

pub fn seekable_fd(interp: &mut Interp, f: &FileIO) -> bool {
    if let Some(s) = f.seekable_cached() {
        return s;
    }
    let fd = f.fd();
    let ok = crate::threads::detach(interp, move || sys_lseek(fd, 0, libc::SEEK_CUR).is_ok());
    f.set_seekable(ok);
    ok
}

pub fn isatty_fd(interp: &mut Interp, f: &FileIO) -> bool {
    let fd = f.fd();
    // SAFETY: isatty on a descriptor; a bad one answers 0.
    crate::threads::detach(interp, move || unsafe { libc::isatty(fd) } == 1)
}

pub fn truncate_fd(interp: &mut Interp, f: &FileIO, size: i64) -> PyResult<()> {
    let fd = f.fd();
    // SAFETY: ftruncate on a descriptor; errors are returned.
    let r = crate::threads::detach(interp, move || unsafe {
        libc::ftruncate(fd, size as libc::off_t)
    });
    if r < 0 {
        let e = std::io::Error::last_os_error();
        return Err(io_err(interp, &e, None));
    }
    Ok(())
}

fn me_file(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<FileIO>> {
    match args.pos().first().and_then(|v| get_state(interp, v)) {
        Some(IoObj::File(f)) => Ok(f),
        _ => Err(interp.value_error("I/O operation on uninitialized object")),
    }
}

fn open_file(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<FileIO>> {
    let f = me_file(interp, args)?;
    if f.closed() {
        return Err(closed_err(interp));
    }
    Ok(f)
}

fn not_readable(interp: &mut Interp) -> crate::error::PyErr {
    unsupported(interp, "File not open for reading")
}

fn not_writable(interp: &mut Interp) -> crate::error::PyErr {
    unsupported(interp, "File not open for writing")
}

/// The path of a file argument (str, bytes or os.PathLike), as the bytes to open (a str
/// encoded as `os.fsencode` does: UTF-8 with `surrogateescape`) and as the value to keep
/// in `name`.
pub fn fspath(interp: &mut Interp, v: &Value) -> PyResult<(Vec<u8>, Value)> {
    if let Some(s) = v.as_str() {
        return Ok((fs_encode(interp, s)?, v.clone()));
    }
    if let Some(b) = crate::builtins::bytes::bytes_arg(v) {
        return Ok((b.to_vec(), v.clone()));
    }
    let f = interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__fspath__"));
    if let Some(f) = f {
        let r = interp.call_method_value(&f, v, &[])?;
        if let Some(s) = r.as_str() {
            return Ok((fs_encode(interp, s)?, r.clone()));
        }
        if let Some(b) = crate::builtins::bytes::bytes_arg(&r) {
            return Ok((b.to_vec(), r.clone()));
        }
        let tn = interp.type_name(v);
        let rn = interp.type_name(&r);
        return Err(interp.type_error(format!(
            "expected {tn}.__fspath__() to return str or bytes, not {rn}"
        )));
    }
    Err(interp.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        interp.type_name(v)
    )))
}

/// Makes the state of a new `FileIO` (CPython's `FileIO.__init__`); the instance's `name`
/// is set by the caller.
pub fn open_raw(
    interp: &mut Interp,
    file: &Value,
    mode: &str,
    closefd: bool,
    opener: &Value,
) -> PyResult<(FileIO, Value)> {
    let (mut rd, mut wr, mut ap, mut cr, mut plus) = (false, false, false, false, false);
    let mut seen_rwax = false;
    for ch in mode.chars() {
        match ch {
            'r' | 'w' | 'a' | 'x' => {
                if seen_rwax {
                    return Err(interp.value_error(
                        "Must have exactly one of create/read/write/append mode and at most one plus",
                    ));
                }
                seen_rwax = true;
                match ch {
                    'r' => rd = true,
                    'w' => wr = true,
                    'a' => {
                        wr = true;
                        ap = true
                    }
                    _ => {
                        wr = true;
                        cr = true
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(interp.value_error(
                        "Must have exactly one of create/read/write/append mode and at most one plus",
                    ));
                }
                plus = true;
                rd = true;
                wr = true;
            }
            'b' => {}
            _ => return Err(interp.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !seen_rwax {
        return Err(interp.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    let is_fd = matches!(file, Value::Int(_) | Value::Bool(_));
    if is_fd {
        let fd = int_arg(interp, file)?;
        if fd < 0 {
            return Err(interp.value_error("negative file descriptor"));
        }
        let fd = fd as i32;
        // SAFETY: fcntl F_GETFD only queries the descriptor.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
            let e = std::io::Error::last_os_error();
            return Err(io_err(interp, &e, None));
        }
        let mut f = FileIO::new(fd, rd, wr, ap, closefd);
        f.created = cr;
        return Ok((f, file.clone()));
    }
    if !closefd {
        return Err(interp.value_error("Cannot use closefd=False with file name"));
    }
    let (path, name) = fspath(interp, file)?;
    if path.contains(&0) {
        return Err(interp.value_error("embedded null byte"));
    }
    let mut flags = if rd && wr {
        libc::O_RDWR
    } else if rd {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    if cr {
        flags |= libc::O_EXCL | libc::O_CREAT;
    } else if ap {
        flags |= libc::O_APPEND | libc::O_CREAT;
    } else if wr && !rd || (wr && mode.contains('w')) {
        flags |= libc::O_CREAT | libc::O_TRUNC;
    }
    flags |= libc::O_CLOEXEC;
    let fd = if opener.is_none() {
        let c = std::ffi::CString::new(path.clone()).unwrap_or_default();
        let r = crate::threads::detach(interp, move || loop {
            // SAFETY: open with a NUL-terminated path we own.
            let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
            if fd >= 0 {
                return Ok(fd);
            }
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                return Err(e);
            }
        });
        match r {
            Ok(fd) => fd,
            Err(e) => return Err(io_err(interp, &e, Some(&name))),
        }
    } else {
        let r = interp.call1(opener, &[name.clone(), Value::Int(flags as i64)])?;
        let fd = match r {
            Value::Int(i) => i,
            _ => return Err(interp.type_error("expected integer from opener")),
        };
        if fd < 0 {
            return Err(interp.value_error(format!("opener returned {fd}")));
        }
        fd as i32
    };
    // A directory cannot be opened as a file.
    // SAFETY: fstat into a zeroed buffer we own.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd, &mut st) } == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFDIR {
        // SAFETY: closes the descriptor we just opened.
        unsafe { libc::close(fd) };
        let e = std::io::Error::from_raw_os_error(libc::EISDIR);
        return Err(io_err(interp, &e, Some(&name)));
    }
    let mut f = FileIO::new(fd, rd, wr, ap, true);
    f.created = cr;
    if ap {
        let _ = sys_lseek(fd, 0, libc::SEEK_END);
    }
    Ok((f, name))
}

/// A str path as the system's bytes (UTF-8 with `surrogateescape`, as `os.fsencode`).
pub fn fs_encode(interp: &Interp, s: &str) -> PyResult<Vec<u8>> {
    gilvm_object::surrogate::encode_fs(s)
        .map(|b| b.into_owned())
        .map_err(|pos| {
            let c = s.chars().nth(pos).map_or(0, gilvm_object::surrogate::code);
            interp.err(
                &interp.g.exc.unicode_encode_error.clone(),
                format!(
                    "'utf-8' codec can't encode character '\\u{c:04x}' in position {pos}: surrogates not allowed"
                ),
            )
        })
}

/// `FileIO.__init__(self, file, mode='r', closefd=True, opener=None)`.
fn init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let mut vals: [Option<Value>; 4] = Default::default();
    for (i, v) in p.iter().skip(1).enumerate() {
        if i >= 4 {
            return Err(interp.type_error(format!(
                "FileIO() takes at most 4 arguments ({} given)",
                p.len() - 1 + args.kwnames.len()
            )));
        }
        vals[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let i = match k {
            "file" => 0,
            "mode" => 1,
            "closefd" => 2,
            "opener" => 3,
            _ => {
                return Err(
                    interp.type_error(format!("FileIO() got an unexpected keyword argument '{k}'"))
                )
            }
        };
        vals[i] = Some(v.clone());
    }
    let Some(file) = vals[0].clone() else {
        return Err(interp.type_error("FileIO() missing required argument 'file' (pos 1)"));
    };
    let mode = match &vals[1] {
        None => "r".to_string(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let closefd = match &vals[2] {
        None => true,
        Some(v) => interp.truthy(v)?,
    };
    let opener = vals[3].clone().unwrap_or(Value::None);
    if let Some(Value::Float(_)) = Some(&file) {
        return Err(interp.type_error("integer argument expected, got float"));
    }
    let (f, name) = open_raw(interp, &file, &mode, closefd, &opener)?;
    let me = p[0].clone();
    set_state(interp, &me, IoObj::File(Arc::new(f)));
    interp.setattr(&me, &interp.intern("name"), name)?;
    Ok(Value::None)
}

/// A new `FileIO` instance around an open descriptor (the standard streams, `open()`).
pub fn new_fileio(interp: &mut Interp, f: FileIO, name: Value) -> PyResult<Value> {
    let t = super::types(interp).fileio.clone();
    let me = new_io_instance(interp, &t)?;
    set_state(interp, &me, IoObj::File(Arc::new(f)));
    interp.setattr(&me, &interp.intern("name"), name)?;
    Ok(me)
}

fn read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let f = open_file(interp, &args)?;
    if !f.readable {
        return Err(not_readable(interp));
    }
    let r = match size_arg(interp, p.get(1))? {
        None => readall_fd(interp, &f)?,
        Some(n) => read_fd(interp, &f, n)?,
    };
    Ok(match r {
        None => Value::None,
        Some(b) => super::new_bytes(interp, b),
    })
}

fn readall(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "readall", 1, 1)?;
    let f = open_file(interp, &args)?;
    if !f.readable {
        return Err(not_readable(interp));
    }
    Ok(match readall_fd(interp, &f)? {
        None => Value::None,
        Some(b) => super::new_bytes(interp, b),
    })
}

fn readinto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readinto", 2, 2)?;
    let f = open_file(interp, &args)?;
    if !f.readable {
        return Err(not_readable(interp));
    }
    let n = super::writable_len(interp, &p[1])?;
    match read_fd(interp, &f, n)? {
        None => Ok(Value::None),
        Some(b) => {
            let k = b.len();
            super::fill_buffer(interp, &p[1], b)?;
            Ok(Value::Int(k as i64))
        }
    }
}

fn write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "write", 2, 2)?;
    let f = open_file(interp, &args)?;
    if !f.writable {
        return Err(not_writable(interp));
    }
    let data = super::bytes_arg(interp, &p[1])?;
    Ok(match write_fd(interp, &f, &data)? {
        None => Value::None,
        Some(n) => Value::Int(n as i64),
    })
}

fn seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "seek", 2, 3)?;
    let f = open_file(interp, &args)?;
    if let Value::Float(_) = &p[1] {
        return Err(interp.type_error("an integer is required"));
    }
    let off = int_arg(interp, &p[1])?;
    let whence = match p.get(2) {
        None => 0,
        Some(v) => int_arg(interp, v)?,
    };
    Ok(Value::Int(seek_fd(interp, &f, off, whence as i32)?))
}

fn tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "tell", 1, 1)?;
    let f = open_file(interp, &args)?;
    Ok(Value::Int(seek_fd(interp, &f, 0, libc::SEEK_CUR)?))
}

fn truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "truncate", 1, 2)?;
    let f = open_file(interp, &args)?;
    if !f.writable {
        return Err(not_writable(interp));
    }
    let size = match p.get(1) {
        None | Some(Value::None) => seek_fd(interp, &f, 0, libc::SEEK_CUR)?,
        Some(v) => int_arg(interp, v)?,
    };
    truncate_fd(interp, &f, size)?;
    Ok(Value::Int(size))
}

fn close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "close", 1, 1)?;
    let f = me_file(interp, &args)?;
    if f.closed() {
        return Ok(Value::None);
    }
    // _RawIOBase.close: flush first (a subclass's flush runs).
    let me = args.pos()[0].clone();
    let flushed = interp.call_method(&me, "flush", &[]);
    let r = crate::threads::detach(interp, {
        let f = f.clone();
        move || f.close_fd()
    });
    super::iobase::mark_closed(interp, &me);
    flushed?;
    if let Err(e) = r {
        return Err(io_err(interp, &e, None));
    }
    Ok(Value::None)
}

fn readable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = open_file(interp, &args)?;
    Ok(Value::Bool(f.readable))
}

fn writable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = open_file(interp, &args)?;
    Ok(Value::Bool(f.writable))
}

fn seekable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = open_file(interp, &args)?;
    Ok(Value::Bool(seekable_fd(interp, &f)))
}

fn fileno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = open_file(interp, &args)?;
    Ok(Value::Int(f.fd() as i64))
}

fn isatty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = open_file(interp, &args)?;
    Ok(Value::Bool(isatty_fd(interp, &f)))
}

fn closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = me_file(interp, &args)?;
    Ok(Value::Bool(f.closed()))
}

fn closefd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = me_file(interp, &args)?;
    Ok(Value::Bool(f.closefd))
}

fn mode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = me_file(interp, &args)?;
    Ok(interp.new_str(f.mode()))
}

fn blksize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = me_file(interp, &args)?;
    Ok(Value::Int(f.blksize))
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = me_file(interp, &args)?;
    let me = args.pos()[0].clone();
    let tn = super::type_qualname(interp, &me);
    if f.closed() {
        return Ok(interp.new_str(format!("<{tn} [closed]>")));
    }
    let cf = if f.closefd { "True" } else { "False" };
    let name = match interp.getattr_str(&me, "name") {
        Ok(n) => Some(n),
        Err(e) if interp.matches(&e, &interp.g.exc.attribute_error.clone()) => None,
        Err(e) => return Err(e),
    };
    let s = match name {
        Some(n) => {
            let r = super::repr_guarded(interp, &me, &n)?;
            format!("<{tn} name={r} mode='{}' closefd={cf}>", f.mode())
        }
        None => format!("<{tn} fd={} mode='{}' closefd={cf}>", f.fd(), f.mode()),
    };
    Ok(interp.new_str(s))
}

fn getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let tn = super::type_qualname(interp, &me);
    Err(interp.type_error(format!("cannot pickle '{tn}' instances")))
}

pub fn register(interp: &mut Interp, t: &gilvm_object::ObjRef) {
    use crate::builtins::add_method;
    add_method(interp, t, "__init__", init);
    add_method(interp, t, "read", read);
    add_method(interp, t, "readall", readall);
    add_method(interp, t, "readinto", readinto);
    add_method(interp, t, "write", write);
    add_method(interp, t, "seek", seek);
    add_method(interp, t, "tell", tell);
    add_method(interp, t, "truncate", truncate);
    add_method(interp, t, "close", close);
    add_method(interp, t, "readable", readable);
    add_method(interp, t, "writable", writable);
    add_method(interp, t, "seekable", seekable);
    add_method(interp, t, "fileno", fileno);
    add_method(interp, t, "isatty", isatty);
    add_method(interp, t, "__repr__", repr);
    add_method(interp, t, "__getstate__", getstate);
    super::add_getter(interp, t, "closed", closed);
    super::add_getter(interp, t, "closefd", closefd);
    super::add_getter(interp, t, "mode", mode);
    super::add_getter(interp, t, "_blksize", blksize);
}
