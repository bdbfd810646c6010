//! The `_thread` module: starting threads, locks, re-entrant locks, and thread-local
//! storage, with CPython 3.14's API: the Lib's `threading.py` runs on it unchanged (its
//! joinable threads are in `thread_handle.rs`). A thread's name reaches `-X gilstats` and
//! the timeline through `set_name`; a lock wait is labelled for the timeline by what it
//! waits for (`"join"` for a thread handle, `"wait"` when a thread re-acquires a lock it
//! holds itself, which is how `Condition.wait` waits, `"lock"` otherwise).
//!
//! Blocking waits never hold the GIL: a lock's wait state (`RawLock`) lives outside the
//! Python object, in an `Arc` that the detached wait closure owns, so the closure needs no
//! object reference (it must be `Send`).
//!
//! In the main thread, a blocking acquire (and so `Thread.join`, `Condition.wait`,
//! `Event.wait`, `queue.Queue.get`, which wait on locks) is interruptible by a signal: the
//! wait registers a waker with `gilvm_sync::signals::with_waker` that notifies the lock's
//! condition variable, checks for a tripped signal under the lock's mutex before each wait,
//! and on a signal returns [`Wait::Interrupted`]; the caller runs the Python handlers and
//! waits again until the original deadline, or propagates the handler's exception.
use gilvm_object::Owned;
use std::any::Any;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use gilvm_object::payload::NativeObj;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Payload, SendRef, Value};

use crate::args::Args;
use crate::builtins::add_method;
use crate::error::PyResult;
use crate::interp::Interp;

/// Largest timeout accepted (seconds), as CPython's `TIMEOUT_MAX` on Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

/// How a wait ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wait {
    Got,
    TimedOut,
    /// A signal tripped (main thread only): run the handlers, then wait again.
    Interrupted,
}

/// A plain lock usable from detached code.
#[derive(Default)]
pub struct RawLock {
    locked: Mutex<bool>,
    cv: Condvar,
    /// The ident of the thread that last acquired it (statistics only: a blocking acquire
    /// by that same thread is a wait for another thread's release, as `Condition.wait`'s
    /// waiter lock, not contention).
    owner: AtomicU64,
}

impl RawLock {
    pub fn try_acquire(&self) -> bool {
        let mut l = self.locked.lock();
        if *l {
            false
        } else {
            *l = true;
            true
        }
    }
    /// Waits up to `timeout` (forever when None).
    pub fn acquire(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        self.acquire_until(deadline, false) == Wait::Got
    }
    /// Waits until `deadline` (forever when None); when `interruptible`, returns
    /// `Interrupted` if a signal tripped while the lock is still held by another.
    pub fn acquire_until(&self, deadline: Option<Instant>, interruptible: bool) -> Wait {
        let mut l = self.locked.lock();
        while *l {
            if interruptible && gilvm_sync::signals::pending_here() {
                return Wait::Interrupted;
            }
            match deadline {
                None => self.cv.wait(&mut l),
                Some(d) => {
                    if self.cv.wait_until(&mut l, d).timed_out() && *l {
                        return Wait::TimedOut;
                    }
                }
            }
        }
        *l = true;
        Wait::Got
    }
    /// Wakes every waiter so that they re-check (a signal's waker).
    fn wake_all(&self) {
        let _l = self.locked.lock();
        self.cv.notify_all();
    }
    /// Returns false if it was not locked.
    pub fn release(&self) -> bool {
        let mut l = self.locked.lock();
        if !*l {
            return false;
        }
        *l = false;
        self.cv.notify_one();
        true
    }
    pub fn is_locked(&self) -> bool {
        *self.locked.lock()
    }
}

/// A re-entrant lock usable from detached code: (owner thread id, count).
#[derive(Default)]
pub struct RawRLock {
    state: Mutex<(u64, u32)>,
    cv: Condvar,
}

impl RawRLock {
    fn acquire(&self, me: u64, timeout: Option<Duration>, blocking: bool) -> bool {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        self.acquire_until(me, deadline, blocking, false) == Wait::Got
    }
    fn acquire_until(
        &self,
        me: u64,
        deadline: Option<Instant>,
        blocking: bool,
        interruptible: bool,
    ) -> Wait {
        let mut s = self.state.lock();
        if s.1 > 0 && s.0 == me {
            s.1 += 1;
            return Wait::Got;
        }
        while s.1 > 0 {
            if !blocking {
                return Wait::TimedOut;
            }
            if interruptible && gilvm_sync::signals::pending_here() {
                return Wait::Interrupted;
            }
            match deadline {
                None => self.cv.wait(&mut s),
                Some(d) => {
                    if self.cv.wait_until(&mut s, d).timed_out() && s.1 > 0 {
                        return Wait::TimedOut;
                    }
                }
            }
        }
        *s = (me, 1);
        Wait::Got
    }
    /// Wakes every waiter so that they re-check (a signal's waker).
    fn wake_all(&self) {
        let _s = self.state.lock();
        self.cv.notify_all();
    }
    fn release(&self, me: u64) -> Result<(), ()> {
        let mut s = self.state.lock();
        if s.1 == 0 || s.0 != me {
            return Err(());
        }
        s.1 -= 1;
        if s.1 == 0 {
            s.0 = 0;
            self.cv.notify_one();
        }
        Ok(())
    }
}

