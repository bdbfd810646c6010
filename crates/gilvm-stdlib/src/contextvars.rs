//! The `_contextvars` module: `ContextVar`, `Token`, `Context` and `copy_context` (PEP 567),
//! which the Lib's `contextvars.py`, `threading`, `warnings` and `asyncio` import.
//!
//! # Representation
//! A `Context` holds a dict from `ContextVar` objects to values. CPython keeps an immutable
//! HAMT so that a copy is O(1); here `ContextVar.set` updates the current context's dict in
//! place and `copy_context()`/`Context.copy()` copy the dict (O(n) per copy, O(1) per set).
//! The observable semantics are the same, because a context is only ever changed through
//! `ContextVar.set`/`reset` while it is its thread's current context, and a context is
//! current in at most one thread at a time (`run` refuses a context already entered).
//!
//! # The current context
//! Each thread has its own current context (CPython's per-thread-state context): it is
//! kept in the thread's `Interp::thread_locals` under a reserved key, created empty on
//! first use. `Context.run` swaps it for the duration of the call. A new thread starts
//! with an empty one; `threading.Thread` passes a context of its own to `run` in.
//!
//! # Memory
//! Contexts and tokens are not traversed by the cycle collector: what they hold counts as
//! referenced from outside (kept alive, never freed by the collector), the safe side.
//!
//! # Free-threaded build
//! A context's state sits behind its object's lock (`ObjCell`); the dict is only touched by
//! the thread that has the context entered (or a copy being made, which the dict's own lock
//! makes atomic), so `get`/`set` never lose an update.
use gilvm_object::payload::NativeObj;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use gilvm_vm::args::Args;
use gilvm_vm::builtins::{add_getset, add_method, add_static};
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;

/// The key of the thread's current context in `Interp::thread_locals` (beside the
/// `threading.local` dicts, keyed by small ids, and asyncgen's hooks at `u64::MAX - 1..`).
const CURRENT_KEY: u64 = u64::MAX - 2;

struct CtxData {
    /// ContextVar -> value.
    map: ObjRef,
    entered: bool,
}

#[derive(Clone)]
struct VarData {
    name: Value,
    default: Option<Value>,
}

#[derive(Clone)]
struct TokData {
    ctx: ObjRef,
    var: ObjRef,
    /// None: the variable had no value in the context (`Token.MISSING`).
    old: Option<Value>,
    used: bool,
}

struct Types {
    context: ObjRef,
    var: ObjRef,
    token: ObjRef,
    missing: ObjRef,
}
struct TypesHolder(Types);
// SAFETY: the type objects and the MISSING singleton are immortal, and their mutable state
// is behind ObjCells (as thread.rs's types).
unsafe impl Sync for TypesHolder {}
// SAFETY: as above.
unsafe impl Send for TypesHolder {}
static TYPES: std::sync::OnceLock<TypesHolder> = std::sync::OnceLock::new();

fn make_type(interp: &mut Interp, name: &str) -> ObjRef {
    let dict = interp.new_dict_obj();
    let m = interp.new_str("_contextvars");
    interp.dict_set_str(&dict, interp.g.names.module.clone(), m);
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
    t
}

fn new_native(interp: &Interp, class: &ObjRef, data: Box<dyn std::any::Any>) -> ObjRef {
    interp.new_obj(Owned::Native(NativeObj {
        class: class.clone(),
        data: ObjCell::new(data),
        tag: 0,
    }))
}

fn types(interp: &mut Interp) -> &'static Types {
    if let Some(t) = TYPES.get() {
        return &t.0;
    }
    let context = make_type(interp, "Context");
    add_static(interp, &context, "__new__", context_new);
    add_method(interp, &context, "run", context_run);
    add_method(interp, &context, "copy", context_copy);
    add_method(interp, &context, "get", context_get);
    add_method(interp, &context, "__getitem__", context_getitem);
    add_method(interp, &context, "__contains__", context_contains);
    add_method(interp, &context, "__len__", context_len);
    add_method(interp, &context, "__iter__", context_iter);
    add_method(interp, &context, "keys", context_keys);
    add_method(interp, &context, "values", context_values);
    add_method(interp, &context, "items", context_items);
    add_method(interp, &context, "__eq__", context_eq);
    let var = make_type(interp, "ContextVar");
    add_static(interp, &var, "__new__", var_new);
    add_method(interp, &var, "get", var_get);
    add_method(interp, &var, "set", var_set);
    add_method(interp, &var, "reset", var_reset);
    add_method(interp, &var, "__repr__", var_repr);
    add_getset(interp, &var, "name", var_name);
    let token = make_type(interp, "Token");
    add_static(interp, &token, "__new__", token_new);
    add_method(interp, &token, "__repr__", token_repr);
    add_method(interp, &token, "__enter__", token_enter);
    add_method(interp, &token, "__exit__", token_exit);
    add_getset(interp, &token, "var", token_var);
    add_getset(interp, &token, "old_value", token_old_value);
    let missing_t = make_type(interp, "Token.MISSING");
    add_method(interp, &missing_t, "__repr__", missing_repr);
    let missing = new_native(interp, &missing_t, Box::new(()));
    missing.make_immortal();
    gilvm_vm::modules::util::set_attr(interp, &token, "MISSING", Value::Obj(missing.clone()));
    let _ = TYPES.set(TypesHolder(Types {
        context,
        var,
        token,
        missing,
    }));
    &TYPES.get().expect("just set").0
}

