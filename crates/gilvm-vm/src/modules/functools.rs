//! The `functools` module: `reduce`, `partial`, `update_wrapper`, `cmp_to_key`
//! natively, `lru_cache`/`cache` in lru_cache.rs, and `total_ordering` and
//! `cached_property` as embedded Python (functools_extra.py) run in the module's namespace.
use std::sync::OnceLock;

use gilvm_object::code::CmpOp;
use gilvm_object::{ObjRef, Payload, Value};

use super::collections::is_callable;
use super::util::{self, native_obj, with_data, Statics};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The functools types (created once per process).
pub struct Types {
    pub partial: ObjRef,
    pub key_wrapper: ObjRef,
    pub lru_wrapper: ObjRef,
    pub cache_info: ObjRef,
}

static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

pub fn types(interp: &mut Interp) -> &'static Types {
    &TYPES.get_or_init(|| Statics(create_types(interp))).0
}

fn create_types(interp: &mut Interp) -> Types {
    let partial = util::native_type(
        interp,
        "partial",
        "functools",
        &[("__call__", partial_call), ("__repr__", partial_repr)],
    );
    crate::builtins::add_static(interp, &partial, "__new__", partial_new);
    util::add_property(interp, &partial, "func", partial_func);
    util::add_property(interp, &partial, "args", partial_args);
    util::add_property(interp, &partial, "keywords", partial_keywords);
    let key_wrapper = util::native_type(
        interp,
        "KeyWrapper",
        "functools",
        &[
            ("__call__", key_call),
            ("__lt__", key_lt),
            ("__le__", key_le),
            ("__gt__", key_gt),
            ("__ge__", key_ge),
            ("__eq__", key_eq),
            ("__ne__", key_ne),
        ],
    );
    util::add_property(interp, &key_wrapper, "obj", key_obj);
    util::set_attr(interp, &key_wrapper, "__hash__", Value::None);
    let lru_wrapper = super::lru_cache::create_type(interp);
    let cache_info = super::namedtuple::make_namedtuple(
        interp,
        "CacheInfo",
        &["hits", "misses", "maxsize", "currsize"],
        vec![],
        "functools",
    );
    cache_info.make_immortal();
    Types {
        partial,
        key_wrapper,
        lru_wrapper,
        cache_info,
    }
}

const WRAPPER_ASSIGNMENTS: &[&str] = &[
    "__module__",
    "__name__",
    "__qualname__",
    "__doc__",
    "__annotate__",
    "__type_params__",
];
const WRAPPER_UPDATES: &[&str] = &["__dict__"];

/// Module init.
pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    // Issue 19: `_functools`, CPython's C half of the Lib's `functools`. `partial` and
    // `_lru_cache_wrapper` stay the Lib's Python ones (their native versions here lack
    // `Placeholder` and the instance `__dict__` that `update_wrapper` fills).
    let _ = t;
    interp.add_function(m, "reduce", reduce);
    interp.add_function(m, "cmp_to_key", cmp_to_key);
    gilvm_object::gc::register_native::<KeyData>(gilvm_object::gc::NativeGc {
        traverse: key_traverse,
        clear: key_clear,
    });
    Ok(())
}

/// The collector's view of a `cmp_to_key` key (branch `stdmods`): its comparison function
/// and the object it wraps (which may hold the key: a cycle).
fn key_traverse(a: &dyn std::any::Any, v: &mut dyn gilvm_object::gc::Visit) {
    if let Some(k) = a.downcast_ref::<KeyData>() {
        v.val(&k.cmp);
        if let Some(o) = &k.obj {
            v.val(o);
        }
    }
}

fn key_clear(a: &mut dyn std::any::Any, out: &mut Vec<Value>) {
    if let Some(k) = a.downcast_mut::<KeyData>() {
        out.push(std::mem::replace(&mut k.cmp, Value::None));
        out.extend(k.obj.take());
    }
}

// ---- reduce ----

