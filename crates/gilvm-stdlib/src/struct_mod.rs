//! The `_struct` module (CPython's `Modules/_struct.c`): `pack`, `unpack`, `calcsize`,
//! `pack_into`, `unpack_from`, `iter_unpack`, the `Struct` class and `struct.error`, over
//! the formats of `struct_format.rs`.
//!
//! A `Struct` holds its parsed layout behind an `Arc` (immutable once made), so a method
//! takes it out of the object's lock at once and converts its arguments (which may call
//! `__index__`/`__float__`/`__bool__`) with no lock held. The module functions keep a
//! small cache of parsed formats, as CPython's does (`_clearcache` empties it).
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics, Step};

use crate::common::{buffer_arg, error_class, int_arg, new_bytes};
use crate::struct_format::{self as sf, Arg, Layout, PackError, Unpacked};

struct Types {
    error: ObjRef,
    struct_t: ObjRef,
    iter_t: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types() -> &'static Types {
    &TYPES.get().expect("_struct initialized").0
}

fn error(interp: &Interp, msg: impl Into<String>) -> PyErr {
    interp.err(&types().error, msg)
}

/// The parsed layout of a `Struct` instance.
struct StructData(Arc<Layout>);

fn cache() -> &'static Mutex<HashMap<Vec<u8>, Arc<Layout>>> {
    static C: OnceLock<Mutex<HashMap<Vec<u8>, Arc<Layout>>>> = OnceLock::new();
    C.get_or_init(|| Mutex::new(HashMap::new()))
}
const CACHE_MAX: usize = 100;

/// The text of a format argument (str or bytes).
fn format_text(interp: &Interp, v: &Value, what: &str) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Value::Obj(o) = v {
        if let Payload::Bytes(b) = o.payload() {
            return Ok(String::from_utf8_lossy(b).into_owned());
        }
    }
    Err(interp.type_error(format!(
        "{what} argument 1 must be a str or bytes object, not {}",
        interp.type_name(v)
    )))
}

fn parse(interp: &Interp, text: &str) -> PyResult<Arc<Layout>> {
    sf::parse(text).map(Arc::new).map_err(|m| error(interp, m))
}

/// The layout of a format argument of a module function (a `Struct` is accepted too).
fn layout_of(interp: &Interp, v: &Value) -> PyResult<Arc<Layout>> {
    if let Some(l) = util::with_data::<StructData, _>(interp, v, |d| d.0.clone()) {
        return Ok(l);
    }
    let text = format_text(interp, v, "Struct()")?;
    let key = text.as_bytes().to_vec();
    if let Some(l) = cache().lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return Ok(l.clone());
    }
    let l = parse(interp, &text)?;
    let mut c = cache().lock().unwrap_or_else(|p| p.into_inner());
    if c.len() >= CACHE_MAX {
        c.clear();
    }
    c.insert(key, l.clone());
    Ok(l)
}

/// The layout of `self` of a `Struct` method.
fn self_layout(interp: &Interp, v: Option<&Value>, name: &str) -> PyResult<Arc<Layout>> {
    let v = v.ok_or_else(|| interp.type_error(format!("{name}() needs an argument")))?;
    util::with_data::<StructData, _>(interp, v, |d| d.0.clone()).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor '{name}' for '_struct.Struct' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))
    })
}

// ---- packing ----

/// Converts the values for each item (Python code may run here).
fn convert(interp: &mut Interp, l: &Layout, vals: &[Value]) -> PyResult<Vec<Arg>> {
    if vals.len() != l.items.len() {
        return Err(error(
            interp,
            format!(
                "pack expected {} items for packing (got {})",
                l.items.len(),
                vals.len()
            ),
        ));
    }
    let mut out = Vec::with_capacity(vals.len());
    for (item, v) in l.items.iter().zip(vals) {
        let a = match item.code {
            b'c' => match bytes_exact(interp, v) {
                Some(b) if b.len() == 1 => Arg::Bytes(b),
                _ => {
                    return Err(error(
                        interp,
                        "char format requires a bytes object of length 1",
                    ))
                }
            },
            b's' | b'p' => match bytes_exact(interp, v) {
                Some(b) => Arg::Bytes(b),
                None => {
                    return Err(error(
                        interp,
                        format!(
                            "argument for '{}' must be a bytes object",
                            item.code as char
                        ),
                    ))
                }
            },
            b'?' => Arg::Bool(interp.truthy(v)?),
            b'e' | b'f' | b'd' => {
                let is_num = matches!(v, Value::Float(_))
                    || v.to_bigint().is_some()
                    || interp
                        .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__float__"))
                        .is_some()
                    || interp
                        .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                        .is_some();
                if !is_num {
                    return Err(error(interp, "required argument is not a float"));
                }
                Arg::Float(gilvm_vm::builtins::numbers::float_of(interp, v)?)
            }
            _ => match int_arg(interp, v)? {
                Some(b) => Arg::Int(b),
                None => return Err(error(interp, "required argument is not an integer")),
            },
        };
        out.push(a);
    }
    Ok(out)
}

