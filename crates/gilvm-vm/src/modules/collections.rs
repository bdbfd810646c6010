//! The `collections` module: `deque` (deque.rs), `Counter` (counter.rs), `namedtuple`
//! (namedtuple.rs), and here `defaultdict` and `OrderedDict`.
//!
//! `defaultdict`, `Counter` and `OrderedDict` are classes whose base is `dict` (instances
//! carry the dict payload, so every dict operation works on them) with native methods in
//! their namespace. `defaultdict.default_factory` lives in the instance `__dict__`.
use gilvm_object::Owned;
use std::sync::OnceLock;

use gilvm_object::code::CmpOp;
use gilvm_object::payload::InstanceBase;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjRef, Payload, Value};

use super::util::{bind, Statics};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

/// The collections types (created once per process).
pub struct Types {
    pub deque: ObjRef,
    pub deque_iter: ObjRef,
    pub deque_reverse_iter: ObjRef,
    pub defaultdict: ObjRef,
    pub ordered_dict: ObjRef,
    pub counter: ObjRef,
}

static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

/// The collections types, created on first use.
pub fn types(interp: &mut Interp) -> &'static Types {
    &TYPES.get_or_init(|| Statics(create_types(interp))).0
}

/// A class `collections.<name>` deriving from `dict`, with native methods. `native` makes it
/// an immutable type with a dotted internal name like CPython's C types (`defaultdict`,
/// `OrderedDict`); otherwise it is like a class statement's (`Counter`).
pub fn dict_class(
    interp: &mut Interp,
    name: &str,
    native: bool,
    methods: &[(&'static str, NativeFn)],
    classmethods: &[(&'static str, NativeFn)],
) -> ObjRef {
    let ns = gilvm_object::ObjRef::new_immortal(
        interp.py,
        Owned::Dict(gilvm_object::dict::PyDict::new()),
    );
    interp.dict_set_str(
        &ns,
        interp.g.names.module.clone(),
        Value::Obj(interp.intern("collections")),
    );
    for (n, f) in methods {
        let v = interp.new_native(n, *f);
        interp.dict_set_str(&ns, interp.intern(n), v);
    }
    for (n, f) in classmethods {
        let v = interp.new_native(n, *f);
        let cm = Value::Obj(interp.new_obj(Owned::ClassMethod(v)));
        interp.dict_set_str(&ns, interp.intern(n), cm);
    }
    let dict = interp.g.types.dict.clone();
    let object = interp.g.types.object.clone();
    let full = if native {
        format!("collections.{name}")
    } else {
        name.to_string()
    };
    let t = new_type(
        interp.py,
        &full,
        vec![dict.clone()],
        vec![dict, object],
        ns,
        Layout::Dict,
        !native,
    );
    t.make_immortal();
    super::util::set_short_name(interp, &t, name, "collections");
    t
}

fn create_types(interp: &mut Interp) -> Types {
    let deque = super::deque::create_type(interp);
    let deque_iter = super::deque::create_iter_type(interp, "_deque_iterator");
    let deque_reverse_iter = super::deque::create_iter_type(interp, "_deque_reverse_iterator");
    let defaultdict = dict_class(
        interp,
        "defaultdict",
        true,
        &[
            ("__init__", dd_init),
            ("__missing__", dd_missing),
            ("__repr__", dd_repr),
            ("copy", dd_copy),
            ("__copy__", dd_copy),
            ("__eq__", plain_dict_eq),
            ("__ne__", plain_dict_ne),
        ],
        &[],
    );
    let ordered_dict = dict_class(
        interp,
        "OrderedDict",
        true,
        &[
            ("move_to_end", od_move_to_end),
            ("popitem", od_popitem),
            ("__repr__", od_repr),
            ("__eq__", od_eq),
            ("__ne__", od_ne),
            ("copy", od_copy),
            ("__copy__", od_copy),
            ("__reversed__", od_reversed),
        ],
        &[],
    );
    let counter = super::counter::create_type(interp);
    // Issue 19: `deque[int]`, `defaultdict[str, int]`, `OrderedDict[str, int]`.
    for t in [&deque, &defaultdict, &ordered_dict] {
        crate::builtins::genericalias::make_generic(interp, t);
    }
    use crate::builtins::object_reduce as r;
    crate::builtins::add_method(interp, &deque, "__reduce__", r::deque_reduce);
    crate::builtins::add_method(interp, &defaultdict, "__reduce__", r::defaultdict_reduce);
    crate::builtins::add_method(interp, &ordered_dict, "__reduce__", r::ordereddict_reduce);
    Types {
        deque,
        deque_iter,
        deque_reverse_iter,
        defaultdict,
        ordered_dict,
        counter,
    }
}

/// Module init.
/// The `_collections` module (CPython's C half of `collections`, issue 19): the Lib's
/// `collections` package imports these and defines the rest (`namedtuple`, `Counter`,
/// `ChainMap`, `UserDict`, ...) in Python.
pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    interp.add_value(m, "deque", Value::Obj(t.deque.clone()));
    interp.add_value(m, "_deque_iterator", Value::Obj(t.deque_iter.clone()));
    interp.add_value(
        m,
        "_deque_reverse_iterator",
        Value::Obj(t.deque_reverse_iter.clone()),
    );
    interp.add_value(m, "defaultdict", Value::Obj(t.defaultdict.clone()));
    interp.add_value(m, "OrderedDict", Value::Obj(t.ordered_dict.clone()));
    interp.add_function(m, "_count_elements", count_elements);
    let tg = super::tuplegetter::tuplegetter_type(interp);
    interp.add_value(m, "_tuplegetter", Value::Obj(tg));
    Ok(())
}

/// `_count_elements(mapping, iterable)`: `mapping[e] = mapping.get(e, 0) + 1` for each
/// element (the loop of `Counter.update`).
fn count_elements(interp: &mut Interp, args: crate::args::Args<'_>) -> PyResult {
    let a = args.exact(interp, "_count_elements", 2, 2)?;
    let (mapping, iterable) = (a[0].clone(), a[1].clone());
    let it = interp.iter(&iterable)?;
    // CPython's fast path, for a dict (or a subclass such as Counter) with dict's own `get`
    // and `__setitem__`: each element hashed once, with the plain "unhashable type" error.
    if let (true, Value::Obj(d)) = (is_dict(&mapping), &mapping) {
        let t = Value::Obj(gilvm_object::types::type_of(&mapping).clone());
        let dict_t = Value::Obj(interp.g.types.dict.clone());
        let mut own = true;
        for name in ["get", "__setitem__"] {
            let mine = interp.getattr_str(&t, name)?;
            own &= mine.is(&interp.getattr_str(&dict_t, name)?);
        }
        if own {
            while let Some(k) = interp.next(&it)? {
                let h = interp.hash(&k)?;
                let cur = interp.dict_get_hashed(d, &k, h)?.unwrap_or(Value::Int(0));
                let new =
                    interp.binary_op(gilvm_object::code::BinOp::Add, cur, Value::Int(1), false)?;
                interp.dict_set_hashed(d, k, h, new)?;
            }
            return Ok(Value::None);
        }
    }
    let get = interp.getattr_str(&mapping, "get")?;
    while let Some(k) = interp.next(&it)? {
        let cur = interp.call1(&get, &[k.clone(), Value::Int(0)])?;
        let new = interp.binary_op(gilvm_object::code::BinOp::Add, cur, Value::Int(1), false)?;
        interp.setitem(&mapping, k, new)?;
    }
    Ok(Value::None)
}

/// The instance behind `self` of a dict subclass.
pub fn dict_self(interp: &Interp, v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Dict(_) => Ok(o.clone()),
            Payload::Instance(i) if matches!(i.base, InstanceBase::Dict(_)) => Ok(o.clone()),
            _ => Err(interp.type_error(format!(
                "descriptor requires a 'dict' object but received a '{}'",
                interp.type_name(v)
            ))),
        },
        _ => Err(interp.type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            interp.type_name(v)
        ))),
    }
}