/// Is `v` a native object of class `cls` (exactly)?
fn is_a(v: &Value, cls: &ObjRef) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Native(n) if n.class.is(cls)))
}

fn native_of(v: &Value) -> Option<&NativeObj> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

fn var_data(interp: &Interp, v: &Value) -> Option<VarData> {
    native_of(v)?
        .data
        .with(interp.py, |d| d.downcast_ref::<VarData>().cloned())
}

fn tok_data(interp: &Interp, v: &Value) -> Option<TokData> {
    native_of(v)?
        .data
        .with(interp.py, |d| d.downcast_ref::<TokData>().cloned())
}

fn ctx_map(interp: &Interp, v: &Value) -> Option<ObjRef> {
    native_of(v)?.data.with(interp.py, |d| {
        d.downcast_ref::<CtxData>().map(|c| c.map.clone())
    })
}

fn new_context(interp: &mut Interp, map: ObjRef) -> ObjRef {
    let cls = types(interp).context.clone();
    new_native(
        interp,
        &cls,
        Box::new(CtxData {
            map,
            entered: false,
        }),
    )
}

/// The calling thread's current context (created empty on first use).
pub fn current(interp: &mut Interp) -> ObjRef {
    if let Some(c) = interp.thread_slot(CURRENT_KEY) {
        return c.clone();
    }
    let map = interp.new_dict_obj();
    let c = new_context(interp, map);
    interp.set_thread_slot(CURRENT_KEY, Some(c.clone()));
    c
}

fn need_ctx(interp: &mut Interp, args: &Args<'_>, what: &str) -> PyResult<ObjRef> {
    let cls = types(interp).context.clone();
    match args.pos().first() {
        Some(v) if is_a(v, &cls) => Ok(ctx_map(interp, v).expect("a Context has a map")),
        _ => Err(interp.type_error(format!(
            "descriptor '{what}' requires a '_contextvars.Context' object"
        ))),
    }
}

fn context_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(interp.type_error("Context() does not accept any arguments"));
    }
    let map = interp.new_dict_obj();
    Ok(Value::Obj(new_context(interp, map)))
}

