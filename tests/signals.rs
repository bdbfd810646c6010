//! Signals sent to a child gilvm process (issue 15: "Ctrl-C is a KeyboardInterrupt").
//!
//! Each test writes a small Python program to a temporary file, runs the interpreter on it
//! with stdout and stderr piped (so stdout is block-buffered, as when redirected), waits for
//! the program's `ready` line, sends a signal with `libc::kill`, and checks stdout, stderr
//! and the exit status (for an uncaught `KeyboardInterrupt`: killed by SIGINT, as CPython).
//! Every wait is bounded; a child that outlives its timeout is killed and the test fails.
//!
//! Environment (as `tests/corpus.rs` and `tests/ft_stress.rs`):
//! * `GILVM_BIN`: interpreter to run (default: this package's `gilvm` binary).
//! * `GILVM_CHILD_ENV`: `K=V,K2=V2` extra environment variables for the child (e.g.
//!   `PYTHON_GIL=1` for the free-threaded build with the GIL turned on).
use std::env;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Upper bound for any one child run.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Time left to the child between its `ready` line and the signal, so that it is inside
/// the call the test is about (a sleep, a lock wait, a loop) when the signal arrives.
const SETTLE: Duration = Duration::from_millis(200);

fn interpreter() -> PathBuf {
    match env::var_os("GILVM_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gilvm")),
    }
}

fn child_env() -> Vec<(String, String)> {
    env::var("GILVM_CHILD_ENV")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| match item.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => (k.trim().to_string(), v.to_string()),
            _ => panic!("signals: GILVM_CHILD_ENV items must look like KEY=VALUE, got {item:?}"),
        })
        .collect()
}

/// A temporary script file, removed when dropped.
struct Script(PathBuf);

