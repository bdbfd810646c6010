//! `collections.namedtuple`.
//!
//! gilvm has no tuple-subclass instance layout, so a namedtuple class is built natively: its
//! bases are `(tuple,)` (so `isinstance(p, tuple)` and `issubclass` hold) but its instances
//! keep their items in the list-layout instance base (never exposed as a list), and the class
//! defines every tuple operation itself (`__getitem__`, `__len__`, `__iter__`, `__contains__`,
//! `__hash__`, comparisons, `+`, `*`, `count`, `index`). Fields are read-only properties.
//! Instances of the namedtuple class itself have no `__dict__` (`__slots__ = ()`); user
//! subclasses without `__slots__` get one. Differences from CPython: the class's
//! `__module__` defaults to `'__main__'` (gilvm cannot see the caller's module), and builtins
//! that special-case real tuples (e.g. `%`-formatting arguments) see a non-tuple.
use gilvm_object::code::CmpOp;
use gilvm_object::list::PyList;
use gilvm_object::payload::{Instance, InstanceBase};
use gilvm_object::types::{is_subtype, lookup, new_class, type_of, Layout};
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use super::util::native_closure;
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f == '_' || f.is_alphabetic() => c.all(|x| x == '_' || x.is_alphanumeric()),
        _ => false,
    }
}

