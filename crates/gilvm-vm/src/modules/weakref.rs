//! `_weakref`: `ref` (`weakref.ReferenceType`), `proxy` (`weakref.ProxyType`,
//! `weakref.CallableProxyType`), `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`.
//!
//! # Representation
//! A weak reference or proxy is a native object whose data is a [`WeakData`]: a boxed
//! [`WeakState`] (the referent's address, which the object model's side table
//! `gilvm_object::weakref` clears when the referent dies; why a side table and not a
//! per-object pointer is explained there), the cached hash, and nothing else: the callback
//! is kept in the table entry. An instance of a Python subclass of `ref` (`KeyedRef` in
//! CPython's `weakref.py`, which adds a slot) is an `Instance` of that class whose builtin
//! base (`InstanceBase::Value`) is such a native object; the table lists the instance, so
//! a callback receives it, attributes and all. The basic `ref(o)` (no callback, exact type)
//! and the basic proxy are shared, as CPython shares them.
//!
//! Upgrading (`r()`) takes the stripe lock of the referent's address and counts the
//! referent only if its count did not reach zero (`Header::try_incref`): on the
//! free-threaded build a referent dying on another thread is never revived after its free
//! began (`gilvm_object::weakref`, invariant 3).
//!
//! What happens when the referent dies (clearing, then callbacks, newest first) is the
//! object model's (`gilvm_object::lifecycle`); calling the callbacks and reporting their
//! exceptions is `crate::finalize`'s.
use std::sync::OnceLock;

use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::payload::{InstanceBase, NativeObj};
use gilvm_object::types::{as_type, is_subtype, type_of, Layout};
use gilvm_object::weakref::{self as table, WeakKind, WeakState};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use super::util::{self, Statics};
use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// A weak reference's or proxy's data.
pub struct WeakData {
    /// Boxed: the side table points at it, and the object's cell may be borrowed mutably.
    state: Box<WeakState>,
    /// `hash(r)`, computed once while the referent lived.
    hash: Option<i64>,
}

pub struct Types {
    pub ref_: ObjRef,
    pub proxy: ObjRef,
    pub callable_proxy: ObjRef,
}

static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

pub fn types(interp: &mut Interp) -> &'static Types {
    &TYPES.get_or_init(|| Statics(create_types(interp))).0
}

/// Is `t` `weakref.ReferenceType` (for `type.__new__`: a class deriving from it)?
pub fn is_ref_type(t: &ObjRef) -> bool {
    TYPES.get().is_some_and(|ty| ty.0.ref_.is(t))
}

fn create_types(interp: &mut Interp) -> Types {
    let ref_ = util::native_type(
        interp,
        "ReferenceType",
        "weakref",
        &[
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
            ("__repr__", ref_repr),
        ],
    );
    crate::builtins::add_static(interp, &ref_, "__new__", ref_new);
    util::add_property(interp, &ref_, "__callback__", ref_callback);
    let mut methods: Vec<(&'static str, crate::interp::NativeFn)> = vec![
        ("__getattribute__", proxy_getattribute),
        ("__setattr__", proxy_setattr),
        ("__delattr__", proxy_delattr),
        ("__repr__", proxy_repr),
        ("__str__", proxy_str),
        ("__bool__", proxy_bool),
        ("__len__", proxy_len),
        ("__iter__", proxy_iter),
        ("__next__", proxy_next),
        ("__contains__", proxy_contains),
        ("__getitem__", proxy_getitem),
        ("__setitem__", proxy_setitem),
        ("__delitem__", proxy_delitem),
        ("__eq__", proxy_eq),
        ("__ne__", proxy_ne),
        ("__lt__", proxy_lt),
        ("__le__", proxy_le),
        ("__gt__", proxy_gt),
        ("__ge__", proxy_ge),
        ("__neg__", proxy_neg),
        ("__int__", proxy_int),
        ("__float__", proxy_float),
        ("__index__", proxy_index),
    ];
    methods.extend(BINARY.iter().map(|(n, _, f, _)| (*n, *f)));
    methods.extend(BINARY.iter().map(|(_, n, _, f)| (*n, *f)));
    let proxy = util::native_type(interp, "ProxyType", "weakref", &methods);
    util::set_attr(interp, &proxy, "__hash__", Value::None);
    let callable_proxy = util::native_type(interp, "CallableProxyType", "weakref", &methods);
    util::set_attr(interp, &callable_proxy, "__hash__", Value::None);
    crate::builtins::add_method(interp, &callable_proxy, "__call__", proxy_call);
    Types {
        ref_,
        proxy,
        callable_proxy,
    }
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    let (r, p, c) = (t.ref_.clone(), t.proxy.clone(), t.callable_proxy.clone());
    let d = Interp::module_dict(m).unwrap().clone();
    for (name, v) in [
        ("ref", &r),
        ("ReferenceType", &r),
        ("ProxyType", &p),
        ("CallableProxyType", &c),
    ] {
        interp.dict_set_str(&d, interp.intern(name), Value::Obj(v.clone()));
    }
    interp.add_function(m, "proxy", proxy_new);
    interp.add_function(m, "getweakrefcount", getweakrefcount);
    interp.add_function(m, "getweakrefs", getweakrefs);
    interp.add_function(m, "_remove_dead_weakref", remove_dead_weakref);
    Ok(())
}

