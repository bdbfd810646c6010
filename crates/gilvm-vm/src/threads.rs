//! The interpreter side of thread scheduling: what a thread does when its eval breaker is
//! set. (The GIL hand-off protocol itself lives in `gilvm-sync`.)
use crate::error::PyResult;
use crate::interp::Interp;

use std::time::{Duration, Instant};

use gilvm_sync::{EvalBreaker, Priority};

/// A wait shorter than this did not really block: the thread re-attaches without priority.
const BLOCKED_THRESHOLD: Duration = Duration::from_micros(50);

/// Handles the bits of the current thread's eval-breaker word.
pub fn eval_breaker(interp: &mut Interp) -> PyResult<()> {
    let bits = interp.thread_state().eval_breaker.take(
        EvalBreaker::DROP_REQUEST
            | EvalBreaker::MERGE_REFS
            | EvalBreaker::STOP_WORLD
            | EvalBreaker::SOLO_END
            | EvalBreaker::SIGNALS
            | EvalBreaker::GC,
    );
    if bits & EvalBreaker::SOLO_END != 0 {
        // A second thread is starting: from here on this thread takes object locks.
        interp.g.gil.ack_solo_end(&interp.thread_state);
    }
    if bits & EvalBreaker::MERGE_REFS != 0 {
        gilvm_object::objref::drain_merge_queue(interp.py, &interp.thread_state);
    }
    if bits & EvalBreaker::STOP_WORLD != 0 {
        // Another thread is turning the GIL on: stay parked until it is done.
        interp.g.gil.park_for_stop(&interp.thread_state);
    }
    if bits & EvalBreaker::DROP_REQUEST != 0 {
        let gil = interp.g.gil;
        // SAFETY: this thread holds the GIL (it is running bytecode) and touches no object
        // until `take` returns.
        unsafe { gil.drop_gil(&interp.thread_state, true) };
        gil.take(&interp.thread_state, Priority::Normal);
    }
    if bits & EvalBreaker::GC != 0 {
        // An automatic collection of reference cycles (`modules/gc.rs`).
        crate::modules::gc::collect_scheduled(interp);
    }
    if bits & EvalBreaker::SIGNALS != 0 {
        // Last: a handler's exception propagates from here, after the other bits' work.
        crate::modules::signal::run_pending(interp)?;
    }
    Ok(())
}

/// Runs `f` detached from the VM (the GIL released), like PyO3's `allow_threads`.
/// `f` must be `Send`, so it cannot capture object references. The time counts as a
/// blocking call of kind `"io"` in the statistics; see [`detach_for`].
pub fn detach<R: Send>(interp: &mut Interp, f: impl FnOnce() -> R + Send) -> R {
    detach_for(interp, "io", f)
}

thread_local! {
    static BLOCK_LABEL: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// Labels the next lock wait of this thread (`"join"`, `"queue"`, …) in the timeline; set
/// by `threading`/`queue` through `_thread._gilvm_block_label` (only while collecting).
pub fn set_block_label(label: Option<&'static str>) {
    BLOCK_LABEL.with(|l| l.set(label));
}

/// Takes the label set by [`set_block_label`], or `default`.
pub fn take_block_label(default: &'static str) -> &'static str {
    if !gilvm_sync::stats::active() {
        return default;
    }
    BLOCK_LABEL.with(|l| l.take()).unwrap_or(default)
}

/// [`detach`], naming the kind of blocking call (`"sleep"`, `"lock"`, `"join"`, `"io"`, …)
/// for the statistics and the timeline.
pub fn detach_for<R: Send>(
    interp: &mut Interp,
    kind: &'static str,
    f: impl FnOnce() -> R + Send,
) -> R {
    let gil = interp.g.gil;
    // SAFETY: this thread holds the GIL while it has an Interp (taken when it attached);
    // `f` is Send, so it cannot capture object references, and nothing touches objects
    // until the GIL is re-taken below.
    unsafe { gil.drop_gil(&interp.thread_state, false) };
    let start = Instant::now();
    let blocked = gilvm_sync::stats::Blocked::start(kind);
    let r = f();
    drop(blocked);
    let prio = if start.elapsed() >= BLOCKED_THRESHOLD {
        Priority::Returning
    } else {
        Priority::Normal
    };
    gil.take(&interp.thread_state, prio);
    r
}

/// `fork()` for the interpreter: `f` is the fork system call (its result, and whether
/// this is the child). No other thread can touch an object or hold the GIL's state while
/// it runs (`gilvm_sync::Gil::fork`); in the child, where only this thread exists, the
/// scheduler forgets the others, this thread becomes the main thread, and the handles of
/// the other Python threads are done (so `_shutdown` at exit does not wait for them).
/// The `os.register_at_fork` hooks and `threading`'s own `_after_fork` are the caller's.
pub fn fork_process<R: Send>(interp: &mut Interp, f: impl FnOnce() -> (R, bool)) -> R {
    let ts = interp.thread_state.clone();
    let mut child = false;
    let r = interp.g.gil.fork(&ts, || {
        let (r, c) = f();
        child = c;
        (r, c)
    });
    if child {
        FORKED_CHILD.store(true, std::sync::atomic::Ordering::SeqCst);
        crate::modules::thread_handle::after_fork_child(interp);
    }
    r
}

static FORKED_CHILD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Is this process a child made by `os.fork()` (whose process main thread, the one that
/// runs the command line, does not exist)?
pub fn is_forked_child() -> bool {
    FORKED_CHILD.load(std::sync::atomic::Ordering::SeqCst)
}
