//! Async generators: `async def` with `yield` (and async generator expressions).
//!
//! The object is a generator state of kind `AsyncGenerator` (`gen.rs`). Its frame yields
//! two sorts of values: those of its own `yield`s, wrapped by `AsyncGenWrap` (a
//! `Wrapped` native object), and those its `await`s pass up from below (a future the event
//! loop must see). The awaitables `asend(v)` (also `__anext__()`) and `athrow(…)` (also
//! `aclose()`) drive the frame one step: a wrapped value ends the step, raised to the
//! awaiting coroutine as `StopIteration(value)`; anything else is passed up as the
//! awaitable's own yield. The end of the generator is StopAsyncIteration.
//!
//! Invariants (CPython's): one `asend`/`athrow` at a time drives the generator
//! (`AgState::running_async`, "asynchronous generator is already running"); each awaitable
//! runs once ("cannot reuse already awaited …"); `aclose()` marks the generator closed.
//! The hooks of `sys.set_asyncgen_hooks` are per thread: `firstiter` is called at the
//! first step, and `finalizer` (recorded then) is called instead of closing when a
//! started, unclosed generator dies.
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::builtins::add_method;
use crate::coro::{types, with_state, Wrapped};
use crate::error::{PyErr, PyResult};
use crate::gen::Step;
use crate::interp::Interp;

/// The state of one `asend`/`athrow` awaitable.
struct Awaitable {
    gen: Value,
    /// `asend`: the value to send first. `athrow`: the exception arguments, or None for
    /// `aclose()`.
    arg: Option<Vec<Value>>,
    is_throw: bool,
    state: State,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

/// Keys of the per-thread hook storage (`Interp::thread_locals`, beside the
/// `threading.local` dicts keyed by object addresses, which are never this high).
const FIRSTITER_KEY: u64 = u64::MAX;
const FINALIZER_KEY: u64 = u64::MAX - 1;

pub fn register(interp: &mut Interp) {
    let t = types();
    let g = t.async_generator.clone();
    add_method(interp, &g, "__aiter__", crate::coro::iter_self);
    add_method(interp, &g, "__anext__", ag_anext);
    add_method(interp, &g, "asend", ag_asend);
    add_method(interp, &g, "athrow", ag_athrow);
    add_method(interp, &g, "aclose", ag_aclose);
    add_method(interp, &g, "__repr__", crate::coro::gen_like_repr);
    for (n, f) in [
        ("__name__", crate::coro::gen_name as crate::interp::NativeFn),
        ("__qualname__", crate::coro::gen_qualname),
        ("ag_running", ag_running),
        ("ag_suspended", crate::coro::gen_suspended),
        ("ag_await", crate::coro::gen_await),
        ("ag_code", crate::coro::gen_code),
    ] {
        crate::builtins::add_getset(interp, &g, n, f);
    }
    for ty in [t.asend.clone(), t.athrow.clone()] {
        add_method(interp, &ty, "send", aw_send);
        add_method(interp, &ty, "__next__", aw_next);
        add_method(interp, &ty, "throw", aw_throw);
        add_method(interp, &ty, "close", aw_close);
        add_method(interp, &ty, "__iter__", crate::coro::iter_self);
        add_method(interp, &ty, "__await__", crate::coro::iter_self);
    }
    let sys = interp.g.sys.clone();
    interp.add_function(&sys, "set_asyncgen_hooks", set_hooks);
    interp.add_function(&sys, "get_asyncgen_hooks", get_hooks);
}

fn ag_running(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = args.pos().first().cloned().unwrap_or(Value::None);
    Ok(Value::Bool(
        with_state(interp, &v, |s| s.ag.running_async).unwrap_or(false),
    ))
}

fn the_gen(interp: &Interp, args: &Args<'_>, what: &str) -> PyResult<Value> {
    match args.pos().first() {
        Some(v) if interp.gen_kind(v) == Some(crate::gen::GenKind::AsyncGenerator) => Ok(v.clone()),
        _ => Err(interp.type_error(format!(
            "descriptor '{what}' requires an 'async_generator' object"
        ))),
    }
}

/// CPython's `async_gen_init_hooks`: at the first step, record the thread's finalizer and
/// call its `firstiter(gen)`.
fn init_hooks(interp: &mut Interp, gen: &Value) -> PyResult<()> {
    let first = with_state(interp, gen, |s| {
        let f = !s.ag.hooks_inited;
        s.ag.hooks_inited = true;
        f
    })
    .unwrap_or(false);
    if !first {
        return Ok(());
    }
    if let Some(fin) = interp.thread_locals.get(&FINALIZER_KEY).cloned() {
        with_state(interp, gen, |s| s.ag.finalizer = Some(Value::Obj(fin)));
    }
    if let Some(fi) = interp.thread_locals.get(&FIRSTITER_KEY).cloned() {
        interp.call1(&Value::Obj(fi), std::slice::from_ref(gen))?;
    }
    Ok(())
}

fn new_awaitable(
    interp: &mut Interp,
    gen: Value,
    arg: Option<Vec<Value>>,
    is_throw: bool,
) -> PyResult {
    init_hooks(interp, &gen)?;
    let t = types();
    let cls = if is_throw {
        t.athrow.clone()
    } else {
        t.asend.clone()
    };
    Ok(crate::modules::util::native_obj(
        interp,
        &cls,
        Awaitable {
            gen,
            arg,
            is_throw,
            state: State::Init,
        },
    ))
}

/// `GetANext` on an async generator: `gen.__anext__()`.
pub fn anext(interp: &mut Interp, gen: &Value) -> PyResult {
    new_awaitable(interp, gen.clone(), Some(vec![Value::None]), false)
}

fn ag_anext(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let g = the_gen(interp, &args, "__anext__")?;
    anext(interp, &g)
}

fn ag_asend(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "asend", 2, 2)?;
    let g = the_gen(interp, &args, "asend")?;
    new_awaitable(interp, g, Some(vec![a[1].clone()]), false)
}

