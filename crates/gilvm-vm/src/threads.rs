//! The interpreter side of thread scheduling: what a thread does when its eval breaker is
//! set. (The GIL hand-off protocol itself lives in `gilvm-sync`.)
use crate::error::PyResult;
use crate::interp::Interp;

/// Handles the bits of the current thread's eval-breaker word.
pub fn eval_breaker(interp: &mut Interp) -> PyResult<()> {
    let ts = interp.thread_state();
    let _bits = ts.eval_breaker.take(u32::MAX);
    Ok(())
}

/// Runs `f` detached from the VM (the GIL released), like PyO3's `allow_threads`.
/// `f` must be `Send`, so it cannot capture object references.
pub fn detach<R: Send>(interp: &mut Interp, f: impl FnOnce() -> R + Send) -> R {
    let gil = interp.g.gil;
    // SAFETY: this thread holds the GIL while it has an Interp (taken in `with_interp`);
    // nothing touches objects until it is re-taken below.
    unsafe { gil.drop_gil() };
    let r = f();
    gil.take();
    r
}
