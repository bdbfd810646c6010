//! The `_socket.socket` methods, and `socketpair`, `dup`, `close`.
//!
//! Each method reads the socket's state ([`Info`], a copy taken under the state object's
//! lock) and runs its system call through [`call`], which implements the blocking /
//! timeout / non-blocking modes (see the module essay in mod.rs).
use std::time::{Duration, Instant};

use gilvm_object::{ObjRef, Value};
use gilvm_vm::modules::util::{self, native_obj, native_type};
use gilvm_vm::{Args, Interp, PyResult};

use super::addr::{self, Addr};
use crate::posix::args as pargs;
use crate::posix::error;
use crate::structseq::Lazy;

/// A socket's state (copied out of the state object for a call).
#[derive(Clone, Copy)]
pub struct Info {
    pub fd: i32,
    pub family: i32,
    pub kind: i32,
    pub proto: i32,
    /// Seconds; negative: blocking (timeout None).
    pub timeout: f64,
}

/// The native data of the state object; closes the descriptor when dropped.
pub struct Sock(pub Info);

impl Drop for Sock {
    fn drop(&mut self) {
        if self.0.fd >= 0 {
            // SAFETY: the socket owns its descriptor; nobody else closes it.
            unsafe { libc::close(self.0.fd) };
        }
    }
}

static STATE_TYPE: Lazy = Lazy::new();

const STATE: &str = "_gilvm_state";

/// The state object of socket `me`.
fn state(interp: &mut Interp, me: &Value) -> PyResult<Value> {
    let name = interp.intern(STATE);
    match interp.getattr_opt(me, &name)? {
        Some(v) if util::is_data::<Sock>(interp, &v) => Ok(v),
        _ => Err(error::from_errno(interp, libc::EBADF, None, None)),
    }
}

/// The state of socket `me`.
pub fn info(interp: &mut Interp, me: &Value) -> PyResult<Info> {
    let st = state(interp, me)?;
    Ok(util::with_data::<Sock, Info>(interp, &st, |s| s.0).unwrap())
}

fn update(interp: &mut Interp, me: &Value, f: impl FnOnce(&mut Info)) -> PyResult<()> {
    let st = state(interp, me)?;
    util::with_data::<Sock, ()>(interp, &st, |s| f(&mut s.0));
    Ok(())
}

/// Waits until `fd` is ready for `events`, or `deadline` (None: forever) passes:
/// Ok(false) when it passed.
pub fn wait_ready(
    interp: &mut Interp,
    fd: i32,
    events: i16,
    deadline: Option<Instant>,
) -> PyResult<bool> {
    loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
            }
        };
        let (r, e) = gilvm_vm::threads::detach(interp, move || {
            let mut p = libc::pollfd {
                fd,
                events,
                revents: 0,
            };
            // SAFETY: one pollfd on the stack.
            let r = unsafe { libc::poll(&mut p, 1, ms) };
            (r, if r < 0 { error::last_errno() } else { 0 })
        });
        match (r, e) {
            (_, libc::EINTR) => gilvm_vm::modules::signal::run_pending(interp)?,
            (r, e) if r < 0 => return Err(error::from_errno(interp, e, None, None)),
            (0, _) => return Ok(false),
            _ => return Ok(true),
        }
    }
}

fn deadline_of(s: &Info) -> Option<Instant> {
    (s.timeout > 0.0).then(|| {
        Instant::now() + Duration::try_from_secs_f64(s.timeout).unwrap_or(Duration::MAX / 4)
    })
}

