//! The `array` module (CPython's `Modules/arraymodule.c`): `array.array` of every
//! typecode, with the sequence protocol, slicing, the buffer protocol (`bytes(a)`,
//! `memoryview(a)`), `tobytes`/`frombytes`/`tolist`/`fromlist`/`tounicode`/`fromunicode`,
//! `byteswap`, pickling through `_array_reconstructor`, and `typecodes`.
//!
//! An array is a native object whose data is a [`NativeBytes`] (its items in native byte
//! order) and whose tag is [`NATIVE_BUFFER_TAG`], which makes it a buffer exporter for
//! `gilvm-vm` (`buffer.rs`). Every operation reads or writes the bytes in one critical
//! section of the object's lock; values are converted (which may run Python code) before
//! the section, and items are compared (likewise) after it, on a snapshot.
//!
//! Not done: subclassing `array.array` in Python (gilvm cannot subclass native types yet),
//! refusing to resize an array while a memoryview of it is alive (the view sees the new
//! bytes instead, bounds-checked), the `DeprecationWarning` of typecode `'u'`.
use std::sync::OnceLock;

use gilvm_object::payload::NativeObj;
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::buffer::{NativeBytes, NATIVE_BUFFER_TAG};
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics, Step};

use crate::array_items::{self as items, TYPECODES};
use crate::common::new_bytes;

struct Types {
    array_t: ObjRef,
    iter_t: ObjRef,
    reconstructor: Value,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types() -> &'static Types {
    &TYPES.get().expect("array initialized").0
}

fn tc_str(tc: u8) -> &'static str {
    let i = TYPECODES.bytes().position(|c| c == tc).unwrap_or(0);
    &TYPECODES[i..i + 1]
}

/// A new array of class `cls`.
fn new_array(interp: &Interp, cls: &ObjRef, tc: u8, bytes: Vec<u8>) -> Value {
    let data: Box<dyn std::any::Any> = Box::new(NativeBytes {
        bytes,
        format: tc_str(tc),
        itemsize: items::itemsize(tc).unwrap_or(1),
    });
    Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls.clone(),
        data: ObjCell::new(data),
        tag: NATIVE_BUFFER_TAG,
    })))
}

fn is_array(interp: &Interp, v: &Value) -> bool {
    util::is_data::<NativeBytes>(interp, v)
}

/// Runs `f` on the array `v` (one critical section: `f` must not run Python code).
fn with<R>(interp: &Interp, v: &Value, f: impl FnOnce(&mut NativeBytes) -> R) -> PyResult<R> {
    util::with_data::<NativeBytes, R>(interp, v, f).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            interp.type_name(v)
        ))
    })
}

fn tc_of(n: &NativeBytes) -> u8 {
    n.format.as_bytes()[0]
}

/// (typecode, bytes) of an array.
fn snapshot(interp: &Interp, v: &Value) -> PyResult<(u8, Vec<u8>)> {
    with(interp, v, |n| (tc_of(n), n.bytes.clone()))
}

fn values(interp: &Interp, tc: u8, bytes: &[u8]) -> Vec<Value> {
    let size = items::itemsize(tc).unwrap_or(1);
    bytes
        .chunks_exact(size)
        .map(|c| items::get(interp, tc, c))
        .collect()
}

fn typecode_of(interp: &Interp, v: &Value) -> PyResult<u8> {
    with(interp, v, |n| tc_of(n))
}

/// Converts the items of an iterable for typecode `tc`.
fn encode_iter(interp: &mut Interp, tc: u8, it: &Value) -> PyResult<Vec<u8>> {
    let vals = interp.collect(it)?;
    let mut out = Vec::new();
    for v in &vals {
        out.extend(items::encode(interp, tc, v)?);
    }
    Ok(out)
}

fn bad_arg(interp: &Interp) -> PyErr {
    interp.type_error("bad argument type for built-in operation")
}

// ---- construction ----