/// Per-object state of a `_thread._local`: a process-unique id keying per-thread dicts.
pub struct LocalData {
    pub id: u64,
    /// `(args, kwargs)` given at creation when the class defines its own `__init__`:
    /// `__init__` runs again with them the first time another thread uses the object.
    pub init: Option<(Value, Value)>,
}

static NEXT_LOCAL: AtomicU64 = AtomicU64::new(1);
static THREADS_ALIVE: AtomicUsize = AtomicUsize::new(0);

pub(crate) fn native_data<T: Any + Clone>(interp: &Interp, v: &Value) -> Option<T> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => n.data.with(interp.py, |d| d.downcast_ref::<T>().cloned()),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn new_native_obj(interp: &Interp, class: &ObjRef, data: Box<dyn Any>) -> Value {
    Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: class.clone(),
        data: ObjCell::new(data),
        tag: 0,
    })))
}

/// Parses `(blocking=True, timeout=-1)` into Some(timeout) / None (non-blocking).
fn wait_args(
    interp: &mut Interp,
    args: Args<'_>,
    fname: &str,
) -> PyResult<Option<Option<Duration>>> {
    args.check_kw(interp, fname, &["blocking", "timeout"])?;
    let p = args.pos();
    let blocking = match p.get(1).or(args.kw("blocking")) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let timeout = match p.get(2).or(args.kw("timeout")) {
        Some(v) => crate::ops::to_f64(v).ok_or_else(|| {
            interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            ))
        })?,
        None => -1.0,
    };
    if !blocking {
        if timeout != -1.0 {
            return Err(interp.value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(None);
    }
    if timeout.is_nan() {
        return Err(interp.value_error("Invalid value NaN (not a number)"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(interp.value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(interp.overflow_error("timestamp out of range for C PyTime_t"));
    }
    Ok(Some(if timeout < 0.0 {
        None
    } else {
        Some(Duration::from_secs_f64(timeout))
    }))
}

fn lock_new(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    let cls = lock_type(interp);
    Ok(new_native_obj(
        interp,
        &cls,
        Box::new(Arc::new(RawLock::default())),
    ))
}

fn lock_acquire(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawLock> = native_data(interp, &args.pos()[0])
        .ok_or_else(|| interp.type_error("acquire() needs a lock"))?;
    let mode = wait_args(interp, args, "acquire")?;
    let kind = crate::threads::take_block_label("lock");
    let me = interp.thread_state().id;
    if raw.try_acquire() {
        raw.owner.store(me, Ordering::Relaxed);
        return Ok(Value::Bool(true));
    }
    let r = match mode {
        None => Ok(Value::Bool(false)),
        Some(Some(t)) if t.is_zero() => Ok(Value::Bool(false)),
        Some(t) => {
            // Re-acquiring a lock this thread holds waits for another thread's release
            // (Condition.wait, Event.wait, a join): not lock contention.
            let kind = if kind == "lock" && raw.owner.load(Ordering::Relaxed) == me {
                "wait"
            } else {
                kind
            };
            let r2 = raw.clone();
            let waker: gilvm_sync::signals::Waker = Arc::new(move || r2.wake_all());
            let r3 = raw.clone();
            interruptible_wait(interp, kind, "_thread.lock", t, waker, move |d| {
                r3.acquire_until(d, true)
            })
        }
    };
    if matches!(r, Ok(Value::Bool(true))) {
        raw.owner.store(me, Ordering::Relaxed);
    }
    r
}

/// A blocking lock wait that a signal interrupts (main thread): waits until the deadline
/// computed from `timeout`, running the signal handlers whenever a signal interrupts it
/// (a handler's exception propagates). Returns whether the lock was acquired.
pub fn interruptible_wait(
    interp: &mut Interp,
    kind: &'static str,
    type_name: &'static str,
    timeout: Option<Duration>,
    waker: gilvm_sync::signals::Waker,
    attempt: impl Fn(Option<Instant>) -> Wait + Send + Sync + 'static,
) -> PyResult {
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
    let attempt = Arc::new(attempt);
    loop {
        let (a, w) = (attempt.clone(), waker.clone());
        let r = waited_lock(interp, kind, type_name, move || {
            gilvm_sync::signals::with_waker(w, || a(deadline))
        });
        match r {
            Wait::Got => return Ok(Value::Bool(true)),
            Wait::TimedOut => return Ok(Value::Bool(false)),
            Wait::Interrupted => crate::modules::signal::run_pending(interp)?,
        }
    }
}

fn lock_release(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawLock> = native_data(interp, &args.pos()[0])
        .ok_or_else(|| interp.type_error("release() needs a lock"))?;
    if !raw.release() {
        return Err(interp.runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_locked(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawLock> = native_data(interp, &args.pos()[0])
        .ok_or_else(|| interp.type_error("locked() needs a lock"))?;
    Ok(Value::Bool(raw.is_locked()))
}

fn lock_exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    lock_release(interp, Args::new(&args.pos()[..1]))
}

fn lock_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawLock> =
        native_data(interp, &args.pos()[0]).ok_or_else(|| interp.type_error("needs a lock"))?;
    let s = format!(
        "<{} _thread.lock object at {:#x}>",
        if raw.is_locked() {
            "locked"
        } else {
            "unlocked"
        },
        args.pos()[0].id()
    );
    Ok(interp.new_str(s))
}

fn rlock_acquire(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawRLock> = native_data(interp, &args.pos()[0])
        .ok_or_else(|| interp.type_error("acquire() needs an RLock"))?;
    let me = interp.thread_state().id;
    let mode = wait_args(interp, args, "acquire")?;
    let kind = crate::threads::take_block_label("lock");
    if raw.acquire(me, None, false) {
        return Ok(Value::Bool(true));
    }
    match mode {
        None => Ok(Value::Bool(false)),
        Some(t) => {
            let r2 = raw.clone();
            let waker: gilvm_sync::signals::Waker = Arc::new(move || r2.wake_all());
            interruptible_wait(interp, kind, "_thread.RLock", t, waker, move |d| {
                raw.acquire_until(me, d, true, true)
            })
        }
    }
}

/// Waits for a Python lock detached, as a blocked span of `kind` (timeline); a plain lock
/// wait (`kind == "lock"`) also counts as contention on `type_name` (statistics).
fn waited_lock<R: Send>(
    interp: &mut Interp,
    kind: &'static str,
    type_name: &'static str,
    f: impl FnOnce() -> R + Send,
) -> R {
    if !gilvm_sync::stats::active() {
        return crate::threads::detach_for(interp, kind, f);
    }
    let (got, wait) = crate::threads::detach_for(interp, kind, move || {
        let t0 = gilvm_sync::stats::now_ns();
        let got = f();
        (got, gilvm_sync::stats::now_ns().saturating_sub(t0))
    });
    // Waits for a join, a condition or a queue are not lock contention.
    if kind == "lock" {
        gilvm_sync::stats::lock_waited(type_name, wait);
    }
    got
}

fn rlock_release(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawRLock> = native_data(interp, &args.pos()[0])
        .ok_or_else(|| interp.type_error("release() needs an RLock"))?;
    let me = interp.thread_state().id;
    raw.release(me)
        .map_err(|_| interp.runtime_error("cannot release un-acquired lock"))?;
    Ok(Value::None)
}

fn rlock_exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    rlock_release(interp, Args::new(&args.pos()[..1]))
}

fn rlock_is_owned(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawRLock> =
        native_data(interp, &args.pos()[0]).ok_or_else(|| interp.type_error("needs an RLock"))?;
    let me = interp.thread_state().id;
    let s = *raw.state.lock();
    Ok(Value::Bool(s.1 > 0 && s.0 == me))
}

/// `_release_save()`: fully release, returning (count, owner) for `_acquire_restore`.
fn rlock_release_save(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawRLock> =
        native_data(interp, &args.pos()[0]).ok_or_else(|| interp.type_error("needs an RLock"))?;
    let me = interp.thread_state().id;
    let (owner, count) = {
        let mut s = raw.state.lock();
        if s.1 == 0 || s.0 != me {
            return Err(interp.runtime_error("cannot release un-acquired lock"));
        }
        let r = *s;
        *s = (0, 0);
        raw.cv.notify_one();
        r
    };
    Ok(interp.new_tuple(vec![Value::Int(count as i64), Value::Int(owner as i64)]))
}

fn rlock_acquire_restore(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_acquire_restore", 2, 2)?;
    let raw: Arc<RawRLock> =
        native_data(interp, &a[0]).ok_or_else(|| interp.type_error("needs an RLock"))?;
    let st = interp.collect(&a[1])?;
    let count = match st.first() {
        Some(Value::Int(c)) => *c as u32,
        _ => 1,
    };
    let me = interp.thread_state().id;
    if !raw.acquire(me, None, false) {
        let r2 = raw.clone();
        let kind = crate::threads::take_block_label("lock");
        waited_lock(interp, kind, "_thread.RLock", move || {
            r2.acquire(me, None, true)
        });
    }
    raw.state.lock().1 = count;
    Ok(Value::None)
}

fn get_ident(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(interp.thread_state().id as i64))
}

fn count(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(THREADS_ALIVE.load(Ordering::SeqCst) as i64))
}

fn cpu_count(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(
        std::thread::available_parallelism()
            .map(|n| n.get() as i64)
            .unwrap_or(1),
    ))
}

/// `_thread._local.__new__(cls, *args, **kwargs)`: arguments are only allowed when the
/// class (a subclass) defines `__init__`; they are kept to initialise other threads' views.
fn local_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("_local.__new__(X): X is not a type object")),
    };
    let rest = &args.pos()[1..];
    let has_args = !rest.is_empty() || args.has_kwargs();
    let object = interp.g.types.object.clone();
    let own_init = match (
        interp.lookup_type_attr(&cls, "__init__"),
        interp.lookup_type_attr(&object, "__init__"),
    ) {
        (Some(Value::Obj(a)), Some(Value::Obj(b))) => !a.is(&b),
        _ => false,
    };
    if has_args && !own_init {
        return Err(interp.type_error("Initialization arguments are not supported"));
    }
    let init = if own_init {
        let t = interp.new_tuple(rest.to_vec());
        let kw = interp.new_dict_obj();
        for (k, v) in args.kwargs() {
            let key = interp.new_str(k);
            interp.dict_set(&kw, key, v.clone())?;
        }
        Some((t, Value::Obj(kw)))
    } else {
        None
    };
    let id = NEXT_LOCAL.fetch_add(1, Ordering::Relaxed);
    let obj = Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls.clone(),
        data: ObjCell::new(Box::new(LocalData { id, init })),
        tag: id,
    })));
    // The creating thread's view exists now: the type call runs `__init__` for it.
    let d = interp.new_dict_obj();
    interp.thread_locals.insert(id, d);
    Ok(obj)
}

