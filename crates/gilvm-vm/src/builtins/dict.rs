//! `dict` methods. Each works on a dict or an instance of a dict subclass (whose table lives
//! in `InstanceBase::Dict`); `__getitem__` calls `__missing__` for subclasses.
use gilvm_object::code::CmpOp;
use gilvm_object::dict::PyDict;
use gilvm_object::payload::IterState;
use gilvm_object::{ObjRef, Payload, Value};

use super::add_method;
use super::containers::{
    dict_parts, method_args, new_iter, receiver, repr_guarded, wrong_self, Arity,
};
use super::dictviews::{new_view, ViewKind};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

#[inline]
fn dict_self<'a>(
    interp: &Interp,
    args: &Args<'a>,
    qual: &str,
) -> PyResult<(&'a ObjRef, &'a PyDict)> {
    let v = receiver(interp, args, qual)?;
    match dict_parts(v) {
        Some(p) => Ok(p),
        None => Err(wrong_self(interp, qual, v)),
    }
}

fn get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.get")?;
    let a = method_args(interp, &args, "dict.get", Arity::Range(1, 2))?;
    Ok(match interp.dict_get(d, &a[0])? {
        Some(v) => v,
        None => a.get(1).cloned().unwrap_or(Value::None),
    })
}

fn setdefault(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.setdefault")?;
    let a = method_args(interp, &args, "dict.setdefault", Arity::Range(1, 2))?;
    let default = a.get(1).cloned().unwrap_or(Value::None);
    interp.dict_setdefault(d, a[0].clone(), default)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, dd) = dict_self(interp, &args, "dict.pop")?;
    let a = method_args(interp, &args, "dict.pop", Arity::Range(1, 2))?;
    // An empty dict answers without hashing the key (CPython's `_PyDict_Pop_KnownHash`
    // path): `{}.pop([])` is a KeyError, not a TypeError.
    let found = if dd.is_empty(interp.py) {
        None
    } else {
        interp.dict_remove(d, &a[0])?
    };
    match found {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(dv) => Ok(dv.clone()),
            None => Err(interp.key_error(a[0].clone())),
        },
    }
}

fn popitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, dd) = dict_self(interp, &args, "dict.popitem")?;
    method_args(interp, &args, "dict.popitem", Arity::NoArgs)?;
    match dd.popitem(interp.py, true) {
        Some((k, v)) => Ok(interp.new_tuple(vec![k, v])),
        None => Err(interp.err(
            &interp.g.exc.key_error.clone(),
            "popitem(): dictionary is empty",
        )),
    }
}

/// `d.update(src, **kw)` contents.
fn update_from_args(
    interp: &mut Interp,
    d: &ObjRef,
    src: Option<&Value>,
    args: &Args<'_>,
) -> PyResult<()> {
    if let Some(src) = src {
        interp.dict_update_from(d, src, None)?;
    }
    // The keywords are stored in one critical section (CPython merges them as a dict).
    let kw: Vec<(Value, Value)> = args
        .kwargs()
        .map(|(k, v)| (interp.new_str(k), v.clone()))
        .collect();
    if !kw.is_empty() {
        interp.dict_store_all(d, kw)?;
    }
    Ok(())
}

fn update(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.update")?;
    let n = args.pos().len() - 1;
    if n > 1 {
        return Err(interp.type_error(format!("update expected at most 1 argument, got {n}")));
    }
    update_from_args(interp, d, args.pos().get(1), &args)?;
    Ok(Value::None)
}

fn keys(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.keys")?;
    method_args(interp, &args, "dict.keys", Arity::NoArgs)?;
    Ok(new_view(interp, d, ViewKind::Keys))
}

fn values(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.values")?;
    method_args(interp, &args, "dict.values", Arity::NoArgs)?;
    Ok(new_view(interp, d, ViewKind::Values))
}