/// Runs system call `op` (negative result: failure with errno) on socket `s`, per its
/// mode: detached on a blocking socket; after polling for `events` with a timeout;
/// once on a non-blocking socket. EINTR runs the signal handlers and retries.
pub fn call(
    interp: &mut Interp,
    s: &Info,
    events: i16,
    op: impl Fn() -> isize + Send + Sync,
) -> PyResult<isize> {
    if s.fd < 0 {
        return Err(error::from_errno(interp, libc::EBADF, None, None));
    }
    let deadline = deadline_of(s);
    loop {
        if let Some(d) = deadline {
            if !wait_ready(interp, s.fd, events, Some(d))? {
                return Err(super::timed_out(interp));
            }
        }
        let run = || {
            let r = op();
            (r, if r < 0 { error::last_errno() } else { 0 })
        };
        let (r, e) = if s.timeout == 0.0 {
            run()
        } else {
            gilvm_vm::threads::detach(interp, run)
        };
        if r >= 0 {
            return Ok(r);
        }
        match e {
            libc::EINTR => gilvm_vm::modules::signal::run_pending(interp)?,
            libc::EAGAIN if deadline.is_some() => {}
            _ => return Err(error::from_errno(interp, e, None, None)),
        }
    }
}

/// A timeout argument: None (-1), or seconds >= 0.
pub fn timeout_arg(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let t = match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        _ => {
            if let Some(b) = v.to_bigint() {
                use num_traits::ToPrimitive;
                b.to_f64().unwrap_or(f64::INFINITY)
            } else {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer or float",
                    interp.type_name(v)
                )));
            }
        }
    };
    if t.is_nan() {
        return Err(interp.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(interp.value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn set_nonblocking(fd: i32, on: bool) -> Result<(), i32> {
    // SAFETY: fcntl on an integer descriptor.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if fl < 0 {
        return Err(error::last_errno());
    }
    let nfl = if on {
        fl | libc::O_NONBLOCK
    } else {
        fl & !libc::O_NONBLOCK
    };
    // SAFETY: as above.
    if nfl != fl && unsafe { libc::fcntl(fd, libc::F_SETFL, nfl) } < 0 {
        return Err(error::last_errno());
    }
    Ok(())
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are valid for the call.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            opt,
            &mut v as *mut libc::c_int as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        Err(error::last_errno())
    } else {
        Ok(v)
    }
}

fn int_opt(interp: &mut Interp, v: Option<&Value>, default: i32) -> PyResult<i32> {
    match v {
        None => Ok(default),
        Some(v) => pargs::int(interp, v),
    }
}

// ---- construction ----

fn sock_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some((me, rest)) = args.pos().split_first() else {
        return Err(interp.type_error("socket.__init__ needs an argument"));
    };
    let rest_args = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let _ = rest;
    let a = util::bind(
        interp,
        &rest_args,
        "socket",
        &["family", "type", "proto", "fileno"],
        0,
    )?;
    let mut family = int_opt(interp, a[0].as_ref(), -1)?;
    let mut kind = int_opt(interp, a[1].as_ref(), -1)?;
    let mut proto = int_opt(interp, a[2].as_ref(), -1)?;
    let fileno = a[3].clone().filter(|v| !v.is_none());
    let fd = match fileno {
        Some(f) => {
            if matches!(f, Value::Float(_)) {
                return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
            }
            let fd = pargs::int(interp, &f)?;
            if fd < 0 {
                return Err(interp.value_error("negative file descriptor"));
            }
            if family == -1 {
                family = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN)
                    .map_err(|e| error::from_errno(interp, e, None, None))?;
            }
            if kind == -1 {
                kind = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE)
                    .map_err(|e| error::from_errno(interp, e, None, None))?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL)
                    .map_err(|e| error::from_errno(interp, e, None, None))?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket(2) on integers.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(error::last(interp, None));
            }
            fd
        }
    };
    let mut timeout = super::default_timeout();
    if kind & libc::SOCK_NONBLOCK != 0 {
        timeout = 0.0;
    }
    let kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    if timeout >= 0.0 {
        if let Err(e) = set_nonblocking(fd, true) {
            return Err(error::from_errno(interp, e, None, None));
        }
    }
    let t = state_type(interp)?;
    let st = native_obj(
        interp,
        &t,
        Sock(Info {
            fd,
            family,
            kind,
            proto,
            timeout,
        }),
    );
    let name = interp.intern(STATE);
    interp.setattr(me, &name, st)?;
    Ok(Value::None)
}

fn state_type(interp: &mut Interp) -> PyResult<ObjRef> {
    STATE_TYPE.get(interp, |interp| {
        Ok(native_type(interp, "socket_state", "_socket", &[]))
    })
}

