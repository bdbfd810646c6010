//! The `bytearray` type: constructor, the mutating methods (`append`, `extend`, `insert`,
//! `pop`, `remove`, `clear`, `copy`, `reverse`), item and slice assignment and deletion,
//! `+=`/`*=`, comparisons with bytes, and every method of `bytes`.
//!
//! The state and its critical sections are the object model's (`gilvm_object::bytearray`):
//! this file converts Python arguments to bytes first, then calls one method of
//! `PyByteArray`, which does the whole operation under the object's lock.
//!
//! # The methods shared with bytes
//! A bytearray has every method of bytes, returning bytearrays where bytes returns bytes.
//! Rather than a second implementation, [`shared`] calls the bytes method itself on a
//! snapshot of the bytearray (a temporary bytes object) and converts its bytes results
//! (alone, or in a list or tuple) to bytearrays. Arguments may be bytearrays or
//! memoryviews: the bytes methods accept any bytes-like object (`buffer::bytes_like`).
//! A bytes method added later is shared by adding its name to [`SHARED`].
use gilvm_object::bytearray::{PyByteArray, Resize, SliceError};
use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::{Owned, Payload, Value};

use super::{add_classmethod, add_method, add_static};
use crate::args::Args;
use crate::buffer::bytes_like;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// The bytearray state of a bytearray, or of the plain bytearray an instance of a subclass
/// of bytearray holds (`bytearray_sub.rs`).
#[inline]
pub fn as_bytearray(v: &Value) -> Option<&PyByteArray> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::ByteArray(b) => Some(b),
            Payload::Instance(_) => subclass_bytearray(v),
            _ => None,
        },
        _ => None,
    }
}

