//! `_multiprocessing` (what `multiprocessing.synchronize` needs of CPython's
//! `Modules/_multiprocessing/semaphore.c`) and `_posixshmem` (`shm_open`/`shm_unlink` for
//! `multiprocessing.shared_memory`).
//!
//! # SemLock
//! A `SemLock` wraps a POSIX named semaphore (`sem_open`), which every process that
//! inherits or re-opens it shares: `multiprocessing.Lock`, `RLock`, `Semaphore`,
//! `BoundedSemaphore`, `Condition` and `Event` are built on it, and `Queue` uses one to
//! count free slots. A forked child inherits the mapping and rebuilds the object from the
//! raw `handle` (`_rebuild`); a spawned one re-opens the semaphore by `name`.
//!
//! Per object it keeps, as CPython does, the kind (`RECURSIVE_MUTEX` 0 or `SEMAPHORE` 1),
//! the `count` of acquisitions by the owning thread and that thread's id (`last_tid`):
//! a recursive mutex re-acquired by its owner only counts.
//!
//! # Invariants
//! * The bookkeeping (`count`, `last_tid`) lives in the native object's data, read and
//!   written in one critical section of its object lock (so it is atomic on the
//!   free-threaded build too); the semaphore itself is only touched by the sem_* calls.
//! * A wait that may block (`sem_wait`/`sem_timedwait`) runs detached from the VM; an
//!   interrupted wait runs the signal handlers and continues (PEP 475).
//! * The semaphore is closed (`sem_close`) when the object is dropped, never unlinked:
//!   unlinking is `sem_unlink`'s (the resource tracker's) job.
use std::ffi::CString;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::builtins::{add_classmethod, add_static};
use gilvm_vm::modules::util;
use gilvm_vm::{Args, Interp, PyResult};

use crate::posix::error;

const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;

/// The native data of a `SemLock`.
struct SemLock {
    /// The `sem_t *` (as an address; shared memory mapped by `sem_open`).
    handle: usize,
    /// Whether this object opened the handle (and closes it); a handle rebuilt from an
    /// inherited address belongs to the object it was inherited from.
    owned: bool,
    kind: i64,
    maxvalue: i64,
    name: Option<String>,
    count: i64,
    last_tid: u64,
}

impl Drop for SemLock {
    fn drop(&mut self) {
        if self.owned && self.handle != 0 {
            // SAFETY: `handle` came from a successful sem_open (or was inherited through
            // fork as such) and is closed once, here.
            unsafe { libc::sem_close(self.handle as *mut libc::sem_t) };
        }
    }
}

fn tid() -> u64 {
    gilvm_sync::thread::current_thread_id()
}

fn name_cstring(interp: &mut Interp, v: &Value) -> PyResult<CString> {
    let s = interp.str_string(v)?;
    CString::new(s).map_err(|_| interp.value_error("embedded null character"))
}

fn sem_type(interp: &mut Interp, m: &ObjRef) -> PyResult<ObjRef> {
    let t = util::native_type(
        interp,
        "SemLock",
        "_multiprocessing",
        &[
            ("acquire", acquire),
            ("release", release),
            ("__enter__", acquire),
            ("__exit__", exit),
            ("_count", count),
            ("_is_mine", is_mine),
            ("_get_value", get_value),
            ("_is_zero", is_zero),
            ("_after_fork", after_fork),
        ],
    );
    add_static(interp, &t, "__new__", semlock_new);
    add_classmethod(interp, &t, "_rebuild", rebuild);
    util::add_property(interp, &t, "handle", p_handle);
    util::add_property(interp, &t, "kind", p_kind);
    util::add_property(interp, &t, "maxvalue", p_maxvalue);
    util::add_property(interp, &t, "name", p_name);
    util::set_attr(
        interp,
        &t,
        "SEM_VALUE_MAX",
        Value::Int(libc::c_int::MAX as i64),
    );
    interp.add_value(m, "SemLock", Value::Obj(t.clone()));
    Ok(t)
}

fn class_arg(interp: &mut Interp, args: &Args<'_>) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => Ok(t.clone()),
        _ => Err(interp.type_error("SemLock.__new__(X): X is not a type object")),
    }
}