fn reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = super::util::positional(interp, &args, "reduce", 2, 3)?;
    let it = match interp.iter(&a[1]) {
        Ok(it) => it,
        Err(e) if interp.matches(&e, &interp.g.exc.type_error.clone()) => {
            return Err(interp.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut acc = match a.get(2) {
        Some(v) => v.clone(),
        None => match interp.next(&it)? {
            Some(v) => v,
            None => {
                return Err(interp.type_error("reduce() of empty iterable with no initial value"))
            }
        },
    };
    while let Some(x) = interp.next(&it)? {
        acc = interp.call1(&a[0], &[acc, x])?;
    }
    Ok(acc)
}

// ---- partial ----

/// A partial object's state (immutable after creation).
pub struct PartialData {
    pub func: Value,
    pub args: Vec<Value>,
    /// A dict of keyword arguments.
    pub kw: ObjRef,
}

fn partial_parts(interp: &Interp, v: &Value) -> Option<(Value, Vec<Value>, ObjRef)> {
    with_data::<PartialData, _>(interp, v, |p| {
        (p.func.clone(), p.args.clone(), p.kw.clone())
    })
}

fn partial_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = super::util::cls_of(interp, &args)?;
    let pos = &args.pos()[1..];
    let Some(func) = pos.first() else {
        return Err(interp.type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(interp, func) {
        return Err(interp.type_error("the first argument must be callable"));
    }
    let kw = interp.new_dict_obj();
    let (func, mut all) = match partial_parts(interp, func) {
        // Flatten partial(partial(f, a), b) into partial(f, a, b).
        Some((f, pargs, pkw)) if matches!(func, Value::Obj(o) if gilvm_object::types::type_of_obj(o).is(&types(interp).partial)) =>
        {
            for (k, v) in interp.dict_items(&pkw)? {
                interp.dict_set(&kw, k, v)?;
            }
            (f, pargs)
        }
        _ => (func.clone(), Vec::new()),
    };
    all.extend(pos[1..].iter().cloned());
    for (k, v) in args.kwargs() {
        let key = interp.new_str(k);
        interp.dict_set(&kw, key, v.clone())?;
    }
    Ok(native_obj(
        interp,
        &cls,
        PartialData {
            func,
            args: all,
            kw,
        },
    ))
}

fn partial_self(interp: &Interp, v: &Value) -> PyResult<(Value, Vec<Value>, ObjRef)> {
    partial_parts(interp, v).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a 'functools.partial' object but received '{}'",
            interp.type_name(v)
        ))
    })
}

fn partial_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let (func, pargs, pkw) = partial_self(interp, &me)?;
    let mut all = pargs;
    all.extend(args.pos()[1..].iter().cloned());
    let mut names: Vec<Value> = Vec::new();
    let mut vals: Vec<Value> = Vec::new();
    for (k, v) in interp.dict_items(&pkw)? {
        if !args.kwargs().any(|(n, _)| Some(n) == k.as_str()) {
            names.push(k);
            vals.push(v);
        }
    }
    for (k, v) in args.kwargs() {
        names.push(Value::Obj(interp.intern(k)));
        vals.push(v.clone());
    }
    all.extend(vals);
    interp.call(
        &func,
        Args {
            all: &all,
            kwnames: &names,
        },
    )
}

fn partial_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let (func, pargs, pkw) = partial_self(interp, &a[0])?;
    let Value::Obj(o) = &a[0] else {
        return Err(interp.type_error("partial expected"));
    };
    let ty = gilvm_object::types::type_of_obj(o).clone();
    let module = interp
        .getattr_str(&Value::Obj(ty.clone()), "__module__")
        .ok()
        .and_then(|m| m.as_str().map(|s| s.to_string()));
    let qual = match ty.payload() {
        Payload::Type(t) => t
            .qualname
            .with(interp.py, |q| q.as_str().unwrap_or(&t.name).to_string()),
        _ => "partial".into(),
    };
    let name = match module {
        Some(m) if m != "builtins" => format!("{m}.{qual}"),
        _ => qual,
    };
    if !crate::repr::enter(o) {
        return Ok(interp.new_str("..."));
    }
    let r = (|| {
        let mut parts = vec![interp.repr(&func)?];
        for x in &pargs {
            parts.push(interp.repr(x)?);
        }
        for (k, v) in interp.dict_items(&pkw)? {
            let ks = interp.str_string(&k)?;
            parts.push(format!("{ks}={}", interp.repr(&v)?));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    crate::repr::leave();
    let s: String = r?;
    Ok(interp.new_str(s))
}

fn partial_func(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "func", 1, 1)?;
    Ok(partial_self(interp, &a[0])?.0)
}

fn partial_args(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "args", 1, 1)?;
    let v = partial_self(interp, &a[0])?.1;
    Ok(interp.new_tuple(v))
}

fn partial_keywords(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "keywords", 1, 1)?;
    Ok(Value::Obj(partial_self(interp, &a[0])?.2))
}

// ---- update_wrapper ----

fn names_of(interp: &mut Interp, v: Option<&Value>, dflt: &[&str]) -> PyResult<Vec<Value>> {
    match v {
        Some(v) => interp.collect(v),
        None => Ok(dflt.iter().map(|s| Value::Obj(interp.intern(s))).collect()),
    }
}

