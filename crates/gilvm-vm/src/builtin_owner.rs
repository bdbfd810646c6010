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

use gilvm_object::{ObjRef, Value};

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
