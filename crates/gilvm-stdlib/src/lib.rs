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
//!
//! Module-level functions are created with the `"static"` tag (as static methods are): a
//! builtin function is not a descriptor in CPython, so one stored in a class body (the
//! Lib's `codecs` classes keep `_buffer_decode = codecs.utf_8_decode`) is not bound.
use gilvm_vm::{NativeModuleDef, Vm};

pub mod embedded_lib;
// The text modules (branch text): `_sre`, `_string`, `_codecs`, `_locale`, `unicodedata`.
mod codecs;
mod locale;
mod sre;
mod string_mod;
mod unicodedata;
// The data modules (branch `data`).
mod array_items;
mod array_mod;
mod binascii;
mod bisect;
mod common;
mod hashes;
mod heapq;
mod struct_format;
mod struct_mod;
mod zlib;
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
// multiprocessing's native modules (branch `mp`): `_multiprocessing`, `_posixshmem`.
mod multiprocessing;
// Networking (branch `net`).
mod epoll;
mod socket;
// The accelerator modules (issue 19, branch natives).
mod abc_mod;
mod json_encode;
mod json_mod;
mod json_scan;
mod operator_mod;
mod pickle;
mod random_mod;
// The system modules (branch `sys`): time, _stat, _csv, termios, faulthandler, ...
mod csv_mod;
mod faulthandler;
mod stat_mod;
mod termios;
mod time;
// Issue 19 (pyperf): the Expat XML parser's interface.
mod pyexpat;
// The compression modules and mmap (branch `stdmods`).
mod bz2;
mod compress_stream;
mod lzma;
mod mmap_mod;
// CPython's limited-C-API test helpers that issue 19's test modules call (branch `ctests`).
mod testlimitedcapi;
// Moved from gilvm-vm (issue 19: the interpreter keeps only the modules it needs itself):
// `math` and `cmath`, `itertools`, `_contextvars`, `_queue`, and `_random`'s generator.
mod contextvars;
mod itertools;
mod math;
mod mt19937;
mod queue;

/// The native modules of this crate.
pub fn module_defs() -> Vec<NativeModuleDef> {
    vec![
        NativeModuleDef {
            name: "math",
            init: math::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "cmath",
            init: math::cmath::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "itertools",
            init: itertools::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_contextvars",
            init: contextvars::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_queue",
            init: queue::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_testlimitedcapi",
            init: testlimitedcapi::init,
            needs_gil: false,
        },
        // The text modules (branch text).
        NativeModuleDef {
            name: "_sre",
            init: sre::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_string",
            init: string_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_codecs",
            init: codecs::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_locale",
            init: locale::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "unicodedata",
            init: unicodedata::init,
            needs_gil: false,
        },
        // The data modules (branch `data`).
        NativeModuleDef {
            name: "_struct",
            init: struct_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "binascii",
            init: binascii::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "zlib",
            init: zlib::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_md5",
            init: hashes::init_md5,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_sha1",
            init: hashes::init_sha1,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_sha2",
            init: hashes::init_sha2,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_sha3",
            init: hashes::init_sha3,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_blake2",
            init: hashes::init_blake2,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_heapq",
            init: heapq::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_bisect",
            init: bisect::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "array",
            init: array_mod::init,
            needs_gil: false,
        },
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
        // multiprocessing (branch `mp`).
        NativeModuleDef {
            name: "_multiprocessing",
            init: multiprocessing::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_posixshmem",
            init: multiprocessing::init_posixshmem,
            needs_gil: false,
        },
        // Networking (branch `net`).
        NativeModuleDef {
            name: "_socket",
            init: socket::init,
            needs_gil: false,
        },
        // The accelerator modules (issue 19, branch natives).
        NativeModuleDef {
            name: "_random",
            init: random_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_operator",
            init: operator_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_json",
            init: json_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_abc",
            init: abc_mod::init,
            needs_gil: false,
        },
        // The system modules (branch `sys`).
        NativeModuleDef {
            name: "time",
            init: time::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_stat",
            init: stat_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_csv",
            init: csv_mod::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_pickle",
            init: pickle::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "termios",
            init: termios::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "faulthandler",
            init: faulthandler::init,
            needs_gil: false,
        },
        // Issue 19 (pyperf): xml.etree, xml.dom.minidom, xml.sax.
        NativeModuleDef {
            name: "pyexpat",
            init: pyexpat::init,
            needs_gil: false,
        },
        // The compression modules and mmap (branch `stdmods`).
        NativeModuleDef {
            name: "_bz2",
            init: bz2::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "_lzma",
            init: lzma::init,
            needs_gil: false,
        },
        NativeModuleDef {
            name: "mmap",
            init: mmap_mod::init,
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
