//! Contention statistics: where each thread's time goes, as the lock strategy sees it.
//!
//! # Mechanism
//! - One global flag word, [`ACTIVE`] (bit [`STATS`]: count, bit [`TRACE`]: also keep a
//!   timeline, see `trace.rs`). Every hook starts with one relaxed load of it; when it is 0
//!   the hook does nothing else (no clock read, no atomic write, no thread-local access).
//! - Per thread, a [`ThreadRecord`] (cumulative counters, the thread's name, its pending
//!   timeline state) is created on the thread's first hook while active and registered in a
//!   global registry, so its totals survive the thread's exit. Only the owning thread writes
//!   its counters (a relaxed load and store, no read-modify-write); any thread may read them
//!   ([`snapshot`]).
//! - Timestamps are nanoseconds since one process-wide `Instant` ([`init_clock`]).
//!
//! # Where the hooks are
//! | hook | caller | counts |
//! |---|---|---|
//! | [`Taking`] (guard) | top of `Gil::take` | acquisitions, switches, GIL wait, start of a running span |
//! | [`released`] | top of `Gil::drop_gil` | running time; drop requests received (forced drops) |
//! | [`forced_switch`] | `drop_gil` when a forced drop hands over | forced switches |
//! | [`drop_request_sent`] | `Gil::take` when it sets `DROP_REQUEST` | drop requests sent |
//! | [`Blocked`] (guard) | the VM's `detach` around a blocking call | blocked time (by kind) |
//! | [`lock_contended`] | `ObjCell` when `try_lock` failed (free-threaded build) | object-lock waits |
//! | [`lock_waited`] | the VM, for a `_thread.lock` acquisition that had to wait | object-lock waits |
//! | [`shared_incref`]/[`shared_decref`] | the object header's non-owner paths | shared-refcount slow path |
//! | [`merge_push`]/[`merged`] | `brc::push`, the object model's queue drain | merge queue |
//! | [`StopTheWorld`] (guard) | the thread that stops the world | stop-the-world events, time |
//! | [`gil_switched`] | wherever the GIL is turned on or off | the GIL history (always recorded) |
//!
//! In the free-threaded build with the GIL off, `take`/`drop_gil` still run their hooks
//! (before returning early), so "running" is the time a thread is attached.
use std::cell::OnceCell;
use std::collections::HashMap;
use std::panic::Location;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering::Relaxed};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use parking_lot::Mutex;

use crate::trace::{Arg, Kind, ThreadTrace};

/// [`ACTIVE`] bit: collect statistics.
pub const STATS: u8 = 1;
/// [`ACTIVE`] bit: also record a timeline.
pub const TRACE: u8 = 2;

/// What is being collected (see the module docs). Set at start-up with [`enable`].
pub static ACTIVE: AtomicU8 = AtomicU8::new(0);
static START: OnceLock<Instant> = OnceLock::new();

/// Is anything being collected? One relaxed load: the only work a hook does when off.
#[inline(always)]
pub fn active() -> bool {
    ACTIVE.load(Relaxed) != 0
}

/// Is a timeline being recorded?
#[inline]
pub fn tracing() -> bool {
    ACTIVE.load(Relaxed) & TRACE != 0
}

/// Fixes the process-start instant all timestamps count from (idempotent).
pub fn init_clock() {
    START.get_or_init(Instant::now);
}

/// Turns collection on (`STATS`, `TRACE` or both). Call at start-up, before threads run.
pub fn enable(what: u8) {
    init_clock();
    ACTIVE.fetch_or(what, Relaxed);
}