/// `namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
pub fn namedtuple(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            pos.len()
        )));
    }
    let mut typename = pos.first().cloned();
    let mut field_names = pos.get(1).cloned();
    let (mut rename, mut defaults, mut module) = (false, Value::None, Value::None);
    for (k, v) in args.kwargs() {
        match k {
            "typename" if typename.is_none() => typename = Some(v.clone()),
            "field_names" if field_names.is_none() => field_names = Some(v.clone()),
            "typename" | "field_names" => {
                return Err(interp.type_error(format!(
                    "namedtuple() got multiple values for argument '{k}'"
                )))
            }
            "rename" => rename = interp.truthy(v)?,
            "defaults" => defaults = v.clone(),
            "module" => module = v.clone(),
            _ => {
                return Err(interp.type_error(format!(
                    "namedtuple() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let missing: Vec<&str> = [
        ("typename", typename.is_none()),
        ("field_names", field_names.is_none()),
    ]
    .iter()
    .filter(|x| x.1)
    .map(|x| x.0)
    .collect();
    if !missing.is_empty() {
        let msg = if missing.len() == 1 {
            format!(
                "namedtuple() missing 1 required positional argument: '{}'",
                missing[0]
            )
        } else {
            "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'"
                .to_string()
        };
        return Err(interp.type_error(msg));
    }
    let typename = interp.str_string(&typename.unwrap())?;
    let field_names = field_names.unwrap();
    let mut fields: Vec<String> = match field_names.as_str() {
        Some(s) => s
            .replace(',', " ")
            .split_whitespace()
            .map(|x| x.to_string())
            .collect(),
        None => {
            let mut out = Vec::new();
            for f in interp.collect(&field_names)? {
                out.push(interp.str_string(&f)?);
            }
            out
        }
    };
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, name) in fields.iter_mut().enumerate() {
            if !is_identifier(name)
                || KEYWORDS.contains(&name.as_str())
                || name.starts_with('_')
                || seen.contains(name)
            {
                *name = format!("_{i}");
            }
            seen.push(name.clone());
        }
    }
    for name in std::iter::once(&typename).chain(fields.iter()) {
        if !is_identifier(name) {
            let r = crate::repr::str_repr(name);
            return Err(interp.value_error(format!(
                "Type names and field names must be valid identifiers: {r}"
            )));
        }
        if KEYWORDS.contains(&name.as_str()) {
            let r = crate::repr::str_repr(name);
            return Err(interp.value_error(format!(
                "Type names and field names cannot be a keyword: {r}"
            )));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for name in &fields {
        if name.starts_with('_') && !rename {
            let r = crate::repr::str_repr(name);
            return Err(
                interp.value_error(format!("Field names cannot start with an underscore: {r}"))
            );
        }
        if seen.contains(&name) {
            let r = crate::repr::str_repr(name);
            return Err(interp.value_error(format!("Encountered duplicate field name: {r}")));
        }
        seen.push(name);
    }
    let defaults = if defaults.is_none() {
        Vec::new()
    } else {
        interp.collect(&defaults)?
    };
    if defaults.len() > fields.len() {
        return Err(interp.type_error("Got more default values than field names"));
    }
    let module = if module.is_none() {
        "__main__".to_string()
    } else {
        interp.str_string(&module)?
    };
    let field_refs: Vec<&str> = fields.iter().map(|s| s.as_str()).collect();
    Ok(Value::Obj(make_namedtuple(
        interp,
        &typename,
        &field_refs,
        defaults,
        &module,
    )))
}

/// Creates a namedtuple class (also used by other native modules, e.g. functools'
/// `CacheInfo`).
pub fn make_namedtuple(
    interp: &mut Interp,
    typename: &str,
    fields: &[&str],
    defaults: Vec<Value>,
    module: &str,
) -> ObjRef {
    let ns = interp.new_dict_obj();
    let set = |interp: &Interp, k: &str, v: Value| interp.dict_set_str(&ns, interp.intern(k), v);
    set(interp, "__module__", interp.new_str(module));
    set(
        interp,
        "__doc__",
        interp.new_str(format!("{typename}({})", fields.join(", "))),
    );
    set(interp, "__slots__", interp.new_tuple(vec![]));
    let names: Vec<Value> = fields
        .iter()
        .map(|f| Value::Obj(interp.intern(f)))
        .collect();
    let fields_t = interp.new_tuple(names.clone());
    set(interp, "_fields", fields_t.clone());
    set(interp, "__match_args__", fields_t);
    let fd = interp.new_dict_obj();
    let first_default = fields.len() - defaults.len();
    for (i, d) in defaults.into_iter().enumerate() {
        interp.dict_set_str(&fd, interp.intern(fields[first_default + i]), d);
    }
    set(interp, "_field_defaults", Value::Obj(fd));
    let methods: &[(&'static str, NativeFn)] = &[
        ("_replace", nt_replace),
        ("_asdict", nt_asdict),
        ("__repr__", nt_repr),
        ("__getnewargs__", nt_getnewargs),
        ("__getitem__", nt_getitem),
        ("__len__", nt_len),
        ("__iter__", nt_iter),
        ("__contains__", nt_contains),
        ("__hash__", nt_hash),
        ("__eq__", nt_eq),
        ("__ne__", nt_ne),
        ("__lt__", nt_lt),
        ("__le__", nt_le),
        ("__gt__", nt_gt),
        ("__ge__", nt_ge),
        ("__add__", nt_add),
        ("__mul__", nt_mul),
        ("__rmul__", nt_mul),
        ("count", nt_count),
        ("index", nt_index),
    ];
    for (n, f) in methods {
        let v = interp.new_native(n, *f);
        set(interp, n, v);
    }
    let new = interp.new_native_with("__new__", nt_new, Value::Obj(interp.intern("static")));
    set(interp, "__new__", new);
    let make = interp.new_native("_make", nt_make);
    set(
        interp,
        "_make",
        Value::Obj(interp.new_obj(Owned::ClassMethod(make))),
    );
    let setter = interp.new_native("__set__", nt_field_set);
    let deleter = interp.new_native("__delete__", nt_field_del);
    for (i, f) in fields.iter().enumerate() {
        let getter = native_closure(interp, "_tuplegetter", nt_field, Value::Int(i as i64));
        let p = Value::Obj(interp.new_obj(Owned::Property(Box::new([
            getter,
            setter.clone(),
            deleter.clone(),
        ]))));
        set(interp, f, p);
    }
    let tuple = interp.g.types.tuple.clone();
    let object = interp.g.types.object.clone();
    // `__slots__ = ()`: no instance `__dict__`.
    let cls = new_class(
        interp.py,
        typename,
        vec![tuple.clone()],
        vec![tuple, object],
        ns,
        Layout::List,
        false,
        None,
    );
    interp.register_subclass(&cls);
    cls
}

/// The items of a namedtuple instance or tuple.
fn items_of(interp: &Interp, v: &Value) -> Option<Vec<Value>> {
    let Value::Obj(o) = v else { return None };
    match o.payload() {
        Payload::Tuple(t) => Some(t.to_vec()),
        Payload::Instance(Instance {
            class,
            base: InstanceBase::List(l),
            ..
        }) if is_subtype(class, &interp.g.types.tuple) => Some(l.snapshot(interp.py)),
        _ => None,
    }
}

fn self_items(interp: &Interp, v: &Value) -> PyResult<Vec<Value>> {
    items_of(interp, v).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a 'tuple' object but received a '{}'",
            interp.type_name(v)
        ))
    })
}

fn fields_of(interp: &mut Interp, cls: &ObjRef) -> PyResult<Vec<Value>> {
    match lookup(interp.py, cls, &interp.intern("_fields")) {
        Some(f) => interp.collect(&f),
        None => Ok(vec![]),
    }
}

/// The name of the namedtuple class itself (the one defining `_fields`) for messages.
fn base_name(interp: &Interp, cls: &ObjRef) -> String {
    let key = interp.intern("_fields");
    let Payload::Type(t) = cls.payload() else {
        return "?".into();
    };
    for c in std::iter::once(cls).chain(t.mro.iter()) {
        if let Payload::Type(ct) = c.payload() {
            if ct.dict().get_str(interp.py, &key).is_some() {
                return ct.name.to_string();
            }
        }
    }
    t.name.to_string()
}

fn make_instance(interp: &mut Interp, cls: &ObjRef, items: Vec<Value>) -> PyResult {
    let Payload::Type(t) = cls.payload() else {
        return Err(interp.type_error("namedtuple.__new__(X): X is not a type object"));
    };
    if t.layout != Layout::List || !is_subtype(cls, &interp.g.types.tuple) {
        return Err(interp.type_error(format!(
            "namedtuple.__new__({}): not a namedtuple class",
            t.name
        )));
    }
    // (Whether the instance has a `__dict__` is the class's: `TypeObject::instance_dict`.)
    Ok(Value::Obj(interp.new_obj(Owned::Instance(Instance::new(
        cls.clone(),
        InstanceBase::List(Box::new(PyList::new(items))),
    )))))
}

fn quote_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

fn nt_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(Value::Obj(cls)) = pos.first() else {
        return Err(interp.type_error("namedtuple.__new__(): not enough arguments"));
    };
    let cls = cls.clone();
    let fields = fields_of(interp, &cls)?;
    let names: Vec<String> = fields
        .iter()
        .map(|f| f.as_str().unwrap_or("?").to_string())
        .collect();
    let tname = base_name(interp, &cls);
    let fdefaults = lookup(interp.py, &cls, &interp.intern("_field_defaults"));
    let given = &pos[1..];
    if given.len() > names.len() {
        let ndef = match &fdefaults {
            Some(Value::Obj(d)) if matches!(d.payload(), Payload::Dict(_)) => interp.dict_len(d),
            _ => 0,
        };
        let takes = if ndef == 0 {
            format!("{}", names.len() + 1)
        } else {
            format!("from {} to {}", names.len() + 1 - ndef, names.len() + 1)
        };
        let was = if given.len() + 1 == 1 { "was" } else { "were" };
        return Err(interp.type_error(format!(
            "{tname}.__new__() takes {takes} positional arguments but {} {was} given",
            given.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in given.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| n == k) {
            Some(i) if slots[i].is_some() => {
                return Err(interp.type_error(format!(
                    "{tname}.__new__() got multiple values for argument '{k}'"
                )))
            }
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "{tname}.__new__() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let mut missing = Vec::new();
    for (i, s) in slots.iter_mut().enumerate() {
        if s.is_none() {
            let d = match &fdefaults {
                Some(Value::Obj(d)) if matches!(d.payload(), Payload::Dict(_)) => {
                    interp.dict_get_str(d, &interp.intern(&names[i]))
                }
                _ => None,
            };
            match d {
                Some(d) => *s = Some(d),
                None => missing.push(names[i].clone()),
            }
        }
    }
    if !missing.is_empty() {
        let n = missing.len();
        return Err(interp.type_error(format!(
            "{tname}.__new__() missing {n} required positional argument{}: {}",
            if n == 1 { "" } else { "s" },
            quote_list(&missing)
        )));
    }
    let items = slots
        .into_iter()
        .map(|s| s.unwrap_or(Value::None))
        .collect();
    make_instance(interp, &cls, items)
}

fn nt_make(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_make", 2, 2)?;
    let Value::Obj(cls) = &a[0] else {
        return Err(interp.type_error("_make() needs a class"));
    };
    let cls = cls.clone();
    let items = interp.collect(&a[1])?;
    let n = fields_of(interp, &cls)?.len();
    if items.len() != n {
        return Err(interp.type_error(format!("Expected {n} arguments, got {}", items.len())));
    }
    make_instance(interp, &cls, items)
}

fn nt_replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if a.len() != 1 {
        return Err(interp.type_error(format!(
            "_replace() takes 1 positional argument but {} were given",
            a.len()
        )));
    }
    let me = a[0].clone();
    let mut items = self_items(interp, &me)?;
    let cls = type_of(&me).clone();
    let fields = fields_of(interp, &cls)?;
    let mut unexpected = Vec::new();
    for (k, v) in args.kwargs() {
        match fields.iter().position(|f| f.as_str() == Some(k)) {
            Some(i) if i < items.len() => items[i] = v.clone(),
            _ => unexpected.push(interp.new_str(k)),
        }
    }
    if !unexpected.is_empty() {
        let l = interp.new_list(unexpected);
        let r = interp.repr(&l)?;
        return Err(interp.type_error(format!("Got unexpected field names: {r}")));
    }
    let make = interp.getattr_str(&me, "_make")?;
    let t = interp.new_tuple(items);
    interp.call1(&make, &[t])
}

fn nt_asdict(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_asdict", 1, 1)?;
    let items = self_items(interp, &a[0])?;
    let cls = type_of(&a[0]).clone();
    let fields = fields_of(interp, &cls)?;
    let d = interp.new_dict_obj();
    for (f, v) in fields.into_iter().zip(items) {
        interp.dict_set(&d, f, v)?;
    }
    Ok(Value::Obj(d))
}

fn nt_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let items = self_items(interp, &a[0])?;
    let name = interp.type_name(&a[0]);
    let Value::Obj(o) = &a[0] else {
        return Err(interp.type_error("namedtuple expected"));
    };
    if !crate::repr::enter(o) {
        return Ok(interp.new_str("..."));
    }
    let cls = type_of(&a[0]).clone();
    let r = (|| {
        let fields = fields_of(interp, &cls)?;
        let mut out = format!("{name}(");
        for (i, (f, v)) in fields.iter().zip(items.iter()).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(f.as_str().unwrap_or("?"));
            out.push('=');
            out.push_str(&interp.repr(v)?);
        }
        out.push(')');
        Ok(out)
    })();
    crate::repr::leave();
    let s: String = r?;
    Ok(interp.new_str(s))
}

fn nt_getnewargs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getnewargs__", 1, 1)?;
    let items = self_items(interp, &a[0])?;
    Ok(interp.new_tuple(items))
}

