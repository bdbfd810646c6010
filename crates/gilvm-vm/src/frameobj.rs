//! Frame objects (`sys._getframe()`, `tb_frame`, `frame.f_back`) and PEP 667's
//! `FrameLocalsProxy`.
//!
//! **What.** A frame object is the Python view of one execution of a code object: its code,
//! globals, locals, current line and caller. gilvm's interpreter frames (`frame.rs`) are
//! boxed `Frame`s recycled through a pool; a frame object is a native object (`FrameObj`)
//! created *on demand* and cached in `Frame::obj`.
//!
//! **Why lazily.** Nearly every call never asks for its frame. Such a call pays one
//! predictable test of `Frame::obj` when its frame is recycled, and one store of
//! `Frame::back` when it starts (the running frames of a thread form a chain through
//! `back`, from `Interp::cur_frame`): nothing is allocated.
//!
//! **Life cycle.** While its frame exists the object holds a pointer to it and reads it
//! live (line, locals). When the frame is recycled (it returned, raised, or a generator
//! finished) or dropped (a suspended generator died), the object is *detached*: if anything
//! else still references it, it takes a snapshot as CPython's frame objects do (the last
//! line and instruction, the local values moved out of the frame, and its caller's frame
//! object, materialised then, for `f_back`); otherwise it just forgets the pointer.
//!
//! **Invariants.** `FrameObj::frame` is non-null exactly while the `Frame` exists and
//! points back to this object (`Frame::obj`); it is cleared under the object's lock before
//! the frame goes away. A live frame is read only by the thread that runs it, or, when the
//! GIL is enabled, by a thread holding the GIL (the owner is then paused at a safe point:
//! a call, the eval breaker). Any other reader sees no locals and no line. `f_back` of a
//! live frame is followed only when the frame is on the reading thread's chain of running
//! frames (a suspended generator's `back` is stale).
use std::sync::OnceLock;

use gilvm_object::code::{flags, CodeObject};
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::eval::str_of;
use crate::frame::{code_of, Frame};
use crate::interp::Interp;
use crate::modules::util::{self, Statics};