fn array_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("array.__new__(X): X is not a type object")),
    };
    if args.has_kwargs() {
        return Err(interp.type_error("array.array() takes no keyword arguments"));
    }
    let p = &args.pos()[1..];
    if p.is_empty() || p.len() > 2 {
        return Err(interp.type_error(format!(
            "array() takes at {} 2 arguments ({} given)",
            if p.is_empty() { "least" } else { "most" },
            p.len()
        )));
    }
    let tc = match p[0].as_str() {
        Some(s) if s.chars().count() == 1 => s.as_bytes()[0],
        _ => {
            return Err(interp.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                interp.type_name(&p[0])
            )))
        }
    };
    if !TYPECODES.as_bytes().contains(&tc) || p[0].as_str().is_none_or(|s| s.len() != 1) {
        return Err(
            interp.value_error("bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let size = items::itemsize(tc).unwrap_or(1);
    let bytes = match p.get(1) {
        None | Some(Value::None) => Vec::new(),
        Some(init) => {
            if let Some(s) = init.as_str() {
                if tc != b'u' && tc != b'w' {
                    return Err(interp.type_error(format!(
                        "cannot use a str to initialize an array with typecode '{}'",
                        tc as char
                    )));
                }
                s.chars().flat_map(|c| (c as u32).to_ne_bytes()).collect()
            } else if is_array(interp, init) {
                let (itc, ib) = snapshot(interp, init)?;
                if itc == tc || ((itc == b'u' || itc == b'w') && (tc == b'u' || tc == b'w')) {
                    ib
                } else if (itc == b'u' || itc == b'w') != (tc == b'u' || tc == b'w') {
                    return Err(interp.type_error(format!(
                        "cannot use a unicode array to initialize an array with typecode '{}'",
                        tc as char
                    )));
                } else {
                    let vals = values(interp, itc, &ib);
                    let mut out = Vec::new();
                    for v in &vals {
                        out.extend(items::encode(interp, tc, v)?);
                    }
                    out
                }
            } else if let Some(b) = bytes_init(interp, init) {
                if b.len() % size != 0 {
                    return Err(interp.value_error("bytes length not a multiple of item size"));
                }
                b
            } else {
                encode_iter(interp, tc, init)?
            }
        }
    };
    Ok(new_array(interp, &cls, tc, bytes))
}

/// The bytes of a `bytes`/`bytearray` initializer.
fn bytes_init(interp: &Interp, v: &Value) -> Option<Vec<u8>> {
    let Value::Obj(o) = v else { return None };
    match o.payload() {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.snapshot(interp.py)),
        _ => None,
    }
}

// ---- attributes ----

fn recv<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let p = args.exact(interp, name, min + 1, max + 1)?;
    if !is_array(interp, &p[0]) {
        return Err(interp.type_error(format!(
            "descriptor '{name}' for 'array.array' objects doesn't apply to a '{}' object",
            interp.type_name(&p[0])
        )));
    }
    Ok(p)
}

fn typecode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "typecode", 0, 0)?;
    let tc = typecode_of(interp, &p[0])?;
    Ok(interp.new_str(tc_str(tc)))
}

fn itemsize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "itemsize", 0, 0)?;
    Ok(Value::Int(with(interp, &p[0], |n| n.itemsize)? as i64))
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__len__", 0, 0)?;
    Ok(Value::Int(
        with(interp, &p[0], |n| n.bytes.len() / n.itemsize)? as i64,
    ))
}

// ---- items ----

