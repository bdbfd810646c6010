//! `sys.monitoring` (PEP 669): tool identifiers, callbacks and event sets.
//!
//! **What.** The registration interface, with CPython 3.14's checks and messages:
//! `use_tool_id`/`free_tool_id`/`clear_tool_id`/`get_tool`, `register_callback` (returns
//! the previous callback; `BRANCH`, the deprecated alias, registers for `BRANCH_LEFT` and
//! `BRANCH_RIGHT`), `get_events`/`set_events` (global), `get_local_events`/
//! `set_local_events` (per code object), `restart_events` (re-enables what callbacks
//! disabled), the `events` namespace, `DISABLE`, `MISSING` and the tool-id constants.
//! The events themselves are fired by the traced copy of the interpreter loop
//! (`monitor.rs`, which says which events gilvm delivers and how).
//!
//! **State.** Process-wide, as CPython's: one `State` behind a mutex (tool names, global
//! and per-code event sets, the locations a callback disabled) and the callbacks in an
//! immortal dict keyed by `tool * 32 + event bit`. Every change bumps `VERSION`, which a
//! monitored frame compares at each instruction to pick up new event sets; `ACTIVE` says
//! whether any event is asked for at all. While it is, every registered thread has the
//! persistent eval-breaker bit `MONITOR` set, which is what sends frames to the traced loop
//! (`linetrace.rs`): with nothing monitored no frame pays anything.
//!
//! **Invariants.** A code object named in the per-code sets or the disabled locations is
//! kept alive by the state (so its address is not reused for another code object while it
//! names one). The state's mutex is never held while Python code runs.
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_sync::{EvalBreaker, ThreadState};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

const TOOLS: usize = 6;

/// CPython 3.14's event bits, by name.
const EVENTS: &[(&str, i64)] = &[
    ("BRANCH", 1 << 18),
    ("BRANCH_LEFT", 1 << 8),
    ("BRANCH_RIGHT", 1 << 9),
    ("CALL", 1 << 4),
    ("C_RAISE", 1 << 17),
    ("C_RETURN", 1 << 16),
    ("EXCEPTION_HANDLED", 1 << 12),
    ("INSTRUCTION", 1 << 6),
    ("JUMP", 1 << 7),
    ("LINE", 1 << 5),
    ("NO_EVENTS", 0),
    ("PY_RESUME", 1 << 1),
    ("PY_RETURN", 1 << 2),
    ("PY_START", 1),
    ("PY_THROW", 1 << 14),
    ("PY_UNWIND", 1 << 13),
    ("PY_YIELD", 1 << 3),
    ("RAISE", 1 << 11),
    ("RERAISE", 1 << 15),
    ("STOP_ITERATION", 1 << 10),
];

/// Every valid event bit (BRANCH, bit 18, included).
const ALL_EVENTS: i64 = (1 << 19) - 1;

/// The event bits, as the interpreter loop tests them (`monitor.rs`).
pub(crate) mod ev {
    pub const PY_START: u32 = 1;
    pub const PY_RESUME: u32 = 1 << 1;
    pub const PY_RETURN: u32 = 1 << 2;
    pub const PY_YIELD: u32 = 1 << 3;
    pub const CALL: u32 = 1 << 4;
    pub const LINE: u32 = 1 << 5;
    pub const JUMP: u32 = 1 << 7;
    pub const BRANCH_LEFT: u32 = 1 << 8;
    pub const BRANCH_RIGHT: u32 = 1 << 9;
    pub const STOP_ITERATION: u32 = 1 << 10;
    pub const RAISE: u32 = 1 << 11;
    pub const EXCEPTION_HANDLED: u32 = 1 << 12;
    pub const PY_UNWIND: u32 = 1 << 13;
    pub const PY_THROW: u32 = 1 << 14;
    pub const RERAISE: u32 = 1 << 15;
    pub const C_RETURN: u32 = 1 << 16;
    pub const C_RAISE: u32 = 1 << 17;
    pub const BRANCH: u32 = 1 << 18;
    /// The events tied to a location, which a callback may disable there and which
    /// `set_local_events` accepts (CPython's "local events").
    pub const LOCAL: u32 = (1 << 11) - 1;
}