/// The bytes of a `bytes` or `bytearray` value.
fn bytes_exact(interp: &Interp, v: &Value) -> Option<Vec<u8>> {
    let Value::Obj(o) = v else { return None };
    match o.payload() {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(_) | Payload::Instance(_) => {
            gilvm_vm::buffer::Exporter::of(v).and_then(|e| match e {
                gilvm_vm::buffer::Exporter::Bytes(b) => Some(b.to_vec()),
                gilvm_vm::buffer::Exporter::ByteArray(b) => Some(b.snapshot(interp.py)),
                _ => None,
            })
        }
        _ => None,
    }
}

fn pack_to_vec(interp: &mut Interp, l: &Layout, vals: &[Value]) -> PyResult<Vec<u8>> {
    let args = convert(interp, l, vals)?;
    let mut out = vec![0u8; l.size];
    for (item, a) in l.items.iter().zip(args) {
        sf::pack_item(l.mode, item, a, &mut out).map_err(|e| match e {
            PackError::Struct(m) => error(interp, m),
            PackError::Overflow(m) => interp.overflow_error(m),
        })?;
    }
    Ok(out)
}

fn unpack_values(interp: &Interp, l: &Layout, data: &[u8]) -> Value {
    let mut vals = Vec::with_capacity(l.items.len());
    for item in &l.items {
        vals.push(match sf::unpack_item(l.mode, item, data) {
            Unpacked::Int(i) => Value::Int(i),
            Unpacked::UInt(u) => match i64::try_from(u) {
                Ok(i) => Value::Int(i),
                Err(_) => interp.new_bigint(num_bigint::BigInt::from(u)),
            },
            Unpacked::Float(f) => Value::Float(f),
            Unpacked::Bool(b) => Value::Bool(b),
            Unpacked::Bytes(b) => new_bytes(interp, b),
        });
    }
    interp.new_tuple(vals)
}

// ---- the operations, shared by the module functions and the methods ----

fn do_pack(interp: &mut Interp, l: &Layout, vals: &[Value]) -> PyResult {
    let v = pack_to_vec(interp, l, vals)?;
    Ok(new_bytes(interp, v))
}

fn do_unpack(interp: &mut Interp, l: &Layout, buf: &Value) -> PyResult {
    let data = buffer_arg(interp, buf)?;
    if data.len() != l.size {
        return Err(error(
            interp,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    Ok(unpack_values(interp, l, &data))
}

/// Resolves a (possibly negative) offset into a buffer of `len` bytes.
fn resolve_offset(interp: &Interp, offset: i64, len: usize) -> PyResult<usize> {
    if offset < 0 {
        if offset + (len as i64) < 0 {
            return Err(error(
                interp,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        return Ok((offset + len as i64) as usize);
    }
    Ok(offset as usize)
}

fn do_unpack_from(interp: &mut Interp, l: &Layout, buf: &Value, offset: &Value) -> PyResult {
    let offset = interp.index_value(offset)?;
    let data = buffer_arg(interp, buf)?;
    let off = resolve_offset(interp, offset, data.len())?;
    if data.len() < off || data.len() - off < l.size {
        let msg = if offset < 0 {
            format!(
                "not enough data to unpack {} bytes at offset {offset}",
                l.size
            )
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {})",
                l.size as u128 + off as u128,
                l.size,
                data.len()
            )
        };
        return Err(error(interp, msg));
    }
    Ok(unpack_values(interp, l, &data[off..off + l.size]))
}

fn do_pack_into(
    interp: &mut Interp,
    l: &Layout,
    buf: &Value,
    offset: &Value,
    vals: &[Value],
) -> PyResult {
    let bytes = pack_to_vec(interp, l, vals)?;
    let offset = interp.index_value(offset)?;
    let target = writable(interp, buf)?;
    let len = target.len(interp);
    if offset < 0 && offset + (l.size as i64) > 0 {
        return Err(error(
            interp,
            format!("no space to pack {} bytes at offset {offset}", l.size),
        ));
    }
    let off = resolve_offset(interp, offset, len)?;
    if len < off || len - off < l.size {
        return Err(error(
            interp,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {off} (actual buffer size is {len})",
                l.size as u128 + off as u128,
                l.size
            ),
        ));
    }
    if !target.write(interp, off, &bytes) {
        return Err(error(interp, "pack_into: the buffer changed size"));
    }
    Ok(Value::None)
}

/// A writable buffer: a bytearray, or a contiguous writable memoryview of one.
struct Writable<'a> {
    ba: &'a gilvm_object::bytearray::PyByteArray,
    start: usize,
    len: Option<usize>,
}

impl Writable<'_> {
    fn len(&self, interp: &Interp) -> usize {
        self.len.unwrap_or_else(|| self.ba.len(interp.py))
    }
    fn write(&self, interp: &Interp, at: usize, src: &[u8]) -> bool {
        self.ba.write_at(interp.py, self.start + at, src)
    }
}

fn writable<'a>(interp: &Interp, v: &'a Value) -> PyResult<Writable<'a>> {
    if let Value::Obj(o) = v {
        match o.payload() {
            Payload::ByteArray(b) => {
                return Ok(Writable {
                    ba: b,
                    start: 0,
                    len: None,
                })
            }
            Payload::MemoryView(m)
                if !m.is_released()
                    && !m.readonly
                    && (m.stride == m.itemsize as isize || m.len <= 1) =>
            {
                if let Payload::ByteArray(b) = m.obj.payload() {
                    return Ok(Writable {
                        ba: b,
                        start: m.start,
                        len: Some(m.len * m.itemsize),
                    });
                }
            }
            _ => {}
        }
    }
    Err(interp.type_error(format!(
        "argument must be read-write bytes-like object, not {}",
        interp.type_name(v)
    )))
}

