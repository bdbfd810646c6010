//! `property`, `classmethod` and `staticmethod`: their constructors, the `property`
//! methods (`getter`/`setter`/`deleter`, `__get__`/`__set__`/`__delete__`), `__get__` of
//! the method wrappers, and their subclasses.
//!
//! A plain descriptor is its own payload (`Payload::Property`, `ClassMethod`,
//! `StaticMethod`), which attribute lookup (`attr.rs`) recognises directly. An instance of a
//! subclass (`class cached(property)`) is an instance whose `InstanceBase::Descriptor`
//! holds the plain descriptor it behaves as (`builtin_sub.rs`): `T.__new__(cls)` makes it
//! with an empty descriptor, `T.__init__(self, …)` builds the real one (CPython's order, so
//! a subclass's `__init__` may take other arguments and call `super().__init__(…)`), and
//! attribute lookup treats it as any instance whose type defines `__get__` (and, for a
//! property, `__set__`/`__delete__`: a data descriptor), which finds the natives below
//! unless the subclass overrides them. `fget`/`fset`/`fdel`/`__func__` are data descriptors
//! of the base type, so `self.fget` works in a subclass's methods.
use gilvm_object::payload::{BoundMethod, InstanceBase, SubDescriptor};
use gilvm_object::types::type_of;
use gilvm_object::{Owned, Payload, Value};

use super::{add_getset, add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The state of an instance of a subclass of a descriptor type, if `v` is one.
fn sub_state(v: &Value) -> Option<&gilvm_sync::ObjCell<SubDescriptor>> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Instance(i) => match &i.base {
                InstanceBase::Descriptor(d) => Some(d),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The plain descriptor `v` is (a `property`, `classmethod`, `staticmethod` object), or
/// holds (an instance of a subclass of one), with the attribute name a subclass instance
/// was given by `__set_name__` (None otherwise).
fn plain_of(interp: &Interp, v: &Value) -> Option<(Value, Value)> {
    if let Value::Obj(o) = v {
        if matches!(
            o.payload(),
            Payload::Property(_) | Payload::ClassMethod(_) | Payload::StaticMethod(_)
        ) {
            return Some((v.clone(), Value::None));
        }
    }
    sub_state(v).map(|d| d.with(interp.py, |d| (d.desc.clone(), d.name.clone())))
}

/// The receiver's property slots `[fget, fset, fdel]` and name.
fn property_parts(interp: &Interp, v: &Value, what: &str) -> PyResult<([Value; 3], Value)> {
    if let Some((Value::Obj(p), name)) = plain_of(interp, v) {
        if let Payload::Property(pp) = p.payload() {
            return Ok(((**pp).clone(), name));
        }
    }
    Err(interp.type_error(format!(
        "descriptor '{what}' for 'property' objects doesn't apply to a '{}' object",
        interp.type_name(v)
    )))
}

/// The wrapped callable of a `classmethod`/`staticmethod` (or subclass instance).
fn wrapped(interp: &Interp, v: &Value, ty: &str, what: &str) -> PyResult<Value> {
    if let Some((Value::Obj(p), _)) = plain_of(interp, v) {
        match p.payload() {
            Payload::ClassMethod(f) if ty == "classmethod" => return Ok(f.clone()),
            Payload::StaticMethod(f) if ty == "staticmethod" => return Ok(f.clone()),
            _ => {}
        }
    }
    Err(interp.type_error(format!(
        "descriptor '{what}' for '{ty}' objects doesn't apply to a '{}' object",
        interp.type_name(v)
    )))
}

/// "property 'x' of 'T' object has no getter" (without the name when it is unknown).
fn missing(interp: &Interp, name: &Value, obj: &Value, what: &str) -> crate::error::PyErr {
    let who = match name.as_str() {
        Some(n) => format!("property '{n}'"),
        None => "property".to_string(),
    };
    interp.attribute_error(format!(
        "{who} of '{}' object has no {what}",
        interp.type_name(obj)
    ))
}

// ---- property ----

/// `property(fget=None, fset=None, fdel=None, doc=None)`'s arguments as the three slots.
fn property_args(interp: &Interp, args: &Args<'_>, skip: usize) -> PyResult<[Value; 3]> {
    args.check_kw(interp, "property", &["fget", "fset", "fdel", "doc"])?;
    let a = &args.pos()[skip.min(args.pos().len())..];
    if a.len() > 4 {
        return Err(interp.type_error(format!(
            "property() takes at most 4 arguments ({} given)",
            a.len()
        )));
    }
    let get = |i: usize, k: &str| {
        a.get(i)
            .cloned()
            .or_else(|| args.kw(k).cloned())
            .unwrap_or(Value::None)
    };
    Ok([get(0, "fget"), get(1, "fset"), get(2, "fdel")])
}

fn property_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = interp.g.types.property.clone();
    if let Some(cls) = crate::builtin_sub::new_target(interp, &args, &t)? {
        // The arguments are `__init__`'s.
        let empty = Owned::Property(Box::new([Value::None, Value::None, Value::None]));
        return Ok(crate::builtin_sub::descriptor_instance(interp, &cls, empty));
    }
    let p = property_args(interp, &args, 1)?;
    Ok(Value::Obj(interp.new_obj(Owned::Property(Box::new(p)))))
}

/// `property.__init__(self, fget=None, fset=None, fdel=None, doc=None)`: builds the
/// property of an instance of a subclass and stores its `__doc__` (the `doc` argument, else
/// the getter's) in the instance's `__dict__`, as CPython does for subclasses. A plain
/// property was built by `__new__`.
fn property_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(recv) = args.pos().first() else {
        return Err(
            interp.type_error("descriptor '__init__' of 'property' object needs an argument")
        );
    };
    let p = property_args(interp, &args, 1)?;
    let Some(state) = sub_state(recv) else {
        return Ok(Value::None);
    };
    let doc = match args.pos().get(4).or(args.kw("doc")) {
        Some(d) if !d.is_none() => d.clone(),
        _ if !p[0].is_none() => {
            let n = interp.intern("__doc__");
            interp.getattr_optional(&p[0], &n)?.unwrap_or(Value::None)
        }
        _ => Value::None,
    };
    let desc = Value::Obj(interp.new_obj(Owned::Property(Box::new(p))));
    // (The old value is dropped after the section: a container lock is a leaf lock.)
    drop(state.with(interp.py, |d| std::mem::replace(&mut d.desc, desc)));
    if let Value::Obj(o) = recv {
        if let Payload::Instance(i) = o.payload() {
            if i.has_dict() {
                i.attr_set(interp.py, interp.intern("__doc__"), doc);
            }
        }
    }
    Ok(Value::None)
}