/// CPython's name of event bit `bit` (for messages).
pub(crate) fn event_name(bit: u32) -> &'static str {
    EVENTS
        .iter()
        .find(|(_, b)| *b == bit as i64)
        .map_or("?", |(n, _)| n)
}

/// A code object held by the state (see the module's invariants).
struct HeldCode(ObjRef);
// SAFETY: the reference is only cloned, compared and dropped by attached threads (the
// state's users are natives and the interpreter loop), which the object model's counting
// allows from any thread.
unsafe impl Send for HeldCode {}

struct State {
    names: [Option<String>; TOOLS],
    events: [i64; TOOLS],
    /// Per-code event sets: the code, and its set for each tool.
    local: Vec<(HeldCode, [u32; TOOLS])>,
    /// Locations a callback disabled: (code address, instruction index, event bit, tool).
    disabled: BTreeSet<(usize, u32, u32, u8)>,
    /// The codes named in `disabled`.
    disabled_codes: Vec<HeldCode>,
}

static STATE: Mutex<State> = Mutex::new(State {
    names: [None, None, None, None, None, None],
    events: [0; TOOLS],
    local: Vec::new(),
    disabled: BTreeSet::new(),
    disabled_codes: Vec::new(),
});

/// Bumped by every change of the event sets, callbacks or disabled locations.
static VERSION: AtomicU64 = AtomicU64::new(1);
/// Some event is asked for (globally or for some code object).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Some location is disabled (the loop then consults `State::disabled`).
static ANY_DISABLED: AtomicBool = AtomicBool::new(false);

/// The threads whose eval-breaker word gets `MONITOR` while monitoring is active.
static THREADS: Mutex<Vec<Weak<ThreadState>>> = Mutex::new(Vec::new());

/// Registers a new thread (`Interp::new_attached`): its word gets `MONITOR` now if
/// monitoring is active, and whenever it becomes so.
pub(crate) fn register_thread(ts: &Arc<ThreadState>) {
    let mut t = THREADS.lock().unwrap_or_else(|p| p.into_inner());
    t.retain(|w| w.strong_count() > 0);
    t.push(Arc::downgrade(ts));
    if ACTIVE.load(Ordering::Acquire) {
        ts.eval_breaker.set(EvalBreaker::MONITOR);
    }
}

/// Makes running monitored frames recompute their events (a profile function was set or
/// removed: `tracing.rs`).
pub(crate) fn bump_version() {
    VERSION.fetch_add(1, Ordering::AcqRel);
}

/// The current version of the monitoring state (`monitor.rs` compares it).
#[inline(always)]
pub(crate) fn version() -> u64 {
    VERSION.load(Ordering::Acquire)
}

/// Is any event asked for?
#[inline(always)]
pub(crate) fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

/// Recomputes `ACTIVE` and the threads' `MONITOR` bits, and bumps the version. Called
/// with the state locked.
fn changed(st: &State) {
    let on = st.events.iter().any(|e| *e != 0)
        || st.local.iter().any(|(_, t)| t.iter().any(|e| *e != 0));
    let was = ACTIVE.swap(on, Ordering::AcqRel);
    ANY_DISABLED.store(!st.disabled.is_empty(), Ordering::Release);
    VERSION.fetch_add(1, Ordering::AcqRel);
    if was != on {
        let t = THREADS.lock().unwrap_or_else(|p| p.into_inner());
        for ts in t.iter().filter_map(Weak::upgrade) {
            if on {
                ts.eval_breaker.set(EvalBreaker::MONITOR);
            } else {
                ts.eval_breaker.take(EvalBreaker::MONITOR);
            }
        }
    }
}

/// For each tool, the events asked for in code `code` (global and local).
pub(crate) fn code_events(code: &ObjRef) -> [u32; TOOLS] {
    let st = state();
    let mut out = [0u32; TOOLS];
    for (t, o) in out.iter_mut().enumerate() {
        *o = st.events[t] as u32;
    }
    if let Some((_, l)) = st.local.iter().find(|(c, _)| c.0.is(code)) {
        for t in 0..TOOLS {
            out[t] |= l[t];
        }
    }
    out
}

/// Was event `bit` disabled for `tool` at instruction `at` of `code`?
#[inline]
pub(crate) fn is_disabled(code: &ObjRef, at: usize, bit: u32, tool: usize) -> bool {
    if !ANY_DISABLED.load(Ordering::Acquire) {
        return false;
    }
    state()
        .disabled
        .contains(&(code.addr(), at as u32, bit, tool as u8))
}

