//! The Rust half of `_pickle.Unpickler.load` (`_load`): the opcode loop of protocols 0-5.
//!
//! `_load(unpickler, read, readline, data, helpers)` reads from `data` (the bytes of
//! `loads`) or through the file's `read`/`readline`, keeps the stack and the mark stack in
//! Rust and the memo in the unpickler's `memo` dict (`{index: obj}`, as the Lib's). What
//! needs Python-level protocol calls back into the unpickler or into the small helpers of
//! `py/pickle_mod.py` (`helpers`, in the order of `_HELPERS` there): `find_class` and
//! `persistent_load` are looked up on the unpickler, so a subclass's override is used;
//! BUILD, INST/OBJ, the EXT codes, out-of-band buffers and the protocol 0 strings are the
//! Lib's code.
//!
//! Bad or truncated data raises CPython's `UnpicklingError`s ("pickle data was
//! truncated", "invalid load key, 'x'.", "could not find MARK", "unpickling stack
//! underflow", "Memo value not found at index 3"), or `EOFError: Ran out of input` when an
//! opcode is missing; never a panic.
use gilvm_object::{ObjRef, Owned, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use num_bigint::BigInt;

use super::opcodes::*;
use super::reader::{Reader, Source};
use crate::common::new_bytes;

// Indices into `_HELPERS`.
const H_INSTANTIATE: usize = 0;
const H_BUILD: usize = 1;
const H_EXTENSION: usize = 2;
const H_NEXT_BUFFER: usize = 3;
const H_READONLY: usize = 4;
const H_NEWOBJ_EX: usize = 5;
const H_UNICODE0: usize = 6;
const H_STRING0: usize = 7;
const H_INT: usize = 8;
const H_FLOAT: usize = 9;
const H_ERROR: usize = 10;
const N_HELPERS: usize = 11;

struct Loader<'a> {
    /// The unpickler; made on first need by `factory` for `loads` (`_load` given None).
    this: Option<Value>,
    factory: Value,
    /// The protocol seen (to give a late-made unpickler its `proto`).
    proto: i64,
    helpers: &'a [Value],
    err_ty: ObjRef,
    memo: ObjRef,
    stack: Vec<Value>,
    meta: Vec<Vec<Value>>,
    find_class: Option<Value>,
}

