//! Core builtins: `print`, `len`, `repr`, `isinstance`, `iter`/`next`, attribute
//! functions, the type constructors (`__new__` of the builtin types), `object`, `super`,
//! and the exception types (`property`/`staticmethod`/`classmethod` are in `descriptors`).
use gilvm_object::payload::{IterState, RangeObj};
use gilvm_object::types::{is_subtype, type_of};
use gilvm_object::Owned;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use super::{add_builtin, add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

fn print(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "print", &["sep", "end", "file", "flush"])?;
    let sep = match args.kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(v) => v.as_str().map(|s| s.to_string()).ok_or_else(|| {
            interp.type_error(format!(
                "sep must be None or a string, not {}",
                interp.type_name(v)
            ))
        })?,
    };
    let end = match args.kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(v) => v.as_str().map(|s| s.to_string()).ok_or_else(|| {
            interp.type_error(format!(
                "end must be None or a string, not {}",
                interp.type_name(v)
            ))
        })?,
    };
    let flush = match args.kw("flush") {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    // Without `file=`: `sys.stdout`, which a program may have replaced (with an object that
    // has `write`, or None: then print does nothing, as in CPython).
    let target = match args.kw("file") {
        None | Some(Value::None) => {
            let d = Interp::module_dict(&interp.g.sys).cloned();
            let cur = d
                .as_ref()
                .and_then(|d| interp.dict_get_str(d, &interp.g.names.stdout));
            let orig = d
                .as_ref()
                .and_then(|d| interp.dict_get_str(d, &interp.g.names.stdout_orig));
            match (cur, orig) {
                (Some(Value::None), _) => return Ok(Value::None),
                (Some(c), Some(o)) if !c.is(&o) => Some(c),
                (Some(c), None) => Some(c),
                _ => None,
            }
        }
        Some(f) => Some(f.clone()),
    };
    match target {
        None => {
            // The original sys.stdout: one native write of the whole line.
            let mut out = String::new();
            for (i, a) in args.pos().iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                // (An exact str only: a subclass's `__str__` may differ from its text.)
                match a.as_exact_str() {
                    Some(s) => out.push_str(s),
                    None => out.push_str(&interp.str_string(a)?),
                }
            }
            out.push_str(&end);
            crate::modules::io::write_stdout_py(interp, &out)?;
            if flush {
                crate::modules::io::flush_stdout_py(interp)?;
            }
        }
        Some(f) => {
            // As CPython: one `write` per argument, separator and end.
            let write = interp.getattr_str(&f, "write")?;
            for (i, a) in args.pos().iter().enumerate() {
                if i > 0 {
                    let s = interp.new_str(sep.as_str());
                    interp.call1(&write, &[s])?;
                }
                let s = match a.as_exact_str() {
                    Some(_) => a.clone(),
                    None => {
                        let t = interp.str_string(a)?;
                        interp.new_str(t)
                    }
                };
                interp.call1(&write, &[s])?;
            }
            let s = interp.new_str(end.as_str());
            interp.call1(&write, &[s])?;
            if flush {
                interp.call_method(&f, "flush", &[])?;
            }
        }
    }
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "len", 1, 1)?;
    Ok(Value::Int(interp.len(&a[0])? as i64))
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "repr", 1, 1)?;
    let s = interp.repr(&a[0])?;
    Ok(interp.new_str(s))
}

fn ascii(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "ascii", 1, 1)?;
    let s = interp.ascii(&a[0])?;
    Ok(interp.new_str(s))
}

fn format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "format", 1, 2)?;
    let spec = match a.get(1) {
        Some(s) => s
            .as_str()
            .ok_or_else(|| {
                interp.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    interp.type_name(s)
                ))
            })?
            .to_string(),
        None => String::new(),
    };
    interp.format(&a[0], &spec)
}

/// `isinstance(v, t)` as CPython's `PyObject_IsInstance`: exact types (and classes whose
/// metaclass is `type`) by MRO, tuples item by item, otherwise `type(t).__instancecheck__`.
pub fn isinstance_of(interp: &mut Interp, v: &Value, t: &Value, fname: &str) -> PyResult<bool> {
    if let Value::Obj(o) = t {
        match o.payload() {
            Payload::Type(tt) => {
                if !tt.has_metaclass() || type_of(v).is(o) {
                    return instance_of_type(interp, v, o);
                }
            }
            Payload::Tuple(items) => {
                for it in items.iter() {
                    if isinstance_of(interp, v, it, fname)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            // A subclass of tuple: its items (CPython's `PyTuple_Check`).
            Payload::Instance(_) => {
                if let Some(p) = t
                    .subclass_value()
                    .filter(|p| super::containers::tuple_items(p).is_some())
                {
                    let p = p.clone();
                    return isinstance_of(interp, v, &p, fname);
                }
            }
            _ => {}
        }
        if let Some(m) = interp.lookup_special_name(
            t,
            &gilvm_object::static_name!(interp.py, "__instancecheck__"),
        ) {
            if !interp.is_native_named(&m, "type_check") {
                let r = interp.call_method_value(&m, t, std::slice::from_ref(v))?;
                return interp.truthy(&r);
            }
        }
        if matches!(o.payload(), Payload::Type(_)) {
            return instance_of_type(interp, v, o);
        }
    }
    Err(interp.type_error(format!(
        "{fname}() arg 2 must be a type, a tuple of types, or a union"
    )))
}

/// `type.__instancecheck__(t, v)` (CPython's `object_isinstance`): `type(v)` is a subtype
/// of `t`, or else `v.__class__` is a class other than `type(v)` that is one
/// (`unittest.mock`'s `Mock(spec=C)` reports `C` as its `__class__`). Only an instance
/// whose class overrides `__class__` pays for the attribute lookup.
pub fn instance_of_type(interp: &mut Interp, v: &Value, t: &ObjRef) -> PyResult<bool> {
    let ty = type_of(v);
    if is_subtype(ty, t) {
        return Ok(true);
    }
    if !matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_))) {
        return Ok(false);
    }
    let name = gilvm_object::static_name!(interp.py, "__class__");
    let Some(found) = interp.lookup_special_name(v, &name) else {
        return Ok(false);
    };
    let object = interp.g.types.object.clone();
    let plain = match object.payload() {
        Payload::Type(ot) => ot.dict().get_str(interp.py, &name),
        _ => None,
    };
    if plain.is_some_and(|d| d.is(&found)) {
        return Ok(false);
    }
    match interp.getattr_optional(v, &name)? {
        Some(Value::Obj(c)) if matches!(c.payload(), Payload::Type(_)) && !c.is(type_of(v)) => {
            Ok(is_subtype(&c, t))
        }
        _ => Ok(false),
    }
}