/// A new `_socket.socket` owning `fd`.
pub fn new_socket(interp: &mut Interp, family: i32, kind: i32, proto: i32, fd: i32) -> PyResult {
    let cls = super::socket_class(interp)?;
    let kw = [interp.new_str("fileno")];
    let all = [
        Value::Int(family as i64),
        Value::Int(kind as i64),
        Value::Int(proto as i64),
        Value::Int(fd as i64),
    ];
    interp.call(
        &Value::Obj(cls),
        Args {
            all: &all,
            kwnames: &kw,
        },
    )
}

// ---- simple methods ----

fn me_only<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let a = args.exact(interp, name, 1, 1)?;
    Ok(&a[0])
}

fn fileno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "fileno")?;
    Ok(Value::Int(info(interp, me)?.fd as i64))
}

fn family(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = &args.pos()[0];
    Ok(Value::Int(info(interp, me)?.family as i64))
}

fn kind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = &args.pos()[0];
    Ok(Value::Int(info(interp, me)?.kind as i64))
}

fn proto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = &args.pos()[0];
    Ok(Value::Int(info(interp, me)?.proto as i64))
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 {
        Value::None
    } else {
        Value::Float(t)
    }
}

fn timeout_prop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = &args.pos()[0];
    Ok(timeout_value(info(interp, me)?.timeout))
}

fn gettimeout(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "gettimeout")?;
    Ok(timeout_value(info(interp, me)?.timeout))
}

fn apply_timeout(interp: &mut Interp, me: &Value, t: f64) -> PyResult {
    let s = info(interp, me)?;
    update(interp, me, |s| s.timeout = t)?;
    if s.fd >= 0 {
        if let Err(e) = set_nonblocking(s.fd, t >= 0.0) {
            return Err(error::from_errno(interp, e, None, None));
        }
    }
    Ok(Value::None)
}

fn settimeout(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "settimeout", 2, 2)?;
    let t = timeout_arg(interp, &a[1])?;
    apply_timeout(interp, &a[0], t)
}

fn setblocking(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setblocking", 2, 2)?;
    let block = interp.truthy(&a[1])?;
    apply_timeout(interp, &a[0], if block { -1.0 } else { 0.0 })
}

fn getblocking(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "getblocking")?;
    Ok(Value::Bool(info(interp, me)?.timeout != 0.0))
}

fn close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "close")?;
    let Ok(st) = state(interp, me) else {
        return Ok(Value::None);
    };
    let fd = util::with_data::<Sock, i32>(interp, &st, |s| std::mem::replace(&mut s.0.fd, -1))
        .unwrap_or(-1);
    if fd >= 0 {
        // SAFETY: the socket owned `fd` and gave it up above.
        if unsafe { libc::close(fd) } < 0 {
            let e = error::last_errno();
            if e != libc::ECONNRESET {
                return Err(error::from_errno(interp, e, None, None));
            }
        }
    }
    Ok(Value::None)
}

fn detach(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "detach")?;
    let st = state(interp, me)?;
    let fd = util::with_data::<Sock, i32>(interp, &st, |s| std::mem::replace(&mut s.0.fd, -1))
        .unwrap_or(-1);
    Ok(Value::Int(fd as i64))
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "__repr__")?;
    let s = info(interp, me)?;
    Ok(interp.new_str(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd, s.family, s.kind, s.proto
    )))
}

// ---- addresses, connections ----