/// `update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES)`.
pub fn update_wrapper(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &args,
        "update_wrapper",
        &["wrapper", "wrapped", "assigned", "updated"],
        2,
    )?;
    let (wrapper, wrapped) = (a[0].clone().unwrap(), a[1].clone().unwrap());
    let assigned = names_of(interp, a[2].as_ref(), WRAPPER_ASSIGNMENTS)?;
    let updated = names_of(interp, a[3].as_ref(), WRAPPER_UPDATES)?;
    // Native wrappers (e.g. partial objects) have no attribute dict: skip what they refuse.
    let native = matches!(&wrapper, Value::Obj(o) if matches!(o.payload(), Payload::Native(_)));
    let attr_err = interp.g.exc.attribute_error.clone();
    for name in assigned {
        let Value::Obj(n) = &name else {
            return Err(interp.type_error("attribute name must be string"));
        };
        match interp.getattr(&wrapped, n) {
            Ok(v) => match interp.setattr(&wrapper, n, v) {
                Err(e) if native && interp.matches(&e, &attr_err) => {}
                r => r?,
            },
            Err(e) if interp.matches(&e, &attr_err) => {}
            Err(e) => return Err(e),
        }
    }
    for name in updated {
        let Value::Obj(n) = &name else {
            return Err(interp.type_error("attribute name must be string"));
        };
        let target = match interp.getattr(&wrapper, n) {
            Ok(t) => t,
            Err(e) if native && interp.matches(&e, &attr_err) => continue,
            Err(e) => return Err(e),
        };
        let src = match interp.getattr(&wrapped, n) {
            Ok(s) => s,
            Err(e) if interp.matches(&e, &attr_err) => continue,
            Err(e) => return Err(e),
        };
        match &target {
            Value::Obj(t) if matches!(t.payload(), Payload::Dict(_)) => {
                interp.dict_update_from(t, &src, None)?
            }
            _ => {
                interp.call_method(&target, "update", &[src])?;
            }
        }
    }
    let w = interp.g.names.wrapped.clone();
    match interp.setattr(&wrapper, &w, wrapped) {
        Err(e) if native && interp.matches(&e, &attr_err) => {}
        r => r?,
    }
    Ok(wrapper)
}

// ---- cmp_to_key ----

struct KeyData {
    cmp: Value,
    obj: Option<Value>,
}

fn cmp_to_key(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "cmp_to_key", &["mycmp"], 1)?;
    let t = types(interp).key_wrapper.clone();
    Ok(native_obj(
        interp,
        &t,
        KeyData {
            cmp: a[0].clone().unwrap(),
            obj: None,
        },
    ))
}

fn key_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let a = util::bind(interp, &super::util::after_cls(&args), "K", &["obj"], 1)?;
    let cmp = with_data::<KeyData, _>(interp, &me, |k| k.cmp.clone())
        .ok_or_else(|| interp.type_error("KeyWrapper expected"))?;
    let t = types(interp).key_wrapper.clone();
    Ok(native_obj(
        interp,
        &t,
        KeyData {
            cmp,
            obj: a[0].clone(),
        },
    ))
}

fn key_obj(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "obj", 1, 1)?;
    match with_data::<KeyData, _>(interp, &a[0], |k| k.obj.clone()).flatten() {
        Some(v) => Ok(v),
        None => Err(interp.attribute_error("obj")),
    }
}

fn key_compare(interp: &mut Interp, args: Args<'_>, op: CmpOp) -> PyResult {
    let a = args.exact(interp, op.dunder(), 2, 2)?;
    let Some((cmp, x)) = with_data::<KeyData, _>(interp, &a[0], |k| (k.cmp.clone(), k.obj.clone()))
    else {
        return Err(interp.type_error("KeyWrapper expected"));
    };
    let Some(y) = with_data::<KeyData, _>(interp, &a[1], |k| k.obj.clone()) else {
        return Err(interp.type_error("other argument must be K instance"));
    };
    let (Some(x), Some(y)) = (x, y) else {
        return Err(interp.attribute_error("obj"));
    };
    let r = interp.call1(&cmp, &[x, y])?;
    interp.compare(op, &r, &Value::Int(0))
}

fn key_lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    key_compare(interp, args, CmpOp::Lt)
}
fn key_le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    key_compare(interp, args, CmpOp::Le)
}
fn key_gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    key_compare(interp, args, CmpOp::Gt)
}
fn key_ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    key_compare(interp, args, CmpOp::Ge)
}
fn key_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    key_compare(interp, args, CmpOp::Eq)
}
fn key_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    key_compare(interp, args, CmpOp::Ne)
}