fn isinstance(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "isinstance", 2, 2)?;
    Ok(Value::Bool(isinstance_of(
        interp,
        &a[0],
        &a[1],
        "isinstance",
    )?))
}

/// `issubclass(c, t)` as CPython's `PyObject_IsSubclass`: exact types by MRO, tuples item
/// by item, otherwise `type(t).__subclasscheck__`.
pub fn issubclass_of(interp: &mut Interp, c: &Value, t: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = t {
        match o.payload() {
            Payload::Type(tt) if !tt.has_metaclass() => return default_issubclass(interp, c, t),
            Payload::Tuple(items) => {
                for it in items.iter() {
                    if issubclass_of(interp, c, it)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            // A subclass of tuple: its items (CPython's `PyTuple_Check`).
            Payload::Instance(_) => {
                if let Some(p) = t
                    .subclass_value()
                    .filter(|p| super::containers::tuple_items(p).is_some())
                {
                    let p = p.clone();
                    return issubclass_of(interp, c, &p);
                }
            }
            _ => {}
        }
        if let Some(m) = interp.lookup_special_name(
            t,
            &gilvm_object::static_name!(interp.py, "__subclasscheck__"),
        ) {
            if !interp.is_native_named(&m, "type_check") {
                let r = interp.call_method_value(&m, t, std::slice::from_ref(c))?;
                return interp.truthy(&r);
            }
        }
    }
    default_issubclass(interp, c, t)
}

/// `type.__subclasscheck__`: both must be classes; by MRO.
fn default_issubclass(interp: &mut Interp, c: &Value, t: &Value) -> PyResult<bool> {
    let Some(c) = c
        .as_obj()
        .filter(|c| matches!(c.payload(), Payload::Type(_)))
    else {
        return Err(interp.type_error("issubclass() arg 1 must be a class"));
    };
    match t {
        Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => Ok(is_subtype(c, o)),
        _ => {
            Err(interp
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

fn issubclass(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "issubclass", 2, 2)?;
    Ok(Value::Bool(issubclass_of(interp, &a[0], &a[1])?))
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "iter", 1, 2)?;
    if a.len() == 2 {
        let st = IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        };
        return Ok(Value::Obj(
            interp.new_obj(Owned::Iter(gilvm_object::iterstate::IterCell::new(st))),
        ));
    }
    interp.iter(&a[0])
}

fn next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "next", 1, 2)?;
    if !interp.is_iterator(&a[0]) {
        return Err(interp.type_error(format!(
            "'{}' object is not an iterator",
            interp.type_name(&a[0])
        )));
    }
    if interp.is_generator(&a[0]) {
        if let Value::Obj(g) = &a[0] {
            return match interp.gen_resume(g, Value::None)? {
                crate::gen::Step::Yield(v) => Ok(v),
                crate::gen::Step::Return(v) => match a.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(interp.stop_iteration(v)),
                },
            };
        }
    }
    match interp.next(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(interp.stop_iteration(Value::None)),
        },
    }
}

/// An attribute name argument (`getattr`, `object.__setattr__`, …), interned; CPython's
/// message names no function.
fn attr_name(interp: &Interp, v: &Value, _f: &str) -> PyResult<ObjRef> {
    match v.as_str() {
        Some(s) => Ok(interp.intern(s)),
        None => Err(interp.type_error(format!(
            "attribute name must be string, not '{}'",
            interp.type_name(v)
        ))),
    }
}

fn getattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getattr", 2, 3)?;
    let n = attr_name(interp, &a[1], "getattr")?;
    match interp.getattr(&a[0], &n) {
        Ok(v) => Ok(v),
        Err(e) if a.len() == 3 && interp.matches(&e, &interp.g.exc.attribute_error.clone()) => {
            Ok(a[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setattr", 3, 3)?;
    let n = attr_name(interp, &a[1], "setattr")?;
    interp.setattr(&a[0], &n, a[2].clone())?;
    Ok(Value::None)
}

fn delattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "delattr", 2, 2)?;
    let n = attr_name(interp, &a[1], "delattr")?;
    interp.delattr(&a[0], &n)?;
    Ok(Value::None)
}

fn hasattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "hasattr", 2, 2)?;
    let n = attr_name(interp, &a[1], "hasattr")?;
    match interp.getattr(&a[0], &n) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if interp.matches(&e, &interp.g.exc.attribute_error.clone()) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn id(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "id", 1, 1)?;
    Ok(Value::Int(a[0].id() as i64))
}

fn hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "hash", 1, 1)?;
    Ok(Value::Int(interp.hash(&a[0])?))
}

fn callable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "callable", 1, 1)?;
    let r = match &a[0] {
        Value::Obj(o) => match o.payload() {
            Payload::Function(_)
            | Payload::BuiltinFunction(_)
            | Payload::BoundMethod(_)
            | Payload::Type(_) => true,
            _ => interp
                .lookup_special_name(&a[0], &gilvm_object::static_name!(interp.py, "__call__"))
                .is_some(),
        },
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn build_class(interp: &mut Interp, args: Args<'_>) -> PyResult {
    interp.build_class(args)
}

/// `dir(obj)`: `sorted(type(obj).__dir__(obj))` (so a metaclass's `__dir__`, like enum's,
/// lists a class); `dir()`: the caller's local names.
pub(crate) fn dir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "dir", 0, 1)?;
    let Some(v) = a.first() else {
        return super::exec::dir_scope(interp);
    };
    match interp.lookup_special(v, "__dir__") {
        Some(m) if !m.is_none() => {
            let r = interp.call_method_value(&m, v, &[])?;
            let items = interp.collect(&r)?;
            let list = interp.new_list(items);
            interp.call_method(&list, "sort", &[])?;
            Ok(list)
        }
        _ => default_dir(interp, v),
    }
}