fn items(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.items")?;
    method_args(interp, &args, "dict.items", Arity::NoArgs)?;
    Ok(new_view(interp, d, ViewKind::Items))
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.copy")?;
    method_args(interp, &args, "dict.copy", Arity::NoArgs)?;
    Ok(Value::Obj(interp.dict_copy(d)?))
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, dd) = dict_self(interp, &args, "dict.clear")?;
    method_args(interp, &args, "dict.clear", Arity::NoArgs)?;
    dd.clear(interp.py);
    Ok(Value::None)
}

fn fromkeys(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let cls = pos.first().cloned().unwrap_or(Value::None);
    let a = method_args(interp, &args, "dict.fromkeys", Arity::Range(1, 2))?;
    let value = a.get(1).cloned().unwrap_or(Value::None);
    let exact = matches!(&cls, Value::Obj(c) if c.is(&interp.g.types.dict));
    let d = if exact {
        Value::Obj(interp.new_dict_obj())
    } else {
        interp.call1(&cls, &[])?
    };
    let direct = matches!(&d, Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)));
    let src = a[0].clone();
    // An exact dict, set or frozenset is read in one critical section (CPython locks it), so
    // a concurrent writer cannot make the iteration fail; the keys then go into the new
    // dict together.
    // Their keys keep their stored hashes (CPython's `dict_fromkeys` fast paths).
    let snapshot = match &src {
        Value::Obj(o) => match o.payload() {
            Payload::Dict(sd) => Some(sd.hashed_keys(interp.py)),
            Payload::Set(ss) | Payload::FrozenSet(ss) => Some(ss.hashed_keys(interp.py)),
            _ => None,
        },
        _ => None,
    };
    if let Some(keys) = snapshot {
        if direct {
            let Value::Obj(o) = &d else { unreachable!() };
            let items = keys
                .into_iter()
                .map(|(h, k)| (h, k, value.clone()))
                .collect();
            interp.dict_set_many(o, items)?;
        } else {
            for (_, k) in keys {
                interp.setitem(&d, k, value.clone())?;
            }
        }
        return Ok(d);
    }
    super::containers::for_each(interp, &src, |interp, k| {
        if direct {
            let Value::Obj(o) = &d else { unreachable!() };
            interp.dict_set(o, k, value.clone())?;
        } else {
            interp.setitem(&d, k, value.clone())?;
        }
        Ok(true)
    })?;
    Ok(d)
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, dd) = dict_self(interp, &args, "dict.__len__")?;
    method_args(interp, &args, "dict.__len__", Arity::NoArgs)?;
    Ok(Value::Int(dd.len(interp.py) as i64))
}

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__getitem__")?;
    let a = method_args(interp, &args, "dict.__getitem__", Arity::One)?;
    match interp.dict_get(d, &a[0])? {
        Some(v) => Ok(v),
        None => {
            let this = &args.pos()[0];
            if matches!(d.payload(), Payload::Instance(_)) {
                if let Some(m) = interp.lookup_special_name(
                    this,
                    &gilvm_object::static_name!(interp.py, "__missing__"),
                ) {
                    return interp.call_method_value(&m, this, &[a[0].clone()]);
                }
            }
            Err(interp.key_error(a[0].clone()))
        }
    }
}

fn setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__setitem__")?;
    let a = method_args(interp, &args, "dict.__setitem__", Arity::Range(2, 2))?;
    interp.dict_set(d, a[0].clone(), a[1].clone())?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__delitem__")?;
    let a = method_args(interp, &args, "dict.__delitem__", Arity::One)?;
    match interp.dict_remove(d, &a[0])? {
        Some(_) => Ok(Value::None),
        None => Err(interp.key_error(a[0].clone())),
    }
}

