//! Item access: `c[k]`, `c[k] = v`, `del c[k]` for builtin containers and instances.
use gilvm_object::keys::as_index_i64;
use gilvm_object::list::PyList;
use gilvm_object::payload::InstanceBase;
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

fn slice_of(v: &Value) -> Option<&[Value; 3]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Slice(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

impl Interp {
    /// `c[key]`.
    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult {
        let Value::Obj(o) = c else {
            return Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(c)
            )));
        };
        match o.payload() {
            Payload::List(l) => self.list_getitem(l, key),
            Payload::Tuple(t) => {
                if let Some(sl) = slice_of(key) {
                    let v = self.slice_vec(t, sl)?;
                    return Ok(self.new_tuple(v));
                }
                let i = self.seq_index(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Payload::Str(s) => {
                if let Some(sl) = slice_of(key) {
                    if s.is_ascii() {
                        let b = self.slice_vec(s.as_str().as_bytes(), sl)?;
                        return Ok(self.new_str(String::from_utf8(b).unwrap_or_default()));
                    }
                    let (start, stop, step, count) = self.slice_indices(sl, s.char_len())?;
                    if step == 1 {
                        if count == 0 {
                            return Ok(Value::Obj(self.intern("")));
                        }
                        let t = s.as_str();
                        let mut it = t
                            .char_indices()
                            .map(|(b, _)| b)
                            .chain(std::iter::once(t.len()));
                        let b0 = it.nth(start as usize).unwrap_or(t.len());
                        let b1 = it.nth((stop - start - 1) as usize).unwrap_or(t.len());
                        return Ok(self.new_str(&t[b0..b1]));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let mut out = String::with_capacity(count * 2);
                    let mut i = start;
                    for _ in 0..count {
                        out.push(chars[i as usize]);
                        i += step;
                    }
                    return Ok(self.new_str(out));
                }
                let i = self.seq_index(key, s.char_len(), "string")?;
                Ok(self.char_str(s.char_at(i).unwrap()))
            }
            Payload::Bytes(b) => {
                if let Some(sl) = slice_of(key) {
                    let v = self.slice_vec(b, sl)?;
                    return Ok(Value::Obj(self.new_obj(Owned::Bytes(v.into_boxed_slice()))));
                }
                let i = self.seq_index(key, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            // bytearray, memoryview (issue 18).
            Payload::ByteArray(b) => crate::builtins::bytearray::getitem(self, b, key),
            Payload::MemoryView(m) => crate::builtins::memoryview::getitem(self, m, key),
            Payload::Dict(_) => match self.dict_get(o, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Payload::Range(r) => {
                if let Some(sl) = slice_of(key) {
                    let (start, stop, step, _count) = self.slice_indices(sl, r.len() as usize)?;
                    let nstart = r.item(start);
                    let nstep = r.step * step;
                    let nstop = r.start.wrapping_add(stop.wrapping_mul(r.step));
                    return Ok(Value::Obj(self.new_obj(Owned::Range(
                        gilvm_object::payload::RangeObj {
                            start: nstart,
                            stop: nstop,
                            step: nstep,
                        },
                    ))));
                }
                let i = self.seq_index(key, r.len() as usize, "range object")?;
                Ok(Value::Int(r.item(i as i64)))
            }
            Payload::Type(t) => {
                // A metaclass's `__getitem__` comes before `__class_getitem__`.
                if t.has_metaclass() {
                    if let Some(m) = self
                        .lookup_special_name(c, &gilvm_object::static_name!(self.py, "__getitem__"))
                    {
                        return self.call_method_value(&m, c, &[key.clone()]);
                    }
                }
                // `list[int]`: the class's `__class_getitem__` (genericalias.rs).
                if let Some(m) = self.lookup_type_attr(o, "__class_getitem__") {
                    let f = self.bind_class_attr(m, o)?;
                    return self.call1(&f, &[key.clone()]);
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", t.name)))
            }
            Payload::Instance(inst) => {
                if let Some(m) =
                    self.lookup_special_name(c, &gilvm_object::static_name!(self.py, "__getitem__"))
                {
                    return self.call_method_value(&m, c, &[key.clone()]);
                }
                match &inst.base {
                    InstanceBase::List(l) => self.list_getitem(l, key),
                    InstanceBase::Dict(_) => match self.dict_get(o, key)? {
                        Some(v) => Ok(v),
                        None => {
                            if let Some(m) = self.lookup_special_name(
                                c,
                                &gilvm_object::static_name!(self.py, "__missing__"),
                            ) {
                                return self.call_method_value(&m, c, &[key.clone()]);
                            }
                            Err(self.key_error(key.clone()))
                        }
                    },
                    _ => Err(self.type_error(format!(
                        "'{}' object is not subscriptable",
                        self.type_name(c)
                    ))),
                }
            }
            Payload::Native(_) => match self
                .lookup_special_name(c, &gilvm_object::static_name!(self.py, "__getitem__"))
            {
                Some(m) => self.call_method_value(&m, c, &[key.clone()]),
                None => Err(self.type_error(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(c)
                ))),
            },
            _ => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(c)
            ))),
        }
    }

    fn list_getitem(&mut self, l: &PyList, key: &Value) -> PyResult {
        crate::builtins::list::cell_getitem(self, l, key)
    }

    /// `c[key] = v`.
    pub fn setitem(&mut self, c: &Value, key: Value, v: Value) -> PyResult<()> {
        let Value::Obj(o) = c else {
            return Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(c)
            )));
        };
        match o.payload() {
            Payload::List(l) => self.list_setitem(l, key, v),
            Payload::Dict(_) => self.dict_set(o, key, v),
            // bytearray, memoryview (issue 18).
            Payload::ByteArray(b) => crate::builtins::bytearray::setitem(self, b, &key, &v),
            Payload::MemoryView(m) => crate::builtins::memoryview::setitem(self, m, &key, &v),
            Payload::Instance(inst) => {
                if let Some(m) =
                    self.lookup_special_name(c, &gilvm_object::static_name!(self.py, "__setitem__"))
                {
                    self.call_method_value(&m, c, &[key, v])?;
                    return Ok(());
                }
                match &inst.base {
                    InstanceBase::List(l) => self.list_setitem(l, key, v),
                    InstanceBase::Dict(_) => self.dict_set(o, key, v),
                    _ => Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        self.type_name(c)
                    ))),
                }
            }
            Payload::Native(_) | Payload::Type(_)
                if self
                    .lookup_special_name(c, &gilvm_object::static_name!(self.py, "__setitem__"))
                    .is_some() =>
            {
                let m = self
                    .lookup_special_name(c, &gilvm_object::static_name!(self.py, "__setitem__"))
                    .unwrap();
                self.call_method_value(&m, c, &[key, v])?;
                Ok(())
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(c)
            ))),
        }
    }

    fn list_setitem(&mut self, l: &PyList, key: Value, v: Value) -> PyResult<()> {
        crate::builtins::list::cell_setitem(self, l, &key, v)
    }

    /// `del c[key]`.
    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        let Value::Obj(o) = c else {
            return Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(c)
            )));
        };
        match o.payload() {
            Payload::List(l) => self.list_delitem(l, key),
            // bytearray, memoryview (issue 18).
            Payload::ByteArray(b) => crate::builtins::bytearray::delitem(self, b, key),
            Payload::MemoryView(m) => Err(self.type_error(if m.readonly {
                "cannot modify read-only memory"
            } else {
                "cannot delete memory"
            })),
            Payload::Dict(_) => match self.dict_remove(o, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Payload::Instance(inst) => {
                if let Some(m) =
                    self.lookup_special_name(c, &gilvm_object::static_name!(self.py, "__delitem__"))
                {
                    self.call_method_value(&m, c, &[key.clone()])?;
                    return Ok(());
                }
                match &inst.base {
                    InstanceBase::List(l) => self.list_delitem(l, key),
                    InstanceBase::Dict(_) => match self.dict_remove(o, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key.clone())),
                    },
                    _ => Err(self.type_error(format!(
                        "'{}' object doesn't support item deletion",
                        self.type_name(c)
                    ))),
                }
            }
            Payload::Native(_) | Payload::Type(_)
                if self
                    .lookup_special_name(c, &gilvm_object::static_name!(self.py, "__delitem__"))
                    .is_some() =>
            {
                let m = self
                    .lookup_special_name(c, &gilvm_object::static_name!(self.py, "__delitem__"))
                    .unwrap();
                self.call_method_value(&m, c, &[key.clone()])?;
                Ok(())
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(c)
            ))),
        }
    }

    fn list_delitem(&mut self, l: &PyList, key: &Value) -> PyResult<()> {
        crate::builtins::list::cell_delitem(self, l, key)
    }

    /// Interprets a value as an index (`__index__`).
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = as_index_i64(v) {
            return Ok(i);
        }
        if v.to_bigint().is_some() {
            return Err(self.overflow_error("Python int too large to convert to C ssize_t"));
        }
        if let Some(m) =
            self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__index__"))
        {
            let r = self.call_method_value(&m, v, &[])?;
            if let Some(i) = as_index_i64(&r) {
                return Ok(i);
            }
        }
        Err(self.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            self.type_name(v)
        )))
    }

    /// An attribute found along a type's MRO by name.
    pub fn lookup_type_attr(&self, ty: &ObjRef, name: &str) -> Option<Value> {
        let n = self.intern(name);
        gilvm_object::types::lookup(self.py, ty, &n)
    }
}
