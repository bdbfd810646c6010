//! Coroutines: `async def`, `await`, `async for`, `async with` (CPython 3.14's semantics).
//!
//! A coroutine is a generator object of another class (`gen.rs` has the one state,
//! `GenState`, with its [`GenKind`]): calling an `async def` function makes one with the
//! function's frame, unstarted; `send`/`throw`/`close` resume it exactly as a generator's
//! (the frame is taken out of the per-object cell while it runs, so a second thread or a
//! re-entrant call gets "coroutine already executing", never a second `&mut Frame`).
//!
//! `await x` compiles to `GetAwaitable; LoadConst None; YieldFrom`: `GetAwaitable` turns
//! `x` into the iterator to delegate to (the coroutine itself, a generator marked by
//! `types.coroutine` (`ITERABLE_COROUTINE`), or what `type(x).__await__(x)` returns), and
//! the ordinary `yield from` machinery drives it: whatever it yields goes up to whoever
//! drives the outermost coroutine (an event loop's `send(None)`), and its return value is
//! the value of the `await`. `throw()` and `close()` go down the same chain
//! (`Interp::throw_into_delegate` in gen.rs).
//!
//! `async for` holds the `__aiter__` result on the stack like `for` holds its iterator;
//! each step is `GetANext` (the awaitable of `__anext__()`) awaited under a handler whose
//! `EndAsyncFor` ends the loop on StopAsyncIteration. `async with` is `with` with the
//! results of `__aenter__()` and `__aexit__()` awaited (`BeforeAsyncWith`).
//!
//! An unstarted coroutine that dies prints CPython's "coroutine '…' was never awaited"
//! RuntimeWarning (gilvm has no `warnings` module: the text the default filter prints,
//! once per location), at the line of the frame running when it died
//! ([`RUNNING_FRAME`]).
//!
//! Async generators are in `asyncgen.rs`.
use std::cell::Cell;
use std::sync::OnceLock;

use gilvm_object::code::{flags, CodeObject, Instr};
use gilvm_object::payload::Function;
use gilvm_object::types::{new_type, type_of, Layout};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::builtins::add_method;
use crate::error::PyResult;
use crate::frame::{code_of, Frame};
use crate::gen::{GenKind, GenState};
use crate::interp::Interp;
use crate::modules::util::Statics;

thread_local! {
    /// The frame this thread's eval loop runs (innermost), whichever `Interp` runs it:
    /// what a finalizer running on a nested interpreter reports as the place of a
    /// warning. Set and restored by `Interp::eval`.
    pub(crate) static RUNNING_FRAME: Cell<*const Frame> = const { Cell::new(std::ptr::null()) };
}

/// The type objects of this file and `asyncgen.rs` (immortal, created at start-up).
pub struct CoroTypes {
    pub coroutine: ObjRef,
    pub async_generator: ObjRef,
    pub coroutine_wrapper: ObjRef,
    pub asend: ObjRef,
    pub athrow: ObjRef,
    /// The value of an async generator's `yield`, told apart from what its awaits yield.
    pub wrapped: ObjRef,
    /// `anext(it, default)` (aiter.rs).
    pub anext_awaitable: ObjRef,
}

static TYPES: OnceLock<Statics<CoroTypes>> = OnceLock::new();

/// The coroutine types (after `register`).
pub fn types() -> &'static CoroTypes {
    &TYPES.get().expect("coroutine types registered").0
}

/// A builtin type named `name` (instances are native objects).
pub(crate) fn builtin_type(interp: &Interp, name: &str) -> ObjRef {
    let dict = ObjRef::new_immortal(interp.py, Owned::Dict(gilvm_object::dict::PyDict::new()));
    let object = interp.g.types.object.clone();
    let t = new_type(
        interp.py,
        name,
        vec![object.clone()],
        vec![object],
        dict,
        Layout::Builtin,
        false,
    );
    t.make_immortal();
    crate::modules::util::set_attr(
        interp,
        &t,
        "__module__",
        Value::Obj(interp.intern("builtins")),
    );
    t
}

