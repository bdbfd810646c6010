//! Object protocols: truthiness, `repr`/`str`, `format`, `len`, iteration, item access,
//! `in`, and unpacking. Builtin payloads are handled directly; instances go through their
//! special methods.
use gilvm_object::fmt as pyfmt;
use gilvm_object::iterstate::{IterCell, RangeIterCell, SeqIterCell};
use gilvm_object::payload::IterState;
use gilvm_object::types::{type_name, type_of};
use gilvm_object::{Owned, Payload, Value};

use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

impl Interp {
    /// The type name of a value (`type(v).__name__`).
    pub fn type_name(&self, v: &Value) -> String {
        type_name(type_of(v)).to_string()
    }

    /// The fully qualified name of `v`'s type (CPython's `%T`, `type.__fully_qualified_name__`):
    /// `module.qualname`, without the module for `builtins` and `__main__`.
    pub fn type_fullname(&mut self, v: &Value) -> String {
        let t = Value::Obj(type_of(v).clone());
        let get = |this: &mut Self, name: &str| {
            this.getattr_str(&t, name)
                .ok()
                .and_then(|x| x.as_str().map(str::to_string))
        };
        let qual = get(self, "__qualname__").unwrap_or_else(|| self.type_name(v));
        match get(self, "__module__") {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
            _ => qual,
        }
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Undef => false,
            Value::Obj(o) => match o.payload() {
                Payload::Str(s) => !s.as_str().is_empty(),
                Payload::Int(_) => true,
                Payload::Tuple(t) => !t.is_empty(),
                Payload::List(l) => !l.is_empty(self.py),
                Payload::Dict(d) => d.len(self.py) != 0,
                Payload::Set(s) | Payload::FrozenSet(s) => s.len(self.py) != 0,
                Payload::Bytes(b) => !b.is_empty(),
                Payload::Range(r) => r.len() != 0,
                Payload::Complex(c) => c.re != 0.0 || c.im != 0.0,
                Payload::ByteArray(b) => !b.is_empty(self.py),
                Payload::MemoryView(m) => crate::builtins::memoryview::len(self, m)? != 0,
                Payload::Native(_) => {
                    if let Some(m) =
                        self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__len__"))
                    {
                        let r = self.call_method_value(&m, v, &[])?;
                        return Ok(self.len_result(&r)? != 0);
                    }
                    true
                }
                Payload::Instance(_) | Payload::Type(_) => {
                    if matches!(o.payload(), Payload::Type(t) if !t.has_metaclass()) {
                        return Ok(true);
                    }
                    if let Some(m) = self
                        .lookup_special_name(v, &gilvm_object::static_name!(self.py, "__bool__"))
                    {
                        let r = self.call_method_value(&m, v, &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(m) =
                        self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__len__"))
                    {
                        let r = self.call_method_value(&m, v, &[])?;
                        return Ok(self.len_result(&r)? != 0);
                    }
                    if let Payload::Instance(i) = o.payload() {
                        match &i.base {
                            gilvm_object::payload::InstanceBase::List(l) => {
                                return Ok(!l.is_empty(self.py))
                            }
                            gilvm_object::payload::InstanceBase::Dict(d) => {
                                return Ok(d.len(self.py) != 0)
                            }
                            gilvm_object::payload::InstanceBase::Set(s) => {
                                return Ok(s.len(self.py) != 0)
                            }
                            gilvm_object::payload::InstanceBase::Value(p) => {
                                let p = p.clone();
                                return self.truthy(&p);
                            }
                            _ => {}
                        }
                    }
                    true
                }
                _ => true,
            },
        })
    }