/// The iterator of `iter_unpack`.
struct UnpackIter {
    layout: Arc<Layout>,
    data: Vec<u8>,
    at: usize,
}

impl Step for UnpackIter {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        Ok(self.fast(interp).flatten())
    }
    fn fast(&mut self, interp: &Interp) -> Option<Option<Value>> {
        if self.at + self.layout.size > self.data.len() {
            return Some(None);
        }
        let v = unpack_values(
            interp,
            &self.layout,
            &self.data[self.at..self.at + self.layout.size],
        );
        self.at += self.layout.size;
        Some(Some(v))
    }
    gilvm_vm::impl_as_any!();
}

fn do_iter_unpack(interp: &mut Interp, l: Arc<Layout>, buf: &Value) -> PyResult {
    if l.size == 0 {
        return Err(error(
            interp,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer_arg(interp, buf)?.into_owned();
    if data.len() % l.size != 0 {
        return Err(error(
            interp,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    Ok(util::new_stepper(
        interp,
        &types().iter_t,
        UnpackIter {
            layout: l,
            data,
            at: 0,
        },
    ))
}

fn length_hint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__length_hint__", 1, 1)?;
    let n = util::with_step_state(interp, &a[0], |_, st| {
        Ok(util::state_mut::<UnpackIter>(st)
            .map(|s| (s.data.len() - s.at) / s.layout.size.max(1))
            .unwrap_or(0))
    })?
    .unwrap_or(0);
    Ok(Value::Int(n as i64))
}

// ---- module functions ----

fn first<'a>(interp: &Interp, args: &Args<'a>, name: &str, min: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let p = args.pos();
    if p.len() < min {
        return Err(interp.type_error(format!(
            "{name} expected at least {min} argument{}, got {}",
            if min == 1 { "" } else { "s" },
            p.len()
        )));
    }
    Ok(p)
}

fn m_pack(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = first(interp, &args, "pack", 1)?;
    let l = layout_of(interp, &p[0])?;
    do_pack(interp, &l, &p[1..])
}

fn m_unpack(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "unpack", 2, 2)?;
    let l = layout_of(interp, &p[0])?;
    do_unpack(interp, &l, &p[1])
}

fn m_calcsize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "calcsize", 1, 1)?;
    let l = layout_of(interp, &p[0])?;
    Ok(Value::Int(l.size as i64))
}

fn m_unpack_from(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.is_empty() {
        return Err(interp.type_error("unpack_from expected at least 1 argument, got 0"));
    }
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "unpack_from", &["buffer", "offset"], 1)?;
    let l = layout_of(interp, &p[0])?;
    let off = a[1].clone().unwrap_or(Value::Int(0));
    do_unpack_from(interp, &l, a[0].as_ref().unwrap_or(&Value::None), &off)
}

