//! The dict views `dict_keys`, `dict_values` and `dict_items`: native objects
//! (`Payload::Native`) of three type objects created once, holding the dict they look at.
//! They support `len`, iteration (the dict iterator of `IterState::Dict`), `in`, `repr`,
//! `reversed`, and for keys and items the set operators and comparisons (results are sets,
//! built as CPython builds them so that their iteration order matches).
use gilvm_object::Owned;
use std::sync::OnceLock;

use gilvm_object::code::CmpOp;
use gilvm_object::dict::PyDict;
use gilvm_object::iterstate::{IterCell, IterKind};
use gilvm_object::payload::{IterState, NativeObj};
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use super::add_method;
use super::containers::{
    dict_parts, join_reprs, method_args, new_iter, receiver, repr_guarded, set_parts, wrong_self,
    Arity,
};
use super::set as sets;
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Which part of the dict a view shows (also the `kind` of `IterState::Dict`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys = 0,
    Values = 1,
    Items = 2,
}

/// The native data of a view.
struct DictView {
    dict: ObjRef,
}

struct ViewTypes {
    keys: ObjRef,
    values: ObjRef,
    items: ObjRef,
}

struct Holder(ViewTypes);
// SAFETY: the three type objects (and their dicts) are immortal, so sharing the references
// never writes their counts; their mutable state (the type dicts) is behind ObjCells that
// need a Py token, as for the builtin types in `gilvm_object::types`.
unsafe impl Sync for Holder {}
// SAFETY: as above.
unsafe impl Send for Holder {}

static TYPES: OnceLock<Holder> = OnceLock::new();

fn types(interp: &Interp) -> &'static ViewTypes {
    &TYPES
        .get_or_init(|| {
            let object = interp.g.types.object.clone();
            let mk = |name: &str| {
                let dict = ObjRef::new_immortal(interp.py, Owned::Dict(PyDict::new()));
                let t = new_type(
                    interp.py,
                    name,
                    vec![object.clone()],
                    vec![object.clone()],
                    dict,
                    Layout::Builtin,
                    false,
                );
                t.make_immortal();
                t
            };
            Holder(ViewTypes {
                keys: mk("dict_keys"),
                values: mk("dict_values"),
                items: mk("dict_items"),
            })
        })
        .0
}

fn type_for(interp: &Interp, kind: ViewKind) -> ObjRef {
    let t = types(interp);
    match kind {
        ViewKind::Keys => t.keys.clone(),
        ViewKind::Values => t.values.clone(),
        ViewKind::Items => t.items.clone(),
    }
}

/// A new view of dict `d`.
pub fn new_view(interp: &Interp, d: &ObjRef, kind: ViewKind) -> Value {
    let data: Box<dyn std::any::Any> = Box::new(DictView { dict: d.clone() });
    Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: type_for(interp, kind),
        data: ObjCell::new(data),
        tag: 0,
    })))
}

/// The dict and kind of a view value, if it is one.
fn view_parts(interp: &Interp, v: &Value) -> Option<(ObjRef, ViewKind)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Native(n) = o.payload() else {
        return None;
    };
    let t = types(interp);
    let kind = if n.class.is(&t.keys) {
        ViewKind::Keys
    } else if n.class.is(&t.values) {
        ViewKind::Values
    } else if n.class.is(&t.items) {
        ViewKind::Items
    } else {
        return None;
    };
    let d = n.data.with(interp.py, |b| {
        b.downcast_ref::<DictView>().map(|v| v.dict.clone())
    })?;
    Some((d, kind))
}

/// Is `v` a keys or items view (CPython's `PyDictViewSet_Check`)?
fn is_set_view(interp: &Interp, v: &Value) -> bool {
    matches!(
        view_parts(interp, v),
        Some((_, ViewKind::Keys | ViewKind::Items))
    )
}

fn view_self(interp: &Interp, args: &Args<'_>, qual: &str, kind: ViewKind) -> PyResult<ObjRef> {
    let v = receiver(interp, args, qual)?;
    match view_parts(interp, v) {
        Some((d, k)) if k == kind => Ok(d),
        _ => Err(wrong_self(interp, qual, v)),
    }
}

fn dict_len(interp: &Interp, d: &ObjRef) -> usize {
    dict_parts(&Value::Obj(d.clone()))
        .map(|(_, t)| t.len(interp.py))
        .unwrap_or(0)
}

