//! Native modules shipped with gilvm. Each registers through the same [`NativeModuleDef`]
//! an embedder uses.
pub mod io;
pub mod math;
pub mod math_int;
pub mod sys;
pub mod time;

use crate::NativeModuleDef;

/// The native modules available to `import`.
pub fn builtin_module_defs() -> Vec<NativeModuleDef> {
    vec![
        NativeModuleDef { name: "time", init: time::init, needs_gil: false },
        NativeModuleDef { name: "math", init: math::init, needs_gil: false },
    ]
}