/// Nanoseconds since the process-start instant.
#[inline]
pub fn now_ns() -> u64 {
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// Indices of the per-thread counters (all cumulative; `*_NS` are nanoseconds).
pub mod c {
    pub const RUNNING_NS: usize = 0;
    pub const GIL_WAIT_NS: usize = 1;
    pub const BLOCKED_NS: usize = 2;
    pub const ACQUISITIONS: usize = 3;
    pub const SWITCHES: usize = 4;
    pub const DROP_REQUESTS_SENT: usize = 5;
    pub const DROP_REQUESTS_RECEIVED: usize = 6;
    pub const FORCED_SWITCHES: usize = 7;
    pub const BLOCKED_CALLS: usize = 8;
    pub const LOCK_CONTENDED: usize = 9;
    pub const LOCK_WAIT_NS: usize = 10;
    pub const SHARED_INCREFS: usize = 11;
    pub const SHARED_DECREFS: usize = 12;
    pub const MERGE_PUSHES: usize = 13;
    pub const MERGES: usize = 14;
    pub const STW_EVENTS: usize = 15;
    pub const STW_NS: usize = 16;
    pub const N: usize = 17;
}

/// Names of the counters, indexed as [`c`].
pub const COUNTER_NAMES: [&str; c::N] = [
    "running_ns",
    "gil_wait_ns",
    "blocked_ns",
    "acquisitions",
    "switches",
    "drop_requests_sent",
    "drop_requests_received",
    "forced_switches",
    "blocked_calls",
    "lock_contended",
    "lock_wait_ns",
    "shared_increfs",
    "shared_decrefs",
    "merge_pushes",
    "merges",
    "stop_the_world",
    "stop_the_world_ns",
];

/// Object-lock contention at one (type, call site).
#[derive(Clone, Debug)]
pub struct LockSite {
    /// What the lock guards: a Rust type name (`ObjCell<T>`) or a Python type name.
    pub type_name: &'static str,
    /// Where the lock was taken (for `ObjCell`s), if known.
    pub site: Option<&'static Location<'static>>,
    pub contended: u64,
    pub wait_ns: u64,
}

/// Object-lock contention is keyed by guarded type and call site (by value: one call site
/// may have several `Location` statics, one per inlined copy).
type SiteKey = (&'static str, Option<&'static Location<'static>>);

/// State written under the record's mutex: rarely touched (once per switch or slow path).
#[derive(Default)]
struct Slow {
    released_at: u64,
    released_forced: bool,
    lock_sites: HashMap<SiteKey, LockSite>,
    trace: ThreadTrace,
}

/// One thread's statistics. See the module docs.
pub struct ThreadRecord {
    /// gilvm's thread id (`current_thread_id`).
    pub id: u64,
    name: Mutex<String>,
    alive: AtomicBool,
    counters: [AtomicU64; c::N],
    /// `now_ns() + 1` while the thread holds the GIL (is attached), else 0.
    running_since: AtomicU64,
    /// The thread's CPU time, stored when it exits (`u64::MAX` until then).
    cpu_ns: AtomicU64,
    slow: Mutex<Slow>,
}

impl ThreadRecord {
    #[inline]
    fn add(&self, i: usize, v: u64) {
        // Only the owning thread writes its counters: no read-modify-write needed.
        let a = &self.counters[i];
        a.store(a.load(Relaxed).wrapping_add(v), Relaxed);
    }
}

static REGISTRY: Mutex<Vec<Arc<ThreadRecord>>> = Mutex::new(Vec::new());

struct Local(Arc<ThreadRecord>);
impl Drop for Local {
    fn drop(&mut self) {
        if let Some(cpu) = thread_cpu_ns() {
            self.0.cpu_ns.store(cpu, Relaxed);
        }
        self.0.alive.store(false, Relaxed);
    }
}

thread_local! {
    static LOCAL: OnceCell<Local> = const { OnceCell::new() };
}

fn new_local() -> Local {
    let id = crate::thread::current_thread_id();
    let name = match std::thread::current().name() {
        Some(n) if n != "main" => n.to_string(),
        _ => format!("Thread-{id}"),
    };
    let rec = Arc::new(ThreadRecord {
        id,
        name: Mutex::new(name),
        alive: AtomicBool::new(true),
        counters: Default::default(),
        running_since: AtomicU64::new(0),
        cpu_ns: AtomicU64::new(u64::MAX),
        slow: Mutex::new(Slow::default()),
    });
    REGISTRY.lock().push(rec.clone());
    Local(rec)
}

/// CPU time used by the calling thread so far (user + system), where the OS tells.
pub fn thread_cpu_ns() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec; the call only writes it.
        let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        if r == 0 {
            return Some(ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64);
        }
    }
    None
}

/// Runs `f` on the current thread's record (created on first use). Does nothing during
/// thread teardown, after the thread-local is gone.
fn with_rec<R>(f: impl FnOnce(&ThreadRecord) -> R) -> Option<R> {
    LOCAL.try_with(|l| f(&l.get_or_init(new_local).0)).ok()
}

/// Adds 1 to counter `i` of the current thread (when active).
#[inline(always)]
pub fn count(i: usize) {
    if active() {
        count_slow(i)
    }
}