fn ag_athrow(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "athrow", 2, 4)?;
    if a.len() > 2 {
        crate::coro::warn_throw_signature(interp, "athrow")?;
    }
    let g = the_gen(interp, &args, "athrow")?;
    new_awaitable(interp, g, Some(a[1..].to_vec()), true)
}

fn ag_aclose(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "aclose", 1, 1)?;
    let g = the_gen(interp, &args, "aclose")?;
    new_awaitable(interp, g, None, true)
}

/// Runs `f` on the state of an `asend`/`athrow` awaitable.
fn with_aw<R>(interp: &Interp, v: &Value, f: impl FnOnce(&mut Awaitable) -> R) -> PyResult<R> {
    if let Value::Obj(o) = v {
        if let Payload::Native(n) = o.payload() {
            if let Some(r) = n
                .data
                .with(interp.py, |b| b.downcast_mut::<Awaitable>().map(f))
            {
                return Ok(r);
            }
        }
    }
    Err(interp.type_error("an async generator awaitable is required"))
}

fn set_running(interp: &Interp, gen: &Value, on: bool) {
    with_state(interp, gen, |s| s.ag.running_async = on);
}

/// The `(gen, is_throw, is_aclose)` of an awaitable, and whether it may run: marks it
/// running and the generator running-async on its first step.
fn start(interp: &mut Interp, me: &Value) -> PyResult<(Value, bool, bool, State)> {
    let (gen, is_throw, aclose, state) = with_aw(interp, me, |a| {
        (a.gen.clone(), a.is_throw, a.arg.is_none(), a.state)
    })?;
    if state == State::Closed {
        return Err(interp.runtime_error(if is_throw {
            "cannot reuse already awaited aclose()/athrow()"
        } else {
            "cannot reuse already awaited __anext__()/asend()"
        }));
    }
    Ok((gen, is_throw, aclose, state))
}

fn close_aw(interp: &Interp, me: &Value) {
    let _ = with_aw(interp, me, |a| a.state = State::Closed);
}

/// The error of a second concurrent step.
fn already_running(interp: &Interp, is_throw: bool, aclose: bool) -> PyErr {
    let what = if !is_throw {
        "anext"
    } else if aclose {
        "aclose"
    } else {
        "athrow"
    };
    interp.runtime_error(format!(
        "{what}(): asynchronous generator is already running"
    ))
}