/// Creates the types, their methods and `sys.set_asyncgen_hooks`/`get_asyncgen_hooks`.
pub fn register(interp: &mut Interp) {
    if TYPES.get().is_none() {
        let t = CoroTypes {
            coroutine: builtin_type(interp, "coroutine"),
            async_generator: builtin_type(interp, "async_generator"),
            coroutine_wrapper: builtin_type(interp, "coroutine_wrapper"),
            asend: builtin_type(interp, "async_generator_asend"),
            athrow: builtin_type(interp, "async_generator_athrow"),
            wrapped: builtin_type(interp, "async_generator_wrapped_value"),
            anext_awaitable: builtin_type(interp, "anext_awaitable"),
        };
        let _ = TYPES.set(Statics(t));
    }
    let t = types();
    gilvm_object::lifecycle::register_finalizable(&t.coroutine);
    gilvm_object::lifecycle::register_finalizable(&t.async_generator);
    let c = t.coroutine.clone();
    add_method(interp, &c, "send", crate::builtins::core::gen_send);
    add_method(interp, &c, "throw", crate::builtins::core::gen_throw);
    add_method(interp, &c, "close", crate::builtins::core::gen_close);
    add_method(interp, &c, "__await__", coro_await);
    add_method(interp, &c, "__repr__", gen_like_repr);
    for (n, f) in [
        ("__name__", gen_name as crate::interp::NativeFn),
        ("__qualname__", gen_qualname),
        ("cr_running", gen_running),
        ("cr_suspended", gen_suspended),
        ("cr_await", gen_await),
        ("cr_code", gen_code),
        ("cr_origin", coro_origin),
    ] {
        crate::builtins::add_getset(interp, &c, n, f);
    }
    let w = t.coroutine_wrapper.clone();
    add_method(interp, &w, "send", wrapper_send);
    add_method(interp, &w, "throw", wrapper_throw);
    add_method(interp, &w, "close", wrapper_close);
    add_method(interp, &w, "__next__", wrapper_next);
    add_method(interp, &w, "__iter__", iter_self);
    crate::asyncgen::register(interp);
    crate::aiter::register(interp);
    // gi_frame, gi_code, ..., writable __name__/__qualname__ (helper ctests).
    crate::gen_attrs::register(interp, &t.coroutine, &t.async_generator);
}

/// `__iter__` returning the object itself.
pub(crate) fn iter_self(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

/// `cr_origin`: where the coroutine was created (see `modules/sys_limits.rs`).
fn coro_origin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "cr_origin")?;
    Ok(with_state(interp, v, |s| s.origin.clone()).unwrap_or(Value::None))
}

/// Runs `f` on the state of a generator, coroutine or async generator.
pub(crate) fn with_state<R>(
    interp: &Interp,
    v: &Value,
    f: impl FnOnce(&mut GenState) -> R,
) -> Option<R> {
    let Value::Obj(o) = v else { return None };
    let Payload::Native(n) = o.payload() else {
        return None;
    };
    n.data
        .with(interp.py, |b| b.downcast_mut::<GenState>().map(f))
}

/// The receiver of a method or getter of the coroutine types.
fn receiver<'a>(interp: &Interp, args: &'a Args<'_>, what: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if interp.gen_kind(v).is_some() => Ok(v),
        _ => Err(interp.type_error(format!("descriptor '{what}' needs a coroutine"))),
    }
}

pub(crate) fn gen_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "__name__")?;
    Ok(with_state(interp, v, |s| s.name.clone()).unwrap_or(Value::None))
}

pub(crate) fn gen_qualname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "__qualname__")?;
    Ok(with_state(interp, v, |s| s.qualname.clone()).unwrap_or(Value::None))
}

pub(crate) fn gen_running(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "cr_running")?;
    Ok(Value::Bool(
        with_state(interp, v, |s| s.frame.is_none() && !s.finished).unwrap_or(false),
    ))
}

pub(crate) fn gen_suspended(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "cr_suspended")?;
    Ok(Value::Bool(
        with_state(interp, v, |s| {
            !s.finished && s.frame.as_ref().is_some_and(|f| f.started)
        })
        .unwrap_or(false),
    ))
}