/// Is `v` a dict or an instance of a dict subclass?
pub fn is_dict(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) || matches!(o.payload(), Payload::Instance(i) if matches!(i.base, InstanceBase::Dict(_))))
}

/// `{k: v, ...}` of a dict's items (guarding against self-reference).
pub fn dict_body_repr(interp: &mut Interp, d: &ObjRef) -> PyResult<String> {
    if !crate::repr::enter(d) {
        return Ok("{...}".into());
    }
    let r = (|| {
        let items = interp.dict_items(d)?;
        let mut out = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&interp.repr(k)?);
            out.push_str(": ");
            out.push_str(&interp.repr(v)?);
        }
        out.push('}');
        Ok(out)
    })();
    crate::repr::leave();
    r
}

/// Updates dict `d` from the arguments of `dict(...)`/`update(...)` (one optional source and
/// keywords).
pub fn dict_update_args(
    interp: &mut Interp,
    d: &ObjRef,
    src: Option<&Value>,
    args: &Args<'_>,
) -> PyResult<()> {
    if let Some(s) = src {
        interp.dict_update_from(d, s, None)?;
    }
    for (k, v) in args.kwargs() {
        let key = interp.new_str(k);
        interp.dict_set(d, key, v.clone())?;
    }
    Ok(())
}

