//! `marshal`: importlib's `_bootstrap_external` imports it to read and write `.pyc` files.
//! gilvm compiles from source and has no bytecode file format yet, so `dumps`/`loads`
//! raise a clear `ValueError` (importlib then compiles the source, as it does when a cache
//! file is unusable); `version` is CPython 3.14's.
use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

fn unsupported(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.value_error(
        "gilvm has no marshal format yet (no .pyc files): marshal.dumps/loads are not available",
    ))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    for name in ["dumps", "loads", "dump", "load"] {
        interp.add_function(m, name, unsupported);
    }
    interp.add_value(m, "version", Value::Int(5));
    Ok(())
}