/// The elements of a view, in order.
fn elements(interp: &Interp, d: &ObjRef, kind: ViewKind) -> Vec<Value> {
    let dv = Value::Obj(d.clone());
    let Some((_, t)) = dict_parts(&dv) else {
        return Vec::new();
    };
    match kind {
        ViewKind::Keys => t.keys(interp.py),
        ViewKind::Values => t.values(interp.py),
        ViewKind::Items => t
            .items(interp.py)
            .into_iter()
            .map(|(k, v)| interp.new_tuple(vec![k, v]))
            .collect(),
    }
}

/// `reversed(d)`, `reversed(d.values())`, …: an iterator over a snapshot, last first, of
/// type `dict_reversekeyiterator`, `dict_reversevalueiterator` or `dict_reverseitemiterator`.
pub fn reversed_iter(interp: &Interp, d: &ObjRef, kind: ViewKind) -> Value {
    let items = elements(interp, d, kind);
    let n = items.len();
    let l = interp.new_list(items);
    let Value::Obj(lo) = l else { unreachable!() };
    let ik = match kind {
        ViewKind::Keys => IterKind::DictRevKeys,
        ViewKind::Values => IterKind::DictRevValues,
        ViewKind::Items => IterKind::DictRevItems,
    };
    Value::Obj(interp.new_obj(Owned::Iter(IterCell::with_kind(
        IterState::Reversed { seq: lo, index: n },
        ik,
    ))))
}

