//! The Rust half of `_pickle.Pickler.save` (`_save`): CPython's opcodes for the core types,
//! written straight into the `_Out` buffer.
//!
//! `_save(out, memo, proto, obj, pickler, slow)` handles `None`, `bool`, `int`, `float`,
//! `str`, `bytes`, `bytearray`, `tuple`, `list` and `dict` (exact types only: a subclass
//! may override its reduction) and recurses into the containers without returning to
//! Python; any other object, and the cases the Lib writes through `save_reduce` or
//! `write_large_bytes` (bytes before protocol 3, str in protocol 0, payloads of 64 KiB and
//! more), go to `slow(pickler, obj)`, the Lib's `_Pickler.save`, whose own `save` calls come
//! back here. The Python side only calls `_save` when the pickler has no `persistent_id`
//! or `reducer_override` of its own and is not in `fast` mode, so every object that reaches
//! this file would take the Lib's type dispatch; the bytes are the Lib's, which are
//! CPython's `_pickle`'s.
//!
//! **Invariants.** The memo is the pickler's `memo` dict, `{id(obj): (index, obj)}`, shared
//! with the Lib's methods, so both halves number objects alike. The output buffer is
//! moved out of `_Out` while Rust writes and put back before every call into Python
//! (`slow`, the file's `write`, `add_note`), so no per-object lock is held across Python
//! code.
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use num_bigint::BigInt;

use super::opcodes::*;
use super::out::{self, Taken};

/// How deep the Rust recursion goes before CPython's RecursionError.
const MAX_DEPTH: usize = 2000;

struct Saver {
    /// The `_Out` object, or None while `_dumps_fast` has needed no Pickler (the whole
    /// pickle is then in `t`).
    out: Option<Value>,
    memo: Memo,
    proto: i64,
    pickler: Value,
    slow: Value,
    /// `_dumps_fast`'s `upgrade(memo)`: makes the Pickler the first object that needs one
    /// is handed to, returning `(pickler, out, slow, file)`.
    upgrade: Option<Value>,
    file: Value,
    t: Taken,
    depth: usize,
}

/// The memo: the Pickler's `memo` dict (`{id(obj): (index, obj)}`, shared with the Lib's
/// methods), or, in `_dumps_fast` before a Pickler exists, the same pairs in a Rust map
/// (moved into a dict when the Pickler is made).
enum Memo {
    Py(ObjRef),
    Rust(std::collections::HashMap<usize, (i64, Value)>),
}

fn add_note(interp: &mut Interp, e: &PyErr, note: String) {
    let n = interp.new_str(note);
    let _ = interp.call_method(&Value::Obj(e.0.clone()), "add_note", &[n]);
}

/// Encodes an int as the Lib's `encode_long`: little-endian two's complement, as short as
/// possible, empty for zero.
fn encode_long(b: &BigInt) -> Vec<u8> {
    if b.sign() == num_bigint::Sign::NoSign {
        return Vec::new();
    }
    b.to_signed_bytes_le()
}

