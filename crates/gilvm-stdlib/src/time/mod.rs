//! The `time` module as CPython builds it on Linux: the clocks (`clocks.rs`) and the
//! calendar functions over the C library's `struct tm` (`tm.rs`). It replaces gilvm's
//! earlier native `time` in `gilvm-vm` (which had only the clocks and `sleep`).
//!
//! Only `sleep` blocks; it detaches from the interpreter (releases the GIL) while it
//! waits and resumes after a signal handler has run (PEP 475). The other functions are
//! short C-library calls made while attached, as CPython makes them under the GIL; the
//! C library's own locking makes `localtime_r`/`mktime`/`tzset` safe between threads of
//! the free-threaded build.
use gilvm_object::ObjRef;
use gilvm_vm::{Interp, PyResult};

mod clocks;
mod tm;

pub use clocks::c_int_arg;

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    clocks::init(interp, m);
    tm::init(interp, m)
}