fn nt_field(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_tuplegetter", 2, 2)?;
    let Value::Int(i) = a[0] else {
        return Err(interp.type_error("bad field index"));
    };
    let items = self_items(interp, &a[1])?;
    items
        .get(i as usize)
        .cloned()
        .ok_or_else(|| interp.index_error("tuple index out of range"))
}

fn nt_field_set(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.attribute_error("can't set attribute"))
}

fn nt_field_del(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.attribute_error("can't delete attribute"))
}

fn nt_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getitem__", 2, 2)?;
    let items = self_items(interp, &a[0])?;
    if let Value::Int(i) = a[1] {
        let j = if i < 0 { i + items.len() as i64 } else { i };
        if j < 0 || j >= items.len() as i64 {
            return Err(interp.index_error("tuple index out of range"));
        }
        return Ok(items[j as usize].clone());
    }
    let t = interp.new_tuple(items);
    interp.getitem(&t, &a[1])
}

fn nt_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__len__", 1, 1)?;
    Ok(Value::Int(self_items(interp, &a[0])?.len() as i64))
}

fn nt_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iter__", 1, 1)?;
    let items = self_items(interp, &a[0])?;
    let t = interp.new_tuple(items);
    interp.iter(&t)
}

fn nt_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__contains__", 2, 2)?;
    for x in self_items(interp, &a[0])? {
        if x.is(&a[1]) || interp.eq(&x, &a[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn nt_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__hash__", 1, 1)?;
    let items = self_items(interp, &a[0])?;
    let mut hs = Vec::with_capacity(items.len());
    for x in &items {
        hs.push(interp.hash(x)?);
    }
    Ok(Value::Int(gilvm_object::hashing::hash_tuple(
        hs.into_iter(),
        items.len(),
    )))
}

fn compare(interp: &mut Interp, args: Args<'_>, op: CmpOp) -> PyResult {
    let a = args.exact(interp, op.dunder(), 2, 2)?;
    let x = self_items(interp, &a[0])?;
    let Some(y) = items_of(interp, &a[1]) else {
        return Ok(interp.not_implemented());
    };
    let (x, y) = (interp.new_tuple(x), interp.new_tuple(y));
    interp.compare(op, &x, &y)
}

fn nt_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Eq)
}
fn nt_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Ne)
}
fn nt_lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Lt)
}
fn nt_le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Le)
}
fn nt_gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Gt)
}
fn nt_ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Ge)
}