/// A callback returned `DISABLE` for `bit` at `at` in `code`.
pub(crate) fn disable(code: &ObjRef, at: usize, bit: u32, tool: usize) {
    let mut st = state();
    if st
        .disabled
        .insert((code.addr(), at as u32, bit, tool as u8))
        && !st.disabled_codes.iter().any(|c| c.0.is(code))
    {
        st.disabled_codes.push(HeldCode(code.clone()));
    }
    changed(&st);
}

/// The callback of `tool` for event `bit` (None if there is none).
pub(crate) fn callback(interp: &mut Interp, tool: usize, bit: u32) -> Option<Value> {
    let cb = callbacks(interp);
    let key = Value::Int((tool * 32 + bit.trailing_zeros() as usize) as i64);
    match interp.dict_get(&cb, &key) {
        Ok(Some(v)) if !v.is_none() => Some(v),
        _ => None,
    }
}

/// Removes the callback of `tool` for event `bit` (a callback that returned `DISABLE`
/// for an event that cannot be disabled).
pub(crate) fn remove_callback(interp: &mut Interp, tool: usize, bit: u32) {
    let cb = callbacks(interp);
    let key = Value::Int((tool * 32 + bit.trailing_zeros() as usize) as i64);
    let _ = interp.dict_set(&cb, key, Value::None);
    VERSION.fetch_add(1, Ordering::AcqRel);
}

/// `sys.monitoring.DISABLE` and `MISSING`.
struct Sentinels(ObjRef, ObjRef);
// SAFETY: both objects are immortal instances of `object` without state.
unsafe impl Sync for Sentinels {}
// SAFETY: as above.
unsafe impl Send for Sentinels {}
static SENTINELS: OnceLock<Sentinels> = OnceLock::new();

/// `sys.monitoring.DISABLE`.
pub(crate) fn disable_sentinel() -> Option<&'static ObjRef> {
    SENTINELS.get().map(|s| &s.0)
}

/// `sys.monitoring.MISSING`.
pub(crate) fn missing() -> Value {
    SENTINELS
        .get()
        .map_or(Value::None, |s| Value::Obj(s.1.clone()))
}

/// The callbacks: an immortal dict.
struct Callbacks(ObjRef);
// SAFETY: the dict is immortal (its count is never written) and its entries are behind
// its own lock/cell, which requires a Py token.
unsafe impl Sync for Callbacks {}
// SAFETY: as above.
unsafe impl Send for Callbacks {}
static CALLBACKS: OnceLock<Callbacks> = OnceLock::new();

fn callbacks(interp: &Interp) -> ObjRef {
    CALLBACKS
        .get_or_init(|| {
            let d = interp.new_dict_obj();
            d.make_immortal();
            Callbacks(d)
        })
        .0
        .clone()
}

fn state() -> std::sync::MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(|p| p.into_inner())
}

fn tool_arg(interp: &Interp, v: &Value) -> PyResult<usize> {
    let Value::Int(id) = v else {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            gilvm_object::types::type_name(gilvm_object::types::type_of(v))
        )));
    };
    if !(0..TOOLS as i64).contains(id) {
        return Err(interp.value_error(format!("invalid tool {id} (must be between 0 and 5)")));
    }
    Ok(*id as usize)
}

fn in_use(interp: &Interp, tool: usize) -> PyResult<()> {
    if state().names[tool].is_none() {
        return Err(interp.value_error(format!("tool {tool} is not in use")));
    }
    Ok(())
}

/// An event set argument, checked as CPython 3.14 does: C_RETURN/C_RAISE only with CALL;
/// BRANCH stands for BRANCH_LEFT | BRANCH_RIGHT; a local set has only local events.
fn event_set(interp: &Interp, v: &Value, local: bool) -> PyResult<i64> {
    let Value::Int(ev) = v else {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            gilvm_object::types::type_name(gilvm_object::types::type_of(v))
        )));
    };
    let mut ev = *ev;
    let c_events = (ev::C_RETURN | ev::C_RAISE) as i64;
    if !local && (ev < 0 || ev & !ALL_EVENTS != 0) {
        return Err(interp.value_error(format!("invalid event set 0x{ev:x}")));
    }
    if ev & c_events != 0 && ev & ev::CALL as i64 == 0 {
        return Err(interp.value_error("cannot set C_RETURN or C_RAISE events independently"));
    }
    if local {
        ev &= !c_events;
    }
    if ev & ev::BRANCH as i64 != 0 {
        ev = ev & !(ev::BRANCH as i64) | (ev::BRANCH_LEFT | ev::BRANCH_RIGHT) as i64;
    }
    if local && (ev < 0 || ev & !(ev::LOCAL as i64) != 0) {
        return Err(interp.value_error(format!("invalid local event set 0x{:x}", ev as u32)));
    }
    Ok(ev)
}

