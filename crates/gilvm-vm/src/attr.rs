//! Attribute access in CPython's order: data descriptors on the type (properties), the
//! instance dict, then non-data descriptors and plain class attributes, then
//! `__getattr__`. Also method lookup for `LoadMethod` without creating bound methods.
use gilvm_object::payload::{BoundMethod, Instance, InstanceBase};
use gilvm_object::types::{
    as_type, is_subtype, lookup, type_of, HOOK_DELATTR, HOOK_GETATTRIBUTE, HOOK_SETATTR,
};
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::eval::str_of;
use crate::interp::Interp;

/// The attribute hooks (`TypeObject::attr_hooks`) of type object `t`.
#[inline]
fn hooks_of(py: gilvm_object::Py<'_>, t: &ObjRef) -> u8 {
    as_type(t).map_or(0, |t| t.attr_hooks(py))
}

impl Interp {
    pub fn getattr_str(&mut self, o: &Value, name: &str) -> PyResult {
        let n = self.intern(name);
        self.getattr(o, &n)
    }

    pub fn has_attr_str(&mut self, o: &Value, name: &str) -> bool {
        self.getattr_str(o, name).is_ok()
    }

    /// `o.name`.
    pub fn getattr(&mut self, o: &Value, name: &ObjRef) -> PyResult {
        match self.getattr_opt(o, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attr(o, name)),
        }
    }

    /// The AttributeError for a missing attribute.
    pub fn no_attr(&mut self, o: &Value, name: &ObjRef) -> crate::error::PyErr {
        let n = str_of(name);
        let msg = match o {
            Value::Obj(x) => match x.payload() {
                Payload::Module(m) => format!(
                    "module '{}' has no attribute '{n}'",
                    m.name.as_str().unwrap_or("?")
                ),
                Payload::Type(t) => format!("type object '{}' has no attribute '{n}'", t.name),
                // CPython names C types by their full tp_name here.
                Payload::Native(nat) if crate::modules::thread::is_local_type(&nat.class) => {
                    format!("'_thread._local' object has no attribute '{n}'")
                }
                _ => format!("'{}' object has no attribute '{n}'", self.type_name(o)),
            },
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(o)),
        };
        let e = self.attribute_error(msg);
        let _ = self.setattr_exc_fields(&e, o, name);
        e
    }

    fn setattr_exc_fields(
        &mut self,
        e: &crate::error::PyErr,
        o: &Value,
        name: &ObjRef,
    ) -> PyResult<()> {
        if let Payload::Instance(i) = e.0.payload() {
            if i.has_dict() {
                i.attr_set(self.py, self.intern("name"), Value::Obj(name.clone()));
                i.attr_set(self.py, self.intern("obj"), o.clone());
            }
        }
        Ok(())
    }

    /// `o.name`, or None when `o` has no such attribute (an AttributeError is swallowed, as
    /// CPython's `PyObject_GetOptionalAttr`).
    pub fn getattr_optional(&mut self, o: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        match self.getattr_opt(o, name) {
            Ok(v) => Ok(v),
            Err(e) if self.matches(&e, &self.g.exc.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `o.name`, or None when missing (AttributeError from `__getattr__` included):
    /// `type(o).__getattribute__` (an override in Python, or `object`'s generic lookup),
    /// then `__getattr__` if that raised AttributeError or found nothing.
    pub fn getattr_opt(&mut self, o: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        if let Value::Obj(obj) = o {
            match obj.payload() {
                Payload::Module(m) => {
                    if crate::module_sub::is_sub_module(self, m) {
                        return self.sub_module_getattr(o, name);
                    }
                    if let Some(v) = self.dict_get_str(&m.dict, name) {
                        return Ok(Some(v));
                    }
                    if name.is(&self.g.names.dict) {
                        return Ok(Some(Value::Obj(m.dict.clone())));
                    }
                    if name.is(&self.g.names.class) {
                        return Ok(Some(Value::Obj(self.g.types.module.clone())));
                    }
                    if str_of(name) == "__annotations__" {
                        // PEP 649: computed from the module's `__annotate__`.
                        let d = m.dict.clone();
                        return self.module_annotations(&d).map(Some);
                    }
                    // Issue 19: the module type's attributes (`__reduce_ex__`, `__dir__`, …),
                    // as CPython's generic lookup finds them.
                    let mt = self.g.types.module.clone();
                    if let Some(a) = lookup(self.py, &mt, name) {
                        return self.bind_attr(a, o, &mt).map(Some);
                    }
                    // PEP 562: the module's own `__getattr__` (issue 19, mp: the Lib's
                    // `concurrent.futures` makes `ProcessPoolExecutor` this way).
                    let ga = self.intern("__getattr__");
                    if let Some(f) = self.dict_get_str(&m.dict, &ga) {
                        return self.call1(&f, &[Value::Obj(name.clone())]).map(Some);
                    }
                    return Ok(None);
                }
                Payload::Type(t) => {
                    if let Some(m) = &t.metatype {
                        if hooks_of(self.py, m) & HOOK_GETATTRIBUTE != 0 {
                            let m = m.clone();
                            return self.getattr_hooked(o, &m, name);
                        }
                    }
                    return match self.type_getattr(obj, name) {
                        Ok(Some(v)) => Ok(Some(v)),
                        Ok(None) => self.getattr_fallback(o, name, None),
                        Err(e) => self.getattr_fallback(o, name, Some(e)),
                    };
                }
                // (A tagged native object, e.g. a shared threading.local, is never a super
                // object: answer without taking its lock.)
                Payload::Native(n)
                    if n.tag == 0
                        && n.data
                            .with(self.py, |d| d.is::<crate::builtins::core::SuperObj>()) =>
                {
                    return self.super_getattr(obj, name)
                }
                Payload::Instance(inst)
                    if inst.class_type().attr_hooks(self.py) & HOOK_GETATTRIBUTE != 0 =>
                {
                    let ty = inst.class.clone();
                    return self.getattr_hooked(o, &ty, name);
                }
                Payload::Native(n) if hooks_of(self.py, &n.class) & HOOK_GETATTRIBUTE != 0 => {
                    let ty = n.class.clone();
                    return self.getattr_hooked(o, &ty, name);
                }
                _ => {}
            }
        }
        match self.generic_getattr(o, name) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => self.getattr_fallback(o, name, None),
            Err(e) => self.getattr_fallback(o, name, Some(e)),
        }
    }

    /// `o.name` through `ty.__getattribute__` written in Python (`ty` is `o`'s type, or
    /// its metaclass for a class), then `ty.__getattr__` if that raised AttributeError.
    fn getattr_hooked(&mut self, o: &Value, ty: &ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
        let ga = lookup(self.py, ty, &self.g.names.getattribute.clone())
            .expect("a class with a __getattribute__ hook has one");
        match self.call_method_value(&ga, o, &[Value::Obj(name.clone())]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.matches(&e, &self.g.exc.attribute_error.clone()) => {
                match lookup(self.py, ty, &self.g.names.getattr.clone()) {
                    Some(gf) => self
                        .call_method_value(&gf, o, &[Value::Obj(name.clone())])
                        .map(Some),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// After `object.__getattribute__` found nothing (`err` None) or raised `err`: the
    /// class's `__getattr__` when it has one and the error is an AttributeError; else
    /// None (missing) or the error.
    fn getattr_fallback(
        &mut self,
        o: &Value,
        name: &ObjRef,
        err: Option<crate::error::PyErr>,
    ) -> PyResult<Option<Value>> {
        if let Some(e) = &err {
            if !self.matches(e, &self.g.exc.attribute_error.clone()) {
                return Err(err.unwrap());
            }
        }
        if let Value::Obj(obj) = o {
            let hooked = match obj.payload() {
                Payload::Instance(_) | Payload::Native(_) => true,
                Payload::Type(t) => t.has_metaclass(),
                _ => false,
            };
            if hooked {
                let ty = type_of(o).clone();
                if let Some(ga) = lookup(self.py, &ty, &self.g.names.getattr.clone()) {
                    return self
                        .call_method_value(&ga, o, &[Value::Obj(name.clone())])
                        .map(Some);
                }
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `object.__getattribute__(o, name)`: data descriptors of the type, the instance's own
    /// attributes, then other class attributes and the special attributes; None when
    /// missing. No `__getattribute__` override and no `__getattr__`.
    pub fn generic_getattr(&mut self, o: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        if let Value::Obj(obj) = o {
            match obj.payload() {
                Payload::Module(m) if crate::module_sub::is_sub_module(self, m) => {
                    return self.sub_module_generic_getattr(o, name)
                }
                Payload::Module(_) => return self.getattr_opt(o, name),
                Payload::Type(_) => return self.type_getattr(obj, name),
                _ => {}
            }
        }
        let ty = type_of(o).clone();
        let attr = lookup(self.py, &ty, name);
        // Data descriptors first.
        if let Some(Value::Obj(a)) = &attr {
            match a.payload() {
                Payload::Property(p) => {
                    let getter = self.property_accessor(p, 0, name, type_of(o))?;
                    return self.call1(&getter, std::slice::from_ref(o)).map(Some);
                }
                Payload::Native(_) => {
                    if let Some((pos, objclass)) = self.member_of(a) {
                        return self.member_get(a, pos, &objclass, o);
                    }
                }
                Payload::Instance(_) => {
                    if self
                        .lookup_special(&Value::Obj(a.clone()), "__set__")
                        .is_some()
                    {
                        if let Some(get) = self.lookup_special(&Value::Obj(a.clone()), "__get__") {
                            let av = Value::Obj(a.clone());
                            return self
                                .call_method_value(&get, &av, &[o.clone(), Value::Obj(ty.clone())])
                                .map(Some);
                        }
                    }
                }
                _ => {}
            }
        }
        // The instance dict.
        if let Value::Obj(obj) = o {
            match obj.payload() {
                Payload::Instance(inst) => {
                    if let Some(v) = inst.attr_get(self.py, name) {
                        return Ok(Some(v));
                    }
                }
                Payload::Function(f) => {
                    if let Some(v) = self.function_attr(f, name)? {
                        return Ok(Some(v));
                    }
                }
                // A native module's function: its module (issue 19, mp: pickle).
                Payload::BuiltinFunction(_) if str_of(name) == "__module__" => {
                    if let Some(m) = crate::builtin_owner::module_of(obj) {
                        return Ok(Some(self.new_str(m)));
                    }
                }
                // A `_thread._local` (or subclass): this thread's dict is its `__dict__`.
                Payload::Native(_) => {
                    if let Some(d) = crate::modules::thread::local_dict(self, obj)? {
                        if let Some(v) = self.dict_get_str(&d, name) {
                            return Ok(Some(v));
                        }
                        if name.is(&self.g.names.dict) {
                            return Ok(Some(Value::Obj(d)));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(a) = attr {
            return Ok(Some(self.bind_attr(a, o, &ty)?));
        }
        self.special_attr(o, name)
    }

    /// A classmethod's function `f` bound to class `cls`. A class method of a builtin type
    /// (`add_classmethod`: a builtin function whose data is its type) becomes a builtin
    /// method of the class, as CPython's `classmethod_descriptor` makes it
    /// (`<built-in method fromkeys of type object at 0x…>`, `__self__` the class); any other
    /// function a bound method.
    pub fn bind_classmethod(&self, f: &Value, cls: &ObjRef) -> Value {
        if let Value::Obj(fo) = f {
            if let Payload::BuiltinFunction(b) = fo.payload() {
                if gilvm_object::payload::is_method_descriptor(b) {
                    return Value::Obj(self.new_obj(Owned::BuiltinFunction(
                        gilvm_object::payload::BuiltinFn {
                            name: b.name,
                            func: b.func,
                            receiver: Some(Value::Obj(cls.clone())),
                            data: b.data.clone(),
                        },
                    )));
                }
            }
        }
        Value::Obj(self.new_obj(Owned::BoundMethod(BoundMethod {
            func: f.clone(),
            receiver: Value::Obj(cls.clone()),
        })))
    }

    /// The `__qualname__` of builtin function `b`: `type.name` for a method bound to a
    /// receiver (the receiver's class, or the receiver itself when it is a class) and for
    /// a static method of a builtin type, the bare name for module functions (CPython's
    /// `meth_get__qualname__`).
    pub fn builtin_qualname(&self, b: &gilvm_object::payload::BuiltinFn) -> String {
        let owner = match &b.receiver {
            Some(Value::Obj(r)) if matches!(r.payload(), Payload::Module(_)) => None,
            Some(Value::Obj(r)) if matches!(r.payload(), Payload::Type(_)) => Some(r.clone()),
            Some(r) => Some(type_of(r).clone()),
            None => crate::builtin_owner::static_owner(b).cloned(),
        };
        match owner {
            Some(t) => {
                let q = match t.payload() {
                    Payload::Type(tt) => tt.qualname.with(self.py, |q| q.clone()),
                    _ => Value::None,
                };
                let q = q
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| gilvm_object::types::type_name(&t).to_string());
                format!("{q}.{}", b.name)
            }
            None => b.name.to_string(),
        }
    }

    /// Binds a class attribute found for instance `o` of type `ty`.
    pub fn bind_attr(&mut self, a: Value, o: &Value, ty: &ObjRef) -> PyResult {
        let Value::Obj(ao) = &a else { return Ok(a) };
        Ok(match ao.payload() {
            Payload::Function(_) | Payload::BuiltinFunction(_) => {
                if let Payload::BuiltinFunction(b) = ao.payload() {
                    if b.receiver.is_some() || crate::builtin_owner::is_static(b) {
                        return Ok(a);
                    }
                }
                Value::Obj(self.new_obj(Owned::BoundMethod(BoundMethod {
                    func: a.clone(),
                    receiver: o.clone(),
                })))
            }
            Payload::ClassMethod(f) => self.bind_classmethod(f, ty),
            Payload::StaticMethod(f) => f.clone(),
            Payload::Instance(_) | Payload::Native(_) => {
                if let Some(get) =
                    self.lookup_special_name(&a, &gilvm_object::static_name!(self.py, "__get__"))
                {
                    return self.call_method_value(&get, &a, &[o.clone(), Value::Obj(ty.clone())]);
                }
                a
            }
            _ => a,
        })
    }

    /// Attribute lookup on a `super()` object: the MRO of the instance's type after the
    /// starting class, bound to the instance.
    fn super_getattr(&mut self, sup: &ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
        let Payload::Native(n) = sup.payload() else {
            return Ok(None);
        };
        let (start, obj) = n.data.with(self.py, |d| {
            let s = d.downcast_ref::<crate::builtins::core::SuperObj>().unwrap();
            (s.start.clone(), s.obj.clone())
        });
        // CPython's supercheck: a class that is a subclass of the starting class is looked up
        // as a class; anything else (a class whose metaclass is the starting class
        // included) as an instance of its type.
        let obj_is_type = matches!(&obj, Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) && is_subtype(o, &start));
        let ty = if obj_is_type {
            obj.as_obj().unwrap().clone()
        } else {
            type_of(&obj).clone()
        };
        let Payload::Type(t) = ty.payload() else {
            return Ok(None);
        };
        // The classes after `start` in the MRO (`ty` itself, then its bases), walked in
        // place (no copy of the MRO per lookup).
        let mut past_start = false;
        for cls in std::iter::once(&ty).chain(t.mro.iter()) {
            if !past_start {
                past_start = cls.is(&start);
                continue;
            }
            let Payload::Type(ct) = cls.payload() else {
                continue;
            };
            if let Some(a) = ct.dict().get_str(self.py, name) {
                if obj.is_none() {
                    return Ok(Some(a));
                }
                if obj_is_type {
                    if let Value::Obj(ao) = &a {
                        match ao.payload() {
                            Payload::ClassMethod(f) => {
                                return Ok(Some(self.bind_classmethod(f, &ty)));
                            }
                            Payload::StaticMethod(f) => return Ok(Some(f.clone())),
                            _ => return Ok(Some(a)),
                        }
                    }
                    return Ok(Some(a));
                }
                if let Value::Obj(ao) = &a {
                    if let Payload::Property(p) = ao.payload() {
                        let g = p[0].clone();
                        return self.call1(&g, std::slice::from_ref(&obj)).map(Some);
                    }
                }
                return Ok(Some(self.bind_attr(a, &obj, &ty)?));
            }
        }
        if crate::eval::str_of(name) == "__class__" {
            return Ok(Some(Value::Obj(n.class.clone())));
        }
        Ok(None)
    }

    /// `cls.name` in CPython's order (`type.__getattribute__`): a data descriptor of the
    /// metaclass, the special attributes of type objects, the class's MRO (descriptors
    /// bound with `__get__(None, cls)`), then the metaclass's attribute bound to the class
    /// (`type.__getattribute__`; the metaclass's `__getattr__` is the caller's, `getattr_opt`).
    fn type_getattr(&mut self, t: &ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
        let Payload::Type(tt) = t.payload() else {
            unreachable!()
        };
        let meta_attr = match &tt.metatype {
            None => None,
            Some(m) => {
                let a = lookup(self.py, m, name);
                if let Some(Value::Obj(ao)) = &a {
                    if let Some(v) = self.meta_data_get(ao, t, m, name)? {
                        return Ok(Some(v));
                    }
                }
                a
            }
        };
        let n = str_of(name);
        // Special attributes of type objects.
        match n {
            // Native types have a dotted internal name (`collections.deque`), as in CPython.
            "__name__" if !tt.is_heap => {
                return Ok(Some(
                    self.new_str(tt.name.rsplit('.').next().unwrap_or(&tt.name)),
                ))
            }
            "__name__" => return Ok(Some(self.new_str(&*tt.name))),
            "__qualname__" => return Ok(Some(tt.qualname.with(self.py, |q| q.clone()))),
            "__mro__" => {
                let mut v = vec![Value::Obj(t.clone())];
                v.extend(tt.mro.iter().map(|m| Value::Obj(m.clone())));
                return Ok(Some(self.new_tuple(v)));
            }
            "__bases__" => {
                let v = tt.bases.iter().map(|m| Value::Obj(m.clone())).collect();
                return Ok(Some(self.new_tuple(v)));
            }
            "__base__" => {
                return Ok(Some(
                    tt.bases
                        .first()
                        .map(|b| Value::Obj(b.clone()))
                        .unwrap_or(Value::None),
                ))
            }
            // Issue 19 (mp): CPython's type flags that the Lib tests (`copyreg` looks for
            // the first non-heap base, `inspect.isabstract` for IS_ABSTRACT).
            "__flags__" => return crate::type_flags::flags(self, t, tt).map(Some),
            // Issue 19: a read-only view of the namespace, as CPython's.
            "__dict__" => {
                return crate::builtins::genericalias::mappingproxy(
                    self,
                    t,
                    &tt.dict.clone(),
                    tt.is_heap,
                )
                .map(Some)
            }
            "__class__" => {
                return Ok(Some(Value::Obj(
                    gilvm_object::types::type_of_obj(t).clone(),
                )))
            }
            "__doc__" => {
                return Ok(Some(
                    tt.dict().get_str(self.py, name).unwrap_or(Value::None),
                ))
            }
            // PEP 649: a class's own annotations, from its `__annotate__` (annotations.rs).
            "__annotations__" if tt.is_heap => return self.type_annotations(t).map(Some),
            "__annotate__" if tt.is_heap => return Ok(Some(self.type_annotate(t))),
            "__type_params__" => {
                return Ok(Some(
                    tt.dict()
                        .get_str(self.py, name)
                        .unwrap_or_else(|| Value::Obj(self.g.empty_tuple.clone())),
                ))
            }
            _ => {}
        }
        if let Some(a) = lookup(self.py, t, name) {
            let Value::Obj(ao) = &a else {
                return Ok(Some(a));
            };
            return Ok(Some(match ao.payload() {
                Payload::ClassMethod(f) => self.bind_classmethod(f, t),
                Payload::StaticMethod(f) => f.clone(),
                Payload::Property(_) => a,
                Payload::Instance(_) => {
                    if let Some(get) = self
                        .lookup_special_name(&a, &gilvm_object::static_name!(self.py, "__get__"))
                    {
                        return self
                            .call_method_value(&get, &a, &[Value::None, Value::Obj(t.clone())])
                            .map(Some);
                    }
                    a
                }
                _ => a,
            }));
        }
        match &tt.metatype {
            Some(m) => {
                // The metaclass's attribute (methods bound to the class), then its
                // `__getattr__`.
                if let Some(a) = meta_attr {
                    return Ok(Some(self.bind_attr(a, &Value::Obj(t.clone()), m)?));
                }
            }
            None => {
                // Attributes of `type` itself (e.g. type.mro).
                if let Some(a) = lookup(self.py, &self.g.types.type_.clone(), name) {
                    return Ok(Some(self.bind_attr(
                        a,
                        &Value::Obj(t.clone()),
                        &self.g.types.type_.clone(),
                    )?));
                }
            }
        }
        if n == "__module__" {
            return Ok(Some(self.new_str("builtins")));
        }
        // Issue 19: a builtin type's computed attribute read on the type
        // (`FunctionType.__code__`): a getset descriptor.
        if !tt.is_heap && crate::builtins::genericalias::is_getset(&tt.name, n) {
            return crate::builtins::genericalias::getset(self, t, name);
        }
        Ok(None)
    }

    /// A data descriptor `a` of metaclass `m` read through its class `cls` (a property
    /// or an object whose type has `__get__` and `__set__`); None when `a` is not one.
    fn meta_data_get(
        &mut self,
        a: &ObjRef,
        cls: &ObjRef,
        m: &ObjRef,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        match a.payload() {
            Payload::Property(p) => {
                let getter = self.property_accessor(p, 0, name, m)?;
                self.call1(&getter, &[Value::Obj(cls.clone())]).map(Some)
            }
            Payload::Instance(_) | Payload::Native(_) => {
                let av = Value::Obj(a.clone());
                if self
                    .lookup_special_name(&av, &gilvm_object::static_name!(self.py, "__set__"))
                    .is_none()
                {
                    return Ok(None);
                }
                match self.lookup_special_name(&av, &gilvm_object::static_name!(self.py, "__get__"))
                {
                    Some(get) => self
                        .call_method_value(
                            &get,
                            &av,
                            &[Value::Obj(cls.clone()), Value::Obj(m.clone())],
                        )
                        .map(Some),
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    fn function_attr(
        &mut self,
        f: &gilvm_object::payload::Function,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        let n = str_of(name);
        Ok(Some(match n {
            "__name__" => f.name.with(self.py, |v| v.clone()),
            "__qualname__" => f.qualname.with(self.py, |v| v.clone()),
            // `__module__` may have been reassigned (functools.wraps): stored in the dict.
            "__module__" => match f
                .dict
                .with(self.py, |d| d.clone())
                .and_then(|d| self.dict_get_str(&d, name))
            {
                Some(v) => v,
                None => f.module.clone(),
            },
            "__defaults__" => f.defaults.clone().map(Value::Obj).unwrap_or(Value::None),
            // Issue 19: the builtins the function's code sees (annotationlib reads it).
            "__builtins__" => match self.dict_get_str(&f.globals, &self.intern("__builtins__")) {
                Some(Value::Obj(m)) if matches!(m.payload(), Payload::Module(_)) => {
                    Value::Obj(Interp::module_dict(&m).expect("a module").clone())
                }
                Some(v @ Value::Obj(_)) => v,
                _ => Value::Obj(self.g.builtins_dict.clone()),
            },
            "__kwdefaults__" => f.kwdefaults.clone().map(Value::Obj).unwrap_or(Value::None),
            "__globals__" => Value::Obj(f.globals.clone()),
            "__code__" => Value::Obj(f.code.clone()),
            "__closure__" => {
                if f.closure.is_empty() {
                    Value::None
                } else {
                    let v = f.closure.iter().map(|c| Value::Obj(c.clone())).collect();
                    self.new_tuple(v)
                }
            }
            _ => {
                let d = f.dict.with(self.py, |d| d.clone());
                if n == "__dict__" {
                    let d = match d {
                        Some(d) => d,
                        None => self.function_dict(f),
                    };
                    return Ok(Some(Value::Obj(d)));
                }
                match d.and_then(|d| self.dict_get_str(&d, name)) {
                    Some(v) => v,
                    None => {
                        if n == "__doc__" {
                            return Ok(Some(f.doc.clone()));
                        }
                        if n == "__type_params__" {
                            // PEP 695: a generic function's are set when it is made.
                            return Ok(Some(self.new_tuple(Vec::new())));
                        }
                        // PEP 649: computed from `__annotate__` (annotations.rs).
                        if n == "__annotations__" {
                            return self.function_annotations_lazy(f).map(Some);
                        }
                        if n == "__annotate__" {
                            return Ok(Some(Value::None));
                        }
                        return Ok(None);
                    }
                }
            }
        }))
    }

    /// Attributes every object has, and those of builtin payloads.
    fn special_attr(&mut self, o: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        let n = str_of(name);
        if n == "__class__" {
            return Ok(Some(Value::Obj(type_of(o).clone())));
        }
        if let Value::Obj(obj) = o {
            match obj.payload() {
                Payload::Instance(inst) => {
                    if n == "__dict__" {
                        if let Some(d) = inst.dict(self.py) {
                            return Ok(Some(Value::Obj(d)));
                        }
                    }
                    if n == "__weakref__" && inst.class_type().slots.weakref {
                        return Ok(Some(crate::modules::weakref::first_weakref(obj)));
                    }
                    if let InstanceBase::Exception(_) = &inst.base {
                        return crate::exc_methods::exc_attr(self, obj, n);
                    }
                }
                Payload::BoundMethod(m) => match n {
                    "__self__" => return Ok(Some(m.receiver.clone())),
                    "__func__" => return Ok(Some(m.func.clone())),
                    "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                        let f = m.func.clone();
                        return self.getattr_opt(&f, name);
                    }
                    _ => {}
                },
                Payload::BuiltinFunction(b) => match n {
                    "__name__" => return Ok(Some(self.new_str(b.name))),
                    "__qualname__" => return Ok(Some(self.new_str(self.builtin_qualname(b)))),
                    "__text_signature__" => {
                        let owner = match (&b.receiver, crate::builtin_owner::static_owner(b)) {
                            (Some(Value::Obj(r)), _) if matches!(r.payload(), Payload::Type(_)) => {
                                Some(r.clone())
                            }
                            (None, Some(t)) => Some(t.clone()),
                            _ => None,
                        };
                        // A subclass's class method reports its builtin base's signature.
                        let sig = owner.and_then(|t| {
                            let Payload::Type(tt) = t.payload() else {
                                return None;
                            };
                            std::iter::once(&t).chain(tt.mro.iter()).find_map(|c| {
                                crate::builtin_owner::text_signature(
                                    gilvm_object::types::type_name(c),
                                    b.name,
                                )
                            })
                        });
                        return Ok(Some(match sig {
                            Some(s) => self.new_str(s),
                            None => Value::None,
                        }));
                    }
                    // A type's `__new__` is bound to the type; its other static methods
                    // to nothing.
                    "__self__" => {
                        return Ok(Some(
                            match (&b.receiver, crate::builtin_owner::static_owner(b)) {
                                (Some(r), _) => r.clone(),
                                (None, Some(t)) if b.name == "__new__" => Value::Obj(t.clone()),
                                _ => Value::None,
                            },
                        ))
                    }
                    "__doc__" => return Ok(Some(Value::None)),
                    "__module__" => return Ok(Some(self.new_str("builtins"))),
                    _ => {}
                },
                Payload::Slice(s) => match n {
                    "start" => return Ok(Some(s[0].clone())),
                    "stop" => return Ok(Some(s[1].clone())),
                    "step" => return Ok(Some(s[2].clone())),
                    _ => {}
                },
                Payload::Range(r) => match n {
                    "start" => return Ok(Some(Value::Int(r.start))),
                    "stop" => return Ok(Some(Value::Int(r.stop))),
                    "step" => return Ok(Some(Value::Int(r.step))),
                    _ => {}
                },
                Payload::Property(p) => match n {
                    // Issue 19: abc's test for an abstract property.
                    "__isabstractmethod__" => {
                        for f in p.iter() {
                            if !f.is_none() {
                                if let Some(v) = self.getattr_opt(f, name)? {
                                    if self.truthy(&v)? {
                                        return Ok(Some(Value::Bool(true)));
                                    }
                                }
                            }
                        }
                        return Ok(Some(Value::Bool(false)));
                    }
                    "fget" => return Ok(Some(p[0].clone())),
                    "fset" => return Ok(Some(p[1].clone())),
                    "fdel" => return Ok(Some(p[2].clone())),
                    "__doc__" => return Ok(Some(Value::None)),
                    _ => {}
                },
                Payload::StaticMethod(f) | Payload::ClassMethod(f) if n == "__func__" => {
                    return Ok(Some(f.clone()))
                }
                Payload::Native(nat) if nat.class.is(&self.g.types.member_descriptor) => {
                    if let Some(v) = self.member_attr(obj, n) {
                        return Ok(Some(v));
                    }
                }
                Payload::Native(_) if self.is_generator(o) => match n {
                    "__name__" => return Ok(Some(crate::builtins::gen_field(self, obj, false))),
                    "__qualname__" => return Ok(Some(crate::builtins::gen_field(self, obj, true))),
                    _ => {}
                },
                Payload::Code(c) => {
                    if let Some(v) = crate::builtins::code_obj::code_attr(self, obj, c, n) {
                        return Ok(Some(v));
                    }
                }
                Payload::Cell(c) if n == "cell_contents" => {
                    let v = c.with(self.py, |v| v.clone());
                    if v.is_undef() {
                        return Err(self.value_error("Cell is empty"));
                    }
                    return Ok(Some(v));
                }
                _ => {}
            }
        }
        match (o, n) {
            (Value::Int(_) | Value::Bool(_), "real" | "numerator") => {
                return Ok(Some(Value::Int(
                    gilvm_object::keys::as_index_i64(o).unwrap_or(0),
                )))
            }
            (Value::Int(_) | Value::Bool(_), "imag") => return Ok(Some(Value::Int(0))),
            (Value::Int(_) | Value::Bool(_), "denominator") => return Ok(Some(Value::Int(1))),
            (Value::Float(f), "real") => return Ok(Some(Value::Float(*f))),
            (Value::Float(_), "imag") => return Ok(Some(Value::Float(0.0))),
            _ => {}
        }
        if let Value::Obj(obj) = o {
            if let Payload::Int(_) = obj.payload() {
                match n {
                    "real" | "numerator" => return Ok(Some(o.clone())),
                    "imag" => return Ok(Some(Value::Int(0))),
                    "denominator" => return Ok(Some(Value::Int(1))),
                    _ => {}
                }
            }
        }
        // Every builtin type has a `__doc__` in its dict in CPython (None when it has no
        // docstring), which its instances find (`'abc'.__doc__`; email's
        // `_extend_docstrings` reads `attr.__doc__` of every class attribute).
        if n == "__doc__" {
            let t = type_of(o).clone();
            if let Payload::Type(tt) = t.payload() {
                return Ok(Some(
                    tt.dict().get_str(self.py, name).unwrap_or(Value::None),
                ));
            }
        }
        Ok(None)
    }

    /// `LoadMethod`: `(function, self)` when the attribute is a plain method found on the
    /// type, else `(attribute, Undef)`.
    #[inline]
    /// Accessor `k` of property `p` (0 the getter, 1 the setter, 2 the deleter), found as
    /// `name` through an object of type `owner`; CPython's AttributeError when the property
    /// has none.
    fn property_accessor(
        &self,
        p: &[Value; 3],
        k: usize,
        name: &ObjRef,
        owner: &ObjRef,
    ) -> PyResult {
        if p[k].is_none() {
            let what = ["getter", "setter", "deleter"][k];
            return Err(self.attribute_error(format!(
                "property '{}' of '{}' object has no {what}",
                str_of(name),
                gilvm_object::types::type_name(owner)
            )));
        }
        Ok(p[k].clone())
    }

    pub fn load_method(&mut self, o: Value, name: &ObjRef) -> PyResult<(Value, Value)> {
        let plain = match &o {
            Value::Obj(obj) => match obj.payload() {
                Payload::Module(_) | Payload::Type(_) => false,
                Payload::Instance(inst) => {
                    inst.class_type().attr_hooks(self.py) & HOOK_GETATTRIBUTE == 0
                        && inst.attr_get(self.py, name).is_none()
                }
                Payload::Function(_) => false,
                Payload::Native(n) => {
                    hooks_of(self.py, &n.class) & HOOK_GETATTRIBUTE == 0
                        && !n
                            .data
                            .with(self.py, |d| d.is::<crate::builtins::core::SuperObj>())
                }
                _ => true,
            },
            _ => true,
        };
        if plain {
            let ty = type_of(&o);
            if let Some(a) = lookup(self.py, ty, name) {
                if let Value::Obj(ao) = &a {
                    match ao.payload() {
                        Payload::Function(_) => return Ok((a, o)),
                        Payload::BuiltinFunction(b)
                            if b.receiver.is_none() && !crate::builtin_owner::is_static(b) =>
                        {
                            return Ok((a, o))
                        }
                        _ => {}
                    }
                }
            }
        }
        let v = self.getattr(&o, name)?;
        // A method bound just now (`super().f`, a class's `__getattr__`): its function and
        // receiver, which the call instruction takes as `f(receiver, …)` without the
        // bound method's argument vector.
        if let Value::Obj(bo) = &v {
            if let Payload::BoundMethod(BoundMethod { func, receiver }) = bo.payload() {
                if matches!(func, Value::Obj(fo) if matches!(fo.payload(), Payload::Function(_))) {
                    return Ok((func.clone(), receiver.clone()));
                }
            }
        }
        Ok((v, Value::Undef))
    }

    /// Stores through a data descriptor of `ty` (a property, or an object with `__set__`)
    /// if there is one; otherwise gives `v` back for the instance's own storage.
    fn set_via_data_descriptor(
        &mut self,
        ty: &ObjRef,
        o: &Value,
        name: &ObjRef,
        v: Value,
    ) -> PyResult<Option<Value>> {
        let Some(Value::Obj(a)) = lookup(self.py, ty, name) else {
            return Ok(Some(v));
        };
        match a.payload() {
            Payload::Property(p) => {
                let setter = self.property_accessor(p, 1, name, type_of(o))?;
                self.call1(&setter, &[o.clone(), v])?;
                Ok(None)
            }
            Payload::Instance(_) => {
                let av = Value::Obj(a.clone());
                match self.lookup_special_name(&av, &gilvm_object::static_name!(self.py, "__set__"))
                {
                    Some(set) => {
                        self.call_method_value(&set, &av, &[o.clone(), v])?;
                        Ok(None)
                    }
                    None => Ok(Some(v)),
                }
            }
            Payload::Native(_) => match self.member_of(&a) {
                Some((pos, objclass)) => {
                    self.member_set(&a, pos, &objclass, o, v)?;
                    Ok(None)
                }
                // Issue 19: a native data descriptor (`_collections._tuplegetter`).
                None => {
                    let av = Value::Obj(a.clone());
                    match self
                        .lookup_special_name(&av, &gilvm_object::static_name!(self.py, "__set__"))
                    {
                        Some(set) => {
                            self.call_method_value(&set, &av, &[o.clone(), v])?;
                            Ok(None)
                        }
                        None => Ok(Some(v)),
                    }
                }
            },
            _ => Ok(Some(v)),
        }
    }

    /// `type.__setattr__(cls, name, v)`: through a data descriptor of the metaclass, else
    /// into the class namespace (heap types only).
    pub fn type_setattr(&mut self, cls: &ObjRef, name: &ObjRef, v: Value) -> PyResult<()> {
        let Payload::Type(t) = cls.payload() else {
            unreachable!("type_setattr on a type")
        };
        let cv = Value::Obj(cls.clone());
        let v = match &t.metatype {
            Some(m) => match self.set_via_data_descriptor(m, &cv, name, v)? {
                Some(v) => v,
                None => return Ok(()),
            },
            None => v,
        };
        if !t.is_heap {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                str_of(name),
                t.name
            )));
        }
        if name.is(&self.g.names.class) {
            let newto = match &v {
                Value::Obj(c) if matches!(c.payload(), Payload::Type(_)) => c.clone(),
                _ => {
                    return Err(self.type_error(format!(
                        "__class__ must be set to a class, not '{}' object",
                        self.type_name(&v)
                    )))
                }
            };
            let (Some(m), true) = (&t.metatype, as_type(&newto).is_some_and(|n| n.is_heap)) else {
                return Err(self.type_error(
                    "__class__ assignment only supported for mutable types or ModuleType subclasses",
                ));
            };
            // The metatype of a class is fixed at creation.
            return Err(if is_subtype(&newto, &self.g.types.type_) {
                self.type_error("gilvm does not support assigning __class__ of a class")
            } else {
                self.type_error(format!(
                    "__class__ assignment: '{}' object layout differs from '{}'",
                    gilvm_object::types::type_name(&newto),
                    gilvm_object::types::type_name(m)
                ))
            });
        }
        // Issue 19: `C.__annotate__ = f` (typing's NamedTuple/TypedDict) sets the function
        // `C.__annotations__` calls, as CPython's setter.
        if str_of(name) == "__annotate__" && t.is_heap {
            if !v.is_none() && !crate::modules::collections::is_callable(self, &v) {
                return Err(self.type_error("__annotate__ must be callable or None"));
            }
            let cache = self.intern("__annotations_cache__");
            let _ = self.dict_del_str(&t.dict, &cache);
            self.dict_set_str(&t.dict, self.intern("__annotate_func__"), v);
            return Ok(());
        }
        if str_of(name) == "__qualname__" {
            if v.as_str().is_none() {
                return Err(self.type_error(format!(
                    "can only assign string to {}.__qualname__, not '{}'",
                    t.name,
                    self.type_name(&v)
                )));
            }
            t.qualname.with(self.py, |q| *q = v.clone());
            return Ok(());
        }
        let hook = self.is_hook_name(name);
        if hook {
            gilvm_object::types::note_hook_write();
        }
        self.dict_set_str(&t.dict, name.clone(), v);
        if hook {
            gilvm_object::types::note_hook_write();
        }
        Ok(())
    }

    /// `__getattribute__`, `__setattr__`, `__delattr__` or `__del__`: a class-namespace write of one
    /// of them changes the classes' `attr_hooks`; it is announced before and after the
    /// write (`types::note_hook_write`), so that hooks computed in between are stale.
    fn is_hook_name(&self, name: &ObjRef) -> bool {
        let n = &self.g.names;
        name.is(&n.getattribute)
            || name.is(&n.setattr)
            || name.is(&n.delattr)
            || (!name.is_immortal()
                && matches!(
                    str_of(name),
                    "__getattribute__" | "__setattr__" | "__delattr__" | "__del__"
                ))
    }

    /// `type.__delattr__(cls, name)`: through a data descriptor of the metaclass, else from
    /// the class namespace.
    pub fn type_delattr(&mut self, cls: &ObjRef, name: &ObjRef) -> PyResult<()> {
        let Payload::Type(t) = cls.payload() else {
            unreachable!("type_delattr on a type")
        };
        let cv = Value::Obj(cls.clone());
        if let Some(m) = &t.metatype {
            if let Some(Value::Obj(a)) = lookup(self.py, m, name) {
                match a.payload() {
                    Payload::Property(p) => {
                        let d = self.property_accessor(p, 2, name, m)?;
                        self.call1(&d, &[cv])?;
                        return Ok(());
                    }
                    Payload::Instance(_) => {
                        let av = Value::Obj(a.clone());
                        if let Some(del) = self.lookup_special_name(
                            &av,
                            &gilvm_object::static_name!(self.py, "__delete__"),
                        ) {
                            self.call_method_value(&del, &av, &[cv])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if !t.is_heap {
            return Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                str_of(name),
                t.name
            )));
        }
        let hook = self.is_hook_name(name);
        if hook {
            gilvm_object::types::note_hook_write();
        }
        let found = self.dict_del_str(&t.dict, name).is_some();
        if hook {
            gilvm_object::types::note_hook_write();
        }
        if found {
            return Ok(());
        }
        Err(self.no_attr(&cv, name))
    }

    /// `o.name = v`.
    pub fn setattr(&mut self, o: &Value, name: &ObjRef, v: Value) -> PyResult<()> {
        if let Value::Obj(obj) = o {
            match obj.payload() {
                Payload::Instance(inst) => {
                    if inst.class_type().attr_hooks(self.py) & HOOK_SETATTR != 0 {
                        let sa = lookup(self.py, &inst.class, &self.g.names.setattr.clone())
                            .expect("a class with a __setattr__ hook has one");
                        self.call_method_value(&sa, o, &[Value::Obj(name.clone()), v])?;
                        return Ok(());
                    }
                    return self.generic_setattr(o, name, v);
                }
                Payload::Type(t) => {
                    if let Some(m) = &t.metatype {
                        if let Some(sa) = lookup(self.py, m, &self.g.names.setattr.clone()) {
                            if !self.is_native_named(&sa, "type_setattr") {
                                let sa = self.bind_attr(sa, o, m)?;
                                self.call1(&sa, &[Value::Obj(name.clone()), v])?;
                                return Ok(());
                            }
                        }
                    }
                    return self.type_setattr(obj, name, v);
                }
                Payload::Module(m) => {
                    if name.is(&self.g.names.class) {
                        return self.module_set_class(obj, &v);
                    }
                    let v = if crate::module_sub::is_sub_module(self, m) {
                        let cls = m.class.clone();
                        match self.set_via_data_descriptor(&cls, o, name, v)? {
                            Some(v) => v,
                            None => return Ok(()),
                        }
                    } else {
                        v
                    };
                    self.dict_set_str(&m.dict, name.clone(), v);
                    return Ok(());
                }
                Payload::Native(n) => {
                    if let Some(d) = crate::modules::thread::local_dict(self, obj)? {
                        // A data descriptor of a `_local` subclass takes precedence over the dict.
                        let Some(v) = self.set_via_data_descriptor(&n.class, o, name, v)? else {
                            return Ok(());
                        };
                        if name.is(&self.g.names.dict) {
                            return Err(self.attribute_error(format!(
                                "'{}' object attribute '__dict__' is read-only",
                                self.type_name(o)
                            )));
                        }
                        self.dict_set_str(&d, name.clone(), v);
                        return Ok(());
                    }
                    // A property of a native type (`frame.f_trace`, `traceback.tb_next`).
                    if matches!(lookup(self.py, &n.class, name), Some(Value::Obj(a)) if matches!(a.payload(), Payload::Property(_)))
                    {
                        self.set_via_data_descriptor(&n.class, o, name, v)?;
                        return Ok(());
                    }
                }
                Payload::Cell(c) if str_of(name) == "cell_contents" => {
                    let old = c.with(self.py, |x| std::mem::replace(x, v));
                    drop(old);
                    return Ok(());
                }
                Payload::Function(f) => {
                    let n = str_of(name);
                    // Issue 19 (funcattrs.rs): the special attributes' checks.
                    if let Some(r) = crate::funcattrs::set_special(self, f, n, &v) {
                        return r;
                    }
                    let d = f.dict.with(self.py, |d| d.clone());
                    let d = match d {
                        Some(d) => d,
                        None => self.function_dict(f),
                    };
                    self.dict_set_str(&d, name.clone(), v);
                    return Ok(());
                }
                _ => {}
            }
        }
        if name.is(&self.g.names.class) {
            return self.set_class(o, &v);
        }
        Err(self.attribute_error(format!(
            "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
            self.type_name(o),
            str_of(name)
        )))
    }

    /// A function's `__dict__`, created on first use: stored only if no other thread stored
    /// one first (one critical section), so two threads setting the first attributes of a
    /// function use the same dict.
    pub(crate) fn function_dict(&mut self, f: &gilvm_object::payload::Function) -> ObjRef {
        let nd = self.new_dict_obj();
        f.dict.with(self.py, |slot| {
            slot.get_or_insert_with(|| nd.clone()).clone()
        })
    }

    /// `object.__setattr__(o, name, v)` for an instance: `__class__`, a data descriptor of
    /// its type (a property, a slot's member descriptor, an object with `__set__`), else
    /// its `__dict__` (CPython's `_PyObject_GenericSetAttrWithDict`, its messages included).
    pub fn generic_setattr(&mut self, o: &Value, name: &ObjRef, v: Value) -> PyResult<()> {
        let Value::Obj(obj) = o else {
            return self.setattr(o, name, v);
        };
        let Payload::Instance(inst) = obj.payload() else {
            return self.setattr(o, name, v);
        };
        if name.is(&self.g.names.class) {
            return self.set_class(o, &v);
        }
        let ty = inst.class.clone();
        let Some(v) = self.set_via_data_descriptor(&ty, o, name, v)? else {
            return Ok(());
        };
        if let InstanceBase::Exception(_) = &inst.base {
            if crate::exc_methods::exc_setattr(self, obj, str_of(name), &v)? {
                return Ok(());
            }
        }
        if !inst.has_dict() {
            return Err(self.no_dict_error(o, &ty, name));
        }
        if name.is(&self.g.names.dict) {
            return match v {
                Value::Obj(d) => inst.replace_dict(self.py, d).map_err(|d| {
                    self.type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        self.type_name(&Value::Obj(d))
                    ))
                }),
                _ => Err(self.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(&v)
                ))),
            };
        }
        inst.attr_set(self.py, name.clone(), v);
        Ok(())
    }

    /// CPython's AttributeError for storing or deleting `name` on an instance without a
    /// `__dict__`: read-only when the class has such an attribute (not a data descriptor),
    /// else missing, with "and no __dict__ …" when the class uses the generic `__setattr__`.
    fn no_dict_error(&mut self, o: &Value, ty: &ObjRef, name: &ObjRef) -> crate::error::PyErr {
        let tn = self.type_name(o);
        let n = str_of(name);
        if lookup(self.py, ty, name).is_some() {
            return self.attribute_error(format!("'{tn}' object attribute '{n}' is read-only"));
        }
        let generic = hooks_of(self.py, ty) & (HOOK_SETATTR | HOOK_DELATTR) == 0;
        let e = self.attribute_error(if generic {
            format!(
                "'{tn}' object has no attribute '{n}' and no __dict__ for setting new attributes"
            )
        } else {
            format!("'{tn}' object has no attribute '{n}'")
        });
        let _ = self.setattr_exc_fields(&e, o, name);
        e
    }

    /// Does `o`'s class leave `o.name` to the instance's own storage with `object`'s
    /// `__getattribute__`/`__setattr__`? (The attribute caches' fill, `attrcache.rs`.)
    /// `Some((shared-key index or slot position, is a slot, hooks))`; None when the name is
    /// not cacheable for this class (a descriptor other than a slot's, a special name, an
    /// exception instance, no room in the shared keys).
    #[inline(always)]
    pub(crate) fn cacheable_attr(
        &self,
        inst: &Instance,
        name: &ObjRef,
        store: bool,
    ) -> Option<(usize, bool, u8)> {
        if name.is(&self.g.names.dict)
            || name.is(&self.g.names.class)
            || matches!(inst.base, InstanceBase::Exception(_))
        {
            return None;
        }
        let hooks = inst.class_type().attr_hooks(self.py);
        match lookup(self.py, &inst.class, name) {
            None => {
                let keys = inst.keys();
                if !inst.has_dict() || !keys.shares() {
                    return None;
                }
                let idx = if store {
                    keys.index_or_add(self.py, name)?
                } else {
                    keys.index_of(name)?
                };
                Some((idx, false, hooks))
            }
            Some(Value::Obj(a)) => {
                let (pos, objclass) = self.member_of(&a)?;
                is_subtype(&inst.class, &objclass).then_some((pos, true, hooks))
            }
            Some(_) => None,
        }
    }

    /// `del o.name`.
    pub fn delattr(&mut self, o: &Value, name: &ObjRef) -> PyResult<()> {
        if let Value::Obj(obj) = o {
            match obj.payload() {
                Payload::Instance(inst) => {
                    if inst.class_type().attr_hooks(self.py) & HOOK_DELATTR != 0 {
                        let da = lookup(self.py, &inst.class, &self.g.names.delattr.clone())
                            .expect("a class with a __delattr__ hook has one");
                        self.call_method_value(&da, o, &[Value::Obj(name.clone())])?;
                        return Ok(());
                    }
                    return self.generic_delattr(o, name);
                }
                Payload::Type(t) => {
                    if let Some(m) = &t.metatype {
                        if let Some(da) = lookup(self.py, m, &self.g.names.delattr.clone()) {
                            if !self.is_native_named(&da, "type_delattr") {
                                let da = self.bind_attr(da, o, m)?;
                                self.call1(&da, &[Value::Obj(name.clone())])?;
                                return Ok(());
                            }
                        }
                    }
                    return self.type_delattr(obj, name);
                }
                Payload::Module(m) => {
                    if self.dict_del_str(&m.dict, name).is_some() {
                        return Ok(());
                    }
                }
                // `del f.x` (funcattrs.rs).
                Payload::Function(f) => return crate::funcattrs::del_attr(self, f, o, name),
                // `del cell.cell_contents` empties the cell.
                Payload::Cell(c) if str_of(name) == "cell_contents" => {
                    let old = c.with(self.py, |x| std::mem::replace(x, Value::Undef));
                    drop(old);
                    return Ok(());
                }
                Payload::Native(n) => {
                    if let Some(d) = crate::modules::thread::local_dict(self, obj)? {
                        if self.dict_del_str(&d, name).is_some() {
                            return Ok(());
                        }
                    }
                    // A property of a native type with a deleter (`traceback.tb_next`).
                    if let Some(Value::Obj(a)) = lookup(self.py, &n.class, name) {
                        if let Payload::Property(p) = a.payload() {
                            if !p[2].is_none() {
                                let d = p[2].clone();
                                self.call1(&d, &[o.clone()])?;
                                return Ok(());
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Err(self.no_attr(o, name))
    }

    /// `object.__delattr__(o, name)` for an instance: a data descriptor of its type (a
    /// property's deleter, a slot, an object with `__delete__`), else its `__dict__`.
    pub fn generic_delattr(&mut self, o: &Value, name: &ObjRef) -> PyResult<()> {
        let Value::Obj(obj) = o else {
            return self.delattr(o, name);
        };
        let Payload::Instance(inst) = obj.payload() else {
            return self.delattr(o, name);
        };
        if name.is(&self.g.names.class) {
            return Err(self.type_error("can't delete __class__ attribute"));
        }
        let ty = inst.class.clone();
        if let Some(Value::Obj(a)) = lookup(self.py, &ty, name) {
            match a.payload() {
                Payload::Property(p) => {
                    let d = self.property_accessor(p, 2, name, type_of(o))?;
                    self.call1(&d, std::slice::from_ref(o))?;
                    return Ok(());
                }
                Payload::Native(_) => {
                    if let Some((pos, objclass)) = self.member_of(&a) {
                        return self.member_set(&a, pos, &objclass, o, Value::Undef);
                    }
                }
                Payload::Instance(_) => {
                    let av = Value::Obj(a.clone());
                    if let Some(del) = self.lookup_special_name(
                        &av,
                        &gilvm_object::static_name!(self.py, "__delete__"),
                    ) {
                        self.call_method_value(&del, &av, std::slice::from_ref(o))?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if !inst.has_dict() {
            return Err(self.no_dict_error(o, &ty, name));
        }
        if name.is(&self.g.names.dict) {
            // CPython leaves the instance a new empty dict.
            let d = self.new_dict_obj();
            let _ = inst.replace_dict(self.py, d);
            return Ok(());
        }
        if inst.attr_del(self.py, name).is_some() {
            return Ok(());
        }
        Err(self.no_attr(o, name))
    }
}
