//! The builtins module and the methods of the builtin types.
//!
//! Each file registers one family: `core` (functions like `print`, `len`, `isinstance` and
//! the type constructors), `strings` (str methods), `containers` (list/tuple/dict/set
//! methods and the iteration builtins), `numbers` (int/float methods and numeric builtins).
pub mod bytearray;
pub mod bytearray_sub;
pub mod bytes;
pub mod bytes_methods;
// str.encode/bytes.decode through the codec registry (branch text).
mod call_method;
pub mod code_obj;
mod codec_registry;
pub mod complex;
pub mod containers;
pub mod core;
pub mod descriptors;
pub mod dict;
pub mod dictviews;
pub mod exec;
pub mod float_methods;
pub mod float_util;
// Issue 19: `list[int]`, `mappingproxy`, getset descriptors (branch core).
pub mod genericalias;
pub mod int_methods;
pub mod iterfns;
pub mod iterpickle;
pub mod itertypes;
pub mod list;
pub mod longrange;
pub mod memoryview;
pub mod method_descr;
pub mod namespace;
pub mod numbers;
pub mod object_reduce;
pub mod set;
pub mod sort;
pub mod str_case;
pub mod str_case_data;
pub mod str_format;
pub mod str_special;
pub mod str_unicode;
pub mod str_unicode_data;
pub mod strings;

use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use crate::interp::{Interp, NativeFn};

/// Registers everything (called once at start-up).
pub fn register(interp: &mut Interp) {
    core::register(interp);
    strings::register(interp);
    str_case::register(interp);
    str_format::register(interp);
    str_special::register(interp);
    bytes::register(interp);
    containers::register(interp);
    list::register(interp);
    dict::register(interp);
    dictviews::register(interp);
    set::register(interp);
    iterfns::register(interp);
    // Issue 19 (branch iters): the builtin iterator types.
    itertypes::register(interp);
    numbers::register(interp);
    // `open` is `_io.open` (issue 19, branch `io`).
    add_builtin(interp, "open", crate::io::open);
    exec::register(interp);
    // Issue 18: complex.
    complex::register(interp);
    // Issue 18: bytearray, memoryview.
    bytes_methods::register(interp);
    bytearray::register(interp);
    memoryview::register(interp);
    // Issue 19: the builtin generic classes' `__class_getitem__`.
    genericalias::register(interp);
    object_reduce::register(interp);
    method_descr::register(interp);
    // Issue 19 (mock's `_callable`): `__call__` of functions and methods.
    call_method::register(interp);
    longrange::register(interp);
    crate::exc_group::register(interp);
}

/// Adds a method to a builtin type's dict.
/// Makes a new native function of a builtin type or module immortal: it lives as long as
/// its type, every thread uses it, and the type-attribute cache can hold it (free-threaded
/// build: only immortal objects are cached). Safe: the calling thread created `v` and no
/// other thread has seen it yet. A no-op in the GIL build.
pub fn publish_native(v: &Value) {
    if let Value::Obj(o) = v {
        if gilvm_object::header::PUBLISH_PER_THREAD {
            o.make_immortal();
        }
    }
}

pub fn add_method(interp: &mut Interp, ty: &ObjRef, name: &'static str, f: NativeFn) {
    // The type rides in `data`: the function is a `method_descriptor` (method_descr.rs).
    let v = interp.new_native_with(name, f, Value::Obj(ty.clone()));
    publish_native(&v);
    if let Payload::Type(t) = ty.payload() {
        t.dict().set_str(interp.py, interp.intern(name), v);
    }
}

/// Adds a static method (called without a receiver, like `__new__` or `bytes.maketrans`);
/// its tag names the type (`builtin_owner::static_tag`).
pub fn add_static(interp: &mut Interp, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let tag = crate::builtin_owner::static_tag(interp, ty);
    publish_native(&tag);
    let v = interp.new_native_with(name, f, tag);
    publish_native(&v);
    if let Payload::Type(t) = ty.payload() {
        t.dict().set_str(interp.py, interp.intern(name), v);
    }
}

/// Adds a class method (receives the class as first argument). The function's data is its
/// type, and binding it to a class makes a builtin method (`Interp::bind_classmethod`).
pub fn add_classmethod(interp: &mut Interp, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let v = interp.new_native_with(name, f, Value::Obj(ty.clone()));
    publish_native(&v);
    let cm = Value::Obj(interp.new_obj(Owned::ClassMethod(v)));
    publish_native(&cm);
    if let Payload::Type(t) = ty.payload() {
        t.dict().set_str(interp.py, interp.intern(name), cm);
    }
}

/// Adds a read-only attribute computed by `f(self)` to a builtin type's dict (CPython's
/// getset descriptor: a property whose getter is native), so that instances of subclasses
/// find it through the MRO too.
pub fn add_getset(interp: &mut Interp, ty: &ObjRef, name: &'static str, f: NativeFn) {
    let get = interp.new_native(name, f);
    publish_native(&get);
    let p = Value::Obj(interp.new_obj(Owned::Property(Box::new([get, Value::None, Value::None]))));
    publish_native(&p);
    if let Payload::Type(t) = ty.payload() {
        t.dict().set_str(interp.py, interp.intern(name), p);
    }
}

/// Adds `__mul__` and `__rmul__` of a sequence type (str, tuple, bytes): `f` repeats the
/// receiver. They are tagged `sq_repeat`: the operators call them only with an integer
/// count (CPython's sequence repeat is not a number method, so `"ab" * S("x")` is "can't
/// multiply sequence by non-int of type 'S'", not the method's own error).
pub fn add_repeat(interp: &mut Interp, ty: &ObjRef, f: NativeFn) {
    for name in ["__mul__", "__rmul__"] {
        let v = interp.new_native_with(name, f, Value::Obj(interp.intern("sq_repeat")));
        publish_native(&v);
        if let Payload::Type(t) = ty.payload() {
            t.dict().set_str(interp.py, interp.intern(name), v);
        }
    }
}

/// Adds a function to the builtins module.
pub fn add_builtin(interp: &mut Interp, name: &'static str, f: NativeFn) {
    let v = interp.new_native(name, f);
    publish_native(&v);
    interp.dict_set_str(&interp.g.builtins_dict.clone(), interp.intern(name), v);
}

/// A generator's `__name__`/`__qualname__`.
pub fn gen_field(interp: &mut Interp, o: &ObjRef, qual: bool) -> Value {
    match o.payload() {
        Payload::Native(n) => n.data.with(interp.py, |b| {
            match b.downcast_ref::<crate::gen::GenState>() {
                Some(g) => {
                    if qual {
                        g.qualname.clone()
                    } else {
                        g.name.clone()
                    }
                }
                None => Value::None,
            }
        }),
        _ => Value::None,
    }
}

pub fn gen_qualname(interp: &mut Interp, o: &ObjRef) -> String {
    gen_field(interp, o, true)
        .as_str()
        .unwrap_or("?")
        .to_string()
}