/// Marks the context entered (error if it already is).
fn enter(interp: &mut Interp, ctx: &Value) -> PyResult<()> {
    let n = native_of(ctx).expect("checked");
    let was = n.data.with(interp.py, |d| {
        let c = d.downcast_mut::<CtxData>().expect("a Context");
        std::mem::replace(&mut c.entered, true)
    });
    if was {
        let r = interp.repr(ctx)?;
        return Err(interp.runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    Ok(())
}

fn leave(interp: &Interp, ctx: &Value) {
    if let Some(n) = native_of(ctx) {
        n.data.with(interp.py, |d| {
            if let Some(c) = d.downcast_mut::<CtxData>() {
                c.entered = false;
            }
        });
    }
}

/// `Context.run(callable, *args, **kwargs)`: calls in this context, then restores the
/// thread's previous one.
fn context_run(interp: &mut Interp, args: Args<'_>) -> PyResult {
    need_ctx(interp, &args, "run")?;
    let p = args.pos();
    if p.len() < 2 {
        return Err(interp.type_error("run() missing 1 required positional argument"));
    }
    let ctx = p[0].clone();
    let func = p[1].clone();
    enter(interp, &ctx)?;
    let Value::Obj(c) = &ctx else { unreachable!() };
    let prev = interp.set_thread_slot(CURRENT_KEY, Some(c.clone()));
    let rest = Args {
        all: &args.all[2..],
        kwnames: args.kwnames,
    };
    let r = interp.call(&func, rest);
    interp.set_thread_slot(CURRENT_KEY, prev);
    leave(interp, &ctx);
    r
}

fn context_copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let map = need_ctx(interp, &args, "copy")?;
    let m2 = interp.dict_copy(&map)?;
    Ok(Value::Obj(new_context(interp, m2)))
}

fn check_key(interp: &mut Interp, key: &Value) -> PyResult<()> {
    let var = types(interp).var.clone();
    if !is_a(key, &var) {
        let r = interp.repr(key)?;
        return Err(interp.type_error(format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

fn context_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let map = need_ctx(interp, &args, "__getitem__")?;
    let a = args.exact(interp, "__getitem__", 2, 2)?;
    check_key(interp, &a[1])?;
    match interp.dict_get(&map, &a[1])? {
        Some(v) => Ok(v),
        None => Err(interp.key_error(a[1].clone())),
    }
}

fn context_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let map = need_ctx(interp, &args, "get")?;
    let a = args.exact(interp, "get", 2, 3)?;
    check_key(interp, &a[1])?;
    Ok(interp
        .dict_get(&map, &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
}

fn context_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let map = need_ctx(interp, &args, "__contains__")?;
    let a = args.exact(interp, "__contains__", 2, 2)?;
    check_key(interp, &a[1])?;
    Ok(Value::Bool(interp.dict_get(&map, &a[1])?.is_some()))
}

fn context_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let map = need_ctx(interp, &args, "__len__")?;
    Ok(Value::Int(interp.dict_len(&map) as i64))
}

fn items_of(interp: &mut Interp, args: &Args<'_>, what: &str) -> PyResult<Vec<(Value, Value)>> {
    let map = need_ctx(interp, args, what)?;
    interp.dict_items(&map)
}

fn context_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let keys: Vec<Value> = items_of(interp, &args, "__iter__")?
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let l = interp.new_list(keys);
    interp.iter(&l)
}

fn context_keys(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let keys = items_of(interp, &args, "keys")?
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    Ok(interp.new_list(keys))
}

fn context_values(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let vals = items_of(interp, &args, "values")?
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    Ok(interp.new_list(vals))
}

fn context_items(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let items = items_of(interp, &args, "items")?
        .into_iter()
        .map(|(k, v)| interp.new_tuple(vec![k, v]))
        .collect();
    Ok(interp.new_list(items))
}

fn context_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let map = need_ctx(interp, &args, "__eq__")?;
    let a = args.exact(interp, "__eq__", 2, 2)?;
    let cls = types(interp).context.clone();
    if !is_a(&a[1], &cls) {
        return Ok(interp.not_implemented());
    }
    let other = ctx_map(interp, &a[1]).expect("a Context has a map");
    let eq = interp.eq(&Value::Obj(map), &Value::Obj(other))?;
    Ok(Value::Bool(eq))
}

/// `ContextVar(name, *, default=...)`.
fn var_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "ContextVar", &["default"])?;
    let p = args.pos();
    if p.len() > 2 {
        return Err(interp.type_error(format!(
            "ContextVar() takes at most 1 positional argument ({} given)",
            p.len() - 1
        )));
    }
    let Some(name) = p.get(1) else {
        return Err(interp.type_error("ContextVar() missing required argument 'name' (pos 1)"));
    };
    if !gilvm_vm::args::is_str(name) {
        return Err(interp.type_error("context variable name must be a str"));
    }
    let cls = types(interp).var.clone();
    let data = VarData {
        name: name.clone(),
        default: args.kw("default").cloned(),
    };
    Ok(Value::Obj(new_native(interp, &cls, Box::new(data))))
}

fn need_var(interp: &mut Interp, args: &Args<'_>, what: &str) -> PyResult<VarData> {
    let cls = types(interp).var.clone();
    match args.pos().first() {
        Some(v) if is_a(v, &cls) => Ok(var_data(interp, v).expect("a ContextVar")),
        _ => Err(interp.type_error(format!(
            "descriptor '{what}' requires a '_contextvars.ContextVar' object"
        ))),
    }
}

fn var_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(need_var(interp, &args, "name")?.name)
}

/// `ContextVar.get([default])`: the value in the current context, else `default`, else
/// the variable's default, else LookupError.
fn var_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = need_var(interp, &args, "get")?;
    let a = args.exact(interp, "get", 1, 2)?;
    let ctx = current(interp);
    let map = ctx_map(interp, &Value::Obj(ctx)).expect("a Context has a map");
    if let Some(v) = interp.dict_get(&map, &a[0])? {
        return Ok(v);
    }
    if let Some(v) = a.get(1) {
        return Ok(v.clone());
    }
    if let Some(v) = d.default {
        return Ok(v);
    }
    let lookup = interp.g.exc.lookup_error.clone();
    Err(PyErr(interp.new_exception(&lookup, vec![a[0].clone()])))
}