/// The bytearray state of a plain bytearray only (the operators' fast path, which must
/// not run before a subclass's own special methods).
#[inline]
pub fn as_plain_bytearray(v: &Value) -> Option<&PyByteArray> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::ByteArray(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

/// `as_bytearray`'s miss path: an instance of a subclass of bytearray.
#[cold]
#[inline(never)]
fn subclass_bytearray(v: &Value) -> Option<&PyByteArray> {
    match v.subclass_value()? {
        Value::Obj(o) => match o.payload() {
            Payload::ByteArray(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

pub fn new_bytearray(interp: &Interp, v: Vec<u8>) -> Value {
    Value::Obj(interp.new_obj(Owned::ByteArray(PyByteArray::new(v))))
}

fn resize_error(interp: &Interp) -> PyErr {
    interp.err(
        &interp.g.exc.buffer_error.clone(),
        "Existing exports of data: object cannot be re-sized",
    )
}

fn resized(interp: &Interp, r: Result<(), Resize>) -> PyResult<()> {
    r.map_err(|_| resize_error(interp))
}

/// A byte value: an int (or `__index__`) in range(256).
fn byte_arg(interp: &mut Interp, v: &Value) -> PyResult<u8> {
    let i = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => interp.index_value(v).map_err(|e| {
            if interp.matches(&e, &interp.g.exc.overflow_error.clone()) {
                interp.value_error("byte must be in range(0, 256)")
            } else {
                e
            }
        })?,
    };
    if !(0..256).contains(&i) {
        return Err(interp.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// The bytes of an iterable of ints (what `extend` and slice assignment take besides
/// bytes-like objects).
fn iter_bytes(interp: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    let items = interp.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(byte_arg(interp, x)?);
    }
    Ok(out)
}

/// The receiver of a bytearray method.
fn recv<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a PyByteArray)> {
    let Some(v) = args.pos().first() else {
        return Err(interp.type_error(format!(
            "unbound method bytearray.{name}() needs an argument"
        )));
    };
    match as_bytearray(v) {
        Some(b) => Ok((v, b)),
        None => Err(interp.type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
    }
}

/// The receiver and exactly `min..=max` positional arguments, no keywords.
fn recv_args<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a PyByteArray, &'a [Value])> {
    let (v, b) = recv(interp, args, name)?;
    if args.has_kwargs() {
        return Err(interp.type_error(format!("bytearray.{name}() takes no keyword arguments")));
    }
    let rest = &args.pos()[1..];
    let n = rest.len();
    if n < min || n > max {
        let msg = if max == 0 {
            format!("bytearray.{name}() takes no arguments ({n} given)")
        } else if min == max {
            format!("bytearray.{name}() takes exactly one argument ({n} given)")
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(interp.type_error(msg));
    }
    Ok((v, b, rest))
}

// ---- constructor ----

/// `bytearray.__new__(cls, *args, **kw)`: an empty bytearray (an instance of `cls` holding
/// one when `cls` is a subclass); `__init__` fills it, as in CPython.
fn bytearray_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let ty = interp.g.types.bytearray.clone();
    let cls = crate::native_sub::new_target(interp, &args, &ty)?;
    let plain = new_bytearray(interp, Vec::new());
    Ok(crate::native_sub::wrap_new(interp, cls.as_ref(), plain))
}

/// `bytearray.__init__(self, source=b'', encoding=..., errors=...)`: the content replaced
/// by the bytes of `source`.
fn bytearray_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some((recv, rest)) = args.split_first() else {
        return Err(
            interp.type_error("descriptor '__init__' of 'bytearray' object needs an argument")
        );
    };
    let Some(b) = as_bytearray(recv) else {
        return Err(interp.type_error(format!(
            "descriptor '__init__' requires a 'bytearray' object but received a '{}'",
            interp.type_name(recv)
        )));
    };
    let data = source_bytes(interp, rest)?;
    resized(interp, b.replace(interp.py, data))?;
    Ok(Value::None)
}

/// The bytes `bytearray(*args, **kw)` holds.
fn source_bytes(interp: &mut Interp, args: Args<'_>) -> PyResult<Vec<u8>> {
    // Argument clinic's type checks come before the meaning of the arguments.
    let pos = args.pos();
    for (i, name) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = pos.get(i).or_else(|| args.kw(name)) {
            if v.as_str().is_none() {
                return Err(interp.type_error(format!(
                    "bytearray() argument '{name}' must be str, not {}",
                    interp.type_name(v)
                )));
            }
        }
    }
    // The source, as `bytes(...)` converts it, then copied; the messages that name the
    // target type are bytearray's own.
    if args.kwargs().next().is_none() && args.pos().len() == 1 {
        let src = &args.pos()[0];
        if matches!(src, Value::Float(_) | Value::None) {
            return Err(interp.type_error(format!(
                "cannot convert '{}' object to bytearray",
                interp.type_name(src)
            )));
        }
        if let Some(b) = bytes_like(interp.py, src) {
            return Ok(b.into_owned());
        }
        // An iterable of ints (not a str, not a count).
        let is_count = gilvm_object::keys::as_index_i64(src).is_some()
            || src.to_bigint().is_some()
            || interp
                .lookup_special_name(src, &gilvm_object::static_name!(interp.py, "__index__"))
                .is_some();
        if src.as_str().is_none() && !is_count {
            if interp.iter(src).is_err() {
                return Err(interp.type_error(format!(
                    "cannot convert '{}' object to bytearray",
                    interp.type_name(src)
                )));
            }
            return iter_bytes(interp, src);
        }
    }
    let mut all = Vec::with_capacity(args.all.len() + 1);
    all.push(Value::Obj(interp.g.types.bytes.clone()));
    all.extend_from_slice(args.all);
    let b = super::bytes::bytes_new(
        interp,
        Args {
            all: &all,
            kwnames: args.kwnames,
        },
    )?;
    Ok(super::bytes::bytes_arg(&b)
        .map(<[u8]>::to_vec)
        .unwrap_or_default())
}

// ---- the mutating methods ----

fn append(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "append", 1, 1)?;
    let x = byte_arg(interp, &a[0])?;
    resized(interp, b.append(interp.py, x))?;
    Ok(Value::None)
}

/// The bytes `ba.extend(v)` / `ba += v` add.
fn extend_source(interp: &mut Interp, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(interp.py, v) {
        return Ok(b.into_owned());
    }
    if v.as_str().is_some() {
        return Err(interp.type_error(format!(
            "expected iterable of integers; got: '{}'",
            interp.type_name(v)
        )));
    }
    if interp.iter(v).is_err() {
        return Err(interp.type_error(format!(
            "can't extend bytearray with {}",
            interp.type_name(v)
        )));
    }
    iter_bytes(interp, v)
}

fn extend(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "extend", 1, 1)?;
    if let Some(o) = as_bytearray(&a[0]) {
        resized(interp, b.extend_from(interp.py, o))?;
        return Ok(Value::None);
    }
    let src = extend_source(interp, &a[0])?;
    resized(interp, b.extend(interp.py, &src))?;
    Ok(Value::None)
}

fn insert(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "insert", 2, 2)?;
    let i = interp.index_value(&a[0])?;
    let x = byte_arg(interp, &a[1])?;
    resized(interp, b.insert(interp.py, i, x))?;
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "pop", 0, 1)?;
    let i = match a.first() {
        Some(v) => interp.index_value(v)?,
        None => -1,
    };
    match b.pop(interp.py, i) {
        Ok(Some(x)) => Ok(Value::Int(x as i64)),
        Ok(None) => Err(interp.index_error(if b.is_empty(interp.py) {
            "pop from empty bytearray"
        } else {
            "pop index out of range"
        })),
        Err(_) => Err(resize_error(interp)),
    }
}

fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "remove", 1, 1)?;
    let x = byte_arg(interp, &a[0])?;
    match b.remove(interp.py, x) {
        Ok(true) => Ok(Value::None),
        Ok(false) => Err(interp.value_error("value not found in bytearray")),
        Err(_) => Err(resize_error(interp)),
    }
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = recv_args(interp, &args, "clear", 0, 0)?;
    resized(interp, b.clear(interp.py))?;
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = recv_args(interp, &args, "copy", 0, 0)?;
    let v = b.snapshot(interp.py);
    Ok(new_bytearray(interp, v))
}

fn reverse(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = recv_args(interp, &args, "reverse", 0, 0)?;
    b.reverse(interp.py);
    Ok(Value::None)
}

fn alloc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = recv_args(interp, &args, "__alloc__", 0, 0)?;
    // CPython reports the allocated size, one more than the length (the trailing NUL).
    Ok(Value::Int(b.len(interp.py) as i64 + 1))
}

// ---- items ----

fn slice_of(v: &Value) -> Option<&[Value; 3]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Slice(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn item_index(interp: &mut Interp, key: &Value) -> PyResult<i64> {
    if let Some(i) = gilvm_object::keys::as_index_i64(key) {
        return Ok(i);
    }
    if key.to_bigint().is_some() {
        return Err(interp.index_error("cannot fit 'int' into an index-sized integer"));
    }
    if interp
        .lookup_special_name(key, &gilvm_object::static_name!(interp.py, "__index__"))
        .is_none()
    {
        return Err(interp.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            interp.type_name(key)
        )));
    }
    interp.index_value(key)
}

/// `ba[key]`.
pub fn getitem(interp: &mut Interp, b: &PyByteArray, key: &Value) -> PyResult {
    if let Some(sl) = slice_of(key) {
        let spec = interp.slice_spec(sl)?;
        let v = b.get_slice(interp.py, &spec);
        return Ok(new_bytearray(interp, v));
    }
    let i = item_index(interp, key)?;
    match b.get(interp.py, i) {
        Some(x) => Ok(Value::Int(x as i64)),
        None => Err(interp.index_error("bytearray index out of range")),
    }
}