fn class_name(interp: &Interp, v: &Value) -> String {
    super::util::short_type_name(interp, v)
}

// ---- defaultdict ----

fn factory_key(interp: &Interp) -> ObjRef {
    interp.intern("default_factory")
}

fn get_factory(interp: &Interp, v: &Value) -> Value {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Instance(i) => i.attr_get(interp.py, &factory_key(interp)),
            _ => None,
        },
        _ => None,
    }
    .unwrap_or(Value::None)
}

fn dd_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let me = pos.first().cloned().unwrap_or(Value::None);
    let d = dict_self(interp, &me)?;
    let factory = pos.get(1).cloned().unwrap_or(Value::None);
    if !factory.is_none() && !is_callable(interp, &factory) {
        return Err(interp.type_error("first argument must be callable or None"));
    }
    if pos.len() > 3 {
        return Err(interp.type_error(format!(
            "dict expected at most 1 argument, got {}",
            pos.len() - 2
        )));
    }
    if let Value::Obj(o) = &me {
        if let Payload::Instance(i) = o.payload() {
            i.attr_set(interp.py, factory_key(interp), factory);
        }
    }
    dict_update_args(interp, &d, pos.get(2), &args)?;
    Ok(Value::None)
}

/// `callable(v)`.
pub fn is_callable(interp: &Interp, v: &Value) -> bool {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Function(_)
            | Payload::BuiltinFunction(_)
            | Payload::BoundMethod(_)
            | Payload::Type(_) => true,
            _ => interp
                .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__call__"))
                .is_some(),
        },
        _ => false,
    }
}

fn dd_missing(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__missing__", 2, 2)?;
    let factory = get_factory(interp, &a[0]);
    if factory.is_none() {
        return Err(interp.key_error(a[1].clone()));
    }
    // As CPython 3.14: the factory runs outside any critical section, then the value is
    // stored only if the key is still missing (`setdefault` on the dict itself, not a
    // subclass's `__setitem__`), and the value stored is returned. So two threads missing
    // the same key both get the one value that was stored.
    let v = interp.call1(&factory, &[])?;
    let d = dict_self(interp, &a[0])?;
    interp.dict_setdefault(&d, a[1].clone(), v)
}