fn bind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "bind", 2, 2)?;
    let s = info(interp, &a[0])?;
    let ad = addr::parse(interp, s.family, &a[1], "bind")?;
    // SAFETY: `ad` holds a valid address of `ad.len` bytes.
    let r = unsafe { libc::bind(s.fd, ad.ptr(), ad.len) };
    if r < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn listen(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "listen", 1, 2)?;
    let s = info(interp, &a[0])?;
    let backlog = match a.get(1) {
        Some(v) => pargs::int(interp, v)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: listen(2) on integers.
    if unsafe { libc::listen(s.fd, backlog) } < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn accept(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me_only(interp, &args, "_accept")?;
    let s = info(interp, me)?;
    let mut ad = Addr::buffer();
    let ap = &mut ad as *mut Addr as usize;
    let fd = s.fd;
    let r = call(interp, &s, libc::POLLIN, move || {
        let ad = ap as *mut Addr;
        // SAFETY: `ad` lives on the caller's stack until `call` returns; only this
        // closure touches it meanwhile.
        unsafe {
            (*ad).len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            libc::accept4(fd, (*ad).ptr_mut(), &mut (*ad).len, libc::SOCK_CLOEXEC) as isize
        }
    })?;
    let a = addr::to_value(interp, &ad)?;
    Ok(interp.new_tuple(vec![Value::Int(r as i64), a]))
}

/// connect(2) with the socket's mode: Ok(0) or Ok(errno) of a failed connection.
fn do_connect(interp: &mut Interp, s: &Info, ad: &Addr) -> PyResult<i32> {
    if s.fd < 0 {
        return Ok(libc::EBADF);
    }
    let fd = s.fd;
    let a = *ad;
    let go = move || {
        // SAFETY: `a` is a valid address of `a.len` bytes.
        let r = unsafe { libc::connect(fd, a.ptr(), a.len) };
        if r < 0 {
            error::last_errno()
        } else {
            0
        }
    };
    let e = if s.timeout == 0.0 {
        go()
    } else {
        gilvm_vm::threads::detach(interp, go)
    };
    let wait = match e {
        0 => return Ok(0),
        libc::EINTR => {
            gilvm_vm::modules::signal::run_pending(interp)?;
            s.timeout != 0.0
        }
        libc::EINPROGRESS => s.timeout > 0.0,
        e => return Ok(e),
    };
    if !wait {
        return Ok(e);
    }
    if !wait_ready(interp, fd, libc::POLLOUT, deadline_of(s))? {
        return Err(super::timed_out(interp));
    }
    match getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR) {
        Ok(v) => Ok(v),
        Err(e) => Ok(e),
    }
}

fn connect(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "connect", 2, 2)?;
    let s = info(interp, &a[0])?;
    let ad = addr::parse(interp, s.family, &a[1], "connect")?;
    match do_connect(interp, &s, &ad)? {
        0 => Ok(Value::None),
        e => Err(error::from_errno(interp, e, None, None)),
    }
}

fn connect_ex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "connect_ex", 2, 2)?;
    let s = info(interp, &a[0])?;
    let ad = addr::parse(interp, s.family, &a[1], "connect_ex")?;
    Ok(Value::Int(do_connect(interp, &s, &ad)? as i64))
}

fn name_of(interp: &mut Interp, args: Args<'_>, peer: bool) -> PyResult {
    let me = me_only(
        interp,
        &args,
        if peer { "getpeername" } else { "getsockname" },
    )?;
    let s = info(interp, me)?;
    let mut ad = Addr::buffer();
    // SAFETY: `ad` is a buffer of `ad.len` bytes.
    let r = unsafe {
        if peer {
            libc::getpeername(s.fd, ad.ptr_mut(), &mut ad.len)
        } else {
            libc::getsockname(s.fd, ad.ptr_mut(), &mut ad.len)
        }
    };
    if r < 0 {
        return Err(error::last(interp, None));
    }
    if ad.len == 0 && s.family == libc::AF_UNIX {
        return Ok(interp.new_str(""));
    }
    addr::to_value(interp, &ad)
}

fn getsockname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    name_of(interp, args, false)
}

fn getpeername(interp: &mut Interp, args: Args<'_>) -> PyResult {
    name_of(interp, args, true)
}

