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

struct Saver<'a> {
    /// The `_Out` object, or None for `_dumps_fast` (the whole pickle stays in `t`).
    out: Option<&'a Value>,
    memo: ObjRef,
    proto: i64,
    pickler: &'a Value,
    slow: &'a Value,
    t: Taken,
    depth: usize,
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

impl Saver<'_> {
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
        let Some(out) = self.out else {
            self.t = t;
            return f(interp);
        };
        out::put(interp, out, t);
        let r = f(interp);
        self.t = out::take(interp, out)?;
        r
    }

    fn slow(&mut self, interp: &mut Interp, obj: &Value) -> PyResult<()> {
        if self.out.is_none() {
            // `_dumps_fast` met an object that needs the Lib's pickler.
            return Err(interp.type_error("pickled by the full pickler"));
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
        let id = Value::Int(Value::Obj(o.clone()).id() as i64);
        match interp.dict_get(&self.memo, &id)? {
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
        let idx = interp.dict_len(&self.memo);
        self.put_op(idx);
        let obj = Value::Obj(o.clone());
        let id = Value::Int(obj.id() as i64);
        let entry = interp.new_tuple(vec![Value::Int(idx as i64), obj]);
        interp.dict_set(&self.memo, id, entry)
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
            match self.out {
                Some(out) => {
                    let out = out.clone();
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
        out: Some(&a[0]),
        memo,
        proto,
        pickler: &a[4],
        slow: &a[5],
        t,
        depth: 0,
    };
    let r = s.save(interp, &a[3]);
    out::put(interp, &a[0], s.t);
    r.map(|()| Value::None)
}

/// `_dumps_fast(obj, proto)`: the whole pickle of `obj` as bytes when it holds only the
/// core types (what `dumps` does without a Pickler object, file or Python-level memo);
/// None when it holds anything else or fails, and `dumps` then runs the full Pickler,
/// which gives the same bytes or the error.
pub fn dumps_fast(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_dumps_fast", 2, 2)?;
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
    let unused = Value::None;
    let mut s = Saver {
        out: None,
        memo: interp.new_dict_obj(),
        proto,
        pickler: &unused,
        slow: &unused,
        t,
        depth: 0,
    };
    if s.save(interp, &a[0]).is_err() {
        return Ok(Value::None);
    }
    s.w(&[STOP]);
    out::close_frame(&mut s.t, false);
    Ok(crate::common::new_bytes(interp, s.t.buf))
}