/// The wrapped value of an async generator's `yield`, if `v` is one.
fn unwrap_yield(interp: &Interp, v: &Value) -> Option<Value> {
    let Value::Obj(o) = v else { return None };
    let Payload::Native(n) = o.payload() else {
        return None;
    };
    if !n.class.is(&types().wrapped) {
        return None;
    }
    n.data.with(interp.py, |b| {
        b.downcast_ref::<Wrapped>().map(|w| w.0.clone())
    })
}

/// CPython's `async_gen_unwrap_value`: one frame step seen from the awaitable.
fn unwrap(interp: &mut Interp, me: &Value, gen: &Value, r: PyResult<Step>) -> PyResult {
    match r {
        Ok(Step::Yield(v)) => match unwrap_yield(interp, &v) {
            Some(x) => {
                set_running(interp, gen, false);
                close_aw(interp, me);
                Err(interp.stop_iteration(x))
            }
            None => Ok(v),
        },
        Ok(Step::Return(_)) => {
            let e = PyErr(interp.new_exception(&interp.g.exc.stop_async_iteration.clone(), vec![]));
            unwrap(interp, me, gen, Err(e))
        }
        Err(e) => {
            if interp.matches(&e, &interp.g.exc.stop_async_iteration.clone())
                || interp.matches(&e, &interp.g.exc.generator_exit.clone())
            {
                with_state(interp, gen, |s| s.ag.closed = true);
            }
            set_running(interp, gen, false);
            close_aw(interp, me);
            Err(e)
        }
    }
}

fn throw_exc(interp: &mut Interp, args: &[Value]) -> PyResult<PyErr> {
    crate::coro::throw_args_exception(interp, args)
}

/// `asend(v).send(x)` / `athrow(…).send(x)`.
fn step(interp: &mut Interp, me: &Value, sent: Value) -> PyResult {
    let (gen, is_throw, aclose, state) = start(interp, me)?;
    let Value::Obj(g) = &gen else { unreachable!() };
    if !is_throw {
        let mut sent = sent;
        if state == State::Init {
            if with_state(interp, &gen, |s| s.ag.running_async).unwrap_or(false) {
                close_aw(interp, me);
                return Err(already_running(interp, false, false));
            }
            if sent.is_none() {
                sent = with_aw(interp, me, |a| a.arg.as_ref().map(|v| v[0].clone()))?
                    .unwrap_or(Value::None);
            }
            with_aw(interp, me, |a| a.state = State::Iter)?;
        }
        set_running(interp, &gen, true);
        let r = interp.gen_resume(g, sent);
        return unwrap(interp, me, &gen, r);
    }
    // athrow / aclose.
    let finished = with_state(interp, &gen, |s| s.finished).unwrap_or(true);
    if finished {
        close_aw(interp, me);
        return Err(interp.stop_iteration(Value::None));
    }
    let r = if state == State::Init {
        if with_state(interp, &gen, |s| s.ag.running_async).unwrap_or(false) {
            close_aw(interp, me);
            return Err(already_running(interp, true, aclose));
        }
        if with_state(interp, &gen, |s| s.ag.closed).unwrap_or(false) {
            close_aw(interp, me);
            return Err(PyErr(
                interp.new_exception(&interp.g.exc.stop_async_iteration.clone(), vec![]),
            ));
        }
        if !sent.is_none() {
            return Err(
                interp.runtime_error("can't send non-None value to a just-started coroutine")
            );
        }
        with_aw(interp, me, |a| a.state = State::Iter)?;
        set_running(interp, &gen, true);
        let e = if aclose {
            with_state(interp, &gen, |s| s.ag.closed = true);
            let exit = Value::Obj(interp.g.exc.generator_exit.clone());
            interp.make_raisable(&exit)?
        } else {
            let args = with_aw(interp, me, |a| a.arg.clone().unwrap_or_default())?;
            match throw_exc(interp, &args) {
                Ok(e) => e,
                Err(e) => {
                    set_running(interp, &gen, false);
                    close_aw(interp, me);
                    return Err(e);
                }
            }
        };
        interp.gen_throw_into(g, e)
    } else {
        interp.gen_resume(g, sent)
    };
    finish_throw(interp, me, &gen, aclose, r)
}

