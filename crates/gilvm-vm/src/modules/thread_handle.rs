//! Joinable threads: `_thread._ThreadHandle`, `start_joinable_thread`, `_make_thread_handle`
//! and `_shutdown`, the part of `_thread` that CPython 3.13+'s `threading.py` is built on.
//!
//! A [`Handle`] is the OS-level state of one thread as Python sees it: not started, running
//! (with its ident), or done. The thread itself marks its handle done as its very last
//! Python-visible act (after its `Interp`, and so its thread-local dicts, are dropped), so a
//! `join()` that returns has seen the whole thread finish. A handle's state lives in an
//! `Arc` outside the Python object, so a join waits detached (no GIL, no object reference)
//! and, in the main thread, wakes for signals (KeyboardInterrupt during `join`).
//!
//! Non-daemon threads started here are listed in [`NON_DAEMON`] until they end;
//! `_thread._shutdown()` (called by `threading._shutdown` at exit, before atexit) joins each
//! of them. The main thread's and foreign threads' handles (`_make_thread_handle`) are
//! running from creation; `threading._shutdown` marks the main thread's done.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::modules::thread::{self as th, Wait};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    NotStarted,
    Starting,
    Running,
    Done,
}

/// The shared state of one `_ThreadHandle`.
pub struct Handle {
    state: Mutex<State>,
    cv: Condvar,
    ident: AtomicU64,
}

impl Handle {
    fn new(state: State, ident: u64) -> Arc<Handle> {
        Arc::new(Handle {
            state: Mutex::new(state),
            cv: Condvar::new(),
            ident: AtomicU64::new(ident),
        })
    }
    fn state(&self) -> State {
        *self.state.lock()
    }
    /// Called by the new thread before it runs Python code.
    pub fn set_running(&self, ident: u64) {
        self.ident.store(ident, Ordering::SeqCst);
        *self.state.lock() = State::Running;
    }
    /// Marks the thread finished and wakes every joiner.
    pub fn set_done(&self) {
        *self.state.lock() = State::Done;
        self.cv.notify_all();
        let me: *const Handle = self;
        NON_DAEMON
            .lock()
            .retain(|h| !std::ptr::eq(Arc::as_ptr(h), me));
    }
    /// Back to "not started" (a thread that failed to start).
    fn reset(&self) {
        *self.state.lock() = State::NotStarted;
    }
    fn wake_all(&self) {
        let _s = self.state.lock();
        self.cv.notify_all();
    }
    /// Waits until done or `deadline`; when `interruptible`, returns `Interrupted` if a
    /// signal tripped (main thread).
    fn wait_done(&self, deadline: Option<Instant>, interruptible: bool) -> Wait {
        let mut s = self.state.lock();
        while *s != State::Done {
            if interruptible && gilvm_sync::signals::pending_here() {
                return Wait::Interrupted;
            }
            match deadline {
                None => self.cv.wait(&mut s),
                Some(d) => {
                    if self.cv.wait_until(&mut s, d).timed_out() && *s != State::Done {
                        return Wait::TimedOut;
                    }
                }
            }
        }
        Wait::Got
    }
}

/// Handles of the running non-daemon threads (joined by `_shutdown`).
static NON_DAEMON: Mutex<Vec<Arc<Handle>>> = Mutex::new(Vec::new());
/// The ident of the main thread (0 until `_thread` is first imported by it).
static MAIN_IDENT: AtomicU64 = AtomicU64::new(0);

/// Records the main thread's ident (called from `_thread`'s init).
pub fn note_main_thread(interp: &mut Interp) {
    if gilvm_sync::signals::is_main_thread() {
        MAIN_IDENT.store(interp.thread_state().id, Ordering::SeqCst);
    }
}

fn handle_of(interp: &Interp, v: &Value) -> Option<Arc<Handle>> {
    th::native_data::<Arc<Handle>>(interp, v)
}

