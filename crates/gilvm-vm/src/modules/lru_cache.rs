//! `functools.lru_cache` and `functools.cache`.
//!
//! The wrapper is a native `functools._lru_cache_wrapper` object. Results live in a Python
//! dict (keys built like CPython's `_make_key`), whose insertion order is the recency order:
//! a hit moves its key to the end, and a full cache evicts the first key. The hit/miss
//! counters are in the object's cell; the user function is called with no lock held, so
//! recursive functions work. The wrapper binds like a function (`__get__`), and exposes
//! `__wrapped__`, `__name__`, `__qualname__` and `__doc__` of the wrapped function (read
//! through, rather than copied into a `__dict__`; gilvm's native objects have none).
use gilvm_object::payload::BoundMethod;
use gilvm_object::types::type_of;
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use super::functools::types;
use super::util::{self, native_closure, native_obj, with_data};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

struct LruData {
    func: Value,
    /// None: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    cache: ObjRef,
    hits: i64,
    misses: i64,
}

pub fn create_type(interp: &mut Interp) -> ObjRef {
    let t = util::native_type(
        interp,
        "_lru_cache_wrapper",
        "functools",
        &[
            ("__call__", call),
            ("__get__", get),
            ("cache_info", cache_info),
            ("cache_clear", cache_clear),
            ("cache_parameters", cache_parameters),
            ("__copy__", copy),
            ("__deepcopy__", copy),
        ],
    );
    util::add_property(interp, &t, "__wrapped__", wrapped);
    util::add_property(interp, &t, "__name__", name);
    util::add_property(interp, &t, "__qualname__", qualname);
    util::add_property(interp, &t, "__doc__", doc);
    t
}

fn wrap(interp: &mut Interp, func: Value, maxsize: Option<usize>, typed: bool) -> Value {
    let t = types(interp).lru_wrapper.clone();
    let cache = interp.new_dict_obj();
    native_obj(
        interp,
        &t,
        LruData {
            func,
            maxsize,
            typed,
            cache,
            hits: 0,
            misses: 0,
        },
    )
}

/// Parses `maxsize`: Some(Some(n)) bounded, Some(None) unbounded, None: not an int/None.
fn parse_maxsize(interp: &mut Interp, v: &Value) -> PyResult<Option<Option<usize>>> {
    match v {
        Value::None => Ok(Some(None)),
        Value::Int(_) | Value::Bool(_) => Ok(Some(Some(interp.index_value(v)?.max(0) as usize))),
        Value::Obj(o) if matches!(o.payload(), Payload::Int(_)) => Ok(Some(Some(
            if v.to_bigint()
                .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
            {
                0
            } else {
                usize::MAX
            },
        ))),
        _ => Ok(None),
    }
}

/// `lru_cache(maxsize=128, typed=False)`, also usable directly as `@lru_cache`.
pub fn lru_cache(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "lru_cache", &["maxsize", "typed"], 0)?;
    let maxsize_v = a[0].clone().unwrap_or(Value::Int(128));
    let typed = match &a[1] {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let maxsize = match parse_maxsize(interp, &maxsize_v)? {
        Some(m) => m,
        None => {
            if super::collections::is_callable(interp, &maxsize_v)
                && matches!(a[1], None | Some(Value::Bool(_)))
            {
                return Ok(wrap(interp, maxsize_v, Some(128), typed));
            }
            return Err(
                interp.type_error("Expected first argument to be an integer, a callable, or None")
            );
        }
    };
    let params = interp.new_tuple(vec![
        match maxsize {
            Some(m) => Value::Int(m.min(i64::MAX as usize) as i64),
            None => Value::None,
        },
        Value::Bool(typed),
    ]);
    Ok(native_closure(
        interp,
        "decorating_function",
        decorate,
        params,
    ))
}

/// `cache(user_function)`: `lru_cache(maxsize=None)(user_function)`.
pub fn cache(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "cache", &["user_function"], 1)?;
    Ok(wrap(interp, a[0].clone().unwrap(), None, false))
}

fn decorate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "decorating_function", 2, 2)?;
    let Value::Obj(p) = &a[0] else {
        return Err(interp.type_error("bad lru_cache parameters"));
    };
    let Payload::Tuple(t) = p.payload() else {
        return Err(interp.type_error("bad lru_cache parameters"));
    };
    let maxsize = match &t[0] {
        Value::Int(m) => Some(*m as usize),
        _ => None,
    };
    let typed = matches!(t[1], Value::Bool(true));
    Ok(wrap(interp, a[1].clone(), maxsize, typed))
}

fn data(interp: &Interp, v: &Value) -> PyResult<(Value, Option<usize>, bool, ObjRef)> {
    with_data::<LruData, _>(interp, v, |d| {
        (d.func.clone(), d.maxsize, d.typed, d.cache.clone())
    })
    .ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a 'functools._lru_cache_wrapper' object but received '{}'",
            interp.type_name(v)
        ))
    })
}

