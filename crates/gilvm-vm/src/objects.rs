//! Calling types (instance creation), `__build_class__`, and the exception-raising and
//! context-manager helpers the eval loop uses.
use gilvm_object::payload::{BoundMethod, Instance, InstanceBase};
use gilvm_object::types::{is_subtype, lookup, new_class, type_of, type_of_obj, Layout};
use gilvm_object::Owned;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::frame::code_of;
use crate::interp::Interp;

impl Interp {
    /// `cls(*args)`.
    pub fn call_type(&mut self, t: &ObjRef, args: Args<'_>) -> PyResult {
        if args.all.len() == 1 && args.kwnames.is_empty() {
            if let Some(v) = self.convert_fast(t, &args.all[0]) {
                return v;
            }
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
        let obj = self.with_prepended(Value::Obj(t.clone()), args, |s, a| s.call(&new_fn, a))?;
        // __init__ when __new__ returned an instance of the class.
        if is_subtype(type_of(&obj), t) {
            if let Some(init) = lookup(self.py, type_of(&obj), &self.g.names.init.clone()) {
                if !self.is_native_named(&init, "object") {
                    let r = self.with_prepended(obj.clone(), args, |s, a| s.call(&init, a))?;
                    if !r.is_none() {
                        return Err(self.type_error(format!(
                            "__init__() should return None, not '{}'",
                            self.type_name(&r)
                        )));
                    }
                } else if args.all.len() > 0 && self.is_native_named(&new, "object") {
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

    /// Is `v` a builtin function tagged with `tag` (used to recognise `object.__init__`)?
    pub fn is_native_named(&self, v: &Value, tag: &str) -> bool {
        matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::BuiltinFunction(b) if b.data.as_str() == Some(tag)))
    }

    /// Calls a non-function object (an instance with `__call__`).
    pub fn call_object(&mut self, f: &Value, args: Args<'_>) -> PyResult {
        if let Some(m) = self.lookup_special(f, "__call__") {
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
        let base = match t.layout {
            Layout::Exception => InstanceBase::Exception(Box::new(ObjCell::new(
                gilvm_object::exc::ExcData::new(Value::Obj(self.g.empty_tuple.clone())),
            ))),
            Layout::List => InstanceBase::List(Box::default()),
            Layout::Dict => InstanceBase::Dict(Box::default()),
            Layout::Object => InstanceBase::Object,
            Layout::Builtin => {
                return Err(self.type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    t.name, t.name
                )))
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

    /// `__build_class__(func, name, *bases, metaclass=…, **kw)`.
    pub fn build_class(&mut self, args: Args<'_>) -> PyResult {
        let pos = args.pos();
        if pos.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments"));
        }
        let func = pos[0].clone();
        let name = pos[1]
            .as_str()
            .ok_or_else(|| self.type_error("__build_class__: name is not a string"))?
            .to_string();
        let mut bases: Vec<ObjRef> = Vec::new();
        for b in &pos[2..] {
            match b {
                Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => bases.push(o.clone()),
                _ => {
                    return Err(
                        self.type_error(format!("bases must be types, not {}", self.type_name(b)))
                    )
                }
            }
        }
        let metaclass = args.kw("metaclass").cloned();
        // Run the body with a fresh namespace.
        let ns = self.new_dict_obj();
        let Value::Obj(fo) = &func else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let Payload::Function(f) = fo.payload() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let code = code_of(&f.code);
        let mut frame = self.new_frame(f.code.clone(), f.globals.clone(), Some(ns.clone()));
        frame.fast.resize(code.nlocals(), Value::Undef);
        for _ in 0..code.cellvars.len() {
            frame.fast.push(Value::Obj(
                self.new_obj(Owned::Cell(ObjCell::new(Value::Undef))),
            ));
        }
        for c in f.closure.iter() {
            frame.fast.push(Value::Obj(c.clone()));
        }
        self.run_frame(frame)?;
        if let Some(m) = metaclass {
            if !matches!(&m, Value::Obj(o) if o.is(&self.g.types.type_)) {
                let bt = bases.iter().map(|b| Value::Obj(b.clone())).collect();
                let bt = self.new_tuple(bt);
                let n = self.new_str(name.clone());
                return self.call1(&m, &[n, bt, Value::Obj(ns)]);
            }
        }
        let cls = self.make_class(&name, bases, &ns)?;
        if let Some(cell) = self.dict_del_str(&ns, &self.g.names.classcell.clone()) {
            if let Value::Obj(c) = cell {
                if let Payload::Cell(cc) = c.payload() {
                    cc.with(self.py, |v| *v = Value::Obj(cls.clone()));
                }
            }
        }
        Ok(Value::Obj(cls))
    }

    /// Creates a class object from a name, bases and namespace (also `type(name, bases, ns)`).
    pub fn make_class(
        &mut self,
        name: &str,
        mut bases: Vec<ObjRef>,
        ns: &ObjRef,
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
                } else if b.is(&self.g.types.object) || crate::modules::thread::is_local_type(b) {
                    Layout::Object
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
        let mro = self.c3_mro(&bases)?;
        let instance_dict = self.class_has_instance_dict(&bases, ns)?;
        let cls = new_class(self.py, name, bases, mro, ns.clone(), layout, instance_dict);
        if let Some(q) = self.dict_get_str(ns, &self.g.names.qualname.clone()) {
            if let Payload::Type(t) = cls.payload() {
                t.qualname.with(self.py, |x| *x = q);
            }
            self.dict_del_str(ns, &self.g.names.qualname.clone());
        }
        // __set_name__ and __init_subclass__ hooks.
        for (k, v) in self.dict_items(ns)? {
            if let Value::Obj(_) = &v {
                if matches!(&v, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_))) {
                    if let Some(m) = self.lookup_special(&v, "__set_name__") {
                        self.call_method_value(&m, &v, &[Value::Obj(cls.clone()), k.clone()])?;
                    }
                }
            }
        }
        if let Payload::Type(t) = cls.payload() {
            for b in t.mro.iter() {
                if let Some(Value::Obj(isub)) = b.payload_type_dict_get(self, "__init_subclass__") {
                    let f = match isub.payload() {
                        Payload::ClassMethod(f) => f.clone(),
                        _ => Value::Obj(isub.clone()),
                    };
                    if !self.is_native_named(&f, "object") {
                        self.call1(&f, &[Value::Obj(cls.clone())])?;
                    }
                    break;
                }
            }
        }
        Ok(cls)
    }

    /// Do a new class's instances have a `__dict__`? Yes unless its namespace has
    /// `__slots__` without `"__dict__"` and no base gives its instances one. (A class
    /// whose `__slots__` names attributes keeps a dict for now, as the slots themselves
    /// are not stored apart yet.)
    fn class_has_instance_dict(&mut self, bases: &[ObjRef], ns: &ObjRef) -> PyResult<bool> {
        let Some(slots) = self.dict_get_str(ns, &self.g.names.slots.clone()) else {
            return Ok(true);
        };
        if bases
            .iter()
            .any(|b| matches!(b.payload(), Payload::Type(t) if t.instance_dict))
        {
            return Ok(true);
        }
        let names = if slots.as_str().is_some() {
            vec![slots]
        } else {
            self.collect(&slots)?
        };
        Ok(!names.is_empty())
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
                    if let Value::Obj(e) = inst {
                        if crate::error::exc_data(&e).is_some() {
                            return Ok(PyErr(e));
                        }
                    }
                    return Err(self.type_error(
                        "calling exception type did not return an exception instance",
                    ));
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
        let enter = self.lookup_special(mgr, "__enter__");
        let exit = self.lookup_special(mgr, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(mgr)
            )));
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

/// Reads a type's own dict entry by name.
pub trait TypeDictGet {
    fn payload_type_dict_get(&self, interp: &Interp, name: &str) -> Option<Value>;
}

impl TypeDictGet for ObjRef {
    fn payload_type_dict_get(&self, interp: &Interp, name: &str) -> Option<Value> {
        match self.payload() {
            Payload::Type(t) => t.dict().get_str(interp.py, &interp.intern(name)),
            _ => None,
        }
    }
}