/// `x in view`.
fn view_contains(interp: &mut Interp, d: &ObjRef, kind: ViewKind, x: &Value) -> PyResult<bool> {
    match kind {
        ViewKind::Keys => Ok(interp.dict_get(d, x)?.is_some()),
        ViewKind::Items => {
            let Value::Obj(o) = x else { return Ok(false) };
            let Payload::Tuple(t) = o.payload() else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            match interp.dict_get(d, &t[0])? {
                Some(found) => Ok(found.is(&t[1]) || interp.eq(&found, &t[1])?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for v in elements(interp, d, kind) {
                if v.is(x) || interp.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

// ---- methods common to the three views ----

macro_rules! view_methods {
    ($kind:expr, $len:ident, $iter:ident, $contains:ident, $repr:ident, $rev:ident, $tn:literal) => {
        fn $len(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let d = view_self(interp, &args, concat!($tn, ".__len__"), $kind)?;
            method_args(interp, &args, concat!($tn, ".__len__"), Arity::NoArgs)?;
            Ok(Value::Int(dict_len(interp, &d) as i64))
        }
        fn $iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let d = view_self(interp, &args, concat!($tn, ".__iter__"), $kind)?;
            method_args(interp, &args, concat!($tn, ".__iter__"), Arity::NoArgs)?;
            let len = dict_len(interp, &d);
            Ok(new_iter(
                interp,
                IterState::Dict {
                    dict: d,
                    pos: 0,
                    len,
                    kind: $kind as u8,
                },
            ))
        }
        fn $contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let d = view_self(interp, &args, concat!($tn, ".__contains__"), $kind)?;
            let a = method_args(interp, &args, concat!($tn, ".__contains__"), Arity::One)?;
            Ok(Value::Bool(view_contains(interp, &d, $kind, &a[0])?))
        }
        fn $repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let d = view_self(interp, &args, concat!($tn, ".__repr__"), $kind)?;
            method_args(interp, &args, concat!($tn, ".__repr__"), Arity::NoArgs)?;
            let Value::Obj(me) = &args.pos()[0] else {
                unreachable!()
            };
            let s = repr_guarded(interp, me, "...", |interp| {
                let items = elements(interp, &d, $kind);
                join_reprs(interp, &items, concat!($tn, "(["), "])")
            })?;
            Ok(interp.new_str(s))
        }
        fn $rev(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let d = view_self(interp, &args, concat!($tn, ".__reversed__"), $kind)?;
            method_args(interp, &args, concat!($tn, ".__reversed__"), Arity::NoArgs)?;
            Ok(reversed_iter(interp, &d, $kind))
        }
    };
}

view_methods!(
    ViewKind::Keys,
    keys_len,
    keys_iter,
    keys_contains,
    keys_repr,
    keys_reversed,
    "dict_keys"
);
view_methods!(
    ViewKind::Values,
    values_len,
    values_iter,
    values_contains,
    values_repr,
    values_reversed,
    "dict_values"
);
view_methods!(
    ViewKind::Items,
    items_len,
    items_iter,
    items_contains,
    items_repr,
    items_reversed,
    "dict_items"
);

// ---- set operations of keys and items views ----

/// CPython's `dictviews_to_set`: a keys view becomes `set(dict)`, anything else `set(x)`.
fn to_set(interp: &mut Interp, v: &Value) -> PyResult<ObjRef> {
    if let Some((d, ViewKind::Keys)) = view_parts(interp, v) {
        return sets::new_set_from(interp, &Value::Obj(d), false);
    }
    sets::new_set_from(interp, v, false)
}

/// `len()` of a set, view or other sized object.
fn size_of(interp: &mut Interp, v: &Value) -> PyResult<usize> {
    interp.len(v)
}

/// `x in v` for a set or view (`PySequence_Contains`).
fn contains_in(interp: &mut Interp, v: &Value, x: &Value) -> PyResult<bool> {
    if let Some((d, k)) = view_parts(interp, v) {
        return view_contains(interp, &d, k, x);
    }
    interp.contains(v, x)
}

/// `_PyDictView_Intersect`.
fn intersect(interp: &mut Interp, a: &Value, b: &Value) -> PyResult {
    let (mut this, mut other) = if is_set_view(interp, a) {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let len_self = size_of(interp, &this)?;
    if let Some((_, _, false)) = set_parts(&other) {
        if len_self <= size_of(interp, &other)? {
            let r = sets::intersection(interp, &other, &this)?;
            return Ok(Value::Obj(r));
        }
    }
    if is_set_view(interp, &other) && size_of(interp, &other)? > len_self {
        std::mem::swap(&mut this, &mut other);
    }
    let result = interp.new_set();
    let it = interp.iter(&other)?;
    while let Some(x) = interp.next(&it)? {
        if contains_in(interp, &this, &x)? {
            interp.set_add(&result, x)?;
        }
    }
    Ok(Value::Obj(result))
}

fn set_op(interp: &mut Interp, args: Args<'_>, qual: &str, op: char, reflected: bool) -> PyResult {
    let this = receiver(interp, &args, qual)?;
    if !is_set_view(interp, this) {
        return Err(wrong_self(interp, qual, this));
    }
    let a = method_args(interp, &args, qual, Arity::One)?;
    let (left, right) = if reflected {
        (&a[0], this)
    } else {
        (this, &a[0])
    };
    if op == '&' {
        return intersect(interp, left, right);
    }
    let r = to_set(interp, left)?;
    match op {
        '|' => sets::update_internal(interp, &r, right)?,
        '-' => sets::difference_update_internal(interp, &r, right)?,
        _ => sets::symmetric_difference_update_internal(interp, &r, right)?,
    }
    Ok(Value::Obj(r))
}

fn view_and(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__and__", '&', false)
}
fn view_rand(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__rand__", '&', true)
}
fn view_or(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__or__", '|', false)
}
fn view_ror(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__ror__", '|', true)
}
fn view_sub(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__sub__", '-', false)
}
fn view_rsub(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__rsub__", '-', true)
}
fn view_xor(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__xor__", '^', false)
}
fn view_rxor(interp: &mut Interp, args: Args<'_>) -> PyResult {
    set_op(interp, args, "dict_keys.__rxor__", '^', true)
}

fn isdisjoint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let this = receiver(interp, &args, "dict_keys.isdisjoint")?;
    if !is_set_view(interp, this) {
        return Err(wrong_self(interp, "dict_keys.isdisjoint", this));
    }
    let a = method_args(interp, &args, "dict_keys.isdisjoint", Arity::One)?;
    let (mut me, mut other) = (this.clone(), a[0].clone());
    if me.is(&other) {
        return Ok(Value::Bool(size_of(interp, &me)? == 0));
    }
    if set_parts(&other).is_some() || is_set_view(interp, &other) {
        if size_of(interp, &other)? > size_of(interp, &me)? {
            std::mem::swap(&mut me, &mut other);
        }
    }
    let it = interp.iter(&other)?;
    while let Some(x) = interp.next(&it)? {
        if contains_in(interp, &me, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Every item of `a` is in `b`.
fn all_contained_in(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    let it = interp.iter(a)?;
    while let Some(x) = interp.next(&it)? {
        if !contains_in(interp, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn richcompare(interp: &mut Interp, args: Args<'_>, op: CmpOp, qual: &str) -> PyResult {
    let this = receiver(interp, &args, qual)?;
    if !is_set_view(interp, this) {
        return Err(wrong_self(interp, qual, this));
    }
    let a = method_args(interp, &args, qual, Arity::One)?;
    let other = &a[0];
    if set_parts(other).is_none() && !is_set_view(interp, other) {
        return Ok(interp.not_implemented());
    }
    let ls = size_of(interp, this)?;
    let lo = size_of(interp, other)?;
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let ok = ls == lo && all_contained_in(interp, this, other)?;
            if op == CmpOp::Ne {
                !ok
            } else {
                ok
            }
        }
        CmpOp::Lt => ls < lo && all_contained_in(interp, this, other)?,
        CmpOp::Le => ls <= lo && all_contained_in(interp, this, other)?,
        CmpOp::Gt => ls > lo && all_contained_in(interp, other, this)?,
        CmpOp::Ge => ls >= lo && all_contained_in(interp, other, this)?,
    };
    Ok(Value::Bool(r))
}

fn view_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    richcompare(interp, args, CmpOp::Eq, "dict_keys.__eq__")
}
fn view_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    richcompare(interp, args, CmpOp::Ne, "dict_keys.__ne__")
}
fn view_lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    richcompare(interp, args, CmpOp::Lt, "dict_keys.__lt__")
}
fn view_le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    richcompare(interp, args, CmpOp::Le, "dict_keys.__le__")
}
fn view_gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    richcompare(interp, args, CmpOp::Gt, "dict_keys.__gt__")
}
fn view_ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    richcompare(interp, args, CmpOp::Ge, "dict_keys.__ge__")
}

pub fn register(interp: &mut Interp) {
    let t = types(interp);
    let (k, v, i) = (t.keys.clone(), t.values.clone(), t.items.clone());
    add_method(interp, &k, "__len__", keys_len);
    add_method(interp, &k, "__iter__", keys_iter);
    add_method(interp, &k, "__contains__", keys_contains);
    add_method(interp, &k, "__repr__", keys_repr);
    add_method(interp, &k, "__reversed__", keys_reversed);
    add_method(interp, &v, "__len__", values_len);
    add_method(interp, &v, "__iter__", values_iter);
    add_method(interp, &v, "__contains__", values_contains);
    add_method(interp, &v, "__repr__", values_repr);
    add_method(interp, &v, "__reversed__", values_reversed);
    add_method(interp, &i, "__len__", items_len);
    add_method(interp, &i, "__iter__", items_iter);
    add_method(interp, &i, "__contains__", items_contains);
    add_method(interp, &i, "__repr__", items_repr);
    add_method(interp, &i, "__reversed__", items_reversed);
    for ty in [&k, &i] {
        add_method(interp, ty, "__and__", view_and);
        add_method(interp, ty, "__rand__", view_rand);
        add_method(interp, ty, "__or__", view_or);
        add_method(interp, ty, "__ror__", view_ror);
        add_method(interp, ty, "__sub__", view_sub);
        add_method(interp, ty, "__rsub__", view_rsub);
        add_method(interp, ty, "__xor__", view_xor);
        add_method(interp, ty, "__rxor__", view_rxor);
        add_method(interp, ty, "isdisjoint", isdisjoint);
        add_method(interp, ty, "__eq__", view_eq);
        add_method(interp, ty, "__ne__", view_ne);
        add_method(interp, ty, "__lt__", view_lt);
        add_method(interp, ty, "__le__", view_le);
        add_method(interp, ty, "__gt__", view_gt);
        add_method(interp, ty, "__ge__", view_ge);
    }
    for ty in [&k, &v, &i] {
        if let Payload::Type(tt) = ty.payload() {
            tt.dict()
                .set_str(interp.py, interp.intern("__hash__"), Value::None);
            tt.dict().set_str(
                interp.py,
                interp.g.names.module.clone(),
                Value::Obj(interp.intern("builtins")),
            );
        }
    }
}