/// `object.__dir__(obj)`: the instance's attributes and those of its class and bases (for a
/// class: its own and its bases'; for a module: its namespace, or its `__dir__` function).
pub(crate) fn default_dir(interp: &mut Interp, v: &Value) -> PyResult {
    let mut names: Vec<String> = Vec::new();
    {
        if let Value::Obj(o) = v {
            match o.payload() {
                Payload::Module(m) => {
                    let key = Value::Obj(interp.intern("__dir__"));
                    if let Some(f) = interp.dict_get(&m.dict, &key)? {
                        let r = interp.call1(&f, &[])?;
                        let items = interp.collect(&r)?;
                        return Ok(interp.new_list(items));
                    }
                    names.extend(
                        interp
                            .dict_items(&m.dict)?
                            .into_iter()
                            .filter_map(|(k, _)| k.as_str().map(|s| s.to_string())),
                    )
                }
                Payload::Instance(i) => {
                    names.extend(
                        i.attrs
                            .items(interp.py, i.keys())
                            .into_iter()
                            .filter_map(|(k, _)| k.as_str().map(|s| s.to_string())),
                    );
                }
                _ => {}
            }
        }
        let ty = if let Value::Obj(o) = v {
            if matches!(o.payload(), Payload::Type(_)) {
                o.clone()
            } else {
                type_of(v).clone()
            }
        } else {
            type_of(v).clone()
        };
        if let Payload::Type(t) = ty.payload() {
            let mut all = vec![ty.clone()];
            all.extend(t.mro.iter().cloned());
            for c in all {
                if let Payload::Type(ct) = c.payload() {
                    names.extend(
                        ct.dict()
                            .keys(interp.py)
                            .into_iter()
                            .filter_map(|k| k.as_str().map(|s| s.to_string())),
                    );
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let v = names.into_iter().map(|n| interp.new_str(n)).collect();
    Ok(interp.new_list(v))
}

fn input(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "input", 0, 1)?;
    if let Some(p) = a.first() {
        let s = interp.str_string(p)?;
        crate::modules::io::write_stdout_py(interp, &s)?;
    }
    crate::modules::io::flush_stdout_py(interp)?;
    let line = crate::modules::io::read_stdin_line(interp)?;
    if line.is_empty() {
        return Err(interp.err(&interp.g.exc.eof_error.clone(), "EOF when reading a line"));
    }
    let l = String::from_utf8_lossy(&line);
    Ok(interp.new_str(l.trim_end_matches('\n').trim_end_matches('\r').to_string()))
}

// ---- type constructors ----

fn object_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(interp.type_error("object.__new__(): not enough arguments"));
    };
    if cls.is(&interp.g.types.object) {
        if args.all.len() > 1 {
            return Err(interp.type_error("object() takes no arguments"));
        }
        return Ok(Value::Obj(interp.new_obj(Owned::Object(()))));
    }
    let cls = cls.clone();
    interp.new_instance(&cls)
}

fn object_init(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::None)
}

/// `object.__setattr__(o, name, v)`: the generic store, bypassing an override in `o`'s
/// class (what `super().__setattr__(name, v)` in an override reaches).
fn object_setattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__setattr__", 3, 3)?;
    let n = attr_name(interp, &a[1], "__setattr__")?;
    no_type_receiver(interp, &a[0], "__setattr__")?;
    interp.generic_setattr(&a[0], &n, a[2].clone())?;
    Ok(Value::None)
}

/// `object.__getattribute__(o, name)`: the generic lookup, without the class's
/// `__getattribute__` override or its `__getattr__`.
fn object_getattribute(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getattribute__", 2, 2)?;
    let n = attr_name(interp, &a[1], "__getattribute__")?;
    match interp.generic_getattr(&a[0], &n)? {
        Some(v) => Ok(v),
        None => Err(interp.no_attr(&a[0], &n)),
    }
}

/// `object.__delattr__(o, name)`: the generic delete.
fn object_delattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delattr__", 2, 2)?;
    let n = attr_name(interp, &a[1], "__delattr__")?;
    no_type_receiver(interp, &a[0], "__delattr__")?;
    interp.generic_delattr(&a[0], &n)?;
    Ok(Value::None)
}

/// CPython's `hackcheck`: `object.__setattr__`/`__delattr__` refuse a class (its own
/// type's are `type.__setattr__`/`__delattr__`).
fn no_type_receiver(interp: &Interp, o: &Value, f: &str) -> PyResult<()> {
    if matches!(o, Value::Obj(c) if matches!(c.payload(), Payload::Type(_))) {
        return Err(interp.type_error(format!("can't apply this {f} to type object")));
    }
    Ok(())
}

/// `type.__getattribute__(cls, name)`: class attribute lookup without a metaclass's
/// `__getattribute__` override.
fn type_getattribute(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getattribute__", 2, 2)?;
    let n = attr_name(interp, &a[1], "__getattribute__")?;
    match &a[0] {
        Value::Obj(c) if matches!(c.payload(), Payload::Type(_)) => {
            match interp.generic_getattr(&a[0], &n)? {
                Some(v) => Ok(v),
                None => Err(interp.no_attr(&a[0], &n)),
            }
        }
        v => Err(interp.type_error(format!(
            "descriptor '__getattribute__' requires a 'type' object but received a '{}'",
            interp.type_name(v)
        ))),
    }
}

fn object_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let s = crate::repr::default_repr(interp, &a[0]);
    Ok(interp.new_str(s))
}

fn object_str(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__str__", 1, 1)?;
    let s = interp.repr(&a[0])?;
    Ok(interp.new_str(s))
}

fn object_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__eq__", 2, 2)?;
    Ok(if a[0].is(&a[1]) {
        Value::Bool(true)
    } else {
        interp.not_implemented()
    })
}

fn object_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__ne__", 2, 2)?;
    let r = interp.compare(gilvm_object::code::CmpOp::Eq, &a[0], &a[1])?;
    match r {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other if interp.is_not_implemented(&other) => Ok(other),
        other => Ok(Value::Bool(!interp.truthy(&other)?)),
    }
}

