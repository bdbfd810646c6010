//! The methods of `object` that copying and pickling rely on (`__reduce_ex__`,
//! `__reduce__`, `__getstate__`), `object.__subclasshook__`, `object.__dir__`, and `__get__` of functions (issue 19: the Lib's `copy`, `copyreg`,
//! `abc`, `functools` and `inspect` call them).
//!
//! The reduction protocol (CPython's `reduce_newobj` and `object_getstate`) is written in
//! Python in `_gilvm_types` (imported on first use): it only combines attribute lookups
//! and calls. These native entries are what `object.__dict__` holds, so that a class's
//! override is told apart from `object`'s by identity, as the Lib's code does.
use gilvm_object::payload::BoundMethod;
use gilvm_object::{Owned, Payload, Value};

use super::genericalias::helper;
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Adds the methods to `object` and `function`.
pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    super::add_method(interp, &t.object, "__reduce_ex__", reduce_ex);
    super::add_method(interp, &t.object, "__reduce__", reduce);
    super::add_method(interp, &t.object, "__getstate__", getstate);
    super::add_method(interp, &t.object, "__dir__", dir);
    super::add_classmethod(interp, &t.object, "__subclasshook__", subclasshook);
    super::add_method(interp, &t.function, "__get__", function_get);
    super::add_static(interp, &t.method, "__new__", method_new);
    super::add_method(interp, &t.method, "__reduce__", method_reduce);
    let be = interp.g.exc.base_exception.clone();
    super::add_method(interp, &be, "__reduce__", exception_reduce);
    // pickle (issue 19, mp): range, builtin functions by name, the two singletons.
    super::add_method(interp, &t.range, "__reduce__", range_reduce);
    super::add_method(interp, &t.builtin_function, "__reduce__", builtin_reduce);
    for ty in [&t.ellipsis, &t.not_implemented] {
        super::add_method(interp, ty, "__reduce__", singleton_reduce);
    }
    super::add_method(interp, &t.slice, "__reduce__", slice_reduce);
    for ty in [&t.set, &t.frozenset] {
        super::add_method(interp, ty, "__reduce__", set_reduce);
    }
    for ty in [&t.int, &t.float, &t.complex, &t.str_, &t.bytes, &t.tuple] {
        super::add_method(interp, ty, "__getnewargs__", getnewargs);
    }
    super::add_static(interp, &t.module, "__new__", module_new);
    super::add_method(
        interp,
        &t.module,
        "__init__",
        crate::module_sub::module_init,
    );
    super::add_static(
        interp,
        &t.function,
        "__new__",
        crate::funcattrs::function_new,
    );
    super::add_static(interp, &t.cell, "__new__", crate::funcattrs::cell_new);
}

/// The name of `v`'s type when `v`'s state lives in a builtin payload that `__dict__` and
/// slots do not show (a lock, a generator, a module): such an object cannot be reduced
/// without `__getnewargs__` (CPython: "cannot pickle 'X' object").
fn solid_name(interp: &mut Interp, v: &Value) -> Value {
    match v {
        Value::Obj(o) if !matches!(o.payload(), Payload::Instance(_) | Payload::Object(_)) => {
            // The full name (`_thread.lock`), as CPython's `tp_name`.
            let t = gilvm_object::types::type_of(v).clone();
            interp.new_str(gilvm_object::types::type_name(&t))
        }
        _ => Value::None,
    }
}

fn reduce_ex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reduce_ex__", 2, 2)?;
    let proto = interp.index_value(&a[1])?;
    let solid = solid_name(interp, &a[0]);
    let f = helper(interp, "reduce_ex")?;
    interp.call1(&f, &[a[0].clone(), Value::Int(proto), solid])
}

fn reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reduce__", 1, 1)?;
    let solid = solid_name(interp, &a[0]);
    let f = helper(interp, "reduce")?;
    interp.call1(&f, &[a[0].clone(), solid])
}

fn getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getstate__", 1, 1)?;
    let f = helper(interp, "getstate")?;
    interp.call1(&f, &[a[0].clone()])
}

/// `object.__subclasshook__(subclass)`: NotImplemented (the normal algorithm decides).
fn subclasshook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = args.pos();
    Ok(interp.not_implemented())
}

