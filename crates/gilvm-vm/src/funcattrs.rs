//! Assignment of a function's `__defaults__`, `__kwdefaults__` and `__code__` (issue 19:
//! the Lib's `namedtuple` sets `__new__.__defaults__`, `types.coroutine` sets `__code__`).
//!
//! The calls read these fields on every call without a lock, so they are
//! `gilvm_object::stwref::StwRef`s, replaced with the world stopped (the old value stays
//! valid for a reader that loaded it before; `stwref.rs` has the scheme). The checks and
//! messages are CPython's.
use gilvm_object::payload::Function;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::frame::code_of;
use crate::interp::Interp;

/// `f.<name> = v` for `__defaults__`, `__kwdefaults__` or `__code__`.
pub fn set_field(interp: &mut Interp, f: &Function, name: &str, v: Value) -> PyResult<()> {
    let obj = |v: &Value| -> Option<ObjRef> { v.as_obj().cloned() };
    match name {
        "__defaults__" => {
            let new = match &v {
                Value::None => None,
                Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)) => obj(&v),
                _ => return Err(interp.type_error("__defaults__ must be set to a tuple object")),
            };
            let ts = interp.thread_state.clone();
            interp
                .g
                .gil
                .with_world_stopped(&ts, |stopped| f.defaults.replace(stopped, new));
        }
        "__kwdefaults__" => {
            let new = match &v {
                Value::None => None,
                Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => obj(&v),
                _ => return Err(interp.type_error("__kwdefaults__ must be set to a dict object")),
            };
            let ts = interp.thread_state.clone();
            interp
                .g
                .gil
                .with_world_stopped(&ts, |stopped| f.kwdefaults.replace(stopped, new));
        }
        _ => {
            let Value::Obj(co) = &v else {
                return Err(interp.type_error("__code__ must be set to a code object"));
            };
            if !matches!(co.payload(), Payload::Code(_)) {
                return Err(interp.type_error("__code__ must be set to a code object"));
            }
            let nfree = code_of(co).freevars.len();
            if nfree != f.closure.len() {
                let fname = f
                    .name
                    .with(interp.py, |n| n.as_str().unwrap_or("?").to_string());
                return Err(interp.value_error(format!(
                    "{fname}() requires a code object with {} free vars, not {nfree}",
                    f.closure.len()
                )));
            }
            let new = co.clone();
            let ts = interp.thread_state.clone();
            interp
                .g
                .gil
                .with_world_stopped(&ts, |stopped| f.code.replace(stopped, new));
        }
    }
    Ok(())
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None,
/// kwdefaults=None)` (the Lib's `annotationlib` rebuilds annotate functions with it).
pub fn function_new(interp: &mut Interp, args: crate::args::Args<'_>) -> PyResult {
    const NAMES: [&str; 6] = [
        "code",
        "globals",
        "name",
        "argdefs",
        "closure",
        "kwdefaults",
    ];
    args.check_kw(interp, "function", &NAMES)?;
    let pos = args.pos().get(1..).unwrap_or_default();
    if pos.len() > NAMES.len() {
        return Err(interp.type_error(format!(
            "function() takes at most 6 arguments ({} given)",
            pos.len()
        )));
    }
    let arg =
        |i: usize| -> Option<Value> { pos.get(i).cloned().or_else(|| args.kw(NAMES[i]).cloned()) };
    let Some(code) = arg(0) else {
        return Err(interp.type_error("function() missing required argument 'code' (pos 1)"));
    };
    let Some(Value::Obj(co)) = Some(code.clone())
        .filter(|c| matches!(c, Value::Obj(o) if matches!(o.payload(), Payload::Code(_))))
    else {
        return Err(interp.type_error(format!(
            "function() argument 'code' must be code, not {}",
            interp.type_name(&code)
        )));
    };
    // A dict, or an instance of a dict subclass (annotationlib's `_StringifierDict`).
    let globals = match arg(1) {
        Some(g @ Value::Obj(_)) if crate::modules::collections::is_dict(&g) => {
            g.as_obj().cloned().expect("an object")
        }
        Some(g) => {
            return Err(interp.type_error(format!(
                "function() argument 'globals' must be dict, not {}",
                interp.type_name(&g)
            )))
        }
        None => {
            return Err(interp.type_error("function() missing required argument 'globals' (pos 2)"))
        }
    };
    let nfree = code_of(&co).freevars.len();
    let closure = match arg(4) {
        None | Some(Value::None) => None,
        Some(c @ Value::Obj(_)) if matches!(&c, Value::Obj(t) if matches!(t.payload(), Payload::Tuple(_))) => {
            Some(c)
        }
        Some(_) => return Err(interp.type_error("arg 5 (closure) must be tuple")),
    };
    let ncl = match &closure {
        Some(Value::Obj(t)) => match t.payload() {
            Payload::Tuple(items) => {
                if items
                    .iter()
                    .any(|c| !matches!(c, Value::Obj(o) if matches!(o.payload(), Payload::Cell(_))))
                {
                    return Err(interp.type_error("arg 5 (closure) expected cell"));
                }
                items.len()
            }
            _ => 0,
        },
        _ => 0,
    };
    if nfree != ncl {
        let cname = crate::eval::str_of(&code_of(&co).name).to_string();
        return Err(if closure.is_none() {
            interp.type_error("arg 5 (closure) must be tuple")
        } else {
            interp.value_error(format!(
                "{cname} requires closure of length {nfree}, not {ncl}"
            ))
        });
    }
    let defaults = match arg(3) {
        None | Some(Value::None) => None,
        Some(d @ Value::Obj(_)) if matches!(&d, Value::Obj(t) if matches!(t.payload(), Payload::Tuple(_))) => {
            Some(d)
        }
        Some(_) => return Err(interp.type_error("arg 4 (defaults) must be None or tuple")),
    };
    let kwdefaults = match arg(5) {
        None | Some(Value::None) => None,
        Some(d @ Value::Obj(_)) if matches!(&d, Value::Obj(t) if matches!(t.payload(), Payload::Dict(_))) => {
            Some(d)
        }
        Some(_) => return Err(interp.type_error("arg 6 (kwdefaults) must be None or dict")),
    };
    let module = interp
        .dict_get_str(&globals, &interp.intern("__name__"))
        .unwrap_or(Value::None);
    let f = interp.make_function(&code, &globals, module, defaults, kwdefaults, closure);
    if let Some(name) = arg(2).filter(|n| !n.is_none()) {
        if name.as_str().is_none() {
            return Err(interp.type_error("arg 3 (name) must be None or string"));
        }
        let n = interp.intern("__name__");
        interp.setattr(&f, &n, name)?;
    }
    Ok(f)
}

