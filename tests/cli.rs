//! python3's command line on gilvm (issue 20): option parsing and its usage errors, `-c`,
//! a program on standard input, `-`, `-m` (`unittest`, `json.tool`), `-i`, `-u`,
//! `-E`/`-I`/`-P`, `-O`, `-x`, `-S`, `-W`/`PYTHONWARNINGS`, `-b`, `PYTHONSTARTUP`,
//! `sys.path[0]`, and the interactive prompts (`_pyrepl` and the basic REPL) in a
//! pseudo-terminal.
//!
//! Expected texts are CPython 3.14's (checked by hand against it); where gilvm prints its
//! own text (the banner, `-h`), only the shape is checked.
//!
//! Environment (as `tests/corpus.rs`): `GILVM_BIN` (interpreter to run, default this
//! package's `gilvm`), `GILVM_CHILD_ENV` (`K=V,…` added to every child's environment).
use std::env;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn interpreter() -> PathBuf {
    match env::var_os("GILVM_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gilvm")),
    }
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(interpreter());
    c.args(args);
    for item in env::var("GILVM_CHILD_ENV").unwrap_or_default().split(',') {
        if let Some((k, v)) = item.trim().split_once('=') {
            c.env(k.trim(), v);
        }
    }
    for v in [
        "PYTHONPATH",
        "PYTHONSTARTUP",
        "PYTHONINSPECT",
        "PYTHONUNBUFFERED",
        "PYTHONSAFEPATH",
        "PYTHONOPTIMIZE",
        "PYTHONWARNINGS",
    ] {
        c.env_remove(v);
    }
    c
}

/// Runs gilvm with `args`, `stdin` as its standard input, in `dir`.
fn run_in(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut c = command(args);
    c.current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("start gilvm");
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(text.as_bytes());
    });
    let out = child.wait_with_output().expect("wait for gilvm");
    let _ = writer.join();
    out
}

fn run(args: &[&str], stdin: &str) -> Output {
    run_in(&env::temp_dir(), args, stdin, &[])
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = env::temp_dir().join(format!(
            "gilvm-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn write(&self, rel: &str, content: &str) {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn usage_errors_exit_2_with_cpythons_message() {
    for (args, first) in [
        (&["-z"][..], "Unknown option: -z"),
        (&["--foo"][..], "Unknown option: --foo"),
        (&["-c"][..], "Argument expected for the -c option"),
        (&["-m"][..], "Argument expected for the -m option"),
        (&["-W"][..], "Argument expected for the -W option"),
    ] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o.stderr);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines[0], first);
        assert!(
            lines[1].starts_with("usage: ")
                && lines[1].ends_with("[-c cmd | -m mod | file | -] [arg] ...")
        );
        assert_eq!(lines[2], "Try `python -h' for more information.");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn help_and_version() {
    let o = run(&["-h"], "");
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    assert!(out.starts_with("usage: "), "{out}");
    for opt in ["-c cmd", "-m mod", "-i ", "-u ", "-X opt", "PYTHON"] {
        assert!(out.contains(opt), "--help lacks {opt}");
    }
    let o = run(&["--help-env"], "");
    assert!(text(&o.stdout).contains("PYTHON_GIL"));
    let o = run(&["--version"], "");
    assert!(text(&o.stdout).starts_with("gilvm "));
}

#[test]
fn command_argv_and_combined_flags() {
    let o = run(
        &[
            "-Bc",
            "import sys; print(sys.argv, repr(sys.path[0]), sys.warnoptions)",
            "-x",
            "y",
        ],
        "",
    );
    assert_eq!(text(&o.stdout), "['-c', '-x', 'y'] '' []\n");
    let o = run(
        &[
            "-Wd",
            "-X",
            "foo=1",
            "-Xbar",
            "-c",
            "import sys; print(sys.warnoptions, sys._xoptions)",
        ],
        "",
    );
    assert_eq!(text(&o.stdout), "['d'] {'foo': '1', 'bar': True}\n");
}

#[test]
fn program_on_stdin() {
    let prog = "import sys\nprint(sys.argv)\n1/0\n";
    let o = run(&[], prog);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "['']\n");
    // CPython quotes no line of a piped program.
    assert_eq!(
        text(&o.stderr),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 3, in <module>\nZeroDivisionError: division by zero\n"
    );
    let o = run(&["-", "a", "b"], prog);
    assert_eq!(text(&o.stdout), "['-', 'a', 'b']\n");
}