/// The iterator a suspended frame's `yield from`/`await` delegates to, if any.
pub(crate) fn awaiting(s: &GenState) -> Option<Value> {
    let f = s.frame.as_ref()?;
    if s.finished || !f.started {
        return None;
    }
    match code_of(&f.code).instrs.get(f.pc) {
        Some(Instr::YieldFrom) => f.stack.last().cloned(),
        _ => None,
    }
}

pub(crate) fn gen_await(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "cr_await")?;
    Ok(with_state(interp, v, |s| awaiting(s))
        .flatten()
        .unwrap_or(Value::None))
}

pub(crate) fn gen_code(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "cr_code")?;
    Ok(with_state(interp, v, |s| Value::Obj(s.code.clone())).unwrap_or(Value::None))
}

/// `<coroutine object f at 0x…>`, `<async_generator object g at 0x…>`.
pub(crate) fn gen_like_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "__repr__")?;
    let Value::Obj(o) = v else { unreachable!() };
    let q = crate::builtins::gen_qualname(interp, o);
    let t = interp.type_name(v);
    Ok(interp.new_str(format!("<{t} object {q} at {:#x}>", o.addr())))
}

/// `coroutine.__await__()`: a `coroutine_wrapper` iterating the coroutine.
fn coro_await(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__await__", 1, 1)?;
    let v = a[0].clone();
    if !interp.is_coroutine(&v) {
        return Err(interp.type_error("descriptor '__await__' needs a coroutine"));
    }
    Ok(crate::modules::util::native_obj(
        interp,
        &types().coroutine_wrapper.clone(),
        Wrapped(v),
    ))
}

/// A `coroutine_wrapper`'s coroutine; an async generator's wrapped `yield` value.
pub(crate) struct Wrapped(pub Value);

fn wrapped_coro(interp: &Interp, v: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = v {
        if let Payload::Native(n) = o.payload() {
            if n.class.is(&types().coroutine_wrapper) {
                if let Some(c) = n.data.with(interp.py, |b| {
                    b.downcast_ref::<Wrapped>().map(|w| w.0.clone())
                }) {
                    return Ok(c);
                }
            }
        }
    }
    Err(interp.type_error("descriptor needs a 'coroutine_wrapper' object"))
}

fn wrapper_send(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "send", 2, 2)?;
    let c = wrapped_coro(interp, &a[0])?;
    crate::builtins::core::gen_send(interp, Args::new(&[c, a[1].clone()]))
}

fn wrapper_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    let c = wrapped_coro(interp, &a[0])?;
    crate::builtins::core::gen_send(interp, Args::new(&[c, Value::None]))
}

fn wrapper_throw(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "throw", 2, 4)?;
    let mut v = a.to_vec();
    v[0] = wrapped_coro(interp, &a[0])?;
    crate::builtins::core::gen_throw(interp, Args::new(&v))
}

fn wrapper_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    let c = wrapped_coro(interp, &a[0])?;
    crate::builtins::core::gen_close(interp, Args::new(&[c]))
}

impl Interp {
    /// Which kind of generator-like object `v` is, if it is one.
    pub fn gen_kind(&self, v: &Value) -> Option<GenKind> {
        let Value::Obj(o) = v else { return None };
        let Payload::Native(n) = o.payload() else {
            return None;
        };
        if n.class.is(&self.g.generator_type) {
            return Some(GenKind::Generator);
        }
        let t = TYPES.get()?;
        if n.class.is(&t.0.coroutine) {
            Some(GenKind::Coroutine)
        } else if n.class.is(&t.0.async_generator) {
            Some(GenKind::AsyncGenerator)
        } else {
            None
        }
    }

    /// A generator or a coroutine (what `yield from`/`await` resume directly).
    pub fn is_gen_like(&self, v: &Value) -> bool {
        matches!(
            self.gen_kind(v),
            Some(GenKind::Generator | GenKind::Coroutine)
        )
    }

    pub fn is_coroutine(&self, v: &Value) -> bool {
        self.gen_kind(v) == Some(GenKind::Coroutine)
    }