/// `property.__set_name__(self, owner, name)`: a subclass instance keeps the name for its
/// error messages (a plain property is named by the attribute lookup that finds it).
fn property_set_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__set_name__", 3, 3)?;
    if let Some(state) = sub_state(&a[0]) {
        let name = a[2].clone();
        drop(state.with(interp.py, |d| std::mem::replace(&mut d.name, name)));
    }
    Ok(Value::None)
}

/// `getter`/`setter`/`deleter`: a copy with one function replaced. For a subclass,
/// `type(self)(fget, fset, fdel, None)`, as CPython's `property_copy`.
fn property_with(interp: &mut Interp, args: Args<'_>, slot: usize, what: &str) -> PyResult {
    let a = args.exact(interp, what, 2, 2)?;
    let (mut p, name) = property_parts(interp, &a[0], what)?;
    p[slot] = a[1].clone();
    if sub_state(&a[0]).is_some() {
        let cls = Value::Obj(type_of(&a[0]).clone());
        let [g, s, d] = p;
        let new = interp.call1(&cls, &[g, s, d, Value::None])?;
        if let Some(st) = sub_state(&new) {
            drop(st.with(interp.py, |d| std::mem::replace(&mut d.name, name)));
        }
        return Ok(new);
    }
    Ok(Value::Obj(interp.new_obj(Owned::Property(Box::new(p)))))
}
fn property_getter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    property_with(interp, args, 0, "getter")
}
fn property_setter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    property_with(interp, args, 1, "setter")
}
fn property_deleter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    property_with(interp, args, 2, "deleter")
}

/// `property.__get__(self, obj, type=None)`: `self` through the class, else `fget(obj)`.
fn property_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__get__", 2, 3)?;
    let (p, name) = property_parts(interp, &a[0], "__get__")?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    if p[0].is_none() {
        return Err(missing(interp, &name, &a[1], "getter"));
    }
    interp.call1(&p[0], &[a[1].clone()])
}

/// `property.__set__(self, obj, value)`: `fset(obj, value)`.
fn property_set(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__set__", 3, 3)?;
    let (p, name) = property_parts(interp, &a[0], "__set__")?;
    if p[1].is_none() {
        return Err(missing(interp, &name, &a[1], "setter"));
    }
    interp.call1(&p[1], &[a[1].clone(), a[2].clone()])?;
    Ok(Value::None)
}

/// `property.__delete__(self, obj)`: `fdel(obj)`.
fn property_delete(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delete__", 2, 2)?;
    let (p, name) = property_parts(interp, &a[0], "__delete__")?;
    if p[2].is_none() {
        return Err(missing(interp, &name, &a[1], "deleter"));
    }
    interp.call1(&p[2], &[a[1].clone()])?;
    Ok(Value::None)
}

fn property_slot(interp: &mut Interp, args: Args<'_>, slot: usize, what: &str) -> PyResult {
    let a = args.exact(interp, what, 1, 1)?;
    Ok(property_parts(interp, &a[0], what)?.0[slot].clone())
}
fn property_fget(interp: &mut Interp, args: Args<'_>) -> PyResult {
    property_slot(interp, args, 0, "fget")
}
fn property_fset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    property_slot(interp, args, 1, "fset")
}
fn property_fdel(interp: &mut Interp, args: Args<'_>) -> PyResult {
    property_slot(interp, args, 2, "fdel")
}

// ---- classmethod and staticmethod ----

