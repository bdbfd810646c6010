//! Subclasses of `module` (`class M(types.ModuleType)`) and `__class__` assignment on
//! modules (issue 19, branch natives).
//!
//! # Why
//! The Lib derives from the module type in a few places that every larger program
//! reaches: `importlib.util._LazyModule` (so `importlib.util`, and through it `zipfile`,
//! `pkgutil`, `runpy`, `pydoc`, …, cannot even be imported without it), and
//! `LazyLoader.exec_module` turns a plain module into a `_LazyModule` with
//! `module.__class__ = _LazyModule`, as CPython allows for module subclasses.
//!
//! # Representation
//! A module, of the plain type or of a subclass, is one `Payload::Module`: its name, its
//! namespace dict, and its class in a `ClassSlot` (read with one load, replaced with the
//! world stopped, exactly as an instance's class; `gilvm_object::instclass`). A subclass
//! has the layout `Layout::Base(BuiltinBase::Module)`; `module.__new__(cls, …)` makes a
//! module whose slot names `cls`, and `module.__init__(name, doc=None)` fills its dict.
//!
//! # Attribute lookup
//! The plain module keeps its fast paths (the attribute cache of `LOAD_ATTR`, the dict
//! first). A module whose class is a subclass goes through this file: the class's
//! `__getattribute__` when it overrides it, else the generic order (data descriptors of
//! the class, the module's dict, other class attributes), then the class's `__getattr__`.
//! `object.__getattribute__(m, name)` (from an override) is the generic order.
use gilvm_object::instclass::ClassSlot;
use gilvm_object::payload::Module;
use gilvm_object::types::{is_subtype, lookup, type_name, Layout, TypeObject};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Is `m` (a module payload's owner) an instance of a proper subclass of `module`?
#[inline]
pub fn is_sub_module(interp: &Interp, m: &gilvm_object::payload::Module) -> bool {
    !m.class.is(&interp.g.types.module)
}

fn as_type(t: &ObjRef) -> Option<&TypeObject> {
    match t.payload() {
        Payload::Type(t) => Some(t),
        _ => None,
    }
}

impl Interp {
    /// `m.name` for a module of a subclass of `module`: the class's `__getattribute__`
    /// override, else the generic lookup, then the class's `__getattr__`.
    pub(crate) fn sub_module_getattr(
        &mut self,
        o: &Value,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        let cls = gilvm_object::types::type_of(o).clone();
        let ga_name = self.g.names.getattribute.clone();
        let overridden = match lookup(self.py, &cls, &ga_name) {
            Some(Value::Obj(f)) => !matches!(f.payload(), Payload::BuiltinFunction(_)),
            _ => false,
        };
        let r = if overridden {
            let Some(ga) = lookup(self.py, &cls, &ga_name) else {
                return Ok(None);
            };
            self.call_method_value(&ga, o, &[Value::Obj(name.clone())])
                .map(Some)
        } else {
            self.sub_module_generic_getattr(o, name)
        };
        let err = match r {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) => None,
            Err(e) if self.matches(&e, &self.g.exc.attribute_error.clone()) => Some(e),
            Err(e) => return Err(e),
        };
        if let Some(gf) = lookup(self.py, &cls, &self.g.names.getattr.clone()) {
            return self
                .call_method_value(&gf, o, &[Value::Obj(name.clone())])
                .map(Some);
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `object.__getattribute__(m, name)` for a module of a subclass of `module`.
    pub(crate) fn sub_module_generic_getattr(
        &mut self,
        o: &Value,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        let Value::Obj(obj) = o else { return Ok(None) };
        let Payload::Module(m) = obj.payload() else {
            return Ok(None);
        };
        let cls = m.class.clone();
        let attr = lookup(self.py, &cls, name);
        if let Some(Value::Obj(ao)) = &attr {
            if let Payload::Property(p) = ao.payload() {
                if p[0].is_none() {
                    return Err(self.attribute_error(format!(
                        "property '{}' of '{}' object has no getter",
                        crate::eval::str_of(name),
                        type_name(&cls)
                    )));
                }
                let getter = p[0].clone();
                return self.call1(&getter, std::slice::from_ref(o)).map(Some);
            }
        }
        if let Some(a) = &attr {
            if self.is_data_descriptor(a) {
                return self.bind_attr(a.clone(), o, &cls).map(Some);
            }
        }
        if let Some(v) = self.dict_get_str(&m.dict, name) {
            return Ok(Some(v));
        }
        if name.is(&self.g.names.dict) {
            return Ok(Some(Value::Obj(m.dict.clone())));
        }
        if name.is(&self.g.names.class) {
            return Ok(Some(Value::Obj(cls)));
        }
        if let Some(a) = attr {
            return self.bind_attr(a, o, &cls).map(Some);
        }
        if crate::eval::str_of(name) == "__annotations__" {
            let d = m.dict.clone();
            return self.module_annotations(&d).map(Some);
        }
        Ok(None)
    }

    /// Is class attribute `a` (not a property) a data descriptor: an object whose type has
    /// `__set__`?
    fn is_data_descriptor(&mut self, a: &Value) -> bool {
        let Value::Obj(ao) = a else { return false };
        match ao.payload() {
            Payload::Instance(_) | Payload::Native(_) => self
                .lookup_special_name(a, &gilvm_object::static_name!(self.py, "__set__"))
                .is_some(),
            _ => false,
        }
    }

    /// `m.__class__ = v` for a module `m`: allowed between `module` and its subclasses
    /// (CPython: "only supported for mutable types or ModuleType subclasses").
    pub(crate) fn module_set_class(&mut self, obj: &ObjRef, v: &Value) -> PyResult<()> {
        let Payload::Module(m) = obj.payload() else {
            return Ok(());
        };
        let newto = match v {
            Value::Obj(c) if matches!(c.payload(), Payload::Type(_)) => c.clone(),
            _ => {
                return Err(self.type_error(format!(
                    "__class__ must be set to a class, not '{}' object",
                    self.type_name(v)
                )))
            }
        };
        let module_t = self.g.types.module.clone();
        if !is_subtype(&newto, &module_t) {
            let heap = as_type(&newto).is_some_and(|t| t.is_heap);
            if !heap {
                return Err(self.type_error(
                    "__class__ assignment only supported for mutable types or ModuleType subclasses",
                ));
            }
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                type_name(&newto),
                type_name(&m.class)
            )));
        }
        let ts = self.thread_state.clone();
        let gil = self.g.gil;
        let old = gil.with_world_stopped(&ts, |stopped| m.class.replace(stopped, newto.clone()));
        drop(old);
        Ok(())
    }
}