fn new_handle_obj(interp: &mut Interp, h: Arc<Handle>) -> Value {
    let cls = th::handle_type(interp);
    th::new_native_obj(interp, &cls, Box::new(h))
}

/// `_ThreadHandle()`: a handle not yet started.
pub fn handle_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(interp.type_error("_ThreadHandle() takes no arguments"));
    }
    Ok(new_handle_obj(interp, Handle::new(State::NotStarted, 0)))
}

fn this(interp: &Interp, args: &Args<'_>) -> PyResult<Arc<Handle>> {
    args.pos()
        .first()
        .and_then(|v| handle_of(interp, v))
        .ok_or_else(|| interp.type_error("descriptor requires a '_thread._ThreadHandle' object"))
}

pub fn handle_ident(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = this(interp, &args)?;
    Ok(Value::Int(h.ident.load(Ordering::SeqCst) as i64))
}

pub fn handle_is_done(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = this(interp, &args)?;
    args.exact(interp, "is_done", 1, 1)?;
    Ok(Value::Bool(h.state() == State::Done))
}

pub fn handle_set_done(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = this(interp, &args)?;
    args.exact(interp, "_set_done", 1, 1)?;
    h.set_done();
    Ok(Value::None)
}

pub fn handle_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = this(interp, &args)?;
    let s = format!(
        "<_thread._ThreadHandle object: ident={}>",
        h.ident.load(Ordering::SeqCst)
    );
    Ok(interp.new_str(s))
}

/// `join(timeout=None)`: waits for the thread to finish (a negative or None timeout waits
/// forever).
pub fn handle_join(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = this(interp, &args)?;
    args.check_kw(interp, "join", &["timeout"])?;
    let p = args.count(interp, "join", 1, 2)?;
    let timeout = match p.get(1).or(args.kw("timeout")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = crate::ops::to_f64(v).ok_or_else(|| {
                interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer or float",
                    interp.type_name(v)
                ))
            })?;
            if t.is_nan() {
                return Err(interp.value_error("Invalid value NaN (not a number)"));
            }
            if t < 0.0 {
                None
            } else {
                Some(Duration::from_secs_f64(t.min(th::TIMEOUT_MAX)))
            }
        }
    };
    match h.state() {
        State::NotStarted => return Err(interp.runtime_error("thread not started")),
        State::Done => return Ok(Value::None),
        _ => {}
    }
    if h.ident.load(Ordering::SeqCst) == interp.thread_state().id {
        return Err(interp.runtime_error("Cannot join current thread"));
    }
    wait_handle(interp, &h, timeout)?;
    Ok(Value::None)
}

/// Waits (detached, interruptibly in the main thread) for `h` to be done.
fn wait_handle(interp: &mut Interp, h: &Arc<Handle>, timeout: Option<Duration>) -> PyResult<()> {
    if h.state() == State::Done {
        return Ok(());
    }
    if timeout.is_some_and(|t| t.is_zero()) {
        return Ok(());
    }
    let h2 = h.clone();
    let waker: gilvm_sync::signals::Waker = Arc::new(move || h2.wake_all());
    let h3 = h.clone();
    th::interruptible_wait(
        interp,
        "join",
        "_thread._ThreadHandle",
        timeout,
        waker,
        move |d| h3.wait_done(d, true),
    )?;
    Ok(())
}

