//! `select.epoll`: Linux's epoll(7) (what `selectors.DefaultSelector` picks, and so
//! asyncio's event loop). An epoll object owns one epoll descriptor (closed by
//! `close()`, or when the object is dropped); registrations live in the kernel, so the
//! object's state is only that descriptor, behind the object's lock. `poll()` waits
//! detached and, interrupted by a signal, runs the handlers and resumes with the time
//! that is left (PEP 475).
use std::time::{Duration, Instant};

use gilvm_object::{ObjRef, Value};
use gilvm_vm::modules::util::{self, native_obj, native_type};
use gilvm_vm::{Args, Interp, PyResult};

use crate::fcntl::fd_of;
use crate::posix::error;
use crate::structseq::Lazy;

static EPOLL_TYPE: Lazy = Lazy::new();

/// The epoll descriptor, -1 once closed.
struct Epoll(i32);

impl Drop for Epoll {
    fn drop(&mut self) {
        if self.0 >= 0 {
            // SAFETY: the object owns its descriptor.
            unsafe { libc::close(self.0) };
        }
    }
}

fn epoll_type(interp: &mut Interp) -> PyResult<ObjRef> {
    EPOLL_TYPE.get(interp, |interp| {
        let t = native_type(
            interp,
            "epoll",
            "select",
            &[
                ("close", close),
                ("fileno", fileno),
                ("register", register),
                ("modify", modify),
                ("unregister", unregister),
                ("poll", poll),
                ("__enter__", enter),
                ("__exit__", exit),
            ],
        );
        util::add_property(interp, &t, "closed", closed);
        gilvm_vm::builtins::add_static(interp, &t, "fromfd", fromfd);
        Ok(t)
    })
}

fn wrap(interp: &mut Interp, fd: i32) -> PyResult {
    let t = epoll_type(interp)?;
    Ok(native_obj(interp, &t, Epoll(fd)))
}

/// `epoll.__new__(cls, sizehint=-1, flags=0)`.
fn new_epoll(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().is_empty() {
        return Err(interp.type_error("epoll.__new__(): not enough arguments"));
    }
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "epoll", &["sizehint", "flags"], 0)?;
    if let Some(v) = &a[0] {
        let n = interp.index_value(v)?;
        if n == 0 || n < -1 {
            return Err(interp.value_error("negative sizehint"));
        }
    }
    // SAFETY: epoll_create1 with a flag.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(error::last(interp, None));
    }
    wrap(interp, fd)
}

fn fromfd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fromfd", 1, 2)?;
    let fd = interp.index_value(a.last().unwrap())?;
    wrap(interp, fd as i32)
}

/// The descriptor of open epoll object `me`.
fn fd(interp: &mut Interp, me: &Value) -> PyResult<i32> {
    match util::with_data::<Epoll, i32>(interp, me, |e| e.0) {
        Some(fd) if fd >= 0 => Ok(fd),
        Some(_) => Err(interp.value_error("I/O operation on closed epoll object")),
        None => Err(interp.type_error("descriptor requires a 'select.epoll' object")),
    }
}

fn close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    let fd = util::with_data::<Epoll, i32>(interp, &a[0], |e| std::mem::replace(&mut e.0, -1))
        .unwrap_or(-1);
    // SAFETY: the object owned `fd` and gave it up above.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = &args.pos()[0];
    let fd = util::with_data::<Epoll, i32>(interp, me, |e| e.0).unwrap_or(-1);
    Ok(Value::Bool(fd < 0))
}

fn fileno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fileno", 1, 1)?;
    Ok(Value::Int(fd(interp, &a[0])? as i64))
}

fn ctl(interp: &mut Interp, me: &Value, op: i32, target: i32, mask: u32) -> PyResult {
    let epfd = fd(interp, me)?;
    let mut ev = libc::epoll_event {
        events: mask,
        u64: target as u64,
    };
    // SAFETY: `ev` lives for the call.
    if unsafe { libc::epoll_ctl(epfd, op, target, &mut ev) } < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

fn mask_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<u32> {
    match v {
        None => Ok((libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32),
        Some(v) => {
            let m = interp.index_value(v)?;
            if !(0..=u32::MAX as i64).contains(&m) {
                return Err(
                    interp.overflow_error("Python int too large to convert to C unsigned int")
                );
            }
            Ok(m as u32)
        }
    }
}

fn register(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
        "register",
        &["fd", "eventmask"],
        1,
    )?;
    let target = fd_of(interp, a[0].as_ref().unwrap())?;
    let mask = mask_arg(interp, a[1].as_ref())?;
    ctl(interp, &args.all[0], libc::EPOLL_CTL_ADD, target, mask)
}

fn modify(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
        "modify",
        &["fd", "eventmask"],
        2,
    )?;
    let target = fd_of(interp, a[0].as_ref().unwrap())?;
    let mask = mask_arg(interp, a[1].as_ref())?;
    ctl(interp, &args.all[0], libc::EPOLL_CTL_MOD, target, mask)
}