/// `SemLock(kind, value, maxvalue, name, unlink)`.
fn semlock_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = class_arg(interp, &args)?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(
        interp,
        &rest,
        "SemLock",
        &["kind", "value", "maxvalue", "name", "unlink"],
        5,
    )?;
    let get = |i: usize| a[i].clone().unwrap_or(Value::None);
    let kind = interp.index_value(&get(0))?;
    let value = interp.index_value(&get(1))?;
    let maxvalue = interp.index_value(&get(2))?;
    let name_v = get(3);
    let unlink = interp.truthy(&get(4))?;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(interp.value_error("unrecognized kind"));
    }
    if value < 0 || value > libc::c_int::MAX as i64 {
        return Err(interp.value_error("invalid value"));
    }
    let name = name_cstring(interp, &name_v)?;
    // SAFETY: `name` is a valid C string; the variadic mode and value are passed with the
    // C types sem_open reads (mode_t promoted to unsigned int, unsigned int value).
    let h = unsafe {
        libc::sem_open(
            name.as_ptr(),
            libc::O_CREAT | libc::O_EXCL,
            0o600 as libc::c_uint,
            value as libc::c_uint,
        )
    };
    if h == libc::SEM_FAILED {
        return Err(error::last(interp, None));
    }
    if unlink {
        // SAFETY: as above; the open semaphore stays usable after its name is removed.
        if unsafe { libc::sem_unlink(name.as_ptr()) } < 0 {
            let e = error::last(interp, None);
            // SAFETY: `h` is the semaphore opened above, closed once.
            unsafe { libc::sem_close(h) };
            return Err(e);
        }
    }
    let name = if unlink {
        None
    } else {
        Some(name.to_string_lossy().into_owned())
    };
    Ok(util::native_obj(
        interp,
        &cls,
        SemLock {
            handle: h as usize,
            owned: true,
            kind,
            maxvalue,
            name,
            count: 0,
            last_tid: 0,
        },
    ))
}

/// `SemLock._rebuild(handle, kind, maxvalue, name)`: the object of a forked child (the
/// inherited handle) or of a spawned one (the semaphore re-opened by name).
fn rebuild(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_rebuild", 5, 5)?;
    let cls = match &a[0] {
        Value::Obj(t) => t.clone(),
        _ => return Err(interp.type_error("_rebuild: not a type")),
    };
    let handle = match a[1].to_bigint() {
        Some(b) => usize::try_from(&b).map_err(|_| interp.overflow_error("invalid handle"))?,
        None => return Err(interp.type_error("an integer is required")),
    };
    let kind = interp.index_value(&a[2])?;
    let maxvalue = interp.index_value(&a[3])?;
    let (handle, name) = if a[4].is_none() {
        (handle, None)
    } else {
        let c = name_cstring(interp, &a[4])?;
        // SAFETY: `c` is a valid C string; opening an existing semaphore takes no mode.
        let h = unsafe { libc::sem_open(c.as_ptr(), 0) };
        if h == libc::SEM_FAILED {
            return Err(error::last(interp, None));
        }
        (h as usize, Some(c.to_string_lossy().into_owned()))
    };
    Ok(util::native_obj(
        interp,
        &cls,
        SemLock {
            owned: name.is_some(),
            handle,
            kind,
            maxvalue,
            name,
            count: 0,
            last_tid: 0,
        },
    ))
}

/// The fields a method needs, read in one section.
fn fields(interp: &mut Interp, me: &Value) -> PyResult<(usize, i64, i64, i64, u64)> {
    util::with_data::<SemLock, _>(interp, me, |s| {
        (s.handle, s.kind, s.maxvalue, s.count, s.last_tid)
    })
    .ok_or_else(|| interp.type_error("descriptor requires a '_multiprocessing.SemLock' object"))
}

fn timeout_arg(interp: &mut Interp, v: &Value) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let f = match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        _ => {
            let ff = Value::Obj(interp.g.types.float.clone());
            match interp.call1(&ff, &[v.clone()])? {
                Value::Float(f) => f,
                _ => return Err(interp.type_error("a float is required")),
            }
        }
    };
    Ok(Some(if f < 0.0 { 0.0 } else { f }))
}