// ---- weak referenceability ----

/// `o` if it may be weakly referenced, else CPython's TypeError.
fn referent<'a>(interp: &mut Interp, v: &'a Value) -> PyResult<&'a ObjRef> {
    let ok = match v {
        Value::Obj(o) => match o.payload() {
            Payload::Function(_)
            | Payload::Type(_)
            | Payload::BoundMethod(_)
            | Payload::BuiltinFunction(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
            | Payload::Module(_)
            | Payload::Code(_) => true,
            Payload::Instance(i) => {
                let t = i.class_type();
                t.slots.weakref
                    && !matches!(
                        t.layout,
                        Layout::Base(
                            gilvm_object::payload::BuiltinBase::Int
                                | gilvm_object::payload::BuiltinBase::Tuple
                                | gilvm_object::payload::BuiltinBase::Bytes
                        )
                    )
            }
            Payload::Native(n) => {
                let t = types(interp);
                !(n.class.is(&t.ref_)
                    || n.class.is(&t.proxy)
                    || n.class.is(&t.callable_proxy)
                    || n.class.is(&interp.g.types.member_descriptor))
            }
            _ => false,
        },
        _ => false,
    };
    match v {
        Value::Obj(o) if ok => Ok(o),
        _ => Err(interp.type_error(format!(
            "cannot create weak reference to '{}' object",
            interp.type_name(v)
        ))),
    }
}

// ---- the native weak reference objects ----

/// The weak reference native object behind `v` (a `ref`, a proxy, or the base of an
/// instance of a subclass of `ref`).
fn native_of<'a>(interp: &mut Interp, v: &'a Value) -> Option<&'a NativeObj> {
    let Value::Obj(o) = v else { return None };
    let t = types(interp);
    let is_weak = |n: &NativeObj| {
        n.class.is(&t.ref_) || n.class.is(&t.proxy) || n.class.is(&t.callable_proxy)
    };
    match o.payload() {
        Payload::Native(n) if is_weak(n) => Some(n),
        Payload::Instance(i) => match &i.base {
            InstanceBase::Value(Value::Obj(b)) => match b.payload() {
                Payload::Native(n) if is_weak(n) => Some(n),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn with_data<R>(interp: &Interp, n: &NativeObj, f: impl FnOnce(&mut WeakData) -> R) -> R {
    n.data.with(interp.py, |b| {
        f(b.downcast_mut::<WeakData>().expect("weak reference data"))
    })
}

/// The state's address (stable: boxed) for the table.
fn state_of(interp: &Interp, n: &NativeObj) -> *const WeakState {
    with_data(interp, n, |d| &*d.state as *const WeakState)
}

fn state<'a>(interp: &Interp, n: &'a NativeObj) -> &'a WeakState {
    // SAFETY: the state is boxed inside the data of `n`, which the caller's reference to
    // the weak reference object keeps alive, and the box is never replaced.
    unsafe { &*state_of(interp, n) }
}

/// Is `r` a weak reference object whose referent died? (False for anything else.)
pub(crate) fn is_dead_ref(interp: &Interp, r: &ObjRef) -> bool {
    match r.payload() {
        Payload::Native(n) if n.data.with(interp.py, |b| b.is::<WeakData>()) => {
            !state(interp, n).is_alive()
        }
        _ => false,
    }
}

fn self_native<'a>(interp: &mut Interp, args: &Args<'a>, what: &str) -> PyResult<&'a NativeObj> {
    let me = args.pos().first();
    match me.and_then(|v| native_of(interp, v)) {
        Some(n) => Ok(n),
        None => Err(interp.type_error(format!(
            "descriptor '{what}' requires a 'weakref.ReferenceType' object"
        ))),
    }
}

