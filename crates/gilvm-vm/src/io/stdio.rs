//! The standard streams: `sys.stdin`, `sys.stdout` and `sys.stderr` are, as in CPython,
//! `TextIOWrapper`s on `BufferedReader`/`BufferedWriter` on `FileIO(0/1/2,
//! closefd=False)` (with `-u`, the writers' text layer sits on the `FileIO` directly and
//! writes through). stdout is line-buffered on a terminal, stderr always.
//!
//! This file also keeps the interpreter's own entry points (the former `modules/io.rs`,
//! still reachable as `crate::modules::io`): `print`'s fast path (`write_stdout_py`: when
//! `sys.stdout` is the original stream, the text goes to its buffer without a Python
//! call), the messages the VM writes to stderr, and `flush_stdout`, which every exit path
//! calls (normal exit, uncaught exception, Ctrl-C; not `os._exit`) and which flushes
//! every buffered writer over a native file (`buffered::flush_all`).
//!
//! The paths without an interpreter (`flush_stdout`, `write_stderr`) take the stream
//! locks with a bounded wait: a thread that holds one may need the GIL to finish, and the
//! caller may hold it; after the wait they write what they can without it.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use gilvm_object::{ObjRef, Value};

use super::buffered::{self, Kind};
use super::fileio::{self, FileIO};
use super::textio::{self, TextObj};
use crate::error::PyResult;
use crate::interp::Interp;

/// `-u` / `PYTHONUNBUFFERED`: every write to stdout and stderr reaches the file at once.
static UNBUFFERED: AtomicBool = AtomicBool::new(false);

/// Makes stdout and stderr unbuffered (`-u`); set once at start-up.
pub fn set_unbuffered(on: bool) {
    UNBUFFERED.store(on, Ordering::Relaxed);
}

/// The original standard streams' text objects (the print fast path, `input()`).
struct Std {
    stdin: Arc<TextObj>,
    stdout: Arc<TextObj>,
}

struct StdHolder(Option<Std>);
// SAFETY: the text objects' mutable state is behind their IoLocks, and the values they
// hold are only used by threads attached to the VM, as every object is.
unsafe impl Send for StdHolder {}
static STD: Mutex<StdHolder> = Mutex::new(StdHolder(None));

fn std_text(out: bool) -> Option<Arc<TextObj>> {
    let g = STD.lock().unwrap_or_else(|e| e.into_inner());
    g.0.as_ref().map(|s| {
        if out {
            s.stdout.clone()
        } else {
            s.stdin.clone()
        }
    })
}

fn make_stream(interp: &mut Interp, fd: i32, name: &str, write: bool) -> PyResult<Value> {
    let raw = FileIO::new(fd, !write, write, false, false);
    let tty = {
        // SAFETY: isatty on a descriptor; a closed one answers 0.
        unsafe { libc::isatty(fd) == 1 }
    };
    let blk = raw.blksize;
    let nm = interp.new_str(name);
    let raw = fileio::new_fileio(interp, raw, nm)?;
    let unbuffered = write && UNBUFFERED.load(Ordering::Relaxed);
    let buffer = if unbuffered {
        raw
    } else {
        let size = blk.clamp(super::DEFAULT_BUFFER_SIZE as i64, 8192 * 1024) as usize;
        let kind = if write { Kind::Writer } else { Kind::Reader };
        buffered::new_buffered(interp, kind, raw, size)?
    };
    let errors = match fd {
        0 | 1 => "surrogateescape",
        _ => "backslashreplace",
    };
    let line_buffering = write && !unbuffered && (fd == 2 || tty);
    let text = textio::new_wrapper(
        interp,
        buffer,
        Some("utf-8"),
        Some(errors),
        None,
        line_buffering,
        unbuffered,
    )?;
    let mode = interp.new_str(if write { "w" } else { "r" });
    interp.setattr(&text, &interp.intern("mode"), mode)?;
    Ok(text)
}

/// Makes `sys.stdin`/`stdout`/`stderr` and their `__x__` originals.
pub fn init_std_streams(interp: &mut Interp, sys: &ObjRef) {
    let mut made = Vec::new();
    for (fd, name, write) in [
        (0, "<stdin>", false),
        (1, "<stdout>", true),
        (2, "<stderr>", true),
    ] {
        let v = match make_stream(interp, fd, name, write) {
            Ok(v) => v,
            Err(_) => Value::None,
        };
        made.push(v);
    }
    for (v, n) in made.iter().zip(["stdin", "stdout", "stderr"]) {
        interp.add_value(sys, n, v.clone());
        interp.add_value(sys, &format!("__{n}__"), v.clone());
    }
    if let (Some(i), Some(o)) = (
        textio::text_of(interp, &made[0]),
        textio::text_of(interp, &made[1]),
    ) {
        STD.lock().unwrap_or_else(|e| e.into_inner()).0 = Some(Std {
            stdin: i,
            stdout: o,
        });
    }
}

/// Writes text to the original `sys.stdout` from Python code (`print`'s fast path).
pub fn write_stdout_py(interp: &mut Interp, s: &str) -> PyResult<()> {
    match std_text(true) {
        Some(t) => textio::write_str(interp, &t, s),
        None => {
            write_raw(1, gilvm_object::surrogate::escaped(s).as_bytes());
            Ok(())
        }
    }
}

/// Flushes the original `sys.stdout` from Python code.
pub fn flush_stdout_py(interp: &mut Interp) -> PyResult<()> {
    match std_text(true) {
        Some(t) => textio::flush_obj(interp, &t),
        None => Ok(()),
    }
}

/// Writes text to stderr from Python code (after flushing stdout).
pub fn write_stderr_py(interp: &mut Interp, s: &str) {
    let s = s.to_string();
    crate::threads::detach(interp, move || write_stderr(&s));
}

/// Writes text to stdout without an interpreter.
pub fn write_stdout(s: &str) {
    flush_stdout();
    write_raw(1, gilvm_object::surrogate::escaped(s).as_bytes());
}

fn write_raw(fd: i32, b: &[u8]) {
    let _ = fileio::sys_write_all(fd, b);
}

/// Flushes stdout (and every buffered writer over a native file): the exit paths.
pub fn flush_stdout() {
    buffered::flush_all();
}

/// Writes text to stderr (after flushing stdout): the interpreter's own messages.
pub fn write_stderr(s: &str) {
    flush_stdout();
    write_raw(2, gilvm_object::surrogate::escaped(s).as_bytes());
}

/// Reads one line from the original stdin for `input()` and the REPL (with its newline;
/// empty at end of file). A Ctrl-C while waiting raises `KeyboardInterrupt`.
pub fn read_stdin_line(interp: &mut Interp) -> PyResult<Vec<u8>> {
    match std_text(false) {
        Some(t) => Ok(textio::readline_obj(interp, &t)?.into_bytes()),
        None => Ok(Vec::new()),
    }
}