#[test]
fn inspect_runs_the_prompt_on_piped_input() {
    let input = "1+1\nif 1:\n  print(5)\n\nx\ny = [1,\n\n2]\ny\n1/0\nprint('after')\n";
    let o = run(&["-i", "-c", "x = 3"], input);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "2\n5\n3\n[1, 2]\nafter\n");
    let err = text(&o.stderr);
    assert!(
        err.starts_with(">>> >>> ... ... >>> >>> ... ... >>> >>> Traceback"),
        "{err}"
    );
    assert!(err.contains("  File \"<stdin>\", line 1, in <module>\n    1/0\n"));
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n>>> >>> \n"),
        "{err}"
    );
    // SystemExit ends the prompt with its status; under -i a failing program is only
    // reported, then the prompt runs.
    let o = run(&["-i", "-c", "raise SystemExit(3)"], "exit(5)\n");
    assert_eq!(o.status.code(), Some(5));
    assert!(text(&o.stderr).contains("SystemExit: 3\n>>> "));
    let o = run(&["-q", "-i"], "exit\n");
    assert_eq!(text(&o.stdout), "Use exit() or Ctrl-D (i.e. EOF) to exit\n");
    // -S: no site, so no exit() in builtins.
    let o = run(&["-S", "-c", "exit()"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("NameError: name 'exit' is not defined"));
}

#[test]
fn startup_file_runs_before_the_prompt() {
    let d = TempDir::new();
    d.write("startup.py", "greeting = 'hi'\n");
    let path = d.0.join("startup.py");
    let o = run_in(
        &d.0,
        &["-q", "-i"],
        "greeting\n",
        &[("PYTHONSTARTUP", path.to_str().unwrap())],
    );
    assert_eq!(text(&o.stdout), "'hi'\n");
    // -E ignores it.
    let o = run_in(
        &d.0,
        &["-q", "-i", "-E"],
        "'greeting' in dir()\n",
        &[("PYTHONSTARTUP", path.to_str().unwrap())],
    );
    assert_eq!(text(&o.stdout), "False\n");
}

#[test]
fn run_module() {
    let d = TempDir::new();
    d.write(
        "hello.py",
        "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('hello.py'))\n",
    );
    d.write("pkg/__init__.py", "print('init', __name__)\n");
    d.write("pkg/__main__.py", "print('main', __name__, __package__)\n");
    d.write("pkg/sub.py", "print('sub', __name__, __package__)\n");
    d.write("nomain/__init__.py", "");
    let o = run_in(&d.0, &["-m", "hello", "a", "-b"], "", &[]);
    assert_eq!(text(&o.stdout), "__main__ ['a', '-b'] True\n");
    let o = run_in(&d.0, &["-m", "pkg"], "", &[]);
    assert_eq!(text(&o.stdout), "init pkg\nmain __main__ pkg\n");
    let o = run_in(&d.0, &["-m", "pkg.sub"], "", &[]);
    assert_eq!(text(&o.stdout), "init pkg\nsub __main__ pkg\n");
    let o = run_in(&d.0, &["-m", "missing_mod"], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).ends_with(": No module named missing_mod\n"));
    let o = run_in(&d.0, &["-m", "nomain"], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).ends_with(
        ": No module named nomain.__main__; 'nomain' is a package and cannot be directly executed\n"
    ));
}

#[test]
fn environment_and_isolation() {
    let d = TempDir::new();
    d.write("lib/extra_mod.py", "VALUE = 42\n");
    let lib = d.0.join("lib");
    let lib = lib.to_str().unwrap();
    let prog = "import sys\ntry:\n import extra_mod; print(extra_mod.VALUE)\nexcept ImportError: print('none')\nprint('' in sys.path)\n";
    let o = run_in(&d.0, &["-c", prog], "", &[("PYTHONPATH", lib)]);
    assert_eq!(text(&o.stdout), "42\nTrue\n");
    let o = run_in(&d.0, &["-E", "-c", prog], "", &[("PYTHONPATH", lib)]);
    assert_eq!(text(&o.stdout), "none\nTrue\n");
    let o = run_in(&d.0, &["-I", "-c", prog], "", &[("PYTHONPATH", lib)]);
    // -I implies -E and -P: no PYTHONPATH, no current directory in front.
    assert_eq!(text(&o.stdout), "none\nFalse\n");
    let o = run_in(&d.0, &["-P", "-c", prog], "", &[("PYTHONPATH", lib)]);
    assert_eq!(text(&o.stdout), "42\nFalse\n");
}

