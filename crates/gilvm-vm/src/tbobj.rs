//! Traceback objects (`exc.__traceback__`, `sys.exc_info()[2]`, `types.TracebackType`).
//!
//! **What.** An exception's traceback is a linked list of `traceback` objects, as in
//! CPython: each holds a frame object (`frameobj.rs`), the line and instruction executing in
//! it, and `tb_next`, the entry one call deeper. The head is the outermost frame the
//! exception has passed through; an exception raised in a frame gets one entry there and
//! one more in each frame it propagates out of (`push_traceback`, from the eval loop's
//! handler lookup), each new entry becoming the head.
//!
//! **Invariants.** `tb_next` never makes a loop (the setter walks the chain, as CPython's
//! does). The list is immutable except through `tb_next` assignment; printing an
//! uncaught exception (`traceback.rs`) walks the same objects.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::interp::{Interp, NativeFn};
use crate::modules::util::{self, Statics};

pub struct TbObj {
    next: Value,
    frame: ObjRef,
    lasti: i64,
    lineno: i64,
}

static TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

/// The `traceback` type.
pub fn tb_type(interp: &mut Interp) -> ObjRef {
    if let Some(t) = TYPE.get() {
        return t.0.clone();
    }
    let t = util::native_type(interp, "traceback", "builtins", &[]);
    crate::builtins::add_static(interp, &t, "__new__", tb_new);
    for (n, g, s) in [
        ("tb_frame", tb_frame as NativeFn, ro_frame as NativeFn),
        ("tb_lasti", tb_lasti, ro_lasti),
        ("tb_lineno", tb_lineno, ro_lineno),
    ] {
        let g = interp.new_native(n, g);
        let s = interp.new_native(n, s);
        let p =
            Value::Obj(interp.new_obj(gilvm_object::Owned::Property(Box::new([g, s.clone(), s]))));
        util::set_attr(interp, &t, n, p);
    }
    let g = interp.new_native("tb_next", tb_next);
    let s = interp.new_native("tb_next", set_tb_next);
    let d = interp.new_native("tb_next", del_tb_next);
    let p = Value::Obj(interp.new_obj(gilvm_object::Owned::Property(Box::new([g, s, d]))));
    util::set_attr(interp, &t, "tb_next", p);
    TYPE.get_or_init(|| Statics(t)).0.clone()
}

/// Is `v` a traceback object?
pub fn is_traceback(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => TYPE.get().is_some_and(|t| n.class.is(&t.0)),
            _ => false,
        },
        _ => false,
    }
}

fn with_tb<R>(interp: &Interp, o: &ObjRef, f: impl FnOnce(&mut TbObj) -> R) -> R {
    match o.payload() {
        Payload::Native(n) => n.data.with(interp.py, |b| {
            f(b.downcast_mut::<TbObj>().expect("traceback state"))
        }),
        _ => unreachable!("not a traceback"),
    }
}

fn new_tb(interp: &mut Interp, next: Value, frame: ObjRef, lasti: i64, lineno: i64) -> Value {
    let ty = tb_type(interp);
    util::native_obj(
        interp,
        &ty,
        TbObj {
            next,
            frame,
            lasti,
            lineno,
        },
    )
}

impl Interp {
    /// Adds the entry of the running frame `f`, at instruction `at`, to the traceback of
    /// `err`; true when it is the exception's first entry (it was just raised).
    pub(crate) fn push_traceback(&mut self, err: &PyErr, f: *const Frame, at: usize) -> bool {
        let frame = self.frame_object(f);
        // SAFETY: `f` is the running frame (`cur_frame`).
        let code = unsafe { (*f).code() };
        let line = code.lines.get(at).copied().unwrap_or(code.firstlineno);
        let d = err.data();
        let old = d.with(self.py, |d| {
            std::mem::replace(&mut d.traceback, Value::None)
        });
        let fresh = old.is_none();
        let tb = new_tb(self, old, frame.clone(), at as i64 * 2, line as i64);
        d.with(self.py, |d| d.traceback = tb);
        // `sys.settrace`: the frame's 'exception' event (`tracing.rs`).
        if self.tracing.is_some() {
            self.trace_exception(&frame, err);
        }
        fresh
    }
}

