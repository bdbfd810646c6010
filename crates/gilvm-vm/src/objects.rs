//! Calling types (instance creation), `__build_class__`, and the exception-raising and
//! context-manager helpers the eval loop uses.
use gilvm_object::payload::{BoundMethod, Instance, InstanceBase};
use gilvm_object::types::{is_subtype, lookup, new_class_with_slots, type_of, type_of_obj, Layout};
use gilvm_object::Owned;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::str_of;
use crate::frame::code_of;
use crate::interp::Interp;

impl Interp {
    /// `cls(*args)`: the metaclass's `__call__` when the class has a metaclass that defines
    /// one, else `type.__call__` (`__new__` then `__init__`). (`Interp::call` sends a class
    /// whose metaclass is `type` to `type_call` directly.)
    pub fn call_type(&mut self, t: &ObjRef, args: Args<'_>) -> PyResult {
        if let Payload::Type(tt) = t.payload() {
            if let Some(meta) = &tt.metatype {
                if let Some(c) = self.meta_call(meta) {
                    return self.call_bound_to(&c, meta, Value::Obj(t.clone()), args);
                }
            }
        }
        self.type_call(t, args)
    }

    /// The `__call__` of metaclass `meta` when it is not `type.__call__`.
    #[inline(never)]
    fn meta_call(&self, meta: &ObjRef) -> Option<Value> {
        let c = lookup(self.py, meta, &self.g.names.call)?;
        (!self.is_native_named(&c, "type_call")).then_some(c)
    }

    /// Calls attribute `a`, found on type `ty`, as a method of `recv` (a Python function gets
    /// `recv` prepended; descriptors are bound first).
    pub fn call_bound_to(
        &mut self,
        a: &Value,
        ty: &ObjRef,
        recv: Value,
        args: Args<'_>,
    ) -> PyResult {
        if let Value::Obj(o) = a {
            if matches!(o.payload(), Payload::Function(_)) {
                return self.with_prepended(recv, args, |s, a2| s.call(a, a2));
            }
        }
        let f = self.bind_attr(a.clone(), &recv, ty)?;
        self.call(&f, args)
    }

