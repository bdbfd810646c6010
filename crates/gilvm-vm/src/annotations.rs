//! PEP 649/749: `__annotations__` computed from `__annotate__` on first access.
//!
//! The compiler turns a function's annotations into `f.__annotate__`, a class body's into
//! `__annotate_func__` in the class namespace, a module's into `__annotate__` in its globals
//! (gilvm-compiler's `codegen/annotate.rs`). Reading `__annotations__` calls it with format
//! 1 (VALUE) once and keeps the dict: in the function's dict, in the class's
//! `__annotations_cache__` (as CPython), in the module's globals. An `__annotations__` set
//! explicitly (or by `from __future__ import annotations` code) wins. A class answers its
//! own annotations only, never a base's: `{}` when it has none.
use gilvm_object::payload::Function;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

impl Interp {
    /// Calls an `__annotate__` function with format VALUE; the result must be a dict.
    fn call_annotate(&mut self, f: &Value) -> PyResult {
        let r = self.call1(f, &[Value::Int(1)])?;
        let is_dict = matches!(&r, Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)));
        if !is_dict {
            return Err(self.type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// `f.__annotations__` when the function's dict has none yet.
    pub(crate) fn function_annotations_lazy(&mut self, f: &Function) -> PyResult {
        let d = self.function_dict(f);
        let key = self.intern("__annotations__");
        if let Some(v) = self.dict_get_str(&d, &key) {
            return Ok(v);
        }
        let annotate = self.dict_get_str(&d, &self.intern("__annotate__"));
        let v = match annotate {
            Some(a) if !matches!(a, Value::None) => self.call_annotate(&a)?,
            _ => Value::Obj(self.new_dict_obj()),
        };
        self.dict_set_str(&d, key, v.clone());
        Ok(v)
    }

    /// `C.__annotations__` for a class.
    pub(crate) fn type_annotations(&mut self, t: &ObjRef) -> PyResult {
        let Payload::Type(tt) = t.payload() else {
            return Ok(Value::None);
        };
        let dict = tt.dict.clone();
        if let Some(v) = self.dict_get_str(&dict, &self.intern("__annotations__")) {
            return Ok(v);
        }
        let cache = self.intern("__annotations_cache__");
        if let Some(v) = self.dict_get_str(&dict, &cache) {
            return Ok(v);
        }
        let v = match self.dict_get_str(&dict, &self.intern("__annotate_func__")) {
            Some(a) if !matches!(a, Value::None) => self.call_annotate(&a)?,
            _ => Value::Obj(self.new_dict_obj()),
        };
        self.setattr(&Value::Obj(t.clone()), &cache, v.clone())?;
        Ok(v)
    }

    /// `C.__annotate__` for a class: its own annotate function, or None.
    pub(crate) fn type_annotate(&mut self, t: &ObjRef) -> Value {
        let Payload::Type(tt) = t.payload() else {
            return Value::None;
        };
        let dict = tt.dict.clone();
        self.dict_get_str(&dict, &self.intern("__annotate_func__"))
            .unwrap_or(Value::None)
    }

    /// `module.__annotations__` when its globals have none yet.
    pub(crate) fn module_annotations(&mut self, d: &ObjRef) -> PyResult {
        let v = match self.dict_get_str(d, &self.intern("__annotate__")) {
            Some(a) if !matches!(a, Value::None) => self.call_annotate(&a)?,
            _ => Value::Obj(self.new_dict_obj()),
        };
        self.dict_set_str(d, self.intern("__annotations__"), v.clone());
        Ok(v)
    }
}
