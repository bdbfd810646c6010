//! The `select` module: `select()`, `poll` objects and `epoll` objects (epoll.rs; what
//! `selectors` and `subprocess` use on Linux: `selectors.DefaultSelector` is
//! `EpollSelector`, as on CPython). `select()` is built on poll(2), so descriptors above
//! FD_SETSIZE work. The waits run detached from the interpreter; a wait interrupted by a
//! signal runs the handlers and resumes with the time that is left (PEP 475).
use std::time::{Duration, Instant};

use gilvm_object::{ObjRef, Value};
use gilvm_vm::modules::util::{self, native_obj, native_type};
use gilvm_vm::{Args, Interp, PyResult};

use crate::fcntl::fd_of;
use crate::posix::error;
use crate::structseq::Lazy;

/// poll(2) on `fds`, detached, retried on EINTR with the remaining time; `None` waits
/// forever.
pub(crate) fn wait(
    interp: &mut Interp,
    fds: &mut [libc::pollfd],
    timeout: Option<Duration>,
) -> PyResult<()> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                // Round up: never wake before the deadline.
                let ms = left.as_nanos().div_ceil(1_000_000);
                ms.min(i32::MAX as u128) as i32
            }
        };
        let ptr = fds.as_mut_ptr() as usize;
        let n = fds.len();
        let r = gilvm_vm::threads::detach(interp, move || {
            // SAFETY: `ptr` points to `n` pollfds that outlive the call (the caller's
            // slice, not touched by anyone else meanwhile).
            let r = unsafe { libc::poll(ptr as *mut libc::pollfd, n as libc::nfds_t, ms) };
            if r < 0 {
                error::last_errno()
            } else {
                0
            }
        });
        match r {
            0 => return Ok(()),
            libc::EINTR => gilvm_vm::modules::signal::run_pending(interp)?,
            e => return Err(error::from_errno(interp, e, None, None)),
        }
    }
}

/// A `select()`/`poll()` timeout in seconds (None: forever).
fn seconds(interp: &mut Interp, v: &Value) -> PyResult<Option<Duration>> {
    if v.is_none() {
        return Ok(None);
    }
    let s = match v {
        Value::Float(f) => *f,
        _ => {
            if v.to_bigint().is_none() {
                return Err(interp.type_error("timeout must be a float or None"));
            }
            interp.index_value(v)? as f64
        }
    };
    if s.is_nan() {
        return Err(interp.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(interp.value_error("timeout must be non-negative"));
    }
    Duration::try_from_secs_f64(s)
        .map(Some)
        .map_err(|_| interp.overflow_error("timeout is too large"))
}

fn select(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "select", 3, 4)?;
    let timeout = match a.get(3) {
        Some(v) => seconds(interp, v)?,
        None => None,
    };
    // Each list's objects with their descriptors.
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::new();
    for l in &a[..3] {
        let items = interp.collect(l)?;
        let mut v = Vec::with_capacity(items.len());
        for it in items {
            let fd = fd_of(interp, &it)?;
            v.push((it, fd));
        }
        lists.push(v);
    }
    let mut fds: Vec<libc::pollfd> = Vec::new();
    let masks = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    for (l, mask) in lists.iter().zip(masks) {
        for (_, fd) in l {
            match fds.iter_mut().find(|p| p.fd == *fd) {
                Some(p) => p.events |= mask,
                None => fds.push(libc::pollfd {
                    fd: *fd,
                    events: mask,
                    revents: 0,
                }),
            }
        }
    }
    wait(interp, &mut fds, timeout)?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(error::from_errno(interp, libc::EBADF, None, None));
    }
    let ready = [
        libc::POLLIN | libc::POLLHUP | libc::POLLERR,
        libc::POLLOUT | libc::POLLERR,
        libc::POLLPRI,
    ];
    let mut out = Vec::with_capacity(3);
    for (l, want) in lists.iter().zip(ready) {
        let items = l
            .iter()
            .filter(|(_, fd)| {
                fds.iter()
                    .any(|p| p.fd == *fd && p.revents & want != 0 && p.events & want != 0)
            })
            .map(|(v, _)| v.clone())
            .collect();
        out.push(interp.new_list(items));
    }
    Ok(interp.new_tuple(out))
}

// ---- poll objects ----

static POLL_TYPE: Lazy = Lazy::new();

/// A poll object's registrations, in registration order.
struct Poll {
    fds: Vec<(i32, i16)>,
    polling: bool,
}

