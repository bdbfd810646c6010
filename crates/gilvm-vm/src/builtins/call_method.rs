//! `__call__` of the builtin callables (`function`, `builtin_function_or_method`, `method`,
//! `method_descriptor`): `f.__call__(*args, **kw)` is `f(*args, **kw)`, as CPython's
//! `tp_call` slot wrappers make it.
//!
//! **Why.** The interpreter calls these objects by their payload and never looks the name
//! up, but Python code does: `unittest.mock`'s `_callable(obj)` is
//! `getattr(obj, '__call__', None) is not None`, and without the attribute a function given as
//! `side_effect` was taken for an iterator. `callable()` and the call path are unchanged (they
//! recognise these payloads before any lookup), so the method is only reached by name.
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Adds `__call__` to the builtin callable types.
pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    super::add_method(interp, &t.function, "__call__", call_function);
    super::add_method(interp, &t.builtin_function, "__call__", call_builtin);
    super::add_method(interp, &t.method, "__call__", call_method);
    super::add_method(interp, &t.method_descriptor, "__call__", call_descriptor);
}

/// `type(f).__call__(f, *args, **kw)`, for `f` of the builtin type named `tname`.
fn call(interp: &mut Interp, args: Args<'_>, tname: &str) -> PyResult {
    let Some((f, rest)) = args.split_first() else {
        return Err(interp.type_error(format!(
            "descriptor '__call__' of '{tname}' object needs an argument"
        )));
    };
    if gilvm_object::types::type_name(gilvm_object::types::type_of(f)) != tname {
        return Err(interp.type_error(format!(
            "descriptor '__call__' requires a '{tname}' object but received a '{}'",
            interp.type_name(f)
        )));
    }
    interp.call(f, rest)
}

fn call_function(interp: &mut Interp, args: Args<'_>) -> PyResult {
    call(interp, args, "function")
}

fn call_builtin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    call(interp, args, "builtin_function_or_method")
}

fn call_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    call(interp, args, "method")
}

fn call_descriptor(interp: &mut Interp, args: Args<'_>) -> PyResult {
    call(interp, args, "method_descriptor")
}