fn shutdown(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "shutdown", 2, 2)?;
    let s = info(interp, &a[0])?;
    let how = pargs::int(interp, &a[1])?;
    // SAFETY: shutdown(2) on integers.
    if unsafe { libc::shutdown(s.fd, how) } < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn setsockopt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setsockopt", 4, 5)?;
    let s = info(interp, &a[0])?;
    let level = pargs::int(interp, &a[1])?;
    let opt = pargs::int(interp, &a[2])?;
    let r = if a.len() == 5 {
        if !a[3].is_none() {
            return Err(
                interp.type_error("setsockopt() takes 3 or 4 arguments, with a None value when 4")
            );
        }
        let len = pargs::int(interp, &a[4])? as libc::socklen_t;
        // SAFETY: a NULL value with a length, as the caller asks (AF_ALG).
        unsafe { libc::setsockopt(s.fd, level, opt, std::ptr::null(), len) }
    } else if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, &a[3]) {
        let b = b.into_owned();
        // SAFETY: `b` is readable for its length.
        unsafe {
            libc::setsockopt(
                s.fd,
                level,
                opt,
                b.as_ptr() as *const libc::c_void,
                b.len() as libc::socklen_t,
            )
        }
    } else {
        let v = pargs::int(interp, &a[3])?;
        // SAFETY: `v` is a c_int on the stack.
        unsafe {
            libc::setsockopt(
                s.fd,
                level,
                opt,
                &v as *const i32 as *const libc::c_void,
                std::mem::size_of::<i32>() as libc::socklen_t,
            )
        }
    };
    if r < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn getsockopt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getsockopt", 3, 4)?;
    let s = info(interp, &a[0])?;
    let level = pargs::int(interp, &a[1])?;
    let opt = pargs::int(interp, &a[2])?;
    match a.get(3) {
        None => match getsockopt_int(s.fd, level, opt) {
            Ok(v) => Ok(Value::Int(v as i64)),
            Err(e) => Err(error::from_errno(interp, e, None, None)),
        },
        Some(n) => {
            let n = pargs::int(interp, n)?;
            if !(1..=1024).contains(&n) {
                return Err(interp.err(
                    &interp.g.exc.os_error.clone(),
                    "getsockopt buflen out of range",
                ));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: `buf` is writable for `len` bytes.
            let r = unsafe {
                libc::getsockopt(
                    s.fd,
                    level,
                    opt,
                    buf.as_mut_ptr() as *mut libc::c_void,
                    &mut len,
                )
            };
            if r < 0 {
                return Err(error::last(interp, None));
            }
            buf.truncate(len as usize);
            Ok(pargs::new_bytes(interp, &buf))
        }
    }
}

// ---- data ----