    /// A generator whose code `types.coroutine` marked: `await` accepts it as it is.
    fn is_iterable_coroutine(&self, v: &Value) -> bool {
        self.gen_kind(v) == Some(GenKind::Generator)
            && with_state(self, v, |s| {
                code_of(&s.code).flags & flags::ITERABLE_COROUTINE != 0
            })
            .unwrap_or(false)
    }

    /// Calling an `async def` function (or an async comprehension): the coroutine or async
    /// generator running `frame`.
    pub fn new_coroutine(&mut self, frame: Box<Frame>, f: &Function, code_flags: u32) -> Value {
        let t = types();
        if code_flags & flags::ASYNC_GENERATOR != 0 {
            self.new_gen_object(frame, f, GenKind::AsyncGenerator, t.async_generator.clone())
        } else {
            let origin = crate::modules::sys_limits::coroutine_origin(self);
            let c = self.new_gen_object(frame, f, GenKind::Coroutine, t.coroutine.clone());
            if !origin.is_none() {
                with_state(self, &c, |s| s.origin = origin);
            }
            c
        }
    }

    /// `GetAwaitable(kind)`: the iterator `await v` delegates to (CPython's
    /// `_PyEval_GetAwaitable`).
    pub fn get_awaitable(&mut self, v: Value, kind: u32) -> PyResult {
        if self.is_coroutine(&v) {
            if with_state(self, &v, |s| awaiting(s).is_some()).unwrap_or(false) {
                return Err(self.runtime_error("coroutine is being awaited already"));
            }
            return Ok(v);
        }
        match self.awaitable_iter(&v) {
            Ok(it) => Ok(it),
            Err(e) if kind != 0 && self.matches(&e, &self.g.exc.type_error.clone()) => {
                let which = if kind == 1 { "__aenter__" } else { "__aexit__" };
                if self.lookup_special(&v, "__await__").is_none() {
                    return Err(self.type_error(format!(
                        "'async with' received an object from {which} that does not implement __await__: {}",
                        self.type_name(&v)
                    )));
                }
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// CPython's `_PyCoro_GetAwaitableIter`: a coroutine, a `types.coroutine` generator,
    /// or the iterator `__await__()` returns.
    pub fn awaitable_iter(&mut self, v: &Value) -> PyResult {
        if self.is_coroutine(v) || self.is_iterable_coroutine(v) {
            return Ok(v.clone());
        }
        let Some(m) = self.lookup_special(v, "__await__") else {
            return Err(self.type_error(format!("'{}' object can't be awaited", self.type_name(v))));
        };
        let it = self.call_method_value(&m, v, &[])?;
        if self.is_coroutine(&it) || self.is_iterable_coroutine(&it) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(&it) {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GetAIter`: `type(v).__aiter__(v)`, which must have `__anext__`.
    pub fn get_aiter(&mut self, v: Value) -> PyResult {
        let Some(m) = self.lookup_special(&v, "__aiter__") else {
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(&v)
            )));
        };
        let it = self.call_method_value(&m, &v, &[])?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GetANext`: the awaitable iterator of `aiter.__anext__()`.
    pub fn get_anext(&mut self, aiter: &Value) -> PyResult {
        if self.gen_kind(aiter) == Some(GenKind::AsyncGenerator) {
            return crate::asyncgen::anext(self, aiter);
        }
        let Some(m) = self.lookup_special(aiter, "__anext__") else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let next = self.call_method_value(&m, aiter, &[])?;
        match self.awaitable_iter(&next) {
            Ok(it) => Ok(it),
            Err(cause) => {
                let e = self.type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&next)
                ));
                self.set_cause(&e, cause.value())?;
                Err(e)
            }
        }
    }

    /// The TypeError of a `with` / `async with` whose manager lacks `method`, with
    /// CPython 3.14's hint when the type has the other protocol's two methods.
    pub(crate) fn missing_cm_method(&mut self, mgr: &Value, method: &str) -> crate::error::PyErr {
        let is_async = method.starts_with("__a");
        let (proto, other, other_with) = if is_async {
            (
                "asynchronous context manager",
                ["__enter__", "__exit__"],
                "with",
            )
        } else {
            ("context manager", ["__aenter__", "__aexit__"], "async with")
        };
        let mut msg = format!(
            "'{}' object does not support the {proto} protocol (missed {method} method)",
            full_type_name(self, mgr)
        );
        if other.iter().all(|m| self.lookup_special(mgr, m).is_some()) {
            let other_proto = if is_async {
                "context manager"
            } else {
                "asynchronous context manager"
            };
            msg.push_str(&format!(
                " but it supports the {other_proto} protocol. Did you mean to use '{other_with}'?"
            ));
        }
        self.type_error(msg)
    }

    /// `BeforeAsyncWith`: `(bound __aexit__, mgr.__aenter__())`.
    pub fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let Some(exit) = self.lookup_special(mgr, "__aexit__") else {
            return Err(self.missing_cm_method(mgr, "__aexit__"));
        };
        let Some(enter) = self.lookup_special(mgr, "__aenter__") else {
            return Err(self.missing_cm_method(mgr, "__aenter__"));
        };
        let ty = type_of(mgr).clone();
        let exit_b = self.bind_attr(exit, mgr, &ty)?;
        let res = self.call_method_value(&enter, mgr, &[])?;
        Ok((exit_b, res))
    }

    /// `AsyncGenWrap`.
    pub fn async_gen_wrap(&mut self, v: Value) -> Value {
        crate::modules::util::native_obj(self, &types().wrapped.clone(), Wrapped(v))
    }

    /// `EndAsyncFor`: is `exc` the StopAsyncIteration that ends an `async for`?
    pub fn ends_async_for(&self, exc: &Value) -> bool {
        match exc {
            Value::Obj(o) => gilvm_object::types::is_subtype(
                gilvm_object::types::type_of_obj(o),
                &self.g.exc.stop_async_iteration,
            ),
            _ => false,
        }
    }
}

/// CPython's `%T`: `module.Qualname`, without the module for builtins and `__main__`.
fn full_type_name(interp: &Interp, v: &Value) -> String {
    let t = type_of(v);
    let Payload::Type(tt) = t.payload() else {
        return interp.type_name(v);
    };
    let q = tt
        .qualname
        .with(interp.py, |q| q.as_str().map(str::to_string))
        .unwrap_or_else(|| tt.name.to_string());
    let m = tt
        .dict()
        .get_str(interp.py, &interp.intern("__module__"))
        .and_then(|m| m.as_str().map(str::to_string));
    match m.as_deref() {
        Some("builtins") | Some("__main__") | None => q,
        Some(m) => format!("{m}.{q}"),
    }
}

// ---- finalization ----

/// Does a dying generator-like object need its finalizer: a suspended frame to close, an
/// unstarted coroutine to warn about, an async generator to hand to its finalizer hook.
pub fn needs_finalize(s: &GenState) -> bool {
    if s.finished {
        return false;
    }
    let started = s.frame.as_ref().is_some_and(|f| f.started);
    match s.kind {
        GenKind::Coroutine => true,
        GenKind::AsyncGenerator => !s.ag.finalized && started,
        GenKind::Generator => started,
    }
}

/// The finalizer of a generator, coroutine or async generator (`finalize.rs` calls it).
pub fn finalize(interp: &mut Interp, v: &Value) {
    let Some((kind, started, finalizer)) = with_state(interp, v, |s| {
        let started = s.frame.as_ref().is_some_and(|f| f.started);
        let fin = if s.ag.closed || s.finished || s.ag.finalized {
            None
        } else {
            s.ag.finalizer.clone()
        };
        if fin.is_some() {
            s.ag.finalized = true;
        }
        (s.kind, started, fin)
    }) else {
        return;
    };
    if let Some(fin) = finalizer {
        if let Err(e) = interp.call1(&fin, std::slice::from_ref(v)) {
            let d = interp
                .repr(v)
                .unwrap_or_else(|_| "<async_generator>".into());
            crate::finalize::report_unraisable(interp, &format!("in: {d}"), &e);
        }
        return;
    }
    if kind == GenKind::Coroutine && !started {
        let q = with_state(interp, v, |s| s.qualname.clone()).unwrap_or(Value::None);
        warn_never_awaited(q.as_str().unwrap_or("?"));
    }
    let r = crate::builtins::core::gen_close(interp, Args::new(std::slice::from_ref(v)));
    if let Err(e) = r {
        let d = interp.repr(v).unwrap_or_else(|_| "<generator>".into());
        crate::finalize::report_unraisable(interp, &format!("while closing generator {d}"), &e);
    }
}

/// Locations (file, line, text) a warning was already printed for: the default filter
/// prints a warning once per location.
static WARNED: parking_lot::Mutex<Vec<(String, u32, String)>> = parking_lot::Mutex::new(Vec::new());

/// Prints "coroutine 'q' was never awaited" as CPython's warnings module does by default,
/// at the line of the frame running when the coroutine died.
fn warn_never_awaited(q: &str) {
    let p = RUNNING_FRAME.with(|c| c.get());
    // SAFETY: `RUNNING_FRAME` is null or the frame an `eval` further up this thread's
    // stack is running: boxed, not moved or freed before that `eval` returns. Only its
    // code and pc are read.
    let loc = unsafe { p.as_ref() }.map(|f| {
        (
            crate::eval::str_of(&f.code().filename).to_string(),
            f.line(),
        )
    });
    print_warning(
        loc,
        "RuntimeWarning",
        &format!("coroutine '{q}' was never awaited"),
        true,
    );
}

/// CPython's DeprecationWarning for `throw(type, value, tb)` (`what` is `throw` or
/// `athrow`), through the Lib's `warnings` (its filters decide whether it shows).
pub(crate) fn warn_throw_signature(interp: &mut Interp, what: &str) -> PyResult<()> {
    crate::builtins::numbers::warn_deprecation(
        interp,
        format!(
            "the (type, exc, tb) signature of {what}() is deprecated, use the single-arg signature instead."
        ),
    )
}

/// Prints a warning as the `warnings` module's default action does (gilvm has no
/// `warnings` module): `file:line: Category: text`, the source line (and with
/// `tracemalloc_hint` the hint CPython adds for warnings about an object), once per
/// location; with no Python frame running (at exit), `<sys>:0:` alone.
fn print_warning(loc: Option<(String, u32)>, category: &str, text: &str, tracemalloc_hint: bool) {
    let msg = match loc {
        Some((file, line)) => {
            {
                let mut w = WARNED.lock();
                let key = (file.clone(), line, format!("{category}: {text}"));
                if w.contains(&key) {
                    return;
                }
                w.push(key);
            }
            let mut m = format!("{file}:{line}: {category}: {text}\n");
            if let Some(src) = crate::traceback::source_line(&file, line) {
                m.push_str(&format!("  {src}\n"));
            }
            if tracemalloc_hint {
                m.push_str(&format!(
                    "{category}: Enable tracemalloc to get the object allocation traceback\n"
                ));
            }
            m
        }
        None => format!("<sys>:0: {category}: {text}\n"),
    };
    crate::modules::io::write_stderr(&msg);
}

// ---- types.coroutine ----

/// `_gilvm_coro.iterable_coroutine(func)`: a copy of generator function `func` whose code
/// carries `ITERABLE_COROUTINE` (CPython's `types.coroutine` sets the flag on the
/// function's code in place; gilvm's code objects are immutable, so the function is new).
fn iterable_coroutine(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "iterable_coroutine", 1, 1)?;
    let Value::Obj(fo) = &a[0] else {
        return Err(interp.type_error("a function is required"));
    };
    let Payload::Function(f) = fo.payload() else {
        return Err(interp.type_error("a function is required"));
    };
    let c = code_of(&f.code);
    if c.flags & flags::GENERATOR == 0 || c.flags & flags::ITERABLE_COROUTINE != 0 {
        return Ok(a[0].clone());
    }
    let code = ObjRef::new(
        interp.py,
        Owned::Code(copy_code(c, c.flags | flags::ITERABLE_COROUTINE)),
    );
    let func = Function {
        code: gilvm_object::stwref::StwRef::new(code),
        globals: f.globals.clone(),
        name: ObjCell::new(f.name.with(interp.py, |v| v.clone())),
        qualname: ObjCell::new(f.qualname.with(interp.py, |v| v.clone())),
        defaults: gilvm_object::stwref::StwRef::new((*f.defaults).clone()),
        kwdefaults: gilvm_object::stwref::StwRef::new((*f.kwdefaults).clone()),
        closure: f.closure.clone(),
        dict: ObjCell::new(f.dict.with(interp.py, |d| d.clone())),
        module: f.module.clone(),
        doc: f.doc.clone(),
    };
    Ok(Value::Obj(interp.new_obj(Owned::Function(func))))
}