fn dd_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    let factory = get_factory(interp, &a[0]);
    let fr = match &factory {
        Value::Obj(f) => {
            if !crate::repr::enter(f) {
                "...".to_string()
            } else {
                let r = interp.repr(&factory);
                crate::repr::leave();
                r?
            }
        }
        _ => interp.repr(&factory)?,
    };
    let body = dict_body_repr(interp, &d)?;
    let s = format!("{}({fr}, {body})", class_name(interp, &a[0]));
    Ok(interp.new_str(s))
}

fn dd_copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "copy", 1, 1)?;
    let factory = get_factory(interp, &a[0]);
    let cls = Value::Obj(gilvm_object::types::type_of(&a[0]).clone());
    interp.call1(&cls, &[factory, a[0].clone()])
}

/// Plain dict equality for dict subclasses (`dict.__eq__`).
fn plain_dict_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__eq__", 2, 2)?;
    let d = dict_self(interp, &a[0])?;
    if !is_dict(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let o = dict_self(interp, &a[1])?;
    Ok(Value::Bool(interp.dict_eq(&d, &o)?))
}

fn plain_dict_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let r = plain_dict_eq(interp, args)?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

// ---- OrderedDict ----

fn od_move_to_end(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let d = dict_self(interp, &me)?;
    let a = bind(
        interp,
        &super::util::after_cls(&args),
        "move_to_end",
        &["key", "last"],
        1,
    )?;
    let key = a[0].clone().unwrap();
    let last = match &a[1] {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    if !interp.dict_move_to_end(&d, &key, last)? {
        return Err(interp.key_error(key));
    }
    Ok(Value::None)
}

/// Empties a dict (or dict-subclass instance).
pub fn dict_clear(interp: &Interp, d: &ObjRef) {
    match d.payload() {
        Payload::Dict(dd) => dd.clear(interp.py),
        Payload::Instance(i) => {
            if let InstanceBase::Dict(dd) = &i.base {
                dd.clear(interp.py)
            }
        }
        _ => {}
    }
}

fn od_popitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let d = dict_self(interp, &me)?;
    let a = bind(
        interp,
        &super::util::after_cls(&args),
        "popitem",
        &["last"],
        0,
    )?;
    let last = match &a[0] {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let Some((k, v)) = crate::containers::dict_payload(&d).popitem(interp.py, last) else {
        let m = interp.new_str("dictionary is empty");
        return Err(interp.key_error(m));
    };
    Ok(interp.new_tuple(vec![k, v]))
}

fn od_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    let name = class_name(interp, &a[0]);
    if interp.dict_len(&d) == 0 {
        return Ok(interp.new_str(format!("{name}()")));
    }
    let body = dict_body_repr(interp, &d)?;
    Ok(interp.new_str(format!("{name}({body})")))
}

fn od_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__eq__", 2, 2)?;
    let d = dict_self(interp, &a[0])?;
    if !is_dict(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let o = dict_self(interp, &a[1])?;
    if !interp.dict_eq(&d, &o)? {
        return Ok(Value::Bool(false));
    }
    let od_t = types(interp).ordered_dict.clone();
    if interp.isinstance(&a[1], &od_t) {
        let (x, y) = (interp.dict_items(&d)?, interp.dict_items(&o)?);
        for ((k1, _), (k2, _)) in x.iter().zip(y.iter()) {
            if !interp.eq(k1, k2)? {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(true))
}

fn od_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let r = od_eq(interp, args)?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn od_copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "copy", 1, 1)?;
    let cls = Value::Obj(gilvm_object::types::type_of(&a[0]).clone());
    interp.call1(&cls, &[a[0].clone()])
}

fn od_reversed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reversed__", 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    let mut keys: Vec<Value> = interp.dict_items(&d)?.into_iter().map(|(k, _)| k).collect();
    keys.reverse();
    let l = interp.new_list(keys);
    interp.iter(&l)
}

/// `a op b` as a bool.
pub fn cmp_bool(interp: &mut Interp, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let r = interp.compare(op, a, b)?;
    interp.truthy(&r)
}
