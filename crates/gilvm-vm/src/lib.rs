//! gilvm's interpreter: frames, the eval loop, builtins, modules, and the embedding API.
//!
//! # Embedding
//! ```no_run
//! let vm = gilvm_vm::Vm::new(gilvm_vm::Config::default());
//! let status = vm.run_source("print(1 + 2)", "<string>");
//! assert_eq!(status, 0);
//! ```
//! Native functions have the signature [`NativeFn`]; native modules are registered with
//! [`Vm::register_module`] and imported like any other module.
//!
//! **Architecture invariant:** the VM contains no `cfg(feature = "free-threading")`; the
//! locking strategy is reached only through `gilvm-sync` and the object model.
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

mod annotations;
pub mod args;
mod ast_objects; // issue 19: ast.parse and compile(AST)
mod attr;
mod attrcache;
pub mod buffer;
pub mod builtin_sub;
// Issue 19 (mp): the module of a native module's builtin functions, for pickle.
mod builtin_owner;
pub mod builtins;
mod call;
mod containers;
mod type_flags;
// Coroutines and async generators.
mod aiter;
mod asyncgen;
mod coro;
pub mod error;
mod eval;
mod exc_methods;
pub mod exceptions;
mod finalize;
mod frame;
mod frameobj;
mod gen;
pub mod gilctl;
pub mod globals;
mod import;
mod importlib_glue;
mod init;
pub mod interp;
// The `_io` module and the standard streams (issue 19, branch `io`).
mod bytes_warning;
mod interactive;
mod intrinsics;
pub mod io;
mod items;
mod iters;
pub mod main_program;
mod matching;
pub mod modules;
mod objects;
pub mod observability;
mod ops;
mod protocol;
mod repl;
mod repr;
mod slots;
// Issue 19: BaseExceptionGroup, ExceptionGroup (branch core).
mod exc_group;
// Issue 19: assignment of a function's `__defaults__`, `__kwdefaults__`, `__code__`.
mod funcattrs;
mod linetrace;
mod monitor;
mod strfmt;
mod syntax_warnings;
mod tbobj;
pub mod threads;
pub mod traceback;
mod tracing;
// Files served from memory: the embedded standard library.
pub mod vfs;
// Subclasses of `module` and native types (issue 19, branch natives).
mod module_sub;
pub mod native_sub;
// The bytecode cache (branch `startup`).
mod pycache;
// gi_frame, gi_code, gi_running, ... and writable generator names (helper ctests).
mod gen_attrs;

pub use args::Args;
pub use error::{PyErr, PyResult};
pub use gilvm_object::{ObjRef, Value};
pub use interp::{Interp, NativeFn};
pub use main_program::MainSource;
/// A number's value as a float, without calling Python code (`_queue`'s timeouts).
pub use ops::to_f64;

use gilvm_object::Payload;

/// Start-up configuration (command-line options and environment).
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Directory of the main script (first entry of `sys.path`).
    pub script_dir: Option<String>,
    /// `-X name[=value]` options.
    pub xoptions: Vec<(String, Option<String>)>,
    /// `PYTHON_GIL` / `-X gil`: None when unset.
    pub gil: Option<bool>,
    /// Install the default SIGINT handler (`KeyboardInterrupt`) when the main module runs,
    /// as CPython's `PyConfig.install_signal_handlers`. The command line sets it; an
    /// embedder that handles signals itself leaves it false.
    pub install_signal_handlers: bool,
    /// python3's command-line flags (`sys.flags`).
    pub flags: Flags,
    /// `sys.warnoptions`: `PYTHONWARNINGS` entries, then `-W` options.
    pub warnoptions: Vec<String>,
    /// `sys.orig_argv`: the command line as the process received it.
    pub orig_argv: Vec<String>,
    /// `PYTHONSTARTUP`: run before the first interactive prompt.
    pub startup: Option<String>,
    /// The standard library's directories, appended to `sys.path` after `PYTHONPATH`.
    pub stdlib_dirs: Vec<String>,
}