/// A normalised index into `len` items, or None when out of range.
fn norm(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
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

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__getitem__", 1, 1)?;
    if let Some(sl) = slice_of(&p[1]) {
        let spec = interp.slice_spec(sl)?;
        let (tc, out) = with(interp, &p[0], |n| {
            let sz = n.itemsize;
            let r = spec.adjust(n.bytes.len() / sz);
            let mut out = Vec::with_capacity(r.count * sz);
            for i in r.indices() {
                out.extend_from_slice(&n.bytes[i * sz..(i + 1) * sz]);
            }
            (tc_of(n), out)
        })?;
        let cls = class_of(&p[0]);
        return Ok(new_array(interp, &cls, tc, out));
    }
    let i = interp.index_value(&p[1])?;
    let r = with(interp, &p[0], |n| {
        let sz = n.itemsize;
        norm(i, n.bytes.len() / sz).map(|k| (tc_of(n), n.bytes[k * sz..(k + 1) * sz].to_vec()))
    })?;
    match r {
        Some((tc, b)) => Ok(items::get(interp, tc, &b)),
        None => Err(interp.index_error("array index out of range")),
    }
}

fn class_of(v: &Value) -> ObjRef {
    match v {
        Value::Obj(o) => gilvm_object::types::type_of_obj(o).clone(),
        _ => types().array_t.clone(),
    }
}

fn setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__setitem__", 2, 2)?;
    let me = &p[0];
    if let Some(sl) = slice_of(&p[1]) {
        let spec = interp.slice_spec(sl)?;
        if !is_array(interp, &p[2]) {
            return Err(interp.type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                interp.type_name(&p[2])
            )));
        }
        let (otc, ob) = snapshot(interp, &p[2])?;
        let r = with(interp, me, |n| {
            if otc != tc_of(n) {
                return Err(None);
            }
            let sz = n.itemsize;
            let r = spec.adjust(n.bytes.len() / sz);
            let newn = ob.len() / sz;
            if r.step == 1 {
                let start = r.start as usize;
                let stop = (r.stop as usize).max(start);
                n.bytes.splice(start * sz..stop * sz, ob.iter().copied());
                return Ok(());
            }
            if newn != r.count {
                return Err(Some((newn, r.count)));
            }
            for (k, i) in r.indices().enumerate() {
                n.bytes[i * sz..(i + 1) * sz].copy_from_slice(&ob[k * sz..(k + 1) * sz]);
            }
            Ok(())
        })?;
        return match r {
            Ok(()) => Ok(Value::None),
            Err(None) => Err(bad_arg(interp)),
            Err(Some((a, b))) => Err(interp.value_error(format!(
                "attempt to assign array of size {a} to extended slice of size {b}"
            ))),
        };
    }
    let i = interp.index_value(&p[1])?;
    let tc = typecode_of(interp, me)?;
    let b = items::encode(interp, tc, &p[2])?;
    let ok = with(interp, me, |n| {
        let sz = n.itemsize;
        match norm(i, n.bytes.len() / sz) {
            Some(k) => {
                n.bytes[k * sz..(k + 1) * sz].copy_from_slice(&b);
                true
            }
            None => false,
        }
    })?;
    if !ok {
        return Err(interp.index_error("array assignment index out of range"));
    }
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__delitem__", 1, 1)?;
    if let Some(sl) = slice_of(&p[1]) {
        let spec = interp.slice_spec(sl)?;
        with(interp, &p[0], |n| {
            let sz = n.itemsize;
            let r = spec.adjust(n.bytes.len() / sz);
            let mut del = vec![false; n.bytes.len() / sz];
            for i in r.indices() {
                del[i] = true;
            }
            let old = std::mem::take(&mut n.bytes);
            n.bytes = old
                .chunks_exact(sz)
                .zip(del)
                .filter(|(_, d)| !d)
                .flat_map(|(c, _)| c.iter().copied())
                .collect();
        })?;
        return Ok(Value::None);
    }
    let i = interp.index_value(&p[1])?;
    let ok = with(interp, &p[0], |n| {
        let sz = n.itemsize;
        match norm(i, n.bytes.len() / sz) {
            Some(k) => {
                n.bytes.drain(k * sz..(k + 1) * sz);
                true
            }
            None => false,
        }
    })?;
    if !ok {
        return Err(interp.index_error("array assignment index out of range"));
    }
    Ok(Value::None)
}