fn poll_type(interp: &mut Interp) -> PyResult<ObjRef> {
    POLL_TYPE.get(interp, |interp| {
        Ok(native_type(
            interp,
            "poll",
            "select",
            &[
                ("register", poll_register),
                ("modify", poll_modify),
                ("unregister", poll_unregister),
                ("poll", poll_poll),
            ],
        ))
    })
}

fn new_poll(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "poll", 0, 0)?;
    let t = poll_type(interp)?;
    Ok(native_obj(
        interp,
        &t,
        Poll {
            fds: Vec::new(),
            polling: false,
        },
    ))
}

fn poll_mask(interp: &mut Interp, v: Option<&Value>) -> PyResult<i16> {
    match v {
        None => Ok(libc::POLLIN | libc::POLLPRI | libc::POLLOUT),
        Some(v) => {
            let m = interp.index_value(v)?;
            if !(0..=0xffff).contains(&m) {
                return Err(interp.overflow_error("Python int too large for C unsigned short"));
            }
            Ok(m as u16 as i16)
        }
    }
}

fn poll_register(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "register", 2, 3)?;
    let fd = fd_of(interp, &a[1])?;
    let mask = poll_mask(interp, a.get(2))?;
    util::with_data::<Poll, ()>(interp, &a[0], |p| {
        match p.fds.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => e.1 = mask,
            None => p.fds.push((fd, mask)),
        }
    });
    Ok(Value::None)
}

fn poll_modify(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "modify", 3, 3)?;
    let fd = fd_of(interp, &a[1])?;
    let mask = poll_mask(interp, a.get(2))?;
    let found = util::with_data::<Poll, bool>(interp, &a[0], |p| {
        match p.fds.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => {
                e.1 = mask;
                true
            }
            None => false,
        }
    });
    if found != Some(true) {
        return Err(error::from_errno(interp, libc::ENOENT, None, None));
    }
    Ok(Value::None)
}

fn poll_unregister(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "unregister", 2, 2)?;
    let fd = fd_of(interp, &a[1])?;
    let found = util::with_data::<Poll, bool>(interp, &a[0], |p| {
        let before = p.fds.len();
        p.fds.retain(|(f, _)| *f != fd);
        p.fds.len() != before
    });
    if found != Some(true) {
        let ke = interp.g.exc.key_error.clone();
        return Err(gilvm_vm::PyErr(
            interp.new_exception(&ke, vec![Value::Int(fd as i64)]),
        ));
    }
    Ok(Value::None)
}

fn poll_poll(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "poll", 1, 2)?;
    let timeout = match a.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            let ms = match v {
                Value::Float(f) => f.ceil(),
                _ => {
                    if v.to_bigint().is_none() {
                        return Err(interp.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            interp.type_name(v)
                        )));
                    }
                    interp.index_value(v)? as f64
                }
            };
            if ms < 0.0 {
                None
            } else {
                Some(Duration::from_millis(ms as u64))
            }
        }
    };
    let me = a[0].clone();
    let fds = util::with_data::<Poll, Option<Vec<(i32, i16)>>>(interp, &me, |p| {
        if p.polling {
            return None;
        }
        p.polling = true;
        Some(p.fds.clone())
    });
    let Some(Some(regs)) = fds else {
        return Err(interp.runtime_error("concurrent poll() invocation"));
    };
    let mut fds: Vec<libc::pollfd> = regs
        .iter()
        .map(|(fd, ev)| libc::pollfd {
            fd: *fd,
            events: *ev,
            revents: 0,
        })
        .collect();
    let r = wait(interp, &mut fds, timeout);
    util::with_data::<Poll, ()>(interp, &me, |p| p.polling = false);
    r?;
    let out = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            interp.new_tuple(vec![
                Value::Int(p.fd as i64),
                Value::Int(p.revents as u16 as i64),
            ])
        })
        .collect();
    Ok(interp.new_list(out))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "select", select);
    interp.add_function(m, "poll", new_poll);
    let consts: &[(&str, i64)] = &[
        ("POLLIN", libc::POLLIN as i64),
        ("POLLPRI", libc::POLLPRI as i64),
        ("POLLOUT", libc::POLLOUT as i64),
        ("POLLERR", libc::POLLERR as i64),
        ("POLLHUP", libc::POLLHUP as i64),
        ("POLLNVAL", libc::POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP as i64),
        ("PIPE_BUF", libc::PIPE_BUF as i64),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    let e = Value::Obj(interp.g.exc.os_error.clone());
    interp.add_value(m, "error", e);
    crate::epoll::init(interp, m)?;
    Ok(())
}