/// Prints an uncaught exception of a thread as threading's default excepthook does.
fn print_thread_exception(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_print_thread_exception", 2, 2)?;
    let name = interp.str_string(&a[0])?;
    let Value::Obj(e) = &a[1] else {
        return Ok(Value::None);
    };
    let text = crate::traceback::format_exception(interp, &crate::error::PyErr(e.clone()));
    crate::modules::io::write_stderr(&format!("Exception in thread {name}:\n{text}"));
    Ok(Value::None)
}

fn start_new_thread(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "start_new_thread", 2, 3)?;
    let func = a[0].clone();
    let targs = a[1].clone();
    if !matches!(&targs, Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_))) {
        return Err(interp.type_error("2nd arg must be a tuple"));
    }
    let kwargs = a.get(2).cloned().unwrap_or(Value::None);
    if !kwargs.is_none()
        && !matches!(&kwargs, Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)))
    {
        return Err(interp.type_error("optional 3rd arg must be a dictionary"));
    }
    if !crate::modules::collections::is_callable(interp, &func) {
        return Err(interp.type_error("first arg must be callable"));
    }
    let id = spawn_thread(interp, func, targs, kwargs, None)?;
    Ok(Value::Int(id as i64))
}

/// Starts an OS thread that calls `func(*targs, **kwargs)` in a new `Interp` and returns
/// its ident once it runs. With a `handle` (joinable threads), the thread marks it running
/// before calling and done after its `Interp` is gone.
pub(crate) fn spawn_thread(
    interp: &mut Interp,
    func: Value,
    targs: Value,
    kwargs: Value,
    handle: Option<Arc<crate::modules::thread_handle::Handle>>,
) -> PyResult<u64> {
    let bundle = interp.new_tuple(vec![func, targs, kwargs]);
    let Value::Obj(bundle) = bundle else {
        unreachable!()
    };
    let send = SendRef::new(interp.py, bundle);
    let g = interp.g;
    let (tx, rx) = std::sync::mpsc::channel::<u64>();
    THREADS_ALIVE.fetch_add(1, Ordering::SeqCst);
    let spawned = std::thread::Builder::new()
        .stack_size(crate::THREAD_STACK_SIZE.max(STACK_SIZE.load(Ordering::Relaxed)))
        .spawn(move || {
            let ts = Arc::new(gilvm_sync::ThreadState::new_current());
            // Findable by `signal.pthread_kill` until this thread ends.
            let _os_thread = gilvm_sync::signals::register_os_thread();
            if let Some(h) = &handle {
                h.set_running(ts.id);
            }
            let _ = tx.send(ts.id);
            g.gil.register_thread(&ts);
            g.gil.take(&ts, gilvm_sync::Priority::Normal);
            {
                // SAFETY: this thread holds the GIL (or is attached, free-threaded build) until
                // drop_gil below; the Interp is dropped before that.
                let mut interp =
                    unsafe { Interp::new_attached(g, ts.clone(), crate::THREAD_STACK_SIZE) };
                let bundle = send.into_inner(interp.py);
                let items: Vec<Value> = match bundle.payload() {
                    Payload::Tuple(t) => t.to_vec(),
                    _ => vec![],
                };
                drop(bundle);
                let (func, targs, kwargs) = (items[0].clone(), items[1].clone(), items[2].clone());
                drop(items);
                let kw = if kwargs.is_none() {
                    None
                } else {
                    Some(&kwargs)
                };
                if let Err(e) = interp.call_ex(&func, &targs, kw) {
                    if !interp.matches(&e, &interp.g.exc.system_exit.clone()) {
                        let r = interp.repr(&func).unwrap_or_default();
                        let text = crate::traceback::format_exception(&mut interp, &e);
                        crate::modules::io::write_stderr(&format!(
                            "Exception ignored in thread started by {r}:\n{text}"
                        ));
                    }
                }
                drop((func, targs, kwargs));
                drop(interp);
            }
            THREADS_ALIVE.fetch_sub(1, Ordering::SeqCst);
            if let Some(h) = &handle {
                h.set_done();
            }
            // SAFETY: taken at the start of this thread.
            unsafe { g.gil.drop_gil(&ts, false) };
            g.gil.unregister_thread(&ts);
        });
    if let Err(e) = spawned {
        THREADS_ALIVE.fetch_sub(1, Ordering::SeqCst);
        return Err(interp.runtime_error(format!("can't start new thread: {e}")));
    }
    let id = crate::threads::detach_for(interp, "thread start", move || rx.recv().unwrap_or(0));
    Ok(id)
}

