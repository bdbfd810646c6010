//! Operating-system signals: the C-level handler, the "tripped" flags, and the waits a
//! signal interrupts.
//!
//! # What
//!
//! Python code asks for signals with `signal.signal(SIGINT, handler)`; SIGINT raises
//! `KeyboardInterrupt` by default. A Python handler cannot run inside the operating system's
//! signal handler: that handler interrupts whatever the process was doing (possibly in the
//! middle of a `malloc`, holding the allocator's lock, or half-way through a reference-count
//! update), and only async-signal-safe work is allowed there. So, as CPython, gilvm splits
//! the work in two:
//!
//! 1. The C-level handler [`on_signal`] (any OS thread may run it) only
//!    - records the signal in `TRIPPED` (its flag, then the summary flag);
//!    - sets the `SIGNALS` bit of the **main thread's** eval-breaker word;
//!    - writes one byte to the user's wakeup fd (`signal.set_wakeup_fd`) and one to the
//!      self-pipe read by the watcher thread (see "Interrupting waits").
//!
//!    These are lock-free atomic operations and `write(2)`, all async-signal-safe; `errno`
//!    is saved and restored around them.
//! 2. The main thread, at its next eval-breaker check (loop back-edges and function entry),
//!    sees `SIGNALS`, takes the tripped signals with [`take_tripped`] and runs their Python
//!    handlers (the VM's `modules/signal.rs`). An exception raised by a handler propagates
//!    from the point where the check happened, as in CPython.
//!
//! This crate knows nothing of Python objects: it stores no handler, only which signals have
//! a C-level handler installed and which have tripped.
//!
//! # Ordering (why no signal is lost)
//!
//! The flags live in `tripped.rs` ([`Tripped`]): the handler sets the signal's flag, then
//! the summary flag; the consumer clears the summary, then each flag. That order is what
//! makes a signal arriving during a scan be seen either by that scan or by the next check;
//! the reverse order loses it (the loom model `loom_tripped.rs` and its broken variant).
//!
//! The eval-breaker bit is a hint to look; the summary flag is the truth. A spurious bit (the
//! signal was already handled by an earlier scan) finds nothing to do.
//!
//! # The main thread
//!
//! Handlers run only in the main thread (the first thread that attached to the VM,
//! [`set_main_thread`]). Its `ThreadState` is published to the handler through an
//! `AtomicPtr`; the `Arc` behind it is leaked on purpose (a handler running concurrently on
//! another OS thread may still be reading the previous pointer, so it must never be freed;
//! it is one small allocation per main-thread attachment).
//!
//! # Interrupting waits
//!
//! When the main thread blocks (`time.sleep`, a lock acquire, `Thread.join`, …) it is
//! detached from the VM and checks no eval breaker. gilvm's Python main thread is not the
//! process's first thread, and the kernel delivers a process-directed signal to any thread,
//! so `EINTR` cannot be relied on (and condition-variable waits retry on it anyway).
//! Instead, an interruptible wait registers a *waker* (a closure that notifies the condition
//! variable it waits on) with [`with_waker`] and re-checks [`pending_here`] each time it
//! wakes. The C-level handler writes a byte to a self-pipe; a watcher thread (started when
//! the first C-level handler is installed, never attached to the VM) blocks reading that
//! pipe and calls the registered waker. The waiter checks the summary flag while holding the
//! mutex of its condition variable, and the waker takes that mutex before notifying, so a
//! signal that trips between the check and the wait still wakes it (no lost wake-up). The
//! wait then returns "interrupted", the caller runs the handlers, and resumes the wait with
//! the remaining time (PEP 475) or propagates the handler's exception. A wait for input
//! ([`wait_readable`], used by `input()`) polls the file descriptor together with a second
//! pipe that its waker writes to.
//!
//! # Which thread receives a signal
//!
//! Threads that run no Python code (the command line's first thread, the watcher) block
//! the asynchronous signals ([`block_async_signals_here`]), so the kernel delivers a signal
//! sent to the process to a thread that runs Python code: in a single-threaded program, the
//! main thread itself, which then has run the C-level handler by the time its wait returns
//! (input and a Ctrl-C arriving together: the Ctrl-C is seen first) and by the time its
//! `os.kill(os.getpid(), sig)` returns. With several Python threads the kernel may pick
//! another one; [`kill`] to the own process then waits (bounded) for the delivery.
//!
//! # Invariants
//!
//! - [`on_signal`] touches only atomics and `write(2)`; it allocates nothing, takes no lock.
//! - A signal's flag is set before the summary flag; consumers clear in the opposite order
//!   (`tripped.rs`).
//! - Only the main thread registers a waker and runs Python handlers.
//! - The C-level disposition is changed only by [`set_disposition`] (the VM's
//!   `signal.signal`, start-up, and exit), which keeps `INSTALLED` in step with it.
use std::ffi::c_int;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use crate::thread::{current_thread_id, EvalBreaker, ThreadState};
use crate::tripped::Tripped;