/// `start_joinable_thread(function, handle=None, daemon=True)`.
pub fn start_joinable_thread(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(
        interp,
        "start_joinable_thread",
        &["function", "handle", "daemon"],
    )?;
    let p = args.count(interp, "start_joinable_thread", 0, 3)?;
    let Some(func) = p.first().or(args.kw("function")).cloned() else {
        return Err(interp
            .type_error("start_joinable_thread() missing required argument 'function' (pos 1)"));
    };
    if !crate::modules::collections::is_callable(interp, &func) {
        return Err(interp.type_error("thread function must be callable"));
    }
    let handle_v = p.get(1).or(args.kw("handle")).cloned();
    let daemon = match p.get(2).or(args.kw("daemon")) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let (hobj, h) = match handle_v {
        None | Some(Value::None) => {
            let h = Handle::new(State::NotStarted, 0);
            (new_handle_obj(interp, h.clone()), h)
        }
        Some(v) => match handle_of(interp, &v) {
            Some(h) => (v, h),
            None => {
                return Err(interp.type_error(format!(
                    "'handle' must be a _ThreadHandle, not {}",
                    interp.type_name(&v)
                )))
            }
        },
    };
    {
        let mut s = h.state.lock();
        if *s != State::NotStarted {
            return Err(interp.runtime_error("thread already started"));
        }
        *s = State::Starting;
    }
    if !daemon {
        NON_DAEMON.lock().push(h.clone());
    }
    let empty = interp.new_tuple(vec![]);
    if let Err(e) = th::spawn_thread(interp, func, empty, Value::None, Some(h.clone())) {
        h.reset();
        let me: *const Handle = Arc::as_ptr(&h);
        NON_DAEMON
            .lock()
            .retain(|x| !std::ptr::eq(Arc::as_ptr(x), me));
        return Err(e);
    }
    Ok(hobj)
}

/// `_make_thread_handle(ident)`: a running handle for a thread not started by
/// `start_joinable_thread` (the main thread, a foreign thread).
pub fn make_thread_handle(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_make_thread_handle", 1, 1)?;
    let Value::Int(ident) = a[0] else {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(&a[0])
        )));
    };
    Ok(new_handle_obj(
        interp,
        Handle::new(State::Running, ident as u64),
    ))
}

pub fn get_main_thread_ident(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_get_main_thread_ident", 0, 0)?;
    let id = MAIN_IDENT.load(Ordering::SeqCst);
    Ok(Value::Int(if id == 0 {
        interp.thread_state().id
    } else {
        id
    } as i64))
}

/// `_shutdown()`: waits for every non-daemon thread started by `start_joinable_thread`
/// (except the calling thread); a KeyboardInterrupt in the main thread stops the wait.
pub fn shutdown(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_shutdown", 0, 0)?;
    let me = interp.thread_state().id;
    loop {
        let next = NON_DAEMON
            .lock()
            .iter()
            .find(|h| h.ident.load(Ordering::SeqCst) != me && h.state() != State::Done)
            .cloned();
        let Some(h) = next else {
            return Ok(Value::None);
        };
        wait_handle(interp, &h, None)?;
        h.set_done_if_finished();
    }
}

impl Handle {
    /// After a completed join the handle is done; make sure it left the list.
    fn set_done_if_finished(&self) {
        if self.state() == State::Done {
            let me: *const Handle = self;
            NON_DAEMON
                .lock()
                .retain(|h| !std::ptr::eq(Arc::as_ptr(h), me));
        }
    }
}

/// The handle type's methods (`th::types` creates the type).
pub fn add_methods(interp: &mut Interp, t: &ObjRef) {
    use crate::builtins::{add_getset, add_method, add_static};
    add_static(interp, t, "__new__", handle_new);
    add_method(interp, t, "join", handle_join);
    add_method(interp, t, "is_done", handle_is_done);
    add_method(interp, t, "_set_done", handle_set_done);
    add_method(interp, t, "__repr__", handle_repr);
    add_getset(interp, t, "ident", handle_ident);
}

/// In a forked child (`threads::fork_process`): the calling thread is the only one and
/// the main thread; every other thread's handle is done.
pub fn after_fork_child(interp: &mut Interp) {
    let me = interp.thread_state().id;
    MAIN_IDENT.store(me, Ordering::SeqCst);
    let others: Vec<Arc<Handle>> = NON_DAEMON
        .lock()
        .iter()
        .filter(|h| h.ident.load(Ordering::SeqCst) != me)
        .cloned()
        .collect();
    for h in others {
        h.set_done();
    }
}