fn make_type(interp: &mut Interp, name: &str) -> ObjRef {
    let dict = interp.new_dict_obj();
    let m = interp.new_str("_thread");
    interp.dict_set_str(&dict, interp.g.names.module.clone(), m);
    let object = interp.g.types.object.clone();
    let t = new_type(
        interp.py,
        name,
        vec![object.clone()],
        vec![object],
        dict,
        Layout::Builtin,
        false,
    );
    t.make_immortal();
    t
}

struct Types {
    lock: ObjRef,
    rlock: ObjRef,
    local: ObjRef,
    handle: ObjRef,
}
struct TypesHolder(Types);
// SAFETY: the type objects are immortal and their dicts are behind ObjCells (see Globals).
unsafe impl Sync for TypesHolder {}
// SAFETY: as above.
unsafe impl Send for TypesHolder {}
static TYPES: std::sync::OnceLock<TypesHolder> = std::sync::OnceLock::new();

fn types(interp: &mut Interp) -> &'static Types {
    if let Some(t) = TYPES.get() {
        return &t.0;
    }
    let lock = make_type(interp, "lock");
    add_method(interp, &lock, "acquire", lock_acquire);
    add_method(interp, &lock, "acquire_lock", lock_acquire);
    add_method(interp, &lock, "__enter__", lock_acquire);
    add_method(interp, &lock, "release", lock_release);
    add_method(interp, &lock, "release_lock", lock_release);
    add_method(interp, &lock, "__exit__", lock_exit);
    add_method(interp, &lock, "locked", lock_locked);
    add_method(interp, &lock, "locked_lock", lock_locked);
    add_method(interp, &lock, "__repr__", lock_repr);
    let rlock = make_type(interp, "RLock");
    add_method(interp, &rlock, "acquire", rlock_acquire);
    add_method(interp, &rlock, "__enter__", rlock_acquire);
    add_method(interp, &rlock, "release", rlock_release);
    add_method(interp, &rlock, "__exit__", rlock_exit);
    add_method(interp, &rlock, "_is_owned", rlock_is_owned);
    add_method(interp, &rlock, "_release_save", rlock_release_save);
    add_method(interp, &rlock, "_acquire_restore", rlock_acquire_restore);
    let local = make_type(interp, "_local");
    crate::builtins::add_static(interp, &local, "__new__", local_new);
    // CPython 3.13+'s API (threading.py on the Lib): constructible types, fork hooks.
    crate::builtins::add_static(interp, &lock, "__new__", lock_type_new);
    add_method(interp, &lock, "_at_fork_reinit", lock_at_fork_reinit);
    crate::builtins::add_static(interp, &rlock, "__new__", rlock_type_new);
    add_method(interp, &rlock, "locked", rlock_locked);
    add_method(interp, &rlock, "_recursion_count", rlock_recursion_count);
    add_method(interp, &rlock, "_at_fork_reinit", rlock_at_fork_reinit);
    add_method(interp, &rlock, "__repr__", rlock_repr);
    let handle = make_type(interp, "_ThreadHandle");
    crate::modules::thread_handle::add_methods(interp, &handle);
    let _ = TYPES.set(TypesHolder(Types {
        lock,
        rlock,
        local,
        handle,
    }));
    &TYPES.get().unwrap().0
}