fn m_pack_into(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = first(interp, &args, "pack_into", 3)?;
    let l = layout_of(interp, &p[0])?;
    do_pack_into(interp, &l, &p[1], &p[2], &p[3..])
}

fn m_iter_unpack(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "iter_unpack", 2, 2)?;
    let l = layout_of(interp, &p[0])?;
    do_iter_unpack(interp, l, &p[1])
}

fn m_clearcache(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_clearcache", 0, 0)?;
    cache().lock().unwrap_or_else(|p| p.into_inner()).clear();
    Ok(Value::None)
}

// ---- the Struct class ----

fn struct_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("Struct.__new__(X): X is not a type object")),
    };
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "Struct", &["format"], 1)?;
    let f = a[0].clone().unwrap_or(Value::None);
    let text = format_text(interp, &f, "Struct()")?;
    let l = parse(interp, &text)?;
    Ok(util::native_obj(interp, &cls, StructData(l)))
}

fn s_pack(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = first(interp, &args, "pack", 0)?;
    let l = self_layout(interp, p.first(), "pack")?;
    do_pack(interp, &l, &p[1..])
}

fn s_unpack(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "unpack", 2, 2)?;
    let l = self_layout(interp, p.first(), "unpack")?;
    do_unpack(interp, &l, &p[1])
}

fn s_unpack_from(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let l = self_layout(interp, p.first(), "unpack_from")?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "unpack_from", &["buffer", "offset"], 1)?;
    let off = a[1].clone().unwrap_or(Value::Int(0));
    do_unpack_from(interp, &l, a[0].as_ref().unwrap_or(&Value::None), &off)
}

fn s_pack_into(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = first(interp, &args, "pack_into", 1)?;
    let l = self_layout(interp, p.first(), "pack_into")?;
    if p.len() < 3 {
        return Err(interp.type_error("pack_into expected buffer argument"));
    }
    do_pack_into(interp, &l, &p[1], &p[2], &p[3..])
}

fn s_iter_unpack(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "iter_unpack", 2, 2)?;
    let l = self_layout(interp, p.first(), "iter_unpack")?;
    do_iter_unpack(interp, l, &p[1])
}

fn s_format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "format", 1, 1)?;
    let l = self_layout(interp, p.first(), "format")?;
    Ok(interp.new_str(l.format.as_str()))
}

fn s_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "size", 1, 1)?;
    let l = self_layout(interp, p.first(), "size")?;
    Ok(Value::Int(l.size as i64))
}

fn s_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "__repr__", 1, 1)?;
    let l = self_layout(interp, p.first(), "__repr__")?;
    let f = interp.new_str(l.format.as_str());
    let r = interp.repr(&f)?;
    Ok(interp.new_str(format!("Struct({r})")))
}

fn s_sizeof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "__sizeof__", 1, 1)?;
    let l = self_layout(interp, p.first(), "__sizeof__")?;
    Ok(Value::Int(
        (64 + l.items.len() * std::mem::size_of::<sf::Item>()) as i64,
    ))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        make_types(interp, m)?;
    }
    let t = types();
    interp.add_value(m, "Struct", Value::Obj(t.struct_t.clone()));
    interp.add_value(m, "error", Value::Obj(t.error.clone()));
    interp.add_function(m, "pack", m_pack);
    interp.add_function(m, "unpack", m_unpack);
    interp.add_function(m, "calcsize", m_calcsize);
    interp.add_function(m, "unpack_from", m_unpack_from);
    interp.add_function(m, "pack_into", m_pack_into);
    interp.add_function(m, "iter_unpack", m_iter_unpack);
    interp.add_function(m, "_clearcache", m_clearcache);
    Ok(())
}

fn make_types(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let error = error_class(interp, m, "error", "Exception", "struct")?;
    let struct_t = util::native_type(
        interp,
        "Struct",
        "_struct",
        &[
            ("pack", s_pack),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("pack_into", s_pack_into),
            ("iter_unpack", s_iter_unpack),
            ("__repr__", s_repr),
            ("__sizeof__", s_sizeof),
        ],
    );
    add_static(interp, &struct_t, "__new__", struct_new);
    util::add_property(interp, &struct_t, "format", s_format);
    util::add_property(interp, &struct_t, "size", s_size);
    let iter_t = util::iterator_type(
        interp,
        "unpack_iterator",
        "_struct",
        &[("__length_hint__", length_hint)],
    );
    let _ = TYPES.set(Statics(Types {
        error,
        struct_t,
        iter_t,
    }));
    Ok(())
}