fn object_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__hash__", 1, 1)?;
    Ok(Value::Int(gilvm_object::hashing::hash_pointer(a[0].id())))
}

fn object_format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__format__", 2, 2)?;
    if a[1].as_str().is_some_and(|s| !s.is_empty()) {
        return Err(interp.type_error(format!(
            "unsupported format string passed to {}.__format__",
            interp.type_name(&a[0])
        )));
    }
    interp.str_value(&a[0])
}

/// `object.__init_subclass__(cls)`: takes no arguments.
fn object_init_subclass(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if args.has_kwargs() || pos.len() > 1 {
        let q = match pos.first() {
            Some(Value::Obj(c)) => class_qualname(interp, c),
            _ => "object".to_string(),
        };
        return Err(interp.type_error(if args.has_kwargs() {
            format!("{q}.__init_subclass__() takes no keyword arguments")
        } else {
            format!(
                "{q}.__init_subclass__() takes no arguments ({} given)",
                pos.len() - 1
            )
        }));
    }
    Ok(Value::None)
}

/// A class's `__qualname__` as text.
fn class_qualname(interp: &Interp, c: &ObjRef) -> String {
    match c.payload() {
        Payload::Type(t) => t
            .qualname
            .with(interp.py, |q| q.as_str().unwrap_or(&t.name).to_string()),
        _ => "?".to_string(),
    }
}

/// `type.__new__(metatype, name, bases, ns, **kw)`.
fn type_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    let Some(m) = a.first() else {
        return Err(interp.type_error("type.__new__(): not enough arguments"));
    };
    let meta = match m {
        Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => o.clone(),
        _ => {
            return Err(interp.type_error(format!(
                "type.__new__(X): X is not a type object ({})",
                interp.type_name(m)
            )))
        }
    };
    if !is_subtype(&meta, &interp.g.types.type_) {
        let n = gilvm_object::types::type_name(&meta).to_string();
        return Err(interp.type_error(format!("type.__new__({n}): {n} is not a subtype of type")));
    }
    if a.len() != 4 {
        return Err(interp.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            a.len() - 1
        )));
    }
    let Some(name) = a[1].as_str().map(|s| s.to_string()) else {
        return Err(interp.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            interp.type_name(&a[1])
        )));
    };
    let bases: Vec<Value> = match &a[2] {
        Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)) => match o.payload() {
            Payload::Tuple(t) => t.to_vec(),
            _ => unreachable!(),
        },
        _ => {
            return Err(interp.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                interp.type_name(&a[2])
            )))
        }
    };
    let ns = match &a[3] {
        Value::Obj(o) if is_dict_like(o) => o.clone(),
        _ => {
            return Err(interp.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                interp.type_name(&a[3])
            )))
        }
    };
    let mut meta = meta;
    let mro_entries = interp.intern("__mro_entries__");
    for b in &bases {
        if !matches!(b, Value::Obj(o) if matches!(o.payload(), Payload::Type(_)))
            && interp.getattr_optional(b, &mro_entries)?.is_some()
        {
            return Err(interp
                .type_error("type() doesn't support MRO entry resolution; use types.new_class()"));
        }
    }
    let winner = interp.calculate_metaclass(&meta, &bases)?;
    if !winner.is(&meta) {
        let new_name = interp.g.names.new.clone();
        let wnew = gilvm_object::types::lookup(interp.py, &winner, &new_name);
        let tnew = gilvm_object::types::lookup(interp.py, &interp.g.types.type_, &new_name);
        if let (Some(w), Some(t)) = (&wnew, &tnew) {
            if !w.is(t) {
                // The winner has a `__new__` of its own: pass it everything.
                let f = match w {
                    Value::Obj(o) => match o.payload() {
                        Payload::StaticMethod(f) => f.clone(),
                        _ => w.clone(),
                    },
                    _ => w.clone(),
                };
                let mut v = vec![Value::Obj(winner.clone())];
                v.extend_from_slice(&args.all[1..]);
                return interp.call(
                    &f,
                    Args {
                        all: &v,
                        kwnames: args.kwnames,
                    },
                );
            }
        }
        meta = winner;
    }
    let bases = interp.bases_as_types(&bases)?;
    let kw = Args {
        all: &args.all[a.len()..],
        kwnames: args.kwnames,
    };
    if interp
        .dict_get_str(&ns, &interp.g.names.module.clone())
        .is_none()
    {
        // CPython's `type_new_set_module`: `__name__` of the running frame's globals.
        let ns2 = interp.dict_copy(&ns)?;
        let f = interp.cur_frame;
        let m = if f.is_null() {
            None
        } else {
            // SAFETY: `cur_frame` is this thread's running frame, alive during this call.
            let globals = unsafe { (*f).globals.clone() };
            interp.dict_get_str(&globals, &interp.intern("__name__"))
        };
        if let Some(m) = m {
            interp.dict_set_str(&ns2, interp.g.names.module.clone(), m);
        }
        return Ok(Value::Obj(
            interp.type_new_impl(&meta, &name, bases, &ns2, kw)?,
        ));
    }
    Ok(Value::Obj(
        interp.type_new_impl(&meta, &name, bases, &ns, kw)?,
    ))
}

/// A dict or an instance of a dict subclass.
fn is_dict_like(o: &ObjRef) -> bool {
    match o.payload() {
        Payload::Dict(_) => true,
        Payload::Instance(i) => matches!(i.base, gilvm_object::payload::InstanceBase::Dict(_)),
        _ => false,
    }
}

/// The type object a `type` method was called on (its first argument).
fn type_self<'a>(interp: &Interp, args: &Args<'a>, method: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(o)) if matches!(o.payload(), Payload::Type(_)) => Ok(o.clone()),
        // (CPython words it differently for its slot wrappers and its methods.)
        Some(v)
            if method.starts_with("__")
                && !method.ends_with("check__")
                && method != "__subclasses__" =>
        {
            Err(interp.type_error(format!(
                "descriptor '{method}' requires a 'type' object but received a '{}'",
                interp.type_name(v)
            )))
        }
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{method}' for 'type' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!(
            "descriptor '{method}' of 'type' object needs an argument"
        ))),
    }
}

