//! `sys.monitoring` (PEP 669): tool identifiers, callbacks and event sets.
//!
//! **What works.** The whole registration interface, with CPython's checks and messages:
//! `use_tool_id`/`free_tool_id`/`clear_tool_id`/`get_tool`, `register_callback` (returns
//! the previous callback), `get_events`/`set_events`, `get_local_events`/
//! `set_local_events`, `restart_events`, the `events` namespace, `DISABLE`, `MISSING` and
//! the tool-id constants. This is what the Lib needs to import and to check for an active
//! tool (`bdb` reads `sys.monitoring.events` at import; `test.support` asks whether a
//! coverage tool is active).
//!
//! **What does not (yet).** gilvm's interpreter does not emit monitoring events: asking for
//! any (a non-empty event set) raises NotImplementedError instead of silently never calling
//! the callback. `sys.settrace`/`sys.setprofile` (`tracing.rs`) are the hooks gilvm delivers.
//!
//! **State.** Process-wide, as CPython's: the tool names and event sets behind a mutex,
//! the callbacks in an immortal dict keyed by `tool * 32 + event bit`.
use std::sync::{Mutex, OnceLock};

use gilvm_object::{ObjRef, Payload, Value};

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

struct State {
    names: [Option<String>; TOOLS],
    events: [i64; TOOLS],
}

static STATE: Mutex<State> = Mutex::new(State {
    names: [None, None, None, None, None, None],
    events: [0; TOOLS],
});

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

fn event_set(interp: &Interp, v: &Value) -> PyResult<i64> {
    let Value::Int(ev) = v else {
        return Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            gilvm_object::types::type_name(gilvm_object::types::type_of(v))
        )));
    };
    if *ev < 0 || *ev & !ALL_EVENTS != 0 {
        return Err(interp.value_error(format!("invalid event set 0x{ev:x}")));
    }
    if *ev != 0 {
        return Err(interp.not_implemented_error(
            "sys.monitoring: gilvm does not deliver monitoring events; \
             use sys.settrace() or sys.setprofile()",
        ));
    }
    Ok(*ev)
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
    state().events[tool] = 0;
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
    let key = Value::Int((tool * 32 + ev.trailing_zeros() as usize) as i64);
    let cb = callbacks(interp);
    let old = interp.dict_get(&cb, &key)?.unwrap_or(Value::None);
    interp.dict_set(&cb, key, a[2].clone())?;
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
    let ev = event_set(interp, &a[1])?;
    state().events[tool] = ev;
    Ok(Value::None)
}

fn code_arg(interp: &Interp, v: &Value) -> PyResult<()> {
    match v {
        Value::Obj(o) if matches!(o.payload(), Payload::Code(_)) => Ok(()),
        _ => Err(interp.type_error("code must be a code object")),
    }
}

fn get_local_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "get_local_events", 2, 2)?;
    let _tool = tool_arg(interp, &a[0])?;
    code_arg(interp, &a[1])?;
    Ok(Value::Int(0))
}

fn set_local_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "set_local_events", 3, 3)?;
    let tool = tool_arg(interp, &a[0])?;
    code_arg(interp, &a[1])?;
    in_use(interp, tool)?;
    event_set(interp, &a[2])?;
    Ok(Value::None)
}

fn restart_events(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "restart_events", 0, 0)?;
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
    for name in ["DISABLE", "MISSING"] {
        if let Ok(v) = interp.new_instance(&object) {
            interp.add_value(&m, name, v);
        }
    }
    let items: Vec<(&str, Value)> = EVENTS.iter().map(|(n, b)| (*n, Value::Int(*b))).collect();
    if let Ok(ns) = crate::builtins::namespace::new_namespace(interp, items) {
        interp.add_value(&m, "events", ns);
    }
    interp.add_value(sys, "monitoring", Value::Obj(m));
}