/// The state of a frame object.
pub struct FrameObj {
    /// The interpreter frame while it exists, else null.
    frame: *mut Frame,
    /// The `ThreadState` address of the thread running the frame.
    thread: usize,
    pub code: ObjRef,
    pub globals: ObjRef,
    /// Set when detached with a snapshot.
    snap: Option<Snapshot>,
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes`.
    pub trace: Value,
    pub trace_lines: bool,
    pub trace_opcodes: bool,
    /// Names written through a `FrameLocalsProxy` that are not variables of the code.
    extra: Option<ObjRef>,
}

struct Snapshot {
    line: u32,
    pc: usize,
    fast: Vec<Value>,
    locals: Option<ObjRef>,
    back: Value,
}

struct Types {
    frame: ObjRef,
    proxy: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types(interp: &mut Interp) -> &'static Types {
    if let Some(t) = TYPES.get() {
        return &t.0;
    }
    let t = create_types(interp);
    &TYPES.get_or_init(|| Statics(t)).0
}

/// The `frame` type.
pub fn frame_type(interp: &mut Interp) -> ObjRef {
    types(interp).frame.clone()
}

fn create_types(interp: &mut Interp) -> Types {
    let frame = util::native_type(
        interp,
        "frame",
        "builtins",
        &[("__repr__", frame_repr), ("clear", frame_clear)],
    );
    let getters: &[(&'static str, crate::interp::NativeFn)] = &[
        ("f_back", f_back),
        ("f_code", f_code),
        ("f_globals", f_globals),
        ("f_builtins", f_builtins),
        ("f_locals", f_locals),
        ("f_lasti", f_lasti),
    ];
    for (n, g) in getters {
        util::add_property(interp, &frame, n, *g);
    }
    for (n, g, s) in [
        (
            "f_trace",
            f_trace as crate::interp::NativeFn,
            set_f_trace as crate::interp::NativeFn,
        ),
        ("f_trace_lines", f_trace_lines, set_f_trace_lines),
        ("f_lineno", f_lineno, set_f_lineno),
        ("f_trace_opcodes", f_trace_opcodes, set_f_trace_opcodes),
    ] {
        let g = interp.new_native(n, g);
        let s = interp.new_native(n, s);
        let p = Value::Obj(interp.new_obj(gilvm_object::Owned::Property(Box::new([
            g,
            s,
            Value::None,
        ]))));
        util::set_attr(interp, &frame, n, p);
    }
    let proxy = util::native_type(
        interp,
        "FrameLocalsProxy",
        "builtins",
        &[
            ("__getitem__", proxy_getitem),
            ("__setitem__", proxy_setitem),
            ("__delitem__", proxy_delitem),
            ("__contains__", proxy_contains),
            ("__len__", proxy_len),
            ("__iter__", proxy_iter),
            ("__repr__", proxy_repr),
            ("__eq__", proxy_eq),
            ("keys", proxy_keys),
            ("values", proxy_values),
            ("items", proxy_items_m),
            ("get", proxy_get),
            ("copy", proxy_copy),
            ("update", proxy_update),
            ("setdefault", proxy_setdefault),
            ("pop", proxy_pop),
        ],
    );
    Types { frame, proxy }
}

fn thread_key(interp: &Interp) -> usize {
    std::sync::Arc::as_ptr(&interp.thread_state) as usize
}

impl Interp {
    /// The frame object of the running frame `f` (created on first use).
    pub(crate) fn frame_object(&mut self, f: *const Frame) -> ObjRef {
        // SAFETY: `f` is a running frame of this thread (the chain from `cur_frame`): boxed,
        // alive until it stops, and its evaluator does not touch `obj` meanwhile.
        let fr = unsafe { &mut *(f as *mut Frame) };
        if let Some(o) = &fr.obj {
            return o.clone();
        }
        let st = FrameObj {
            frame: fr as *mut Frame,
            thread: thread_key(self),
            code: fr.code.clone(),
            globals: fr.globals.clone(),
            snap: None,
            trace: Value::None,
            trace_lines: true,
            trace_opcodes: false,
            extra: None,
        };
        let ty = frame_type(self);
        let Value::Obj(o) = util::native_obj(self, &ty, st) else {
            unreachable!()
        };
        fr.obj = Some(o.clone());
        o
    }

    /// Detaches the frame object of a frame being recycled (see the module comment).
    #[cold]
    #[inline(never)]
    pub(crate) fn detach_frame_object(&mut self, fr: &mut Frame) {
        let Some(obj) = fr.obj.take() else { return };
        if obj.ref_count() <= 1 {
            forget_frame(self.py, &obj);
            return;
        }
        // The caller's frame object, while the caller still runs (it is the running frame
        // now that this one stopped).
        let back = if !fr.back.is_null() && std::ptr::eq(fr.back, self.cur_frame) {
            Value::Obj(self.frame_object(fr.back))
        } else {
            Value::None
        };
        let snap = Snapshot {
            line: fr.line(),
            pc: fr.pc,
            fast: std::mem::take(&mut fr.fast),
            locals: fr.locals.clone(),
            back,
        };
        let old = with_state(self.py, &obj, |s| {
            s.frame = std::ptr::null_mut();
            s.snap.replace(snap)
        });
        drop(old);
    }
}

/// Clears the frame pointer of a frame object whose frame goes away without a snapshot.
fn forget_frame(py: gilvm_object::Py<'_>, obj: &ObjRef) {
    with_state(py, obj, |s| s.frame = std::ptr::null_mut());
}

/// `Drop` of a frame that still has a frame object (a suspended generator's frame): the
/// object keeps the locals, without a caller.
pub(crate) fn detach_on_drop(fr: &mut Frame) {
    let Some(obj) = fr.obj.take() else { return };
    // SAFETY: frames are dropped only by attached threads (a generator's owner dropping it,
    // a thread's frame pool when its `Interp` goes away).
    let py = unsafe { gilvm_object::Py::assume_attached() };
    let snap = Snapshot {
        line: fr.line(),
        pc: fr.pc,
        fast: std::mem::take(&mut fr.fast),
        locals: fr.locals.clone(),
        back: Value::None,
    };
    let old = with_state(py, &obj, |s| {
        s.frame = std::ptr::null_mut();
        s.snap.replace(snap)
    });
    drop(old);
}

/// Runs `f` on a frame object's state under its lock (`f` runs no Python code).
fn with_state<R>(py: gilvm_object::Py<'_>, obj: &ObjRef, f: impl FnOnce(&mut FrameObj) -> R) -> R {
    match obj.payload() {
        Payload::Native(n) => n.data.with(py, |b| {
            f(b.downcast_mut::<FrameObj>().expect("frame object state"))
        }),
        _ => unreachable!("not a frame object"),
    }
}

/// Is `v` a frame object?
pub fn is_frame(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => TYPES.get().is_some_and(|t| n.class.is(&t.0.frame)),
            _ => false,
        },
        _ => false,
    }
}

/// What a reader sees of a frame: live (through the pointer) or from the snapshot.
enum View {
    Live(*mut Frame),
    Dead {
        line: u32,
        pc: usize,
        locals: Option<ObjRef>,
    },
    /// Another thread's running frame, which this thread may not read.
    Foreign,
}

fn frame_arg<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a ObjRef> {
    match args.pos().first() {
        Some(v @ Value::Obj(o)) if is_frame(v) => Ok(o),
        _ => Err(interp.type_error(format!("descriptor '{name}' requires a 'frame' object"))),
    }
}

fn view(interp: &Interp, obj: &ObjRef) -> View {
    let me = thread_key(interp);
    with_state(interp.py, obj, |s| {
        if !s.frame.is_null() {
            if s.thread == me || crate::gilctl::is_gil_enabled(interp) {
                View::Live(s.frame)
            } else {
                View::Foreign
            }
        } else {
            match &s.snap {
                Some(sn) => View::Dead {
                    line: sn.line,
                    pc: sn.pc,
                    locals: sn.locals.clone(),
                },
                None => View::Dead {
                    line: code_of(&s.code).firstlineno,
                    pc: 0,
                    locals: None,
                },
            }
        }
    })
}

/// Is `f` on this thread's chain of running frames?
pub(crate) fn on_chain(interp: &Interp, f: *const Frame) -> bool {
    let mut p = interp.cur_frame;
    while !p.is_null() {
        if std::ptr::eq(p, f) {
            return true;
        }
        // SAFETY: every frame on the chain is running (suspended in a call), boxed and alive.
        p = unsafe { (*p).back };
    }
    false
}

fn f_back(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_back")?.clone();
    match view(interp, &o) {
        View::Live(f) => {
            if !on_chain(interp, f) {
                return Ok(Value::None);
            }
            // SAFETY: on this thread's chain, so alive.
            let back = unsafe { (*f).back };
            if back.is_null() {
                Ok(Value::None)
            } else {
                Ok(Value::Obj(interp.frame_object(back)))
            }
        }
        View::Dead { .. } => Ok(with_state(interp.py, &o, |s| {
            s.snap
                .as_ref()
                .map(|s| s.back.clone())
                .unwrap_or(Value::None)
        })),
        View::Foreign => Ok(Value::None),
    }
}

fn f_code(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_code")?;
    Ok(Value::Obj(with_state(interp.py, o, |s| s.code.clone())))
}

fn f_globals(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_globals")?;
    Ok(Value::Obj(with_state(interp.py, o, |s| s.globals.clone())))
}

fn f_builtins(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_builtins")?;
    let g = with_state(interp.py, o, |s| s.globals.clone());
    Ok(Value::Obj(
        interp
            .custom_builtins(&g)
            .unwrap_or_else(|| interp.g.builtins_dict.clone()),
    ))
}

fn f_lineno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_lineno")?.clone();
    Ok(match view(interp, &o) {
        // SAFETY: a live frame this thread may read (see `view`).
        View::Live(f) => Value::Int(unsafe { (*f).line() } as i64),
        View::Dead { line, .. } => Value::Int(line as i64),
        View::Foreign => Value::None,
    })
}

fn f_lasti(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_lasti")?.clone();
    let pc = match view(interp, &o) {
        // SAFETY: as in `f_lineno`.
        View::Live(f) => unsafe { (*f).pc },
        View::Dead { pc, .. } => pc,
        View::Foreign => 0,
    };
    // CPython counts bytes of 2-byte code units; gilvm's instructions count as one unit.
    Ok(Value::Int(pc as i64 * 2 - 2))
}

fn f_trace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_trace")?;
    Ok(with_state(interp.py, o, |s| s.trace.clone()))
}
fn set_f_trace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_trace")?;
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    let old = with_state(interp.py, o, |s| std::mem::replace(&mut s.trace, v));
    drop(old);
    Ok(Value::None)
}
fn f_trace_lines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_trace_lines")?;
    Ok(Value::Bool(with_state(interp.py, o, |s| s.trace_lines)))
}
fn set_f_trace_lines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_trace_lines")?.clone();
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    if !matches!(v, Value::Bool(_)) {
        return Err(interp.type_error("attribute value type must be bool"));
    }
    let b = interp.truthy(&v)?;
    with_state(interp.py, &o, |s| s.trace_lines = b);
    Ok(Value::None)
}
fn f_trace_opcodes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_trace_opcodes")?;
    Ok(Value::Bool(with_state(interp.py, o, |s| s.trace_opcodes)))
}
fn set_f_trace_opcodes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_trace_opcodes")?.clone();
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    if !matches!(v, Value::Bool(_)) {
        return Err(interp.type_error("attribute value type must be bool"));
    }
    let b = interp.truthy(&v)?;
    with_state(interp.py, &o, |s| s.trace_opcodes = b);
    Ok(Value::None)
}

/// The current line of a frame object (None for another thread's running frame).
pub fn frame_line(interp: &Interp, o: &ObjRef) -> Option<u32> {
    match view(interp, o) {
        // SAFETY: as in `f_lineno`.
        View::Live(f) => Some(unsafe { (*f).line() }),
        View::Dead { line, .. } => Some(line),
        View::Foreign => None,
    }
}

/// `frame.f_trace`, `f_trace_lines`, `f_trace_opcodes` in one read.
pub(crate) fn trace_flags(interp: &Interp, o: &ObjRef) -> (Value, bool, bool) {
    with_state(interp.py, o, |s| {
        (s.trace.clone(), s.trace_lines, s.trace_opcodes)
    })
}

/// Assigning `frame.f_lineno`: CPython jumps when a trace function does it during a
/// 'line' event; gilvm does not jump, and says so.
fn set_f_lineno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_lineno")?.clone();
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    if !matches!(v, Value::Int(_) | Value::Bool(_)) {
        return Err(interp.value_error("lineno must be an integer"));
    }
    if frame_trace(interp, &o).is_none() || !interp.tracing_active_or_busy() {
        return Err(interp.value_error("f_lineno can only be set in a trace function"));
    }
    Err(interp.value_error("gilvm cannot jump by setting f_lineno from a trace function"))
}

/// `frame.f_trace`.
pub(crate) fn frame_trace(interp: &Interp, o: &ObjRef) -> Value {
    with_state(interp.py, o, |s| s.trace.clone())
}

/// Sets `frame.f_trace`.
pub(crate) fn set_frame_trace(interp: &Interp, o: &ObjRef, v: Value) {
    let old = with_state(interp.py, o, |s| std::mem::replace(&mut s.trace, v));
    drop(old);
}

/// The code object of a frame object.
pub fn frame_code(interp: &Interp, o: &ObjRef) -> ObjRef {
    with_state(interp.py, o, |s| s.code.clone())
}

fn frame_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "__repr__")?.clone();
    let code = frame_code(interp, &o);
    let c = code_of(&code);
    let line = frame_line(interp, &o).unwrap_or(c.firstlineno);
    Ok(interp.new_str(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.addr(),
        str_of(&c.filename),
        line,
        str_of(&c.name)
    )))
}

fn frame_clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "clear")?.clone();
    match view(interp, &o) {
        View::Live(f) => {
            if on_chain(interp, f) {
                return Err(interp.runtime_error("cannot clear an executing frame"));
            }
            Err(interp.runtime_error("cannot clear a suspended frame"))
        }
        View::Foreign => Err(interp.runtime_error("cannot clear an executing frame")),
        View::Dead { .. } => {
            let (fast, locals, extra) = with_state(interp.py, &o, |s| match &mut s.snap {
                Some(sn) => (
                    std::mem::take(&mut sn.fast),
                    sn.locals.take(),
                    s.extra.take(),
                ),
                None => (Vec::new(), None, s.extra.take()),
            });
            drop((fast, locals, extra));
            Ok(Value::None)
        }
    }
}

// ---- f_locals and FrameLocalsProxy ----

/// Where a variable of a function frame lives.
#[derive(Clone, Copy)]
enum Slot {
    Fast(usize),
    Cell(usize),
}

/// The variables of a function's code, in CPython's order (`co_varnames`, then the cell
/// variables that are not parameters, then the free variables), with their slots.
fn variables(c: &CodeObject) -> Vec<(ObjRef, Slot)> {
    let nlocals = c.nlocals();
    let mut out = Vec::new();
    for (i, name) in c.varnames.iter().enumerate() {
        let slot = match c.cell2arg.iter().position(|a| *a == Some(i as u32)) {
            Some(ci) => Slot::Cell(nlocals + ci),
            None => Slot::Fast(i),
        };
        out.push((name.clone(), slot));
    }
    for (ci, name) in c.cellvars.iter().enumerate() {
        if c.cell2arg.get(ci).is_some_and(|a| a.is_some()) {
            continue;
        }
        out.push((name.clone(), Slot::Cell(nlocals + ci)));
    }
    let base = nlocals + c.cellvars.len();
    for (fi, name) in c.freevars.iter().enumerate() {
        out.push((name.clone(), Slot::Cell(base + fi)));
    }
    out
}

/// Runs `f` on the fast-locals vector of a frame object (live or snapshot); None for
/// another thread's running frame. `f` must not run Python code.
fn with_fast<R>(interp: &Interp, o: &ObjRef, f: impl FnOnce(&mut Vec<Value>) -> R) -> Option<R> {
    match view(interp, o) {
        // SAFETY: a live frame this thread may read and write (see `view`); its locals
        // vector is not reallocated while it runs, and its evaluator is suspended.
        View::Live(fr) => Some(f(unsafe { &mut (*fr).fast })),
        View::Foreign => None,
        View::Dead { .. } => {
            with_state(interp.py, o, |s| s.snap.as_mut().map(|sn| f(&mut sn.fast)))
        }
    }
}

fn read_slot(py: gilvm_object::Py<'_>, fast: &[Value], slot: Slot) -> Value {
    match slot {
        Slot::Fast(i) => fast.get(i).cloned().unwrap_or(Value::Undef),
        Slot::Cell(i) => match fast.get(i) {
            Some(Value::Obj(c)) => match c.payload() {
                Payload::Cell(cell) => cell.with(py, |v| v.clone()),
                _ => Value::Undef,
            },
            _ => Value::Undef,
        },
    }
}

/// `frame.f_locals`: the namespace of a module or class frame, a `FrameLocalsProxy` of a
/// function frame.
fn f_locals(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = frame_arg(interp, &args, "f_locals")?.clone();
    let code = frame_code(interp, &o);
    if code_of(&code).flags & flags::NAME_SCOPE != 0 {
        let locals = match view(interp, &o) {
            // SAFETY: as in `f_lineno`.
            View::Live(f) => unsafe { (*f).locals.clone() },
            View::Dead { locals, .. } => locals,
            View::Foreign => None,
        };
        let g = with_state(interp.py, &o, |s| s.globals.clone());
        return Ok(Value::Obj(locals.unwrap_or(g)));
    }
    let ty = types(interp).proxy.clone();
    Ok(util::native_obj(interp, &ty, ProxyState { frame: o }))
}

struct ProxyState {
    frame: ObjRef,
}

fn proxy_frame(interp: &Interp, args: &Args<'_>) -> PyResult<ObjRef> {
    let v = args.pos().first().cloned().unwrap_or(Value::None);
    util::with_data::<ProxyState, _>(interp, &v, |p| p.frame.clone())
        .ok_or_else(|| interp.type_error("descriptor requires a 'FrameLocalsProxy' object"))
}

/// The bound variables then the extra names, as (key, value) pairs.
fn proxy_pairs(interp: &mut Interp, o: &ObjRef) -> PyResult<Vec<(Value, Value)>> {
    let code = frame_code(interp, o);
    let vars = variables(code_of(&code));
    let py = interp.py;
    let mut out: Vec<(Value, Value)> = with_fast(interp, o, |fast| {
        vars.iter()
            .filter_map(|(n, s)| {
                let v = read_slot(py, fast, *s);
                (!v.is_undef()).then(|| (Value::Obj(n.clone()), v))
            })
            .collect()
    })
    .unwrap_or_default();
    if let Some(d) = with_state(interp.py, o, |s| s.extra.clone()) {
        out.extend(interp.dict_items(&d)?);
    }
    Ok(out)
}

fn find_var(interp: &Interp, o: &ObjRef, key: &Value) -> Option<Slot> {
    let k = key.as_str()?;
    let code = frame_code(interp, o);
    variables(code_of(&code))
        .into_iter()
        .find(|(n, _)| str_of(n) == k)
        .map(|(_, s)| s)
}

fn proxy_lookup(interp: &mut Interp, o: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    if let Some(slot) = find_var(interp, o, key) {
        let py = interp.py;
        let v = with_fast(interp, o, |fast| read_slot(py, fast, slot)).unwrap_or(Value::Undef);
        return Ok((!v.is_undef()).then_some(v));
    }
    match with_state(interp.py, o, |s| s.extra.clone()) {
        Some(d) => interp.dict_get(&d, key),
        None => Ok(None),
    }
}

fn missing_key(interp: &mut Interp, key: &Value) -> crate::error::PyErr {
    let r = interp.repr(key).unwrap_or_default();
    let msg = interp.new_str(format!("local variable '{r}' is not defined"));
    crate::error::PyErr(interp.new_exception(&interp.g.exc.key_error.clone(), vec![msg]))
}

fn proxy_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getitem__", 2, 2)?;
    let o = proxy_frame(interp, &args)?;
    match proxy_lookup(interp, &o, &a[1])? {
        Some(v) => Ok(v),
        None => Err(missing_key(interp, &a[1])),
    }
}

fn proxy_store(interp: &mut Interp, o: &ObjRef, key: Value, v: Value) -> PyResult<()> {
    if let Some(slot) = find_var(interp, o, &key) {
        let py = interp.py;
        let old = with_fast(interp, o, |fast| match slot {
            Slot::Fast(i) => fast.get_mut(i).map(|s| std::mem::replace(s, v)),
            Slot::Cell(i) => match fast.get(i) {
                Some(Value::Obj(c)) => match c.payload() {
                    Payload::Cell(cell) => Some(cell.with(py, |x| std::mem::replace(x, v))),
                    _ => None,
                },
                _ => None,
            },
        });
        drop(old);
        return Ok(());
    }
    let d = with_state(interp.py, o, |s| s.extra.clone());
    let d = match d {
        Some(d) => d,
        None => {
            let d = interp.new_dict_obj();
            with_state(interp.py, o, |s| s.extra = Some(d.clone()));
            d
        }
    };
    interp.dict_set(&d, key, v)
}

fn proxy_setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__setitem__", 3, 3)?;
    let o = proxy_frame(interp, &args)?;
    proxy_store(interp, &o, a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn proxy_delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delitem__", 2, 2)?;
    let o = proxy_frame(interp, &args)?;
    if find_var(interp, &o, &a[1]).is_some() {
        return Err(interp.value_error("cannot remove local variables from FrameLocalsProxy"));
    }
    if let Some(d) = with_state(interp.py, &o, |s| s.extra.clone()) {
        if interp.dict_get(&d, &a[1])?.is_some() {
            let dv = Value::Obj(d);
            interp.delitem(&dv, &a[1])?;
            return Ok(Value::None);
        }
    }
    Err(missing_key(interp, &a[1]))
}

fn proxy_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__contains__", 2, 2)?;
    let o = proxy_frame(interp, &args)?;
    Ok(Value::Bool(proxy_lookup(interp, &o, &a[1])?.is_some()))
}

fn proxy_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = proxy_frame(interp, &args)?;
    Ok(Value::Int(proxy_pairs(interp, &o)?.len() as i64))
}

fn proxy_keys(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = proxy_frame(interp, &args)?;
    let k = proxy_pairs(interp, &o)?.into_iter().map(|p| p.0).collect();
    Ok(interp.new_list(k))
}

fn proxy_values(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = proxy_frame(interp, &args)?;
    let k = proxy_pairs(interp, &o)?.into_iter().map(|p| p.1).collect();
    Ok(interp.new_list(k))
}

fn proxy_items_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = proxy_frame(interp, &args)?;
    let k = proxy_pairs(interp, &o)?
        .into_iter()
        .map(|(k, v)| interp.new_tuple(vec![k, v]))
        .collect();
    Ok(interp.new_list(k))
}

fn proxy_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let keys = proxy_keys(interp, args)?;
    interp.iter(&keys)
}

fn proxy_dict(interp: &mut Interp, o: &ObjRef) -> PyResult<ObjRef> {
    let d = interp.new_dict_obj();
    for (k, v) in proxy_pairs(interp, o)? {
        interp.dict_set(&d, k, v)?;
    }
    Ok(d)
}

fn proxy_copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = proxy_frame(interp, &args)?;
    Ok(Value::Obj(proxy_dict(interp, &o)?))
}

fn proxy_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = proxy_frame(interp, &args)?;
    // A proxy shown inside its own locals (`{...}`), as a dict containing itself.
    if !crate::repr::enter(&o) {
        return Ok(interp.new_str("{...}"));
    }
    let r = proxy_dict(interp, &o).and_then(|d| interp.repr(&Value::Obj(d)));
    crate::repr::leave();
    let s = r?;
    Ok(interp.new_str(s))
}

fn proxy_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__eq__", 2, 2)?;
    let o = proxy_frame(interp, &args)?;
    let d = Value::Obj(proxy_dict(interp, &o)?);
    let other = match util::with_data::<ProxyState, _>(interp, &a[1], |p| p.frame.clone()) {
        Some(f) => Value::Obj(proxy_dict(interp, &f)?),
        None => a[1].clone(),
    };
    interp.compare(gilvm_object::code::CmpOp::Eq, &d, &other)
}

fn proxy_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "get", 2, 3)?;
    let o = proxy_frame(interp, &args)?;
    Ok(
        proxy_lookup(interp, &o, &a[1])?
            .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)),
    )
}

fn proxy_setdefault(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setdefault", 2, 3)?;
    let o = proxy_frame(interp, &args)?;
    if let Some(v) = proxy_lookup(interp, &o, &a[1])? {
        return Ok(v);
    }
    let d = a.get(2).cloned().unwrap_or(Value::None);
    proxy_store(interp, &o, a[1].clone(), d.clone())?;
    Ok(d)
}

fn proxy_pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "pop", 2, 3)?;
    let o = proxy_frame(interp, &args)?;
    if find_var(interp, &o, &a[1]).is_some() {
        return Err(interp.value_error("cannot remove local variables from FrameLocalsProxy"));
    }
    if let Some(d) = with_state(interp.py, &o, |s| s.extra.clone()) {
        if let Some(v) = interp.dict_get(&d, &a[1])? {
            let dv = Value::Obj(d);
            interp.delitem(&dv, &a[1])?;
            return Ok(v);
        }
    }
    match a.get(2) {
        Some(v) => Ok(v.clone()),
        None => Err(missing_key(interp, &a[1])),
    }
}

fn proxy_update(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "update", 2, 2)?;
    let o = proxy_frame(interp, &args)?;
    let src = a[1].clone();
    let pairs = match &src {
        Value::Obj(d) if matches!(d.payload(), Payload::Dict(_)) => interp.dict_items(d)?,
        _ => {
            let keys = interp.call_method(&src, "keys", &[])?;
            let mut out = Vec::new();
            for k in interp.collect(&keys)? {
                let v = interp.getitem(&src, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in pairs {
        proxy_store(interp, &o, k, v)?;
    }
    Ok(Value::None)
}

// ---- sys._getframe ----

/// The running frame `depth` calls out from the caller of the running builtin.
pub(crate) fn frame_at_depth(interp: &Interp, depth: i64) -> Option<*const Frame> {
    let mut p = interp.cur_frame;
    let mut d = depth;
    while d > 0 && !p.is_null() {
        // SAFETY: frames on the chain are running, boxed and alive.
        p = unsafe { (*p).back };
        d -= 1;
    }
    (!p.is_null()).then_some(p)
}

/// `sys._getframe([depth])`.
pub fn sys_getframe(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_getframe", 0, 1)?;
    let depth = match a.first() {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    match frame_at_depth(interp, depth) {
        Some(f) => Ok(Value::Obj(interp.frame_object(f))),
        None => Err(interp.value_error("call stack is not deep enough")),
    }
}

/// `sys._getframemodulename(depth=0)`: `__name__` of the frame's function's module
/// (its globals' `__name__`), None past the outermost frame.
pub fn sys_getframemodulename(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "_getframemodulename", &["depth"], 0)?;
    let depth = match &a[0] {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let Some(f) = frame_at_depth(interp, depth) else {
        return Ok(Value::None);
    };
    // SAFETY: a running frame of this thread.
    let g = unsafe { (*f).globals.clone() };
    Ok(interp
        .dict_get_str(&g, &interp.g.names.name)
        .unwrap_or(Value::None))
}
