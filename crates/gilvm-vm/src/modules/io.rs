//! Standard output and error: a process-wide buffered stdout (line-buffered when it is a
//! terminal, block-buffered otherwise, as CPython) and an unbuffered stderr. stdout is
//! flushed before anything is written to stderr, so the two interleave sensibly.
use std::io::{IsTerminal, Read, Write};
use std::sync::Mutex;

struct Out {
    buf: Vec<u8>,
    tty: bool,
}

static STDOUT: Mutex<Option<Out>> = Mutex::new(None);
/// `-u` / `PYTHONUNBUFFERED`: every write to stdout reaches the file at once.
static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes stdout unbuffered (`-u`); set once at start-up.
pub fn set_unbuffered(on: bool) {
    UNBUFFERED.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn unbuffered() -> bool {
    UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed)
}
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
        o.buf.len() >= 8192 || (o.tty && s.contains('\n')) || unbuffered()
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
        o.buf.len() >= 8192 || (o.tty && s.contains('\n')) || unbuffered()
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

/// Bytes read from stdin and not yet returned by `input()`.
static STDIN: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// The next line of stdin (with its newline), if the buffer holds a whole one; at end of
/// file (`eof`), whatever is left (None when nothing is).
fn take_stdin_line(eof: bool) -> Option<Vec<u8>> {
    let mut b = STDIN.lock().unwrap_or_else(|e| e.into_inner());
    match b.iter().position(|&c| c == b'\n') {
        Some(i) => Some(b.drain(..=i).collect()),
        None if eof && !b.is_empty() => Some(std::mem::take(&mut *b)),
        None => None,
    }
}

/// Reads one line from stdin for `input()` (with its newline; empty at end of file). The
/// wait for input is interruptible by a signal in the main thread: the handlers run and the
/// wait resumes, or the handler's exception (a `KeyboardInterrupt`) propagates.
pub fn read_stdin_line(interp: &mut crate::interp::Interp) -> crate::error::PyResult<Vec<u8>> {
    if let Some(l) = take_stdin_line(false) {
        return Ok(l);
    }
    loop {
        let r = crate::threads::detach(interp, || -> std::io::Result<Option<usize>> {
            if !gilvm_sync::signals::wait_readable(0)? {
                return Ok(None);
            }
            // At least as large as stdin's own buffer, so std's reader passes the read
            // straight through and never keeps bytes of its own.
            let mut chunk = vec![0u8; 16384];
            let n = loop {
                match std::io::stdin().read(&mut chunk) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    r => break r?,
                }
            };
            STDIN
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(&chunk[..n]);
            Ok(Some(n))
        });
        match r {
            Ok(None) => crate::modules::signal::run_pending(interp)?,
            Ok(Some(n)) => {
                if let Some(l) = take_stdin_line(n == 0) {
                    return Ok(l);
                }
                if n == 0 {
                    return Ok(Vec::new());
                }
            }
            Err(e) => return Err(crate::modules::os::os_error(interp, &e, None)),
        }
    }
}

/// Writes text to stderr (after flushing stdout).
pub fn write_stderr(s: &str) {
    flush_stdout();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}