/// The one argument of `classmethod(f)` / `staticmethod(f)` (`skip`: the class or receiver).
fn wrapper_arg<'a>(interp: &Interp, args: &Args<'a>, ty: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{ty}() takes no keyword arguments")));
    }
    let a = &args.pos()[1.min(args.pos().len())..];
    if a.len() != 1 {
        return Err(interp.type_error(format!("{ty} expected 1 argument, got {}", a.len())));
    }
    Ok(&a[0])
}

fn wrapper_new(interp: &mut Interp, args: Args<'_>, cm: bool) -> PyResult {
    let (t, ty) = if cm {
        (interp.g.types.classmethod.clone(), "classmethod")
    } else {
        (interp.g.types.staticmethod.clone(), "staticmethod")
    };
    let make = |f: Value| {
        if cm {
            Owned::ClassMethod(f)
        } else {
            Owned::StaticMethod(f)
        }
    };
    if let Some(cls) = crate::builtin_sub::new_target(interp, &args, &t)? {
        // The arguments are `__init__`'s.
        return Ok(crate::builtin_sub::descriptor_instance(
            interp,
            &cls,
            make(Value::None),
        ));
    }
    let f = wrapper_arg(interp, &args, ty)?.clone();
    Ok(Value::Obj(interp.new_obj(make(f))))
}

fn classmethod_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    wrapper_new(interp, args, true)
}

fn staticmethod_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    wrapper_new(interp, args, false)
}

/// `classmethod.__init__(self, f)` / `staticmethod.__init__(self, f)`: wraps `f` (for an
/// instance of a subclass; a plain one was built by `__new__`).
fn wrapper_init(interp: &mut Interp, args: Args<'_>, cm: bool) -> PyResult {
    let ty = if cm { "classmethod" } else { "staticmethod" };
    let f = wrapper_arg(interp, &args, ty)?.clone();
    if let Some(state) = sub_state(&args.pos()[0]) {
        let desc = Value::Obj(interp.new_obj(if cm {
            Owned::ClassMethod(f)
        } else {
            Owned::StaticMethod(f)
        }));
        // (The old value is dropped after the section: a container lock is a leaf lock.)
        drop(state.with(interp.py, |d| std::mem::replace(&mut d.desc, desc)));
    }
    Ok(Value::None)
}

fn classmethod_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    wrapper_init(interp, args, true)
}

fn staticmethod_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    wrapper_init(interp, args, false)
}

/// `classmethod.__get__(self, obj, type=None)`: the function bound to `type` (or to
/// `type(obj)`).
fn classmethod_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__get__", 2, 3)?;
    let f = wrapped(interp, &a[0], "classmethod", "__get__")?;
    let cls = match a.get(2) {
        Some(t) if !t.is_none() => t.clone(),
        _ => Value::Obj(type_of(&a[1]).clone()),
    };
    Ok(Value::Obj(interp.new_obj(Owned::BoundMethod(
        BoundMethod {
            func: f,
            receiver: cls,
        },
    ))))
}

/// `staticmethod.__get__(self, obj, type=None)`: the function itself.
fn staticmethod_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__get__", 2, 3)?;
    wrapped(interp, &a[0], "staticmethod", "__get__")
}

/// `staticmethod.__call__(self, *args, **kw)`: calls the function (staticmethod objects
/// are callable).
fn staticmethod_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(recv) = args.pos().first() else {
        return Err(
            interp.type_error("descriptor '__call__' of 'staticmethod' object needs an argument")
        );
    };
    let f = wrapped(interp, recv, "staticmethod", "__call__")?;
    interp.call(
        &f,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

fn classmethod_func(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__func__", 1, 1)?;
    wrapped(interp, &a[0], "classmethod", "__func__")
}

fn staticmethod_func(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__func__", 1, 1)?;
    wrapped(interp, &a[0], "staticmethod", "__func__")
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    let (p, cm, sm) = (
        t.property.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
    );
    add_static(interp, &p, "__new__", property_new);
    add_method(interp, &p, "__init__", property_init);
    add_method(interp, &p, "__set_name__", property_set_name);
    add_method(interp, &p, "getter", property_getter);
    add_method(interp, &p, "setter", property_setter);
    add_method(interp, &p, "deleter", property_deleter);
    add_method(interp, &p, "__get__", property_get);
    add_method(interp, &p, "__set__", property_set);
    add_method(interp, &p, "__delete__", property_delete);
    add_getset(interp, &p, "fget", property_fget);
    add_getset(interp, &p, "fset", property_fset);
    add_getset(interp, &p, "fdel", property_fdel);
    add_static(interp, &cm, "__new__", classmethod_new);
    add_method(interp, &cm, "__init__", classmethod_init);
    add_method(interp, &cm, "__get__", classmethod_get);
    add_getset(interp, &cm, "__func__", classmethod_func);
    add_static(interp, &sm, "__new__", staticmethod_new);
    add_method(interp, &sm, "__init__", staticmethod_init);
    add_method(interp, &sm, "__get__", staticmethod_get);
    add_method(interp, &sm, "__call__", staticmethod_call);
    add_getset(interp, &sm, "__func__", staticmethod_func);
}