#[test]
fn optimize_and_skip_first_line() {
    let o = run(&["-O", "-c", "assert 0, 'no'\nprint(__debug__)"], "");
    assert_eq!(text(&o.stdout), "False\n");
    let o = run(&["-c", "print(__debug__)\nassert 0, 'no'"], "");
    assert_eq!(text(&o.stdout), "True\n");
    assert!(text(&o.stderr).ends_with("AssertionError: no\n"));
    let d = TempDir::new();
    d.write("x.py", "not python at all\nprint(1)\n1/0\n");
    let o = run_in(&d.0, &["-x", "x.py"], "", &[]);
    assert_eq!(text(&o.stdout), "1\n");
    // Line numbers do not move.
    assert!(text(&o.stderr).contains("x.py\", line 3, in <module>"));
}

#[test]
fn unbuffered_stdout_reaches_a_pipe_at_once() {
    // The program prints, then never ends: only an unbuffered stdout lets the line out.
    let mut child = command(&["-u", "-c", "print('ready')\nwhile True: pass"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 6];
        let r = out.read_exact(&mut buf).map(|_| buf);
        let _ = tx.send(r);
    });
    let got = rx.recv_timeout(TIMEOUT);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        &got.expect("no output within the timeout").unwrap(),
        b"ready\n"
    );
}

/// A child on a pseudo-terminal: what it writes is collected by a reader thread.
struct Pty {
    master: std::fs::File,
    out: Arc<Mutex<Vec<u8>>>,
    child: std::process::Child,
}

impl Pty {
    /// Starts gilvm with `args` on a new pseudo-terminal, with `env` added (TERM among
    /// them: escape sequences depend on it).
    fn spawn(args: &[&str], env: &[(&str, &str)]) -> Pty {
        let (mut m, mut s) = (0, 0);
        // SAFETY: openpty writes two file descriptors into the given integers; the name,
        // termios and window-size pointers may be null.
        let rc = unsafe {
            libc::openpty(
                &mut m,
                &mut s,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: both descriptors were just opened by openpty and are owned here only.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(m), OwnedFd::from_raw_fd(s)) };
        let mut c = command(args);
        c.env_remove("PYTHON_BASIC_REPL");
        for (k, v) in env {
            c.env(k, v);
        }
        let child = c
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .spawn()
            .expect("start gilvm on a pty");
        let master = std::fs::File::from(master);
        let mut reader = master.try_clone().unwrap();
        let out = Arc::new(Mutex::new(Vec::new()));
        let o2 = out.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                o2.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty { master, out, child }
    }

    fn output(&self) -> String {
        text(&self.out.lock().unwrap()).replace("\r\n", "\n")
    }

    /// What was written, without escape sequences (colours, cursor moves) and carriage
    /// returns: what `_pyrepl` leaves readable.
    fn plain_output(&self) -> String {
        strip_escapes(&text(&self.out.lock().unwrap())).replace('\r', "")
    }

