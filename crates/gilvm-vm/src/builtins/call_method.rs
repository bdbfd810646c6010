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
    for ty in [
        &t.function,
        &t.builtin_function,
        &t.method,
        &t.method_descriptor,
    ] {
        super::add_method(interp, ty, "__call__", call);
    }
}

/// `type(f).__call__(f, *args, **kw)`.
fn call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some((f, rest)) = args.split_first() else {
        return Err(interp.type_error("descriptor '__call__' needs an argument"));
    };
    interp.call(f, rest)
}