/// The position of the first item equal to `x` in `[start, stop)`.
fn find(
    interp: &mut Interp,
    me: &Value,
    x: &Value,
    start: i64,
    stop: i64,
) -> PyResult<Option<usize>> {
    let (tc, b) = snapshot(interp, me)?;
    let vals = values(interp, tc, &b);
    let n = vals.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let (s, e) = (clamp(start), clamp(stop));
    for (i, v) in vals.iter().enumerate().take(e).skip(s) {
        if interp.eq(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__contains__", 1, 1)?;
    Ok(Value::Bool(
        find(interp, &p[0], &p[1], 0, i64::MAX)?.is_some(),
    ))
}

fn index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "index", 1, 3)?;
    let start = match p.get(2) {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let stop = match p.get(3) {
        Some(v) => interp.index_value(v)?,
        None => i64::MAX,
    };
    match find(interp, &p[0], &p[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(interp.value_error("array.index(x): x not in array")),
    }
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "count", 1, 1)?;
    let (tc, b) = snapshot(interp, &p[0])?;
    let mut c = 0;
    for v in values(interp, tc, &b) {
        if interp.eq(&v, &p[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "remove", 1, 1)?;
    match find(interp, &p[0], &p[1], 0, i64::MAX)? {
        Some(i) => {
            with(interp, &p[0], |n| {
                let sz = n.itemsize;
                if (i + 1) * sz <= n.bytes.len() {
                    n.bytes.drain(i * sz..(i + 1) * sz);
                }
            })?;
            Ok(Value::None)
        }
        None => Err(interp.value_error("array.remove(x): x not in array")),
    }
}

fn append(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "append", 1, 1)?;
    let tc = typecode_of(interp, &p[0])?;
    let b = items::encode(interp, tc, &p[1])?;
    with(interp, &p[0], |n| n.bytes.extend_from_slice(&b))?;
    Ok(Value::None)
}

fn extend_from(interp: &mut Interp, me: &Value, other: &Value) -> PyResult<()> {
    let tc = typecode_of(interp, me)?;
    let b = if is_array(interp, other) {
        let (otc, ob) = snapshot(interp, other)?;
        if otc != tc {
            return Err(interp.type_error("can only extend with array of same kind"));
        }
        ob
    } else {
        encode_iter(interp, tc, other)?
    };
    with(interp, me, |n| n.bytes.extend_from_slice(&b))
}

fn extend(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "extend", 1, 1)?;
    extend_from(interp, &p[0], &p[1])?;
    Ok(Value::None)
}

fn insert(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "insert", 2, 2)?;
    let i = interp.index_value(&p[1])?;
    let tc = typecode_of(interp, &p[0])?;
    let b = items::encode(interp, tc, &p[2])?;
    with(interp, &p[0], |n| {
        let sz = n.itemsize;
        let len = (n.bytes.len() / sz) as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        n.bytes.splice(at * sz..at * sz, b.iter().copied());
    })?;
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "pop", 0, 1)?;
    let i = match p.get(1) {
        Some(v) => interp.index_value(v)?,
        None => -1,
    };
    let r = with(interp, &p[0], |n| {
        let sz = n.itemsize;
        let len = n.bytes.len() / sz;
        if len == 0 {
            return Err("pop from empty array");
        }
        match norm(i, len) {
            Some(k) => Ok((
                tc_of(n),
                n.bytes.drain(k * sz..(k + 1) * sz).collect::<Vec<u8>>(),
            )),
            None => Err("pop index out of range"),
        }
    })?;
    match r {
        Ok((tc, b)) => Ok(items::get(interp, tc, &b)),
        Err(m) => Err(interp.index_error(m)),
    }
}

fn reverse(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "reverse", 0, 0)?;
    with(interp, &p[0], |n| {
        let sz = n.itemsize;
        let old = std::mem::take(&mut n.bytes);
        n.bytes = old.chunks_exact(sz).rev().flatten().copied().collect();
    })?;
    Ok(Value::None)
}