/// The referent of the weak reference `n`, or None once it died.
fn referent_of(interp: &Interp, n: &NativeObj) -> Option<ObjRef> {
    table::upgrade(state(interp, n))
}

fn new_native(interp: &Interp, class: &ObjRef) -> ObjRef {
    interp.new_obj(Owned::Native(NativeObj {
        class: class.clone(),
        data: ObjCell::new(Box::new(WeakData {
            state: Box::new(WeakState::new()),
            hash: None,
        })),
        tag: 0,
    }))
}

// ---- ref ----

fn ref_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(Value::Obj(cls)) = pos.first() else {
        return Err(interp.type_error("ReferenceType.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let ref_t = types(interp).ref_.clone();
    if !matches!(cls.payload(), Payload::Type(_)) || !is_subtype(&cls, &ref_t) {
        return Err(interp.type_error(format!(
            "ReferenceType.__new__({0}): {0} is not a subtype of ReferenceType",
            interp.type_name(&pos[0])
        )));
    }
    if args.has_kwargs() {
        return Err(interp.type_error("ref() takes no keyword arguments"));
    }
    let rest = &pos[1..];
    if rest.is_empty() {
        return Err(interp.type_error("__new__ expected at least 1 argument, got 0"));
    }
    if rest.len() > 2 {
        return Err(interp.type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            rest.len()
        )));
    }
    let ob = referent(interp, &rest[0])?.clone();
    let callback = rest.get(1).cloned().unwrap_or(Value::None);
    let exact = cls.is(&ref_t);
    if exact && callback.is_none() {
        if let Some(r) = table::find_basic(&ob, WeakKind::BasicRef) {
            return Ok(Value::Obj(r));
        }
    }
    let native = new_native(interp, &ref_t);
    let outer = if exact {
        native.clone()
    } else {
        match interp.new_base_instance(&cls, InstanceBase::Value(Value::Obj(native.clone()))) {
            Value::Obj(o) => o,
            _ => unreachable!(),
        }
    };
    let kind = if exact && callback.is_none() {
        WeakKind::BasicRef
    } else {
        WeakKind::Other
    };
    let Payload::Native(n) = native.payload() else {
        unreachable!()
    };
    table::register(&ob, state(interp, n), &outer, callback, kind);
    Ok(Value::Obj(outer))
}

fn ref_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if args.has_kwargs() {
        return Err(interp.type_error("ref() takes no keyword arguments"));
    }
    if pos.len() < 2 {
        return Err(interp.type_error("__init__ expected at least 1 argument, got 0"));
    }
    if pos.len() > 3 {
        return Err(interp.type_error(format!(
            "__init__ expected at most 2 arguments, got {}",
            pos.len() - 1
        )));
    }
    Ok(Value::None)
}

fn ref_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = self_native(interp, &args, "__call__")?;
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "weakref() takes exactly 0 arguments ({} given)",
            args.all.len() - 1
        )));
    }
    Ok(referent_of(interp, n).map_or(Value::None, Value::Obj))
}

fn ref_callback(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = self_native(interp, &args, "__callback__")?;
    Ok(table::callback_of(state(interp, n)))
}

fn ref_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = self_native(interp, &args, "__hash__")?;
    if let Some(h) = with_data(interp, n, |d| d.hash) {
        return Ok(Value::Int(h));
    }
    let Some(o) = referent_of(interp, n) else {
        return Err(interp.type_error("weak object has gone away"));
    };
    let h = interp.hash(&Value::Obj(o))?;
    with_data(interp, n, |d| d.hash = Some(h));
    Ok(Value::Int(h))
}

