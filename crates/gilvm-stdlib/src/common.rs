//! Helpers shared by the data modules of this crate (`_struct`, `binascii`, `zlib`, the
//! hashes, `array`): bytes results, bytes-like arguments with CPython's messages, module
//! exception classes, integer arguments through `__index__`.
use std::borrow::Cow;

use gilvm_object::{ObjRef, Owned, Payload, Value};
use gilvm_vm::buffer::bytes_like;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use num_bigint::BigInt;

/// A new `bytes` object.
pub fn new_bytes(interp: &Interp, v: Vec<u8>) -> Value {
    Value::Obj(interp.new_obj(Owned::Bytes(v.into_boxed_slice())))
}

/// The bytes of a bytes-like argument, or CPython's `TypeError` ("a bytes-like object is
/// required, not 'str'").
pub fn buffer_arg<'a>(interp: &Interp, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    bytes_like(interp.py, v).ok_or_else(|| {
        interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(v)
        ))
    })
}

/// Creates the exception class `name` (a subclass of `base`, an expression evaluated in
/// the module, e.g. `Exception`) in module `m`, shown as `shown_module.name`.
pub fn error_class(
    interp: &mut Interp,
    m: &ObjRef,
    name: &str,
    base: &str,
    shown_module: &str,
) -> PyResult<ObjRef> {
    let src = format!("class {name}({base}): pass\n{name}.__module__ = '{shown_module}'\n");
    gilvm_vm::modules::util::run_embedded(interp, m, &format!("<{shown_module}>"), &src)?;
    let d = Interp::module_dict(m)
        .cloned()
        .ok_or_else(|| interp.type_error("not a module"))?;
    let v = interp.dict_get_str(&d, &interp.intern(name));
    match v {
        Some(Value::Obj(o)) if matches!(o.payload(), Payload::Type(_)) => {
            // Kept in a per-process table of types, as CPython's static exception types.
            o.make_immortal();
            Ok(o)
        }
        _ => Err(interp.runtime_error(format!("cannot create {shown_module}.{name}"))),
    }
}

/// An int argument (`__index__` accepted), None when `v` is not an integer.
pub fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(b) = v.to_bigint() {
        return Ok(Some(b));
    }
    if interp
        .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
        .is_none()
    {
        return Ok(None);
    }
    let r = gilvm_vm::builtins::numbers::index_int(interp, v)?;
    Ok(r.to_bigint())
}

/// A native state type that holds Python references, as the cycle collector sees it (see
/// `gilvm_object::gc::NativeGc`): without these hooks a native object's references count
/// as outside ones, and a cycle through it (a JSON decoder whose scanner holds its bound
/// methods, an `itemgetter` stored in the object it gets from) is never collected.
pub trait GcRefs: std::any::Any {
    /// Reports every Python reference the state holds.
    fn refs(&self, f: &mut dyn FnMut(&Value));
    /// Moves every such reference into `out` (replaced by None; the collector drops them).
    fn clear_refs(&mut self, out: &mut Vec<Value>);
}

/// Moves `v` into `out`, leaving None (for [`GcRefs::clear_refs`]).
pub fn take_ref(v: &mut Value, out: &mut Vec<Value>) {
    out.push(std::mem::replace(v, Value::None));
}

/// Registers `T`'s hooks with the collector (idempotent); each module's `init` calls it
/// before an object of the type can exist.
pub fn register_gc<T: GcRefs>() {
    fn traverse<T: GcRefs>(a: &dyn std::any::Any, v: &mut dyn gilvm_object::gc::Visit) {
        if let Some(s) = a.downcast_ref::<T>() {
            s.refs(&mut |x| v.val(x));
        }
    }
    fn clear<T: GcRefs>(a: &mut dyn std::any::Any, out: &mut Vec<Value>) {
        if let Some(s) = a.downcast_mut::<T>() {
            s.clear_refs(out);
        }
    }
    gilvm_object::gc::register_native::<T>(gilvm_object::gc::NativeGc {
        traverse: traverse::<T>,
        clear: clear::<T>,
    });
}