fn size_arg(interp: &mut Interp, v: &Value, what: &str) -> PyResult<usize> {
    let n = pargs::long(interp, v)?;
    if n < 0 {
        return Err(interp.value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

/// recv/recvfrom into a new buffer of `n` bytes: (bytes received, address).
fn recv_raw(
    interp: &mut Interp,
    s: &Info,
    n: usize,
    flags: i32,
    from: bool,
) -> PyResult<(Vec<u8>, Option<Addr>)> {
    let mut buf = crate::posix::fd::zeroed_buf(interp, n)?;
    let mut ad = Addr::buffer();
    let bp = buf.as_mut_ptr() as usize;
    let ap = &mut ad as *mut Addr as usize;
    let fd = s.fd;
    let got = call(interp, s, libc::POLLIN, move || {
        // SAFETY: `bp` is writable for `n` bytes and `ap` is the caller's Addr; both
        // outlive `call` and only this closure touches them meanwhile.
        unsafe {
            if from {
                let ad = ap as *mut Addr;
                (*ad).len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
                libc::recvfrom(
                    fd,
                    bp as *mut libc::c_void,
                    n,
                    flags,
                    (*ad).ptr_mut(),
                    &mut (*ad).len,
                )
            } else {
                libc::recv(fd, bp as *mut libc::c_void, n, flags)
            }
        }
    })?;
    buf.truncate(got as usize);
    Ok((buf, from.then_some(ad)))
}

fn recv(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "recv", 2, 3)?;
    let s = info(interp, &a[0])?;
    let n = size_arg(interp, &a[1], "recv")?;
    let flags = int_opt(interp, a.get(2), 0)?;
    let (b, _) = recv_raw(interp, &s, n, flags, false)?;
    Ok(crate::common::new_bytes(interp, b))
}

fn recvfrom(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "recvfrom", 2, 3)?;
    let s = info(interp, &a[0])?;
    let n = size_arg(interp, &a[1], "recvfrom")?;
    let flags = int_opt(interp, a.get(2), 0)?;
    let (b, ad) = recv_raw(interp, &s, n, flags, true)?;
    let b = crate::common::new_bytes(interp, b);
    let ad = match ad {
        Some(ad) => addr::to_value(interp, &ad)?,
        None => Value::None,
    };
    Ok(interp.new_tuple(vec![b, ad]))
}

fn into_common(interp: &mut Interp, args: Args<'_>, name: &str, from: bool) -> PyResult {
    let a = util::bind(
        interp,
        &Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
        name,
        &["buffer", "nbytes", "flags"],
        1,
    )?;
    let me = &args.all[0];
    let s = info(interp, me)?;
    let buf = a[0].clone().unwrap();
    let cap = gilvm_vm::io::writable_len(interp, &buf).map_err(|_| {
        interp.type_error(format!(
            "{name}() argument 'buffer' must be read-write bytes-like object, not {}",
            interp.type_name(&buf)
        ))
    })?;
    let mut n = match &a[1] {
        Some(v) => pargs::long(interp, v)?,
        None => 0,
    };
    if n < 0 {
        return Err(interp.value_error(format!("negative buffersize in {name}")));
    }
    if n == 0 {
        n = cap as i64;
    } else if n as usize > cap {
        return Err(interp.value_error(format!("buffer too small for requested bytes")));
    }
    let flags = int_opt(interp, a[2].as_ref(), 0)?;
    let (data, ad) = recv_raw(interp, &s, n as usize, flags, from)?;
    let got = data.len();
    gilvm_vm::io::fill_buffer(interp, &buf, data)?;
    match ad {
        Some(ad) => {
            let ad = addr::to_value(interp, &ad)?;
            Ok(interp.new_tuple(vec![Value::Int(got as i64), ad]))
        }
        None => Ok(Value::Int(got as i64)),
    }
}

fn recv_into(interp: &mut Interp, args: Args<'_>) -> PyResult {
    into_common(interp, args, "recv_into", false)
}

fn recvfrom_into(interp: &mut Interp, args: Args<'_>) -> PyResult {
    into_common(interp, args, "recvfrom_into", true)
}

/// send/sendto of `data` once: the count sent.
fn send_raw(
    interp: &mut Interp,
    s: &Info,
    data: &[u8],
    flags: i32,
    to: Option<&Addr>,
) -> PyResult<usize> {
    let dp = data.as_ptr() as usize;
    let n = data.len();
    let fd = s.fd;
    let to = to.copied();
    let r = call(interp, s, libc::POLLOUT, move || {
        // SAFETY: `dp` is readable for `n` bytes for the whole call.
        unsafe {
            match &to {
                Some(a) => libc::sendto(
                    fd,
                    dp as *const libc::c_void,
                    n,
                    flags | libc::MSG_NOSIGNAL,
                    a.ptr(),
                    a.len,
                ),
                None => libc::send(fd, dp as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL),
            }
        }
    })?;
    Ok(r as usize)
}

fn send(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "send", 2, 3)?;
    let s = info(interp, &a[0])?;
    let data = crate::common::buffer_arg(interp, &a[1])?.into_owned();
    let flags = int_opt(interp, a.get(2), 0)?;
    Ok(Value::Int(send_raw(interp, &s, &data, flags, None)? as i64))
}

fn sendall(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sendall", 2, 3)?;
    let s = info(interp, &a[0])?;
    let data = crate::common::buffer_arg(interp, &a[1])?.into_owned();
    let flags = int_opt(interp, a.get(2), 0)?;
    let deadline = deadline_of(&s);
    let mut off = 0;
    while off < data.len() {
        let mut cur = s;
        if let Some(d) = deadline {
            let left = d.saturating_duration_since(Instant::now()).as_secs_f64();
            if left <= 0.0 {
                return Err(super::timed_out(interp));
            }
            cur.timeout = left;
        }
        off += send_raw(interp, &cur, &data[off..], flags, None)?;
        gilvm_vm::modules::signal::run_pending(interp)?;
    }
    Ok(Value::None)
}