/// `acquire(block=True, timeout=None)`.
fn acquire(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "acquire", &["self", "block", "timeout"], 1)?;
    let me = a[0].clone().unwrap_or(Value::None);
    let block = match &a[1] {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let timeout = match &a[2] {
        Some(v) => timeout_arg(interp, v)?,
        None => None,
    };
    let (handle, kind, _, count, last_tid) = fields(interp, &me)?;
    if kind == RECURSIVE_MUTEX && count > 0 && last_tid == tid() {
        util::with_data::<SemLock, _>(interp, &me, |s| s.count += 1);
        return Ok(Value::Bool(true));
    }
    let sem = handle as *mut libc::sem_t;
    // First a try without blocking (no detach).
    // SAFETY: `sem` is the object's open semaphore, valid while `me` is alive.
    let mut r = unsafe { libc::sem_trywait(sem) };
    let mut err = if r < 0 { error::last_errno() } else { 0 };
    if r < 0 && err == libc::EAGAIN && block && timeout != Some(0.0) {
        let deadline = timeout.map(|t| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or(Duration::ZERO)
                + Duration::try_from_secs_f64(t).unwrap_or(Duration::from_secs(u32::MAX as u64))
        });
        loop {
            let h = handle;
            let (rr, e) = gilvm_vm::threads::detach_for(interp, "lock", move || {
                let sem = h as *mut libc::sem_t;
                // SAFETY: as above; the timespec lives on this stack for the call.
                let r = unsafe {
                    match deadline {
                        None => libc::sem_wait(sem),
                        Some(d) => {
                            let ts = libc::timespec {
                                tv_sec: d.as_secs() as libc::time_t,
                                tv_nsec: d.subsec_nanos() as libc::c_long,
                            };
                            libc::sem_timedwait(sem, &ts)
                        }
                    }
                };
                (r, if r < 0 { error::last_errno() } else { 0 })
            });
            r = rr;
            err = e;
            if r < 0 && err == libc::EINTR {
                gilvm_vm::modules::signal::run_pending(interp)?;
                continue;
            }
            break;
        }
    }
    if r < 0 {
        if err == libc::EAGAIN || err == libc::ETIMEDOUT {
            return Ok(Value::Bool(false));
        }
        return Err(error::from_errno(interp, err, None, None));
    }
    let me_tid = tid();
    util::with_data::<SemLock, _>(interp, &me, |s| {
        s.count += 1;
        s.last_tid = me_tid;
    });
    Ok(Value::Bool(true))
}

/// `release()`.
fn release(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "release", 1, 1)?;
    release_one(interp, &a[0])
}

fn exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__exit__", 1, 4)?;
    release_one(interp, &a[0])
}

fn release_one(interp: &mut Interp, me: &Value) -> PyResult {
    let (handle, kind, maxvalue, count, last_tid) = fields(interp, me)?;
    let sem = handle as *mut libc::sem_t;
    if kind == RECURSIVE_MUTEX {
        if count == 0 || last_tid != tid() {
            let ae = interp.g.exc.assertion_error.clone();
            return Err(interp.err(&ae, "attempt to release recursive lock not owned by thread"));
        }
        if count > 1 {
            util::with_data::<SemLock, _>(interp, me, |s| s.count -= 1);
            return Ok(Value::None);
        }
    } else {
        let mut sval: libc::c_int = 0;
        // SAFETY: `sem` is the object's open semaphore; `sval` is a valid out pointer.
        if unsafe { libc::sem_getvalue(sem, &mut sval) } < 0 {
            return Err(error::last(interp, None));
        }
        if sval as i64 >= maxvalue {
            return Err(interp.value_error("semaphore or lock released too many times"));
        }
    }
    // SAFETY: as above.
    if unsafe { libc::sem_post(sem) } < 0 {
        return Err(error::last(interp, None));
    }
    util::with_data::<SemLock, _>(interp, me, |s| s.count -= 1);
    Ok(Value::None)
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_count", 1, 1)?;
    Ok(Value::Int(fields(interp, &a[0])?.3))
}

fn is_mine(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_is_mine", 1, 1)?;
    let (_, _, _, count, last) = fields(interp, &a[0])?;
    Ok(Value::Bool(count > 0 && last == tid()))
}

fn value_of(interp: &mut Interp, me: &Value) -> PyResult<i64> {
    let (handle, ..) = fields(interp, me)?;
    let mut sval: libc::c_int = 0;
    // SAFETY: the object's open semaphore and a valid out pointer.
    if unsafe { libc::sem_getvalue(handle as *mut libc::sem_t, &mut sval) } < 0 {
        return Err(error::last(interp, None));
    }
    // Some systems report waiters as a negative value.
    Ok((sval as i64).max(0))
}