/// `module.__new__(cls, *args, **kwargs)` for a proper subclass `cls` of `module`: a module
/// of class `cls` named by a str first argument (its `__init__` fills the dict).
pub(crate) fn new_sub_module(interp: &mut Interp, cls: &ObjRef, args: &Args<'_>) -> PyResult {
    let t = as_type(cls).map(|t| (t.layout, t.is_heap));
    if !matches!(
        t,
        Some((
            Layout::Base(gilvm_object::payload::BuiltinBase::Module),
            true
        ))
    ) {
        let n = type_name(cls);
        return Err(interp.type_error(format!(
            "module.__new__({n}): {n} is not a subtype of module"
        )));
    }
    let name = args
        .pos()
        .get(1)
        .and_then(|v| v.as_str())
        .unwrap_or("?")
        .to_string();
    // A plain module's name and dict, in a module whose slot names `cls`.
    let plain = interp.new_module(&name);
    let Payload::Module(pm) = plain.payload() else {
        return Err(interp.runtime_error("cannot create a module"));
    };
    let m = interp.new_obj(Owned::Module(Module {
        name: pm.name.clone(),
        dict: pm.dict.clone(),
        class: ClassSlot::new(cls.clone()),
    }));
    Ok(Value::Obj(m))
}

/// `module.__init__(self, name, doc=None)`: CPython's `module___init___impl`.
pub(crate) fn module_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    args.check_kw(interp, "module", &["name", "doc"])?;
    let Some(Value::Obj(me)) = pos.first() else {
        return Err(interp.type_error("descriptor '__init__' of 'module' object needs an argument"));
    };
    let Payload::Module(m) = me.payload() else {
        return Err(interp.type_error(format!(
            "descriptor '__init__' requires a 'module' object but received a '{}'",
            interp.type_name(&pos[0])
        )));
    };
    if pos.len() > 3 {
        return Err(interp.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    let Some(name) = pos.get(1).or_else(|| args.kw("name")).cloned() else {
        return Err(interp.type_error("module() missing required argument 'name' (pos 1)"));
    };
    if name.as_str().is_none() {
        return Err(interp.type_error(format!(
            "module() argument 'name' must be str, not {}",
            interp.type_name(&name)
        )));
    }
    let doc = pos
        .get(2)
        .or_else(|| args.kw("doc"))
        .cloned()
        .unwrap_or(Value::None);
    let d = m.dict.clone();
    let names = [
        ("__name__", name),
        ("__doc__", doc),
        ("__package__", Value::None),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ];
    for (k, v) in names {
        let k = interp.intern(k);
        interp.dict_set_str(&d, k, v);
    }
    Ok(Value::None)
}
