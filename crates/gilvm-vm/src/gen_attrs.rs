//! The generator attributes CPython's tests and tools read: `gi_code`, `gi_running`,
//! `gi_suspended`, `gi_yieldfrom`, `gi_frame` (and `cr_frame`, `ag_frame`), and the
//! writable `__name__` / `__qualname__` of generators, coroutines and async generators.
//!
//! All read the one `GenState` (gen.rs). A frame object for `gi_frame` is made on demand
//! (`frameobj.rs`): a suspended generator's frame lives in its state; a running one's is
//! found on this thread's chain of running frames by the address recorded at creation
//! (`GenState::frame_addr`); a finished generator has no frame (None).
use gilvm_object::{ObjRef, Owned, Value};

use crate::args::Args;
use crate::coro::{awaiting, with_state};
use crate::error::PyResult;
use crate::frame::Frame;
use crate::interp::{Interp, NativeFn};

/// Adds the attributes to the generator, coroutine and async generator types.
pub fn register(interp: &mut Interp, coroutine: &ObjRef, async_generator: &ObjRef) {
    let gen = interp.g.generator_type.clone();
    for ty in [&gen, coroutine, async_generator] {
        property(interp, ty, "__name__", get_name, Some(set_name));
        property(interp, ty, "__qualname__", get_qualname, Some(set_qualname));
    }
    for (n, f) in [
        ("gi_code", code as NativeFn),
        ("gi_running", running),
        ("gi_suspended", suspended),
        ("gi_yieldfrom", yieldfrom),
        ("gi_frame", frame),
    ] {
        property(interp, &gen, n, f, None);
    }
    property(interp, coroutine, "cr_frame", frame, None);
    property(interp, async_generator, "ag_frame", frame, None);
}

fn property(
    interp: &mut Interp,
    ty: &ObjRef,
    name: &'static str,
    get: NativeFn,
    set: Option<NativeFn>,
) {
    let get = interp.new_native(name, get);
    crate::builtins::publish_native(&get);
    let set = match set {
        Some(f) => {
            let s = interp.new_native(name, f);
            crate::builtins::publish_native(&s);
            s
        }
        None => Value::None,
    };
    // A writable attribute's deleter is its setter (called without a value: the
    // setter's TypeError, as CPython's setters refuse NULL).
    let del = set.clone();
    let p = Value::Obj(interp.new_obj(Owned::Property(Box::new([get, set, del]))));
    crate::builtins::publish_native(&p);
    crate::modules::util::set_attr(interp, ty, name, p);
}

/// The generator-like receiver of a descriptor.
fn receiver<'a>(interp: &Interp, args: &'a Args<'_>, what: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if interp.gen_kind(v).is_some() => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{what}' for 'generator' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!("descriptor '{what}' needs an argument"))),
    }
}

fn get_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "__name__")?;
    Ok(with_state(interp, v, |s| s.name.clone()).unwrap_or(Value::None))
}

fn get_qualname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "__qualname__")?;
    Ok(with_state(interp, v, |s| s.qualname.clone()).unwrap_or(Value::None))
}

/// `g.__name__ = s` / `g.__qualname__ = s`: a str only, as CPython's `gen_set_name`.
fn set_field(interp: &mut Interp, args: Args<'_>, what: &str, qual: bool) -> PyResult {
    let a = args.pos();
    let v = receiver(interp, &args, what)?;
    let new = a.get(1).cloned().unwrap_or(Value::None);
    if new.as_str().is_none() {
        return Err(interp.type_error(format!("{what} must be set to a string object")));
    }
    let old = with_state(interp, v, |s| {
        let slot = if qual { &mut s.qualname } else { &mut s.name };
        std::mem::replace(slot, new)
    });
    drop(old);
    Ok(Value::None)
}

fn set_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_field(interp, args, "__name__", false)
}

fn set_qualname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_field(interp, args, "__qualname__", true)
}

fn code(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "gi_code")?;
    Ok(with_state(interp, v, |s| Value::Obj(s.code.clone())).unwrap_or(Value::None))
}

fn running(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "gi_running")?;
    Ok(Value::Bool(
        with_state(interp, v, |s| s.frame.is_none() && !s.finished).unwrap_or(false),
    ))
}

fn suspended(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "gi_suspended")?;
    Ok(Value::Bool(
        with_state(interp, v, |s| {
            !s.finished && s.frame.as_ref().is_some_and(|f| f.started)
        })
        .unwrap_or(false),
    ))
}

fn yieldfrom(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "gi_yieldfrom")?;
    Ok(with_state(interp, v, |s| awaiting(s))
        .flatten()
        .unwrap_or(Value::None))
}

/// `gi_frame` / `cr_frame` / `ag_frame`.
fn frame(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "gi_frame")?.clone();
    // A suspended frame is taken out of the state while its frame object is made (as a
    // resumption takes it), so no other thread can run it meanwhile.
    let Some((finished, taken, addr)) =
        with_state(interp, &v, |s| (s.finished, s.frame.take(), s.frame_addr))
    else {
        return Ok(Value::None);
    };
    if finished {
        return Ok(Value::None);
    }
    match taken {
        Some(mut fr) => {
            let o = interp.frame_object(&mut *fr as *mut Frame);
            with_state(interp, &v, |s| s.frame = Some(fr));
            Ok(Value::Obj(o))
        }
        None => {
            // Running: only a frame on this thread's chain of running frames is reachable.
            let p = addr as *const Frame;
            if !crate::frameobj::on_chain(interp, p) {
                return Ok(Value::None);
            }
            Ok(Value::Obj(interp.frame_object(p)))
        }
    }
}