fn sendto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sendto", 3, 4)?;
    let s = info(interp, &a[0])?;
    let data = crate::common::buffer_arg(interp, &a[1])?.into_owned();
    let (flags, target) = if a.len() == 4 {
        (pargs::int(interp, &a[2])?, &a[3])
    } else {
        (0, &a[2])
    };
    let ad = addr::parse(interp, s.family, target, "sendto")?;
    Ok(Value::Int(
        send_raw(interp, &s, &data, flags, Some(&ad))? as i64
    ))
}

// ---- module functions ----

fn socketpair(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "socketpair", 0, 3)?;
    let family = int_opt(interp, a.first(), libc::AF_UNIX)?;
    let kind = int_opt(interp, a.get(1), libc::SOCK_STREAM)?;
    let proto = int_opt(interp, a.get(2), 0)?;
    let mut fds = [-1i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    let r = unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) };
    if r < 0 {
        return Err(error::last(interp, None));
    }
    let x = new_socket(interp, family, kind, proto, fds[0]);
    let x = match x {
        Ok(x) => x,
        Err(e) => {
            // SAFETY: both descriptors are ours and not yet owned by a socket.
            unsafe {
                libc::close(fds[0]);
                libc::close(fds[1]);
            }
            return Err(e);
        }
    };
    let y = new_socket(interp, family, kind, proto, fds[1]);
    let y = match y {
        Ok(y) => y,
        Err(e) => {
            // SAFETY: the second descriptor is ours.
            unsafe { libc::close(fds[1]) };
            return Err(e);
        }
    };
    Ok(interp.new_tuple(vec![x, y]))
}

fn dup(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "dup", 1, 1)?;
    let fd = pargs::int(interp, &a[0])?;
    // SAFETY: fcntl on an integer descriptor.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::Int(r as i64))
}

fn close_fd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    let fd = pargs::int(interp, &a[0])?;
    // SAFETY: closing an integer descriptor, as the caller asks.
    if unsafe { libc::close(fd) } < 0 {
        let e = error::last_errno();
        if e != libc::ECONNRESET {
            return Err(error::from_errno(interp, e, None, None));
        }
    }
    Ok(Value::None)
}

pub fn add_methods(interp: &mut Interp, cls: &ObjRef) {
    let methods: &[(&'static str, gilvm_vm::interp::NativeFn)] = &[
        ("__init__", sock_init),
        ("__repr__", repr),
        ("_accept", accept),
        ("bind", bind),
        ("close", close),
        ("connect", connect),
        ("connect_ex", connect_ex),
        ("detach", detach),
        ("fileno", fileno),
        ("getpeername", getpeername),
        ("getsockname", getsockname),
        ("getsockopt", getsockopt),
        ("setsockopt", setsockopt),
        ("listen", listen),
        ("recv", recv),
        ("recvfrom", recvfrom),
        ("recv_into", recv_into),
        ("recvfrom_into", recvfrom_into),
        ("send", send),
        ("sendall", sendall),
        ("sendto", sendto),
        ("setblocking", setblocking),
        ("getblocking", getblocking),
        ("settimeout", settimeout),
        ("gettimeout", gettimeout),
        ("shutdown", shutdown),
        ("sendmsg", super::msg::sendmsg),
        ("recvmsg", super::msg::recvmsg),
    ];
    for (n, f) in methods {
        gilvm_vm::builtins::add_method(interp, cls, n, *f);
    }
    gilvm_vm::io::add_getter(interp, cls, "family", family);
    gilvm_vm::io::add_getter(interp, cls, "type", kind);
    gilvm_vm::io::add_getter(interp, cls, "proto", proto);
    gilvm_vm::io::add_getter(interp, cls, "timeout", timeout_prop);
}

pub fn init_functions(interp: &mut Interp, m: &ObjRef) {
    interp.add_function(m, "socketpair", socketpair);
    interp.add_function(m, "dup", dup);
    interp.add_function(m, "close", close_fd);
}