/// CPython's `_make_key`.
fn make_key(interp: &mut Interp, args: &Args<'_>, typed: bool) -> Value {
    let pos = &args.pos()[1..];
    if !args.has_kwargs() && !typed && pos.len() == 1 {
        let fast = match &pos[0] {
            Value::Int(_) => true,
            Value::Obj(o) => matches!(o.payload(), Payload::Str(_) | Payload::Int(_)),
            _ => false,
        };
        if fast {
            return pos[0].clone();
        }
    }
    let mut key: Vec<Value> = pos.to_vec();
    if args.has_kwargs() {
        // A unique marker separates positional from keyword items.
        key.push(Value::Obj(types(interp).lru_wrapper.clone()));
        for (k, v) in args.kwargs() {
            key.push(Value::Obj(interp.intern(k)));
            key.push(v.clone());
        }
    }
    if typed {
        for v in pos {
            key.push(Value::Obj(type_of(v).clone()));
        }
        for (_, v) in args.kwargs() {
            key.push(Value::Obj(type_of(v).clone()));
        }
    }
    interp.new_tuple(key)
}

fn call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let (func, maxsize, typed, cache) = data(interp, &me)?;
    let call_args = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    if maxsize == Some(0) {
        with_data::<LruData, _>(interp, &me, |d| d.misses += 1);
        return interp.call(&func, call_args);
    }
    let key = make_key(interp, &args, typed);
    if let Some(v) = interp.dict_get(&cache, &key)? {
        with_data::<LruData, _>(interp, &me, |d| d.hits += 1);
        if maxsize.is_some() {
            // Move to the most recently used end.
            if let Some(old) = interp.dict_remove(&cache, &key)? {
                interp.dict_set(&cache, key, old)?;
            }
        }
        return Ok(v);
    }
    with_data::<LruData, _>(interp, &me, |d| d.misses += 1);
    let result = interp.call(&func, call_args)?;
    // A recursive call may have stored the key already.
    if interp.dict_get(&cache, &key)?.is_some() {
        return Ok(result);
    }
    if let Some(m) = maxsize {
        while interp.dict_len(&cache) >= m {
            let first = match cache.payload() {
                Payload::Dict(d) => d.entry_from(interp.py, 0).map(|(_, k, _)| k),
                _ => None,
            };
            match first {
                Some(k) => {
                    interp.dict_remove(&cache, &k)?;
                }
                None => break,
            }
        }
    }
    interp.dict_set(&cache, key, result.clone())?;
    Ok(result)
}

fn get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__get__", 2, 3)?;
    if a[1].is_none() {
        return Ok(a[0].clone());
    }
    Ok(Value::Obj(interp.new_obj(Owned::BoundMethod(
        BoundMethod {
            func: a[0].clone(),
            receiver: a[1].clone(),
        },
    ))))
}

fn cache_info(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "cache_info", 1, 1)?;
    let (_, maxsize, _, cache) = data(interp, &a[0])?;
    let (hits, misses) =
        with_data::<LruData, _>(interp, &a[0], |d| (d.hits, d.misses)).unwrap_or((0, 0));
    let ms = match maxsize {
        Some(m) => Value::Int(m.min(i64::MAX as usize) as i64),
        None => Value::None,
    };
    let cur = Value::Int(interp.dict_len(&cache) as i64);
    let ci = Value::Obj(types(interp).cache_info.clone());
    interp.call1(&ci, &[Value::Int(hits), Value::Int(misses), ms, cur])
}

fn cache_clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "cache_clear", 1, 1)?;
    let (_, _, _, cache) = data(interp, &a[0])?;
    with_data::<LruData, _>(interp, &a[0], |d| {
        d.hits = 0;
        d.misses = 0;
    });
    super::collections::dict_clear(interp, &cache);
    Ok(Value::None)
}

fn cache_parameters(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "cache_parameters", 1, 1)?;
    let (_, maxsize, typed, _) = data(interp, &a[0])?;
    let d = interp.new_dict_obj();
    let ms = match maxsize {
        Some(m) => Value::Int(m.min(i64::MAX as usize) as i64),
        None => Value::None,
    };
    interp.dict_set_str(&d, interp.intern("maxsize"), ms);
    interp.dict_set_str(&d, interp.intern("typed"), Value::Bool(typed));
    Ok(Value::Obj(d))
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    a.first()
        .cloned()
        .ok_or_else(|| interp.type_error("__copy__ needs an argument"))
}

fn wrapped(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__wrapped__", 1, 1)?;
    Ok(data(interp, &a[0])?.0)
}

fn read_through(interp: &mut Interp, args: Args<'_>, attr: &str) -> PyResult {
    let a = args.exact(interp, attr, 1, 1)?;
    let f = data(interp, &a[0])?.0;
    match interp.getattr_str(&f, attr) {
        Ok(v) => Ok(v),
        Err(e)
            if attr == "__doc__" && interp.matches(&e, &interp.g.exc.attribute_error.clone()) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    read_through(interp, args, "__name__")
}
fn qualname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    read_through(interp, args, "__qualname__")
}
fn doc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    read_through(interp, args, "__doc__")
}
