//! The builtins `aiter()` and `anext()`.
//!
//! `anext(it)` is `type(it).__anext__(it)`. `anext(it, default)` calls `__anext__` at
//! once and wraps its result in an `anext_awaitable`: awaiting it awaits that result
//! (turned into its awaitable iterator at the first step, as CPython) and turns the
//! StopAsyncIteration that ends the iteration into `default` as the await's value.
use gilvm_object::{Payload, Value};

use crate::args::Args;
use crate::builtins::add_method;
use crate::coro::types;
use crate::error::PyResult;
use crate::gen::Step;
use crate::interp::Interp;

/// The state of an `anext_awaitable`.
struct AnextAwaitable {
    /// What `__anext__()` returned.
    awaitable: Value,
    /// Its awaitable iterator, once the first step made it.
    iter: Option<Value>,
    default: Value,
}

pub fn register(interp: &mut Interp) {
    crate::builtins::add_builtin(interp, "aiter", builtin_aiter);
    crate::builtins::add_builtin(interp, "anext", builtin_anext);
    let t = types().anext_awaitable.clone();
    add_method(interp, &t, "send", aw_send);
    add_method(interp, &t, "__next__", aw_next);
    add_method(interp, &t, "throw", aw_throw);
    add_method(interp, &t, "close", aw_close);
    add_method(interp, &t, "__iter__", crate::coro::iter_self);
    add_method(interp, &t, "__await__", crate::coro::iter_self);
}

fn builtin_aiter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "aiter", 1, 1)?;
    let v = a[0].clone();
    let Some(m) = interp.lookup_special(&v, "__aiter__") else {
        return Err(interp.type_error(format!(
            "'{}' object is not an async iterable",
            interp.type_name(&v)
        )));
    };
    let it = interp.call_method_value(&m, &v, &[])?;
    if interp.lookup_special(&it, "__anext__").is_none() {
        return Err(interp.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            interp.type_name(&it)
        )));
    }
    Ok(it)
}

fn builtin_anext(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "anext", 1, 2)?;
    let v = a[0].clone();
    let Some(m) = interp.lookup_special(&v, "__anext__") else {
        return Err(interp.type_error(format!(
            "'{}' object is not an async iterator",
            interp.type_name(&v)
        )));
    };
    let awaitable = interp.call_method_value(&m, &v, &[])?;
    match a.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(crate::modules::util::native_obj(
            interp,
            &types().anext_awaitable.clone(),
            AnextAwaitable {
                awaitable,
                iter: None,
                default: d.clone(),
            },
        )),
    }
}

/// The awaitable iterator of an `anext_awaitable` (made at its first step) and its
/// default.
fn parts(interp: &mut Interp, me: &Value) -> PyResult<(Value, Value)> {
    let st = match me {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => n.data.with(interp.py, |b| {
                b.downcast_ref::<AnextAwaitable>()
                    .map(|s| (s.awaitable.clone(), s.iter.clone(), s.default.clone()))
            }),
            _ => None,
        },
        _ => None,
    };
    let Some((aw, it, d)) = st else {
        return Err(interp.type_error("an 'anext_awaitable' object is required"));
    };
    if let Some(it) = it {
        return Ok((it, d));
    }
    let it = interp.awaitable_iter(&aw)?;
    if let Value::Obj(o) = me {
        if let Payload::Native(n) = o.payload() {
            n.data.with(interp.py, |b| {
                if let Some(s) = b.downcast_mut::<AnextAwaitable>() {
                    s.iter = Some(it.clone());
                }
            });
        }
    }
    Ok((it, d))
}

/// One step's outcome: StopAsyncIteration becomes StopIteration(default).
fn finish(interp: &mut Interp, r: PyResult<Step>, default: Value) -> PyResult {
    match r {
        Ok(Step::Yield(v)) => Ok(v),
        Ok(Step::Return(v)) => Err(interp.stop_iteration(v)),
        Err(e) if interp.matches(&e, &interp.g.exc.stop_async_iteration.clone()) => {
            Err(interp.stop_iteration(default))
        }
        Err(e) => Err(e),
    }
}

fn aw_send(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "send", 2, 2)?;
    let (it, d) = parts(interp, &a[0])?;
    let r = interp.send_to(&it, a[1].clone());
    finish(interp, r, d)
}

fn aw_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    let (it, d) = parts(interp, &a[0])?;
    let r = interp.send_to(&it, Value::None);
    finish(interp, r, d)
}

fn aw_throw(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "throw", 2, 4)?;
    let (it, d) = parts(interp, &a[0])?;
    let throw = interp.getattr_str(&it, "throw")?;
    let r = match interp.call(&throw, Args::new(&a[1..])) {
        Ok(v) => Ok(Step::Yield(v)),
        Err(e) if interp.matches(&e, &interp.g.exc.stop_iteration.clone()) => {
            Ok(Step::Return(interp.stop_iteration_value(&e)))
        }
        Err(e) => Err(e),
    };
    finish(interp, r, d)
}

fn aw_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    let (it, _) = parts(interp, &a[0])?;
    interp.close_iter(&it)?;
    Ok(Value::None)
}
