//! Whether the GIL is enabled, and the hooks that may turn it on (free-threaded build).
//! In this version the GIL build always runs with the GIL and the free-threaded build
//! reports its configuration; the run-time switch is the free-threading work (issue 5).
use crate::error::PyResult;
use crate::interp::Interp;
use crate::NativeModuleDef;

/// Called after a native module's init ran.
pub fn after_native_import(_interp: &mut Interp, _def: &NativeModuleDef) -> PyResult<()> {
    Ok(())
}

/// `sys._is_gil_enabled()`.
pub fn is_gil_enabled(interp: &Interp) -> bool {
    if !gilvm_sync::FREE_THREADING {
        return true;
    }
    interp
        .g
        .config
        .get()
        .map(|c| c.gil == Some(true))
        .unwrap_or(false)
}
