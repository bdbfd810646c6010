//! The `_csv` module (CSV dialects, reader, writer) under the Lib's `csv.py`.
//!
//! Its body is the Python text `py/csv_mod.py`, run in the module's namespace when the
//! module is first imported: the reader's per-character state machine and the writer's
//! quoting rules follow CPython 3.14's `Modules/_csv.c` (messages included) and pass
//! CPython's own `test_csv`. Reader and writer state lives in ordinary Python objects,
//! so the free-threaded build needs nothing more than its per-object guarantees (as on
//! CPython, one reader shared by threads without a lock gives undefined interleavings
//! but no crash).
use gilvm_object::ObjRef;
use gilvm_vm::modules::util::run_embedded;
use gilvm_vm::{Interp, PyResult};

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    run_embedded(interp, m, "<_csv>", include_str!("py/csv_mod.py"))
}