/// `ba[key] = v`.
pub fn setitem(interp: &mut Interp, b: &PyByteArray, key: &Value, v: &Value) -> PyResult<()> {
    if let Some(sl) = slice_of(key) {
        let spec = interp.slice_spec(sl)?;
        let src = if let Some(x) = bytes_like(interp.py, v) {
            x.into_owned()
        } else if v.as_str().is_some()
            || gilvm_object::keys::as_index_i64(v).is_some()
            || interp.iter(v).is_err()
        {
            return Err(interp.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            iter_bytes(interp, v)?
        };
        return match b.set_slice(interp.py, &spec, &src) {
            Ok(()) => Ok(()),
            Err(SliceError::Resize) => Err(resize_error(interp)),
            Err(SliceError::Size { given, expected }) => Err(interp.value_error(format!(
                "attempt to assign bytes of size {given} to extended slice of size {expected}"
            ))),
        };
    }
    let i = item_index(interp, key)?;
    let x = byte_arg(interp, v)?;
    if b.set(interp.py, i, x) {
        Ok(())
    } else {
        Err(interp.index_error("bytearray index out of range"))
    }
}

/// `del ba[key]`.
pub fn delitem(interp: &mut Interp, b: &PyByteArray, key: &Value) -> PyResult<()> {
    if let Some(sl) = slice_of(key) {
        let spec = interp.slice_spec(sl)?;
        return resized(interp, b.del_slice(interp.py, &spec));
    }
    let i = item_index(interp, key)?;
    match b.del(interp.py, i) {
        Ok(true) => Ok(()),
        Ok(false) => Err(interp.index_error("bytearray index out of range")),
        Err(_) => Err(resize_error(interp)),
    }
}

/// `x in ba`.
pub fn contains(interp: &mut Interp, b: &PyByteArray, x: &Value) -> PyResult<bool> {
    let data = b.snapshot(interp.py);
    super::bytes::bytes_contains(interp, &data, x)
}

/// `repr(ba)`.
pub fn repr(interp: &Interp, b: &PyByteArray) -> String {
    b.read(interp.py, |d| {
        format!("bytearray({})", crate::repr::bytes_repr(d))
    })
}

// ---- operators ----

/// Is either operand a plain bytearray?
#[inline(always)]
pub fn involved(a: &Value, b: &Value) -> bool {
    as_plain_bytearray(a).is_some() || as_plain_bytearray(b).is_some()
}

/// `a op b` when an operand is a bytearray (out of line); None to go on with the special
/// methods and the operator's error.
#[cold]
#[inline(never)]
pub fn binop(
    interp: &mut Interp,
    op: BinOp,
    a: &Value,
    b: &Value,
    inplace: bool,
) -> PyResult<Option<Value>> {
    let py = interp.py;
    match op {
        BinOp::Add => {
            let Some(x) = as_bytearray(a) else {
                // bytes + bytearray is bytes.
                if let (Some(x), Some(y)) = (super::bytes::bytes_arg(a), as_bytearray(b)) {
                    let mut v = x.to_vec();
                    y.read(py, |d| v.extend_from_slice(d));
                    return Ok(Some(Value::Obj(
                        interp.new_obj(Owned::Bytes(v.into_boxed_slice())),
                    )));
                }
                return Ok(None);
            };
            let Some(src) = bytes_like(py, b) else {
                if matches!(b, Value::Obj(o) if crate::ops::has_python_class(o)) {
                    return Ok(None);
                }
                return Err(
                    interp.type_error(format!("can't concat {} to bytearray", interp.type_name(b)))
                );
            };
            if inplace {
                resized(interp, x.extend(py, &src))?;
                return Ok(Some(a.clone()));
            }
            let mut v = x.snapshot(py);
            v.extend_from_slice(&src);
            Ok(Some(new_bytearray(interp, v)))
        }
        BinOp::Mul => {
            let (seq, n, seq_left) = match (as_bytearray(a), as_bytearray(b)) {
                (Some(x), _) => (x, b, true),
                (None, Some(y)) => (y, a, false),
                _ => return Ok(None),
            };
            if gilvm_object::keys::as_index_i64(n).is_none() && n.to_bigint().is_none() {
                let has_index = interp
                    .lookup_special_name(n, &gilvm_object::static_name!(interp.py, "__index__"))
                    .is_some();
                if !has_index {
                    if matches!(n, Value::Obj(o) if crate::ops::has_python_class(o)) {
                        return Ok(None);
                    }
                    return Err(interp.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        interp.type_name(n)
                    )));
                }
            }
            let k = interp.index_value(n).map_err(|e| {
                if interp.matches(&e, &interp.g.exc.index_error.clone()) {
                    interp.err(&interp.g.exc.memory_error.clone(), "")
                } else {
                    e
                }
            })?;
            let k = k.max(0) as usize;
            let max = isize::MAX as usize;
            if inplace && seq_left {
                match seq.inplace_repeat(py, k, max) {
                    Ok(true) => return Ok(Some(a.clone())),
                    Ok(false) => return Err(interp.err(&interp.g.exc.memory_error.clone(), "")),
                    Err(_) => return Err(resize_error(interp)),
                }
            }
            let data = seq.snapshot(py);
            let total = super::containers::check_repeat(interp, data.len(), k)?;
            let mut v = Vec::with_capacity(total);
            for _ in 0..k {
                v.extend_from_slice(&data);
            }
            Ok(Some(new_bytearray(interp, v)))
        }
        _ => Ok(None),
    }
}