/// `type.__init__(cls, *args, **kw)`: checks the argument count only.
fn type_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    type_self(interp, &args, "__init__")?;
    let n = args.pos().len() - 1;
    if args.has_kwargs() && n == 1 {
        return Err(interp.type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(interp.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`: `__new__` then `__init__`.
fn type_call_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = type_self(interp, &args, "__call__")?;
    interp.type_call(
        &cls,
        Args {
            all: &args.all[1..],
            kwnames: args.kwnames,
        },
    )
}

/// `type.__prepare__(name, bases, **kw)`: a new empty dict.
fn type_prepare(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Obj(interp.new_dict_obj()))
}

/// `type.__repr__(cls)`: `<class 'module.qualname'>`.
fn type_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = type_self(interp, &args, "__repr__")?;
    let s = crate::repr::type_repr(interp, &cls);
    Ok(interp.new_str(s))
}

/// `type.__instancecheck__(cls, obj)`.
fn type_instancecheck(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__instancecheck__", 2, 2)?;
    let cls = type_self(interp, &args, "__instancecheck__")?;
    Ok(Value::Bool(instance_of_type(interp, &a[1], &cls)?))
}

/// `type.__subclasscheck__(cls, sub)`.
fn type_subclasscheck(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__subclasscheck__", 2, 2)?;
    type_self(interp, &args, "__subclasscheck__")?;
    Ok(Value::Bool(default_issubclass(interp, &a[1], &a[0])?))
}

/// `type.__setattr__(cls, name, value)`: stores in the class namespace (through a data
/// descriptor of the metaclass if there is one).
fn type_setattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__setattr__", 3, 3)?;
    let cls = type_self(interp, &args, "__setattr__")?;
    let n = attr_name(interp, &a[1], "__setattr__")?;
    interp.type_setattr(&cls, &n, a[2].clone())?;
    Ok(Value::None)
}

/// `type.__delattr__(cls, name)`.
fn type_delattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delattr__", 2, 2)?;
    let cls = type_self(interp, &args, "__delattr__")?;
    let n = attr_name(interp, &a[1], "__delattr__")?;
    interp.type_delattr(&cls, &n)?;
    Ok(Value::None)
}

/// CPython's error for a method that takes no arguments but its receiver
/// (`A.mro() takes no arguments (1 given)`).
fn no_arguments(interp: &Interp, args: &Args<'_>, owner: &str, method: &str) -> PyResult<()> {
    let n = args.all.len() - 1;
    if n == 0 {
        return Ok(());
    }
    Err(interp.type_error(format!("{owner}.{method}() takes no arguments ({n} given)")))
}

fn type_mro(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = type_self(interp, &args, "mro")?;
    if let Payload::Type(ty) = t.payload() {
        no_arguments(interp, &args, &ty.name, "mro")?;
    }
    let a = args.pos();
    let n = interp.intern("__mro__");
    let t = interp.getattr(&a[0], &n)?;
    let items = interp.collect(&t)?;
    Ok(interp.new_list(items))
}

/// `type.__subclasses__()`: the live direct subclasses, oldest first (the weak references
/// `Interp::register_subclass` recorded; those of classes that died are forgotten here).
fn type_subclasses(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = type_self(interp, &args, "__subclasses__")?;
    let Payload::Type(ty) = t.payload() else {
        unreachable!("type_self gives a type")
    };
    no_arguments(interp, &args, &ty.name, "__subclasses__")?;
    let mut live = Vec::new();
    let mut dead = Vec::new();
    for r in ty.subclass_refs(interp.py) {
        match interp.call(&Value::Obj(r.clone()), Args::new(&[]))? {
            Value::None => dead.push(r.addr()),
            c => live.push(c),
        }
    }
    if !dead.is_empty() {
        ty.forget_subclass_refs(interp.py, &dead);
    }
    Ok(interp.new_list(live))
}

fn bool_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "bool", 1, 2)?;
    match a.get(1) {
        Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn str_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let str_ = interp.g.types.str_.clone();
    if let Some(v) = crate::builtin_sub::value_new(interp, args, &str_, str_new)? {
        return Ok(v);
    }
    args.check_kw(interp, "str", &["object", "encoding", "errors"])?;
    let a = args.count(interp, "str", 1, 4)?;
    let obj = a.get(1).or(args.kw("object"));
    match obj {
        None => Ok(interp.new_str("")),
        Some(v) => {
            for (i, k) in [(2, "encoding"), (3, "errors")] {
                if let Some(e) = a.get(i).or(args.kw(k)) {
                    if e.as_str().is_none() {
                        return Err(interp.type_error(format!(
                            "str() argument '{k}' must be str, not {}",
                            interp.type_name(e)
                        )));
                    }
                }
            }
            let decoding =
                a.len() > 2 || args.kw("encoding").is_some() || args.kw("errors").is_some();
            let is_bytes = matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Bytes(_)));
            // (A bytearray or memoryview decodes as its bytes: issue 18.)
            let buf = if decoding && !is_bytes {
                crate::buffer::bytes_like(interp.py, v).map(|b| b.into_owned())
            } else {
                None
            };
            if let Some(b) = buf {
                return super::bytes::decode_value_any(
                    interp,
                    &b,
                    a.get(2).or(args.kw("encoding")),
                    a.get(3).or(args.kw("errors")),
                );
            }
            if decoding && !is_bytes {
                return Err(interp.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    interp.type_name(v)
                )));
            }
            if let Value::Obj(o) = v {
                if let Payload::Bytes(b) = o.payload() {
                    if decoding {
                        return super::bytes::decode_value_any(
                            interp,
                            b,
                            a.get(2).or(args.kw("encoding")),
                            a.get(3).or(args.kw("errors")),
                        );
                    }
                }
            }
            interp.str_value(v)
        }
    }
}

fn list_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    // A subclass: `list.__new__` makes an empty list and ignores the arguments, which are
    // `__init__`'s (list's own `__init__` fills it; a subclass's may not call it).
    if let Some(Value::Obj(c)) = args.pos().first() {
        if !c.is(&interp.g.types.list) {
            let c = c.clone();
            return interp.new_instance(&c);
        }
    }
    if !args.kwnames.is_empty() {
        return Err(interp.type_error("list() takes no keyword arguments"));
    }
    let a = args.pos();
    if a.len() > 2 {
        return Err(interp.type_error(format!(
            "list expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    let items = match a.get(1) {
        Some(v) => interp.collect(v)?,
        None => vec![],
    };
    Ok(interp.new_list(items))
}

fn list_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if a.len() == 2 {
        if let Value::Obj(o) = &a[0] {
            if let Payload::Instance(i) = o.payload() {
                if let gilvm_object::payload::InstanceBase::List(l) = &i.base {
                    let items = interp.collect(&a[1])?;
                    drop(l.replace(interp.py, items));
                }
            }
        }
    }
    Ok(Value::None)
}

fn tuple_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let tuple = interp.g.types.tuple.clone();
    if args.has_kwargs() {
        super::numbers::kwargs_for_own_init(interp, &args, &tuple, "tuple")?;
        return tuple_new(interp, Args::new(args.pos()));
    }
    if let Some(v) = crate::builtin_sub::value_new(interp, args, &tuple, tuple_new)? {
        return Ok(v);
    }
    if args.has_kwargs() {
        return Err(interp.type_error("tuple() takes no keyword arguments"));
    }
    let a = args.pos();
    if a.len() > 2 {
        return Err(interp.type_error(format!(
            "tuple expected at most 1 argument, got {}",
            a.len() - 1
        )));
    }
    match a.get(1) {
        Some(v) => {
            if let Value::Obj(o) = v {
                if matches!(o.payload(), Payload::Tuple(_)) {
                    return Ok(v.clone());
                }
            }
            let items = interp.collect(v)?;
            Ok(interp.new_tuple(items))
        }
        None => Ok(interp.new_tuple(vec![])),
    }
}

fn dict_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let cls = pos.first().cloned().unwrap_or(Value::None);
    let d = match &cls {
        Value::Obj(c) if !c.is(&interp.g.types.dict) => {
            let inst = interp.new_instance(c)?;
            inst.as_obj().cloned().unwrap()
        }
        _ => interp.new_dict_obj(),
    };
    if !matches!(&cls, Value::Obj(c) if !c.is(&interp.g.types.dict)) {
        dict_fill(interp, &d, args)?;
    }
    Ok(Value::Obj(d))
}

/// `dict(mapping_or_pairs, **kw)` contents (also `dict.__init__` and `update`).
pub fn dict_fill(interp: &mut Interp, d: &ObjRef, args: Args<'_>) -> PyResult<()> {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    if let Some(src) = pos.get(1) {
        interp.dict_update_from(d, src, None)?;
    }
    for (k, v) in args.kwargs() {
        let key = interp.new_str(k);
        interp.dict_set(d, key, v.clone())?;
    }
    Ok(())
}

fn dict_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if let Some(Value::Obj(d)) = args.pos().first() {
        if matches!(d.payload(), Payload::Instance(_)) {
            let d = d.clone();
            dict_fill(interp, &d, args)?;
        }
    }
    Ok(Value::None)
}

fn range_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "range", 2, 4)?;
    let mut n = Vec::new();
    for v in &a[1..] {
        // Issue 19: bounds beyond i64 make a long range (longrange.rs).
        if v.to_bigint().is_some() && gilvm_object::keys::as_index_i64(v).is_none() {
            return super::longrange::range_new_big(interp, &a[1..]);
        }
        n.push(interp.index_value(v).map_err(|e| {
            if interp.matches(&e, &interp.g.exc.type_error.clone()) {
                interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                ))
            } else {
                e
            }
        })?);
    }
    let (start, stop, step) = match n.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        _ => (n[0], n[1], n[2]),
    };
    if step == 0 {
        return Err(interp.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(interp.new_obj(Owned::Range(RangeObj {
        start,
        stop,
        step,
    }))))
}

fn slice_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "slice", 2, 4)?;
    let s = match a.len() {
        2 => [Value::None, a[1].clone(), Value::None],
        3 => [a[1].clone(), a[2].clone(), Value::None],
        _ => [a[1].clone(), a[2].clone(), a[3].clone()],
    };
    Ok(Value::Obj(interp.new_obj(Owned::Slice(Box::new(s)))))
}

/// `super()` objects are represented as a native object holding (class, instance).
pub struct SuperObj {
    pub start: ObjRef,
    pub obj: Value,
}

fn super_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "super", 1, 3)?;
    let (start, obj) = if a.len() == 3 {
        (a[1].clone(), a[2].clone())
    } else if a.len() == 2 {
        (a[1].clone(), Value::None)
    } else {
        return Err(interp.runtime_error("super(): no arguments"));
    };
    if let Value::Obj(s) = &start {
        if !matches!(s.payload(), Payload::Type(_)) {
            return Err(interp.type_error(format!(
                "super() argument 1 must be a type, not {}",
                interp.type_name(&start)
            )));
        }
        let ok = match &obj {
            Value::None => true,
            Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => {
                is_subtype(o, s) || is_subtype(type_of(&obj), s)
            }
            _ => is_subtype(type_of(&obj), s),
        };
        if !ok {
            return Err(
                interp.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
    }
    let Value::Obj(start) = start else {
        return Err(interp.type_error("super() argument 1 must be a type"));
    };
    let cls = interp.super_type();
    let data: Box<dyn std::any::Any> = Box::new(SuperObj { start, obj });
    Ok(Value::Obj(interp.new_obj(Owned::Native(
        gilvm_object::payload::NativeObj {
            class: cls,
            data: ObjCell::new(data),
            tag: 0,
        },
    ))))
}

fn exc_types(interp: &mut Interp) {
    let excs: Vec<(&'static str, ObjRef)> = interp
        .g
        .exc
        .all()
        .into_iter()
        .map(|(n, t)| (n, t.clone()))
        .collect();
    for (name, t) in excs {
        interp.dict_set_str(
            &interp.g.builtins_dict.clone(),
            interp.intern(name),
            Value::Obj(t),
        );
    }
    let be = interp.g.exc.base_exception.clone();
    add_static(interp, &be, "__new__", crate::exc_methods::exc_new);
    add_method(interp, &be, "__init__", crate::exc_methods::exc_init);
    add_method(
        interp,
        &be,
        "with_traceback",
        crate::exc_methods::exc_with_traceback,
    );
    add_method(interp, &be, "add_note", crate::exc_methods::exc_add_note);
    add_method(interp, &be, "__str__", crate::exc_methods::exc_str_method);
    add_method(interp, &be, "__repr__", crate::exc_methods::exc_repr_method);
    let _ = interp.intern("EnvironmentError");
    let os = Value::Obj(interp.g.exc.os_error.clone());
    interp.dict_set_str(
        &interp.g.builtins_dict.clone(),
        interp.intern("EnvironmentError"),
        os.clone(),
    );
    interp.dict_set_str(
        &interp.g.builtins_dict.clone(),
        interp.intern("IOError"),
        os,
    );
}

pub(crate) fn gen_send(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "send", 2, 2)?;
    let Value::Obj(g) = &a[0] else {
        return Err(interp.type_error("send() needs a generator"));
    };
    match interp.gen_resume(g, a[1].clone())? {
        crate::gen::Step::Yield(v) => Ok(v),
        crate::gen::Step::Return(v) => Err(interp.stop_iteration(v)),
    }
}

fn gen_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    let Value::Obj(g) = &a[0] else {
        return Err(interp.type_error("__next__ needs a generator"));
    };
    match interp.gen_resume(g, Value::None)? {
        crate::gen::Step::Yield(v) => Ok(v),
        crate::gen::Step::Return(v) => Err(interp.stop_iteration(v)),
    }
}

fn gen_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

pub(crate) fn gen_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    let Value::Obj(g) = &a[0] else {
        return Err(interp.type_error("close() needs a generator"));
    };
    let Payload::Native(n) = g.payload() else {
        return Err(interp.type_error("close() needs a generator"));
    };
    // Suspended at a yield: GeneratorExit is raised there, so its `finally` blocks and
    // `with` exits run. Not started, or finished: there is nothing to run.
    let suspended = n.data.with(interp.py, |b| {
        b.downcast_mut::<crate::gen::GenState>()
            .is_some_and(|s| !s.finished && s.frame.as_ref().is_some_and(|f| f.started))
    });
    if !suspended {
        // Not started or finished: nothing runs. Running (its frame is out of the state):
        // close() from inside the generator itself.
        let (running, frame, kind) = n.data.with(interp.py, |b| {
            match b.downcast_mut::<crate::gen::GenState>() {
                Some(s) if s.frame.is_none() && !s.finished => (true, None, s.kind),
                Some(s) => {
                    s.finished = true;
                    (false, s.frame.take(), s.kind)
                }
                None => (false, None, crate::gen::GenKind::Generator),
            }
        });
        if running {
            return Err(interp.value_error(format!("{} already executing", kind.noun())));
        }
        if let Some(f) = frame {
            interp.recycle_frame(f);
        }
        return Ok(Value::None);
    }
    let kind = n.data.with(interp.py, |b| {
        b.downcast_ref::<crate::gen::GenState>()
            .map_or(crate::gen::GenKind::Generator, |s| s.kind)
    });
    let exit = Value::Obj(interp.g.exc.generator_exit.clone());
    let e = interp.make_raisable(&exit)?;
    match interp.gen_throw_into(g, e) {
        Ok(crate::gen::Step::Yield(_)) => {
            Err(interp.runtime_error(format!("{} ignored GeneratorExit", kind.noun())))
        }
        // The value a generator returns on GeneratorExit is close()'s.
        Ok(crate::gen::Step::Return(v)) => Ok(v),
        Err(e)
            if interp.matches(&e, &interp.g.exc.generator_exit.clone())
                || interp.matches(&e, &interp.g.exc.stop_iteration.clone()) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn gen_throw(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "throw", 2, 4)?;
    let Value::Obj(g) = &a[0] else {
        return Err(interp.type_error("throw() needs a generator"));
    };
    // throw(type, value): the type called with the value (the deprecated 2- and 3-argument
    // form); throw(instance) or throw(type) otherwise.
    if a.len() > 2 {
        crate::coro::warn_throw_signature(interp, "throw")?;
    }
    let e = crate::coro::throw_args_exception(interp, &a[1..])?;
    match interp.gen_throw_into(g, e)? {
        crate::gen::Step::Yield(v) => Ok(v),
        crate::gen::Step::Return(v) => Err(interp.stop_iteration(v)),
    }
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    for (name, ty) in t.all() {
        if matches!(
            name,
            "object"
                | "type"
                | "int"
                | "float"
                | "bool"
                | "str"
                | "bytes"
                | "list"
                | "tuple"
                | "dict"
                | "set"
                | "frozenset"
                | "range"
                | "slice"
                | "property"
                | "staticmethod"
                | "classmethod"
        ) {
            interp.dict_set_str(
                &interp.g.builtins_dict.clone(),
                interp.intern(name),
                Value::Obj(ty.clone()),
            );
        }
        if let Payload::Type(tt) = ty.payload() {
            tt.dict().set_str(
                interp.py,
                interp.g.names.module.clone(),
                Value::Obj(interp.intern("builtins")),
            );
        }
    }
    for ty in [
        &t.bool_,
        &t.range,
        &t.slice,
        &t.function,
        &t.builtin_function,
        &t.none,
        &t.generator_type_placeholder(),
    ] {
        let _ = ty;
    }
    let b = |i: &mut Interp, n: &'static str, f: crate::interp::NativeFn| add_builtin(i, n, f);
    b(interp, "print", print);
    b(interp, "len", len);
    b(interp, "repr", repr);
    b(interp, "ascii", ascii);
    b(interp, "format", format);
    b(interp, "isinstance", isinstance);
    b(interp, "issubclass", issubclass);
    b(interp, "iter", iter);
    b(interp, "next", next);
    b(interp, "getattr", getattr);
    b(interp, "setattr", setattr);
    b(interp, "delattr", delattr);
    b(interp, "hasattr", hasattr);
    b(interp, "id", id);
    b(interp, "hash", hash);
    b(interp, "callable", callable);
    b(interp, "__build_class__", build_class);
    b(interp, "dir", dir);
    b(interp, "input", input);
    let bd = interp.g.builtins_dict.clone();
    interp.dict_set_str(&bd, interp.intern("None"), Value::None);
    interp.dict_set_str(&bd, interp.intern("True"), Value::Bool(true));
    interp.dict_set_str(&bd, interp.intern("False"), Value::Bool(false));
    interp.dict_set_str(
        &bd,
        interp.intern("NotImplemented"),
        Value::Obj(interp.g.not_implemented.clone()),
    );
    interp.dict_set_str(
        &bd,
        interp.intern("Ellipsis"),
        Value::Obj(interp.g.ellipsis.clone()),
    );
    interp.dict_set_str(&bd, interp.intern("__debug__"), Value::Bool(true));
    let sup = interp.super_type();
    interp.dict_set_str(&bd, interp.intern("super"), Value::Obj(sup.clone()));
    add_static(interp, &sup, "__new__", super_new);

    add_static(interp, &t.object, "__new__", object_new);
    let init = interp.new_native_with("__init__", object_init, Value::Obj(interp.intern("object")));
    t.object.type_dict_set(interp, "__init__", init);
    // A class method of `object` (its data is the type: `Interp::bind_classmethod`).
    let isub = interp.new_native_with(
        "__init_subclass__",
        object_init_subclass,
        Value::Obj(t.object.clone()),
    );
    let isub = Value::Obj(interp.new_obj(Owned::ClassMethod(isub)));
    t.object.type_dict_set(interp, "__init_subclass__", isub);
    let sa = interp.new_native_with(
        "__setattr__",
        object_setattr,
        Value::Obj(interp.intern("object")),
    );
    t.object.type_dict_set(interp, "__setattr__", sa);
    add_method(interp, &t.object, "__getattribute__", object_getattribute);
    add_method(interp, &t.object, "__delattr__", object_delattr);
    let r = interp.new_native_with(
        "__repr__",
        object_repr,
        Value::Obj(interp.intern("object_repr")),
    );
    t.object.type_dict_set(interp, "__repr__", r);
    add_method(interp, &t.object, "__str__", object_str);
    add_method(interp, &t.object, "__eq__", object_eq);
    add_method(interp, &t.object, "__ne__", object_ne);
    add_method(interp, &t.object, "__hash__", object_hash);
    add_method(interp, &t.object, "__format__", object_format);
    add_static(interp, &t.type_, "__new__", type_new);
    for (name, f, tag) in [
        (
            "__init__",
            type_init as crate::interp::NativeFn,
            "type_init",
        ),
        ("__call__", type_call_method, "type_call"),
        ("__repr__", type_repr, "type_repr"),
        ("__instancecheck__", type_instancecheck, "type_check"),
        ("__subclasscheck__", type_subclasscheck, "type_check"),
        ("__setattr__", type_setattr, "type_setattr"),
        ("__delattr__", type_delattr, "type_delattr"),
    ] {
        let v = interp.new_native_with(name, f, Value::Obj(interp.intern(tag)));
        t.type_.type_dict_set(interp, name, v);
    }
    super::add_classmethod(interp, &t.type_, "__prepare__", type_prepare);
    add_method(interp, &t.type_, "__getattribute__", type_getattribute);
    add_method(interp, &t.type_, "mro", type_mro);
    crate::slots::register(interp);
    add_method(interp, &t.type_, "__subclasses__", type_subclasses);
    add_static(interp, &t.bool_, "__new__", bool_new);
    add_static(interp, &t.str_, "__new__", str_new);
    add_static(interp, &t.list, "__new__", list_new);
    add_method(interp, &t.list, "__init__", list_init);
    add_static(interp, &t.tuple, "__new__", tuple_new);
    add_static(interp, &t.dict, "__new__", dict_new);
    add_method(interp, &t.dict, "__init__", dict_init);
    add_static(interp, &t.range, "__new__", range_new);
    add_static(interp, &t.slice, "__new__", slice_new);
    super::descriptors::register(interp);
    let g = interp.g.generator_type.clone();
    add_method(interp, &g, "send", gen_send);
    add_method(interp, &g, "__next__", gen_next);
    add_method(interp, &g, "__iter__", gen_iter);
    add_method(interp, &g, "close", gen_close);
    add_method(interp, &g, "throw", gen_throw);
    // Coroutines and async generators (coro.rs, asyncgen.rs).
    crate::coro::register(interp);
    // The code type's `co_*` descriptors (helper ctests).
    super::code_obj::register(interp);
    // The iterator types' `__iter__`/`__next__` are `itertypes.rs`'s.
    exc_types(interp);
}

/// Helpers on type objects.
pub trait TypeDictSet {
    fn type_dict_set(&self, interp: &mut Interp, name: &str, v: Value);
    fn generator_type_placeholder(&self) -> ObjRef;
}

impl TypeDictSet for ObjRef {
    fn type_dict_set(&self, interp: &mut Interp, name: &str, v: Value) {
        // Used at start-up on builtin types with freshly made values (see publish_native).
        super::publish_native(&v);
        if let Payload::Type(t) = self.payload() {
            t.dict().set_str(interp.py, interp.intern(name), v);
        }
    }
    fn generator_type_placeholder(&self) -> ObjRef {
        self.clone()
    }
}

impl TypeDictSet for gilvm_object::types::BuiltinTypes {
    fn type_dict_set(&self, _interp: &mut Interp, _name: &str, _v: Value) {}
    fn generator_type_placeholder(&self) -> ObjRef {
        self.object.clone()
    }
}

impl Interp {
    /// The `super` type (created on first use).
    pub fn super_type(&mut self) -> ObjRef {
        let n = self.intern("super");
        if let Some(Value::Obj(t)) = self.dict_get_str(&self.g.builtins_dict.clone(), &n) {
            if matches!(t.payload(), Payload::Type(_)) {
                return t;
            }
        }
        let dict = self.new_dict_obj();
        let object = self.g.types.object.clone();
        let t = gilvm_object::types::new_type(
            self.py,
            "super",
            vec![object.clone()],
            vec![object],
            dict,
            gilvm_object::types::Layout::Builtin,
            false,
        );
        t.make_immortal();
        t
    }
}