/// SIGINT (Ctrl-C).
pub const SIGINT: i32 = libc::SIGINT;

/// The signal names the `signal` module exports, with this platform's numbers.
pub const SIGNAL_NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

/// Number of signal numbers, as CPython's `signal.NSIG` on Linux (signals are 1..NSIG).
pub const NSIG: usize = 65;

/// Which signals tripped since the last [`take_tripped`] (`tripped.rs`: the flag-then-
/// summary order that loses no signal, model-checked).
static TRIPPED: Tripped<NSIG> = Tripped::new();
/// Times the handler ran for each signal (lets `kill` to this process wait for delivery).
static DELIVERED: [AtomicU32; NSIG] = [const { AtomicU32::new(0) }; NSIG];
/// Signals whose disposition is [`on_signal`] (set by [`set_disposition`]).
static INSTALLED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// The main thread's state (leaked `Arc`), or null before one attached.
static MAIN_TS: AtomicPtr<ThreadState> = AtomicPtr::new(std::ptr::null_mut());
/// gilvm's id of the main thread (0: none yet).
static MAIN_ID: AtomicU64 = AtomicU64::new(0);
/// The user's wakeup fd (`signal.set_wakeup_fd`), or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// Write end of the watcher's self-pipe, or -1 before the watcher started.
static SELF_PIPE: AtomicI32 = AtomicI32::new(-1);
/// The main thread's current interruptible wait.
static WAKER: Mutex<Option<Waker>> = Mutex::new(None);

/// A closure that wakes the main thread's current wait (it must take the wait's mutex
/// before notifying: see the module docs).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// The C-level signal handler. Async-signal-safe: atomics and `write(2)` only.
extern "C" fn on_signal(sig: c_int) {
    // SAFETY: `__errno_location` returns this thread's errno slot, valid for the thread's
    // lifetime; reading and restoring it keeps the interrupted code's errno intact.
    let saved_errno = unsafe { *libc::__errno_location() };
    TRIPPED.trip(sig.max(0) as usize);
    if sig > 0 && (sig as usize) < NSIG {
        DELIVERED[sig as usize].fetch_add(1, Ordering::SeqCst);
    }
    let ts = MAIN_TS.load(Ordering::Acquire);
    if !ts.is_null() {
        // SAFETY: a pointer stored in MAIN_TS comes from a leaked `Arc<ThreadState>` and is
        // never freed; `EvalBreaker::set` is a lock-free `fetch_or`.
        unsafe { (*ts).eval_breaker.set(EvalBreaker::SIGNALS) };
    }
    let byte = sig as u8;
    for fd in [
        WAKEUP_FD.load(Ordering::Relaxed),
        SELF_PIPE.load(Ordering::Relaxed),
    ] {
        if fd >= 0 {
            // SAFETY: writes one byte from a live stack variable; `write` is
            // async-signal-safe. A full pipe or a closed fd only makes the write fail,
            // which is harmless (the flags above are what matter).
            unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
        }
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved_errno };
}

/// Is `sig` a signal number this module can name (1..NSIG)?
pub fn in_range(sig: i64) -> bool {
    sig >= 1 && (sig as usize) < NSIG
}

/// A signal's disposition at the C level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// `SIG_DFL`.
    Default,
    /// `SIG_IGN`.
    Ignore,
    /// gilvm's handler: the signal trips and the main thread runs the Python handler.
    Handler,
    /// Some other handler (installed by native code outside gilvm).
    Other,
}