/// Is `t` the `_thread._local` type? (Classes may derive from it: their instances are
/// `_local` objects whose class is the subclass, created by `_local.__new__`.)
pub fn is_local_type(t: &ObjRef) -> bool {
    TYPES.get().is_some_and(|ty| ty.0.local.is(t))
}

fn lock_type(interp: &mut Interp) -> ObjRef {
    types(interp).lock.clone()
}
fn rlock_type(interp: &mut Interp) -> ObjRef {
    types(interp).rlock.clone()
}
pub(crate) fn handle_type(interp: &mut Interp) -> ObjRef {
    types(interp).handle.clone()
}

/// The per-thread dict of a `_thread._local`, created on first use in this thread.
/// Errors are those of the class's `__init__`, run when this thread first uses the object.
pub fn local_dict(interp: &mut Interp, o: &ObjRef) -> PyResult<Option<ObjRef>> {
    let Payload::Native(n) = o.payload() else {
        return Ok(None);
    };
    // Only locals have a tag: other native objects answer without taking their lock, and
    // a thread that has its view already finds it without locking the shared object.
    if n.tag == 0 {
        return Ok(None);
    }
    if let Some(d) = interp.thread_locals.get(&n.tag) {
        return Ok(Some(d.clone()));
    }
    let Some((id, init)) = n.data.with(interp.py, |d| {
        d.downcast_ref::<LocalData>()
            .map(|l| (l.id, l.init.clone()))
    }) else {
        return Ok(None);
    };
    if let Some(d) = interp.thread_locals.get(&id) {
        return Ok(Some(d.clone()));
    }
    let d = interp.new_dict_obj();
    interp.thread_locals.insert(id, d.clone());
    if let Some((a, kw)) = init {
        let cls = n.class.clone();
        if let Some(f) = interp.lookup_type_attr(&cls, "__init__") {
            let mut all = vec![Value::Obj(o.clone())];
            if let Value::Obj(t) = &a {
                if let Payload::Tuple(items) = t.payload() {
                    all.extend(items.iter().cloned());
                }
            }
            let t = interp.new_tuple(all);
            interp.call_ex(&f, &t, Some(&kw))?;
        }
    }
    Ok(Some(d))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    let (lock, rlock, local) = (t.lock.clone(), t.rlock.clone(), t.local.clone());
    interp.add_function(m, "start_new_thread", start_new_thread);
    interp.add_function(m, "start_new", start_new_thread);
    interp.add_function(m, "allocate_lock", lock_new);
    interp.add_function(m, "allocate", lock_new);
    interp.add_function(m, "get_ident", get_ident);
    interp.add_function(m, "get_native_id", get_native_id);
    interp.add_function(m, "_count", count);
    interp.add_function(m, "_cpu_count", cpu_count);
    interp.add_function(m, "_print_thread_exception", print_thread_exception);
    interp.add_value(m, "LockType", Value::Obj(lock));
    interp.add_value(m, "_RLockType", Value::Obj(rlock.clone()));
    interp.add_value(m, "RLock", Value::Obj(rlock));
    let lt = interp.getattr_str(&Value::Obj(m.clone()), "LockType")?;
    interp.add_value(m, "lock", lt);
    init_joinable(interp, m)?;
    interp.add_value(m, "_local", Value::Obj(local.clone()));
    interp.add_value(m, "_local_type", Value::Obj(local));
    interp.add_value(m, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    interp.add_value(m, "error", Value::Obj(interp.g.exc.runtime_error.clone()));
    Ok(())
}

// ---- CPython 3.13+'s `_thread` API, for the Lib's threading.py ----

/// `_thread.lock()` / `LockType()`: a new unlocked lock (of `cls`, a subclass allowed).
fn lock_type_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => lock_type(interp),
    };
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(interp.type_error("lock() takes no arguments"));
    }
    Ok(new_native_obj(
        interp,
        &cls,
        Box::new(Arc::new(RawLock::default())),
    ))
}