fn byteswap(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "byteswap", 0, 0)?;
    with(interp, &p[0], |n| {
        let sz = n.itemsize;
        for c in n.bytes.chunks_exact_mut(sz) {
            c.reverse();
        }
    })?;
    Ok(Value::None)
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "clear", 0, 0)?;
    with(interp, &p[0], |n| n.bytes.clear())?;
    Ok(Value::None)
}

fn buffer_info(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "buffer_info", 0, 0)?;
    let (addr, n) = with(interp, &p[0], |n| {
        (n.bytes.as_ptr() as usize as i64, n.bytes.len() / n.itemsize)
    })?;
    Ok(interp.new_tuple(vec![Value::Int(addr), Value::Int(n as i64)]))
}

fn tobytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "tobytes", 0, 0)?;
    let b = with(interp, &p[0], |n| n.bytes.clone())?;
    Ok(new_bytes(interp, b))
}

fn frombytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "frombytes", 1, 1)?;
    let b = crate::common::buffer_arg(interp, &p[1])?.into_owned();
    let ok = with(interp, &p[0], |n| {
        if b.len() % n.itemsize != 0 {
            return false;
        }
        n.bytes.extend_from_slice(&b);
        true
    })?;
    if !ok {
        return Err(interp.value_error("bytes length not a multiple of item size"));
    }
    Ok(Value::None)
}

fn tolist(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "tolist", 0, 0)?;
    let (tc, b) = snapshot(interp, &p[0])?;
    let v = values(interp, tc, &b);
    Ok(interp.new_list(v))
}

fn fromlist(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "fromlist", 1, 1)?;
    let Some(l) = gilvm_vm::builtins::containers::list_cell(&p[1]) else {
        return Err(interp.type_error("arg must be list"));
    };
    let vals = l.snapshot(interp.py);
    let tc = typecode_of(interp, &p[0])?;
    let mut out = Vec::new();
    for v in &vals {
        out.extend(items::encode(interp, tc, v)?);
    }
    with(interp, &p[0], |n| n.bytes.extend_from_slice(&out))?;
    Ok(Value::None)
}

fn tounicode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "tounicode", 0, 0)?;
    let (tc, b) = snapshot(interp, &p[0])?;
    if tc != b'u' && tc != b'w' {
        return Err(interp
            .value_error("tounicode() may only be called on unicode type arrays ('u' or 'w')"));
    }
    let mut s = String::new();
    for c in b.chunks_exact(4) {
        let u = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
        match char::from_u32(u) {
            Some(ch) => s.push(ch),
            None => {
                return Err(interp.value_error(format!(
                    "character U+{u:x} is not in range [U+0000; U+10ffff]"
                )))
            }
        }
    }
    Ok(interp.new_str(s))
}

fn fromunicode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "fromunicode", 1, 1)?;
    let tc = typecode_of(interp, &p[0])?;
    let Some(s) = p[1].as_str() else {
        return Err(interp.type_error(format!(
            "fromunicode() argument must be str, not {}",
            interp.type_name(&p[1])
        )));
    };
    if tc != b'u' && tc != b'w' {
        return Err(interp
            .value_error("fromunicode() may only be called on unicode type arrays ('u' or 'w')"));
    }
    let b: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_ne_bytes()).collect();
    with(interp, &p[0], |n| n.bytes.extend_from_slice(&b))?;
    Ok(Value::None)
}

fn tofile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "tofile", 1, 1)?;
    let b = with(interp, &p[0], |n| n.bytes.clone())?;
    // Written in blocks of 64 KiB, as CPython does.
    for chunk in b.chunks(64 * 1024) {
        let v = new_bytes(interp, chunk.to_vec());
        interp.call_method(&p[1], "write", &[v])?;
    }
    Ok(Value::None)
}