/// A copy of `c` with `flags` (fresh caches).
fn copy_code(c: &CodeObject, flags: u32) -> CodeObject {
    use gilvm_object::dict::SeqSlot;
    CodeObject {
        name: c.name.clone(),
        qualname: c.qualname.clone(),
        filename: c.filename.clone(),
        firstlineno: c.firstlineno,
        instrs: c.instrs.clone(),
        lines: c.lines.clone(),
        cols: c.cols.clone(),
        consts: c.consts.clone(),
        names: c.names.clone(),
        varnames: c.varnames.clone(),
        cellvars: c.cellvars.clone(),
        freevars: c.freevars.clone(),
        cell2arg: c.cell2arg.clone(),
        argcount: c.argcount,
        posonlyargcount: c.posonlyargcount,
        kwonlyargcount: c.kwonlyargcount,
        flags,
        exc_table: c.exc_table.clone(),
        stacksize: c.stacksize,
        global_cache: c.global_cache.iter().map(|_| SeqSlot::new()).collect(),
        attr_cache: c.attr_cache.iter().map(|_| SeqSlot::new()).collect(),
        attr_ways: c.attr_ways,
        module_name_cache: SeqSlot::new(),
    }
}

/// The helper module of the embedded `types.py`.
pub fn init_module(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "iterable_coroutine", iterable_coroutine);
    let t = types();
    for (n, ty) in [
        ("CoroutineType", &t.coroutine),
        ("AsyncGeneratorType", &t.async_generator),
    ] {
        interp.add_value(m, n, Value::Obj(ty.clone()));
    }
    Ok(())
}