fn use_tool_id(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "use_tool_id", 2, 2)?;
    let tool = tool_arg(interp, &a[0])?;
    let Some(name) = a[1].as_str().map(str::to_string) else {
        return Err(interp.value_error("tool name must be a str"));
    };
    let mut st = state();
    if st.names[tool].is_some() {
        return Err(interp.value_error(format!("tool {tool} is already in use")));
    }
    st.names[tool] = Some(name);
    Ok(Value::None)
}

fn clear(interp: &mut Interp, tool: usize) -> PyResult<()> {
    {
        let mut st = state();
        st.events[tool] = 0;
        for (_, l) in st.local.iter_mut() {
            l[tool] = 0;
        }
        st.local.retain(|(_, l)| l.iter().any(|e| *e != 0));
        st.disabled.retain(|k| k.3 as usize != tool);
        changed(&st);
    }
    let cb = callbacks(interp);
    for bit in 0..20 {
        interp.dict_set(&cb, Value::Int((tool * 32 + bit) as i64), Value::None)?;
    }
    Ok(())
}

fn clear_tool_id(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "clear_tool_id", 1, 1)?;
    let tool = tool_arg(interp, &a[0])?;
    if state().names[tool].is_some() {
        clear(interp, tool)?;
    }
    Ok(Value::None)
}

fn free_tool_id(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "free_tool_id", 1, 1)?;
    let tool = tool_arg(interp, &a[0])?;
    if state().names[tool].is_some() {
        clear(interp, tool)?;
        state().names[tool] = None;
    }
    Ok(Value::None)
}

fn get_tool(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "get_tool", 1, 1)?;
    let tool = tool_arg(interp, &a[0])?;
    let name = state().names[tool].clone();
    Ok(match name {
        Some(n) => interp.new_str(n),
        None => Value::None,
    })
}

fn register_callback(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "register_callback", 3, 3)?;
    let tool = tool_arg(interp, &a[0])?;
    let Value::Int(ev) = a[1] else {
        return Err(interp.type_error("an integer is required"));
    };
    if ev <= 0 || ev & (ev - 1) != 0 {
        return Err(interp.value_error("The callback can only be set for one event at a time"));
    }
    if ev & !ALL_EVENTS != 0 {
        return Err(interp.value_error(format!("invalid event {ev}")));
    }
    let cb = callbacks(interp);
    // BRANCH (deprecated) is BRANCH_LEFT and BRANCH_RIGHT; the previous callback of
    // BRANCH_RIGHT is returned.
    let bits: &[i64] = if ev == ev::BRANCH as i64 {
        &[ev::BRANCH_LEFT as i64, ev::BRANCH_RIGHT as i64]
    } else {
        &[ev]
    };
    let mut old = Value::None;
    for b in bits {
        let key = Value::Int((tool * 32 + b.trailing_zeros() as usize) as i64);
        old = interp.dict_get(&cb, &key)?.unwrap_or(Value::None);
        interp.dict_set(&cb, key, a[2].clone())?;
    }
    VERSION.fetch_add(1, Ordering::AcqRel);
    Ok(old)
}

fn get_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "get_events", 1, 1)?;
    let tool = tool_arg(interp, &a[0])?;
    Ok(Value::Int(state().events[tool]))
}

fn set_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "set_events", 2, 2)?;
    let tool = tool_arg(interp, &a[0])?;
    in_use(interp, tool)?;
    let ev = event_set(interp, &a[1], false)?;
    let mut st = state();
    st.events[tool] = ev;
    changed(&st);
    Ok(Value::None)
}

fn code_arg<'a>(interp: &Interp, v: &'a Value) -> PyResult<&'a ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.payload(), Payload::Code(_)) => Ok(o),
        _ => Err(interp.type_error("code must be a code object")),
    }
}