    /// As [`Pty::expect`], in [`Pty::plain_output`].
    fn expect_plain(&self, from: usize, what: &str) -> usize {
        let start = Instant::now();
        loop {
            let o = self.plain_output();
            if let Some(i) = o.get(from..).and_then(|s| s.find(what)) {
                return from + i + what.len();
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what:?}; output so far:\n{o}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the child to exit; its exit status.
    fn wait(&mut self) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "gilvm did not exit; output:\n{}",
                self.plain_output()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the output (from `from` on) contains `what`; returns the new end.
    fn expect(&self, from: usize, what: &str) -> usize {
        let start = Instant::now();
        loop {
            let o = self.output();
            if let Some(i) = o.get(from..).and_then(|s| s.find(what)) {
                return from + i + what.len();
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what:?}; output so far:\n{o}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, line: &str) {
        self.master.write_all(line.as_bytes()).unwrap();
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `text` without ANSI escape sequences (CSI `ESC [ … letter`, and `ESC =` / `ESC >`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() || d == '~' {
                        break;
                    }
                }
            }
            Some('=' | '>') | None => {}
            Some(other) => out.push(other),
        }
    }
    out
}

/// The basic REPL (`PYTHON_BASIC_REPL=1`): the terminal's own line editing.
#[test]
fn repl_in_a_terminal() {
    let mut p = Pty::spawn(&[], &[("TERM", "dumb"), ("PYTHON_BASIC_REPL", "1")]);
    let mut at = p.expect(0, "Python 3.");
    at = p.expect(at, ">>> ");
    p.send("1 + 1\n");
    at = p.expect(at, "2\n>>> ");
    p.send("for i in range(2):\n");
    at = p.expect(at, "... ");
    p.send("    print('line', i)\n");
    at = p.expect(at, "... ");
    p.send("\n");
    at = p.expect(at, "line 0\nline 1\n>>> ");
    p.send("def f():\n    return 1/0\n\n");
    at = p.expect(at, ">>> ");
    p.send("f()\n");
    at = p.expect(at, "Traceback (most recent call last):\n");
    at = p.expect(at, "ZeroDivisionError: division by zero\n>>> ");
    p.send("x = 'still here'\n");
    p.send("x\n");
    at = p.expect(at, "'still here'\n>>> ");
    p.send("exit(4)\n");
    let _ = at;
    assert_eq!(p.wait().code(), Some(4));
    // The basic REPL never switches the terminal to bracketed paste, as `_pyrepl` does.
    assert!(!p.output().contains("\x1b[?2004h"));
}

/// CPython 3.13+'s REPL, `_pyrepl` from the Lib: expressions echo, an auto-indented block,
/// a traceback quoting `<python-input-N>`, `exit` as a bare word, and the history file.
#[test]
fn pyrepl_in_a_terminal() {
    let d = TempDir::new();
    let hist = d.0.join("history");
    let hist = hist.to_str().unwrap();
    let env = [("TERM", "xterm"), ("PYTHON_HISTORY", hist)];
    let mut p = Pty::spawn(&[], &env);
    let mut at = p.expect_plain(0, "Python 3.");
    at = p.expect_plain(at, ">>> ");
    assert!(
        p.output().contains("\x1b[?2004h"),
        "not _pyrepl:\n{}",
        p.plain_output()
    );
    // Each line is sent once the prompt is drawn, which is after _pyrepl put the terminal
    // back in raw mode (a Ctrl-D typed in cooked mode would be the line discipline's).
    p.send("1 + 1\n");
    at = p.expect_plain(at, "1 + 1\n2\n>>> ");
    // The block's body is indented by the REPL itself; an empty line ends it.
    p.send("for i in range(2):\n");
    at = p.expect_plain(at, "... ");
    p.send("print('line', i)\n");
    at = p.expect_plain(at, "... ");
    p.send("\n");
    at = p.expect_plain(at, "line 0\nline 1\n>>> ");
    p.send("1/0\n");
    at = p.expect_plain(at, "Traceback (most recent call last):\n");
    at = p.expect_plain(
        at,
        "  File \"<python-input-2>\", line 1, in <module>\n    1/0\n",
    );
    at = p.expect_plain(at, "ZeroDivisionError: division by zero\n>>> ");
    p.send("'still' + ' here'\n");
    at = p.expect_plain(at, "'still here'\n>>> ");
    p.send("exit\n");
    let _ = at;
    assert_eq!(p.wait().code(), Some(0));
    let history = std::fs::read_to_string(hist).expect("the history file");
    for line in ["1 + 1", "for i in range(2):", "1/0", "'still' + ' here'"] {
        assert!(
            history.contains(line),
            "{line:?} not in the history:\n{history}"
        );
    }
    assert!(!history.contains("exit"), "{history}");
    // The next session reads it: the up arrow (xterm's application-mode key) recalls the
    // last statement.
    let mut p = Pty::spawn(&["-q"], &env);
    let at = p.expect_plain(0, ">>> ");
    p.send("\x1bOA\n");
    let at = p.expect_plain(at, "'still here'\n>>> ");
    p.send("\x04");
    let _ = at;
    assert_eq!(p.wait().code(), Some(0));

    // exit() with a status, and Ctrl-D on an empty line.
    let mut p = Pty::spawn(&["-q"], &env);
    let at = p.expect_plain(0, ">>> ");
    p.send("exit(3)\n");
    let _ = at;
    assert_eq!(p.wait().code(), Some(3));
    let mut p = Pty::spawn(&["-q"], &env);
    let at = p.expect_plain(0, ">>> ");
    p.send("\x04");
    let _ = at;
    assert_eq!(p.wait().code(), Some(0));
}

/// `-i` after a program goes to `_pyrepl` in its namespace; a terminal `_pyrepl` cannot
/// drive (TERM=dumb) gets CPython's warning and the basic REPL.
#[test]
fn inspect_and_fallback_in_a_terminal() {
    let d = TempDir::new();
    let hist = d.0.join("history");
    let hist = hist.to_str().unwrap();
    let mut p = Pty::spawn(
        &["-i", "-c", "y = 7"],
        &[("TERM", "xterm"), ("PYTHON_HISTORY", hist)],
    );
    let at = p.expect_plain(0, ">>> ");
    assert!(p.output().contains("\x1b[?2004h"));
    assert!(
        !p.plain_output().contains("Python 3."),
        "no banner under -i"
    );
    p.send("y * 6\n");
    p.expect_plain(at, "42\n>>> ");
    p.send("\x04");
    assert_eq!(p.wait().code(), Some(0));

    let mut p = Pty::spawn(&[], &[("TERM", "dumb"), ("PYTHON_HISTORY", hist)]);
    let mut at = p.expect(
        0,
        "warning: can't use pyrepl: (5, \"terminal doesn't have the required clear capability\"); TERM=dumb\n>>> ",
    );
    p.send("6 * 7\n");
    at = p.expect(at, "42\n>>> ");
    p.send("exit()\n");
    let _ = at;
    assert_eq!(p.wait().code(), Some(0));
}

/// Runs gilvm in `dir` with `PYTHONDONTWRITEBYTECODE` unset (the bytecode cache on) and
/// `env` added.
fn run_caching(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = command(args);
    c.current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run gilvm")
}

#[test]
fn bytecode_cache_is_written_read_and_invalidated() {
    let d = TempDir::new();
    d.write("mod.py", "X = 'first'\n");
    let cache = d.0.join("__pycache__/mod.gilvm-314.pyc");
    // -B and PYTHONDONTWRITEBYTECODE: nothing written.
    let o = run_caching(
        &d.0,
        &[
            "-B",
            "-c",
            "import sys, mod; print(mod.X, sys.dont_write_bytecode)",
        ],
        &[],
    );
    assert_eq!(text(&o.stdout), "first True\n", "{}", text(&o.stderr));
    let o = run_caching(
        &d.0,
        &["-c", "import mod"],
        &[("PYTHONDONTWRITEBYTECODE", "1")],
    );
    assert!(o.status.success());
    assert!(!cache.exists());
    // Written on import, with CPython's header: magic, flags 0, source mtime and size.
    let o = run_caching(
        &d.0,
        &[
            "-c",
            "import sys, mod; print(mod.X, sys.dont_write_bytecode)",
        ],
        &[],
    );
    assert_eq!(text(&o.stdout), "first False\n", "{}", text(&o.stderr));
    let data = std::fs::read(&cache).expect("cache file written");
    let meta = std::fs::metadata(d.0.join("mod.py")).unwrap();
    let word = |k: usize| u32::from_le_bytes(data[k..k + 4].try_into().unwrap());
    assert_eq!(&data[2..4], b"\r\n");
    assert_eq!(word(4), 0);
    let mtime = meta
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    assert_eq!(word(8), mtime.as_secs() as u32);
    assert_eq!(word(12), 12);
    let o = run_caching(
        &d.0,
        &["-c", "import marshal; d = open('__pycache__/mod.gilvm-314.pyc', 'rb').read(); c = marshal.loads(d[16:]); exec(c); print(X, c.co_filename.endswith('mod.py'))"],
        &[],
    );
    assert_eq!(text(&o.stdout), "first True\n", "{}", text(&o.stderr));
    // Read: a source changed with the same size and time runs the cached code.
    std::fs::write(d.0.join("mod.py"), "X = 'other'\n").unwrap();
    let f = std::fs::File::options()
        .write(true)
        .open(d.0.join("mod.py"))
        .unwrap();
    f.set_modified(meta.modified().unwrap()).unwrap();
    drop(f);
    let o = run_caching(&d.0, &["-c", "import mod; print(mod.X)"], &[]);
    assert_eq!(text(&o.stdout), "first\n", "{}", text(&o.stderr));
    // Invalidated: another size means compiling the source again (and rewriting the file).
    d.write("mod.py", "X = 'changed'\n");
    let o = run_caching(&d.0, &["-c", "import mod; print(mod.X)"], &[]);
    assert_eq!(text(&o.stdout), "changed\n", "{}", text(&o.stderr));
    let data = std::fs::read(&cache).unwrap();
    assert_eq!(u32::from_le_bytes(data[12..16].try_into().unwrap()), 14);
    // A damaged cache file is ignored (compiled again), never an error.
    let mut bad = data.clone();
    bad.truncate(40);
    std::fs::write(&cache, &bad).unwrap();
    let o = run_caching(&d.0, &["-c", "import mod; print(mod.X)"], &[]);
    assert_eq!(text(&o.stdout), "changed\n", "{}", text(&o.stderr));
    assert_eq!(std::fs::read(&cache).unwrap(), data);
    // Tracebacks of cached code quote the source.
    d.write("boom.py", "def f():\n    raise ValueError('x')\n");
    let prog = "import boom\ntry:\n    boom.f()\nexcept ValueError:\n    import traceback; traceback.print_exc()\n";
    for _ in 0..2 {
        let o = run_caching(&d.0, &["-c", prog], &[]);
        assert!(
            text(&o.stderr).contains("    raise ValueError('x')\n"),
            "{}",
            text(&o.stderr)
        );
    }
    assert!(d.0.join("__pycache__/boom.gilvm-314.pyc").exists());
}

#[test]
fn site_runs_unless_s_and_adds_user_site_packages() {
    let d = TempDir::new();
    let home = d.0.join("home");
    // The free-threaded build's directory is python3.14t (sys.abiflags), as CPython's.
    let flags = run(&["-S", "-c", "import sys; print(sys.abiflags)"], "");
    let lib = format!("python3.14{}", text(&flags.stdout).trim());
    let user_site = home.join(format!(".local/lib/{lib}/site-packages"));
    std::fs::create_dir_all(&user_site).unwrap();
    d.write("extra/extra_mod.py", "NAME = 'extra'\n");
    std::fs::write(
        user_site.join("my.pth"),
        format!("# a comment\n{}\n", d.0.join("extra").display()),
    )
    .unwrap();
    std::fs::write(user_site.join("usermod.py"), "NAME = 'user'\n").unwrap();
    let h = home.to_str().unwrap();
    let prog = "import sys, site, usermod, extra_mod\n\
                print('site' in sys.modules, usermod.NAME, extra_mod.NAME)\n\
                print(site.ENABLE_USER_SITE, site.USER_SITE == site.getusersitepackages())\n\
                print(site.USER_SITE.endswith(f'/.local/lib/python3.14{sys.abiflags}/site-packages'))\n\
                print(type(copyright).__name__, type(help).__name__, repr(exit))\n";
    let o = run_in(&d.0, &["-c", prog], "", &[("HOME", h)]);
    assert_eq!(
        text(&o.stdout),
        "True user extra\nTrue True\nTrue\n_Printer _Helper Use exit() or Ctrl-D (i.e. EOF) to exit\n",
        "{}",
        text(&o.stderr)
    );
    // -s and -I: no user site; -S: no site at all.
    for flag in ["-s", "-I"] {
        let o = run_in(
            &d.0,
            &[
                flag,
                "-c",
                "import sys; print('site' in sys.modules, any('.local' in p for p in sys.path))",
            ],
            "",
            &[("HOME", h)],
        );
        assert_eq!(
            text(&o.stdout),
            "True False\n",
            "{flag}: {}",
            text(&o.stderr)
        );
    }
    let o = run_in(
        &d.0,
        &[
            "-S",
            "-c",
            "import sys; print('site' in sys.modules, sys.flags.no_site)",
        ],
        "",
        &[("HOME", h)],
    );
    assert_eq!(text(&o.stdout), "False 1\n", "{}", text(&o.stderr));
}

#[test]
fn warning_options_apply_at_start_up() {
    let warn = "import warnings; warnings.warn('x'); print('after')";
    // -W error: the warning raises.
    let o = run(&["-W", "error", "-c", warn], "");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    assert!(
        text(&o.stderr).ends_with("\nUserWarning: x\n"),
        "{}",
        text(&o.stderr)
    );
    // A category: DeprecationWarning in __main__ shows by default, not when ignored.
    let dep = "import warnings; warnings.warn('d', DeprecationWarning); print('ok')";
    let o = run(&["-c", dep], "");
    assert_eq!(text(&o.stderr), "<string>:1: DeprecationWarning: d\n");
    let o = run(&["-W", "ignore::DeprecationWarning", "-c", dep], "");
    assert_eq!(
        (text(&o.stdout), text(&o.stderr)),
        ("ok\n".into(), "".into())
    );
    // A module: the filter applies to warnings attributed to it only.
    let rt = "import warnings; warnings.warn('r', RuntimeWarning)";
    let o = run(&["-W", "error::RuntimeWarning:__main__", "-c", rt], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).ends_with("\nRuntimeWarning: r\n"));
    let o = run(&["-W", "error::RuntimeWarning:other", "-c", rt], "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stderr), "<string>:1: RuntimeWarning: r\n");
    // Precedence: -W after PYTHONWARNINGS, the last option first.
    let env_w =
        |w: &str, args: &[&str]| run_in(&env::temp_dir(), args, "", &[("PYTHONWARNINGS", w)]);
    let o = env_w("error", &["-W", "ignore", "-c", warn]);
    assert_eq!(
        (o.status.code(), text(&o.stdout)),
        (Some(0), "after\n".into())
    );
    let o = env_w("ignore,error::UserWarning", &["-c", warn]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["-W", "error", "-W", "ignore", "-c", warn], "");
    assert_eq!((o.status.code(), text(&o.stderr)), (Some(0), "".into()));
    let o = env_w(
        "default",
        &[
            "-E",
            "-W",
            "error",
            "-c",
            "import sys; print(sys.warnoptions)",
        ],
    );
    assert_eq!(text(&o.stdout), "['error']\n");
    // Invalid options are reported once, at start-up, in CPython's words.
    let o = env_w(
        "bogus",
        &[
            "-W",
            "ignore::Foo",
            "-W",
            "a:b:c:d:e:f",
            "-W",
            "error::Warning:m:notanumber",
            "-W",
            "error::int",
            "-c",
            "pass",
        ],
    );
    assert_eq!(
        text(&o.stderr),
        "Invalid -W option ignored: invalid action: 'bogus'\n\
         Invalid -W option ignored: unknown warning category: 'Foo'\n\
         Invalid -W option ignored: too many fields (max 5): 'a:b:c:d:e:f'\n\
         Invalid -W option ignored: invalid lineno 'notanumber'\n\
         Invalid -W option ignored: invalid warning category: 'int'\n"
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn bytes_warnings() {
    let prog = "import sys; print(sys.warnoptions, sys.flags.bytes_warning)\nstr(b'')\nprint(b'' == '', bytearray() != '', b'' == 0)\nprint(str(b'x'), b'' == b'')";
    let o = run(&["-c", prog], "");
    assert_eq!(text(&o.stdout), "[] 0\nFalse True False\nb'x' True\n");
    assert_eq!(text(&o.stderr), "");
    let o = run(&["-b", "-c", prog], "");
    assert_eq!(
        text(&o.stdout),
        "['default::BytesWarning'] 1\nFalse True False\nb'x' True\n"
    );
    assert_eq!(
        text(&o.stderr),
        "<string>:2: BytesWarning: str() on a bytes instance\n\
         <string>:3: BytesWarning: Comparison between bytes and string\n\
         <string>:3: BytesWarning: Comparison between bytearray and string\n\
         <string>:3: BytesWarning: Comparison between bytes and int\n\
         <string>:4: BytesWarning: str() on a bytes instance\n"
    );
    let o = run(
        &[
            "-bb",
            "-W",
            "ignore",
            "-c",
            "b'' == ''\nprint('not reached')",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    assert!(text(&o.stderr).ends_with("\nBytesWarning: Comparison between bytes and string\n"));
}

#[test]
fn script_directory_is_the_real_one() {
    let d = TempDir::new();
    d.write("real/s.py", "import sys; print(sys.path[0])\n");
    std::os::unix::fs::symlink(d.0.join("real/s.py"), d.0.join("link.py")).unwrap();
    std::os::unix::fs::symlink(d.0.join("real"), d.0.join("rd")).unwrap();
    let real = std::fs::canonicalize(d.0.join("real")).unwrap();
    let real = format!("{}\n", real.display());
    for script in ["real/s.py", "link.py", "rd/s.py"] {
        let o = run_in(&d.0, &[script], "", &[]);
        assert_eq!(text(&o.stdout), real, "{script}: {}", text(&o.stderr));
    }
    let o = run_in(&d.0.join("real"), &["s.py"], "", &[]);
    assert_eq!(text(&o.stdout), real);
    // -P: no script directory in front.
    let o = run_in(&d.0, &["-P", "link.py"], "", &[]);
    assert_ne!(text(&o.stdout), real);
}

#[test]
fn unittest_and_json_tool_modules() {
    let d = TempDir::new();
    d.write(
        "test_thing.py",
        "import unittest\n\nclass T(unittest.TestCase):\n    def test_ok(self):\n        self.assertEqual(1 + 1, 2)\n\n    def test_bad(self):\n        self.assertEqual([1, 2], [1, 3])\n",
    );
    let o = run_in(&d.0, &["-m", "unittest", "test_thing"], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    let err: String = text(&o.stderr)
        .lines()
        .map(|l| {
            if l.starts_with("Ran 2 tests in ") {
                "Ran 2 tests in T"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let file = d.0.join("test_thing.py");
    assert_eq!(
        err,
        format!(
            "F.\n\
             ======================================================================\n\
             FAIL: test_bad (test_thing.T.test_bad)\n\
             ----------------------------------------------------------------------\n\
             Traceback (most recent call last):\n  \
             File \"{}\", line 8, in test_bad\n    \
             self.assertEqual([1, 2], [1, 3])\n    \
             ~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^\n\
             AssertionError: Lists differ: [1, 2] != [1, 3]\n\nFirst differing element 1:\n2\n3\n\n\
             - [1, 2]\n?     ^\n\n+ [1, 3]\n?     ^\n\n\n\
             ----------------------------------------------------------------------\n\
             Ran 2 tests in T\n\nFAILED (failures=1)",
            file.display()
        )
    );
    let o = run_in(
        &d.0,
        &["-m", "unittest", "-q", "test_thing.T.test_ok"],
        "",
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));

    let o = run(
        &["-m", "json.tool", "--sort-keys"],
        "{\"b\": [1, 2], \"a\": null, \"c\": \"\\u00e9\"}\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        "{\n    \"a\": null,\n    \"b\": [\n        1,\n        2\n    ],\n    \"c\": \"\\u00e9\"\n}\n"
    );
    let o = run(&["-m", "json.tool"], "{\"b\": 1,\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "Expecting property name enclosed in double quotes: line 2 column 1 (char 9)\n"
    );
}

#[test]
fn verbose_traces_imports() {
    let o = run(&["-v", "-c", "import json"], "");
    let err = text(&o.stderr);
    let at = |line: &str| {
        err.lines()
            .position(|l| l.starts_with(line))
            .unwrap_or_else(|| panic!("no {line:?} in:\n{err}"))
    };
    // Each module once it has run: a package after the submodules its body imports.
    assert!(at("import 'json.decoder' # ") < at("import 'json' # "));
    assert!(at("import 'json.scanner' # ") < at("import 'json.decoder' # "));
    let o = run(&["-c", "import json"], "");
    assert_eq!(text(&o.stderr), "");
}
