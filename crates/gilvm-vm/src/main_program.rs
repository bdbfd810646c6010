//! The `__main__` program, run the ways python3's command line offers: source text (`-c`, a
//! script file, a script piped on standard input), a module (`-m`), or nothing but the
//! interactive prompt; and `-i`, the prompt after any of them, in the same namespace.
//!
//! Every way shares one sequence, CPython's: make `__main__` and put it in `sys.modules`;
//! import `warnings` if there are warning options (which applies them); import `site`
//! (unless `-S`: it puts `exit`/`quit` in builtins); install the SIGINT handler; run the
//! program; report an uncaught exception (or turn `SystemExit` into the exit status);
//! under `-i`, report even `SystemExit` and go on at the prompt instead; then finalise:
//! join threads, run `atexit`, clear `__main__`'s globals (finalizers run), flush.
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::import::Found;
use crate::interp::Interp;
use crate::modules;

/// What `__main__` runs.
#[derive(Clone, Debug)]
pub enum MainSource {
    /// Source text with the file name tracebacks show (`<string>` for `-c`, `<stdin>` for
    /// a piped script). `show_lines`: whether tracebacks quote its lines (CPython quotes
    /// the lines of `-c` and of files, not those of a piped script).
    Code {
        source: String,
        filename: String,
        show_lines: bool,
    },
    /// A script file (`-x`: its first line is skipped, line numbers unchanged).
    File { path: String, skip_first_line: bool },
    /// `-m name`.
    Module(String),
    /// Nothing: the interactive prompt.
    Interactive,
}

/// How `-m` failed before the module ran: CPython's runpy prints `<executable>: <msg>` and
/// exits with status 1.
struct RunModuleError(String);

impl Interp {
    /// Runs `source` as the `__main__` module and handles an uncaught exception or
    /// `SystemExit` as CPython does. Returns the exit status.
    pub fn run_main(&mut self, source: &str, filename: &str) -> i32 {
        self.run_main_program(MainSource::Code {
            source: source.to_string(),
            filename: filename.to_string(),
            show_lines: true,
        })
    }

    /// Runs the main program; returns the process's exit status.
    pub fn run_main_program(&mut self, what: MainSource) -> i32 {
        let cfg = self.g.config.get().cloned().unwrap_or_default();
        let main = self.new_module("__main__");
        let d = Interp::module_dict(&main).unwrap().clone();
        self.dict_set_str(
            &d,
            self.g.names.builtins.clone(),
            Value::Obj(self.g.builtins.clone()),
        );
        let key = self.new_str("__main__");
        let _ = self.dict_set(&self.g.modules.clone(), key, Value::Obj(main.clone()));
        if cfg.flags.optimize > 0 {
            let b = self.g.builtins.clone();
            self.add_value(&b, "__debug__", Value::Bool(false));
        }
        if !cfg.warnoptions.is_empty() {
            // CPython imports `warnings` at start-up when there are warning options
            // (-W, PYTHONWARNINGS, -b): its import applies them to the filters, and
            // reports the invalid ones ("Invalid -W option ignored: ...") now.
            if let Err(e) = self.import_module("warnings") {
                let text = crate::traceback::format_exception(self, &e);
                modules::io::write_stderr(&format!("'import warnings' failed; traceback:\n{text}"));
            }
        }
        if !cfg.flags.no_site {
            if let Err(status) = self.import_site() {
                modules::io::flush_stdout();
                return status;
            }
        }
        if cfg.install_signal_handlers && gilvm_sync::signals::is_main_thread() {
            modules::signal::install_default_handlers(self);
        }
        let interactive = matches!(what, MainSource::Interactive);
        let r: Result<PyResult<()>, i32> = match what {
            MainSource::Code {
                source,
                filename,
                show_lines,
            } => Ok(self.run_main_code(&d, &source, &filename, show_lines)),
            MainSource::File {
                path,
                skip_first_line,
            } => match std::fs::read(&path) {
                Ok(bytes) => {
                    let mut source = String::from_utf8_lossy(&bytes).into_owned();
                    if skip_first_line {
                        // The line goes, its newline stays: line numbers do not move.
                        let end = source.find('\n').unwrap_or(source.len());
                        source.replace_range(..end, "");
                    }
                    Ok(self.run_main_code(&d, &source, &path, true))
                }
                Err(e) => {
                    modules::io::write_stderr(&format!(
                        "{}: can't open file {}: [Errno {}] {}\n",
                        program_name(),
                        crate::repr::str_repr(&absolute(&path)),
                        e.raw_os_error().unwrap_or(0),
                        crate::errno_text(&e)
                    ));
                    Err(2)
                }
            },
            MainSource::Module(name) => match self.run_module_code(&d, &name) {
                Ok(r) => Ok(r),
                Err(RunModuleError(msg)) => {
                    modules::io::write_stderr(&format!("{}: {msg}\n", executable()));
                    Err(1)
                }
            },
            MainSource::Interactive => Ok(Ok(())),
        };
        let status = match r {
            Err(status) => status,
            Ok(r) if interactive || cfg.flags.inspect || inspect_from_environment(&cfg) => {
                if let Err(e) = r {
                    // Under -i even SystemExit is only reported.
                    let text = crate::traceback::format_exception(self, &e);
                    modules::io::write_stderr(&text);
                }
                self.interactive_prompt(&main, &d, interactive)
            }
            Ok(Ok(())) => 0,
            Ok(Err(e)) => self.handle_uncaught(&e),
        };
        // Finalisation: join non-daemon threads, run atexit callbacks, flush.
        modules::sys::shutdown(self);
        self.clear_main_globals(&d);
        modules::io::flush_stdout();
        status
    }