/// The current C-level disposition of `sig`.
pub fn disposition(sig: i32) -> io::Result<Disposition> {
    // SAFETY: `sigaction` with a null new action only reads the current one into `old`,
    // a zeroed plain-data struct owned by this frame.
    let old = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return Err(io::Error::last_os_error());
        }
        old
    };
    Ok(match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == on_signal as *const () as libc::sighandler_t => Disposition::Handler,
        _ => Disposition::Other,
    })
}

/// Sets the C-level disposition of `sig` (`Other` is not allowed). Installing the handler
/// starts the watcher thread the first time. Errors are the OS's (`EINVAL` for `SIGKILL`).
pub fn set_disposition(sig: i32, d: Disposition) -> io::Result<()> {
    if !in_range(sig as i64) {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    let handler = match d {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Handler => {
            start_watcher();
            on_signal as *const () as libc::sighandler_t
        }
        Disposition::Other => return Err(io::Error::from_raw_os_error(libc::EINVAL)),
    };
    // SAFETY: `act` is a fully initialised sigaction (zeroed, then the handler, an empty
    // mask and SA_RESTART so that system calls of unrelated code are restarted rather than
    // failing with EINTR); `on_signal` is async-signal-safe.
    let r = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_flags = libc::SA_RESTART | libc::SA_ONSTACK;
        libc::sigaction(sig, &act, std::ptr::null_mut())
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    INSTALLED[sig as usize].store(d == Disposition::Handler, Ordering::SeqCst);
    Ok(())
}

/// Starts the watcher thread and its self-pipe (once).
fn start_watcher() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        let mut fds = [-1 as c_int; 2];
        // SAFETY: `fds` is a two-element array as `pipe2` requires.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return;
        }
        let (rd, wr) = (fds[0], fds[1]);
        // The handler must never block on a full pipe: the write end is non-blocking.
        // SAFETY: plain fcntl calls on a descriptor this function just created.
        unsafe {
            let fl = libc::fcntl(wr, libc::F_GETFL);
            libc::fcntl(wr, libc::F_SETFL, fl | libc::O_NONBLOCK);
        }
        let spawned = std::thread::Builder::new()
            .name("gilvm-signals".into())
            .stack_size(64 * 1024)
            .spawn(move || watcher(rd));
        if spawned.is_ok() {
            SELF_PIPE.store(wr, Ordering::SeqCst);
        }
    });
}