/// `_thread.RLock()`: a new re-entrant lock (of `cls`, a subclass allowed). Arguments
/// are ignored, as CPython's.
fn rlock_type_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => rlock_type(interp),
    };
    Ok(new_native_obj(
        interp,
        &cls,
        Box::new(Arc::new(RawRLock::default())),
    ))
}

/// `_at_fork_reinit()`: the lock becomes a fresh unlocked one (in a forked child, no
/// other thread can hold it).
fn lock_at_fork_reinit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw: Arc<RawLock> =
        native_data(interp, &args.pos()[0]).ok_or_else(|| interp.type_error("needs a lock"))?;
    *raw.locked.lock() = false;
    raw.cv.notify_all();
    Ok(Value::None)
}

fn rlock_state(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<RawRLock>> {
    native_data(interp, &args.pos()[0]).ok_or_else(|| interp.type_error("needs an RLock"))
}

fn rlock_locked(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw = rlock_state(interp, &args)?;
    let s = *raw.state.lock();
    Ok(Value::Bool(s.1 > 0))
}

/// `_recursion_count()`: how many times the calling thread holds it (0 if another does).
fn rlock_recursion_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw = rlock_state(interp, &args)?;
    let me = interp.thread_state().id;
    let s = *raw.state.lock();
    Ok(Value::Int(if s.1 > 0 && s.0 == me {
        s.1 as i64
    } else {
        0
    }))
}