#[cold]
#[inline(never)]
fn count_slow(i: usize) {
    with_rec(|r| r.add(i, 1));
}

/// Names the current thread in the report and the timeline (e.g. the Python thread name).
pub fn set_thread_name(name: &str) {
    if active() {
        with_rec(|r| *r.name.lock() = name.to_string());
    }
}

// ---------------------------------------------------------------------------------------
// GIL hooks

/// Guard created at the top of `Gil::take`; records the acquisition when dropped (at the
/// end of `take`, whichever way it returns).
pub struct Taking {
    t0: u64,
    contended: bool,
    switched: bool,
}

impl Taking {
    #[inline(always)]
    pub fn start() -> Taking {
        Taking {
            t0: if active() { now_ns().max(1) } else { 0 },
            contended: false,
            switched: false,
        }
    }
    /// The GIL was held by another thread: this take waits.
    #[inline(always)]
    pub fn contended(&mut self) {
        self.contended = true;
    }
    /// The holder changed (a switch to this thread).
    #[inline(always)]
    pub fn switched(&mut self) {
        self.switched = true;
    }
}

impl Drop for Taking {
    #[inline(always)]
    fn drop(&mut self) {
        if self.t0 != 0 {
            acquired(self.t0, self.contended, self.switched);
        }
    }
}

#[cold]
#[inline(never)]
fn acquired(t0: u64, contended: bool, switched: bool) {
    let t1 = now_ns();
    with_rec(|r| {
        let mut s = r.slow.lock();
        // After a forced drop the thread has been waiting since it let go.
        let forced = s.released_forced;
        let wait_start = if forced { s.released_at.min(t0) } else { t0 };
        r.add(c::ACQUISITIONS, 1);
        if switched {
            r.add(c::SWITCHES, 1);
        }
        r.add(c::GIL_WAIT_NS, t1.saturating_sub(wait_start));
        r.running_since.store(t1 + 1, Relaxed);
        s.released_forced = false;
        if tracing() {
            s.trace.acquired(wait_start, t1, contended || forced);
        }
    });
}

/// Top of `Gil::drop_gil`: the thread stops running Python code. `forced` answers a drop
/// request.
#[inline(always)]
pub fn released(forced: bool) {
    if active() {
        released_slow(forced)
    }
}

#[cold]
#[inline(never)]
fn released_slow(forced: bool) {
    let t = now_ns();
    with_rec(|r| {
        let since = r.running_since.load(Relaxed);
        if since != 0 {
            r.running_since.store(0, Relaxed);
            r.add(c::RUNNING_NS, t.saturating_sub(since - 1));
        }
        if forced {
            r.add(c::DROP_REQUESTS_RECEIVED, 1);
        }
        let mut s = r.slow.lock();
        s.released_at = t;
        s.released_forced = forced;
        if tracing() {
            s.trace.released(t, forced);
        }
    });
}

/// A forced drop handed the GIL to a waiting thread.
#[inline(always)]
pub fn forced_switch() {
    count(c::FORCED_SWITCHES)
}

/// This thread set `DROP_REQUEST` on the holder `to`.
#[inline(always)]
pub fn drop_request_sent(to: u64) {
    if active() {
        drop_request_sent_slow(to)
    }
}

#[cold]
#[inline(never)]
fn drop_request_sent_slow(to: u64) {
    let t = now_ns();
    with_rec(|r| {
        r.add(c::DROP_REQUESTS_SENT, 1);
        if tracing() {
            r.slow
                .lock()
                .trace
                .instant(Kind::DropRequest, t, Arg::Thread(to));
        }
    });
}

// ---------------------------------------------------------------------------------------
// Blocking calls

/// Guard around a blocking call made while detached (sleep, lock wait, join, I/O).
/// `kind` names it in the timeline (`"sleep"`, `"lock"`, `"join"`, `"io"`, …).
pub struct Blocked {
    t0: u64,
    kind: &'static str,
}

impl Blocked {
    #[inline(always)]
    pub fn start(kind: &'static str) -> Blocked {
        Blocked {
            t0: if active() { now_ns().max(1) } else { 0 },
            kind,
        }
    }
    /// Nanoseconds since the start (0 when not collecting).
    pub fn elapsed_ns(&self) -> u64 {
        if self.t0 == 0 {
            0
        } else {
            now_ns().saturating_sub(self.t0)
        }
    }
}