fn fromfile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "fromfile", 2, 2)?;
    let n = interp.index_value(&p[2])?;
    if n < 0 {
        return Err(interp.value_error("negative count"));
    }
    let sz = with(interp, &p[0], |a| a.itemsize)?;
    let want = (n as usize).saturating_mul(sz);
    let r = interp.call_method(&p[1], "read", &[Value::Int(want as i64)])?;
    let Value::Obj(o) = &r else {
        return Err(interp.type_error("read() didn't return bytes"));
    };
    let Payload::Bytes(b) = o.payload() else {
        return Err(interp.type_error("read() didn't return bytes"));
    };
    let whole = b.len() / sz * sz;
    let part = b[..whole].to_vec();
    with(interp, &p[0], |a| a.bytes.extend_from_slice(&part))?;
    if b.len() != want {
        return Err(interp.err(
            &interp.g.exc.eof_error.clone(),
            "read() didn't return enough bytes",
        ));
    }
    Ok(Value::None)
}

// ---- operators ----

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__repr__", 0, 0)?;
    let (tc, b) = snapshot(interp, &p[0])?;
    let name = util::short_type_name(interp, &p[0]);
    if b.is_empty() {
        return Ok(interp.new_str(format!("{name}('{}')", tc as char)));
    }
    let inner = if tc == b'u' || tc == b'w' {
        let s: String = b
            .chunks_exact(4)
            .map(|c| {
                char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}')
            })
            .collect();
        let sv = interp.new_str(s);
        interp.repr(&sv)?
    } else {
        let l = interp.new_list(values(interp, tc, &b));
        interp.repr(&l)?
    };
    Ok(interp.new_str(format!("{name}('{}', {inner})", tc as char)))
}

fn add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__add__", 1, 1)?;
    if !is_array(interp, &p[1]) {
        return Err(interp.type_error(format!(
            "can only append array (not \"{}\") to array",
            interp.type_name(&p[1])
        )));
    }
    let (tc, mut b) = snapshot(interp, &p[0])?;
    let (otc, ob) = snapshot(interp, &p[1])?;
    if tc != otc {
        return Err(bad_arg(interp));
    }
    b.extend_from_slice(&ob);
    let cls = class_of(&p[0]);
    Ok(new_array(interp, &cls, tc, b))
}

fn iadd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__iadd__", 1, 1)?;
    if !is_array(interp, &p[1]) {
        return Err(interp.type_error(format!(
            "can only extend array with array (not \"{}\")",
            interp.type_name(&p[1])
        )));
    }
    extend_from(interp, &p[0], &p[1])?;
    Ok(p[0].clone())
}

fn repeat_count(interp: &mut Interp, v: &Value) -> PyResult<Option<usize>> {
    if v.to_bigint().is_none()
        && interp
            .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
            .is_none()
    {
        return Ok(None);
    }
    Ok(Some(interp.index_value(v)?.max(0) as usize))
}

fn mul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__mul__", 1, 1)?;
    let Some(k) = repeat_count(interp, &p[1])? else {
        return Ok(interp.not_implemented());
    };
    let (tc, b) = snapshot(interp, &p[0])?;
    if b.len()
        .checked_mul(k)
        .is_none_or(|n| n > isize::MAX as usize / 2)
    {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    let cls = class_of(&p[0]);
    Ok(new_array(interp, &cls, tc, b.repeat(k)))
}

fn imul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__imul__", 1, 1)?;
    let Some(k) = repeat_count(interp, &p[1])? else {
        return Ok(interp.not_implemented());
    };
    let ok = with(interp, &p[0], |n| match n.bytes.len().checked_mul(k) {
        Some(t) if t <= isize::MAX as usize / 2 => {
            n.bytes = n.bytes.repeat(k);
            true
        }
        _ => false,
    })?;
    if !ok {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    Ok(p[0].clone())
}

