//! The module a builtin function of a native module belongs to (`_codecs.encode.__module__`
//! is `'_codecs'`), which `pickle` needs to save such a function by reference (module and
//! name): `save_global` imports `__module__` and looks the name up there.
//!
//! A builtin function object carries only its name, so `Interp::add_function` records the
//! module's name here, by the function object's address. The recorded objects are made
//! immortal, so an address is never reused by another object; a function not recorded (the
//! `builtins` module's, or made otherwise) answers `'builtins'`.
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use gilvm_object::payload::BuiltinFn;
use gilvm_object::{ObjRef, Payload, Value};

fn table() -> &'static Mutex<HashMap<usize, String>> {
    static T: OnceLock<Mutex<HashMap<usize, String>>> = OnceLock::new();
    T.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Records `f` (a builtin function object) as a function of module `module`.
pub fn record(f: &Value, module: &str) {
    if let Value::Obj(o) = f {
        o.make_immortal();
        let mut t = table().lock().unwrap_or_else(|p| p.into_inner());
        t.insert(o.addr(), module.to_string());
    }
}

/// The module recorded for the builtin function `f`, if any.
pub fn module_of(f: &ObjRef) -> Option<String> {
    let t = table().lock().unwrap_or_else(|p| p.into_inner());
    t.get(&(f.addr())).cloned()
}

// ---- static methods of builtin types (issue 19, branch iters) ----
//
// A static method of a builtin type (`bytes.maketrans`, `int.__new__`) is a builtin function
// tagged "static" (never bound); CPython's knows its type: `__qualname__` is
// `'bytes.maketrans'`, the repr `<built-in method maketrans of type object at 0x…>`, and
// `int.__new__.__self__` is `int`. `add_static` makes its tag the pair `("static", type)`.

/// The `data` tag of a static method of type `ty`.
pub fn static_tag(interp: &crate::interp::Interp, ty: &ObjRef) -> Value {
    interp.new_tuple(vec![
        Value::Obj(interp.intern("static")),
        Value::Obj(ty.clone()),
    ])
}

/// The type whose static method `b` is, if `add_static` made it.
pub fn static_owner(b: &BuiltinFn) -> Option<&ObjRef> {
    let Value::Obj(d) = &b.data else { return None };
    let Payload::Tuple(t) = d.payload() else {
        return None;
    };
    match (t.first(), t.get(1)) {
        (Some(tag), Some(Value::Obj(ty)))
            if tag.as_str() == Some("static") && matches!(ty.payload(), Payload::Type(_)) =>
        {
            Some(ty)
        }
        _ => None,
    }
}

/// Is `b` a static builtin (a module function or a type's static method), never bound?
pub fn is_static(b: &BuiltinFn) -> bool {
    b.data.as_str() == Some("static") || static_owner(b).is_some()
}

/// The `__text_signature__` of a static or class method of a builtin type, as CPython
/// 3.14's (`None` for the others: no signature known).
pub fn text_signature(owner: &str, name: &str) -> Option<&'static str> {
    Some(match (owner, name) {
        ("bytes" | "bytearray", "maketrans") => "(frm, to, /)",
        ("str", "maketrans") => "(x, y=<unrepresentable>, z=<unrepresentable>, /)",
        ("dict", "fromkeys") => "($type, iterable, value=None, /)",
        ("int", "from_bytes") => "($type, /, bytes, byteorder='big', *, signed=False)",
        ("float" | "bytes" | "bytearray", "fromhex") => "($type, string, /)",
        ("float", "__getformat__") => "($type, typestr, /)",
        (_, "__new__") => "($type, *args, **kwargs)",
        (_, "__class_getitem__") => "($type, object, /)",
        ("object", "__init_subclass__") => "($type, /)",
        _ => return None,
    })
}