fn rlock_at_fork_reinit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw = rlock_state(interp, &args)?;
    *raw.state.lock() = (0, 0);
    raw.cv.notify_all();
    Ok(Value::None)
}

fn rlock_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let raw = rlock_state(interp, &args)?;
    let (owner, count) = *raw.state.lock();
    let cls = interp.type_name(&args.pos()[0]).to_string();
    let qual = if cls == "RLock" {
        "_thread.RLock".to_string()
    } else {
        cls
    };
    let s = format!(
        "<{} {} object owner={} count={} at {:#x}>",
        if count > 0 { "locked" } else { "unlocked" },
        qual,
        owner,
        count,
        args.pos()[0].id()
    );
    Ok(interp.new_str(s))
}

fn get_native_id(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(gilvm_sync::osthread::native_id() as i64))
}

/// `set_name(name)`: the OS thread name (15 bytes on Linux), and the thread's name in
/// `-X gilstats` statistics and the timeline.
fn set_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "set_name", &["name"])?;
    let p = args.count(interp, "set_name", 0, 1)?;
    let Some(v) = p.first().or(args.kw("name")) else {
        return Err(interp.type_error("set_name() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = v.as_str().map(str::to_string) else {
        return Err(interp.type_error(format!(
            "set_name() argument 'name' must be str, not {}",
            interp.type_name(v)
        )));
    };
    if gilvm_sync::stats::active() {
        gilvm_sync::stats::set_thread_name(&name);
    }
    if let Err(e) = gilvm_sync::osthread::set_name(&name) {
        let msg = interp.new_str(e.to_string());
        let code = Value::Int(e.raw_os_error().unwrap_or(0) as i64);
        let os_error = interp.g.exc.os_error.clone();
        return Err(crate::error::PyErr(
            interp.new_exception(&os_error, vec![code, msg]),
        ));
    }
    Ok(Value::None)
}

static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// The smallest stack `stack_size` accepts (CPython's figure on x86-64 Linux).
const THREAD_STACK_MIN: i64 = 53248;

/// `stack_size([size])`: returns the size set for new threads (0: the default) and sets
/// it (0, or at least `THREAD_STACK_MIN`). gilvm's threads never get less than its own default stack,
/// which its recursion limit needs.
fn stack_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "stack_size", 0, 1)?;
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(v) = a.first() {
        let n = match v {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            _ => {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )))
            }
        };
        if n != 0 && n < THREAD_STACK_MIN {
            return Err(
                interp.value_error(format!("size must be at least {THREAD_STACK_MIN} bytes"))
            );
        }
        STACK_SIZE.store(n as usize, Ordering::Relaxed);
    }
    Ok(Value::Int(old as i64))
}

/// `interrupt_main(signum=SIGINT)`: as if the signal arrived; the main thread runs its
/// Python handler (nothing happens if the signal is ignored or has the default handler).
fn interrupt_main(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "interrupt_main", &["signum"])?;
    let p = args.count(interp, "interrupt_main", 0, 1)?;
    let sig = match p.first().or(args.kw("signum")) {
        None => gilvm_sync::signals::SIGINT as i64,
        Some(Value::Int(n)) => *n,
        Some(v) => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
    };
    if sig < 1 || sig >= 65 {
        return Err(interp.value_error("signal number out of range"));
    }
    gilvm_sync::signals::simulate(sig as i32);
    // CPython checks for signals right after a builtin call returns: in the main thread
    // the handler runs (or KeyboardInterrupt is raised) before the next statement.
    crate::modules::signal::run_pending(interp)?;
    Ok(Value::None)
}

fn returns_true(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Bool(true))
}

