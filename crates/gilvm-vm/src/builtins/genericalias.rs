//! `list[int]`: the builtin generic classes' `__class_getitem__` (PEP 585), and the
//! object-model types gilvm writes in Python (`_gilvm_types`: `GenericAlias`,
//! `mappingproxy`, `getset_descriptor`).
//!
//! CPython gives `__class_getitem__` to the builtin containers (`list`, `dict`, `tuple`,
//! `set`, `frozenset`, `type`, `enumerate`, the `_collections` types, …); it returns a
//! `types.GenericAlias`. Here each such type gets a native class method that builds one
//! through the embedded `_gilvm_types` module, imported on first use (so start-up imports
//! nothing). A class without `__class_getitem__` (and no metaclass `__getitem__`) is not
//! subscriptable (items.rs).
//!
//! The same module gives a class's `__dict__` (a `mappingproxy` over its namespace) and the
//! getset descriptors read on a builtin type (`FunctionType.__code__`), see attr.rs.
use gilvm_object::payload::NativeObj;
use gilvm_object::{ObjCell, ObjRef, Owned, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Gives the builtin generic classes their `__class_getitem__`.
pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    for ty in [
        &t.list,
        &t.dict,
        &t.tuple,
        &t.set,
        &t.frozenset,
        &t.type_,
        &t.memoryview,
    ] {
        super::add_classmethod(interp, ty, "__class_getitem__", class_getitem);
    }
}

/// Gives a native type (`_collections.deque`, …) a `__class_getitem__`.
pub fn make_generic(interp: &mut Interp, ty: &ObjRef) {
    super::add_classmethod(interp, ty, "__class_getitem__", class_getitem);
}

/// `cls.__class_getitem__(item)`: `types.GenericAlias(cls, item)`.
fn class_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if args.has_kwargs() {
        return Err(interp.type_error("__class_getitem__() takes no keyword arguments"));
    }
    if a.len() != 2 {
        return Err(interp.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    let f = helper(interp, "GenericAlias")?;
    interp.call1(&f, a)
}

/// An attribute of the embedded `_gilvm_types` module.
pub fn helper(interp: &mut Interp, name: &str) -> PyResult {
    let m = interp.import_module("_gilvm_types")?;
    interp.getattr_str(&Value::Obj(m), name)
}

/// `cls.__dict__`: a `mappingproxy` over the class's namespace `dict` (for a builtin
/// type, over a copy that also shows its getset descriptors).
pub fn mappingproxy(interp: &mut Interp, cls: &ObjRef, dict: &ObjRef, heap: bool) -> PyResult {
    if heap {
        let f = helper(interp, "mappingproxy")?;
        return interp.call1(&f, &[Value::Obj(dict.clone())]);
    }
    let f = helper(interp, "class_dict")?;
    interp.call1(&f, &[Value::Obj(cls.clone()), Value::Obj(dict.clone())])
}

/// The getset descriptor `cls.name` of a builtin type (`FunctionType.__code__`), if it has
/// one (the names are listed in `_gilvm_types`).
pub fn getset(interp: &mut Interp, cls: &ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
    if MEMBERS.contains(&crate::eval::str_of(name)) {
        // A member (CPython's `T_OBJECT` field) of a builtin type: a `member_descriptor`
        // that applies to no `Instance` (the type cannot be subclassed).
        let d = interp.new_obj(Owned::Native(NativeObj {
            class: interp.g.types.member_descriptor.clone(),
            data: ObjCell::new(Box::new(crate::slots::MemberDescr {
                name: name.clone(),
                objclass: cls.clone(),
                pos: usize::MAX,
            })),
            tag: 0,
        }));
        return Ok(Some(Value::Obj(d)));
    }
    let f = helper(interp, "getset")?;
    let v = interp.call1(&f, &[Value::Obj(cls.clone()), Value::Obj(name.clone())])?;
    Ok(if v.is_none() { None } else { Some(v) })
}

/// The computed attributes of builtin types that CPython exposes as getset or member
/// descriptors on the type (read on the type, they are descriptor objects).
const GETSETS: &[(&str, &[&str])] = &[
    (
        "function",
        &[
            "__code__",
            "__defaults__",
            "__kwdefaults__",
            "__annotations__",
            "__annotate__",
            "__dict__",
            "__name__",
            "__qualname__",
            "__type_params__",
            "__closure__",
            "__globals__",
            "__builtins__",
        ],
    ),
    (
        "generator",
        &[
            "gi_frame",
            "gi_running",
            "gi_code",
            "gi_yieldfrom",
            "gi_suspended",
        ],
    ),
    (
        "coroutine",
        &[
            "cr_await",
            "cr_frame",
            "cr_running",
            "cr_code",
            "cr_origin",
            "cr_suspended",
        ],
    ),
    (
        "frame",
        &[
            "f_locals",
            "f_lineno",
            "f_trace",
            "f_globals",
            "f_builtins",
            "f_code",
            "f_back",
            "f_lasti",
        ],
    ),
    (
        "traceback",
        &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"],
    ),
    ("module", &["__dict__"]),
];

/// The names among [`GETSETS`] that CPython makes member descriptors.
const MEMBERS: &[&str] = &["__globals__", "__closure__", "__builtins__"];

/// Whether `name` is a getset descriptor of the builtin type named `ty`.
pub fn is_getset(ty: &str, name: &str) -> bool {
    GETSETS
        .iter()
        .any(|(t, names)| *t == ty && names.contains(&name))
}
