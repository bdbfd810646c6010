//! The interactive prompt: CPython's basic REPL (what `PYTHON_BASIC_REPL=1` gives, and what
//! CPython falls back to when standard input is not a terminal).
//!
//! A loop: write `sys.ps1` (or `sys.ps2` inside a statement) to stderr, read a line from
//! standard input through the same buffer `input()` uses, and once the lines typed so far
//! form a statement (the compiler's `interactive::classify`), compile them in 'single'
//! mode as `<stdin>` and run them in `__main__`: expression statements echo their repr
//! through `sys.displayhook`. An exception prints its traceback (quoting the lines just
//! typed) and the loop goes on; `SystemExit` ends it with its status; end of input ends it
//! with 0 after a newline; Ctrl-C at the prompt prints `KeyboardInterrupt` and starts a new
//! statement.
//!
//! Line editing and history are the terminal's (canonical mode). The banner,
//! `PYTHONSTARTUP` and the choice between this prompt and `_pyrepl` are `interactive.rs`'s.
use gilvm_compiler::interactive::{classify, Input};
use gilvm_object::{ObjRef, Value};

use crate::interp::Interp;
use crate::modules;

const FILENAME: &str = "<stdin>";

impl Interp {
    /// Runs the prompt in the namespace `globals` until end of input or `SystemExit`;
    /// returns the exit status.
    pub fn repl(&mut self, globals: &ObjRef) -> i32 {
        let sys = Value::Obj(self.g.sys.clone());
        for (name, dflt) in [("ps1", ">>> "), ("ps2", "... ")] {
            if self.getattr_str(&sys, name).is_err() {
                let v = self.new_str(dflt);
                let m = self.g.sys.clone();
                self.add_value(&m, name, v);
            }
        }
        let mut buf = String::new();
        loop {
            let prompt = if buf.is_empty() { "ps1" } else { "ps2" };
            let p = match self.getattr_str(&sys, prompt) {
                Ok(v) => self.str_string(&v).unwrap_or_default(),
                Err(_) => String::new(),
            };
            modules::io::flush_stdout();
            modules::io::write_stderr(&p);
            let line = match modules::io::read_stdin_line(self) {
                Ok(l) => l,
                Err(e) => {
                    if self.matches(&e, &self.g.exc.keyboard_interrupt.clone()) {
                        modules::io::write_stderr("\nKeyboardInterrupt\n");
                        buf.clear();
                        continue;
                    }
                    let text = crate::traceback::format_exception(self, &e);
                    modules::io::write_stderr(&text);
                    return 1;
                }
            };
            if line.is_empty() {
                // End of input.
                modules::io::write_stderr("\n");
                return 0;
            }
            let mut text = String::from_utf8_lossy(&line).into_owned();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            buf.push_str(&text);
            if classify(&buf) == Input::More {
                continue;
            }
            let source = std::mem::take(&mut buf);
            if source.trim().is_empty() {
                continue;
            }
            if let Some(status) = self.run_interactive(globals, &source) {
                return status;
            }
        }
    }

    /// Compiles and runs one statement typed at the prompt. Some(status) when it raised
    /// `SystemExit`.
    fn run_interactive(&mut self, globals: &ObjRef, source: &str) -> Option<i32> {
        crate::traceback::register_source(FILENAME, source);
        let r = self
            .compile_text(source, FILENAME, gilvm_compiler::Mode::Single)
            .and_then(|code| self.run_code(code, globals));
        modules::io::flush_stdout();
        match r {
            Ok(_) => None,
            Err(e) => {
                if self.matches(&e, &self.g.exc.system_exit.clone()) {
                    return Some(self.handle_uncaught(&e));
                }
                self.set_last_exception(&e);
                let text = crate::traceback::format_exception(self, &e);
                modules::io::write_stderr(&text);
                None
            }
        }
    }

    /// `sys.last_exc` (and the older `last_type`/`last_value`) after an error at the
    /// prompt, as CPython keeps them for post-mortem inspection.
    fn set_last_exception(&mut self, e: &crate::error::PyErr) {
        let m = self.g.sys.clone();
        let exc = Value::Obj(e.0.clone());
        let ty = Value::Obj(gilvm_object::types::type_of(&exc).clone());
        self.add_value(&m, "last_exc", exc.clone());
        self.add_value(&m, "last_value", exc);
        self.add_value(&m, "last_type", ty);
    }
}