    fn run_main_code(
        &mut self,
        d: &ObjRef,
        source: &str,
        filename: &str,
        show_lines: bool,
    ) -> PyResult<()> {
        if filename != "<string>" {
            let f = self.new_str(filename);
            self.dict_set_str(d, self.g.names.file.clone(), f);
        }
        let code = self.compile_source(source, filename)?;
        if !show_lines {
            crate::traceback::forget_source(filename);
        }
        self.run_code(code, d).map(drop)
    }

    /// Imports the standard library's `site` (CPython's start-up step, skipped under
    /// `-S`): site-packages and `.pth` files on `sys.path`, `exit`, `quit`, `help`,
    /// `copyright`, ... in builtins. A failure is fatal, as in CPython: the traceback and
    /// exit status 1.
    fn import_site(&mut self) -> Result<(), i32> {
        // `_gilvm_site.run(has_path0)`: the Lib's site.py with CPython's site-packages
        // names. `sys.path[0]` (the script's directory, '' for -c) is set aside while it
        // runs: CPython computes it after `site`, which makes the other entries absolute.
        let safe_path = self.g.config.get().is_some_and(|c| c.flags.safe_path);
        let r = self
            .import_module("_gilvm_site")
            .and_then(|m| self.call_method(&Value::Obj(m), "run", &[Value::Bool(!safe_path)]));
        match r {
            Ok(_) => Ok(()),
            Err(e) => {
                let text = crate::traceback::format_exception(self, &e);
                modules::io::write_stderr(&format!(
                    "Fatal Python error: init_import_site: Failed to import the site module\n\
                     Python runtime state: initialized\n{text}"
                ));
                Err(1)
            }
        }
    }

    /// `-m name`: finds the module (a package runs its `__main__` submodule) and runs its
    /// source as `__main__`, with `sys.argv[0]` its file. The outer error is one runpy
    /// reports before running anything; the inner result is the module's own run.
    fn run_module_code(&mut self, d: &ObjRef, name: &str) -> Result<PyResult<()>, RunModuleError> {
        if name.is_empty() || name.starts_with('.') {
            return Err(RunModuleError("Relative module names not supported".into()));
        }
        let mut target = name.to_string();
        let mut found = self.find_module_for_main(&target)?;
        if let Found::Package(..) | Found::Namespace(..) = found {
            // CPython imports the package, then runs its __main__.
            if let Err(e) = self.import_module(&target) {
                return Ok(Err(e));
            }
            let sub = format!("{target}.__main__");
            found = match self.find_module_for_main(&sub) {
                Ok(Found::Package(..)) | Err(_) => {
                    return Err(RunModuleError(format!(
                        "No module named {sub}; '{target}' is a package and cannot be directly executed"
                    )))
                }
                Ok(f) => f,
            };
            target = sub;
        }
        let (source, path) = match found {
            Found::Embedded(src, _) => (
                src.to_string(),
                format!("<gilvm>/{}.py", target.replace('.', "/")),
            ),
            Found::File(p) => match crate::vfs::read_to_string(&p).map(String::into_bytes) {
                Ok(b) => (
                    String::from_utf8_lossy(&b).into_owned(),
                    p.to_string_lossy().into_owned(),
                ),
                Err(e) => {
                    return Err(RunModuleError(format!(
                        "Error while finding module specification for '{name}' (OSError: {e})"
                    )))
                }
            },
            Found::Package(..) => unreachable!("packages were resolved to __main__ above"),
            Found::Namespace(..) | Found::Spec(..) => {
                return Err(RunModuleError(format!(
                    "No module named {target}; '{name}' is a namespace package or was found by an import hook, which -m does not run"
                )))
            }
        };
        let path = absolute(&path);
        let pkg = self.new_str(target.rsplit_once('.').map(|x| x.0).unwrap_or(""));
        self.dict_set_str(d, self.g.names.package.clone(), pkg);
        // sys.argv[0] is the module's file.
        let sys = self.g.sys.clone();
        if let Ok(argv) = self.getattr_str(&Value::Obj(sys), "argv") {
            if let Value::Obj(l) = &argv {
                if let Payload::List(_) = l.payload() {
                    let p = self.new_str(path.clone());
                    let zero = Value::Int(0);
                    let _ = self.setitem(&argv, zero, p);
                }
            }
        }
        Ok(self.run_main_code(d, &source, &path, true))
    }

