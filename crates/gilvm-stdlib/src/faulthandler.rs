//! The `faulthandler` module. Its Python half (`py/faulthandler.py`, run as the module
//! body) handles the arguments, `dump_traceback` (gilvm's frames, through
//! `sys._getframe`) and the `dump_traceback_later` watchdog thread. This native half
//! installs the fatal-signal handlers of `enable()`: on SIGSEGV, SIGFPE, SIGABRT, SIGBUS
//! or SIGILL the handler writes `Fatal Python error: <signal>` to the chosen descriptor,
//! puts the previous handlers back and re-raises the signal with its default action, so that
//! the process ends with it as under CPython.
//!
//! Limitation: the handler cannot walk gilvm's Python frames (they are not readable in an
//! async-signal-safe way), so it says so instead of printing the traceback that CPython
//! prints at that point.
//!
//! **Invariants.** The handler only reads the static descriptor and signal tables and
//! makes async-signal-safe calls (`write`, `sigaction`, `raise`); the tables are written
//! by `_enable_fatal`/`_disable_fatal`, which run attached (one at a time under the GIL,
//! or under this module's lock on the free-threaded build) while no handler is installed
//! or before re-installing.
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Mutex;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::modules::util::run_embedded;
use gilvm_vm::{Args, Interp, PyResult};

const SIGNALS: [(libc::c_int, &str); 5] = [
    (libc::SIGSEGV, "Segmentation fault"),
    (libc::SIGFPE, "Floating-point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
];

static FD: AtomicI32 = AtomicI32::new(2);
static INSTALLED: AtomicBool = AtomicBool::new(false);
static LOCK: Mutex<()> = Mutex::new(());

/// The handlers that were in place before `enable()`.
struct Previous(UnsafeCell<[Option<libc::sigaction>; 5]>);
// SAFETY: written only under LOCK while the fatal handlers are not installed; read by the
// handler (async-signal context) and by `_disable_fatal` under LOCK.
unsafe impl Sync for Previous {}
static PREVIOUS: Previous = Previous(UnsafeCell::new([None; 5]));

fn write_all(fd: libc::c_int, b: &[u8]) {
    let mut off = 0;
    while off < b.len() {
        // SAFETY: writes from a live slice; write(2) is async-signal-safe.
        let n = unsafe { libc::write(fd, b[off..].as_ptr().cast(), b.len() - off) };
        if n <= 0 {
            return;
        }
        off += n as usize;
    }
}

/// Puts the previous handlers back (`faulthandler_disable_fatal_handler`).
fn restore() {
    // SAFETY: PREVIOUS is only written while the handlers are not installed (see the
    // invariants above); sigaction is async-signal-safe.
    unsafe {
        let prev = &*PREVIOUS.0.get();
        for (i, (sig, _)) in SIGNALS.iter().enumerate() {
            if let Some(p) = &prev[i] {
                libc::sigaction(*sig, p, std::ptr::null_mut());
            }
        }
    }
}

extern "C" fn fatal_handler(sig: libc::c_int) {
    let fd = FD.load(Ordering::Relaxed);
    let name = SIGNALS
        .iter()
        .find(|(s, _)| *s == sig)
        .map(|(_, n)| *n)
        .unwrap_or("Fatal signal");
    write_all(fd, b"Fatal Python error: ");
    write_all(fd, name.as_bytes());
    write_all(
        fd,
        b"\n\n(gilvm cannot show the Python traceback from a signal handler)\n",
    );
    INSTALLED.store(false, Ordering::Relaxed);
    restore();
    // The signal itself gets the default action (the process ends with it, as under
    // CPython, whose previous handler is the default one): the previous handler here may
    // be the Rust runtime's guard-page handler, which resets to the default and returns,
    // expecting the faulting instruction to run again, which a sent signal would not.
    // SAFETY: signal and raise are async-signal-safe.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

fn enable_fatal(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_enable_fatal", 2, 2)?;
    let fd = interp.index_value(&a[0])?;
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    FD.store(fd as i32, Ordering::Relaxed);
    if INSTALLED.load(Ordering::Relaxed) {
        return Ok(Value::None);
    }
    // SAFETY: the handlers are not installed, so nothing reads PREVIOUS concurrently; the
    // sigaction structs are zero-initialised and filled before use.
    unsafe {
        let prev = &mut *PREVIOUS.0.get();
        for (i, (sig, _)) in SIGNALS.iter().enumerate() {
            let mut act: libc::sigaction = std::mem::zeroed();
            act.sa_sigaction = fatal_handler as *const () as usize;
            act.sa_flags = libc::SA_NODEFER | libc::SA_ONSTACK;
            libc::sigemptyset(&mut act.sa_mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(*sig, &act, &mut old) == 0 {
                prev[i] = Some(old);
            } else {
                prev[i] = None;
            }
        }
    }
    INSTALLED.store(true, Ordering::Relaxed);
    Ok(Value::None)
}

fn disable_fatal(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_disable_fatal", 0, 0)?;
    let _g = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    if INSTALLED.swap(false, Ordering::Relaxed) {
        restore();
    }
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "_enable_fatal", enable_fatal);
    interp.add_function(m, "_disable_fatal", disable_fatal);
    run_embedded(
        interp,
        m,
        "<faulthandler>",
        include_str!("py/faulthandler.py"),
    )
}