/// `_excepthook(args)`: threading's default hook for an uncaught exception in a thread:
/// "Exception in thread NAME:" and the traceback, on `sys.stderr` (or the thread's
/// `_stderr` when `sys.stderr` is None). SystemExit is silently ignored.
fn excepthook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_excepthook", 1, 1)?;
    let hook_args = a[0].clone();
    let get = |interp: &mut Interp, name: &str| interp.getattr_str(&hook_args, name);
    let (exc_type, exc_value, thread) = match (
        get(interp, "exc_type"),
        get(interp, "exc_value"),
        get(interp, "thread"),
    ) {
        (Ok(t), Ok(v), Ok(th)) => (t, v, th),
        _ => {
            return Err(
                interp.type_error("_thread._excepthook argument type must be ExceptHookArgs")
            )
        }
    };
    if let Value::Obj(t) = &exc_type {
        let se = interp.g.exc.system_exit.clone();
        if matches!(t.payload(), Payload::Type(_)) && gilvm_object::types::is_subtype(t, &se) {
            return Ok(Value::None);
        }
    }
    let sys = Value::Obj(interp.g.sys.clone());
    let mut file = interp.getattr_str(&sys, "stderr").unwrap_or(Value::None);
    if file.is_none() {
        if thread.is_none() {
            return Ok(Value::None);
        }
        file = interp
            .getattr_str(&thread, "_stderr")
            .unwrap_or(Value::None);
        if file.is_none() {
            return Ok(Value::None);
        }
    }
    let name = if thread.is_none() {
        Value::None
    } else {
        interp.getattr_str(&thread, "name").unwrap_or(Value::None)
    };
    let name = if name.is_none() {
        interp.thread_state().id.to_string()
    } else {
        interp.str_string(&name)?
    };
    let mut text = format!("Exception in thread {name}:\n");
    if let Value::Obj(e) = &exc_value {
        text.push_str(&crate::traceback::format_exception(
            interp,
            &crate::error::PyErr(e.clone()),
        ));
    }
    let write = interp.getattr_str(&file, "write")?;
    let s = interp.new_str(text);
    interp.call1(&write, &[s])?;
    let flush = interp.getattr_str(&file, "flush")?;
    interp.call1(&flush, &[])?;
    Ok(Value::None)
}

/// `_ExceptHookArgs`: a struct sequence of 4 (as CPython's, constructed from one sequence).
const EXCEPTHOOK_ARGS: &str = r#"
class _ExceptHookArgs(tuple):
    n_sequence_fields = 4
    n_fields = 4
    n_unnamed_fields = 0
    __match_args__ = ('exc_type', 'exc_value', 'exc_traceback', 'thread')
    __slots__ = ()

    def __new__(cls, sequence, dict=None):
        t = tuple(sequence)
        if len(t) != 4:
            raise TypeError(f"_thread._ExceptHookArgs() takes a 4-sequence ({len(t)}-sequence given)")
        return tuple.__new__(cls, t)

    exc_type = property(lambda self: self[0], doc='Exception type')
    exc_value = property(lambda self: self[1], doc='Exception value')
    exc_traceback = property(lambda self: self[2], doc='Exception traceback')
    thread = property(lambda self: self[3], doc='Thread')

    def __repr__(self):
        return (f"_thread._ExceptHookArgs(exc_type={self[0]!r}, exc_value={self[1]!r}, "
                f"exc_traceback={self[2]!r}, thread={self[3]!r})")

    def __reduce__(self):
        return (type(self), (tuple(self),))

_ExceptHookArgs.__module__ = '_thread'
_ExceptHookArgs.__qualname__ = '_ExceptHookArgs'
"#;

/// Registers the joinable-thread API and the rest of CPython 3.13+'s `_thread`.
fn init_joinable(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    use crate::modules::thread_handle as h;
    h::note_main_thread(interp);
    let handle = handle_type(interp);
    interp.add_value(m, "_ThreadHandle", Value::Obj(handle));
    interp.add_function(m, "start_joinable_thread", h::start_joinable_thread);
    interp.add_function(m, "_make_thread_handle", h::make_thread_handle);
    interp.add_function(m, "_get_main_thread_ident", h::get_main_thread_ident);
    interp.add_function(m, "_shutdown", h::shutdown);
    interp.add_function(m, "_is_main_interpreter", returns_true);
    interp.add_function(m, "daemon_threads_allowed", returns_true);
    interp.add_function(m, "set_name", set_name);
    interp.add_function(m, "stack_size", stack_size);
    interp.add_function(m, "interrupt_main", interrupt_main);
    interp.add_function(m, "_excepthook", excepthook);
    crate::modules::util::run_embedded(interp, m, "<_thread>", EXCEPTHOOK_ARGS)?;
    Ok(())
}