/// `object.__dir__()`: the names `dir(obj)` lists, as a list.
fn dir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__dir__", 1, 1)?;
    let v = a[0].clone();
    super::core::default_dir(interp, &v)
}

/// `function.__get__(instance, owner=None)`: the function itself without an instance, else
/// the function bound to it.
fn function_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
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

/// CPython's refusal to instantiate a class whose `__abstractmethods__` is not empty.
pub fn check_abstract(
    interp: &mut Interp,
    t: &gilvm_object::types::TypeObject,
    am: &Value,
) -> PyResult<()> {
    if !interp.truthy(am)? {
        return Ok(());
    }
    let mut names: Vec<String> = interp
        .collect(am)?
        .iter()
        .map(|v| v.as_str().map(str::to_string).unwrap_or_default())
        .collect();
    names.sort();
    let s = if names.len() == 1 { "" } else { "s" };
    Err(interp.type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{s} '{}'",
        t.name,
        names.join("', '")
    )))
}

/// `types.MethodType(func, obj)`.
fn method_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "method", 3, 3)?;
    if !crate::modules::collections::is_callable(interp, &a[1]) {
        return Err(interp.type_error("first argument must be callable"));
    }
    if a[2].is_none() {
        return Err(interp.type_error("instance must not be None"));
    }
    Ok(Value::Obj(interp.new_obj(Owned::BoundMethod(
        BoundMethod {
            func: a[1].clone(),
            receiver: a[2].clone(),
        },
    ))))
}

/// `types.ModuleType(name, doc=None)`.
fn module_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    // `M.__new__(M, …)` of a subclass `M` (issue 19, branch natives).
    if let Some(Value::Obj(cls)) = args.pos().first() {
        if !cls.is(&interp.g.types.module) {
            let cls = cls.clone();
            return crate::module_sub::new_sub_module(interp, &cls, &args);
        }
    }
    let pos = args.pos();
    args.check_kw(interp, "module", &["name", "doc"])?;
    let name = pos.get(1).or_else(|| args.kw("name"));
    let Some(name) = name else {
        return Err(interp.type_error("module() missing required argument 'name' (pos 1)"));
    };
    let Some(n) = name.as_str() else {
        return Err(interp.type_error(format!(
            "module() argument 'name' must be str, not {}",
            interp.type_name(name)
        )));
    };
    let n = n.to_string();
    let m = interp.new_module(&n);
    if let Some(doc) = pos.get(2).or_else(|| args.kw("doc")) {
        let dn = interp.intern("__doc__");
        interp.dict_set_str(Interp::module_dict(&m).expect("a module"), dn, doc.clone());
    }
    Ok(Value::Obj(m))
}

/// A method `name(self)` that calls `_gilvm_types.<helper>(self)`.
fn delegate(interp: &mut Interp, args: &Args<'_>, name: &str, helper_name: &str) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    let f = helper(interp, helper_name)?;
    interp.call1(&f, &[a[0].clone()])
}

fn set_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "set_reduce")
}

fn getnewargs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__getnewargs__", "getnewargs")
}

/// `deque.__reduce__`.
pub fn deque_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "deque_reduce")
}

/// `defaultdict.__reduce__`.
pub fn defaultdict_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "defaultdict_reduce")
}

/// `OrderedDict.__reduce__`.
pub fn ordereddict_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "ordereddict_reduce")
}

fn method_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "method_reduce")
}

fn slice_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "slice_reduce")
}

fn exception_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "exception_reduce")
}

fn range_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "range_reduce")
}

fn builtin_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    delegate(interp, &args, "__reduce__", "builtin_reduce")
}

/// `Ellipsis.__reduce__()` and `NotImplemented.__reduce__()`: their builtin names, which
/// pickle saves as globals (CPython's `ellipsis_reduce` / `notimplemented_reduce`).
fn singleton_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reduce__", 1, 1)?;
    let t = gilvm_object::types::type_of(&a[0]).clone();
    let name = if t.is(&interp.g.types.ellipsis) {
        "Ellipsis"
    } else {
        "NotImplemented"
    };
    Ok(interp.new_str(name))
}