/// The entries of a traceback chain, outermost first: (frame object, line).
pub fn entries(interp: &Interp, tb: &Value) -> Vec<(ObjRef, i64)> {
    let mut out = Vec::new();
    let mut cur = tb.clone();
    while let Value::Obj(o) = &cur {
        if !is_traceback(&cur) {
            break;
        }
        let (next, frame, line) =
            with_tb(interp, o, |t| (t.next.clone(), t.frame.clone(), t.lineno));
        out.push((frame, line));
        cur = next;
    }
    out
}

fn tb_arg<'a>(interp: &Interp, args: &Args<'a>) -> PyResult<&'a ObjRef> {
    match args.pos().first() {
        Some(v @ Value::Obj(o)) if is_traceback(v) => Ok(o),
        _ => Err(interp.type_error("descriptor requires a 'traceback' object")),
    }
}

fn read_only(interp: &Interp, name: &str) -> PyResult {
    Err(interp.attribute_error(format!(
        "attribute '{name}' of 'traceback' objects is not writable"
    )))
}
fn ro_frame(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    read_only(interp, "tb_frame")
}
fn ro_lasti(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    read_only(interp, "tb_lasti")
}
fn ro_lineno(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    read_only(interp, "tb_lineno")
}

fn tb_frame(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = tb_arg(interp, &args)?;
    Ok(Value::Obj(with_tb(interp, o, |t| t.frame.clone())))
}
fn tb_lasti(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = tb_arg(interp, &args)?;
    Ok(Value::Int(with_tb(interp, o, |t| t.lasti)))
}
fn tb_lineno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = tb_arg(interp, &args)?;
    Ok(Value::Int(with_tb(interp, o, |t| t.lineno)))
}
fn tb_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = tb_arg(interp, &args)?;
    Ok(with_tb(interp, o, |t| t.next.clone()))
}

/// Would making `next` the successor of `me` create a loop?
fn makes_loop(interp: &Interp, me: &ObjRef, next: &Value) -> bool {
    let mut cur = next.clone();
    while let Value::Obj(o) = &cur {
        if o.is(me) {
            return true;
        }
        cur = with_tb(interp, o, |t| t.next.clone());
    }
    false
}

fn set_tb_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = tb_arg(interp, &args)?.clone();
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    if !v.is_none() && !is_traceback(&v) {
        return Err(interp.type_error(format!(
            "expected traceback object, got '{}'",
            interp.type_name(&v)
        )));
    }
    if makes_loop(interp, &o, &v) {
        return Err(interp.value_error("traceback loop detected"));
    }
    let old = with_tb(interp, &o, |t| std::mem::replace(&mut t.next, v));
    drop(old);
    Ok(Value::None)
}
fn del_tb_next(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.type_error("can't delete tb_next attribute"))
}

/// `traceback(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    // The class comes first (a static `__new__`).
    let rest = Args {
        all: args.all.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    };
    let a = util::bind(
        interp,
        &rest,
        "traceback",
        &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"],
        4,
    )?;
    let [Some(next), Some(frame), Some(lasti), Some(lineno)] =
        [a[0].clone(), a[1].clone(), a[2].clone(), a[3].clone()]
    else {
        unreachable!("bind checked the required arguments")
    };
    if !next.is_none() && !is_traceback(&next) {
        return Err(interp.type_error(format!(
            "expected traceback object or None, got '{}'",
            interp.type_name(&next)
        )));
    }
    let Value::Obj(fo) = &frame else {
        return Err(interp.type_error(format!(
            "traceback() argument 'tb_frame' must be frame, not {}",
            interp.type_name(&frame)
        )));
    };
    if !crate::frameobj::is_frame(&frame) {
        return Err(interp.type_error(format!(
            "traceback() argument 'tb_frame' must be frame, not {}",
            interp.type_name(&frame)
        )));
    }
    let lasti = interp.index_value(&lasti)?;
    let lineno = interp.index_value(&lineno)?;
    Ok(new_tb(interp, next, fo.clone(), lasti, lineno))
}