    fn find_module_for_main(&mut self, name: &str) -> Result<Found, RunModuleError> {
        let native = self
            .g
            .native_modules
            .lock()
            .iter()
            .any(|def| def.name == name);
        if native {
            return Err(RunModuleError(format!(
                "No code object available for {name}"
            )));
        }
        match self.find_source(name) {
            Ok(Some(f)) => Ok(f),
            Ok(None) => Err(RunModuleError(format!("No module named {name}"))),
            Err(e) => {
                let ty = self.type_name(&Value::Obj(e.0.clone())).to_string();
                let msg = self
                    .str_string(&Value::Obj(e.0.clone()))
                    .unwrap_or_default();
                Err(RunModuleError(format!(
                    "Error while finding module specification for '{name}' ({ty}: {msg})"
                )))
            }
        }
    }

    /// The last step of finalisation: `__main__`'s globals are set to None in the order
    /// they were bound (as CPython's `_PyModule_ClearDict`), so that objects alive in them
    /// die now and their finalizers (`__del__`, weak reference callbacks) run.
    fn clear_main_globals(&mut self, d: &ObjRef) {
        let Payload::Dict(dict) = d.payload() else {
            return;
        };
        for k in dict.keys(self.py) {
            if matches!(&k, Value::Obj(o) if o.is(&self.g.names.builtins)) {
                continue;
            }
            if let Value::Obj(key) = &k {
                if matches!(key.payload(), Payload::Str(_)) {
                    let old = dict.get_str(self.py, key);
                    if old.is_some() {
                        self.dict_set_str(d, key.clone(), Value::None);
                    }
                    drop(old);
                }
            }
        }
    }
}

/// `PYTHONINSPECT` set by the program itself (`os.environ['PYTHONINSPECT'] = '1'`):
/// CPython looks at it again once the program ended, and goes to the prompt.
fn inspect_from_environment(cfg: &crate::Config) -> bool {
    !cfg.flags.ignore_environment
        && std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty())
}

/// The name the process was started by (`argv[0]`), as CPython's messages show it.
pub fn program_name() -> String {
    os_args()
        .into_iter()
        .next()
        .unwrap_or_else(|| "gilvm".into())
}

/// The process's command line as text, decoded as CPython decodes `sys.argv`: UTF-8 with
/// `surrogateescape` (an argument that is not UTF-8 keeps its bytes as lone surrogates,
/// and `os.fsencode` gives them back).
pub fn os_args() -> Vec<String> {
    use std::os::unix::ffi::OsStrExt;
    std::env::args_os()
        .map(|a| gilvm_object::surrogate::decode_fs(a.as_bytes()))
        .collect()
}

/// `sys.executable`, as runpy's messages show it.
fn executable() -> String {
    std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| program_name())
}

/// `path` made absolute against the current directory (not resolved), as CPython reports
/// the script it cannot open and the file `-m` runs.
fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() || path.starts_with('<') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => cwd.join(p).to_string_lossy().into_owned(),
        Err(_) => path.to_string(),
    }
}
