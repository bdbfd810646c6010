//! `types.SimpleNamespace`, the type of `sys.implementation` (issue 19: the Lib's `types`
//! takes `SimpleNamespace = type(sys.implementation)`).
//!
//! Its instances are plain instances with a `__dict__` (`Layout::Object`), so attribute
//! reads and writes take the interpreter's usual paths; the type adds CPython's
//! `__init__(mapping_or_iterable=(), /, **kwargs)`, the `namespace(a=1)` repr (the class
//! name for a subclass), equality of the dicts, `__reduce__` and `__replace__`. It is
//! created at start-up (`sys` needs it), in Rust, so start-up imports nothing.
use std::sync::OnceLock;

use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::modules::util::{set_short_name, Statics};

static TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

/// The `types.SimpleNamespace` type.
pub fn namespace_type(interp: &mut Interp) -> ObjRef {
    TYPE.get_or_init(|| Statics(create(interp))).0.clone()
}

fn create(interp: &mut Interp) -> ObjRef {
    let dict = ObjRef::new_immortal(interp.py, Owned::Dict(gilvm_object::dict::PyDict::new()));
    let object = interp.g.types.object.clone();
    let t = new_type(
        interp.py,
        "types.SimpleNamespace",
        vec![object.clone()],
        vec![object],
        dict,
        Layout::Object,
        false,
    );
    t.make_immortal();
    set_short_name(interp, &t, "SimpleNamespace", "types");
    for (n, f) in [
        ("__init__", ns_init as crate::interp::NativeFn),
        ("__repr__", ns_repr),
        ("__eq__", ns_eq),
        ("__ne__", ns_ne),
        ("__reduce__", ns_reduce),
        ("__replace__", ns_replace),
    ] {
        super::add_method(interp, &t, n, f);
    }
    let none = Value::None;
    if let Payload::Type(tt) = t.payload() {
        tt.dict()
            .set_str(interp.py, interp.intern("__hash__"), none);
    }
    t
}

/// A new namespace with the attributes `items`, in order.
pub fn new_namespace(interp: &mut Interp, items: Vec<(&str, Value)>) -> PyResult {
    let t = namespace_type(interp);
    let ns = interp.new_instance(&t)?;
    for (k, v) in items {
        let k = interp.intern(k);
        interp.setattr(&ns, &k, v)?;
    }
    Ok(ns)
}

fn is_namespace(interp: &mut Interp, v: &Value) -> bool {
    let t = namespace_type(interp);
    gilvm_object::types::is_subtype(gilvm_object::types::type_of(v), &t)
}

fn self_check(interp: &mut Interp, v: &Value, name: &str) -> PyResult<()> {
    if is_namespace(interp, v) {
        return Ok(());
    }
    Err(interp.type_error(format!(
        "descriptor '{name}' requires a 'types.SimpleNamespace' object but received a '{}'",
        interp.type_name(v)
    )))
}

/// The instance dict of namespace `v`.
fn ns_dict(interp: &mut Interp, v: &Value) -> PyResult<ObjRef> {
    let d = interp.getattr_str(v, "__dict__")?;
    match d {
        Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => Ok(o),
        _ => Err(interp.type_error("namespace without a __dict__")),
    }
}

fn ns_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    self_check(interp, &pos[0], "__init__")?;
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "SimpleNamespace expected at most 1 positional argument, got {}",
            pos.len() - 1
        )));
    }
    let me = pos[0].clone();
    if let Some(src) = pos.get(1) {
        let dict_type = Value::Obj(interp.g.types.dict.clone());
        let d = interp.call1(&dict_type, std::slice::from_ref(src))?;
        let Value::Obj(d) = d else { unreachable!() };
        for (k, v) in interp.dict_items(&d)? {
            let Value::Obj(ko) = &k else {
                return Err(interp.type_error(format!(
                    "keywords must be strings, not '{}'",
                    interp.type_name(&k)
                )));
            };
            if k.as_str().is_none() {
                return Err(interp.type_error(format!(
                    "keywords must be strings, not '{}'",
                    interp.type_name(&k)
                )));
            }
            interp.setattr(&me, ko, v)?;
        }
    }
    for (k, v) in args.kwargs() {
        let k = interp.intern(k);
        interp.setattr(&me, &k, v.clone())?;
    }
    Ok(Value::None)
}

fn ns_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    self_check(interp, &a[0], "__repr__")?;
    let t = namespace_type(interp);
    let ty = gilvm_object::types::type_of(&a[0]).clone();
    let name = if ty.is(&t) {
        "namespace".to_string()
    } else {
        gilvm_object::types::type_name(&ty).to_string()
    };
    let Value::Obj(o) = &a[0] else { unreachable!() };
    if !crate::repr::enter(o) {
        return Ok(interp.new_str(format!("{name}(...)")));
    }
    let r = (|| -> PyResult<String> {
        let d = ns_dict(interp, &a[0])?;
        let mut parts = Vec::new();
        for (k, v) in interp.dict_items(&d)? {
            if let Some(ks) = k.as_str() {
                let ks = ks.to_string();
                let vr = interp.repr(&v)?;
                parts.push(format!("{ks}={vr}"));
            }
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    crate::repr::leave();
    Ok(interp.new_str(r?))
}

fn ns_cmp(interp: &mut Interp, args: &Args<'_>, name: &str) -> PyResult<Option<bool>> {
    let a = args.exact(interp, name, 2, 2)?;
    self_check(interp, &a[0], name)?;
    if !is_namespace(interp, &a[1]) {
        return Ok(None);
    }
    let x = ns_dict(interp, &a[0])?;
    let y = ns_dict(interp, &a[1])?;
    interp.eq(&Value::Obj(x), &Value::Obj(y)).map(Some)
}

fn ns_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(match ns_cmp(interp, &args, "__eq__")? {
        Some(b) => Value::Bool(b),
        None => interp.not_implemented(),
    })
}

fn ns_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(match ns_cmp(interp, &args, "__ne__")? {
        Some(b) => Value::Bool(!b),
        None => interp.not_implemented(),
    })
}

/// `(type(self), (), self.__dict__)`.
fn ns_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reduce__", 1, 1)?;
    self_check(interp, &a[0], "__reduce__")?;
    let ty = Value::Obj(gilvm_object::types::type_of(&a[0]).clone());
    let d = ns_dict(interp, &a[0])?;
    let empty = interp.new_tuple(vec![]);
    Ok(interp.new_tuple(vec![ty, empty, Value::Obj(d)]))
}

/// `copy.replace(ns, **changes)`: a new namespace of the same type.
fn ns_replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(interp.type_error("__replace__() takes no positional arguments"));
    }
    self_check(interp, &pos[0], "__replace__")?;
    let ty = gilvm_object::types::type_of(&pos[0]).clone();
    let new = interp.call1(&Value::Obj(ty), &[])?;
    let d = ns_dict(interp, &pos[0])?;
    for (k, v) in interp.dict_items(&d)? {
        if let Value::Obj(ko) = &k {
            interp.setattr(&new, ko, v)?;
        }
    }
    for (k, v) in args.kwargs() {
        let k = interp.intern(k);
        interp.setattr(&new, &k, v.clone())?;
    }
    Ok(new)
}