fn unregister(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
        "unregister",
        &["fd"],
        1,
    )?;
    let target = fd_of(interp, a[0].as_ref().unwrap())?;
    ctl(interp, &args.all[0], libc::EPOLL_CTL_DEL, target, 0)
}

/// `poll(timeout=None, maxevents=-1)`: a list of (fd, events).
fn poll(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
        "poll",
        &["timeout", "maxevents"],
        0,
    )?;
    let me = args.all[0].clone();
    let timeout: Option<Duration> = match &a[0] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => {
            let s = match v {
                Value::Float(f) => *f,
                _ => {
                    if v.to_bigint().is_none() {
                        return Err(interp.type_error(format!(
                            "'{}' object cannot be interpreted as an integer or float",
                            interp.type_name(v)
                        )));
                    }
                    interp.index_value(v)? as f64
                }
            };
            if s.is_nan() {
                return Err(interp.value_error("Invalid value NaN (not a number)"));
            }
            if s < 0.0 {
                None
            } else {
                Some(
                    Duration::try_from_secs_f64(s)
                        .map_err(|_| interp.overflow_error("timeout is too large"))?,
                )
            }
        }
    };
    let maxevents = match &a[1] {
        None => -1,
        Some(v) => interp.index_value(v)?,
    };
    let maxevents = if maxevents == -1 {
        libc::FD_SETSIZE as i64 - 1
    } else if maxevents < 1 {
        return Err(
            interp.value_error(format!("maxevents must be greater than 0, got {maxevents}"))
        );
    } else {
        maxevents.min(1 << 20)
    };
    let epfd = fd(interp, &me)?;
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let deadline = timeout.map(|t| Instant::now() + t);
    let n = loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
            }
        };
        let ptr = evs.as_mut_ptr() as usize;
        let cap = evs.len() as i32;
        let wait = move || {
            // SAFETY: `ptr` addresses `cap` events that outlive the call.
            let r = unsafe { libc::epoll_wait(epfd, ptr as *mut libc::epoll_event, cap, ms) };
            (r, if r < 0 { error::last_errno() } else { 0 })
        };
        // A poll that cannot block need not release the interpreter.
        let (r, e) = if ms == 0 {
            wait()
        } else {
            gilvm_vm::threads::detach(interp, wait)
        };
        match (r, e) {
            (_, libc::EINTR) => gilvm_vm::modules::signal::run_pending(interp)?,
            (r, e) if r < 0 => return Err(error::from_errno(interp, e, None, None)),
            (r, _) => break r as usize,
        }
    };
    let out = evs[..n]
        .iter()
        .map(|ev| {
            let (data, events) = (ev.u64, ev.events);
            interp.new_tuple(vec![
                Value::Int(data as i32 as i64),
                Value::Int(events as i64),
            ])
        })
        .collect();
    Ok(interp.new_list(out))
}

fn enter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__enter__", 1, 1)?;
    fd(interp, &a[0])?;
    Ok(a[0].clone())
}

fn exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos()[0].clone();
    close(interp, Args::new(&[me]))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = epoll_type(interp)?;
    // `select.epoll(...)` creates one: the type's constructor.
    gilvm_vm::builtins::add_static(interp, &t, "__new__", new_epoll);
    interp.add_value(m, "epoll", Value::Obj(t));
    let consts: &[(&str, i64)] = &[
        ("EPOLLIN", libc::EPOLLIN as i64),
        ("EPOLLOUT", libc::EPOLLOUT as i64),
        ("EPOLLPRI", libc::EPOLLPRI as i64),
        ("EPOLLERR", libc::EPOLLERR as i64),
        ("EPOLLHUP", libc::EPOLLHUP as i64),
        ("EPOLLET", libc::EPOLLET as u32 as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
        ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
        ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
        ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
        ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
        ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
        ("EPOLLMSG", libc::EPOLLMSG as i64),
        ("EPOLLWAKEUP", libc::EPOLLWAKEUP as i64),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    Ok(())
}
