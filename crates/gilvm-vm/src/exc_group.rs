//! The builtins `BaseExceptionGroup` and `ExceptionGroup` (PEP 654; issue 19: the Lib's
//! `contextlib`, `asyncio` and `traceback` name them).
//!
//! The two types are created with the exception hierarchy's layout (`Layout::Exception`),
//! `ExceptionGroup` deriving from both `BaseExceptionGroup` and `Exception`, and put in
//! `builtins`. Their methods are native entries that call the embedded Python module
//! `_gilvm_excgroup` (imported on first use, so start-up imports nothing): the group's
//! state is its `args`, so the methods only combine Python-level operations.
//! (`except*` is the compiler's, not here.)
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

/// Creates the two types and adds them to `builtins`.
pub fn register(interp: &mut Interp) {
    let base_exc = interp.g.exc.base_exception.clone();
    let exc = interp.g.exc.exception.clone();
    let object = interp.g.types.object.clone();
    let beg = make(
        interp,
        "BaseExceptionGroup",
        vec![base_exc.clone()],
        vec![base_exc.clone(), object.clone()],
    );
    let eg = make(
        interp,
        "ExceptionGroup",
        vec![beg.clone(), exc.clone()],
        vec![beg.clone(), exc, base_exc, object],
    );
    crate::builtins::add_static(interp, &beg, "__new__", eg_new);
    crate::builtins::add_method(interp, &beg, "__init__", eg_init);
    for (name, f) in [
        ("__str__", eg_str as NativeFn),
        ("derive", eg_derive),
        ("subgroup", eg_subgroup),
        ("split", eg_split),
    ] {
        crate::builtins::add_method(interp, &beg, name, f);
    }
    crate::builtins::add_getset(interp, &beg, "message", eg_message);
    crate::builtins::add_getset(interp, &beg, "exceptions", eg_exceptions);
    crate::builtins::genericalias::make_generic(interp, &beg);
    let bd = interp.g.builtins_dict.clone();
    for (n, t) in [("BaseExceptionGroup", beg), ("ExceptionGroup", eg)] {
        interp.dict_set_str(&bd, interp.intern(n), Value::Obj(t));
    }
}

fn make(interp: &mut Interp, name: &str, bases: Vec<ObjRef>, mro: Vec<ObjRef>) -> ObjRef {
    let dict = ObjRef::new_immortal(interp.py, Owned::Dict(gilvm_object::dict::PyDict::new()));
    let t = new_type(interp.py, name, bases, mro, dict, Layout::Exception, false);
    t.make_immortal();
    if let Payload::Type(tt) = t.payload() {
        tt.dict().set_str(
            interp.py,
            interp.intern("__module__"),
            Value::Obj(interp.intern("builtins")),
        );
    }
    t
}

/// Calls `_gilvm_excgroup.<name>(*args)`.
fn call_helper(interp: &mut Interp, name: &str, args: &[Value]) -> PyResult {
    let m = interp.import_module("_gilvm_excgroup")?;
    let f = interp.getattr_str(&Value::Obj(m), name)?;
    interp.call1(&f, args)
}

fn eg_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error("BaseExceptionGroup() takes no keyword arguments"));
    }
    let a = args.pos();
    if a.len() != 3 {
        return Err(interp.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    call_helper(interp, "new", a)
}

/// `__init__` accepts the constructor's arguments; `__new__` did the work.
fn eg_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = interp;
    let _ = args.pos();
    Ok(Value::None)
}

fn one(interp: &mut Interp, args: &Args<'_>, name: &str, helper: &str) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    call_helper(interp, helper, a)
}

fn two(interp: &mut Interp, args: &Args<'_>, name: &str, helper: &str) -> PyResult {
    let a = args.exact(interp, name, 2, 2)?;
    call_helper(interp, helper, a)
}

fn eg_str(interp: &mut Interp, args: Args<'_>) -> PyResult {
    one(interp, &args, "__str__", "str_")
}

fn eg_message(interp: &mut Interp, args: Args<'_>) -> PyResult {
    one(interp, &args, "message", "message")
}

fn eg_exceptions(interp: &mut Interp, args: Args<'_>) -> PyResult {
    one(interp, &args, "exceptions", "exceptions")
}

fn eg_derive(interp: &mut Interp, args: Args<'_>) -> PyResult {
    two(interp, &args, "derive", "derive")
}

fn eg_subgroup(interp: &mut Interp, args: Args<'_>) -> PyResult {
    two(interp, &args, "subgroup", "subgroup")
}

fn eg_split(interp: &mut Interp, args: Args<'_>) -> PyResult {
    two(interp, &args, "split", "split")
}
