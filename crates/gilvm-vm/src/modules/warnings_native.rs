//! `_warnings`: the built-in module that CPython's importlib loads at set-up
//! (`_bootstrap._setup` takes `_thread`, `_warnings` and `_weakref` from the built-ins).
//! gilvm's warnings machinery is the Lib's pure-Python `warnings`/`_py_warnings`; this
//! module only forwards `warn` to it. It deliberately lacks the C module's other names
//! (`filters`, `_defaultaction`, …), so that `warnings.py`'s `from _warnings import …`
//! fails and the Lib keeps its Python implementation.
use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// `_warnings.warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
fn warn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let warnings = interp.import_module("warnings")?;
    let f = interp.getattr_str(&Value::Obj(warnings), "warn")?;
    interp.call(&f, args)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "warn", warn);
    Ok(())
}
