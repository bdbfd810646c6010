//! `method_descriptor`: a builtin type's method looked up on the class (`list.append`,
//! `str.join`, `collections.deque.append`).
//!
//! What: CPython keeps the methods of its C types as method descriptors, a type of their
//! own, distinct from `builtin_function_or_method` (module functions such as `len`, and
//! methods bound to a receiver). The Lib relies on the distinction:
//! `multiprocessing.reduction` registers a reducer for `type(list.append)` that pickles a
//! descriptor as `getattr(objclass, name)`; when that type was also the type of `pow`,
//! `Pool.starmap(pow, ...)` failed on `pow.__objclass__`. `inspect.ismethoddescriptor` and
//! `types.MethodDescriptorType` follow the same line.
//!
//! How: a method installed by `add_method` is a `BuiltinFunction` with no receiver whose
//! `data` is the type it belongs to (its `__objclass__`); `gilvm_object::types::type_of_obj`
//! answers `method_descriptor` for exactly those (`payload::is_method_descriptor`). Calls
//! and binding are unchanged (`attr.rs` binds any unbound builtin method found on an
//! instance's type). This file gives the type its CPython surface: `__get__`,
//! `__reduce__`, `__objclass__`, `__qualname__` (`list.append`) and the repr
//! (`<method 'append' of 'list' objects>`, in repr.rs).
//!
//! Invariant: `data` holds a type object only for method descriptors; tagged builtins keep
//! a str tag there (`"static"`, `"sq_repeat"`, …) and stay `builtin_function_or_method`.
use gilvm_object::payload::{is_method_descriptor, BoundMethod};
use gilvm_object::types::{is_subtype, type_name, type_of};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Adds the methods and attributes of `method_descriptor`.
pub fn register(interp: &mut Interp) {
    let t = interp.g.types.method_descriptor.clone();
    super::add_method(interp, &t, "__get__", descr_get);
    super::add_method(interp, &t, "__reduce__", descr_reduce);
    super::add_getset(interp, &t, "__objclass__", descr_objclass);
    super::add_getset(interp, &t, "__qualname__", descr_qualname);
    crate::modules::util::set_attr(
        interp,
        &t,
        "__module__",
        Value::Obj(interp.intern("builtins")),
    );
}

/// The descriptor's name and class, if `v` is a method descriptor.
pub fn parts(v: &Value) -> Option<(&'static str, ObjRef)> {
    let Value::Obj(o) = v else { return None };
    match o.payload() {
        Payload::BuiltinFunction(b) if is_method_descriptor(b) => match &b.data {
            Value::Obj(t) => Some((b.name, t.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// `<method 'append' of 'list' objects>`.
pub fn repr_of(v: &Value) -> Option<String> {
    let (name, cls) = parts(v)?;
    Some(format!(
        "<method '{name}' of '{}' objects>",
        type_name(&cls)
    ))
}

fn this<'a>(interp: &Interp, args: &Args<'a>, fname: &str) -> PyResult<(&'static str, ObjRef)> {
    match args.pos().first().and_then(parts) {
        Some(p) => Ok(p),
        None => Err(interp.type_error(format!(
            "descriptor '{fname}' requires a 'method_descriptor' object"
        ))),
    }
}

/// `descr.__get__(obj, type=None)`: the descriptor itself for `None`, else the method bound
/// to `obj`, which must be an instance of the descriptor's class.
fn descr_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (name, cls) = this(interp, &args, "__get__")?;
    let a = args.exact(interp, "__get__", 2, 3)?;
    let obj = &a[1];
    // As CPython 3.14: with no instance the descriptor itself, whatever the owner.
    if obj.is_none() {
        if a.get(2).is_none_or(|t| t.is_none()) {
            return Err(interp.type_error("__get__(None, None) is invalid"));
        }
        return Ok(a[0].clone());
    }
    if !is_subtype(type_of(obj), &cls) {
        return Err(interp.type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            type_name(&cls),
            interp.type_name(obj)
        )));
    }
    Ok(Value::Obj(interp.new_obj(Owned::BoundMethod(
        BoundMethod {
            func: a[0].clone(),
            receiver: obj.clone(),
        },
    ))))
}

/// `descr.__reduce__()`: `(getattr, (objclass, name))`, as CPython's.
fn descr_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (name, cls) = this(interp, &args, "__reduce__")?;
    args.exact(interp, "__reduce__", 1, 1)?;
    let bd = interp.g.builtins_dict.clone();
    let getattr = interp
        .dict_get_str(&bd, &interp.intern("getattr"))
        .ok_or_else(|| interp.type_error("builtins.getattr is missing"))?;
    let inner = interp.new_tuple(vec![Value::Obj(cls), interp.new_str(name)]);
    Ok(interp.new_tuple(vec![getattr, inner]))
}

fn descr_objclass(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, cls) = this(interp, &args, "__objclass__")?;
    Ok(Value::Obj(cls))
}

/// `list.append.__qualname__` is `'list.append'`: the class's qualified name, a dot and
/// the method's name.
fn descr_qualname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (name, cls) = this(interp, &args, "__qualname__")?;
    let q = interp.getattr(&Value::Obj(cls), &interp.intern("__qualname__"))?;
    let q = q.as_str().map(str::to_string).unwrap_or_default();
    Ok(interp.new_str(format!("{q}.{name}")))
}