    /// `type.__call__(cls, *args)`: `type(x)`, or `cls.__new__(cls, *args)` then `__init__`
    /// when `__new__` returned an instance of `cls`.
    pub fn type_call(&mut self, t: &ObjRef, args: Args<'_>) -> PyResult {
        if args.all.len() == 1 && args.kwnames.is_empty() {
            if let Some(v) = self.convert_fast(t, &args.all[0]) {
                return v;
            }
        }
        if t.is(&self.g.types.type_) && args.pos().len() != 3 {
            return Err(self.type_error("type() takes 1 or 3 arguments"));
        }
        let new = lookup(self.py, t, &self.g.names.new.clone()).ok_or_else(|| {
            self.type_error(format!(
                "cannot create '{}' instances",
                gilvm_object::types::type_name(t)
            ))
        })?;
        let new_fn = match &new {
            Value::Obj(o) => match o.payload() {
                Payload::StaticMethod(f) => f.clone(),
                _ => new.clone(),
            },
            _ => new.clone(),
        };
        // `object.__new__` of a class: the instance directly, without an argument vector
        // (its arguments are checked below, against `__init__`, as object.__new__ does).
        let obj = if self.is_object_new(&new_fn) && !t.is(&self.g.types.object) {
            // The builtin iterator types have no constructor (CPython's NULL `tp_new`).
            if matches!(t.payload(), Payload::Type(tt) if !tt.is_heap)
                && crate::builtins::itertypes::internal_iterator_types(self.g.types)
                    .iter()
                    .any(|i| i.is(t))
            {
                return Err(self.type_error(format!(
                    "cannot create '{}' instances",
                    gilvm_object::types::type_name(t)
                )));
            }
            self.new_instance(t)?
        } else {
            self.with_prepended(Value::Obj(t.clone()), args, |s, a| s.call(&new_fn, a))?
        };
        // __init__ when __new__ returned an instance of the class.
        if is_subtype(type_of(&obj), t) {
            if let Some(init) = lookup(self.py, type_of(&obj), &self.g.names.init.clone()) {
                let python =
                    matches!(&init, Value::Obj(o) if matches!(o.payload(), Payload::Function(_)));
                if !python && self.is_native_named(&init, "type_init") {
                    // type.__init__ accepts what type.__new__ accepted.
                } else if python || !self.is_native_named(&init, "object") {
                    let r = self.with_prepended(obj.clone(), args, |s, a| s.call(&init, a))?;
                    if !r.is_none() {
                        return Err(self.type_error(format!(
                            "__init__() should return None, not '{}'",
                            self.type_name(&r)
                        )));
                    }
                } else if !args.all.is_empty() && self.is_object_new(&new) {
                    return Err(self.type_error(format!(
                        "{}() takes no arguments",
                        gilvm_object::types::type_name(t)
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// `type(x)`, and `str(x)`, `int(x)`, `float(x)` of a value whose conversion cannot run
    /// Python code: the result without the `__new__` / `__init__` protocol (its lookups and
    /// argument vectors cost more than the conversion). `None` means: take the general path.
    #[inline]
    fn convert_fast(&mut self, t: &ObjRef, x: &Value) -> Option<PyResult> {
        let types = &self.g.types;
        if t.is(&types.type_) {
            return Some(Ok(Value::Obj(type_of(x).clone())));
        }
        if t.is(&types.str_) {
            let plain = match x {
                Value::Int(_) => true,
                Value::Obj(o) => matches!(o.payload(), Payload::Str(_)),
                _ => false,
            };
            return plain.then(|| self.str_value(x));
        }
        if t.is(&types.int) {
            return match x {
                Value::Int(_) => Some(Ok(x.clone())),
                Value::Bool(b) => Some(Ok(Value::Int(*b as i64))),
                _ => None,
            };
        }
        if t.is(&types.float) {
            return match x {
                Value::Float(_) => Some(Ok(x.clone())),
                // i64 to f64 rounds to nearest, ties to even, as CPython's int.__float__.
                Value::Int(i) => Some(Ok(Value::Float(*i as f64))),
                _ => None,
            };
        }
        None
    }

    /// Is `v` `object.__new__`?
    pub(crate) fn is_object_new(&self, v: &Value) -> bool {
        let n = &self.g.names.new;
        matches!(lookup(self.py, &self.g.types.object, n), Some(o) if o.is(v))
    }

    /// Is `v` a builtin function tagged with `tag` (used to recognise `object.__init__`)?
    pub fn is_native_named(&self, v: &Value, tag: &str) -> bool {
        matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::BuiltinFunction(b) if b.data.as_str() == Some(tag)))
    }

    /// Calls a non-function object (an instance with `__call__`).
    pub fn call_object(&mut self, f: &Value, args: Args<'_>) -> PyResult {
        if let Some(m) =
            self.lookup_special_name(f, &gilvm_object::static_name!(self.py, "__call__"))
        {
            let m2 = match &m {
                Value::Obj(o)
                    if matches!(
                        o.payload(),
                        Payload::Function(_) | Payload::BuiltinFunction(_)
                    ) =>
                {
                    m.clone()
                }
                _ => m.clone(),
            };
            return self.with_prepended(f.clone(), args, |s, a| s.call(&m2, a));
        }
        Err(self.type_error(format!("'{}' object is not callable", self.type_name(f))))
    }

    /// A new instance of a heap class (`object.__new__`).
    pub fn new_instance(&mut self, cls: &ObjRef) -> PyResult {
        let Payload::Type(t) = cls.payload() else {
            return Err(self.type_error("object.__new__(X): X is not a type object"));
        };
        // Issue 19: a class with abstract methods (abc) cannot be instantiated.
        if t.is_heap {
            if let Some(am) = t.dict().get_str(
                self.py,
                &gilvm_object::static_name!(self.py, "__abstractmethods__"),
            ) {
                crate::builtins::object_reduce::check_abstract(self, t, &am)?;
            }
        }
        let base = match t.layout {
            Layout::Exception => InstanceBase::Exception(Box::new(ObjCell::new(
                gilvm_object::exc::ExcData::new(Value::Obj(self.g.empty_tuple.clone())),
            ))),
            Layout::List => InstanceBase::List(Box::default()),
            Layout::Dict => InstanceBase::Dict(Box::default()),
            Layout::Object => InstanceBase::Object,
            Layout::Builtin | Layout::Type | Layout::Base(_) => {
                // CPython names the nearest class whose `__new__` is not written in Python.
                let mut base = cls.clone();
                loop {
                    let Payload::Type(bt) = base.payload() else {
                        break;
                    };
                    let python_new = bt.is_heap
                        && match lookup(self.py, &base, &self.g.names.new) {
                            Some(Value::Obj(n)) => match n.payload() {
                                Payload::Function(_) => true,
                                Payload::StaticMethod(f) => {
                                    matches!(f, Value::Obj(f) if matches!(f.payload(), Payload::Function(_)))
                                }
                                _ => false,
                            },
                            _ => false,
                        };
                    match bt.bases.first() {
                        Some(b) if python_new => base = b.clone(),
                        _ => break,
                    }
                }
                return Err(self.type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    t.name,
                    gilvm_object::types::type_name(&base)
                )));
            }
        };
        Ok(Value::Obj(self.new_obj(Owned::Instance(Instance::new(
            cls.clone(),
            base,
        )))))
    }

    /// The callable `__build_class__`.
    pub fn build_class_fn(&self) -> Value {
        self.dict_get_str(&self.g.builtins_dict, &self.intern("__build_class__"))
            .unwrap_or(Value::None)
    }

    /// `__build_class__(func, name, *bases, metaclass=…, **kw)`: CPython's class-creation
    /// protocol (`__mro_entries__`, the most derived metaclass, `__prepare__`, the body run
    /// in the prepared namespace, the metaclass called, the `__class__` cell checked).
    pub fn build_class(&mut self, args: Args<'_>) -> PyResult {
        let pos = args.pos();
        if pos.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = pos[0].clone();
        let Some(f) = (match &func {
            Value::Obj(fo) => match fo.payload() {
                Payload::Function(f) => Some(f),
                _ => None,
            },
            _ => None,
        }) else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let name_v = pos[1].clone();
        let Some(name) = name_v.as_str().map(|s| s.to_string()) else {
            return Err(self.type_error("__build_class__: name is not a string"));
        };
        let orig_bases = &pos[2..];
        let bases = self.update_bases(orig_bases)?;
        let bases_changed = bases.is_some();
        let bases = bases.unwrap_or_else(|| orig_bases.to_vec());
        let bases_t = self.new_tuple(bases.clone());
        // The keyword arguments but `metaclass`.
        let mut meta: Option<Value> = None;
        let mut kwnames: Vec<Value> = Vec::new();
        let mut kwvals: Vec<Value> = Vec::new();
        for (n, v) in args.kwnames.iter().zip(&args.all[pos.len()..]) {
            if n.as_str() == Some("metaclass") {
                meta = Some(v.clone());
            } else {
                kwnames.push(n.clone());
                kwvals.push(v.clone());
            }
        }
        let kw = Args {
            all: &kwvals,
            kwnames: &kwnames,
        };
        let (meta, is_class) = match meta {
            None => (
                Value::Obj(match bases.first() {
                    Some(b) => type_of(b).clone(),
                    None => self.g.types.type_.clone(),
                }),
                true,
            ),
            Some(m) => {
                let c = matches!(&m, Value::Obj(o) if matches!(o.payload(), Payload::Type(_)));
                (m, c)
            }
        };
        let meta = if is_class {
            Value::Obj(self.calculate_metaclass(meta.as_obj().unwrap(), &bases)?)
        } else {
            meta
        };
        let plain_type = matches!(&meta, Value::Obj(o) if o.is(&self.g.types.type_));
        // The namespace: `meta.__prepare__(name, bases, **kw)`.
        let ns = if plain_type {
            self.new_dict_obj()
        } else {
            let prep = self.intern("__prepare__");
            match self.getattr_optional(&meta, &prep)? {
                None => self.new_dict_obj(),
                Some(p) => {
                    let mut v = vec![name_v.clone(), bases_t.clone()];
                    v.extend_from_slice(&kwvals);
                    let ns = self.call(
                        &p,
                        Args {
                            all: &v,
                            kwnames: &kwnames,
                        },
                    )?;
                    let mapping = match &ns {
                        Value::Obj(o) => {
                            matches!(o.payload(), Payload::Dict(_))
                                || self
                                    .lookup_special_name(
                                        &ns,
                                        &gilvm_object::static_name!(self.py, "__getitem__"),
                                    )
                                    .is_some()
                        }
                        _ => false,
                    };
                    if !mapping {
                        let who = if is_class {
                            gilvm_object::types::type_name(meta.as_obj().unwrap()).to_string()
                        } else {
                            "<metaclass>".to_string()
                        };
                        return Err(self.type_error(format!(
                            "{who}.__prepare__() must return a mapping, not {}",
                            self.type_name(&ns)
                        )));
                    }
                    ns.as_obj().unwrap().clone()
                }
            }
        };
        // Run the body in the namespace.
        let code = code_of(&f.code);
        let mut frame = self.new_frame(f.code.clone(), f.globals.clone(), Some(ns.clone()));
        frame.fast.resize(code.nlocals(), Value::Undef);
        let mut class_cell = None;
        for cv in code.cellvars.iter() {
            let c = self.new_obj(Owned::Cell(ObjCell::new(Value::Undef)));
            if str_of(cv) == "__class__" {
                class_cell = Some(c.clone());
            }
            frame.fast.push(Value::Obj(c));
        }
        for c in f.closure.iter() {
            frame.fast.push(Value::Obj(c.clone()));
        }
        self.run_frame(frame)?;
        if bases_changed {
            let ob = self.new_tuple(orig_bases.to_vec());
            let key = Value::Obj(self.intern("__orig_bases__"));
            self.setitem(&Value::Obj(ns.clone()), key, ob)?;
        }
        let cls = if plain_type && matches!(ns.payload(), Payload::Dict(_)) {
            let type_ = self.g.types.type_.clone();
            let bases = self.bases_as_types(&bases)?;
            Value::Obj(self.type_new_impl(&type_, &name, bases, &ns, kw)?)
        } else {
            let mut v = vec![name_v.clone(), bases_t, Value::Obj(ns)];
            v.extend_from_slice(&kwvals);
            self.call(
                &meta,
                Args {
                    all: &v,
                    kwnames: &kwnames,
                },
            )?
        };
        if let (Some(cell), Value::Obj(c)) = (&class_cell, &cls) {
            if matches!(c.payload(), Payload::Type(_)) {
                let Payload::Cell(cc) = cell.payload() else {
                    unreachable!()
                };
                let cell_cls = cc.with(self.py, |v| v.clone());
                if !cell_cls.is(&cls) {
                    let n = self.repr(&name_v)?;
                    let r = self.repr(&cls)?;
                    if cell_cls.is_undef() {
                        return Err(self.runtime_error(format!(
                            "__class__ not set defining {n} as {r}. Was __classcell__ propagated to type.__new__?"
                        )));
                    }
                    let cr = self.repr(&cell_cls)?;
                    return Err(
                        self.type_error(format!("__class__ set to {cr} defining {n} as {r}"))
                    );
                }
            }
        }
        Ok(cls)
    }

    /// PEP 560: replaces each base that is not a class but has `__mro_entries__` by the
    /// entries it returns. None when no base was replaced.
    fn update_bases(&mut self, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
        let mut out: Option<Vec<Value>> = None;
        for (i, b) in bases.iter().enumerate() {
            let is_type = matches!(b, Value::Obj(o) if matches!(o.payload(), Payload::Type(_)));
            let meth = if is_type {
                None
            } else {
                let n = self.intern("__mro_entries__");
                self.getattr_optional(b, &n)?
            };
            let Some(meth) = meth else {
                if let Some(o) = &mut out {
                    o.push(b.clone());
                }
                continue;
            };
            let orig = self.new_tuple(bases.to_vec());
            let r = self.call1(&meth, &[orig])?;
            let Value::Obj(ro) = &r else {
                return Err(self.type_error("__mro_entries__ must return a tuple"));
            };
            let Payload::Tuple(items) = ro.payload() else {
                return Err(self.type_error("__mro_entries__ must return a tuple"));
            };
            let o = out.get_or_insert_with(|| bases[..i].to_vec());
            o.extend(items.iter().cloned());
        }
        Ok(out)
    }

    /// The most derived of `meta` and the metaclasses of `bases`, or CPython's "metaclass
    /// conflict" error.
    pub fn calculate_metaclass(&mut self, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
        let mut winner = meta.clone();
        for b in bases {
            let t = type_of(b);
            if is_subtype(&winner, t) {
                continue;
            }
            if is_subtype(t, &winner) {
                winner = t.clone();
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// The bases of a new class as type objects ("bases must be types" otherwise).
    pub fn bases_as_types(&mut self, bases: &[Value]) -> PyResult<Vec<ObjRef>> {
        let mut out = Vec::with_capacity(bases.len());
        for b in bases {
            match b {
                Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => out.push(o.clone()),
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        Ok(out)
    }

    /// `type.__new__(metatype, name, bases, ns, **kw)` once the arguments are checked and
    /// `metatype` is the most derived metaclass: creates the class from a copy of `ns`
    /// (`__qualname__` and `__classcell__` taken out of it), then calls `__set_name__` on its
    /// attributes and the bases' `__init_subclass__(**kw)`.
    pub fn type_new_impl(
        &mut self,
        metatype: &ObjRef,
        name: &str,
        mut bases: Vec<ObjRef>,
        ns_src: &ObjRef,
        kw: Args<'_>,
    ) -> PyResult<ObjRef> {
        if bases.is_empty() {
            bases.push(self.g.types.object.clone());
        }
        let mut layout = Layout::Object;
        for b in &bases {
            let Payload::Type(bt) = b.payload() else {
                continue;
            };
            if bt.final_type {
                return Err(
                    self.type_error(format!("type '{}' is not an acceptable base type", bt.name))
                );
            }
            let l = if bt.layout == Layout::Builtin {
                if b.is(&self.g.types.list) {
                    Layout::List
                } else if b.is(&self.g.types.dict) {
                    Layout::Dict
                } else if b.is(&self.g.types.type_) {
                    Layout::Type
                } else if b.is(&self.g.types.object) || crate::modules::thread::is_local_type(b) {
                    Layout::Object
                } else if let Some(l) = crate::builtin_sub::base_layout(self.g.types, b) {
                    l
                } else if let Some(l) = crate::native_sub::base_layout(self, b) {
                    // Issue 19, branch natives: `module` and subclassable native types.
                    l
                } else if crate::modules::weakref::is_ref_type(b) {
                    Layout::Base(gilvm_object::payload::BuiltinBase::WeakRef)
                } else if crate::builtin_sub::is_final_builtin(self.g.types, b)
                    || b.is(&self.g.generator_type)
                    || crate::native_sub::is_final(b)
                {
                    return Err(self
                        .type_error(format!("type '{}' is not an acceptable base type", bt.name)));
                } else {
                    return Err(self.type_error(format!(
                        "gilvm does not support subclassing the builtin type '{}'",
                        bt.name
                    )));
                }
            } else {
                bt.layout
            };
            if l != Layout::Object {
                if layout != Layout::Object && layout != l {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                layout = l;
            }
        }
        let ns = self.dict_copy(ns_src)?;
        let qualname = match self.dict_del_str(&ns, &self.g.names.qualname.clone()) {
            None => None,
            Some(q) if q.as_str().is_some() => Some(q),
            Some(q) => {
                return Err(self.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    self.type_name(&q)
                )))
            }
        };
        let classcell = match self.dict_del_str(&ns, &self.g.names.classcell.clone()) {
            None => None,
            Some(Value::Obj(c)) if matches!(c.payload(), Payload::Cell(_)) => Some(c),
            Some(c) => {
                let t = Value::Obj(type_of(&c).clone());
                let r = self.repr(&t)?;
                return Err(
                    self.type_error(format!("__classcell__ must be a nonlocal cell, not {r}"))
                );
            }
        };
        // `__new__` is an implicit staticmethod, `__init_subclass__` and `__class_getitem__`
        // implicit classmethods.
        for (n, cm) in [
            ("__new__", false),
            ("__init_subclass__", true),
            ("__class_getitem__", true),
        ] {
            let key = self.intern(n);
            if let Some(v @ Value::Obj(_)) = self.dict_get_str(&ns, &key) {
                if matches!(v.as_obj().unwrap().payload(), Payload::Function(_)) {
                    let w = if cm {
                        Owned::ClassMethod(v)
                    } else {
                        Owned::StaticMethod(v)
                    };
                    let w = Value::Obj(self.new_obj(w));
                    self.dict_set_str(&ns, key, w);
                }
            }
        }
        // A class that defines `__eq__` but not `__hash__` is unhashable (CPython sets its
        // `__hash__` to None), so that it does not inherit a hash inconsistent with its
        // equality (`int.__hash__` for a subclass of int that redefines `==`).
        let hash_key = self.g.names.hash.clone();
        if self.dict_get_str(&ns, &self.g.names.eq.clone()).is_some()
            && self.dict_get_str(&ns, &hash_key).is_none()
        {
            self.dict_set_str(&ns, hash_key, Value::None);
        }
        let mro = self.c3_mro(&bases)?;
        let slots = self.class_slots(name, &bases, &ns)?;
        let meta = (!metatype.is(&self.g.types.type_)).then(|| metatype.clone());
        let cls = new_class_with_slots(
            self.py,
            name,
            bases,
            mro,
            ns.clone(),
            layout,
            slots.instance_dict,
            meta,
            slots.slots,
        );
        self.add_member_descriptors(&cls);
        self.register_subclass(&cls);
        if let (Some(q), Payload::Type(t)) = (qualname, cls.payload()) {
            t.qualname.with(self.py, |x| *x = q);
        }
        if let Some(c) = classcell {
            if let Payload::Cell(cc) = c.payload() {
                cc.with(self.py, |v| *v = Value::Obj(cls.clone()));
            }
        }
        self.set_names(&cls, &ns)?;
        self.init_subclass(&cls, kw)?;
        Ok(cls)
    }

    /// Records the new class `cls` with each of its direct bases, by a weak reference (the
    /// basic `weakref.ref`), for `type.__subclasses__()`.
    pub(crate) fn register_subclass(&mut self, cls: &ObjRef) {
        let Payload::Type(t) = cls.payload() else {
            return;
        };
        let ref_type = Value::Obj(crate::modules::weakref::types(self).ref_.clone());
        // `weakref.ref(cls)` of a class cannot fail: every class is weakly referenceable.
        let Ok(Value::Obj(r)) = self.call(&ref_type, Args::new(&[Value::Obj(cls.clone())])) else {
            unreachable!("a class is weakly referenceable")
        };
        for b in t.bases.iter() {
            if let Payload::Type(bt) = b.payload() {
                bt.add_subclass(self.py, r.clone());
                // The weak references of classes that died are dropped here too, each
                // time the list reaches a power of two (amortised constant work per
                // class), not only by `__subclasses__()`: a program that makes classes
                // in a loop would otherwise keep one dead weak reference per class.
                let n = bt.subclass_refs_len(self.py);
                if n >= 64 && n.is_power_of_two() {
                    let dead: Vec<usize> = bt
                        .subclass_refs(self.py)
                        .into_iter()
                        .filter(|w| crate::modules::weakref::is_dead_ref(self, w))
                        .map(|w| w.addr())
                        .collect();
                    if !dead.is_empty() {
                        bt.forget_subclass_refs(self.py, &dead);
                    }
                }
            }
        }
    }

    /// Calls `__set_name__(cls, name)` on every attribute of a new class whose type defines
    /// it; an exception gets CPython's note naming the attribute.
    fn set_names(&mut self, cls: &ObjRef, ns: &ObjRef) -> PyResult<()> {
        let set_name = self.g.names.set_name.clone();
        for (k, v) in self.dict_items(ns)? {
            let Value::Obj(_) = &v else { continue };
            let Some(m) = lookup(self.py, type_of(&v), &set_name) else {
                continue;
            };
            if let Err(e) = self.call_method_value(&m, &v, &[Value::Obj(cls.clone()), k.clone()]) {
                let kr = self.repr(&k)?;
                let note = format!(
                    "Error calling __set_name__ on '{}' instance {kr} in '{}'",
                    self.type_name(&v),
                    gilvm_object::types::type_name(cls)
                );
                self.add_exc_note(&e, note)?;
                return Err(e);
            }
        }
        Ok(())
    }

    /// `super(cls, cls).__init_subclass__(**kw)`: the first `__init_subclass__` along the
    /// new class's MRO after itself.
    fn init_subclass(&mut self, cls: &ObjRef, kw: Args<'_>) -> PyResult<()> {
        let Payload::Type(t) = cls.payload() else {
            return Ok(());
        };
        let name = self.g.names.init_subclass.clone();
        for b in t.mro.iter() {
            let Payload::Type(bt) = b.payload() else {
                continue;
            };
            let Some(a) = bt.dict().get_str(self.py, &name) else {
                continue;
            };
            let f = self.bind_class_attr(a, cls)?;
            self.call(&f, kw)?;
            break;
        }
        Ok(())
    }

    /// Binds an attribute found in a class's MRO for access through the class `cls`
    /// (`cls.attr`): a classmethod is bound to the class, a staticmethod unwrapped, a
    /// descriptor's `__get__(None, cls)` called, anything else returned as is.
    pub fn bind_class_attr(&mut self, a: Value, cls: &ObjRef) -> PyResult {
        let Value::Obj(ao) = &a else { return Ok(a) };
        Ok(match ao.payload() {
            Payload::ClassMethod(f) => self.bind_classmethod(f, cls),
            Payload::StaticMethod(f) => f.clone(),
            Payload::Instance(_) | Payload::Native(_) => {
                if let Some(get) =
                    self.lookup_special_name(&a, &gilvm_object::static_name!(self.py, "__get__"))
                {
                    return self.call_method_value(
                        &get,
                        &a,
                        &[Value::None, Value::Obj(cls.clone())],
                    );
                }
                a
            }
            _ => a,
        })
    }

    /// CPython's C3 linearisation (excluding the class itself).
    fn c3_mro(&mut self, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
        for b in bases {
            let Payload::Type(bt) = b.payload() else {
                continue;
            };
            let mut s = vec![b.clone()];
            s.extend(bt.mro.iter().cloned());
            seqs.push(s);
        }
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut cand = None;
            for s in &seqs {
                let head = &s[0];
                if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head))) {
                    cand = Some(head.clone());
                    break;
                }
            }
            let Some(c) = cand else {
                let names: Vec<String> = bases
                    .iter()
                    .map(|b| gilvm_object::types::type_name(b).to_string())
                    .collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in seqs.iter_mut() {
                if s[0].is(&c) {
                    s.remove(0);
                }
            }
            out.push(c);
        }
    }

    /// Turns the operand of `raise` into an exception.
    pub fn make_raisable(&mut self, v: &Value) -> PyResult<PyErr> {
        if let Value::Obj(o) = v {
            match o.payload() {
                Payload::Type(_) if is_subtype(o, &self.g.exc.base_exception) => {
                    let inst = self.call_type(o, Args::new(&[]))?;
                    if let Value::Obj(e) = &inst {
                        if crate::error::exc_data(e).is_some() {
                            return Ok(PyErr(e.clone()));
                        }
                    }
                    let t = self.repr(v)?;
                    let it = self.repr(&Value::Obj(type_of(&inst).clone()))?;
                    return Err(self.type_error(format!(
                        "calling {t} should have returned an instance of BaseException, not {it}"
                    )));
                }
                Payload::Instance(Instance {
                    base: InstanceBase::Exception(_),
                    ..
                }) => return Ok(PyErr(o.clone())),
                _ => {}
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// `raise e from cause`.
    pub fn set_cause(&mut self, e: &PyErr, cause: Value) -> PyResult<()> {
        let cause = match &cause {
            Value::None => Value::None,
            other => {
                let c = self.make_raisable(other).map_err(|_| {
                    self.type_error("exception causes must derive from BaseException")
                })?;
                c.value()
            }
        };
        e.data().with(self.py, |d| {
            d.cause = cause;
            d.suppress_context = true;
        });
        Ok(())
    }

    /// `except T:` matching.
    pub fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let et = type_of(exc).clone();
        // (An instance of a subclass of tuple: the tuple it holds.)
        let ty = ty.base_value();
        match ty {
            Value::Obj(t) => match t.payload() {
                Payload::Type(_) => {
                    if !is_subtype(t, &self.g.exc.base_exception) {
                        return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
                    }
                    Ok(is_subtype(&et, t))
                }
                Payload::Tuple(items) => {
                    for it in items.iter() {
                        if self.exception_matches(exc, it)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
                _ => Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                )),
            },
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `with mgr:` entry: returns (bound __exit__, result of __enter__).
    pub fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let enter =
            self.lookup_special_name(mgr, &gilvm_object::static_name!(self.py, "__enter__"));
        let exit = self.lookup_special_name(mgr, &gilvm_object::static_name!(self.py, "__exit__"));
        // CPython 3.14 looks `__exit__` up first (coro.rs has the messages).
        let exit_missing = exit.is_none();
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let which = if exit_missing {
                "__exit__"
            } else {
                "__enter__"
            };
            return Err(self.missing_cm_method(mgr, which));
        };
        let ty = type_of(mgr).clone();
        let exit_b = match &exit {
            Value::Obj(o)
                if matches!(
                    o.payload(),
                    Payload::Function(_) | Payload::BuiltinFunction(_)
                ) =>
            {
                Value::Obj(self.new_obj(Owned::BoundMethod(BoundMethod {
                    func: exit.clone(),
                    receiver: mgr.clone(),
                })))
            }
            _ => self.bind_attr(exit.clone(), mgr, &ty)?,
        };
        let res = self.call_method_value(&enter, mgr, &[])?;
        Ok((exit_b, res))
    }

    /// `isinstance(v, t)` for a single type.
    pub fn isinstance(&self, v: &Value, t: &ObjRef) -> bool {
        is_subtype(type_of(v), t)
    }

    /// The name of a class for messages.
    pub fn class_name(&self, o: &ObjRef) -> String {
        gilvm_object::types::type_name(type_of_obj(o)).to_string()
    }
}