/// python3's command-line flags, as `sys.flags` shows them.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub debug: u8,
    /// `-i`: the prompt after the program.
    pub inspect: bool,
    pub interactive: bool,
    /// `-O` (1), `-OO` (2).
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    /// `-S`: no `site` (no `exit`/`quit` in builtins).
    pub no_site: bool,
    /// `-E`: `PYTHON*` variables ignored.
    pub ignore_environment: bool,
    pub verbose: u8,
    pub bytes_warning: u8,
    /// `-q`: no banner at the prompt.
    pub quiet: bool,
    pub isolated: bool,
    /// `-P`: nothing prepended to `sys.path`.
    pub safe_path: bool,
    /// `-u`: stdout and stderr unbuffered.
    pub unbuffered: bool,
    /// `-X dev` / `PYTHONDEVMODE`: Python's development mode (what gilvm does of it: the
    /// `default` warning filter, and `sys.flags.dev_mode` for the Lib to read).
    pub dev_mode: bool,
}

/// A native module: its name, the function that fills its namespace, and whether it needs
/// the GIL (a free-threaded build enables the GIL when importing one that does).
#[derive(Clone)]
pub struct NativeModuleDef {
    pub name: &'static str,
    pub init: fn(&mut Interp, &ObjRef) -> PyResult<()>,
    pub needs_gil: bool,
}

/// Stack size of threads that run Python code (recursion is checked against it).
pub const THREAD_STACK_SIZE: usize = 256 * 1024 * 1024;

/// A handle on the (process-wide) virtual machine.
pub struct Vm {
    g: &'static globals::Globals,
}

impl Vm {
    /// Initialises the runtime (once per process) with `config`.
    pub fn new(config: Config) -> Vm {
        let g = init::runtime();
        finalize::install(&g.generator_type);
        let gil_on = config.gil == Some(true);
        let first = g.config.get().is_none();
        if first {
            observability::configure(&config);
            gilvm_compiler::set_optimize_level(config.flags.optimize);
            bytes_warning::set_level(config.flags.bytes_warning);
        }
        if g.config.set(config).is_ok() {
            g.gil.set_enabled_at_startup(gil_on);
            if gil_on && gilvm_sync::FREE_THREADING {
                gilvm_sync::stats::gil_switched(true, None, "PYTHON_GIL=1");
            }
        }
        Vm { g }
    }

    /// Registers a native module (before it is imported).
    pub fn register_module(&self, def: NativeModuleDef) {
        self.g.native_modules.lock().push(def);
    }

    /// Runs `f` attached to the VM on the current thread.
    pub fn with_interp<R>(&self, f: impl FnOnce(&mut Interp) -> R) -> R {
        let ts = std::sync::Arc::new(gilvm_sync::ThreadState::new_current());
        self.g.gil.register_thread(&ts);
        // The first thread to attach is the main thread: it runs the signal handlers.
        if gilvm_sync::signals::set_main_thread(&ts) {
            let _ = self.g.main_thread_id.compare_exchange(
                0,
                ts.id as usize,
                std::sync::atomic::Ordering::SeqCst,
                std::sync::atomic::Ordering::SeqCst,
            );
        }
        let _os_thread = gilvm_sync::signals::register_os_thread();
        self.g.gil.take(&ts, gilvm_sync::Priority::Normal);
        // SAFETY: we hold the GIL (or, in the free-threaded build, are a registered attached
        // thread) from here until `drop_gil` below, and the Interp does not escape.
        let mut interp = unsafe { Interp::new_attached(self.g, ts.clone(), THREAD_STACK_SIZE) };
        init::populate(&mut interp);
        let r = f(&mut interp);
        drop(interp);
        // SAFETY: taken above on this thread.
        unsafe { self.g.gil.drop_gil(&ts, false) };
        self.g.gil.unregister_thread(&ts);
        r
    }

