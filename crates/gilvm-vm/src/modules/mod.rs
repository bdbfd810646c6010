//! Native modules shipped with gilvm. Each registers through the same [`NativeModuleDef`]
//! an embedder uses.
pub mod io;
pub mod mt19937;
pub mod random;
mod random_dist;
mod random_seq;
pub mod sha512;
pub mod sys;
pub mod time;

use crate::NativeModuleDef;

/// The native modules available to `import`.
pub fn builtin_module_defs() -> Vec<NativeModuleDef> {
    vec![
        NativeModuleDef { name: "time", init: time::init, needs_gil: false },
        NativeModuleDef { name: "random", init: random::init, needs_gil: false },
    ]
}
