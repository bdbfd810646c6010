//! The native modules the interpreter itself needs (`sys`, `_thread`, `_io`, `_imp`,
//! `marshal`, `gc`, `_weakref`, `signal`, …) and those its own code calls into
//! (`_collections`, `_functools`): each registers through the same [`NativeModuleDef`] an
//! embedder uses. The other C modules of CPython's standard library (`math`, `itertools`,
//! `_contextvars`, `_queue`, `posix`, `_sre`, …) are in the `gilvm-stdlib` crate.
//!
//! The standard-library modules `collections` and `functools` are native Rust. Where a piece is simplest in Python (`functools.total_ordering` and
//! `cached_property`), the native module's init runs embedded Python source (`py/`) in the
//! module's own namespace with [`util::run_embedded`]. Whole modules written in Python are
//! listed in [`EMBEDDED`].
pub mod atexit;
pub mod collections;
pub mod counter;
pub mod deque;
pub mod functools;
// The former stdout/stderr helpers, now the `_io` module's standard streams.
pub use crate::io::stdio as io;
pub mod legacy;
pub mod lru_cache;
pub mod namedtuple;
pub mod signal;
pub mod sys;
// sys.version_info, flags, implementation (frames helper).
pub mod sys_info;
pub mod thread;
// Joinable threads: `_thread._ThreadHandle`, `start_joinable_thread` (branch threads).
pub mod thread_handle;
// Issue 19: `_collections._tuplegetter` (branch core).
pub mod tuplegetter;
pub mod util;
pub mod weakref;
// The cycle collector and the `gc` module (issue 17).
pub mod gc;
// `_imp`: the native half of the import system (issue 19).
pub mod imp;
// `_warnings`: forwards to the Lib's warnings (importlib needs it built in).
pub mod warnings_native;
// `marshal`: importlib imports it; no .pyc format yet.
pub mod excepthook;
pub mod marshal;
// `sys.monitoring`'s registration interface (lead).
pub mod monitoring;
// sys.{get,set}_int_max_str_digits, coroutine origin tracking (helper ctests).
pub mod sys_limits;

use crate::NativeModuleDef;

/// The native modules available to `import`.
pub fn builtin_module_defs() -> Vec<NativeModuleDef> {
    vec![
        NativeModuleDef {
            name: "_imp",
            init: imp::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_warnings",
            init: warnings_native::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "marshal",
            init: marshal::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_thread",
            init: thread::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "signal",
            init: signal::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "atexit",
            init: atexit::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_collections",
            init: collections::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_functools",
            init: functools::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_weakref",
            init: weakref::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "gc",
            init: gc::init,
            needs_gil: false,
        },
        // Declares that it needs the GIL: exercises the run-time switch (see legacy.rs).
        NativeModuleDef {
            name: "_gilvm_legacy",
            init: legacy::init,
            needs_gil: true,
        },
        // The native half of the embedded `types` module (coro.rs).
        NativeModuleDef {
            name: "_gilvm_coro",
            init: crate::coro::init_module,
            needs_gil: false,
        },
        // The C module under the Lib's signal (branch threads).
        NativeModuleDef {
            name: "_signal",
            init: signal::init,
            needs_gil: false,
        },
        // CPython's C `_io` (issue 19, branch `io`).
        NativeModuleDef {
            name: "_io",
            init: crate::io::init,
            needs_gil: false,
        },
    ]
}

/// Modules written in Python and shipped inside the binary: (name, source, is_package).
/// They are found before `sys.path`, and their tracebacks show `<gilvm>/name.py`.
pub const EMBEDDED: &[(&str, &str, bool)] = &[
    ("io", include_str!("py/io.py"), false),
    ("__future__", include_str!("py/future.py"), false),
    ("_gilvm_union", include_str!("py/union.py"), false),
    // PEP 695 type parameters and PEP 750 template strings (branch `pep`).
    ("_typing", include_str!("py/_typing.py"), false),
    ("_templatelib", include_str!("py/_templatelib.py"), false),
    // Specs, loaders and the default finders (importlib_glue.rs, issue 19).
    (
        "_gilvm_bootstrap",
        include_str!("py/gilvm_bootstrap.py"),
        false,
    ),
    // Issue 19: GenericAlias, mappingproxy, getset descriptors (branch core).
    ("_gilvm_types", include_str!("py/gilvm_types.py"), false),
    // Issue 19: the AST node classes (`ast` imports them; `annotationlib` imports `ast`).
    ("_ast", include_str!("py/ast_nodes.py"), false),
    ("_gilvm_excgroup", include_str!("py/excgroup.py"), false),
    // CPython's opcode tables for `opcode`/`dis`, and the tokenizer behind `tokenize`
    // (issue 19).
    ("_opcode", include_str!("py/opcode_tables.py"), false),
    ("_tokenize", include_str!("py/tokenizer.py"), false),
    // The start-up `site` step: the Lib's site.py with CPython's directory names
    // (main_program.rs; branch `startup`).
    ("_gilvm_site", include_str!("py/gilvm_site.py"), false),
];

/// The name `sysconfig` imports the build-time configuration by:
/// `_sysconfigdata_{abiflags}_{platform}_{multiarch}`.
fn sysconfigdata_name() -> String {
    format!(
        "_sysconfigdata_{}_{}_{}-{}-gnu",
        if gilvm_sync::FREE_THREADING { "t" } else { "" },
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::env::consts::OS
    )
}

/// The embedded module `name`, if there is one.
pub fn embedded(name: &str) -> Option<(&'static str, bool)> {
    if name.starts_with("_sysconfigdata_") && name == sysconfigdata_name() {
        return Some((include_str!("py/sysconfigdata.py"), false));
    }
    EMBEDDED
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, s, p)| (*s, *p))
}