impl Script {
    fn new(source: &str) -> Script {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = env::temp_dir().join(format!(
            "gilvm-signals-{}-{}.py",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, source).expect("write the test script");
        Script(path)
    }
}

impl Drop for Script {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The child's SIGINT disposition at exec.
#[derive(Clone, Copy)]
enum Inherit {
    Default,
    IgnoreSigint,
}

struct Run {
    child: Child,
    stdout: BufReader<std::process::ChildStdout>,
    stderr: Option<std::thread::JoinHandle<String>>,
    stdin: Option<std::process::ChildStdin>,
    _script: Script,
    started: Instant,
}

struct Outcome {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

fn spawn(source: &str, inherit: Inherit) -> Run {
    spawn_with_stdin(source, inherit, false)
}

/// [`spawn`]; with `stdin_pipe`, the child's stdin is a pipe kept open (and silent) until
/// the child is waited for.
fn spawn_with_stdin(source: &str, inherit: Inherit, stdin_pipe: bool) -> Run {
    let script = Script::new(source);
    let mut cmd = Command::new(interpreter());
    cmd.arg(&script.0)
        .stdin(if stdin_pipe {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in child_env() {
        cmd.env(k, v);
    }
    let disposition = match inherit {
        Inherit::Default => libc::SIG_DFL,
        Inherit::IgnoreSigint => libc::SIG_IGN,
    };
    // SAFETY: the closure runs in the forked child before exec and only calls `signal`,
    // which is async-signal-safe. Setting SIG_DFL explicitly makes the tests independent of
    // a SIGINT ignored by whatever started them (a background job of a shell).
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGINT, disposition);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("start the interpreter");
    let stdin = child.stdin.take();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut err = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    Run {
        child,
        stdout,
        stderr: Some(stderr),
        stdin,
        _script: script,
        started: Instant::now(),
    }
}

impl Run {
    /// Reads stdout up to the `ready` line (the program flushes it); returns the lines
    /// before it.
    fn wait_ready(&mut self) -> Vec<String> {
        let mut before = Vec::new();
        loop {
            let mut line = String::new();
            let n = self
                .stdout
                .read_line(&mut line)
                .expect("read the child's stdout");
            if n == 0 {
                let out = self.collect();
                panic!(
                    "the child ended before printing 'ready' ({:?})\nstdout: {}\nstderr: {}",
                    out.status, out.stdout, out.stderr
                );
            }
            if line.trim_end() == "ready" {
                std::thread::sleep(SETTLE);
                return before;
            }
            before.push(line);
        }
    }

    fn signal(&self, sig: i32) {
        // SAFETY: `kill` takes plain integers; the pid is our own child's, not reaped yet.
        let r = unsafe { libc::kill(self.child.id() as libc::pid_t, sig) };
        assert_eq!(r, 0, "kill({}, {sig})", self.child.id());
    }

    /// Waits (bounded) for the child to end; returns its status and the rest of its output.
    fn finish(mut self) -> Outcome {
        self.collect()
    }

    fn collect(&mut self) -> Outcome {
        let deadline = self.started + TIMEOUT;
        let status = loop {
            if let Some(st) = self.child.try_wait().expect("wait for the child") {
                break st;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("the child did not end within {TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let mut stdout = String::new();
        let _ = self.stdout.read_to_string(&mut stdout);
        let stderr = self
            .stderr
            .take()
            .map(|h| h.join().unwrap_or_default())
            .unwrap_or_default();
        Outcome {
            status,
            stdout,
            stderr,
        }
    }
}

/// The program was ended by an uncaught `KeyboardInterrupt`: traceback on stderr, killed
/// by SIGINT.
fn assert_keyboard_interrupt(out: &Outcome) {
    assert!(
        out.stderr
            .starts_with("Traceback (most recent call last):\n")
            && out.stderr.ends_with("\nKeyboardInterrupt\n"),
        "stderr should be a KeyboardInterrupt traceback: {:?}",
        out.stderr
    );
    assert_eq!(
        out.status.signal(),
        Some(libc::SIGINT),
        "expected death by SIGINT, got {:?}; stderr: {}",
        out.status,
        out.stderr
    );
}

fn sigint_outcome(source: &str) -> Outcome {
    let mut run = spawn(source, Inherit::Default);
    run.wait_ready();
    run.signal(libc::SIGINT);
    run.finish()
}

#[test]
fn sigint_interrupts_busy_loop() {
    let out = sigint_outcome(
        "print('ready', flush=True)\n\
         n = 0\n\
         while True:\n    n += 1\n",
    );
    assert_keyboard_interrupt(&out);
    // (CPython names line 4, the loop body; gilvm checks the eval breaker at the backward
    // jump, which carries the `while` line.)
    assert!(
        out.stderr.contains(", in <module>\n"),
        "traceback names the module: {}",
        out.stderr
    );
}

#[test]
fn sigint_interrupts_sleep() {
    let t0 = Instant::now();
    let out = sigint_outcome("import time\nprint('ready', flush=True)\ntime.sleep(60)\n");
    assert_keyboard_interrupt(&out);
    assert!(out.stderr.contains("time.sleep(60)"), "{}", out.stderr);
    assert!(
        t0.elapsed() < Duration::from_secs(10),
        "sleep was not interrupted"
    );
}

#[test]
fn sigint_caught_by_except() {
    let out = sigint_outcome(
        "import time\n\
         try:\n    print('ready', flush=True)\n    time.sleep(60)\n\
         except KeyboardInterrupt as e:\n    print('caught', repr(e))\n\
         print('after')\n",
    );
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(out.stdout, "caught KeyboardInterrupt()\nafter\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn sigint_runs_finally_and_atexit() {
    let out = sigint_outcome(
        "import atexit\n\
         atexit.register(print, 'atexit ran')\n\
         try:\n    print('ready', flush=True)\n    while True:\n        pass\n\
         finally:\n    print('finally ran')\n",
    );
    assert_keyboard_interrupt(&out);
    assert_eq!(out.stdout, "finally ran\natexit ran\n");
}

#[test]
fn sigint_interrupts_lock_acquire() {
    let t0 = Instant::now();
    let out = sigint_outcome(
        "import threading\n\
         lock = threading.Lock()\nlock.acquire()\n\
         print('ready', flush=True)\n\
         lock.acquire()\n",
    );
    assert_keyboard_interrupt(&out);
    assert!(t0.elapsed() < Duration::from_secs(10));
}

#[test]
fn sigint_interrupts_rlock_with_timeout() {
    // An RLock held by another thread, acquired with a long timeout.
    let out = sigint_outcome(
        "import threading, time\n\
         r = threading.RLock()\n\
         held = threading.Event()\n\
         def hold():\n    r.acquire()\n    held.set()\n    time.sleep(30)\n\
         threading.Thread(target=hold, daemon=True).start()\n\
         held.wait()\n\
         print('ready', flush=True)\n\
         r.acquire(timeout=50)\n",
    );
    assert_keyboard_interrupt(&out);
}

#[test]
fn sigint_interrupts_join() {
    let t0 = Instant::now();
    let out = sigint_outcome(
        "import threading, time\n\
         t = threading.Thread(target=time.sleep, args=(30,), daemon=True)\n\
         t.start()\n\
         print('ready', flush=True)\n\
         t.join()\n",
    );
    assert_keyboard_interrupt(&out);
    assert!(out.stderr.contains("t.join()"), "{}", out.stderr);
    assert!(t0.elapsed() < Duration::from_secs(10));
}

#[test]
fn sigint_while_waiting_for_threads_at_exit() {
    // The main module ended; the interpreter waits for a non-daemon thread. A Ctrl-C there
    // is reported and ignored (CPython 3.14), atexit still runs, the status is 0.
    let out = sigint_outcome(
        "import threading, time, atexit\n\
         atexit.register(print, 'atexit ran')\n\
         threading.Thread(target=time.sleep, args=(30,), daemon=False).start()\n\
         print('ready', flush=True)\n",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{:?} {}",
        out.status,
        out.stderr
    );
    assert!(
        out.stderr
            .starts_with("Exception ignored while joining a thread in _thread._shutdown():\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("KeyboardInterrupt\n"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "atexit ran\n");
}

#[test]
fn inherited_sig_ign_is_respected() {
    let mut run = spawn(
        "import signal, time\n\
         print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)\n\
         print('ready', flush=True)\n\
         time.sleep(0.5)\n\
         print('survived')\n",
        Inherit::IgnoreSigint,
    );
    let before = run.wait_ready();
    assert_eq!(before, vec!["True\n".to_string()]);
    run.signal(libc::SIGINT);
    let out = run.finish();
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(out.stdout, "survived\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn default_sigint_handler_installed() {
    let mut run = spawn(
        "import signal\n\
         print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n\
         print('ready', flush=True)\n\
         while True:\n    pass\n",
        Inherit::Default,
    );
    assert_eq!(run.wait_ready(), vec!["True\n".to_string()]);
    run.signal(libc::SIGINT);
    let out = run.finish();
    assert_keyboard_interrupt(&out);
    assert_eq!(out.stdout, "");
}

#[test]
fn sigterm_python_handler_exits_cleanly() {
    let mut run = spawn(
        "import signal, sys, time, atexit\n\
         atexit.register(print, 'atexit ran')\n\
         def on_term(signum, frame):\n    print('got', signum)\n    sys.exit(3)\n\
         signal.signal(signal.SIGTERM, on_term)\n\
         print('ready', flush=True)\n\
         for i in range(3):\n    print('line', i)\n\
         try:\n    while True:\n        time.sleep(0.05)\n\
         finally:\n    print('finally ran')\n",
        Inherit::Default,
    );
    run.wait_ready();
    run.signal(libc::SIGTERM);
    let out = run.finish();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{:?} {}",
        out.status,
        out.stderr
    );
    assert_eq!(
        out.stdout,
        "line 0\nline 1\nline 2\ngot 15\nfinally ran\natexit ran\n"
    );
    assert_eq!(out.stderr, "");
}

#[test]
fn handler_returning_resumes_sleep_and_waits() {
    // PEP 475: a handler that returns normally does not cut the sleep or the waits short.
    // The first signal arrives during the sleep (0 to 0.6 s after `ready`), the second
    // during the event wait (0.6 to 1.8 s): each 0.6 s away from the ends.
    let mut run = spawn(
        "import signal, time, threading, queue\n\
         got = []\n\
         signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))\n\
         print('ready', flush=True)\n\
         t0 = time.monotonic()\n\
         time.sleep(0.6)\n\
         print('slept', time.monotonic() - t0 >= 0.6, got)\n\
         t0 = time.monotonic()\n\
         print('event', threading.Event().wait(1.2), time.monotonic() - t0 >= 1.2, got)\n\
         try:\n    queue.Queue().get(timeout=0.3)\nexcept queue.Empty:\n    print('empty', got)\n",
        Inherit::Default,
    );
    run.wait_ready();
    run.signal(libc::SIGUSR1);
    std::thread::sleep(Duration::from_millis(1000));
    run.signal(libc::SIGUSR1);
    let out = run.finish();
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(
        out.stdout,
        "slept True [10]\nevent False True [10, 10]\nempty [10, 10]\n"
    );
}

#[test]
fn handler_exception_interrupts_condition_wait() {
    let mut run = spawn(
        "import signal, threading\n\
         class Stop(Exception):\n    pass\n\
         def h(s, f):\n    raise Stop(s)\n\
         signal.signal(signal.SIGUSR2, h)\n\
         c = threading.Condition()\n\
         with c:\n    print('ready', flush=True)\n    try:\n        c.wait(30)\n    except Stop as e:\n        print('stopped', e)\n\
         print('lock usable', c.acquire(timeout=1))\n",
        Inherit::Default,
    );
    run.wait_ready();
    run.signal(libc::SIGUSR2);
    let out = run.finish();
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(out.stdout, "stopped 12\nlock usable True\n");
}

#[test]
fn alarm_runs_handler_during_sleep() {
    let mut run = spawn(
        "import signal, time\n\
         class Alarm(Exception):\n    pass\n\
         def h(s, f):\n    raise Alarm(s)\n\
         signal.signal(signal.SIGALRM, h)\n\
         print('ready', flush=True)\n\
         t0 = time.monotonic()\n\
         signal.alarm(1)\n\
         try:\n    time.sleep(10)\nexcept Alarm as e:\n    print('alarm', e, 0.8 < time.monotonic() - t0 < 5)\n",
        Inherit::Default,
    );
    run.wait_ready();
    let out = run.finish();
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(out.stdout, "alarm 14 True\n");
}

#[test]
fn atexit_order_on_every_exit_path() {
    let prologue = "import atexit, sys\n\
         atexit.register(print, 'first registered')\n\
         @atexit.register\ndef last():\n    print('last registered')\n";
    // Normal end.
    let mut run = spawn(
        &format!("{prologue}print('ready', flush=True)\nprint('end')\n"),
        Inherit::Default,
    );
    run.wait_ready();
    let out = run.finish();
    assert!(out.status.success());
    assert_eq!(out.stdout, "end\nlast registered\nfirst registered\n");
    // sys.exit.
    let mut run = spawn(
        &format!("{prologue}print('ready', flush=True)\nsys.exit(5)\n"),
        Inherit::Default,
    );
    run.wait_ready();
    let out = run.finish();
    assert_eq!(out.status.code(), Some(5));
    assert_eq!(out.stdout, "last registered\nfirst registered\n");
    // Uncaught exception: traceback first, then the callbacks.
    let mut run = spawn(
        &format!("{prologue}print('ready', flush=True)\nraise ValueError('x')\n"),
        Inherit::Default,
    );
    run.wait_ready();
    let out = run.finish();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, "last registered\nfirst registered\n");
    assert!(out.stderr.ends_with("ValueError: x\n"), "{}", out.stderr);
}

#[test]
fn buffered_stdout_survives_sigint() {
    // stdout is a pipe, so block-buffered: nothing is flushed before the signal, and every
    // line must still come out after the KeyboardInterrupt.
    let out = sigint_outcome(
        "import sys\n\
         print('ready', flush=True)\n\
         for i in range(2000):\n    print('line', i)\n\
         sys.stderr.write('printed\\n')\n\
         while True:\n    pass\n",
    );
    assert_keyboard_interrupt(&out.strip_prefix_err("printed\n"));
    let expected: String = (0..2000).map(|i| format!("line {i}\n")).collect();
    assert_eq!(out.stdout, expected);
}

impl Outcome {
    /// This outcome with `prefix` removed from the start of stderr (asserted present).
    fn strip_prefix_err(&self, prefix: &str) -> Outcome {
        assert!(self.stderr.starts_with(prefix), "{}", self.stderr);
        Outcome {
            status: self.status,
            stdout: self.stdout.clone(),
            stderr: self.stderr[prefix.len()..].to_string(),
        }
    }
}

#[test]
fn keyboard_interrupt_raised_by_code_exits_as_sigint() {
    // As CPython: any uncaught KeyboardInterrupt ends the process as killed by SIGINT.
    let mut run = spawn(
        "print('ready', flush=True)\nprint('out')\nraise KeyboardInterrupt\n",
        Inherit::Default,
    );
    run.wait_ready();
    let out = run.finish();
    assert_keyboard_interrupt(&out);
    assert_eq!(out.stdout, "out\n");
}

#[test]
fn second_sigint_after_a_caught_one() {
    // Two Ctrl-C in a row: the first is caught, the second ends the program.
    let mut run = spawn(
        "import time\n\
         try:\n    print('ready', flush=True)\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('first', flush=True)\n\
         print('ready', flush=True)\n\
         time.sleep(30)\n",
        Inherit::Default,
    );
    run.wait_ready();
    run.signal(libc::SIGINT);
    let before = run.wait_ready();
    assert_eq!(before, vec!["first\n".to_string()]);
    run.signal(libc::SIGINT);
    let out = run.finish();
    assert_keyboard_interrupt(&out);
}

#[test]
fn sigint_interrupts_input() {
    // Ctrl-C at an input() prompt (stdin open, nothing typed) is a KeyboardInterrupt at once.
    let mut run = spawn_with_stdin(
        "print('ready', flush=True)\n\
         try:\n    input('name? ')\nexcept KeyboardInterrupt:\n    print('interrupted')\n",
        Inherit::Default,
        true,
    );
    run.wait_ready();
    let t0 = Instant::now();
    run.signal(libc::SIGINT);
    let out = run.finish();
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(out.stdout, "name? interrupted\n");
    assert!(t0.elapsed() < Duration::from_secs(10));
}

#[test]
fn input_reads_lines_from_a_pipe() {
    use std::io::Write;
    let mut run = spawn_with_stdin(
        "print('ready', flush=True)\n\
         while True:\n    try:\n        s = input()\n    except EOFError:\n        print('EOF')\n        break\n    print(repr(s))\n",
        Inherit::Default,
        true,
    );
    run.wait_ready();
    let mut stdin = run.stdin.take().unwrap();
    stdin.write_all(b"a\nbb\n\nlast").unwrap();
    drop(stdin);
    let out = run.finish();
    assert!(out.status.success(), "{:?} {}", out.status, out.stderr);
    assert_eq!(out.stdout, "'a'\n'bb'\n''\n'last'\nEOF\n");
}