/// The rich comparisons: item by item as Python values, then by length.
fn compare(interp: &mut Interp, args: Args<'_>, op: &str) -> PyResult {
    let p = recv(interp, &args, op, 1, 1)?;
    if !is_array(interp, &p[1]) {
        return Ok(interp.not_implemented());
    }
    let (atc, ab) = snapshot(interp, &p[0])?;
    let (btc, bb) = snapshot(interp, &p[1])?;
    let a = values(interp, atc, &ab);
    let b = values(interp, btc, &bb);
    if (op == "__eq__" || op == "__ne__") && a.len() != b.len() {
        return Ok(Value::Bool(op == "__ne__"));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !interp.eq(x, y)? {
            return Ok(match op {
                "__eq__" => Value::Bool(false),
                "__ne__" => Value::Bool(true),
                "__lt__" => Value::Bool(interp.lt(x, y)?),
                "__gt__" => Value::Bool(interp.lt(y, x)?),
                "__le__" => Value::Bool(!interp.lt(y, x)?),
                _ => Value::Bool(!interp.lt(x, y)?),
            });
        }
    }
    let (la, lb) = (a.len(), b.len());
    Ok(Value::Bool(match op {
        "__eq__" => la == lb,
        "__ne__" => la != lb,
        "__lt__" => la < lb,
        "__gt__" => la > lb,
        "__le__" => la <= lb,
        _ => la >= lb,
    }))
}

fn eq(i: &mut Interp, a: Args<'_>) -> PyResult {
    compare(i, a, "__eq__")
}
fn ne(i: &mut Interp, a: Args<'_>) -> PyResult {
    compare(i, a, "__ne__")
}
fn lt(i: &mut Interp, a: Args<'_>) -> PyResult {
    compare(i, a, "__lt__")
}
fn le(i: &mut Interp, a: Args<'_>) -> PyResult {
    compare(i, a, "__le__")
}
fn gt(i: &mut Interp, a: Args<'_>) -> PyResult {
    compare(i, a, "__gt__")
}
fn ge(i: &mut Interp, a: Args<'_>) -> PyResult {
    compare(i, a, "__ge__")
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "__copy__", 1, 2)?;
    let (tc, b) = snapshot(interp, &p[0])?;
    let cls = class_of(&p[0]);
    Ok(new_array(interp, &cls, tc, b))
}

fn sizeof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__sizeof__", 0, 0)?;
    let n = with(interp, &p[0], |n| n.bytes.capacity())?;
    Ok(Value::Int(64 + n as i64))
}

fn reduce_ex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__reduce_ex__", 1, 1)?;
    let proto = interp.index_value(&p[1])?;
    let (tc, b) = snapshot(interp, &p[0])?;
    let cls = Value::Obj(class_of(&p[0]));
    let tcv = interp.new_str(tc_str(tc));
    if proto < 3 {
        let l = interp.new_list(values(interp, tc, &b));
        let a = interp.new_tuple(vec![tcv, l]);
        return Ok(interp.new_tuple(vec![cls, a, Value::None]));
    }
    let items = new_bytes(interp, b);
    let a = interp.new_tuple(vec![cls, tcv, Value::Int(items::mformat_code(tc)), items]);
    Ok(interp.new_tuple(vec![types().reconstructor.clone(), a, Value::None]))
}

fn reconstructor(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "_array_reconstructor", 4, 4)?;
    let cls = match &p[0] {
        Value::Obj(t) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        other => {
            return Err(interp.type_error(format!(
                "first argument must be a type object, not {}",
                interp.type_name(other)
            )))
        }
    };
    if !gilvm_object::types::is_subtype(&cls, &types().array_t) {
        return Err(interp.type_error(format!(
            "{} is not a subtype of array.array",
            interp.type_name(&p[0])
        )));
    }
    let tc = match p[1].as_str() {
        Some(s) if s.len() == 1 && TYPECODES.contains(s) => s.as_bytes()[0],
        _ => return Err(interp.value_error("second argument must be a valid type code")),
    };
    let code = interp.index_value(&p[2])?;
    let Value::Obj(o) = &p[3] else {
        return Err(interp.type_error(format!(
            "fourth argument should be bytes, not {}",
            interp.type_name(&p[3])
        )));
    };
    let Payload::Bytes(b) = o.payload() else {
        return Err(interp.type_error(format!(
            "fourth argument should be bytes, not {}",
            interp.type_name(&p[3])
        )));
    };
    if code == items::mformat_code(tc) {
        let sz = items::itemsize(tc).unwrap_or(1);
        if b.len() % sz != 0 {
            return Err(interp.value_error("bytes length not a multiple of item size"));
        }
        return Ok(new_array(interp, &cls, tc, b.to_vec()));
    }
    let Some(vals) = items::decode_mformat(interp, code, b) else {
        return Err(interp.value_error("third argument must be a valid machine format code."));
    };
    let mut out = Vec::new();
    for v in &vals {
        out.extend(items::encode(interp, tc, v)?);
    }
    Ok(new_array(interp, &cls, tc, out))
}