fn var_set(interp: &mut Interp, args: Args<'_>) -> PyResult {
    need_var(interp, &args, "set")?;
    if args.has_kwargs() {
        return Err(interp.type_error("ContextVar.set() takes no keyword arguments"));
    }
    let p = args.pos();
    if p.len() != 2 {
        return Err(interp.type_error(format!(
            "ContextVar.set() takes exactly one argument ({} given)",
            p.len() - 1
        )));
    }
    let ctx = current(interp);
    let map = ctx_map(interp, &Value::Obj(ctx.clone())).expect("a Context has a map");
    let old = interp.dict_get(&map, &p[0])?;
    interp.dict_set(&map, p[0].clone(), p[1].clone())?;
    let Value::Obj(var) = &p[0] else {
        unreachable!()
    };
    let cls = types(interp).token.clone();
    let tok = TokData {
        ctx,
        var: var.clone(),
        old,
        used: false,
    };
    Ok(Value::Obj(new_native(interp, &cls, Box::new(tok))))
}

fn var_reset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    need_var(interp, &args, "reset")?;
    let a = args.exact(interp, "reset", 2, 2)?;
    let tcls = types(interp).token.clone();
    if !is_a(&a[1], &tcls) {
        return Err(interp.type_error(format!(
            "expected an instance of Token, got {:?}",
            interp.type_name(&a[1])
        )));
    }
    let t = tok_data(interp, &a[1]).expect("a Token");
    if t.used {
        let r = interp.repr(&a[1])?;
        return Err(interp.runtime_error(format!("{r} has already been used once")));
    }
    let Value::Obj(me) = &a[0] else {
        unreachable!()
    };
    if !t.var.is(me) {
        let r = interp.repr(&a[1])?;
        return Err(interp.value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(interp);
    if !t.ctx.is(&ctx) {
        let r = interp.repr(&a[1])?;
        return Err(interp.value_error(format!("{r} was created in a different Context")));
    }
    if let Some(n) = native_of(&a[1]) {
        n.data.with(interp.py, |d| {
            if let Some(t) = d.downcast_mut::<TokData>() {
                t.used = true;
            }
        });
    }
    let map = ctx_map(interp, &Value::Obj(ctx)).expect("a Context has a map");
    match t.old {
        Some(v) => interp.dict_set(&map, a[0].clone(), v)?,
        None => {
            interp.dict_remove(&map, &a[0])?;
        }
    }
    Ok(Value::None)
}

fn var_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = need_var(interp, &args, "__repr__")?;
    let name = interp.repr(&d.name)?;
    let default = match &d.default {
        Some(v) => format!(" default={}", interp.repr(v)?),
        None => String::new(),
    };
    let s = format!(
        "<ContextVar name={name}{default} at {:#x}>",
        args.pos()[0].id()
    );
    Ok(interp.new_str(s))
}

fn token_new(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.runtime_error("Tokens can only be created by ContextVars"))
}

fn need_tok(interp: &mut Interp, args: &Args<'_>, what: &str) -> PyResult<TokData> {
    let cls = types(interp).token.clone();
    match args.pos().first() {
        Some(v) if is_a(v, &cls) => Ok(tok_data(interp, v).expect("a Token")),
        _ => Err(interp.type_error(format!(
            "descriptor '{what}' requires a '_contextvars.Token' object"
        ))),
    }
}

fn token_var(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Obj(need_tok(interp, &args, "var")?.var))
}

fn token_old_value(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = need_tok(interp, &args, "old_value")?;
    Ok(match t.old {
        Some(v) => v,
        None => Value::Obj(types(interp).missing.clone()),
    })
}

fn token_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = need_tok(interp, &args, "__repr__")?;
    let var = interp.repr(&Value::Obj(t.var))?;
    let s = format!(
        "<Token{} var={var} at {:#x}>",
        if t.used { " used" } else { "" },
        args.pos()[0].id()
    );
    Ok(interp.new_str(s))
}

fn token_enter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    need_tok(interp, &args, "__enter__")?;
    Ok(args.pos()[0].clone())
}

/// `with var.set(value):` resets the variable on exit (3.14).
fn token_exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = need_tok(interp, &args, "__exit__")?;
    let all = [Value::Obj(t.var), args.pos()[0].clone()];
    var_reset(interp, Args::new(&all))?;
    Ok(Value::None)
}

fn missing_repr(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(interp.new_str("<Token.MISSING>"))
}

fn copy_context(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "copy_context", 0, 0)?;
    let ctx = current(interp);
    let map = ctx_map(interp, &Value::Obj(ctx)).expect("a Context has a map");
    let m2 = interp.dict_copy(&map)?;
    Ok(Value::Obj(new_context(interp, m2)))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    let (context, var, token) = (t.context.clone(), t.var.clone(), t.token.clone());
    interp.add_value(m, "Context", Value::Obj(context));
    interp.add_value(m, "ContextVar", Value::Obj(var));
    interp.add_value(m, "Token", Value::Obj(token));
    interp.add_function(m, "copy_context", copy_context);
    Ok(())
}