fn get_local_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "get_local_events", 2, 2)?;
    let tool = tool_arg(interp, &a[0])?;
    let code = code_arg(interp, &a[1])?;
    let st = state();
    let ev = st
        .local
        .iter()
        .find(|(c, _)| c.0.is(code))
        .map_or(0, |(_, l)| l[tool]);
    Ok(Value::Int(ev as i64))
}

fn set_local_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "set_local_events", 3, 3)?;
    let tool = tool_arg(interp, &a[0])?;
    let code = code_arg(interp, &a[1])?;
    in_use(interp, tool)?;
    let ev = event_set(interp, &a[2], true)? as u32;
    let mut st = state();
    match st.local.iter_mut().find(|(c, _)| c.0.is(code)) {
        Some((_, l)) => l[tool] = ev,
        None if ev != 0 => {
            let mut l = [0; TOOLS];
            l[tool] = ev;
            st.local.push((HeldCode(code.clone()), l));
        }
        None => {}
    }
    st.local.retain(|(_, l)| l.iter().any(|e| *e != 0));
    changed(&st);
    Ok(Value::None)
}

/// `restart_events()`: every location a callback disabled is enabled again.
fn restart_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "restart_events", 0, 0)?;
    let codes = {
        let mut st = state();
        st.disabled.clear();
        let codes = std::mem::take(&mut st.disabled_codes);
        changed(&st);
        codes
    };
    // Dropped with the state unlocked (a code object's release runs no Python code, but
    // the lock is not held across object work).
    drop(codes);
    Ok(Value::None)
}

fn all_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_all_events", 0, 0)?;
    Ok(Value::Obj(interp.new_dict_obj()))
}

/// `sys._jit.is_available()`, `is_enabled()`, `is_active()`: gilvm has no JIT compiler.
fn jit_false(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "is_available", 0, 0)?;
    Ok(Value::Bool(false))
}

/// `sys._jit` (3.14): the JIT's state, always off in gilvm.
pub fn init_jit(interp: &mut Interp, sys: &ObjRef) {
    let m = interp.new_module("sys._jit");
    for name in ["is_available", "is_enabled", "is_active"] {
        interp.add_function(&m, name, jit_false);
    }
    interp.add_value(sys, "_jit", Value::Obj(m));
}

/// Creates the `sys.monitoring` module and stores it as `sys.monitoring`.
pub fn init(interp: &mut Interp, sys: &ObjRef) {
    let m = interp.new_module("sys.monitoring");
    for (name, f) in [
        ("use_tool_id", use_tool_id as crate::interp::NativeFn),
        ("clear_tool_id", clear_tool_id),
        ("free_tool_id", free_tool_id),
        ("get_tool", get_tool),
        ("register_callback", register_callback),
        ("get_events", get_events),
        ("set_events", set_events),
        ("get_local_events", get_local_events),
        ("set_local_events", set_local_events),
        ("restart_events", restart_events),
        ("_all_events", all_events),
    ] {
        interp.add_function(&m, name, f);
    }
    for (name, id) in [
        ("DEBUGGER_ID", 0),
        ("COVERAGE_ID", 1),
        ("PROFILER_ID", 2),
        ("OPTIMIZER_ID", 5),
    ] {
        interp.add_value(&m, name, Value::Int(id));
    }
    let object = interp.g.types.object.clone();
    let s = SENTINELS.get_or_init(|| {
        let mk = |interp: &mut Interp| match interp.new_instance(&object) {
            Ok(Value::Obj(o)) => {
                o.make_immortal();
                o
            }
            _ => unreachable!("object() is an object"),
        };
        Sentinels(mk(interp), mk(interp))
    });
    let (d, mi) = (s.0.clone(), s.1.clone());
    interp.add_value(&m, "DISABLE", Value::Obj(d));
    interp.add_value(&m, "MISSING", Value::Obj(mi));
    let items: Vec<(&str, Value)> = EVENTS.iter().map(|(n, b)| (*n, Value::Int(*b))).collect();
    if let Ok(ns) = crate::builtins::namespace::new_namespace(interp, items) {
        interp.add_value(&m, "events", ns);
    }
    interp.add_value(sys, "monitoring", Value::Obj(m));
}