/// Blocks the asynchronous signals (all but the synchronous fault signals, which the kernel
/// sends to the faulting thread) in the calling thread, for threads that run no Python code
/// (the command line's first thread, the watcher). The kernel then delivers a signal sent
/// to the process to a thread that runs Python code, in a single-threaded program the main
/// thread itself: its handler has run when a wait of the main thread wakes up (a signal
/// that arrives together with input is seen before the input) and when `os.kill` to the
/// own process returns.
pub fn block_async_signals_here() {
    // SAFETY: a zero-initialised sigset filled and edited with the libc functions, passed
    // by pointer to pthread_sigmask for the calling thread.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [
            libc::SIGSEGV,
            libc::SIGBUS,
            libc::SIGFPE,
            libc::SIGILL,
            libc::SIGTRAP,
            libc::SIGSYS,
            libc::SIGABRT,
        ] {
            libc::sigdelset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// The watcher thread: each byte read from the self-pipe means a signal tripped; wake the
/// main thread's wait, if it is in one.
fn watcher(rd: c_int) {
    block_async_signals_here();
    let mut buf = [0u8; 64];
    loop {
        // SAFETY: reads into a live stack buffer of the given length.
        let n = unsafe { libc::read(rd, buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            return;
        }
        if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
        // Synchronises with the handler's SeqCst stores, so a waiter that takes the waker
        // lock after this one sees the tripped flags.
        if TRIPPED.any() {
            let w = WAKER.lock().clone();
            if let Some(w) = w {
                w();
            }
        }
    }
}

/// Publishes `ts` as the main thread (the one that runs Python signal handlers), unless
/// another OS thread already is. Returns whether the current thread is the main thread.
pub fn set_main_thread(ts: &Arc<ThreadState>) -> bool {
    let me = current_thread_id();
    let ok = match MAIN_ID.compare_exchange(0, me, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => true,
        Err(id) => id == me,
    };
    if ok {
        // Leaked on purpose: see "The main thread" in the module docs.
        let p = Arc::into_raw(ts.clone()) as *mut ThreadState;
        MAIN_TS.store(p, Ordering::Release);
        if TRIPPED.any() {
            ts.eval_breaker.set(EvalBreaker::SIGNALS);
        }
    }
    ok
}

/// In a forked child: the forking thread (the only one left) is the main thread.
pub(crate) fn after_fork_child(ts: &Arc<ThreadState>) {
    MAIN_ID.store(current_thread_id(), Ordering::SeqCst);
    // Leaked on purpose, as in `set_main_thread`.
    let p = Arc::into_raw(ts.clone()) as *mut ThreadState;
    MAIN_TS.store(p, Ordering::Release);
}

/// Is the current thread the main thread?
pub fn is_main_thread() -> bool {
    let id = MAIN_ID.load(Ordering::SeqCst);
    id != 0 && id == current_thread_id()
}

/// Has some signal tripped that has not been taken yet?
pub fn pending() -> bool {
    TRIPPED.any()
}

/// [`pending`], and the current thread is the one that handles signals: the check an
/// interruptible wait makes.
pub fn pending_here() -> bool {
    pending() && is_main_thread()
}

/// Takes the tripped signals (clearing their flags), in increasing signal number.
/// Only the main thread calls this.
pub fn take_tripped() -> Vec<i32> {
    TRIPPED.take().into_iter().map(|s| s as i32).collect()
}

/// Marks `sig` tripped again (a handler could not run now, e.g. an exception was already
/// being raised; it will run at the next check).
pub fn retrip(sig: i32) {
    TRIPPED.trip(if in_range(sig as i64) {
        sig as usize
    } else {
        0
    });
    let ts = MAIN_TS.load(Ordering::Acquire);
    if !ts.is_null() {
        // SAFETY: see `on_signal`.
        unsafe { (*ts).eval_breaker.set(EvalBreaker::SIGNALS) };
    }
}

/// Runs `f` (a blocking wait of the main thread) with `waker` registered, so that a signal
/// wakes it. On other threads it just runs `f`. `f` must re-check [`pending_here`] under
/// the mutex that `waker` takes, before each wait.
pub fn with_waker<R>(waker: Waker, f: impl FnOnce() -> R) -> R {
    if !is_main_thread() {
        return f();
    }
    let prev = WAKER.lock().replace(waker);
    struct Restore(Option<Waker>);
    impl Drop for Restore {
        fn drop(&mut self) {
            *WAKER.lock() = self.0.take();
        }
    }
    let _restore = Restore(prev);
    f()
}

/// Sleeps the current thread until `deadline`, returning early (true) if a signal tripped
/// and this is the main thread.
pub fn sleep_until(deadline: std::time::Instant) -> bool {
    if !is_main_thread() {
        // No signal interrupts another thread's sleep.
        std::thread::sleep(deadline.saturating_duration_since(std::time::Instant::now()));
        return false;
    }
    struct Sleeper {
        m: Mutex<()>,
        cv: parking_lot::Condvar,
    }
    let s = Arc::new(Sleeper {
        m: Mutex::new(()),
        cv: parking_lot::Condvar::new(),
    });
    let s2 = s.clone();
    let waker: Waker = Arc::new(move || {
        let _g = s2.m.lock();
        s2.cv.notify_all();
    });
    with_waker(waker, || {
        let mut g = s.m.lock();
        loop {
            if pending_here() {
                return true;
            }
            if std::time::Instant::now() >= deadline {
                return false;
            }
            s.cv.wait_until(&mut g, deadline);
        }
    })
}

/// The pipe that wakes [`wait_readable`] (read end, write end; both non-blocking).
fn poll_wake_pipe() -> io::Result<(c_int, c_int)> {
    static PIPE: std::sync::OnceLock<(c_int, c_int)> = std::sync::OnceLock::new();
    if let Some(p) = PIPE.get() {
        return Ok(*p);
    }
    let mut fds = [-1 as c_int; 2];
    // SAFETY: `fds` is a two-element array as `pipe2` requires.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let p = *PIPE.get_or_init(|| (fds[0], fds[1]));
    if p != (fds[0], fds[1]) {
        // Another thread won the race: close ours.
        // SAFETY: both descriptors were created above and are used nowhere else.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
    Ok(p)
}

/// Waits until `fd` is readable (or at end of file, or in error: the read that follows
/// reports it): `Ok(true)`. In the main thread a tripped signal ends the wait first:
/// `Ok(false)`, the caller runs the handlers and waits again. (`input()` waits on stdin
/// this way, so Ctrl-C at a prompt is a `KeyboardInterrupt` at once.)
pub fn wait_readable(fd: i32) -> io::Result<bool> {
    let main = is_main_thread();
    let wake = if main { Some(poll_wake_pipe()?) } else { None };
    let wait = move || -> io::Result<bool> {
        loop {
            let mut fds = [
                libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: -1,
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            if let Some((rd, _)) = wake {
                // Drain the wake-ups of earlier signals, then check the flag: a signal that
                // trips after the check writes to the pipe again (the waker), so poll returns.
                let mut buf = [0u8; 64];
                // SAFETY: reads into a live stack buffer from our own non-blocking pipe.
                while unsafe { libc::read(rd, buf.as_mut_ptr().cast(), buf.len()) } > 0 {}
                if pending_here() {
                    return Ok(false);
                }
                fds[1].fd = rd;
            }
            // SAFETY: `fds` is a live array of two initialised pollfd structs (a negative fd
            // is ignored by poll).
            let r = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
            if r < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            // A signal that arrived with the input goes first (as EINTR would in CPython).
            if wake.is_some() && pending_here() {
                return Ok(false);
            }
            if fds[0].revents != 0 {
                return Ok(true);
            }
        }
    };
    match wake {
        Some((_, wr)) => {
            let waker: Waker = Arc::new(move || {
                let b = 0u8;
                // SAFETY: writes one byte from a live stack variable to our own pipe (a full
                // pipe already guarantees a wake-up, so a failed write is harmless).
                unsafe { libc::write(wr, (&b as *const u8).cast(), 1) };
            });
            with_waker(waker, wait)
        }
        None => wait(),
    }
}

/// `signal.set_wakeup_fd(fd)`: sets the user's wakeup fd (-1 to disable); returns the old.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// Is `fd` an open descriptor in non-blocking mode? (`EBADF` if it is not open.)
pub fn fd_is_nonblocking(fd: i32) -> io::Result<bool> {
    // SAFETY: F_GETFL only queries the descriptor table.
    let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if fl < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(fl & libc::O_NONBLOCK != 0)
}

/// Sends `sig` to the current thread (`signal.raise_signal`).
pub fn raise(sig: i32) -> io::Result<()> {
    // SAFETY: `raise` takes a plain integer; invalid numbers fail with EINVAL.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// `kill(2)`: sends `sig` to process `pid` (`os.kill`).
///
/// A signal sent to this process with gilvm's handler installed is waited for (up to
/// [`SELF_KILL_WAIT`]) until the handler ran: the kernel may deliver a process-directed
/// signal to any of the process's threads, after `kill` returned, whereas a Python program
/// expects `os.kill(os.getpid(), sig)` to have run the handler when it returns (as it does
/// in single-threaded CPython, where the caller is the thread that receives it).
pub fn kill(pid: i32, sig: i32) -> io::Result<()> {
    let to_self = pid == std::process::id() as i32 && in_range(sig as i64);
    let before = if to_self {
        DELIVERED[sig as usize].load(Ordering::SeqCst)
    } else {
        0
    };
    // SAFETY: `kill` takes plain integers; bad values fail with an errno.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(io::Error::last_os_error());
    }
    if to_self && INSTALLED[sig as usize].load(Ordering::SeqCst) {
        let deadline = std::time::Instant::now() + SELF_KILL_WAIT;
        while DELIVERED[sig as usize].load(Ordering::SeqCst) == before
            && std::time::Instant::now() < deadline
        {
            std::thread::yield_now();
        }
    }
    Ok(())
}

/// How long [`kill`] waits for a signal sent to this process to reach its handler (a
/// blocked signal never does; the wait is bounded so that the call still returns).
pub const SELF_KILL_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// `alarm(2)`: schedules SIGALRM in `secs` seconds (0 cancels); returns the seconds left
/// of the previous alarm.
pub fn alarm(secs: u32) -> u32 {
    // SAFETY: `alarm` has no memory-safety preconditions.
    unsafe { libc::alarm(secs) }
}

/// `strsignal(3)` for a signal number in range, or None when the C library has no text.
pub fn description(sig: i32) -> Option<String> {
    if !in_range(sig as i64) {
        return None;
    }
    // `strsignal` may format unknown numbers into a static buffer: one caller at a time
    // (threads run in parallel in the free-threaded build).
    static STRSIGNAL: Mutex<()> = Mutex::new(());
    let _g = STRSIGNAL.lock();
    // SAFETY: `strsignal` returns a pointer to a NUL-terminated string valid until the next
    // call, which the lock above excludes; it is copied before the lock is released.
    unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned())
    }
}

/// The signal numbers the OS accepts (`signal.valid_signals`): every number 1..NSIG that
/// `sigaddset` accepts.
pub fn valid_signals() -> Vec<i32> {
    let mut out = Vec::new();
    // SAFETY: `set` is a zero-initialised sigset_t owned by this frame.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for sig in 1..NSIG as i32 {
            if libc::sigismember(&set, sig) == 1 {
                out.push(sig);
            }
        }
    }
    out
}