/// The exception `throw(typ[, val[, tb]])` raises (generators, coroutines, async
/// generators' `athrow`): an instance as it is; a class called with `val` unless `val` is
/// already an instance of it.
pub(crate) fn throw_args_exception(
    interp: &mut Interp,
    a: &[Value],
) -> PyResult<crate::error::PyErr> {
    match a.get(1) {
        Some(v) if !v.is_none() => {
            if let Value::Obj(t) = &a[0] {
                if matches!(t.payload(), Payload::Type(_)) {
                    if interp.isinstance(v, t) {
                        return interp.make_raisable(v);
                    }
                    // A failure to instantiate the class is itself what is thrown in (CPython's
                    // `PyErr_NormalizeException`).
                    let inst = match interp.call(&a[0], Args::new(std::slice::from_ref(v))) {
                        Ok(inst) => inst,
                        Err(e) => return Ok(e),
                    };
                    return Ok(interp.make_raisable(&inst).unwrap_or_else(|e| e));
                }
            }
            if !a[0].is_none()
                && !matches!(&a[0], Value::Obj(t) if matches!(t.payload(), Payload::Type(_)))
            {
                return Err(interp.type_error("instance exception may not have a separate value"));
            }
            interp.make_raisable(&a[0])
        }
        _ => {
            let is_class = matches!(&a[0], Value::Obj(t) if matches!(t.payload(), Payload::Type(_)) && gilvm_object::types::is_subtype(t, &interp.g.exc.base_exception));
            match interp.make_raisable(&a[0]) {
                // The class could not be instantiated: that error is thrown in.
                Err(e) if is_class => Ok(e),
                r => r,
            }
        }
    }
}
