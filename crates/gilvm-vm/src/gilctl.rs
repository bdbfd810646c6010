//! Whether the GIL is enabled, and turning it on when a native module needs it
//! (free-threaded build).
//!
//! A native module declares `needs_gil` in its [`NativeModuleDef`]. Importing one on the
//! free-threaded build with `PYTHON_GIL` / `-X gil` unset turns the GIL on before the module's
//! init runs, permanently, with the world stopped (`gilvm_sync::world`), and prints CPython's
//! RuntimeWarning. With `PYTHON_GIL=0` the GIL stays off; with the GIL already on (the GIL
//! build, or `PYTHON_GIL=1`) nothing happens. (CPython enables the GIL transiently around
//! every extension's init because it learns the declaration from the module object; gilvm's
//! declaration is static, so the transient step is not needed.)
use crate::interp::Interp;
use crate::NativeModuleDef;

/// Called before a native module's init runs.
pub fn before_native_import(interp: &mut Interp, def: &NativeModuleDef) {
    if !def.needs_gil || interp.g.gil.is_enabled() {
        return;
    }
    let forced_off = interp.g.config.get().is_some_and(|c| c.gil == Some(false));
    if forced_off {
        return;
    }
    if interp.g.gil.enable_at_runtime(&interp.thread_state) {
        gilvm_sync::stats::gil_switched(
            true,
            Some(def.name),
            "import of a module that needs the GIL",
        );
        crate::modules::io::flush_stdout();
        crate::modules::io::write_stderr(&format!(
            "<frozen importlib._bootstrap>:488: RuntimeWarning: The global interpreter lock \
             (GIL) has been enabled to load module '{}', which has not declared that it can \
             run safely without the GIL. To override this behavior and keep the GIL disabled \
             (at your own risk), run with PYTHON_GIL=0 or -X gil=0.\n",
            def.name
        ));
    }
}

/// `sys._is_gil_enabled()`.
pub fn is_gil_enabled(interp: &Interp) -> bool {
    interp.g.gil.is_enabled()
}