    /// Runs source code as `__main__`; returns the process exit status.
    pub fn run_source(&self, source: &str, filename: &str) -> i32 {
        let source = source.to_string();
        let filename = filename.to_string();
        self.with_interp(move |interp| interp.run_main(&source, &filename))
    }

    /// Runs the main program (see [`MainSource`]); returns the exit status.
    pub fn run_main_program(&self, what: MainSource) -> i32 {
        self.with_interp(move |interp| interp.run_main_program(what))
    }

    /// Runs a script file as `__main__`; returns the exit status.
    pub fn run_file(&self, path: &str) -> i32 {
        match std::fs::read(path) {
            Ok(bytes) => {
                let source = String::from_utf8_lossy(&bytes).into_owned();
                self.run_source(&source, path)
            }
            Err(e) => {
                let exe = main_program::program_name();
                eprintln!(
                    "{exe}: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    errno_text(&e)
                );
                2
            }
        }
    }
}

pub(crate) fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

impl Interp {
    /// Exit status for an uncaught `KeyboardInterrupt` (the process then ends as killed by
    /// SIGINT, see `modules::signal::exit_if_interrupted`; 130 is what a shell reports).
    const KEYBOARD_INTERRUPT_STATUS: i32 = 130;

    /// Prints an uncaught exception (or handles SystemExit); returns the exit status.
    pub fn handle_uncaught(&mut self, e: &PyErr) -> i32 {
        modules::io::flush_stdout();
        if self.matches(e, &self.g.exc.system_exit.clone()) {
            let code = exc_methods::exc_attr(self, &e.0, "code")
                .ok()
                .flatten()
                .unwrap_or(Value::None);
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let s = self.str_string(&other).unwrap_or_default();
                    modules::io::write_stderr(&format!("{s}\n"));
                    1
                }
            };
        }
        let text = traceback::format_exception(self, e);
        modules::io::write_stderr(&text);
        if self.matches(e, &self.g.exc.keyboard_interrupt.clone()) {
            modules::signal::note_unhandled_keyboard_interrupt();
            return Self::KEYBOARD_INTERRUPT_STATUS;
        }
        1
    }

    /// Registers a native function in a module's namespace.
    /// Module functions are tagged "static": as in CPython, a builtin function is not a
    /// descriptor, so one stored in a class (`_selector_cls = select.poll`) is not bound.
    pub fn add_function(&mut self, module: &ObjRef, name: &'static str, f: NativeFn) {
        let v = self.new_native_with(name, f, Value::Obj(self.intern("static")));
        if let Payload::Module(m) = module.payload() {
            let modname = self.dict_get_str(&m.dict, &self.intern("__name__"));
            if let Some(n) = modname.as_ref().and_then(|n| n.as_str()) {
                builtin_owner::record(&v, n);
            }
            self.dict_set_str(&m.dict, self.intern(name), v);
        }
    }

    /// Sets an attribute in a module's namespace.
    pub fn add_value(&mut self, module: &ObjRef, name: &str, v: Value) {
        if let Payload::Module(m) = module.payload() {
            // A module function made by hand (`new_native_with(.., "static")`) belongs to
            // the first module it is added to.
            if let Value::Obj(o) = &v {
                if let Payload::BuiltinFunction(b) = o.payload() {
                    if b.receiver.is_none()
                        && b.data.as_str() == Some("static")
                        && builtin_owner::module_of(o).is_none()
                    {
                        let modname = self.dict_get_str(&m.dict, &self.intern("__name__"));
                        if let Some(n) = modname.as_ref().and_then(|n| n.as_str()) {
                            builtin_owner::record(&v, n);
                        }
                    }
                }
            }
            self.dict_set_str(&m.dict, self.intern(name), v);
        }
    }
}

/// True in the free-threaded build.
pub fn gilctl_build_is_free_threaded() -> bool {
    gilvm_sync::FREE_THREADING
}