/// The end of an `athrow`/`aclose` step.
fn finish_throw(
    interp: &mut Interp,
    me: &Value,
    gen: &Value,
    aclose: bool,
    r: PyResult<Step>,
) -> PyResult {
    if !aclose {
        return unwrap(interp, me, gen, r);
    }
    match r {
        Ok(Step::Yield(v)) if unwrap_yield(interp, &v).is_some() => {
            set_running(interp, gen, false);
            close_aw(interp, me);
            Err(interp.runtime_error("async generator ignored GeneratorExit"))
        }
        Ok(Step::Yield(v)) => Ok(v),
        Ok(Step::Return(_)) => {
            set_running(interp, gen, false);
            close_aw(interp, me);
            Err(interp.stop_iteration(Value::None))
        }
        Err(e) => {
            set_running(interp, gen, false);
            close_aw(interp, me);
            if interp.matches(&e, &interp.g.exc.stop_async_iteration.clone())
                || interp.matches(&e, &interp.g.exc.generator_exit.clone())
            {
                return Err(interp.stop_iteration(Value::None));
            }
            Err(e)
        }
    }
}

fn aw_send(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "send", 2, 2)?;
    step(interp, &a[0], a[1].clone())
}

fn aw_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    step(interp, &a[0], Value::None)
}

/// `awaitable.throw(…)`: into the generator's frame.
fn aw_throw(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "throw", 2, 4)?;
    if a.len() > 2 {
        crate::coro::warn_throw_signature(interp, "throw")?;
    }
    let me = a[0].clone();
    let (gen, is_throw, aclose, state) = start(interp, &me)?;
    let Value::Obj(g) = &gen else { unreachable!() };
    if state == State::Init {
        if with_state(interp, &gen, |s| s.ag.running_async).unwrap_or(false) {
            close_aw(interp, &me);
            return Err(already_running(interp, is_throw, aclose));
        }
        with_aw(interp, &me, |x| x.state = State::Iter)?;
        set_running(interp, &gen, true);
    }
    let e = throw_exc(interp, &a[1..])?;
    let r = interp.gen_throw_into(g, e);
    if is_throw {
        finish_throw(interp, &me, &gen, aclose, r)
    } else {
        unwrap(interp, &me, &gen, r)
    }
}

fn aw_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    close_aw(interp, &a[0]);
    Ok(Value::None)
}

// ---- sys.set_asyncgen_hooks / get_asyncgen_hooks ----

fn set_hooks(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "set_asyncgen_hooks() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let mut firstiter = pos.first().cloned();
    let mut finalizer = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        match k {
            "firstiter" => firstiter = Some(v.clone()),
            "finalizer" => finalizer = Some(v.clone()),
            _ => {
                return Err(interp.type_error(format!(
                    "set_asyncgen_hooks() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    for (v, what) in [(&finalizer, "finalizer"), (&firstiter, "firstiter")] {
        if let Some(v) = v {
            if !v.is_none() && !crate::modules::collections::is_callable(interp, v) {
                return Err(interp.type_error(format!(
                    "callable {what} expected, got {}",
                    interp.type_name(v)
                )));
            }
        }
    }
    for (v, key) in [(finalizer, FINALIZER_KEY), (firstiter, FIRSTITER_KEY)] {
        match v {
            None => {}
            Some(Value::Obj(o)) => {
                interp.thread_locals.insert(key, o);
            }
            Some(_) => {
                interp.thread_locals.remove(&key);
            }
        }
    }
    Ok(Value::None)
}

fn get_hooks(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_asyncgen_hooks", 0, 0)?;
    let get = |interp: &Interp, k| {
        interp
            .thread_locals
            .get(&k)
            .map_or(Value::None, |o: &ObjRef| Value::Obj(o.clone()))
    };
    let fi = get(interp, FIRSTITER_KEY);
    let fin = get(interp, FINALIZER_KEY);
    let m = Value::Obj(interp.import_module("collections")?);
    let nt = interp.getattr_str(&m, "namedtuple")?;
    let name = interp.new_str("asyncgen_hooks");
    let fields = interp.new_str("firstiter finalizer");
    let cls = interp.call1(&nt, &[name, fields])?;
    interp.call1(&cls, &[fi, fin])
}
