//! The `memoryview` type over the buffer protocol's exporters (`crate::buffer`): length,
//! items and slices (slices are views), `tobytes`, `tolist`, `hex`, `cast` between the
//! byte formats and the native integer and float formats, `release` and the context
//! manager, the shape attributes, equality, hashing of read-only byte views, and writing
//! through a view of a bytearray (which cannot be resized while the view is alive).
//!
//! Only one-dimensional views exist; a `cast` to a multi-dimensional shape raises
//! `NotImplementedError`.
use gilvm_object::memoryview::PyMemoryView;
use gilvm_object::{ObjRef, Owned, Payload, Py, Value};

use super::{add_getset, add_method, add_static};
use crate::args::Args;
use crate::buffer::{bytes_like, Exporter};
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// The view state of a memoryview value.
#[inline]
pub fn as_view(v: &Value) -> Option<&PyMemoryView> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::MemoryView(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

fn exporter(m: &PyMemoryView) -> Option<Exporter<'_>> {
    match m.obj.payload() {
        Payload::Bytes(b) => Some(Exporter::Bytes(b)),
        Payload::ByteArray(b) => Some(Exporter::ByteArray(b)),
        // array.array (issue 19).
        Payload::Native(n) if n.tag == crate::buffer::NATIVE_BUFFER_TAG => {
            Some(Exporter::Native(&n.data))
        }
        Payload::Instance(i) => match i.base.value() {
            Some(Value::Obj(p)) => match p.payload() {
                Payload::Bytes(b) => Some(Exporter::Bytes(b)),
                Payload::ByteArray(b) => Some(Exporter::ByteArray(b)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn released_error(interp: &Interp) -> PyErr {
    interp.value_error("operation forbidden on released memoryview object")
}

/// The bytes the view covers, in item order (None when released).
fn view_data(py: Py<'_>, m: &PyMemoryView) -> Option<Vec<u8>> {
    if m.is_released() {
        return None;
    }
    let e = exporter(m)?;
    e.read(py, |all| {
        let mut out = Vec::with_capacity(m.len * m.itemsize);
        for i in 0..m.len {
            let at = m.offset(i);
            out.extend_from_slice(all.get(at..at + m.itemsize)?);
        }
        Some(out)
    })
}

/// The bytes of a memoryview value (`bytes_like` of a view), None for other values.
pub fn view_bytes(py: Py<'_>, v: &Value) -> Option<Vec<u8>> {
    view_data(py, as_view(v)?)
}

fn data(interp: &Interp, m: &PyMemoryView) -> PyResult<Vec<u8>> {
    view_data(interp.py, m).ok_or_else(|| released_error(interp))
}

// ---- item formats ----

/// The item size of a native single-character struct format (an optional `@` first).
fn format_info(f: &str) -> Option<(&'static str, usize)> {
    let f = f.strip_prefix('@').unwrap_or(f);
    Some(match f {
        "B" => ("B", 1),
        "b" => ("b", 1),
        "c" => ("c", 1),
        "?" => ("?", 1),
        "h" => ("h", 2),
        "H" => ("H", 2),
        "i" => ("i", 4),
        "I" => ("I", 4),
        "l" => ("l", 8),
        "L" => ("L", 8),
        "q" => ("q", 8),
        "Q" => ("Q", 8),
        "n" => ("n", 8),
        "N" => ("N", 8),
        "f" => ("f", 4),
        "d" => ("d", 8),
        _ => return None,
    })
}

fn is_byte_format(f: &str) -> bool {
    matches!(f, "B" | "b" | "c")
}

fn unpack(interp: &Interp, fmt: &str, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(w);
    match fmt {
        "B" | "H" | "I" => Value::Int(u as i64),
        "b" => Value::Int(b[0] as i8 as i64),
        "h" => Value::Int(u as u16 as i16 as i64),
        "i" => Value::Int(u as u32 as i32 as i64),
        "l" | "q" | "n" => Value::Int(u as i64),
        "L" | "Q" | "N" => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => interp.new_bigint(num_bigint::BigInt::from(u)),
        },
        "?" => Value::Bool(b[0] != 0),
        "c" => Value::Obj(interp.new_obj(Owned::Bytes(b.to_vec().into_boxed_slice()))),
        "f" => Value::Float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
        _ => Value::Float(f64::from_bits(u)),
    }
}

fn pack(interp: &mut Interp, fmt: &str, size: usize, v: &Value) -> PyResult<Vec<u8>> {
    let bad_type =
        |interp: &Interp| interp.type_error(format!("memoryview: invalid type for format '{fmt}'"));
    let bad_value = |interp: &Interp| {
        interp.value_error(format!("memoryview: invalid value for format '{fmt}'"))
    };
    match fmt {
        "c" => match v {
            Value::Obj(o) => match o.payload() {
                Payload::Bytes(b) if b.len() == 1 => Ok(b.to_vec()),
                Payload::Bytes(_) => Err(bad_value(interp)),
                _ => Err(bad_type(interp)),
            },
            _ => Err(bad_type(interp)),
        },
        "?" => Ok(vec![interp.truthy(v)? as u8]),
        "f" | "d" => {
            if !matches!(v.base_value(), Value::Float(_)) && v.to_bigint().is_none() {
                return Err(bad_type(interp));
            }
            let x = super::numbers::float_of(interp, v)?;
            Ok(if fmt == "f" {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        _ => {
            let i = match v.to_bigint() {
                Some(i) => i,
                None => return Err(bad_type(interp)),
            };
            let signed = matches!(fmt, "b" | "h" | "i" | "l" | "q" | "n");
            let bits = size as u32 * 8;
            let (lo, hi) = if signed {
                (
                    -(num_bigint::BigInt::from(1) << (bits - 1)),
                    (num_bigint::BigInt::from(1) << (bits - 1)) - 1,
                )
            } else {
                (
                    num_bigint::BigInt::from(0),
                    (num_bigint::BigInt::from(1) << bits) - 1,
                )
            };
            if i < lo || i > hi {
                return Err(bad_value(interp));
            }
            let mut bytes = i.to_signed_bytes_le();
            let fill = if i.sign() == num_bigint::Sign::Minus {
                0xff
            } else {
                0
            };
            bytes.resize(8, fill);
            bytes.truncate(size);
            Ok(bytes)
        }
    }
}

// ---- construction ----

/// A new view on exporter object `obj` (its export counted).
fn new_view(
    interp: &Interp,
    obj: ObjRef,
    start: usize,
    len: usize,
    stride: isize,
    fmt: &'static str,
    itemsize: usize,
    readonly: bool,
) -> Value {
    // (A subclass instance's plain bytearray counts the export: `PyMemoryView::release`.)
    if let Some(b) = super::bytearray::as_bytearray(&Value::Obj(obj.clone())) {
        b.export(interp.py);
    }
    let m = PyMemoryView::new(obj, start, len, stride, fmt, itemsize, readonly);
    Value::Obj(interp.new_obj(Owned::MemoryView(m)))
}

fn memoryview_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = super::numbers::bind_args(interp, args, "memoryview", 1, &["object"], 0, &[])?;
    let Some(src) = b[0].clone() else {
        return Err(interp.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    if let Some(m) = as_view(&src) {
        if m.is_released() {
            return Err(released_error(interp));
        }
        return Ok(new_view(
            interp,
            m.obj.clone(),
            m.start,
            m.len,
            m.stride,
            m.format,
            m.itemsize,
            m.readonly,
        ));
    }
    let Value::Obj(o) = &src else {
        return Err(not_buffer(interp, &src));
    };
    match Exporter::of(&src) {
        Some(e) => {
            let n = e.len(interp.py);
            let (fmt, size) = e.format(interp.py);
            let size = size.max(1);
            Ok(new_view(
                interp,
                o.clone(),
                0,
                n / size,
                size as isize,
                fmt,
                size,
                e.readonly(),
            ))
        }
        None => Err(not_buffer(interp, &src)),
    }
}

fn not_buffer(interp: &Interp, v: &Value) -> PyErr {
    interp.type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        interp.type_name(v)
    ))
}

// ---- methods ----

fn recv<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a PyMemoryView, &'a [Value])> {
    let pos = args.pos();
    let Some(v) = pos.first() else {
        return Err(interp.type_error(format!(
            "unbound method memoryview.{name}() needs an argument"
        )));
    };
    let Some(m) = as_view(v) else {
        return Err(interp.type_error(format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        )));
    };
    let rest = &pos[1..];
    if rest.len() < min || rest.len() > max {
        return Err(interp.type_error(if max == 0 {
            format!(
                "memoryview.{name}() takes no arguments ({} given)",
                rest.len()
            )
        } else {
            format!(
                "{name}() takes at most {max} arguments ({} given)",
                rest.len()
            )
        }));
    }
    Ok((v, m, rest))
}

fn live<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a PyMemoryView)> {
    let (v, m, _) = recv(interp, args, name, 0, usize::MAX)?;
    if m.is_released() {
        return Err(released_error(interp));
    }
    Ok((v, m))
}

fn tobytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m) = live(interp, &args, "tobytes")?;
    let d = data(interp, m)?;
    Ok(Value::Obj(
        interp.new_obj(Owned::Bytes(d.into_boxed_slice())),
    ))
}

/// The items of a view.
pub fn items(interp: &Interp, m: &PyMemoryView) -> PyResult<Vec<Value>> {
    let d = data(interp, m)?;
    Ok(d.chunks(m.itemsize.max(1))
        .map(|c| unpack(interp, m.format, c))
        .collect())
}

fn tolist(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m) = live(interp, &args, "tolist")?;
    let v = items(interp, m)?;
    Ok(interp.new_list(v))
}