/// `(module, qualname)` of a global that the Lib's `save_global` would write as they
/// are; None when anything is unusual (no `__module__`, a lookup that fails or finds
/// another object, an extension code). Errors raised on the way are dropped: the Lib's
/// `save` repeats the lookup and reports them.
fn global_names(interp: &mut Interp, obj: &Value) -> PyResult<Option<(Value, Value)>> {
    let (Ok(name), Ok(module)) = (
        interp.getattr_str(obj, "__qualname__"),
        interp.getattr_str(obj, "__module__"),
    ) else {
        return Ok(None);
    };
    let (Some(qn), Some(mn)) = (name.as_exact_str(), module.as_exact_str()) else {
        return Ok(None);
    };
    if qn.contains("<locals>") || mn == "__main__" && qn.is_empty() {
        return Ok(None);
    }
    let sys_modules = match interp.import_module("sys") {
        Ok(sys) => interp.getattr_str(&Value::Obj(sys), "modules").ok(),
        Err(_) => None,
    };
    let Some(mods) = sys_modules else {
        return Ok(None);
    };
    let Ok(mut cur) = interp.getitem(&mods, &module) else {
        return Ok(None);
    };
    for part in qn.split('.') {
        match interp.getattr_str(&cur, part) {
            Ok(v) => cur = v,
            Err(_) => return Ok(None),
        }
    }
    if !cur.is(obj) {
        return Ok(None);
    }
    let registry = match interp.import_module("copyreg") {
        Ok(c) => interp
            .getattr_str(&Value::Obj(c), "_extension_registry")
            .ok(),
        Err(_) => None,
    };
    match registry {
        Some(Value::Obj(d)) if matches!(d.payload(), Payload::Dict(_)) => {
            if interp.dict_len(&d) > 0 {
                let key = interp.new_tuple(vec![module.clone(), name.clone()]);
                if !matches!(interp.dict_get(&d, &key), Ok(None)) {
                    return Ok(None);
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some((module, name)))
}

impl Saver {
    fn w(&mut self, b: &[u8]) {
        self.t.buf.extend_from_slice(b);
    }

    fn bin(&self) -> bool {
        self.proto >= 1
    }

    /// Runs `f` (which calls Python) with the buffer put back into `_Out`.
    fn with_python<R>(
        &mut self,
        interp: &mut Interp,
        f: impl FnOnce(&mut Interp) -> PyResult<R>,
    ) -> PyResult<R> {
        let t = std::mem::replace(
            &mut self.t,
            Taken {
                buf: Vec::new(),
                frame: None,
            },
        );
        let Some(out) = self.out.clone() else {
            self.t = t;
            return f(interp);
        };
        out::put(interp, &out, t);
        let r = f(interp);
        self.t = out::take(interp, &out)?;
        r
    }

    fn slow(&mut self, interp: &mut Interp, obj: &Value) -> PyResult<()> {
        if self.out.is_none() {
            // `_dumps_fast` met an object that needs the Lib's pickler: make it, with the
            // memo and the bytes so far.
            let Some(up) = self.upgrade.take() else {
                return Err(interp.type_error("_dumps_fast: no pickler"));
            };
            let memo = self.memo_dict(interp)?;
            let r = interp.call(&up, Args::new(&[Value::Obj(memo)]))?;
            let parts = match &r {
                Value::Obj(o) => match o.payload() {
                    Payload::Tuple(t) if t.len() == 4 => t.to_vec(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            let [pickler, out, slow, file] = <[Value; 4]>::try_from(parts)
                .map_err(|_| interp.type_error("_dumps_fast: bad upgrade()"))?;
            let t = std::mem::replace(
                &mut self.t,
                Taken {
                    buf: Vec::new(),
                    frame: None,
                },
            );
            out::put(interp, &out, t);
            self.t = out::take(interp, &out)?;
            (self.pickler, self.out, self.slow, self.file) = (pickler, Some(out), slow, file);
        }
        let (slow, pickler) = (self.slow.clone(), self.pickler.clone());
        self.with_python(interp, |interp| {
            interp.call(&slow, Args::new(&[pickler, obj.clone()]))?;
            Ok(())
        })
    }

    fn put_op(&mut self, idx: usize) {
        if self.proto >= 4 {
            self.w(&[MEMOIZE]);
        } else if self.bin() {
            if idx < 256 {
                self.w(&[BINPUT, idx as u8]);
            } else {
                self.w(&[LONG_BINPUT]);
                self.w(&(idx as u32).to_le_bytes());
            }
        } else {
            self.w(format!("p{idx}\n").as_bytes());
        }
    }

    fn get_op(&mut self, idx: i64) {
        if self.bin() {
            if (0..256).contains(&idx) {
                self.w(&[BINGET, idx as u8]);
            } else {
                self.w(&[LONG_BINGET]);
                self.w(&(idx as u32).to_le_bytes());
            }
        } else {
            self.w(format!("g{idx}\n").as_bytes());
        }
    }

    /// The memo index of `o`, if memoized.
    fn memo_get(&mut self, interp: &mut Interp, o: &ObjRef) -> PyResult<Option<i64>> {
        let memo = match &self.memo {
            Memo::Rust(m) => return Ok(m.get(&Value::Obj(o.clone()).id()).map(|e| e.0)),
            Memo::Py(d) => d.clone(),
        };
        let id = Value::Int(Value::Obj(o.clone()).id() as i64);
        match interp.dict_get(&memo, &id)? {
            Some(Value::Obj(t)) => match t.payload() {
                Payload::Tuple(items) if !items.is_empty() => match &items[0] {
                    Value::Int(i) => Ok(Some(*i)),
                    _ => Err(interp.type_error("pickler memo values must be (index, obj)")),
                },
                _ => Err(interp.type_error("pickler memo values must be (index, obj)")),
            },
            Some(_) => Err(interp.type_error("pickler memo values must be (index, obj)")),
            None => Ok(None),
        }
    }

    fn memoize(&mut self, interp: &mut Interp, o: &ObjRef) -> PyResult<()> {
        let obj = Value::Obj(o.clone());
        let memo = match &mut self.memo {
            Memo::Rust(m) => {
                let idx = m.len();
                m.insert(obj.id(), (idx as i64, obj));
                self.put_op(idx);
                return Ok(());
            }
            Memo::Py(d) => d.clone(),
        };
        let idx = interp.dict_len(&memo);
        self.put_op(idx);
        let id = Value::Int(obj.id() as i64);
        let entry = interp.new_tuple(vec![Value::Int(idx as i64), obj]);
        interp.dict_set(&memo, id, entry)
    }

    /// The memo as a Python dict (made from the Rust map the first time).
    fn memo_dict(&mut self, interp: &mut Interp) -> PyResult<ObjRef> {
        let m = match &mut self.memo {
            Memo::Py(d) => return Ok(d.clone()),
            Memo::Rust(m) => std::mem::take(m),
        };
        let d = interp.new_dict_obj();
        for (id, (idx, obj)) in m {
            let entry = interp.new_tuple(vec![Value::Int(idx), obj]);
            interp.dict_set(&d, Value::Int(id as i64), entry)?;
        }
        self.memo = Memo::Py(d.clone());
        Ok(d)
    }

    fn save_long_i64(&mut self, v: i64) {
        if self.bin() {
            if (0..=0xff).contains(&v) {
                self.w(&[BININT1, v as u8]);
                return;
            }
            if (0..=0xffff).contains(&v) {
                self.w(&[BININT2]);
                self.w(&(v as u16).to_le_bytes());
                return;
            }
            if (-0x8000_0000..=0x7fff_ffff).contains(&v) {
                self.w(&[BININT]);
                self.w(&(v as i32).to_le_bytes());
                return;
            }
        }
        if self.proto >= 2 {
            self.save_long_bytes(&encode_long(&BigInt::from(v)));
            return;
        }
        if (-0x8000_0000..=0x7fff_ffff).contains(&v) {
            self.w(format!("I{v}\n").as_bytes());
        } else {
            self.w(format!("L{v}L\n").as_bytes());
        }
    }

    fn save_long_bytes(&mut self, enc: &[u8]) {
        if enc.len() < 256 {
            self.w(&[LONG1, enc.len() as u8]);
        } else {
            self.w(&[LONG4]);
            self.w(&(enc.len() as i32).to_le_bytes());
        }
        self.w(enc);
    }

    fn save_bigint(&mut self, b: &BigInt) {
        if self.proto >= 2 {
            self.save_long_bytes(&encode_long(b));
        } else {
            self.w(format!("L{b}L\n").as_bytes());
        }
    }

    fn commit_check(&mut self, interp: &mut Interp) -> PyResult<()> {
        if self.t.frame_len().is_some_and(|n| n >= FRAME_SIZE_TARGET) {
            match self.out.clone() {
                Some(out) => {
                    self.with_python(interp, |interp| out::commit(interp, &out, false))?;
                }
                None => out::close_frame(&mut self.t, true),
            }
        }
        Ok(())
    }

    fn save(&mut self, interp: &mut Interp, obj: &Value) -> PyResult<()> {
        self.commit_check(interp)?;
        match obj {
            Value::None => self.w(&[NONE]),
            Value::Bool(b) => {
                if self.proto >= 2 {
                    self.w(&[if *b { NEWTRUE } else { NEWFALSE }]);
                } else {
                    self.w(if *b { b"I01\n" } else { b"I00\n" });
                }
            }
            Value::Int(i) => self.save_long_i64(*i),
            Value::Float(f) => {
                if self.bin() {
                    self.w(&[BINFLOAT]);
                    self.w(&f.to_be_bytes());
                } else {
                    let r = gilvm_object::fmt::float_repr(*f);
                    self.w(&[FLOAT]);
                    self.w(r.as_bytes());
                    self.w(b"\n");
                }
            }
            Value::Obj(o) => return self.save_obj(interp, obj, o),
            Value::Undef => return Err(interp.type_error("cannot pickle an unbound value")),
        }
        Ok(())
    }

    fn save_obj(&mut self, interp: &mut Interp, obj: &Value, o: &ObjRef) -> PyResult<()> {
        match o.payload() {
            Payload::Int(b) => {
                self.save_bigint(b);
                return Ok(());
            }
            Payload::Type(_) | Payload::Function(_) if self.proto >= 4 => {
                if let Some(idx) = self.memo_get(interp, o)? {
                    self.get_op(idx);
                    return Ok(());
                }
                if self.save_global(interp, obj, o)? {
                    return Ok(());
                }
                return self.slow(interp, obj);
            }
            Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Tuple(_)
            | Payload::List(_)
            | Payload::Dict(_) => {}
            _ => return self.slow(interp, obj),
        }
        if let Some(idx) = self.memo_get(interp, o)? {
            self.get_op(idx);
            return Ok(());
        }
        match o.payload() {
            Payload::Str(s) => {
                let s = s.as_str();
                let has_surrogate = s.len() >= 4
                    && s.as_bytes().contains(&0xF4)
                    && s.chars().any(gilvm_object::surrogate::is_surrogate);
                if !self.bin() || s.len() >= FRAME_SIZE_TARGET || has_surrogate {
                    return self.slow(interp, obj);
                }
                let n = s.len();
                if n <= 0xff && self.proto >= 4 {
                    self.w(&[SHORT_BINUNICODE, n as u8]);
                } else {
                    self.w(&[BINUNICODE]);
                    self.w(&(n as u32).to_le_bytes());
                }
                self.w(s.as_bytes());
                self.memoize(interp, o)
            }
            Payload::Bytes(b) => {
                let n = b.len();
                if self.proto < 3 || n >= FRAME_SIZE_TARGET {
                    return self.slow(interp, obj);
                }
                if n <= 0xff {
                    self.w(&[SHORT_BINBYTES, n as u8]);
                } else {
                    self.w(&[BINBYTES]);
                    self.w(&(n as u32).to_le_bytes());
                }
                self.w(b);
                self.memoize(interp, o)
            }
            Payload::ByteArray(ba) => {
                let data = ba.snapshot(interp.py);
                if self.proto < 5 || data.len() >= FRAME_SIZE_TARGET {
                    return self.slow(interp, obj);
                }
                self.w(&[BYTEARRAY8]);
                self.w(&(data.len() as u64).to_le_bytes());
                self.w(&data);
                self.memoize(interp, o)
            }
            Payload::Tuple(items) => self.save_tuple(interp, o, items),
            Payload::List(l) => {
                let items = l.snapshot(interp.py);
                self.save_list(interp, o, &items)
            }
            Payload::Dict(_) => {
                let items = interp.dict_items(o)?;
                self.save_dict(interp, o, &items)
            }
            _ => self.slow(interp, obj),
        }
    }

    /// A class (whose type is `type`) or a Python function by reference, protocol 4+: the
    /// Lib's `save_global` when `sys.modules[obj.__module__]` reached through
    /// `obj.__qualname__` is `obj` itself and no extension code is registered for it
    /// (STACK_GLOBAL, the two names memoized as strings, then `obj`). False, with nothing
    /// written, in every other case, which the Lib's `save` then handles (with its errors).
    fn save_global(&mut self, interp: &mut Interp, obj: &Value, o: &ObjRef) -> PyResult<bool> {
        if matches!(o.payload(), Payload::Type(_))
            && !gilvm_object::types::type_of(obj).is(&interp.g.types.type_)
        {
            return Ok(false);
        }
        let Some((module, name)) = self.with_python(interp, |interp| global_names(interp, obj))?
        else {
            return Ok(false);
        };
        self.save(interp, &module)?;
        self.save(interp, &name)?;
        self.w(&[STACK_GLOBAL]);
        self.memoize(interp, o)?;
        Ok(true)
    }

    fn enter(&mut self, interp: &Interp) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || interp.stack_exhausted() {
            self.depth -= 1;
            return Err(interp.recursion_error());
        }
        Ok(())
    }

    fn item(&mut self, interp: &mut Interp, x: &Value, what: &str, i: usize) -> PyResult<()> {
        if let Err(e) = self.save(interp, x) {
            let note = format!("when serializing {what} item {i}");
            self.with_python(interp, |interp| {
                add_note(interp, &e, note);
                Ok(())
            })?;
            return Err(e);
        }
        Ok(())
    }

    fn save_tuple(&mut self, interp: &mut Interp, o: &ObjRef, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            if self.bin() {
                self.w(&[EMPTY_TUPLE]);
            } else {
                self.w(&[MARK, TUPLE]);
            }
            return Ok(());
        }
        self.enter(interp)?;
        let r = self.save_tuple_items(interp, o, items);
        self.depth -= 1;
        r
    }

    fn save_tuple_items(
        &mut self,
        interp: &mut Interp,
        o: &ObjRef,
        items: &[Value],
    ) -> PyResult<()> {
        let n = items.len();
        if n <= 3 && self.proto >= 2 {
            for (i, x) in items.iter().enumerate() {
                self.item(interp, x, "tuple", i)?;
            }
            if let Some(idx) = self.memo_get(interp, o)? {
                for _ in 0..n {
                    self.w(&[POP]);
                }
                self.get_op(idx);
            } else {
                self.w(&[[EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3][n]]);
                self.memoize(interp, o)?;
            }
            return Ok(());
        }
        self.w(&[MARK]);
        for (i, x) in items.iter().enumerate() {
            self.item(interp, x, "tuple", i)?;
        }
        if let Some(idx) = self.memo_get(interp, o)? {
            if self.bin() {
                self.w(&[POP_MARK]);
            } else {
                for _ in 0..=n {
                    self.w(&[POP]);
                }
            }
            self.get_op(idx);
            return Ok(());
        }
        self.w(&[TUPLE]);
        self.memoize(interp, o)
    }

    fn save_list(&mut self, interp: &mut Interp, o: &ObjRef, items: &[Value]) -> PyResult<()> {
        if self.bin() {
            self.w(&[EMPTY_LIST]);
        } else {
            self.w(&[MARK, LIST]);
        }
        self.memoize(interp, o)?;
        self.enter(interp)?;
        let r = self.list_items(interp, items);
        self.depth -= 1;
        r
    }

    fn list_items(&mut self, interp: &mut Interp, items: &[Value]) -> PyResult<()> {
        if !self.bin() {
            for (i, x) in items.iter().enumerate() {
                self.item(interp, x, "list", i)?;
                self.w(&[APPEND]);
            }
            return Ok(());
        }
        let mut start = 0;
        for batch in items.chunks(BATCHSIZE) {
            if batch.len() != 1 {
                self.w(&[MARK]);
                for (i, x) in batch.iter().enumerate() {
                    self.item(interp, x, "list", start + i)?;
                }
                self.w(&[APPENDS]);
            } else {
                self.item(interp, &batch[0], "list", start)?;
                self.w(&[APPEND]);
            }
            start += batch.len();
        }
        Ok(())
    }

    fn save_dict(
        &mut self,
        interp: &mut Interp,
        o: &ObjRef,
        items: &[(Value, Value)],
    ) -> PyResult<()> {
        if self.bin() {
            self.w(&[EMPTY_DICT]);
        } else {
            self.w(&[MARK, DICT]);
        }
        self.memoize(interp, o)?;
        self.enter(interp)?;
        let r = self.dict_items(interp, items);
        self.depth -= 1;
        r
    }

    fn pair(&mut self, interp: &mut Interp, k: &Value, v: &Value) -> PyResult<()> {
        self.save(interp, k)?;
        if let Err(e) = self.save(interp, v) {
            let (k, e2) = (k.clone(), e.clone());
            self.with_python(interp, |interp| {
                let kr = interp.repr(&k)?;
                add_note(interp, &e2, format!("when serializing dict item {kr}"));
                Ok(())
            })?;
            return Err(e);
        }
        Ok(())
    }

    fn dict_items(&mut self, interp: &mut Interp, items: &[(Value, Value)]) -> PyResult<()> {
        if !self.bin() {
            for (k, v) in items {
                self.pair(interp, k, v)?;
                self.w(&[SETITEM]);
            }
            return Ok(());
        }
        for batch in items.chunks(BATCHSIZE) {
            if batch.len() != 1 {
                self.w(&[MARK]);
                for (k, v) in batch {
                    self.pair(interp, k, v)?;
                }
                self.w(&[SETITEMS]);
            } else {
                self.pair(interp, &batch[0].0, &batch[0].1)?;
                self.w(&[SETITEM]);
            }
        }
        Ok(())
    }
}

/// `_save(out, memo, proto, obj, pickler, slow)`.
pub fn save(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_save", 6, 6)?;
    let memo = match &a[1] {
        Value::Obj(d) if matches!(d.payload(), Payload::Dict(_)) => d.clone(),
        v => {
            return Err(
                interp.type_error(format!("memo must be a dict, not {}", interp.type_name(v)))
            )
        }
    };
    let proto = interp.index_value(&a[2])?;
    let t = out::take(interp, &a[0])?;
    let mut s = Saver {
        out: Some(a[0].clone()),
        memo: Memo::Py(memo),
        proto,
        pickler: a[4].clone(),
        slow: a[5].clone(),
        upgrade: None,
        file: Value::None,
        t,
        depth: 0,
    };
    let r = s.save(interp, &a[3]);
    out::put(interp, &a[0], s.t);
    r.map(|()| Value::None)
}

/// `_dumps_fast(obj, proto, upgrade)`: `dumps` without a Pickler object, file or
/// Python-level memo while the data holds only the core types; the first other object
/// makes the Pickler (`upgrade(memo)`, over a `BytesIO`) and the rest goes as in `dump`.
/// Returns the pickle's bytes, or None when it failed before any Python code ran (then
/// `dumps` runs the full Pickler, which gives the error).
pub fn dumps_fast(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_dumps_fast", 3, 3)?;
    let proto = interp.index_value(&a[1])?;
    let mut t = Taken {
        buf: Vec::with_capacity(256),
        frame: None,
    };
    if proto >= 2 {
        t.buf.extend_from_slice(&[PROTO, proto as u8]);
    }
    if proto >= 4 {
        t.frame = Some(t.buf.len());
        t.buf.extend_from_slice(&[0; 9]);
    }
    let mut s = Saver {
        out: None,
        memo: Memo::Rust(std::collections::HashMap::new()),
        proto,
        pickler: Value::None,
        slow: Value::None,
        upgrade: Some(a[2].clone()),
        file: Value::None,
        t,
        depth: 0,
    };
    let r = s.save(interp, &a[0]);
    let Some(out) = s.out.clone() else {
        if r.is_err() {
            return Ok(Value::None);
        }
        s.w(&[STOP]);
        out::close_frame(&mut s.t, false);
        return Ok(crate::common::new_bytes(interp, s.t.buf));
    };
    if r.is_ok() {
        s.w(&[STOP]);
    }
    out::put(interp, &out, s.t);
    r?;
    out::end(interp, &out)?;
    interp.call_method(&s.file, "getvalue", &[])
}