fn ref_compare(interp: &mut Interp, args: Args<'_>, eq: bool) -> PyResult {
    let a = args.exact(interp, if eq { "__eq__" } else { "__ne__" }, 2, 2)?;
    let t = types(interp).ref_.clone();
    let is_ref = |v: &Value| is_subtype(type_of(v), &t);
    if !is_ref(&a[0]) || !is_ref(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let (Some(na), Some(nb)) = (native_of(interp, &a[0]), native_of(interp, &a[1])) else {
        return Ok(interp.not_implemented());
    };
    let (ra, rb) = (referent_of(interp, na), referent_of(interp, nb));
    match (ra, rb) {
        (Some(x), Some(y)) => {
            let op = if eq { CmpOp::Eq } else { CmpOp::Ne };
            interp.compare(op, &Value::Obj(x), &Value::Obj(y))
        }
        _ => {
            let same = matches!((&a[0], &a[1]), (Value::Obj(x), Value::Obj(y)) if x.is(y));
            Ok(Value::Bool(same == eq))
        }
    }
}

fn ref_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    ref_compare(interp, args, true)
}

fn ref_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    ref_compare(interp, args, false)
}

/// CPython's `%T`: the type's qualified name, with its module unless `builtins` or
/// `__main__`.
fn full_type_name(interp: &mut Interp, o: &ObjRef) -> String {
    let t = gilvm_object::types::type_of_obj(o).clone();
    let Some(tt) = as_type(&t) else {
        return "?".into();
    };
    if !tt.is_heap {
        return tt.name.to_string();
    }
    let q = tt
        .qualname
        .with(interp.py, |q| q.as_str().map(str::to_string))
        .unwrap_or_else(|| tt.name.to_string());
    let m = interp.dict_get_str(&tt.dict, &interp.intern("__module__"));
    match m.as_ref().and_then(|m| m.as_str()) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{q}"),
        _ => q,
    }
}

/// `; to 'T' at 0x… (name)` or `; dead`.
fn target_text(interp: &mut Interp, n: &NativeObj) -> PyResult<String> {
    let Some(o) = referent_of(interp, n) else {
        return Ok("; dead".into());
    };
    let tn = full_type_name(interp, &o);
    let ov = Value::Obj(o.clone());
    // `__name__` as a special lookup: on the type, bound (a function's, a class's).
    let name = match interp.lookup_special(&ov, "__name__") {
        Some(_) => match interp.getattr_str(&ov, "__name__") {
            Ok(v) => v.as_str().map(str::to_string),
            Err(_) => None,
        },
        None => None,
    };
    Ok(match name {
        Some(nm) => format!("; to '{tn}' at {:#x} ({nm})", o.addr()),
        None => format!("; to '{tn}' at {:#x}", o.addr()),
    })
}

fn ref_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = self_native(interp, &args, "__repr__")?;
    let me = args.pos()[0].as_obj().map_or(0, |o| o.addr());
    let t = target_text(interp, n)?;
    Ok(interp.new_str(format!("<weakref at {me:#x}{t}>")))
}

// ---- proxy ----

fn proxy_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "proxy", 1, 2)?;
    let ob = referent(interp, &a[0])?.clone();
    let callback = a.get(1).cloned().unwrap_or(Value::None);
    if callback.is_none() {
        if let Some(p) = table::find_basic(&ob, WeakKind::BasicProxy) {
            return Ok(Value::Obj(p));
        }
    }
    let t = types(interp);
    let class = if super::collections::is_callable(interp, &a[0]) {
        t.callable_proxy.clone()
    } else {
        t.proxy.clone()
    };
    let native = new_native(interp, &class);
    let kind = if callback.is_none() {
        WeakKind::BasicProxy
    } else {
        WeakKind::Other
    };
    let Payload::Native(n) = native.payload() else {
        unreachable!()
    };
    table::register(&ob, state(interp, n), &native, callback, kind);
    Ok(Value::Obj(native))
}

fn dead(interp: &Interp) -> PyErr {
    interp.err(
        &interp.g.exc.reference_error,
        "weakly-referenced object no longer exists",
    )
}

