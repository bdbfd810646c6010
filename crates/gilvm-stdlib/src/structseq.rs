//! Struct sequences (CPython's `PyStructSequence`: `os.stat_result`, `pwd.struct_passwd`,
//! `os.uname_result`, …): tuple subclasses whose first `n_sequence_fields` items are the
//! tuple and whose other fields are attributes only. The type is made by the Python
//! helper `py/structseq.py` (run once, in a private module) and filled from Rust by
//! calling it with the values of every field in order.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::modules::util::{run_embedded, Statics};
use gilvm_vm::{Interp, PyResult};

static FACTORY: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn factory(interp: &mut Interp) -> PyResult<ObjRef> {
    if let Some(f) = FACTORY.get() {
        return Ok(f.0.clone());
    }
    let m = interp.new_module("_gilvm_structseq");
    run_embedded(
        interp,
        &m,
        "<gilvm>/structseq.py",
        include_str!("py/structseq.py"),
    )?;
    let f = interp.getattr_str(&Value::Obj(m), "structseq")?;
    let Value::Obj(f) = f else {
        return Err(interp.type_error("structseq: no factory"));
    };
    f.make_immortal();
    let _ = FACTORY.set(Statics(f.clone()));
    Ok(f)
}

/// A new struct sequence type `module.name` with `fields` (None for an unnamed field)
/// of which the first `n_seq` are the tuple. The type is immortal (kept in statics).
pub fn new_type(
    interp: &mut Interp,
    name: &str,
    module: &str,
    fields: &[Option<&str>],
    n_seq: usize,
) -> PyResult<ObjRef> {
    new_type_filled(interp, name, module, fields, n_seq, &[])
}

/// As [`new_type`], where each `(field, index)` of `fill` takes the value of item
/// `index` when the field is missing or None.
pub fn new_type_filled(
    interp: &mut Interp,
    name: &str,
    module: &str,
    fields: &[Option<&str>],
    n_seq: usize,
    fill: &[(&str, usize)],
) -> PyResult<ObjRef> {
    let f = factory(interp)?;
    let names: Vec<Value> = fields
        .iter()
        .map(|f| match f {
            Some(s) => interp.new_str(*s),
            None => Value::None,
        })
        .collect();
    let args = [
        interp.new_str(name),
        interp.new_str(module),
        interp.new_list(names),
        Value::Int(n_seq as i64),
        Value::None,
    ];
    let mut args = args;
    if !fill.is_empty() {
        let d = interp.new_dict_obj();
        for (k, i) in fill {
            let k = interp.new_str(*k);
            interp.dict_set(&d, k, Value::Int(*i as i64))?;
        }
        args[4] = Value::Obj(d);
    }
    match interp.call1(&Value::Obj(f), &args)? {
        Value::Obj(t) => {
            t.make_immortal();
            Ok(t)
        }
        _ => Err(interp.type_error("structseq: not a type")),
    }
}

/// An instance of struct sequence type `ty` with every field's value in order.
pub fn make(interp: &mut Interp, ty: &ObjRef, values: Vec<Value>) -> PyResult {
    let t = interp.new_tuple(values);
    interp.call1(&Value::Obj(ty.clone()), &[t])
}

/// A lazily made struct sequence type kept in a static.
pub struct Lazy(OnceLock<Statics<ObjRef>>);

impl Lazy {
    pub const fn new() -> Lazy {
        Lazy(OnceLock::new())
    }
    /// The type, made by `mk` the first time.
    pub fn get(
        &self,
        interp: &mut Interp,
        mk: impl FnOnce(&mut Interp) -> PyResult<ObjRef>,
    ) -> PyResult<ObjRef> {
        if let Some(t) = self.0.get() {
            return Ok(t.0.clone());
        }
        let t = mk(interp)?;
        let _ = self.0.set(Statics(t.clone()));
        Ok(self.0.get().map(|t| t.0.clone()).unwrap_or(t))
    }
}

impl Default for Lazy {
    fn default() -> Self {
        Self::new()
    }
}