fn contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__contains__")?;
    let a = method_args(interp, &args, "dict.__contains__", Arity::One)?;
    Ok(Value::Bool(interp.dict_get(d, &a[0])?.is_some()))
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, dd) = dict_self(interp, &args, "dict.__iter__")?;
    method_args(interp, &args, "dict.__iter__", Arity::NoArgs)?;
    let len = dd.len(interp.py);
    Ok(new_iter(
        interp,
        IterState::Dict {
            dict: d.clone(),
            pos: 0,
            len,
            kind: 0,
        },
    ))
}

fn reversed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__reversed__")?;
    method_args(interp, &args, "dict.__reversed__", Arity::NoArgs)?;
    Ok(super::dictviews::reversed_iter(interp, d, ViewKind::Keys))
}

fn or(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__or__")?;
    let a = method_args(interp, &args, "dict.__or__", Arity::One)?;
    if dict_parts(&a[0]).is_none() {
        return Ok(interp.not_implemented());
    }
    let n = interp.dict_copy(d)?;
    interp.dict_update_from(&n, &a[0], None)?;
    Ok(Value::Obj(n))
}

fn ror(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__ror__")?;
    let a = method_args(interp, &args, "dict.__ror__", Arity::One)?;
    let Some((other, _)) = dict_parts(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    let n = interp.dict_copy(other)?;
    interp.dict_update_from(&n, &Value::Obj(d.clone()), None)?;
    Ok(Value::Obj(n))
}

fn ior(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, _) = dict_self(interp, &args, "dict.__ior__")?;
    let a = method_args(interp, &args, "dict.__ior__", Arity::One)?;
    interp.dict_update_from(d, &a[0], None)?;
    Ok(args.pos()[0].clone())
}

fn cmp(interp: &mut Interp, args: Args<'_>, op: CmpOp, qual: &str) -> PyResult {
    let (d, _) = dict_self(interp, &args, qual)?;
    let a = method_args(interp, &args, qual, Arity::One)?;
    let Some((other, _)) = dict_parts(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    let eq = d.is(other) || interp.dict_eq(d, other)?;
    Ok(Value::Bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Eq, "dict.__eq__")
}
fn ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Ne, "dict.__ne__")
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (d, dd) = dict_self(interp, &args, "dict.__repr__")?;
    method_args(interp, &args, "dict.__repr__", Arity::NoArgs)?;
    let s = if matches!(d.payload(), Payload::Dict(_)) {
        interp.repr(&args.pos()[0])?
    } else {
        repr_guarded(interp, d, "{...}", |interp| {
            let items = dd.items(interp.py);
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
        })?
    };
    Ok(interp.new_str(s))
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.dict.clone();
    add_method(interp, &t, "get", get);
    add_method(interp, &t, "setdefault", setdefault);
    add_method(interp, &t, "pop", pop);
    add_method(interp, &t, "popitem", popitem);
    add_method(interp, &t, "update", update);
    add_method(interp, &t, "keys", keys);
    add_method(interp, &t, "values", values);
    add_method(interp, &t, "items", items);
    add_method(interp, &t, "copy", copy);
    add_method(interp, &t, "clear", clear);
    super::add_classmethod(interp, &t, "fromkeys", fromkeys);
    add_method(interp, &t, "__len__", len);
    add_method(interp, &t, "__getitem__", getitem);
    add_method(interp, &t, "__setitem__", setitem);
    add_method(interp, &t, "__delitem__", delitem);
    add_method(interp, &t, "__contains__", contains);
    add_method(interp, &t, "__iter__", iter);
    add_method(interp, &t, "__reversed__", reversed);
    add_method(interp, &t, "__or__", or);
    add_method(interp, &t, "__ror__", ror);
    add_method(interp, &t, "__ior__", ior);
    add_method(interp, &t, "__eq__", eq);
    add_method(interp, &t, "__ne__", ne);
    add_method(interp, &t, "__repr__", repr);
    if let Payload::Type(tt) = t.payload() {
        tt.dict()
            .set_str(interp.py, interp.intern("__hash__"), Value::None);
    }
}