/// The referent of a proxy `v`; `v` itself when it is not a proxy; ReferenceError when
/// dead.
fn unwrap(interp: &mut Interp, v: &Value) -> PyResult<Value> {
    let t = types(interp);
    let is_proxy = matches!(v, Value::Obj(o) if matches!(o.payload(),
        Payload::Native(n) if n.class.is(&t.proxy) || n.class.is(&t.callable_proxy)));
    if !is_proxy {
        return Ok(v.clone());
    }
    let n = native_of(interp, v).expect("proxy");
    referent_of(interp, n)
        .map(Value::Obj)
        .ok_or_else(|| dead(interp))
}

fn me(interp: &mut Interp, args: &Args<'_>) -> PyResult<Value> {
    match args.pos().first() {
        Some(v) => unwrap(interp, v),
        None => Err(interp.type_error("proxy method needs an argument")),
    }
}

fn arg(interp: &mut Interp, args: &Args<'_>, i: usize) -> PyResult<Value> {
    match args.pos().get(i) {
        Some(v) => unwrap(interp, v),
        None => Err(interp.type_error("expected an argument")),
    }
}

fn name_arg(interp: &Interp, args: &Args<'_>) -> PyResult<ObjRef> {
    match args.pos().get(1) {
        Some(Value::Obj(n)) if matches!(n.payload(), Payload::Str(_)) => Ok(n.clone()),
        Some(v) => Err(interp.type_error(format!(
            "attribute name must be string, not '{}'",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error("expected an attribute name")),
    }
}

fn proxy_getattribute(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let n = name_arg(interp, &args)?;
    interp.getattr(&o, &n)
}

fn proxy_setattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let n = name_arg(interp, &args)?;
    let v = args.pos().get(2).cloned().unwrap_or(Value::None);
    interp.setattr(&o, &n, v)?;
    Ok(Value::None)
}

fn proxy_delattr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let n = name_arg(interp, &args)?;
    interp.delattr(&o, &n)?;
    Ok(Value::None)
}

fn proxy_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = self_native(interp, &args, "__repr__")?;
    let me = args.pos()[0].as_obj().map_or(0, |o| o.addr());
    let t = target_text(interp, n)?;
    Ok(interp.new_str(format!("<weakproxy at {me:#x}{t}>")))
}

fn proxy_str(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let s = crate::repr::str(interp, &o)?;
    Ok(interp.new_str(s))
}

fn proxy_bool(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    Ok(Value::Bool(interp.truthy(&o)?))
}

fn proxy_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    Ok(Value::Int(interp.len(&o)? as i64))
}

fn proxy_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    interp.iter(&o)
}

fn proxy_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    match interp.next(&o)? {
        Some(v) => Ok(v),
        None => Err(interp.stop_iteration(Value::None)),
    }
}

fn proxy_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let x = arg(interp, &args, 1)?;
    Ok(Value::Bool(interp.contains(&o, &x)?))
}

fn proxy_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let k = arg(interp, &args, 1)?;
    interp.getitem(&o, &k)
}

fn proxy_setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let k = arg(interp, &args, 1)?;
    let v = arg(interp, &args, 2)?;
    interp.setitem(&o, k, v)?;
    Ok(Value::None)
}

fn proxy_delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let k = arg(interp, &args, 1)?;
    interp.delitem(&o, &k)?;
    Ok(Value::None)
}

fn proxy_cmp(interp: &mut Interp, args: Args<'_>, op: CmpOp) -> PyResult {
    let o = me(interp, &args)?;
    let x = arg(interp, &args, 1)?;
    interp.compare(op, &o, &x)
}

fn proxy_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_cmp(interp, args, CmpOp::Eq)
}
fn proxy_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_cmp(interp, args, CmpOp::Ne)
}
fn proxy_lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_cmp(interp, args, CmpOp::Lt)
}
fn proxy_le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_cmp(interp, args, CmpOp::Le)
}
fn proxy_gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_cmp(interp, args, CmpOp::Gt)
}
fn proxy_ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_cmp(interp, args, CmpOp::Ge)
}

fn proxy_neg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    interp.binary_op(BinOp::Sub, Value::Int(0), o, false)
}

fn proxy_unary(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let o = me(interp, &args)?;
    let f = interp.getattr_str(&o, name)?;
    interp.call1(&f, &[])
}

