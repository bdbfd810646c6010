//! The `_socket` module: BSD sockets, as CPython's Modules/socketmodule.c gives them to
//! the Lib's `socket.py` (and through it to `selectors`, `asyncio`, `socketserver`,
//! `http`, `multiprocessing`).
//!
//! # The socket type
//! The Lib's `socket.socket` subclasses `_socket.socket` and adds `__slots__`. gilvm's
//! native types (`Payload::Native`) cannot be subclassed, so `_socket.socket` is a class
//! whose instances are ordinary slotted instances: its one slot, `_gilvm_state`, holds a
//! native object with the socket's state ([`sock::Sock`]: descriptor, family, type,
//! protocol, timeout) behind that object's lock, and its methods are native functions
//! that fetch the state from the slot. The state object closes the descriptor when it
//! is dropped (CPython's finalizer), unless `close()` or `detach()` gave it up first.
//!
//! # Blocking and timeouts
//! As in CPython, a socket is blocking (timeout None), non-blocking (timeout 0) or has a
//! timeout; the descriptor is in O_NONBLOCK mode in the last two. Calls on a blocking
//! socket run detached from the interpreter (the GIL released); calls with a timeout
//! poll(2) for readiness first (detached) and raise `TimeoutError('timed out')` when it
//! passes; a call interrupted by a signal runs the Python handlers and is retried
//! (PEP 475). See [`sock::call`].
//!
//! # Files
//! `sock.rs` the type and its methods, `addr.rs` socket addresses to and from Python
//! values, `msg.rs` `sendmsg`/`recvmsg` with ancillary data, `netdb.rs` name resolution
//! and the address conversions, `consts.rs` the constants.
use std::sync::atomic::{AtomicU64, Ordering};

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Interp, PyErr, PyResult};

use crate::structseq::Lazy;

mod addr;
mod consts;
mod msg;
mod netdb;
mod sock;

/// `socket.gaierror` and `socket.herror` (created with the module).
static GAIERROR: Lazy = Lazy::new();
static HERROR: Lazy = Lazy::new();
/// `_socket.socket`.
static SOCKET_CLASS: Lazy = Lazy::new();

/// The default timeout of new sockets in seconds, negative for None (the bits of an f64).
static DEFAULT_TIMEOUT: AtomicU64 = AtomicU64::new(0xBFF0_0000_0000_0000); // -1.0

pub(crate) fn default_timeout() -> f64 {
    f64::from_bits(DEFAULT_TIMEOUT.load(Ordering::Relaxed))
}

/// `TimeoutError('timed out')`.
pub(crate) fn timed_out(interp: &Interp) -> PyErr {
    interp.err(&interp.g.exc.timeout_error.clone(), "timed out")
}

/// An exception of class `cls` called with `args` (so that `OSError`'s `errno` and
/// `strerror` are set from them).
fn raise_with(interp: &mut Interp, cls: ObjRef, args: &[Value]) -> PyErr {
    match interp.call(&Value::Obj(cls), gilvm_vm::Args::new(args)) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => interp.runtime_error("exception class returned a non-exception"),
        Err(e) => e,
    }
}

/// `socket.gaierror` for a getaddrinfo/getnameinfo error code (EAI_SYSTEM: the errno).
pub(crate) fn gai_error(interp: &mut Interp, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return crate::posix::error::last(interp, None);
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string for any code.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let cls = match GAIERROR.get(interp, |i| Err(i.runtime_error("no gaierror"))) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = interp.new_str(msg);
    raise_with(interp, cls, &[Value::Int(code as i64), m])
}

/// `socket.herror(code, msg)`.
pub(crate) fn h_error(interp: &mut Interp, code: i64, msg: &str) -> PyErr {
    let cls = match HERROR.get(interp, |i| Err(i.runtime_error("no herror"))) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = interp.new_str(msg);
    raise_with(interp, cls, &[Value::Int(code), m])
}

/// `_socket.socket`.
pub(crate) fn socket_class(interp: &mut Interp) -> PyResult<ObjRef> {
    SOCKET_CLASS.get(interp, |i| {
        Err(i.runtime_error("_socket is not initialized"))
    })
}

/// The class skeleton; the methods are native (sock.rs).
const CLASS_SRC: &str = "\
class socket:
    '''socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object
socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object

Open a socket of the given type.  The family argument specifies the
address family; it defaults to AF_INET.  The type argument specifies
whether this is a stream (SOCK_STREAM, this is the default)
or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,
specifying the default protocol.  Keyword arguments are accepted.
The socket is created as non-inheritable.'''
    __slots__ = ('_gilvm_state',)
socket.__module__ = '_socket'
SocketType = socket
";

fn getdefaulttimeout(interp: &mut Interp, args: gilvm_vm::Args<'_>) -> PyResult {
    args.exact(interp, "getdefaulttimeout", 0, 0)?;
    let t = default_timeout();
    Ok(if t < 0.0 {
        Value::None
    } else {
        Value::Float(t)
    })
}

fn setdefaulttimeout(interp: &mut Interp, args: gilvm_vm::Args<'_>) -> PyResult {
    let a = args.exact(interp, "setdefaulttimeout", 1, 1)?;
    let t = sock::timeout_arg(interp, &a[0])?;
    DEFAULT_TIMEOUT.store(t.to_bits(), Ordering::Relaxed);
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    for (n, v) in consts::CONSTANTS {
        interp.add_value(m, n, Value::Int(*v));
    }
    let os_error = Value::Obj(interp.g.exc.os_error.clone());
    interp.add_value(m, "error", os_error);
    let timeout = Value::Obj(interp.g.exc.timeout_error.clone());
    interp.add_value(m, "timeout", timeout);
    interp.add_value(m, "has_ipv6", Value::Bool(true));
    let h = crate::common::error_class(interp, m, "herror", "OSError", "socket")?;
    HERROR.get(interp, |_| Ok(h))?;
    let g = crate::common::error_class(interp, m, "gaierror", "OSError", "socket")?;
    GAIERROR.get(interp, |_| Ok(g))?;
    gilvm_vm::modules::util::run_embedded(interp, m, "<_socket>", CLASS_SRC)?;
    let d = Interp::module_dict(m)
        .cloned()
        .ok_or_else(|| interp.type_error("not a module"))?;
    let cls = match interp.dict_get_str(&d, &interp.intern("socket")) {
        Some(Value::Obj(c)) => c,
        _ => return Err(interp.runtime_error("cannot create _socket.socket")),
    };
    cls.make_immortal();
    let c2 = cls.clone();
    SOCKET_CLASS.get(interp, |_| Ok(c2))?;
    sock::add_methods(interp, &cls);
    interp.add_function(m, "getdefaulttimeout", getdefaulttimeout);
    interp.add_function(m, "setdefaulttimeout", setdefaulttimeout);
    sock::init_functions(interp, m);
    msg::init(interp, m);
    netdb::init(interp, m);
    Ok(())
}