fn u16le(b: &[u8]) -> u16 {
    u16::from_le_bytes([b[0], b[1]])
}
fn u32le(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}
fn u64le(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

impl Loader<'_> {
    fn err(&self, interp: &Interp, msg: impl Into<String>) -> PyErr {
        interp.err(&self.err_ty, msg)
    }

    /// Popping from an empty stack: past a MARK, or past the bottom.
    fn underflow(&self, interp: &Interp) -> PyErr {
        if self.meta.is_empty() {
            self.err(interp, "unpickling stack underflow")
        } else {
            self.err(interp, "unexpected MARK found")
        }
    }

    fn pop(&mut self, interp: &Interp) -> PyResult<Value> {
        match self.stack.pop() {
            Some(v) => Ok(v),
            None => Err(self.underflow(interp)),
        }
    }

    fn top(&self, interp: &Interp) -> PyResult<Value> {
        match self.stack.last() {
            Some(v) => Ok(v.clone()),
            None => Err(self.underflow(interp)),
        }
    }

    fn pop_mark(&mut self, interp: &Interp) -> PyResult<Vec<Value>> {
        let prev = self
            .meta
            .pop()
            .ok_or_else(|| self.err(interp, "could not find MARK"))?;
        Ok(std::mem::replace(&mut self.stack, prev))
    }

    /// The unpickler, made now if `loads` did not make one: with the memo so far and the
    /// protocol seen.
    fn this(&mut self, interp: &mut Interp) -> PyResult<Value> {
        if let Some(t) = &self.this {
            return Ok(t.clone());
        }
        let f = self.factory.clone();
        let t = interp.call(&f, Args::new(&[]))?;
        let memo = interp.intern("memo");
        interp.setattr(&t, &memo, Value::Obj(self.memo.clone()))?;
        let proto = interp.intern("proto");
        interp.setattr(&t, &proto, Value::Int(self.proto))?;
        self.this = Some(t.clone());
        Ok(t)
    }

    fn call(&self, interp: &mut Interp, f: &Value, args: &[Value]) -> PyResult {
        interp.call(f, Args::new(args))
    }

    fn helper(&self, interp: &mut Interp, i: usize, args: &[Value]) -> PyResult {
        let f = self.helpers[i].clone();
        interp.call(&f, Args::new(args))
    }

    fn find_class(&mut self, interp: &mut Interp, module: Value, name: Value) -> PyResult {
        let f = match &self.find_class {
            Some(f) => f.clone(),
            None => {
                let this = self.this(interp)?;
                let f = interp.getattr_str(&this, "find_class")?;
                self.find_class = Some(f.clone());
                f
            }
        };
        self.call(interp, &f, &[module, name])
    }

    fn memo_get(&mut self, interp: &mut Interp, i: i64) -> PyResult<()> {
        match interp.dict_get(&self.memo, &Value::Int(i))? {
            Some(v) => {
                self.stack.push(v);
                Ok(())
            }
            None => Err(self.err(interp, format!("Memo value not found at index {i}"))),
        }
    }

    fn memo_put(&mut self, interp: &mut Interp, i: i64) -> PyResult<()> {
        let v = self.top(interp)?;
        interp.dict_set(&self.memo, Value::Int(i), v)
    }

    fn decode_utf8(&self, interp: &mut Interp, data: &[u8], errors: &str) -> PyResult {
        match std::str::from_utf8(data) {
            Ok(s) => Ok(interp.new_str(s)),
            Err(_) => {
                let b = new_bytes(interp, data.to_vec());
                let (enc, err) = (interp.new_str("utf-8"), interp.new_str(errors));
                interp.call_method(&b, "decode", &[enc, err])
            }
        }
    }

    /// A decimal line argument (GET, PUT), as `int(line)`.
    fn line_int(&self, interp: &mut Interp, line: &[u8]) -> PyResult<i64> {
        if let Some(i) = std::str::from_utf8(line)
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
        {
            return Ok(i);
        }
        let b = new_bytes(interp, line.to_vec());
        let v = self.helper(interp, H_INT, &[b])?;
        interp.index_value(&v)
    }

    fn text_int(&self, interp: &mut Interp, line: &[u8]) -> PyResult {
        if let Some(i) = std::str::from_utf8(line)
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
        {
            return Ok(Value::Int(i));
        }
        let b = new_bytes(interp, line.to_vec());
        match self.helper(interp, H_INT, &[b, Value::Int(10)]) {
            Err(e) if interp.matches(&e, &interp.g.exc.value_error.clone()) => {
                Err(interp.value_error("could not convert string to int"))
            }
            r => r,
        }
    }

    fn persistent_load(&mut self, interp: &mut Interp, pid: Value) -> PyResult<()> {
        let this = self.this(interp)?;
        let f = interp.getattr_str(&this, "persistent_load")?;
        let v = self.call(interp, &f, &[pid])?;
        self.stack.push(v);
        Ok(())
    }

    fn run(&mut self, interp: &mut Interp, r: &mut Reader) -> PyResult {
        loop {
            let Some(op) = r.opcode(interp)? else {
                let eof = interp.g.exc.eof_error.clone();
                return Err(interp.err(&eof, "Ran out of input"));
            };
            match op {
                STOP => return self.pop(interp),
                MARK => {
                    let s = std::mem::take(&mut self.stack);
                    self.meta.push(s);
                }
                POP => {
                    if self.stack.pop().is_none() {
                        if self.meta.is_empty() {
                            return Err(self.underflow(interp));
                        }
                        self.pop_mark(interp)?;
                    }
                }
                POP_MARK => {
                    self.pop_mark(interp)?;
                }
                DUP => {
                    let v = self.top(interp)?;
                    self.stack.push(v);
                }
                NONE => self.stack.push(Value::None),
                NEWTRUE => self.stack.push(Value::Bool(true)),
                NEWFALSE => self.stack.push(Value::Bool(false)),
                BININT => {
                    let b = r.read(interp, 4)?;
                    self.stack.push(Value::Int(u32le(b) as i32 as i64));
                }
                BININT1 => {
                    let b = r.read(interp, 1)?;
                    self.stack.push(Value::Int(b[0] as i64));
                }
                BININT2 => {
                    let b = r.read(interp, 2)?;
                    self.stack.push(Value::Int(u16le(b) as i64));
                }
                INT => {
                    let line = r.readline_arg(interp)?.to_vec();
                    let v = match &line[..] {
                        b"00" => Value::Bool(false),
                        b"01" => Value::Bool(true),
                        l => self.text_int(interp, l)?,
                    };
                    self.stack.push(v);
                }
                LONG => {
                    let mut line = r.readline_arg(interp)?.to_vec();
                    if line.last() == Some(&b'L') {
                        line.pop();
                    }
                    let v = self.text_int(interp, &line)?;
                    self.stack.push(v);
                }
                LONG1 | LONG4 => {
                    let n = if op == LONG1 {
                        r.read(interp, 1)?[0] as i64
                    } else {
                        u32le(r.read(interp, 4)?) as i32 as i64
                    };
                    if n < 0 {
                        return Err(self.err(interp, "LONG pickle has negative byte count"));
                    }
                    let b = BigInt::from_signed_bytes_le(r.read(interp, n as usize)?);
                    self.stack.push(Value::from_bigint(interp.py, b));
                }
                FLOAT => {
                    let line = r.readline_arg(interp)?.to_vec();
                    let v = match std::str::from_utf8(&line)
                        .ok()
                        .and_then(|s| gilvm_object::fmt::parse_float(s.trim()))
                    {
                        Some(f) => Value::Float(f),
                        None => {
                            let b = new_bytes(interp, line);
                            self.helper(interp, H_FLOAT, &[b])?
                        }
                    };
                    self.stack.push(v);
                }
                BINFLOAT => {
                    let b = r.read(interp, 8)?;
                    let mut a = [0u8; 8];
                    a.copy_from_slice(b);
                    self.stack.push(Value::Float(f64::from_be_bytes(a)));
                }
                STRING => {
                    let line = r.readline_arg(interp)?.to_vec();
                    let b = new_bytes(interp, line);
                    let this = self.this(interp)?;
                    let v = self.helper(interp, H_STRING0, &[this, b])?;
                    self.stack.push(v);
                }
                BINSTRING | SHORT_BINSTRING => {
                    let n = if op == BINSTRING {
                        let n = u32le(r.read(interp, 4)?) as i32;
                        if n < 0 {
                            return Err(
                                self.err(interp, "BINSTRING pickle has negative byte count")
                            );
                        }
                        n as usize
                    } else {
                        r.read(interp, 1)?[0] as usize
                    };
                    let data = r.read(interp, n)?.to_vec();
                    let b = new_bytes(interp, data);
                    let this = self.this(interp)?;
                    let v = interp.call_method(&this, "_decode_string", &[b])?;
                    self.stack.push(v);
                }
                UNICODE => {
                    let line = r.readline(interp)?.to_vec();
                    let b = new_bytes(interp, line);
                    let v = self.helper(interp, H_UNICODE0, &[b])?;
                    self.stack.push(v);
                }
                BINUNICODE | SHORT_BINUNICODE | BINUNICODE8 => {
                    let n = match op {
                        BINUNICODE => u32le(r.read(interp, 4)?) as u64,
                        SHORT_BINUNICODE => r.read(interp, 1)?[0] as u64,
                        _ => u64le(r.read(interp, 8)?),
                    };
                    if n > isize::MAX as u64 {
                        return Err(self.err(
                            interp,
                            format!(
                                "BINUNICODE8 exceeds system's maximum size of {} bytes",
                                isize::MAX
                            ),
                        ));
                    }
                    let data = r.read(interp, n as usize)?;
                    let v = match std::str::from_utf8(data) {
                        Ok(s) => interp.new_str(s),
                        Err(_) => {
                            let d = data.to_vec();
                            self.decode_utf8(interp, &d, "surrogatepass")?
                        }
                    };
                    self.stack.push(v);
                }
                BINBYTES | SHORT_BINBYTES | BINBYTES8 | BYTEARRAY8 => {
                    let n = match op {
                        BINBYTES => u32le(r.read(interp, 4)?) as u64,
                        SHORT_BINBYTES => r.read(interp, 1)?[0] as u64,
                        _ => u64le(r.read(interp, 8)?),
                    };
                    if n > isize::MAX as u64 {
                        let what = if op == BYTEARRAY8 {
                            "BYTEARRAY8"
                        } else {
                            "BINBYTES8"
                        };
                        return Err(self.err(
                            interp,
                            format!(
                                "{what} exceeds system's maximum size of {} bytes",
                                isize::MAX
                            ),
                        ));
                    }
                    let data = r.read(interp, n as usize)?.to_vec();
                    let v = if op == BYTEARRAY8 {
                        Value::Obj(interp.new_obj(Owned::ByteArray(
                            gilvm_object::bytearray::PyByteArray::new(data),
                        )))
                    } else {
                        new_bytes(interp, data)
                    };
                    self.stack.push(v);
                }
                NEXT_BUFFER => {
                    let this = self.this(interp)?;
                    let v = self.helper(interp, H_NEXT_BUFFER, &[this])?;
                    self.stack.push(v);
                }
                READONLY_BUFFER => {
                    let top = self.pop(interp)?;
                    let v = self.helper(interp, H_READONLY, &[top])?;
                    self.stack.push(v);
                }
                EMPTY_TUPLE => self.stack.push(interp.new_tuple(Vec::new())),
                TUPLE1 | TUPLE2 | TUPLE3 => {
                    let n = (op - TUPLE1 + 1) as usize;
                    if self.stack.len() < n {
                        return Err(self.underflow(interp));
                    }
                    let items = self.stack.split_off(self.stack.len() - n);
                    self.stack.push(interp.new_tuple(items));
                }
                TUPLE => {
                    let items = self.pop_mark(interp)?;
                    self.stack.push(interp.new_tuple(items));
                }
                EMPTY_LIST => self.stack.push(interp.new_list(Vec::new())),
                LIST => {
                    let items = self.pop_mark(interp)?;
                    self.stack.push(interp.new_list(items));
                }
                EMPTY_DICT => self.stack.push(Value::Obj(interp.new_dict_obj())),
                DICT => {
                    let items = self.pop_mark(interp)?;
                    if items.len() % 2 != 0 {
                        return Err(self.err(interp, "odd number of items for DICT"));
                    }
                    let d = interp.new_dict_obj();
                    for kv in items.chunks(2) {
                        interp.dict_set(&d, kv[0].clone(), kv[1].clone())?;
                    }
                    self.stack.push(Value::Obj(d));
                }
                EMPTY_SET => self.stack.push(Value::Obj(interp.new_set())),
                FROZENSET => {
                    let items = self.pop_mark(interp)?;
                    let s = interp.new_set_from(items, true)?;
                    self.stack.push(Value::Obj(s));
                }
                APPEND => {
                    let v = self.pop(interp)?;
                    let l = self.top(interp)?;
                    self.append(interp, &l, vec![v])?;
                }
                APPENDS => {
                    let items = self.pop_mark(interp)?;
                    let l = self.top(interp)?;
                    self.append(interp, &l, items)?;
                }
                SETITEM => {
                    let v = self.pop(interp)?;
                    let k = self.pop(interp)?;
                    let d = self.top(interp)?;
                    self.setitems(interp, &d, vec![k, v])?;
                }
                SETITEMS => {
                    let items = self.pop_mark(interp)?;
                    if items.len() % 2 != 0 {
                        return Err(self.err(interp, "odd number of items for SETITEMS"));
                    }
                    let d = self.top(interp)?;
                    self.setitems(interp, &d, items)?;
                }
                ADDITEMS => {
                    let items = self.pop_mark(interp)?;
                    let s = self.top(interp)?;
                    match &s {
                        Value::Obj(o) if matches!(o.payload(), Payload::Set(_)) => {
                            interp.set_add_all(o, items)?;
                        }
                        _ => {
                            let add = interp.getattr_str(&s, "add")?;
                            for x in items {
                                self.call(interp, &add, &[x])?;
                            }
                        }
                    }
                }
                PUT => {
                    let line = r.readline_arg(interp)?.to_vec();
                    let i = self.line_int(interp, &line)?;
                    if i < 0 {
                        return Err(interp.value_error("negative PUT argument"));
                    }
                    self.memo_put(interp, i)?;
                }
                BINPUT => {
                    let i = r.read(interp, 1)?[0] as i64;
                    self.memo_put(interp, i)?;
                }
                LONG_BINPUT => {
                    let i = u32le(r.read(interp, 4)?) as i64;
                    self.memo_put(interp, i)?;
                }
                MEMOIZE => {
                    let i = interp.dict_len(&self.memo) as i64;
                    self.memo_put(interp, i)?;
                }
                GET => {
                    let line = r.readline_arg(interp)?.to_vec();
                    let i = self.line_int(interp, &line)?;
                    self.memo_get(interp, i)?;
                }
                BINGET => {
                    let i = r.read(interp, 1)?[0] as i64;
                    self.memo_get(interp, i)?;
                }
                LONG_BINGET => {
                    let i = u32le(r.read(interp, 4)?) as i64;
                    self.memo_get(interp, i)?;
                }
                GLOBAL => {
                    let m = r.readline_arg(interp)?.to_vec();
                    let n = r.readline_arg(interp)?.to_vec();
                    let m = self.decode_utf8(interp, &m, "strict")?;
                    let n = self.decode_utf8(interp, &n, "strict")?;
                    let v = self.find_class(interp, m, n)?;
                    self.stack.push(v);
                }
                STACK_GLOBAL => {
                    let name = self.pop(interp)?;
                    let module = self.pop(interp)?;
                    if module.as_exact_str().is_none() || name.as_exact_str().is_none() {
                        return Err(self.err(interp, "STACK_GLOBAL requires str"));
                    }
                    let v = self.find_class(interp, module, name)?;
                    self.stack.push(v);
                }
                INST => {
                    let m = r.readline_arg(interp)?.to_vec();
                    let n = r.readline_arg(interp)?.to_vec();
                    let m = self.decode_utf8(interp, &m, "strict")?;
                    let n = self.decode_utf8(interp, &n, "strict")?;
                    let klass = self.find_class(interp, m, n)?;
                    let args = self.pop_mark(interp)?;
                    let args = interp.new_list(args);
                    let v = self.helper(interp, H_INSTANTIATE, &[klass, args])?;
                    self.stack.push(v);
                }
                OBJ => {
                    let mut args = self.pop_mark(interp)?;
                    if args.is_empty() {
                        return Err(self.err(interp, "unpickling stack underflow"));
                    }
                    let klass = args.remove(0);
                    let args = interp.new_list(args);
                    let v = self.helper(interp, H_INSTANTIATE, &[klass, args])?;
                    self.stack.push(v);
                }
                NEWOBJ => {
                    let args = self.pop(interp)?;
                    let cls = self.pop(interp)?;
                    let mut all = vec![cls.clone()];
                    all.extend(interp.collect(&args)?);
                    let new = interp.getattr_str(&cls, "__new__")?;
                    let v = self.call(interp, &new, &all)?;
                    self.stack.push(v);
                }
                NEWOBJ_EX => {
                    let kwargs = self.pop(interp)?;
                    let args = self.pop(interp)?;
                    let cls = self.pop(interp)?;
                    let v = self.helper(interp, H_NEWOBJ_EX, &[cls, args, kwargs])?;
                    self.stack.push(v);
                }
                REDUCE => {
                    let args = self.pop(interp)?;
                    let func = self.pop(interp)?;
                    let args = match &args {
                        Value::Obj(o) => match o.payload() {
                            Payload::Tuple(t) => t.to_vec(),
                            _ => interp.collect(&args)?,
                        },
                        _ => interp.collect(&args)?,
                    };
                    let v = self.call(interp, &func, &args)?;
                    self.stack.push(v);
                }
                BUILD => {
                    let state = self.pop(interp)?;
                    let inst = self.top(interp)?;
                    self.helper(interp, H_BUILD, &[inst, state])?;
                }
                EXT1 | EXT2 | EXT4 => {
                    let code = match op {
                        EXT1 => r.read(interp, 1)?[0] as i64,
                        EXT2 => u16le(r.read(interp, 2)?) as i64,
                        _ => u32le(r.read(interp, 4)?) as i32 as i64,
                    };
                    let this = self.this(interp)?;
                    let v = self.helper(interp, H_EXTENSION, &[this, Value::Int(code)])?;
                    self.stack.push(v);
                }
                PERSID => {
                    let line = r.readline(interp)?;
                    let Ok(s) = std::str::from_utf8(line).map(str::to_string) else {
                        return Err(
                            self.err(interp, "persistent IDs in protocol 0 must be ASCII strings")
                        );
                    };
                    if !s.is_ascii() {
                        return Err(
                            self.err(interp, "persistent IDs in protocol 0 must be ASCII strings")
                        );
                    }
                    let pid = interp.new_str(s);
                    self.persistent_load(interp, pid)?;
                }
                BINPERSID => {
                    let pid = self.pop(interp)?;
                    self.persistent_load(interp, pid)?;
                }
                PROTO => {
                    let p = r.read(interp, 1)?[0];
                    if p > HIGHEST_PROTOCOL {
                        return Err(interp.value_error(format!("unsupported pickle protocol: {p}")));
                    }
                    self.proto = p as i64;
                    if let Some(this) = &self.this {
                        let name = interp.intern("proto");
                        interp.setattr(this, &name, Value::Int(p as i64))?;
                    }
                }
                FRAME => {
                    let n = u64le(r.read(interp, 8)?);
                    r.frame(interp, n)?;
                }
                _ => {
                    let shown = if op.is_ascii_graphic() || op == b' ' {
                        format!("'{}'", op as char)
                    } else {
                        format!("'\\x{op:02x}'")
                    };
                    return Err(self.err(interp, format!("invalid load key, {shown}.")));
                }
            }
        }
    }

    fn append(&mut self, interp: &mut Interp, l: &Value, items: Vec<Value>) -> PyResult<()> {
        if let Value::Obj(o) = l {
            if let Payload::List(pl) = o.payload() {
                pl.extend(interp.py, items);
                return Ok(());
            }
        }
        let ext = interp.intern("extend");
        if let Some(extend) = interp.getattr_opt(l, &ext)? {
            let lst = interp.new_list(items);
            self.call(interp, &extend, &[lst])?;
            return Ok(());
        }
        let append = interp.getattr_str(l, "append")?;
        for x in items {
            self.call(interp, &append, &[x])?;
        }
        Ok(())
    }

    fn setitems(&mut self, interp: &mut Interp, d: &Value, items: Vec<Value>) -> PyResult<()> {
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            match d {
                Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => {
                    interp.dict_set(o, k, v)?
                }
                _ => interp.setitem(d, k, v)?,
            }
        }
        Ok(())
    }
}