impl Drop for Blocked {
    #[inline(always)]
    fn drop(&mut self) {
        if self.t0 != 0 {
            blocked_slow(self.kind, self.t0)
        }
    }
}

#[cold]
#[inline(never)]
fn blocked_slow(kind: &'static str, t0: u64) {
    let t1 = now_ns();
    with_rec(|r| {
        r.add(c::BLOCKED_NS, t1.saturating_sub(t0));
        r.add(c::BLOCKED_CALLS, 1);
        if tracing() {
            r.slow.lock().trace.blocked(kind, t0, t1);
        }
    });
}

// ---------------------------------------------------------------------------------------
// Object locks

/// Slow path of a per-object lock whose `try_lock` failed: takes `m`, recording the wait
/// against `type_name` (the guarded Rust type) and the call site.
#[cold]
#[inline(never)]
pub fn lock_contended(
    m: &crate::sync::RawMutex,
    type_name: &'static str,
    site: &'static Location<'static>,
) {
    use lock_api::RawMutex as _;
    if !active() {
        m.lock();
        return;
    }
    let t0 = now_ns();
    m.lock();
    let t1 = now_ns();
    record_lock_wait(type_name, Some(site), t0, t1, true);
}

/// A Python-level lock acquisition (`_thread.lock`) that had to wait from `t0` to now.
/// The blocked span is recorded by the [`Blocked`] guard around the wait.
pub fn lock_waited(type_name: &'static str, wait_ns: u64) {
    if active() {
        let t1 = now_ns();
        record_lock_wait(type_name, None, t1.saturating_sub(wait_ns), t1, false);
    }
}

fn record_lock_wait(
    type_name: &'static str,
    site: Option<&'static Location<'static>>,
    t0: u64,
    t1: u64,
    span: bool,
) {
    with_rec(|r| {
        let wait = t1.saturating_sub(t0);
        r.add(c::LOCK_CONTENDED, 1);
        r.add(c::LOCK_WAIT_NS, wait);
        let mut s = r.slow.lock();
        let key: SiteKey = (type_name, site);
        let e = s.lock_sites.entry(key).or_insert(LockSite {
            type_name,
            site,
            contended: 0,
            wait_ns: 0,
        });
        e.contended += 1;
        e.wait_ns += wait;
        if span && tracing() {
            s.trace.span(Kind::ObjectLock, t0, t1, Arg::Str(type_name));
        }
    });
}

// ---------------------------------------------------------------------------------------
// Reference counting (free-threaded build)

/// A non-owner incremented a shared reference count.
#[inline(always)]
pub fn shared_incref() {
    count(c::SHARED_INCREFS)
}
/// A non-owner decremented a shared reference count.
#[inline(always)]
pub fn shared_decref() {
    count(c::SHARED_DECREFS)
}
/// An object was queued to its owner for a merge.
#[inline(always)]
pub fn merge_push() {
    count(c::MERGE_PUSHES)
}
/// A queued object was merged.
#[inline(always)]
pub fn merged() {
    count(c::MERGES)
}

// ---------------------------------------------------------------------------------------
// Stop-the-world and the GIL switch

/// Guard held by the thread that stops the world, from the request until the world
/// resumes.
pub struct StopTheWorld {
    t0: u64,
}

impl StopTheWorld {
    #[inline]
    pub fn start() -> StopTheWorld {
        StopTheWorld {
            t0: if active() { now_ns().max(1) } else { 0 },
        }
    }
}

impl Drop for StopTheWorld {
    fn drop(&mut self) {
        if self.t0 != 0 {
            let (t0, t1) = (self.t0, now_ns());
            with_rec(|r| {
                r.add(c::STW_EVENTS, 1);
                r.add(c::STW_NS, t1.saturating_sub(t0));
                if tracing() {
                    r.slow
                        .lock()
                        .trace
                        .span(Kind::StopTheWorld, t0, t1, Arg::None);
                }
            });
        }
    }
}

/// One change of the GIL's state.
#[derive(Clone, Debug)]
pub struct GilEvent {
    /// Nanoseconds since process start.
    pub t_ns: u64,
    pub on: bool,
    /// The module whose import caused it, if any.
    pub module: Option<String>,
    /// Why (`"PYTHON_GIL=1"`, `"import of a module that needs the GIL"`, …).
    pub reason: String,
    /// gilvm id of the thread that switched it.
    pub thread: u64,
}