/// `types.CellType(contents)`: a new closure cell, empty without an argument.
pub fn cell_new(interp: &mut Interp, args: crate::args::Args<'_>) -> PyResult {
    let a = args.exact(interp, "cell", 1, 2)?;
    let v = a.get(1).cloned().unwrap_or(Value::Undef);
    Ok(Value::Obj(interp.new_obj(gilvm_object::Owned::Cell(
        gilvm_object::ObjCell::new(v),
    ))))
}

// ---- The other special attributes' assignment and deletion (helper ctests) ----
//
// CPython's function type has a getset descriptor for each of these; gilvm's functions
// answer them in `attr.rs`, which calls these two for the checks and messages of
// CPython 3.14's setters (a deletion is a set to NULL).

/// `f.<name> = v` for a special attribute with a setter check; `None` when `name` is an
/// ordinary attribute (stored in the function's `__dict__` by the caller).
pub fn set_special(
    interp: &mut Interp,
    f: &Function,
    name: &str,
    v: &Value,
) -> Option<PyResult<()>> {
    Some(match name {
        "__name__" | "__qualname__" => {
            if v.as_str().is_none() {
                return Some(Err(
                    interp.type_error(format!("{name} must be set to a string object"))
                ));
            }
            let cell = if name == "__name__" {
                &f.name
            } else {
                &f.qualname
            };
            let old = cell.with(interp.py, |x| std::mem::replace(x, v.clone()));
            drop(old);
            Ok(())
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            Err(interp.attribute_error("readonly attribute"))
        }
        "__defaults__" | "__kwdefaults__" | "__code__" => set_field(interp, f, name, v.clone()),
        "__dict__" => match v {
            Value::Obj(d) if matches!(d.payload(), Payload::Dict(_)) => {
                let old = f.dict.with(interp.py, |x| x.replace(d.clone()));
                drop(old);
                Ok(())
            }
            _ => Err(interp.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                interp.type_name(v)
            ))),
        },
        "__type_params__" => match v {
            Value::Obj(t) if matches!(t.payload(), Payload::Tuple(_)) => return None,
            _ => Err(interp.type_error("__type_params__ must be set to a tuple")),
        },
        "__annotations__" => match v {
            Value::None => return None,
            Value::Obj(d) if matches!(d.payload(), Payload::Dict(_)) => return None,
            _ => Err(interp.type_error("__annotations__ must be set to a dict object")),
        },
        "__annotate__" => {
            if v.is_none() || crate::modules::collections::is_callable(interp, v) {
                return None;
            }
            Err(interp.type_error("__annotate__ must be callable or None"))
        }
        _ => return None,
    })
}

/// `del f.<name>`.
pub fn del_attr(interp: &mut Interp, f: &Function, fv: &Value, name: &ObjRef) -> PyResult<()> {
    let n = crate::eval::str_of(name);
    let dict_set_none = |interp: &mut Interp| {
        let d = match f.dict.with(interp.py, |d| d.clone()) {
            Some(d) => d,
            None => interp.function_dict(f),
        };
        interp.dict_set_str(&d, name.clone(), Value::None);
        Ok(())
    };
    match n {
        "__name__" | "__qualname__" => {
            Err(interp.type_error(format!("{n} must be set to a string object")))
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            Err(interp.attribute_error("readonly attribute"))
        }
        "__dict__" => Err(interp.type_error("cannot delete __dict__")),
        "__type_params__" => Err(interp.type_error("__type_params__ must be set to a tuple")),
        "__code__" => Err(interp.type_error("__code__ must be set to a code object")),
        "__annotate__" => Err(interp.type_error("__annotate__ cannot be deleted")),
        "__defaults__" | "__kwdefaults__" => set_field(interp, f, n, Value::None),
        "__doc__" | "__module__" => dict_set_none(interp),
        _ => {
            let d = f.dict.with(interp.py, |d| d.clone());
            if let Some(d) = d {
                if interp.dict_del_str(&d, name).is_some() {
                    return Ok(());
                }
            }
            if n == "__annotations__" {
                return Ok(());
            }
            Err(interp.no_attr(fv, name))
        }
    }
}