/// `_load(unpickler, read, readline, data, helpers, factory)`: with `unpickler` None
/// (`loads`), `factory()` makes the unpickler when an opcode needs one.
pub fn load(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_load", 6, 6)?;
    let helpers = match &a[4] {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) if t.len() == N_HELPERS => t.to_vec(),
            _ => return Err(interp.type_error("_load: bad helpers")),
        },
        _ => return Err(interp.type_error("_load: bad helpers")),
    };
    let err_ty = match &helpers[H_ERROR] {
        Value::Obj(o) => o.clone(),
        _ => return Err(interp.type_error("_load: bad helpers")),
    };
    let src = match &a[3] {
        Value::Obj(o) if matches!(o.payload(), Payload::Bytes(_)) => Source::Bytes(o.clone()),
        _ => Source::File {
            read: a[1].clone(),
            readline: a[2].clone(),
        },
    };
    let (this, memo) = if a[0].is_none() {
        (None, interp.new_dict_obj())
    } else {
        let memo = match interp.getattr_str(&a[0], "memo")? {
            Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => o,
            v => {
                return Err(
                    interp.type_error(format!("memo must be a dict, not {}", interp.type_name(&v)))
                )
            }
        };
        let name = interp.intern("proto");
        interp.setattr(&a[0], &name, Value::Int(0))?;
        (Some(a[0].clone()), memo)
    };
    let mut r = Reader::new(src, err_ty.clone());
    let mut l = Loader {
        this,
        factory: a[5].clone(),
        proto: 0,
        helpers: &helpers,
        err_ty,
        memo,
        stack: Vec::new(),
        meta: Vec::new(),
        find_class: None,
    };
    l.run(interp, &mut r)
}