    fn len_result(&self, r: &Value) -> PyResult<usize> {
        match r {
            Value::Int(i) if *i >= 0 => Ok(*i as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            Value::Bool(b) => Ok(*b as usize),
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            match o.payload() {
                Payload::Str(s) => return Ok(s.char_len()),
                Payload::Tuple(t) => return Ok(t.len()),
                Payload::List(l) => return Ok(l.len(self.py)),
                Payload::Dict(d) => return Ok(d.len(self.py)),
                Payload::Set(s) | Payload::FrozenSet(s) => return Ok(s.len(self.py)),
                Payload::Bytes(b) => return Ok(b.len()),
                Payload::Range(r) => return Ok(r.len() as usize),
                // bytearray, memoryview (issue 18).
                Payload::ByteArray(b) => return Ok(b.len(self.py)),
                Payload::MemoryView(m) => return crate::builtins::memoryview::len(self, m),
                Payload::Instance(_) | Payload::Type(_) => {
                    if let Some(m) =
                        self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__len__"))
                    {
                        let r = self.call_method_value(&m, v, &[])?;
                        return self.len_result(&r);
                    }
                    if let Payload::Instance(i) = o.payload() {
                        match &i.base {
                            gilvm_object::payload::InstanceBase::List(l) => {
                                return Ok(l.len(self.py))
                            }
                            gilvm_object::payload::InstanceBase::Dict(d) => {
                                return Ok(d.len(self.py))
                            }
                            gilvm_object::payload::InstanceBase::Set(s) => {
                                return Ok(s.len(self.py))
                            }
                            _ => {}
                        }
                    }
                }
                Payload::Native(_) => {
                    if let Some(m) =
                        self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__len__"))
                    {
                        let r = self.call_method_value(&m, v, &[])?;
                        return self.len_result(&r);
                    }
                }
                _ => {}
            }
        }
        Err(self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        crate::repr::repr(self, v)
    }

    /// `str(v)` as a str value (the same object when `v` is a str).
    pub fn str_value(&mut self, v: &Value) -> PyResult {
        if let Value::Int(i) = v {
            return Ok(self.int_to_str(*i));
        }
        if v.as_str().is_some() {
            if let Value::Obj(o) = v {
                if matches!(o.payload(), Payload::Str(_)) {
                    return Ok(v.clone());
                }
            }
        }
        let s = self.str_string(v)?;
        Ok(self.new_str(s))
    }

    /// `str(i)` of a small int: formatted on the stack, one allocation for the text.
    #[inline]
    pub fn int_to_str(&self, i: i64) -> Value {
        let mut buf = itoa::Buffer::new();
        self.new_str(buf.format(i))
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        crate::repr::str(self, v)
    }

    /// `ascii(v)`.
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::new();
        for c in r.chars() {
            let n = gilvm_object::surrogate::code(c);
            if n < 128 {
                out.push(c);
            } else if n < 256 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 65536 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        Ok(out)
    }

    /// Converts a formatting error into a Python exception.
    pub fn fmt_err(&self, e: pyfmt::FmtError, tyname: &str) -> PyErr {
        let e = e.with_type_name(tyname);
        let msg = e.message();
        match e.kind() {
            pyfmt::FmtErrorKind::TypeError => self.type_error(msg),
            pyfmt::FmtErrorKind::OverflowError => self.overflow_error(msg),
            _ => self.value_error(msg),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult {
        match v {
            Value::Obj(o) if matches!(o.payload(), Payload::Str(_)) && spec.is_empty() => {
                return Ok(v.clone())
            }
            Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)) => {
                if let Some(m) =
                    self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__format__"))
                {
                    let s = self.new_str(spec);
                    return self.call_method_value(&m, v, &[s]);
                }
            }
            _ => {}
        }
        if spec.is_empty() {
            return self.str_value(v);
        }
        let tyname = self.type_name(v);
        let parsed = pyfmt::parse_format_spec(spec).map_err(|e| self.fmt_err(e, &tyname))?;
        let r = match v {
            Value::Bool(b) => pyfmt::format_i64(*b as i64, &parsed),
            Value::Int(i) => pyfmt::format_i64(*i, &parsed),
            Value::Float(f) => pyfmt::format_float(*f, &parsed),
            Value::Obj(o) => match o.payload() {
                Payload::Int(b) => pyfmt::format_int(b, &parsed),
                Payload::Str(s) => pyfmt::format_str(s.as_str(), &parsed),
                Payload::Complex(c) => pyfmt::format_complex(c.re, c.im, &parsed),
                _ => {
                    return Err(self.type_error(format!(
                        "unsupported format string passed to {tyname}.__format__"
                    )))
                }
            },
            _ => {
                return Err(self.type_error(format!(
                    "unsupported format string passed to {tyname}.__format__"
                )))
            }
        };
        match r {
            Ok(s) => Ok(self.new_str(s)),
            Err(e) => Err(self.fmt_err(e, &tyname)),
        }
    }

    // ---- iteration ----

    /// Item `idx` of the sequence a sequence iterator walks (None past its end): a list,
    /// tuple, str, bytes or bytearray, or an instance of a subclass of one of them (the
    /// iterator holds the instance itself, as CPython's does, so that the instance lives as
    /// long as the iteration).
    fn seq_item(&self, seq: &gilvm_object::ObjRef, idx: usize) -> Option<Value> {
        let py = self.py;
        match seq.payload() {
            Payload::List(l) => l.get_at(py, idx),
            Payload::Tuple(t) => t.get(idx).cloned(),
            Payload::Str(s) => {
                if s.is_ascii() {
                    s.as_str()
                        .as_bytes()
                        .get(idx)
                        .map(|b| self.char_str(*b as char))
                } else {
                    s.char_at(idx).map(|c| self.char_str(c))
                }
            }
            Payload::Bytes(b) => b.get(idx).map(|x| Value::Int(*x as i64)),
            Payload::ByteArray(b) => b.get(py, idx as i64).map(|x| Value::Int(x as i64)),
            Payload::Instance(i) => match &i.base {
                gilvm_object::payload::InstanceBase::List(l) => l.get_at(py, idx),
                gilvm_object::payload::InstanceBase::Value(Value::Obj(inner)) => {
                    self.seq_item(inner, idx)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult {
        let Value::Obj(o) = v else {
            return Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))));
        };
        let p = self.py;
        let it = match o.payload() {
            Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_) => Owned::SeqIter(SeqIterCell::new(o.clone())),
            // A memoryview iterates over its items (issue 18).
            Payload::MemoryView(m) => {
                let items = crate::builtins::memoryview::items(self, m)?;
                let l = self.new_list(items);
                return self.iter(&l);
            }
            Payload::Range(r) => Owned::RangeIter(RangeIterCell::new(r)),
            Payload::Dict(d) => Owned::Iter(IterCell::new(IterState::Dict {
                dict: o.clone(),
                pos: 0,
                len: d.len(p),
                kind: 0,
            })),
            Payload::Set(s) | Payload::FrozenSet(s) => Owned::Iter(IterCell::new(IterState::Set {
                set: o.clone(),
                pos: 0,
                len: s.len(p),
            })),
            Payload::SeqIter(_) | Payload::RangeIter(_) | Payload::Iter(_) => return Ok(v.clone()),
            Payload::Native(_) if self.is_generator(v) => return Ok(v.clone()),
            Payload::Native(_)
                if self
                    .lookup_special_name(v, &gilvm_object::static_name!(self.py, "__iter__"))
                    .is_some() =>
            {
                let m = self
                    .lookup_special_name(v, &gilvm_object::static_name!(self.py, "__iter__"))
                    .unwrap();
                return self.call_method_value(&m, v, &[]);
            }
            // A class whose metaclass defines `__iter__` (or `__getitem__`).
            Payload::Type(t) if t.has_metaclass() => {
                if let Some(m) =
                    self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__iter__"))
                {
                    let r = self.call_method_value(&m, v, &[])?;
                    if !self.is_iterator(&r) {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&r)
                        )));
                    }
                    return Ok(r);
                }
                if let Some(m) =
                    self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__getitem__"))
                {
                    let f = Value::Obj(self.new_obj(Owned::BoundMethod(
                        gilvm_object::payload::BoundMethod {
                            func: m,
                            receiver: v.clone(),
                        },
                    )));
                    return Ok(Value::Obj(self.new_obj(Owned::Iter(IterCell::new(
                        IterState::Native(Box::new(GetItemIter {
                            func: f,
                            seq: v.clone(),
                            index: 0,
                        })),
                    )))));
                }
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
            Payload::Instance(inst) => {
                if let Some(m) =
                    self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__iter__"))
                {
                    let r = self.call_method_value(&m, v, &[])?;
                    if !self.is_iterator(&r) {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&r)
                        )));
                    }
                    return Ok(r);
                }
                if self
                    .lookup_special_name(v, &gilvm_object::static_name!(self.py, "__getitem__"))
                    .is_some()
                {
                    let f = self.getattr_str(v, "__getitem__")?;
                    return Ok(Value::Obj(self.new_obj(Owned::Iter(IterCell::new(
                        IterState::Native(Box::new(GetItemIter {
                            func: f,
                            seq: v.clone(),
                            index: 0,
                        })),
                    )))));
                }
                match &inst.base {
                    gilvm_object::payload::InstanceBase::List(_) => {
                        Owned::SeqIter(SeqIterCell::new(o.clone()))
                    }
                    gilvm_object::payload::InstanceBase::Dict(d) => {
                        Owned::Iter(IterCell::new(IterState::Dict {
                            dict: o.clone(),
                            pos: 0,
                            len: d.len(p),
                            kind: 0,
                        }))
                    }
                    gilvm_object::payload::InstanceBase::Set(s) => {
                        Owned::Iter(IterCell::new(IterState::Set {
                            set: o.clone(),
                            pos: 0,
                            len: s.len(p),
                        }))
                    }
                    _ => {
                        return Err(self
                            .type_error(format!("'{}' object is not iterable", self.type_name(v))))
                    }
                }
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
        };
        Ok(Value::Obj(self.new_obj(it)))
    }

    /// Is `v` an iterator (has `__next__`)?
    pub fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => match o.payload() {
                Payload::SeqIter(_) | Payload::RangeIter(_) | Payload::Iter(_) => true,
                Payload::Native(_) => {
                    self.is_generator(v)
                        || self
                            .lookup_special_name(
                                v,
                                &gilvm_object::static_name!(self.py, "__next__"),
                            )
                            .is_some()
                }
                Payload::Instance(_) => self
                    .lookup_special_name(v, &gilvm_object::static_name!(self.py, "__next__"))
                    .is_some(),
                Payload::Type(t) if t.has_metaclass() => self
                    .lookup_special_name(v, &gilvm_object::static_name!(self.py, "__next__"))
                    .is_some(),
                _ => false,
            },
            _ => false,
        }
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = it else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        let py = self.py;
        match o.payload() {
            Payload::SeqIter(cell) => {
                // The item is read with the iterator's lock released (a container lock is
                // a leaf lock), then the step is committed only if no other thread moved
                // the iterator meanwhile; otherwise it is retried from the new position.
                // So threads sharing one iterator each get every item exactly once.
                Ok(cell.next_with(py, |seq, idx| self.seq_item(seq, idx)))
            }
            Payload::RangeIter(cell) => Ok(cell.next(py).map(Value::Int)),
            Payload::Iter(_) => crate::iters::next_iter(self, o),
            Payload::Native(_) if self.is_generator(it) => match self.gen_resume(o, Value::None)? {
                crate::gen::Step::Yield(v) => Ok(Some(v)),
                crate::gen::Step::Return(_) => Ok(None),
            },
            _ => {
                // Native iterators of the stdlib modules (itertools, deque iterators).
                if let Payload::Native(_) = o.payload() {
                    if let Some(r) = crate::modules::util::step_native(self, it)? {
                        return Ok(r);
                    }
                }
                if let Some(m) =
                    self.lookup_special_name(it, &gilvm_object::static_name!(self.py, "__next__"))
                {
                    return match self.call_method_value(&m, it, &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.matches(&e, &self.g.exc.stop_iteration.clone()) => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )))
            }
        }
    }

    /// A one-character string (ASCII characters are cached per call site by interning).
    pub fn char_str(&self, c: char) -> Value {
        if c.is_ascii() {
            return Value::Obj(self.g.ascii_chars[c as usize].clone());
        }
        self.new_str(c.to_string())
    }

    /// Collects an iterable into a vector.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            match o.payload() {
                Payload::List(l) => return Ok(l.snapshot(self.py)),
                Payload::Tuple(t) => return Ok(t.to_vec()),
                Payload::Range(r) => {
                    return Ok((0..r.len()).map(|i| Value::Int(r.item(i))).collect())
                }
                Payload::Dict(d) => return Ok(d.keys(self.py)),
                // One snapshot, like a dict's keys (not an iteration that other threads'
                // writes could cut short with "Set changed size during iteration").
                Payload::Set(s) | Payload::FrozenSet(s) => return Ok(s.keys(self.py)),
                _ => {}
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacks `seq` onto `stack` (last item pushed first, so the first item ends on top).
    pub fn unpack_into(
        &mut self,
        seq: &Value,
        before: usize,
        after: Option<usize>,
        stack: &mut Vec<Value>,
    ) -> PyResult<()> {
        // Fast path: a tuple or list of exactly the wanted length, pushed straight from its
        // storage (one critical section for a list, so the items are one snapshot).
        if let (None, Value::Obj(o)) = (after, seq) {
            let py = self.py;
            let done = match o.payload() {
                Payload::Tuple(t) if t.len() == before => {
                    stack.extend(t.iter().rev().cloned());
                    true
                }
                Payload::List(l) => l.read(py, |l| {
                    if l.len() == before {
                        stack.extend(l.iter().rev().cloned());
                        true
                    } else {
                        false
                    }
                }),
                _ => false,
            };
            if done {
                return Ok(());
            }
        }
        // CPython 3.14 names the length it found ("got N") when it is known without
        // iterating: exact lists, tuples and dicts.
        let mut known_len = None;
        let items = match seq {
            Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_) | Payload::List(_)) => {
                let v = self.collect(seq)?;
                known_len = Some(v.len());
                v
            }
            _ => {
                if let Value::Obj(o) = seq {
                    if let Payload::Dict(d) = o.payload() {
                        known_len = Some(d.len(self.py));
                    }
                }
                match self.iter(seq) {
                    Ok(it) => {
                        let mut v = Vec::new();
                        while let Some(x) = self.next(&it)? {
                            v.push(x);
                            if after.is_none() && v.len() > before {
                                break;
                            }
                        }
                        v
                    }
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(seq)
                        )))
                    }
                }
            }
        };
        match after {
            None => {
                if items.len() != before {
                    if items.len() < before {
                        return Err(self.value_error(format!(
                            "not enough values to unpack (expected {before}, got {})",
                            items.len()
                        )));
                    }
                    return Err(self.value_error(match known_len {
                        Some(n) => {
                            format!("too many values to unpack (expected {before}, got {n})")
                        }
                        None => format!("too many values to unpack (expected {before})"),
                    }));
                }
                stack.extend(items.into_iter().rev());
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(before);
                for x in tail.into_iter().rev() {
                    stack.push(x);
                }
                stack.push(self.new_list(mid));
                for x in items.into_iter().rev() {
                    stack.push(x);
                }
            }
        }
        Ok(())
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = container {
            match o.payload() {
                Payload::Str(s) => {
                    return match item.as_str() {
                        Some(t) => Ok(t.is_empty()
                            || crate::builtins::strings::find_str(s.as_str(), t).is_some()),
                        None => Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(item)
                        ))),
                    }
                }
                Payload::Dict(_) => return Ok(self.dict_get(o, item)?.is_some()),
                Payload::Set(_) | Payload::FrozenSet(_) => {
                    return crate::builtins::set::contains_key(self, o, item)
                }
                Payload::Range(r) => {
                    if let Value::Int(i) = item {
                        let i = *i;
                        let len = r.len();
                        if len == 0 {
                            return Ok(false);
                        }
                        let off = i as i128 - r.start as i128;
                        return Ok(off % r.step as i128 == 0
                            && (0..len as i128).contains(&(off / r.step as i128)));
                    }
                }
                Payload::Bytes(b) => return crate::builtins::bytes::bytes_contains(self, b, item),
                Payload::ByteArray(b) => {
                    return crate::builtins::bytearray::contains(self, b, item)
                }
                Payload::List(l) => return crate::builtins::list::cell_contains(self, l, item),
                Payload::Tuple(t) => {
                    return Ok(
                        crate::builtins::containers::slice_find(self, t, item, 0, t.len())?
                            .is_some(),
                    )
                }
                Payload::Instance(_) | Payload::Native(_) | Payload::Type(_) => {
                    if let Some(m) = self.lookup_special_name(
                        container,
                        &gilvm_object::static_name!(self.py, "__contains__"),
                    ) {
                        let r = self.call_method_value(&m, container, &[item.clone()])?;
                        return self.truthy(&r);
                    }
                }
                _ => {}
            }
        }
        let it = self.iter(container).map_err(|_| {
            self.type_error(format!(
                "argument of type '{}' is not a container or iterable",
                self.type_name(container)
            ))
        })?;
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// A readable name of a callable for error messages (`f()`).
    pub fn callable_name(&self, f: &Value) -> String {
        match f {
            Value::Obj(o) => match o.payload() {
                Payload::Function(func) => format!("{}()", self.func_qualname(func)),
                Payload::BuiltinFunction(b) => format!("{}()", b.name),
                Payload::Type(t) => format!("{}()", t.name),
                _ => format!("{} object", self.type_name(f)),
            },
            _ => format!("{} object", self.type_name(f)),
        }
    }
}

/// The old sequence protocol: iterate by calling `__getitem__(0)`, `(1)`, … until IndexError.
pub struct GetItemIter {
    pub func: Value,
    /// The sequence (`__reduce__` gives it back: `iter, (seq,), index`).
    pub seq: Value,
    pub index: i64,
}