fn proxy_int(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_unary(interp, args, "__int__")
}
fn proxy_float(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_unary(interp, args, "__float__")
}
fn proxy_index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    proxy_unary(interp, args, "__index__")
}

fn proxy_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let o = me(interp, &args)?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    interp.call(&o, rest)
}

macro_rules! binary_ops {
    ($( $op:ident: $name:literal $rname:literal $f:ident $rf:ident ),* $(,)?) => {
        $(
            fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
                let a = me(interp, &args)?;
                let b = arg(interp, &args, 1)?;
                interp.binary_op(BinOp::$op, a, b, false)
            }
            fn $rf(interp: &mut Interp, args: Args<'_>) -> PyResult {
                let a = me(interp, &args)?;
                let b = arg(interp, &args, 1)?;
                interp.binary_op(BinOp::$op, b, a, false)
            }
        )*
        /// (name, reflected name, method, reflected method) of each binary operator.
        static BINARY: &[(&str, &str, crate::interp::NativeFn, crate::interp::NativeFn)] = &[
            $( ($name, $rname, $f, $rf), )*
        ];
    };
}

binary_ops! {
    Add: "__add__" "__radd__" p_add p_radd,
    Sub: "__sub__" "__rsub__" p_sub p_rsub,
    Mul: "__mul__" "__rmul__" p_mul p_rmul,
    TrueDiv: "__truediv__" "__rtruediv__" p_truediv p_rtruediv,
    FloorDiv: "__floordiv__" "__rfloordiv__" p_floordiv p_rfloordiv,
    Mod: "__mod__" "__rmod__" p_mod p_rmod,
    Pow: "__pow__" "__rpow__" p_pow p_rpow,
    LShift: "__lshift__" "__rlshift__" p_lshift p_rlshift,
    RShift: "__rshift__" "__rrshift__" p_rshift p_rrshift,
    And: "__and__" "__rand__" p_and p_rand,
    Or: "__or__" "__ror__" p_or p_ror,
    Xor: "__xor__" "__rxor__" p_xor p_rxor,
    MatMul: "__matmul__" "__rmatmul__" p_matmul p_rmatmul,
}

// ---- module functions ----

fn getweakrefcount(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getweakrefcount", 1, 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Obj(o) => table::count(o) as i64,
        _ => 0,
    }))
}

fn getweakrefs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getweakrefs", 1, 1)?;
    let v = match &a[0] {
        Value::Obj(o) => table::list(o).into_iter().map(Value::Obj).collect(),
        _ => Vec::new(),
    };
    Ok(interp.new_list(v))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_remove_dead_weakref", 2, 2)?;
    let Value::Obj(d) = &a[0] else {
        return Err(interp.type_error("_remove_dead_weakref() argument 1 must be dict"));
    };
    if !matches!(d.payload(), Payload::Dict(_)) {
        return Err(interp.type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            interp.type_name(&a[0])
        )));
    }
    let cur = match interp.getitem(&a[0], &a[1]) {
        Ok(v) => v,
        Err(e) if interp.matches(&e, &interp.g.exc.key_error.clone()) => return Ok(Value::None),
        Err(e) => return Err(e),
    };
    if let Some(n) = native_of(interp, &cur) {
        if !state(interp, n).is_alive() {
            interp.delitem(&a[0], &a[1])?;
        }
    }
    Ok(Value::None)
}

/// `obj.__weakref__`: the first weak reference to `o` (CPython's list head), or None.
pub fn first_weakref(o: &ObjRef) -> Value {
    table::list(o)
        .into_iter()
        .next()
        .map_or(Value::None, Value::Obj)
}

/// The referent of weak reference `v` (a `weakref.ref`, a proxy, or an instance of a
/// subclass of `ref`), or None once it died or when `v` is not a weak reference (for
/// native modules that keep weak references: `_abc`'s caches; issue 19, branch natives).
pub fn ref_target(interp: &mut Interp, v: &Value) -> Option<ObjRef> {
    let n = native_of(interp, v)?;
    referent_of(interp, n)
}

/// A new `weakref.ref(ob)` without a callback.
pub fn new_ref(interp: &mut Interp, ob: &Value) -> PyResult {
    let t = Value::Obj(types(interp).ref_.clone());
    interp.call1(&t, std::slice::from_ref(ob))
}