fn hex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m) = live(interp, &args, "hex")?;
    let d = data(interp, m)?;
    let tmp = Value::Obj(interp.new_obj(Owned::Bytes(d.into_boxed_slice())));
    let bytes_ty = interp.g.types.bytes.clone();
    let f = gilvm_object::types::lookup(interp.py, &bytes_ty, &interp.intern("hex"))
        .ok_or_else(|| interp.attribute_error("hex"))?;
    let mut all = args.all.to_vec();
    all[0] = tmp;
    interp.call(
        &f,
        Args {
            all: &all,
            kwnames: args.kwnames,
        },
    )
}

fn cast(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = super::numbers::bind_args(interp, args, "cast", 1, &["format", "shape"], 0, &[])?;
    let (_, m) = live(interp, &args, "cast")?;
    let Some(fv) = b[0].clone() else {
        return Err(interp.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Some(f) = fv.as_str() else {
        return Err(interp.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            interp.type_name(&fv)
        )));
    };
    if !m.contiguous() {
        return Err(interp.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let Some((fmt, size)) = format_info(f) else {
        return Err(interp.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(m.format) && !is_byte_format(fmt) {
        return Err(interp.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.itemsize;
    if nbytes % size != 0 {
        return Err(interp.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let n = nbytes / size;
    if let Some(shape) = b[1].clone() {
        let dims = interp.collect(&shape)?;
        let one = dims.len() == 1 && gilvm_object::keys::as_index_i64(&dims[0]) == Some(n as i64);
        if !one {
            return Err(interp
                .not_implemented_error("gilvm's memoryview supports only one-dimensional casts"));
        }
    }
    Ok(new_view(
        interp,
        m.obj.clone(),
        m.start,
        n,
        size as isize,
        fmt,
        size,
        m.readonly,
    ))
}

fn toreadonly(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m) = live(interp, &args, "toreadonly")?;
    Ok(new_view(
        interp,
        m.obj.clone(),
        m.start,
        m.len,
        m.stride,
        m.format,
        m.itemsize,
        true,
    ))
}

fn release(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m, _) = recv(interp, &args, "release", 0, 0)?;
    m.release();
    Ok(Value::None)
}

fn enter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _) = live(interp, &args, "__enter__")?;
    Ok(v.clone())
}

fn exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m, _) = recv(interp, &args, "__exit__", 0, usize::MAX)?;
    m.release();
    Ok(Value::None)
}

/// `len(view)`.
pub fn len(interp: &Interp, m: &PyMemoryView) -> PyResult<usize> {
    if m.is_released() {
        return Err(released_error(interp));
    }
    Ok(m.len)
}

fn slice_of(v: &Value) -> Option<&[Value; 3]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Slice(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn item_index(interp: &mut Interp, m: &PyMemoryView, key: &Value) -> PyResult<usize> {
    let i = match gilvm_object::keys::as_index_i64(key) {
        Some(i) => i,
        None => {
            if interp
                .lookup_special_name(key, &gilvm_object::static_name!(interp.py, "__index__"))
                .is_none()
            {
                return Err(interp.type_error("memoryview: invalid slice key"));
            }
            interp.index_value(key)?
        }
    };
    let j = if i < 0 { i + m.len as i64 } else { i };
    if j < 0 || j >= m.len as i64 {
        return Err(interp.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// `view[key]`.
pub fn getitem(interp: &mut Interp, m: &PyMemoryView, key: &Value) -> PyResult {
    if m.is_released() {
        return Err(released_error(interp));
    }
    if let Some(sl) = slice_of(key) {
        let r = interp.slice_spec(sl)?.adjust(m.len);
        let start = if r.count == 0 {
            m.start
        } else {
            m.offset(r.start as usize)
        };
        return Ok(new_view(
            interp,
            m.obj.clone(),
            start,
            r.count,
            m.stride * r.step as isize,
            m.format,
            m.itemsize,
            m.readonly,
        ));
    }
    let i = item_index(interp, m, key)?;
    let e = exporter(m).ok_or_else(|| released_error(interp))?;
    let at = m.offset(i);
    let item = e.read(interp.py, |all| {
        all.get(at..at + m.itemsize).map(<[u8]>::to_vec)
    });
    match item {
        Some(b) => Ok(unpack(interp, m.format, &b)),
        None => Err(interp.index_error("index out of bounds on dimension 1")),
    }
}

/// `view[key] = v`.
pub fn setitem(interp: &mut Interp, m: &PyMemoryView, key: &Value, v: &Value) -> PyResult<()> {
    if m.is_released() {
        return Err(released_error(interp));
    }
    if m.readonly {
        return Err(interp.type_error("cannot modify read-only memory"));
    }
    let e = exporter(m).ok_or_else(|| released_error(interp))?;
    let py = interp.py;
    if let Some(sl) = slice_of(key) {
        let r = interp.slice_spec(sl)?.adjust(m.len);
        let Some(src) = bytes_like(py, v) else {
            return Err(interp.type_error(format!(
                "a bytes-like object is required, not '{}'",
                interp.type_name(v)
            )));
        };
        let src = src.into_owned();
        if src.len() != r.count * m.itemsize {
            return Err(interp.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        for (k, i) in r.indices().enumerate() {
            let chunk = &src[k * m.itemsize..(k + 1) * m.itemsize];
            e.write_at(py, m.offset(i), chunk);
        }
        return Ok(());
    }
    let i = item_index(interp, m, key)?;
    let b = pack(interp, m.format, m.itemsize, v)?;
    if !e.write_at(py, m.offset(i), &b) {
        return Err(interp.index_error("index out of bounds on dimension 1"));
    }
    Ok(())
}

/// `view == other` (None: not a bytes-like other, NotImplemented).
pub fn equals(interp: &Interp, a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let side = |v: &Value| -> Option<Option<Vec<Value>>> {
        if let Some(m) = as_view(v) {
            return Some(items(interp, m).ok());
        }
        let d = bytes_like(interp.py, v)?;
        Some(Some(d.iter().map(|&x| Value::Int(x as i64)).collect()))
    };
    let (x, y) = (side(a)?, side(b)?);
    let (Some(x), Some(y)) = (x, y) else {
        return Some(false);
    };
    Some(
        x.len() == y.len()
            && x.iter()
                .zip(&y)
                .all(|(p, q)| gilvm_object::keys::builtin_eq(p, q) == Some(true)),
    )
}

/// Comparison with a memoryview operand (as `bytearray::compare_plain`).
pub fn compare_plain(
    interp: &Interp,
    op: gilvm_object::code::CmpOp,
    a: &Value,
    b: &Value,
) -> Option<Option<bool>> {
    use gilvm_object::code::CmpOp;
    if as_view(a).is_none() && as_view(b).is_none() {
        return None;
    }
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Some(None);
    }
    let eq = equals(interp, a, b)?;
    Some(Some(eq == (op == CmpOp::Eq)))
}

fn mv_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m) = live(interp, &args, "__hash__")?;
    if !m.readonly {
        return Err(interp.value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format) {
        return Err(
            interp.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        );
    }
    let d = data(interp, m)?;
    Ok(Value::Int(gilvm_object::tables::hash_bytes(&d)))
}

fn mv_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m, _) = recv(interp, &args, "__len__", 0, 0)?;
    Ok(Value::Int(len(interp, m)? as i64))
}

fn mv_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m, a) = recv(interp, &args, "__getitem__", 1, 1)?;
    getitem(interp, m, &a[0])
}

fn mv_setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, m, a) = recv(interp, &args, "__setitem__", 2, 2)?;
    setitem(interp, m, &a[0], &a[1])?;
    Ok(Value::None)
}