/// Comparison when an operand is a bytearray: Some(result) against any bytes-like
/// object, Some(None) to leave it to special methods and the error, None when no
/// operand is a bytearray.
pub fn compare_plain(interp: &Interp, op: CmpOp, a: &Value, b: &Value) -> Option<Option<bool>> {
    if !involved(a, b) {
        return None;
    }
    let py = interp.py;
    let (Some(x), Some(y)) = (bytes_like(py, a), bytes_like(py, b)) else {
        return Some(None);
    };
    let o = x.as_ref().cmp(y.as_ref());
    Some(Some(match op {
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
    }))
}

// ---- the methods shared with bytes ----

macro_rules! shared_methods {
    ($($f:ident $name:literal;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            shared(interp, args, $name)
        })*
        /// The bytes methods a bytearray shares (those gilvm's bytes has are registered).
        const SHARED: &[(&str, crate::interp::NativeFn)] = &[$(($name, $f),)*];
    };
}

shared_methods! {
    s_capitalize "capitalize"; s_center "center"; s_count "count"; s_decode "decode";
    s_endswith "endswith"; s_expandtabs "expandtabs"; s_find "find"; s_hex "hex";
    s_index "index"; s_isalnum "isalnum"; s_isalpha "isalpha"; s_isascii "isascii";
    s_isdigit "isdigit"; s_islower "islower"; s_isspace "isspace"; s_istitle "istitle";
    s_isupper "isupper"; s_join "join"; s_ljust "ljust"; s_lower "lower"; s_lstrip "lstrip";
    s_partition "partition"; s_removeprefix "removeprefix"; s_removesuffix "removesuffix";
    s_replace "replace"; s_rfind "rfind"; s_rindex "rindex"; s_rjust "rjust";
    s_rpartition "rpartition"; s_rsplit "rsplit"; s_rstrip "rstrip"; s_split "split";
    s_splitlines "splitlines"; s_startswith "startswith"; s_strip "strip";
    s_swapcase "swapcase"; s_title "title"; s_translate "translate"; s_upper "upper";
    s_zfill "zfill";
}

/// Bytes in a shared method's result become bytearrays (alone, or in a list or tuple).
fn to_bytearrays(interp: &Interp, v: Value) -> Value {
    let Value::Obj(o) = &v else { return v };
    match o.payload() {
        Payload::Bytes(b) => new_bytearray(interp, b.to_vec()),
        Payload::List(l) => {
            let items = l.snapshot(interp.py);
            let items = items
                .into_iter()
                .map(|x| to_bytearrays(interp, x))
                .collect();
            interp.new_list(items)
        }
        Payload::Tuple(t) => {
            let items = t.iter().map(|x| to_bytearrays(interp, x.clone())).collect();
            interp.new_tuple(items)
        }
        _ => v,
    }
}

/// A shared method: the bytes method `name` on a snapshot of the receiver.
fn shared(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let (_, b) = recv(interp, &args, name)?;
    let snap = Value::Obj(interp.new_obj(Owned::Bytes(b.snapshot(interp.py).into_boxed_slice())));
    let bytes_ty = interp.g.types.bytes.clone();
    let Some(m) = gilvm_object::types::lookup(interp.py, &bytes_ty, &interp.intern(name)) else {
        return Err(interp.attribute_error(format!("'bytearray' object has no attribute '{name}'")));
    };
    let mut all = args.all.to_vec();
    all[0] = snap;
    let r = interp.call(
        &m,
        Args {
            all: &all,
            kwnames: args.kwnames,
        },
    )?;
    Ok(to_bytearrays(interp, r))
}