fn get_value(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_get_value", 1, 1)?;
    Ok(Value::Int(value_of(interp, &a[0])?))
}

fn is_zero(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_is_zero", 1, 1)?;
    Ok(Value::Bool(value_of(interp, &a[0])? == 0))
}

/// `_after_fork()`: the child does not own the parent's acquisitions.
fn after_fork(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_after_fork", 1, 1)?;
    fields(interp, &a[0])?;
    util::with_data::<SemLock, _>(interp, &a[0], |s| s.count = 0);
    Ok(Value::None)
}

fn p_handle(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "handle", 1, 1)?;
    let h = fields(interp, &a[0])?.0;
    Ok(interp.new_bigint(num_bigint::BigInt::from(h)))
}

fn p_kind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "kind", 1, 1)?;
    Ok(Value::Int(fields(interp, &a[0])?.1))
}

fn p_maxvalue(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "maxvalue", 1, 1)?;
    Ok(Value::Int(fields(interp, &a[0])?.2))
}

fn p_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "name", 1, 1)?;
    fields(interp, &a[0])?;
    let n = util::with_data::<SemLock, _>(interp, &a[0], |s| s.name.clone()).flatten();
    Ok(match n {
        Some(n) => interp.new_str(n),
        None => Value::None,
    })
}

/// `sem_unlink(name)`.
fn sem_unlink(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sem_unlink", 1, 1)?;
    let c = name_cstring(interp, &a[0])?;
    // SAFETY: `c` is a valid C string.
    if unsafe { libc::sem_unlink(c.as_ptr()) } < 0 {
        return Err(error::last(interp, None));
    }
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    sem_type(interp, m)?;
    interp.add_function(m, "sem_unlink", sem_unlink);
    let flags = Value::Obj(interp.new_dict_obj());
    for k in ["HAVE_SEM_OPEN", "HAVE_SEM_TIMEDWAIT"] {
        let key = interp.new_str(k);
        interp.setitem(&flags, key, Value::Int(1))?;
    }
    interp.add_value(m, "flags", flags);
    Ok(())
}

// ---- _posixshmem ----

fn shm_path(interp: &mut Interp, v: &Value) -> PyResult<CString> {
    if !gilvm_vm::args::is_str(v) {
        return Err(interp.type_error(format!(
            "shm_open() argument 'path' must be str, not {}",
            interp.type_name(v)
        )));
    }
    name_cstring(interp, v)
}

/// `shm_open(path, flags, mode=0o777)`: the descriptor of a POSIX shared-memory object.
fn shm_open(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "shm_open", &["path", "flags", "mode"], 2)?;
    let path_v = a[0].clone().unwrap_or(Value::None);
    let path = shm_path(interp, &path_v)?;
    let flags = interp.index_value(a[1].as_ref().unwrap_or(&Value::None))? as libc::c_int;
    let mode = match &a[2] {
        Some(v) => interp.index_value(v)? as libc::mode_t,
        None => 0o777,
    };
    loop {
        // SAFETY: `path` is a valid C string.
        let fd = unsafe { libc::shm_open(path.as_ptr(), flags, mode) };
        if fd >= 0 {
            return Ok(Value::Int(fd as i64));
        }
        let e = error::last_errno();
        if e == libc::EINTR {
            gilvm_vm::modules::signal::run_pending(interp)?;
            continue;
        }
        return Err(error::from_errno(interp, e, Some(&path_v), None));
    }
}

/// `shm_unlink(path)`.
fn shm_unlink(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "shm_unlink", &["path"], 1)?;
    let path_v = a[0].clone().unwrap_or(Value::None);
    let path = shm_path(interp, &path_v)?;
    // SAFETY: `path` is a valid C string.
    if unsafe { libc::shm_unlink(path.as_ptr()) } < 0 {
        let e = error::last_errno();
        return Err(error::from_errno(interp, e, Some(&path_v), None));
    }
    Ok(Value::None)
}

pub fn init_posixshmem(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "shm_open", shm_open);
    interp.add_function(m, "shm_unlink", shm_unlink);
    Ok(())
}