static GIL_EVENTS: Mutex<Vec<GilEvent>> = Mutex::new(Vec::new());

/// Records that the GIL was turned on (`on`) or off, by the import of `module` or for
/// `reason`. Always recorded (it is rare), and a global instant in the timeline.
pub fn gil_switched(on: bool, module: Option<&str>, reason: &str) {
    GIL_EVENTS.lock().push(GilEvent {
        t_ns: now_ns(),
        on,
        module: module.map(str::to_string),
        reason: reason.to_string(),
        thread: crate::thread::current_thread_id(),
    });
}

/// The GIL's history so far.
pub fn gil_events() -> Vec<GilEvent> {
    GIL_EVENTS.lock().clone()
}

// ---------------------------------------------------------------------------------------
// Reading

/// One thread's figures at a point in time.
#[derive(Clone, Debug)]
pub struct ThreadSnapshot {
    pub id: u64,
    pub name: String,
    pub alive: bool,
    /// CPU time (user + system) of an exited thread, or of the calling thread; `None` for
    /// other live threads.
    pub cpu_ns: Option<u64>,
    /// Indexed as [`c`]; `RUNNING_NS` includes the current running span.
    pub counters: [u64; c::N],
}

/// All figures at a point in time.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub uptime_ns: u64,
    pub threads: Vec<ThreadSnapshot>,
    /// Object-lock contention merged over threads, most waited first.
    pub lock_sites: Vec<LockSite>,
    pub gil_events: Vec<GilEvent>,
}

impl Snapshot {
    /// Sum of counter `i` over all threads.
    pub fn total(&self, i: usize) -> u64 {
        self.threads.iter().map(|t| t.counters[i]).sum()
    }
}

/// The records of all threads seen so far (registration order).
pub(crate) fn records() -> Vec<Arc<ThreadRecord>> {
    REGISTRY.lock().clone()
}

/// Waits up to `timeout` for every other recorded thread to finish exiting (so that its
/// CPU time is known): at process exit, joined threads may still be tearing down.
pub fn wait_for_exits(timeout: std::time::Duration) {
    let me = crate::thread::current_thread_id();
    let deadline = Instant::now() + timeout;
    while records()
        .iter()
        .any(|r| r.id != me && r.alive.load(Relaxed))
    {
        if Instant::now() >= deadline {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Reads every thread's counters (any thread may call this at any time).
pub fn snapshot() -> Snapshot {
    let now = now_ns();
    let me = crate::thread::current_thread_id();
    let mut threads = Vec::new();
    let mut sites: HashMap<SiteKey, LockSite> = HashMap::new();
    for r in records() {
        let mut counters = [0u64; c::N];
        for (i, v) in counters.iter_mut().enumerate() {
            *v = r.counters[i].load(Relaxed);
        }
        let since = r.running_since.load(Relaxed);
        if since != 0 {
            counters[c::RUNNING_NS] += now.saturating_sub(since - 1);
        }
        for (k, s) in &r.slow.lock().lock_sites {
            let e = sites.entry(*k).or_insert(LockSite {
                contended: 0,
                wait_ns: 0,
                ..s.clone()
            });
            e.contended += s.contended;
            e.wait_ns += s.wait_ns;
        }
        let alive = r.alive.load(Relaxed);
        let cpu_ns = match r.cpu_ns.load(Relaxed) {
            u64::MAX if r.id == me && alive => thread_cpu_ns(),
            u64::MAX => None,
            v => Some(v),
        };
        threads.push(ThreadSnapshot {
            id: r.id,
            name: r.name.lock().clone(),
            alive,
            cpu_ns,
            counters,
        });
    }
    let mut lock_sites: Vec<LockSite> = sites.into_values().collect();
    lock_sites.sort_by(|a, b| {
        b.wait_ns
            .cmp(&a.wait_ns)
            .then(b.contended.cmp(&a.contended))
    });
    Snapshot {
        uptime_ns: now,
        threads,
        lock_sites,
        gil_events: gil_events(),
    }
}

/// Runs `f` on each thread's name and timeline (for `trace.rs`).
pub(crate) fn for_each_trace(mut f: impl FnMut(u64, &str, &ThreadTrace)) {
    for r in records() {
        let name = r.name.lock().clone();
        let s = r.slow.lock();
        f(r.id, &name, &s.trace);
    }
}
