//! gilvm's native standard-library modules: the modules that CPython writes in C
//! (`posix`, `_sre`, `_struct`, `binascii`, `zlib`, the hashes, …), written in Rust against
//! `gilvm-vm`'s embedding API. CPython's pure-Python standard library (the `Lib` of the
//! `rustpython-pylib` crate) imports them by their C names, exactly as on CPython.
//!
//! **Invariants.** A module here reaches objects only through `gilvm-vm` and
//! `gilvm-object`'s public API (no `cfg(feature = "free-threading")`: the lock strategy
//! stays in `gilvm-sync` and the object header); blocking system calls detach from the
//! interpreter (`Interp::allow_threads`) as CPython releases the GIL around them. The
//! modules the interpreter itself needs to start (`sys`, `builtins`, `_io`, `_thread`, …)
//! stay in `gilvm-vm`.
//!
//! [`install`] registers every module with a [`Vm`]; the command line calls it before
//! running the main program.
use gilvm_vm::{NativeModuleDef, Vm};

pub mod embedded_lib;
// The operating-system modules (branch `posix`).
mod errno;
mod fcntl;
mod grp;
mod posix;
mod posixsubprocess;
mod pwd;
mod resource;
mod select;
mod structseq;

/// The native modules of this crate.
pub fn module_defs() -> Vec<NativeModuleDef> {
    vec![
        // The operating-system modules (branch `posix`).
        NativeModuleDef {
            name: "posix",
            init: posix::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "errno",
            init: errno::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_posixsubprocess",
            init: posixsubprocess::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "pwd",
            init: pwd::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "grp",
            init: grp::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "resource",
            init: resource::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "fcntl",
            init: fcntl::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "select",
            init: select::init,
            needs_gil: false,
        },
    ]
}

/// The directories of CPython's pure-Python standard library, for `sys.path`: the
/// `GILVM_STDLIB` directory when set (unless `-E`/`-I`), else `$PYTHONHOME/lib/python3.14`
/// when `PYTHONHOME` is set, else the `Lib` of the `rustpython-pylib` crate this build was
/// compiled against, embedded in the binary (see [`embedded_lib`]).
pub fn lib_dirs(ignore_environment: bool) -> Vec<String> {
    if !ignore_environment {
        if let Some(d) = std::env::var_os("GILVM_STDLIB").filter(|d| !d.is_empty()) {
            return vec![d.to_string_lossy().into_owned()];
        }
        if let Some(h) = std::env::var_os("PYTHONHOME").filter(|d| !d.is_empty()) {
            let home = std::path::Path::new(&h);
            return vec![home.join("lib/python3.14").to_string_lossy().into_owned()];
        }
    }
    embedded_lib::mount();
    vec![embedded_lib::root().to_string()]
}

/// Registers this crate's native modules with `vm` (before the first import).
pub fn install(vm: &Vm) {
    for def in module_defs() {
        vm.register_module(def);
    }
}
