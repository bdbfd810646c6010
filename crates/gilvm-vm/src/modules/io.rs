//! Standard output and error: a process-wide buffered stdout (line-buffered when it is a
//! terminal, block-buffered otherwise, as CPython) and an unbuffered stderr. stdout is
//! flushed before anything is written to stderr, so the two interleave sensibly.
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

struct Out {
    buf: Vec<u8>,
    tty: bool,
}

static STDOUT: Mutex<Option<Out>> = Mutex::new(None);
/// Held while bytes are written to fd 1, so chunks taken from the buffer by different
/// threads reach the file in buffer order (taken after this lock).
static WRITER: Mutex<()> = Mutex::new(());

fn with_out<R>(f: impl FnOnce(&mut Out) -> R) -> R {
    let mut g = STDOUT.lock().unwrap_or_else(|e| e.into_inner());
    let o = g.get_or_insert_with(|| Out {
        buf: Vec::with_capacity(8192),
        tty: std::io::stdout().is_terminal(),
    });
    f(o)
}

fn write_all_fd1(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes);
    let _ = out.flush();
}

/// Writes text to stdout from Python code: the actual system call runs detached from the VM
/// (other threads run meanwhile), as every blocking call does.
pub fn write_stdout_py(interp: &mut crate::interp::Interp, s: &str) {
    let must_flush = with_out(|o| {
        o.buf.extend_from_slice(s.as_bytes());
        o.buf.len() >= 8192 || (o.tty && s.contains('\n'))
    });
    if must_flush {
        crate::threads::detach(interp, flush_stdout);
    }
}

/// Writes text to stderr from Python code (detached, after flushing stdout).
pub fn write_stderr_py(interp: &mut crate::interp::Interp, s: &str) {
    let s = s.to_string();
    crate::threads::detach(interp, move || write_stderr(&s));
}

/// Writes text to stdout.
pub fn write_stdout(s: &str) {
    let must_flush = with_out(|o| {
        o.buf.extend_from_slice(s.as_bytes());
        o.buf.len() >= 8192 || (o.tty && s.contains('\n'))
    });
    if must_flush {
        flush_stdout();
    }
}

/// Flushes stdout.
pub fn flush_stdout() {
    let _w = WRITER.lock().unwrap_or_else(|e| e.into_inner());
    let buf = with_out(|o| std::mem::take(&mut o.buf));
    if !buf.is_empty() {
        write_all_fd1(&buf);
    }
}

/// Writes text to stderr (after flushing stdout).
pub fn write_stderr(s: &str) {
    flush_stdout();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}