// ---- iteration ----

struct ArrayIter {
    arr: Option<Value>,
    at: usize,
}

impl Step for ArrayIter {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        Ok(self.fast(interp).flatten())
    }
    fn fast(&mut self, interp: &Interp) -> Option<Option<Value>> {
        let Some(a) = &self.arr else {
            return Some(None);
        };
        let at = self.at;
        let r = util::with_data::<NativeBytes, _>(interp, a, |n| {
            let sz = n.itemsize;
            n.bytes
                .get(at * sz..(at + 1) * sz)
                .map(|b| (tc_of(n), b.to_vec()))
        })
        .flatten();
        match r {
            Some((tc, b)) => {
                self.at += 1;
                Some(Some(items::get(interp, tc, &b)))
            }
            None => {
                self.arr = None;
                Some(None)
            }
        }
    }
    gilvm_vm::impl_as_any!();
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = recv(interp, &args, "__iter__", 0, 0)?;
    Ok(util::new_stepper(
        interp,
        &types().iter_t,
        ArrayIter {
            arr: Some(p[0].clone()),
            at: 0,
        },
    ))
}

const METHODS: &[(&str, gilvm_vm::NativeFn)] = &[
    ("__len__", len),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__contains__", contains),
    ("__iter__", iter),
    ("__repr__", repr),
    ("__add__", add),
    ("__iadd__", iadd),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__imul__", imul),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__copy__", copy),
    ("__deepcopy__", copy),
    ("__sizeof__", sizeof),
    ("__reduce_ex__", reduce_ex),
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("index", index),
    ("count", count),
    ("reverse", reverse),
    ("byteswap", byteswap),
    ("clear", clear),
    ("buffer_info", buffer_info),
    ("tobytes", tobytes),
    ("frombytes", frombytes),
    ("tolist", tolist),
    ("fromlist", fromlist),
    ("tounicode", tounicode),
    ("fromunicode", fromunicode),
    ("tofile", tofile),
    ("fromfile", fromfile),
];

fn make_types(interp: &mut Interp) {
    let array_t = util::native_type(interp, "array", "array", METHODS);
    add_static(interp, &array_t, "__new__", array_new);
    util::add_property(interp, &array_t, "typecode", typecode);
    util::add_property(interp, &array_t, "itemsize", itemsize);
    // Arrays are mutable: unhashable.
    util::set_attr(interp, &array_t, "__hash__", Value::None);
    let iter_t = util::iterator_type(interp, "arrayiterator", "array", &[]);
    let reconstructor = interp.new_native("_array_reconstructor", reconstructor);
    if let Value::Obj(o) = &reconstructor {
        o.make_immortal();
    }
    let _ = TYPES.set(Statics(Types {
        array_t,
        iter_t,
        reconstructor,
    }));
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        make_types(interp);
    }
    let t = types();
    interp.add_value(m, "array", Value::Obj(t.array_t.clone()));
    interp.add_value(m, "ArrayType", Value::Obj(t.array_t.clone()));
    interp.add_value(m, "_array_reconstructor", t.reconstructor.clone());
    let tcs = interp.new_str(TYPECODES);
    interp.add_value(m, "typecodes", tcs);
    Ok(())
}