fn mv_delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, a) = recv(interp, &args, "__delitem__", 1, 1)?;
    let (v, k) = (v.clone(), a[0].clone());
    interp.delitem(&v, &k)?;
    Ok(Value::None)
}

fn mv_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, a) = recv(interp, &args, "__eq__", 1, 1)?;
    Ok(match equals(interp, v, &a[0]) {
        Some(r) => Value::Bool(r),
        None => interp.not_implemented(),
    })
}

macro_rules! getters {
    ($($f:ident $name:literal |$interp:ident, $m:ident| $e:expr;)*) => {
        $(#[allow(unused_variables)]
        fn $f($interp: &mut Interp, args: Args<'_>) -> PyResult {
            let (_, $m) = live($interp, &args, $name)?;
            Ok($e)
        })*
        fn register_getters(interp: &mut Interp, t: &ObjRef) {
            $(add_getset(interp, t, $name, $f);)*
        }
    };
}

getters! {
    g_obj "obj" |interp, m| Value::Obj(m.obj.clone());
    g_nbytes "nbytes" |interp, m| Value::Int((m.len * m.itemsize) as i64);
    g_readonly "readonly" |interp, m| Value::Bool(m.readonly);
    g_itemsize "itemsize" |interp, m| Value::Int(m.itemsize as i64);
    g_format "format" |interp, m| interp.new_str(m.format);
    g_ndim "ndim" |interp, m| Value::Int(1);
    g_shape "shape" |interp, m| interp.new_tuple(vec![Value::Int(m.len as i64)]);
    g_strides "strides" |interp, m| interp.new_tuple(vec![Value::Int(m.stride as i64)]);
    g_suboffsets "suboffsets" |interp, m| interp.new_tuple(vec![]);
    g_c_contiguous "c_contiguous" |interp, m| Value::Bool(m.contiguous());
    g_f_contiguous "f_contiguous" |interp, m| Value::Bool(m.contiguous());
    g_contiguous "contiguous" |interp, m| Value::Bool(m.contiguous());
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.memoryview.clone();
    interp.dict_set_str(
        &interp.g.builtins_dict.clone(),
        interp.intern("memoryview"),
        Value::Obj(t.clone()),
    );
    add_static(interp, &t, "__new__", memoryview_new);
    for (name, f) in [
        ("tobytes", tobytes as crate::interp::NativeFn),
        ("tolist", tolist),
        ("hex", hex),
        ("cast", cast),
        ("toreadonly", toreadonly),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__hash__", mv_hash),
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__delitem__", mv_delitem),
        ("__eq__", mv_eq),
    ] {
        add_method(interp, &t, name, f);
    }
    register_getters(interp, &t);
}
