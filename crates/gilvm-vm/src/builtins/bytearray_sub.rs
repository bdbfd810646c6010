//! Subclasses of `bytearray` (issue 19, branch iters: test_bytes' `ByteArraySubclassTest`),
//! and bytearray's pickling.
//!
//! # Representation
//! `bytearray` opts in as the native types do (`native_sub.rs`): an instance of
//! `class B(bytearray)` is an instance (class, attributes) whose `InstanceBase::Value` is a
//! plain bytearray, made empty by `bytearray.__new__(B)` and filled by `bytearray.__init__`
//! (which a subclass may override, call through `super()` or not at all, as in CPython).
//! The bytearray methods find their state through `bytearray::as_bytearray`, whose miss path
//! looks through such an instance; so `b.append(1)`, `b[0] = 2`, `b += b"x"` change the
//! plain bytearray in place, and `b += …` returns `b` itself. Methods that build a new
//! bytearray (`b + b"x"`, `b.upper()`, `b[1:]`) return a plain `bytearray`, as CPython's.
//! The operators' fast path (`bytearray::involved`) matches plain bytearrays only, so a
//! subclass's own special methods come first.
//!
//! # Pickling
//! `__reduce_ex__(proto)` is CPython's `_common_reduce`: `(type(self), (bytes,), state)`
//! from protocol 3 on, `(type(self), (latin-1 str, 'latin-1'), state)` before (no
//! arguments for an empty one); the state is `self.__getstate__()` (the attribute dict,
//! None when empty, and the set slots).
//!
//! # Threads
//! The plain bytearray keeps its own lock; the instance's attributes are an instance's.
use gilvm_object::iterstate::SeqIterCell;
use gilvm_object::{ObjRef, Owned, Value};

use super::add_method;
use super::bytearray::as_bytearray;
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The receiver of a bytearray method taking no argument besides `extra`.
fn recv<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    extra: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    let pos = args.pos();
    let Some(v) = pos.first() else {
        return Err(interp.type_error(format!(
            "unbound method bytearray.{name}() needs an argument"
        )));
    };
    if as_bytearray(v).is_none() {
        return Err(interp.type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        )));
    }
    if args.has_kwargs() {
        return Err(interp.type_error(format!("bytearray.{name}() takes no keyword arguments")));
    }
    let n = pos.len() - 1;
    if n > extra {
        return Err(interp.type_error(if extra == 0 {
            format!("bytearray.{name}() takes no arguments ({n} given)")
        } else {
            format!("{name} expected at most {extra} argument, got {n}")
        }));
    }
    Ok((v, &pos[1..]))
}

/// `iter(b)`: a `bytearray_iterator` over the bytearray (or the subclass instance, which it
/// keeps alive).
fn ba_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _) = recv(interp, &args, "__iter__", 0)?;
    let Value::Obj(o) = v else { unreachable!() };
    Ok(Value::Obj(
        interp.new_obj(Owned::SeqIter(SeqIterCell::new(o.clone()))),
    ))
}

/// The pickled state of a bytearray: `self.__getstate__()` (`object.__getstate__`: the
/// instance's attribute dict, None when empty, with its set slots), as CPython's
/// `_PyObject_GetState`.
fn state(interp: &mut Interp, v: &Value) -> PyResult {
    let m = interp.getattr_str(v, "__getstate__")?;
    interp.call(&m, Args::new(&[]))
}

/// CPython's `_common_reduce` of a bytearray for protocol `proto`.
fn common_reduce(interp: &mut Interp, v: &Value, proto: i64) -> PyResult {
    let Some(b) = as_bytearray(v) else {
        unreachable!("checked by the caller")
    };
    let data = b.snapshot(interp.py);
    let cls: ObjRef = gilvm_object::types::type_of(v).clone();
    let args = if data.is_empty() {
        Vec::new()
    } else if proto < 3 {
        let text: String = data.iter().map(|&c| c as char).collect();
        vec![interp.new_str(text), interp.new_str("latin-1")]
    } else {
        vec![Value::Obj(
            interp.new_obj(Owned::Bytes(data.into_boxed_slice())),
        )]
    };
    let st = state(interp, v)?;
    let args = interp.new_tuple(args);
    Ok(interp.new_tuple(vec![Value::Obj(cls), args, st]))
}

fn ba_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _) = recv(interp, &args, "__reduce__", 0)?;
    let v = v.clone();
    common_reduce(interp, &v, 2)
}

fn ba_reduce_ex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, rest) = recv(interp, &args, "__reduce_ex__", 1)?;
    let v = v.clone();
    let proto = match rest.first() {
        Some(p) => interp.index_value(p)?,
        None => 0,
    };
    common_reduce(interp, &v, proto)
}

/// Lets classes derive from bytearray and gives it `__iter__` and its reductions.
pub fn register(interp: &mut Interp, t: &ObjRef) {
    crate::native_sub::allow_subclass(t);
    add_method(interp, t, "__iter__", ba_iter);
    add_method(interp, t, "__reduce__", ba_reduce);
    add_method(interp, t, "__reduce_ex__", ba_reduce_ex);
}
