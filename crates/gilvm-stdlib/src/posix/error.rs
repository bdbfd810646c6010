//! `OSError`s of failed system calls, as CPython raises them: the subclass that the
//! errno selects (`FileNotFoundError` for `ENOENT`, …: PEP 3151's table), `args` of
//! `(errno, strerror)`, and `filename`/`filename2` set to the caller's path objects, so
//! that `str(e)` reads `[Errno 2] No such file or directory: 'x'` (or `'a' -> 'b'`).
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::{Interp, PyErr};

/// The text of an errno, as `strerror(3)` gives it (`os.strerror`).
pub fn strerror(code: i32) -> String {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: `buf` is writable for its whole length, which we pass; the XSI strerror_r
    // writes a NUL-terminated message into it.
    let r = unsafe { libc::strerror_r(code, buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return format!("Unknown error {code}");
    }
    // SAFETY: strerror_r succeeded, so `buf` holds a NUL-terminated string.
    let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    s.to_string_lossy().into_owned()
}

/// The errno of the last failed call on this thread.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The `OSError` subclass for `code`.
pub fn class_for(interp: &Interp, code: i32) -> ObjRef {
    let e = &interp.g.exc;
    match code {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.blocking_io_error.clone(),
        libc::ECHILD => e.child_process_error.clone(),
        libc::EPIPE | libc::ESHUTDOWN => e.broken_pipe_error.clone(),
        libc::ECONNABORTED => e.connection_aborted_error.clone(),
        libc::ECONNREFUSED => e.connection_refused_error.clone(),
        libc::ECONNRESET => e.connection_reset_error.clone(),
        libc::EEXIST => e.file_exists_error.clone(),
        libc::ENOENT => e.file_not_found_error.clone(),
        libc::EINTR => e.interrupted_error.clone(),
        libc::EISDIR => e.is_a_directory_error.clone(),
        libc::ENOTDIR => e.not_a_directory_error.clone(),
        libc::EACCES | libc::EPERM => e.permission_error.clone(),
        libc::ESRCH => e.process_lookup_error.clone(),
        libc::ETIMEDOUT => e.timeout_error.clone(),
        _ => e.os_error.clone(),
    }
}

/// The `OSError` for errno `code`, naming `filename` (and `filename2`) when given.
pub fn from_errno(
    interp: &Interp,
    code: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    let ty = class_for(interp, code);
    let msg = interp.new_str(strerror(code));
    let exc = interp.new_exception(&ty, vec![Value::Int(code as i64), msg.clone()]);
    if let Payload::Instance(i) = exc.payload() {
        let py = interp.py;
        i.attr_set(py, interp.intern("errno"), Value::Int(code as i64));
        i.attr_set(py, interp.intern("strerror"), msg);
        i.attr_set(
            py,
            interp.intern("filename"),
            filename.cloned().unwrap_or(Value::None),
        );
        i.attr_set(
            py,
            interp.intern("filename2"),
            filename2.cloned().unwrap_or(Value::None),
        );
    }
    PyErr(exc)
}

/// The `OSError` for this thread's last errno.
pub fn last(interp: &Interp, filename: Option<&Value>) -> PyErr {
    from_errno(interp, last_errno(), filename, None)
}

/// The `OSError` for a `std::io::Error`.
pub fn from_io(interp: &Interp, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    match e.raw_os_error() {
        Some(c) => from_errno(interp, c, filename, None),
        None => interp.err(&interp.g.exc.os_error.clone(), e.to_string()),
    }
}