fn fromhex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fromhex", 2, 2)?;
    let bytes_ty = Value::Obj(interp.g.types.bytes.clone());
    let r = interp.call_method(&bytes_ty, "fromhex", &[a[1].clone()])?;
    let r = to_bytearrays(interp, r);
    // A subclass's `fromhex` builds the subclass from the bytearray (CPython: `cls(ba)`).
    match &a[0] {
        Value::Obj(cls) if !cls.is(&interp.g.types.bytearray) => {
            interp.call(&a[0], Args::new(&[r]))
        }
        _ => Ok(r),
    }
}

fn ba_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = recv_args(interp, &args, "__len__", 0, 0)?;
    Ok(Value::Int(b.len(interp.py) as i64))
}

fn ba_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "__getitem__", 1, 1)?;
    getitem(interp, b, &a[0])
}

fn ba_setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "__setitem__", 2, 2)?;
    setitem(interp, b, &a[0], &a[1])?;
    Ok(Value::None)
}

fn ba_delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "__delitem__", 1, 1)?;
    delitem(interp, b, &a[0])?;
    Ok(Value::None)
}

fn ba_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = recv_args(interp, &args, "__contains__", 1, 1)?;
    Ok(Value::Bool(contains(interp, b, &a[0])?))
}

fn ba_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, b, _) = recv_args(interp, &args, "__repr__", 0, 0)?;
    let s = repr(interp, b);
    // A subclass's instance is shown with its class's name (`B(b'...')`).
    let s = match v {
        Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)) => {
            let name = interp.type_name(v);
            format!("{name}{}", &s["bytearray".len()..])
        }
        _ => s,
    };
    Ok(interp.new_str(s))
}

fn ba_iadd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, a) = recv_args(interp, &args, "__iadd__", 1, 1)?;
    let (v, o) = (v.clone(), a[0].clone());
    match binop(interp, BinOp::Add, &v, &o, true)? {
        Some(r) => Ok(r),
        None => Ok(interp.not_implemented()),
    }
}

fn ba_add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, a) = recv_args(interp, &args, "__add__", 1, 1)?;
    let (v, o) = (v.clone(), a[0].clone());
    match binop(interp, BinOp::Add, &v, &o, false)? {
        Some(r) => Ok(r),
        None => Ok(interp.not_implemented()),
    }
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.bytearray.clone();
    interp.dict_set_str(
        &interp.g.builtins_dict.clone(),
        interp.intern("bytearray"),
        Value::Obj(t.clone()),
    );
    add_static(interp, &t, "__new__", bytearray_new);
    add_method(interp, &t, "__init__", bytearray_init);
    super::bytearray_sub::register(interp, &t);
    add_classmethod(interp, &t, "fromhex", fromhex);
    for (name, f) in [
        ("append", append as crate::interp::NativeFn),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
        ("__alloc__", alloc),
        ("__len__", ba_len),
        ("__getitem__", ba_getitem),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__contains__", ba_contains),
        ("__repr__", ba_repr),
        // `str(b)` is the repr, even where a subclass overrides `__repr__` (CPython's
        // `bytearray_str`).
        ("__str__", ba_repr),
        ("__add__", ba_add),
        ("__iadd__", ba_iadd),
    ] {
        add_method(interp, &t, name, f);
    }
    // bytearrays are unhashable.
    if let Payload::Type(ty) = t.payload() {
        ty.dict()
            .set_str(interp.py, interp.intern("__hash__"), Value::None);
    }
    let bytes_ty = interp.g.types.bytes.clone();
    for &(name, f) in SHARED {
        if gilvm_object::types::lookup(interp.py, &bytes_ty, &interp.intern(name)).is_some() {
            add_method(interp, &t, name, f);
        }
    }
}