fn nt_add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__add__", 2, 2)?;
    let mut x = self_items(interp, &a[0])?;
    let Some(y) = items_of(interp, &a[1]) else {
        return Err(interp.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            interp.type_name(&a[1])
        )));
    };
    x.extend(y);
    Ok(interp.new_tuple(x))
}

fn nt_mul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__mul__", 2, 2)?;
    let x = self_items(interp, &a[0])?;
    let intlike = matches!(a[1], Value::Int(_) | Value::Bool(_))
        || interp
            .lookup_special_name(&a[1], &gilvm_object::static_name!(interp.py, "__index__"))
            .is_some();
    if !intlike || matches!(a[1], Value::Float(_)) {
        return Ok(interp.not_implemented());
    }
    let n = interp.index_value(&a[1])?.max(0) as usize;
    if n.saturating_mul(x.len()) > (isize::MAX as usize) / 16 {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    let mut out = Vec::with_capacity(n * x.len());
    for _ in 0..n {
        out.extend(x.iter().cloned());
    }
    Ok(interp.new_tuple(out))
}

fn nt_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "count", 2, 2)?;
    let mut n = 0;
    for x in self_items(interp, &a[0])? {
        if x.is(&a[1]) || interp.eq(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn nt_index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "index", 2, 4)?;
    let items = self_items(interp, &a[0])?;
    let len = items.len() as i64;
    let bound = |interp: &mut Interp, v: Option<&Value>, dflt: i64| -> PyResult<usize> {
        match v {
            Some(v) => {
                let i = interp.index_value(v)?;
                Ok((if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize)
            }
            None => Ok(dflt as usize),
        }
    };
    let start = bound(interp, a.get(2), 0)?;
    let stop = bound(interp, a.get(3), len)?;
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&a[1]) || interp.eq(x, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(interp.value_error("tuple.index(x): x not in tuple"))
}
