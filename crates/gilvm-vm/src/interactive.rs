//! Starting the interactive prompt, as CPython 3.14's `pymain_run_stdin` (no program: the
//! prompt is the program) and `pymain_repl` (`-i` after a script, `-c` or `-m`) start it.
//!
//! **What.** The banner (no program, not `-q`); `PYTHONSTARTUP` (no program); the hook
//! `sys.__interactivehook__` that `site` installs (it loads the history file into
//! `_pyrepl`'s reader and registers its writing at exit); then one of two prompts:
//! - `_pyrepl` (CPython 3.13+'s REPL, pure Python in the Lib): multi-line editing, history,
//!   colour, `exit`/`quit` as bare words. It runs on gilvm's native `termios`, `fcntl`,
//!   `select`, `signal` and `posix`; its entry point is `_pyrepl.main.interactive_console`,
//!   called with `__main__` as the namespace.
//! - the basic line REPL (`repl.rs`), when standard input is not a terminal (`-i` with piped
//!   input) or `PYTHON_BASIC_REPL` is set (unless `-E`). `_pyrepl` itself falls back to it
//!   through `sys._baserepl()` when it cannot drive the terminal (`TERM=dumb`: it prints
//!   CPython's "warning: can't use pyrepl: …" line first).
//!
//! **Invariants.** Whatever ends the prompt becomes the exit status the same way an
//! uncaught exception of the program does (`handle_uncaught`: `SystemExit`'s code, or the
//! traceback and 1); the basic REPL is reachable from Python only through `sys._baserepl`,
//! which runs it in `__main__`'s namespace.
use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::modules;

impl Interp {
    /// Runs the prompt in `__main__` (`main`, whose dict is `d`) and returns the exit
    /// status. `no_program`: nothing ran before (banner and `PYTHONSTARTUP` then); otherwise
    /// this is `-i` after a program.
    pub(crate) fn interactive_prompt(
        &mut self,
        main: &ObjRef,
        d: &ObjRef,
        no_program: bool,
    ) -> i32 {
        let cfg = self.g.config.get().cloned().unwrap_or_default();
        if no_program {
            if !cfg.flags.quiet {
                self.print_banner(!cfg.flags.no_site);
            }
            if let Some(path) = &cfg.startup {
                if let Some(status) = self.run_startup(d, path) {
                    return status;
                }
            }
        }
        if let Some(status) = self.run_interactive_hook() {
            return status;
        }
        let basic_env = !cfg.flags.ignore_environment
            && std::env::var_os("PYTHON_BASIC_REPL").is_some_and(|v| !v.is_empty());
        if basic_env || !stdin_is_terminal() {
            return self.repl(d);
        }
        self.start_pyrepl(main, !no_program)
    }

    /// CPython's banner: `Python <sys.version> on <platform>`, and the hint about `help`
    /// and friends when `site` put them in builtins.
    fn print_banner(&mut self, site: bool) {
        let sys = Value::Obj(self.g.sys.clone());
        let version = match self.getattr_str(&sys, "version") {
            Ok(v) => self.str_string(&v).unwrap_or_default(),
            Err(_) => String::new(),
        };
        let mut text = format!("Python {version} on {}\n", std::env::consts::OS);
        if site {
            text.push_str(
                "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
            );
        }
        modules::io::write_stderr(&text);
    }

    /// Calls `sys.__interactivehook__` if there is one. A failure is reported and the
    /// prompt starts anyway, except `SystemExit`: Some(status).
    fn run_interactive_hook(&mut self) -> Option<i32> {
        let sys = Value::Obj(self.g.sys.clone());
        let hook = self.getattr_str(&sys, "__interactivehook__").ok()?;
        let e = self.call1(&hook, &[]).err()?;
        modules::io::write_stderr("Failed calling sys.__interactivehook__\n");
        if self.matches(&e, &self.g.exc.system_exit.clone()) {
            return Some(self.handle_uncaught(&e));
        }
        let text = crate::traceback::format_exception(self, &e);
        modules::io::write_stderr(&text);
        None
    }

    /// `_pyrepl.main.interactive_console(mainmodule=__main__, pythonstartup=…)`.
    fn start_pyrepl(&mut self, main: &ObjRef, pythonstartup: bool) -> i32 {
        let console = self
            .import_module("_pyrepl.main")
            .inspect_err(|_| modules::io::write_stderr("Could not import _pyrepl.main\n"))
            .and_then(|m| self.getattr_str(&Value::Obj(m), "interactive_console"));
        let console = match console {
            Ok(c) => c,
            Err(e) => return self.handle_uncaught(&e),
        };
        let names = [self.new_str("mainmodule"), self.new_str("pythonstartup")];
        let all = [Value::Obj(main.clone()), Value::Bool(pythonstartup)];
        let r = self.call(
            &console,
            Args {
                all: &all,
                kwnames: &names,
            },
        );
        modules::io::flush_stdout();
        match r {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(&e),
        }
    }

    /// Runs `PYTHONSTARTUP` in the prompt's namespace; an error is reported and the
    /// prompt starts anyway. Some(status) when it raised `SystemExit`.
    fn run_startup(&mut self, globals: &ObjRef, path: &str) -> Option<i32> {
        let source = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                modules::io::write_stderr(&format!(
                    "Could not open PYTHONSTARTUP\n{}: [Errno {}] {}: '{path}'\n",
                    if e.kind() == std::io::ErrorKind::NotFound {
                        "FileNotFoundError"
                    } else {
                        "OSError"
                    },
                    e.raw_os_error().unwrap_or(0),
                    crate::errno_text(&e)
                ));
                return None;
            }
        };
        let r = self
            .compile_source(&source, path)
            .and_then(|code| self.run_code(code, globals));
        match r {
            Ok(_) => None,
            Err(e) if self.matches(&e, &self.g.exc.system_exit.clone()) => {
                Some(self.handle_uncaught(&e))
            }
            Err(e) => {
                let text = crate::traceback::format_exception(self, &e);
                modules::io::write_stderr(&text);
                None
            }
        }
    }
}

/// Whether file descriptor 0 is a terminal (CPython asks `isatty(fileno(stdin))`).
fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// `sys._baserepl()`: the basic REPL on standard input in `__main__`'s namespace, what
/// `_pyrepl` falls back to. Returns None at end of input; `SystemExit` at the prompt ends
/// it with that status, raised again as `SystemExit(status)` when it is not 0 (its message
/// was printed already).
pub fn baserepl(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_baserepl", 0, 0)?;
    let key = interp.new_str("__main__");
    let main = interp.getitem(&Value::Obj(interp.g.modules.clone()), &key)?;
    let d = interp.getattr_str(&main, "__dict__")?;
    let Value::Obj(d) = d else {
        return Err(interp.type_error("__main__.__dict__ is not a dict"));
    };
    let status = interp.repl(&d);
    if status == 0 {
        return Ok(Value::None);
    }
    let ty = interp.g.exc.system_exit.clone();
    let exc = interp.new_exception(&ty, vec![Value::Int(status as i64)]);
    Err(crate::error::PyErr(exc))
}