/// Real-time signal range (`SIGRTMIN`, `SIGRTMAX`) as the C library reports it.
pub fn rt_range() -> (i32, i32) {
    (libc::SIGRTMIN(), libc::SIGRTMAX())
}

/// The OS threads that may receive `pthread_kill`: gilvm id → `pthread_t`.
static OS_THREADS: Mutex<Vec<(u64, libc::pthread_t)>> = Mutex::new(Vec::new());

/// Records the current OS thread under gilvm's id until the guard is dropped (at thread
/// exit), so that `signal.pthread_kill(ident, sig)` can find it.
pub fn register_os_thread() -> OsThreadGuard {
    let id = current_thread_id();
    // SAFETY: `pthread_self` has no preconditions.
    let me = unsafe { libc::pthread_self() };
    OS_THREADS.lock().push((id, me));
    OsThreadGuard(id)
}

/// Removes the thread from the `pthread_kill` registry when dropped.
pub struct OsThreadGuard(u64);

impl Drop for OsThreadGuard {
    fn drop(&mut self) {
        let mut v = OS_THREADS.lock();
        if let Some(i) = v.iter().position(|(id, _)| *id == self.0) {
            v.swap_remove(i);
        }
    }
}

/// `pthread_kill` to the live thread with gilvm id `ident`; `ESRCH` if there is none.
pub fn pthread_kill(ident: u64, sig: i32) -> io::Result<()> {
    let v = OS_THREADS.lock();
    let Some(&(_, t)) = v.iter().find(|(id, _)| *id == ident) else {
        return Err(io::Error::from_raw_os_error(libc::ESRCH));
    };
    // SAFETY: `t` belongs to a thread that is still running: its guard removes it from the
    // registry (under this lock, which is held across the call) before the thread exits.
    let r = unsafe { libc::pthread_kill(t, sig) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(())
}

/// Ends the process as killed by `sig` (CPython's exit after an uncaught
/// `KeyboardInterrupt`): restores the default disposition, unblocks the signal and raises
/// it. If the process survives (the default action is to ignore it), exits with
/// `128 + sig`.
pub fn exit_by_signal(sig: i32) -> ! {
    let _ = set_disposition(sig, Disposition::Default);
    // SAFETY: a zeroed sigset with one member, passed by pointer to pthread_sigmask; then
    // `raise` and `_exit`, which have no memory-safety preconditions.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(sig);
        libc::_exit(128 + sig)
    }
}

/// Simulates the arrival of `sig` (`_thread.interrupt_main`): marks it tripped for the
/// main thread and wakes the main thread's interruptible wait, if it is in one. Whether a
/// Python handler runs is decided when the main thread takes the tripped signals.
pub fn simulate(sig: i32) {
    retrip(sig);
    let w = WAKER.lock().clone();
    if let Some(w) = w {
        w();
    }
}
