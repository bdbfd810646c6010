//! The Python corpus: runs every `tests/corpus/**/*.py` program with the
//! gilvm interpreter and compares the results with the expectations that
//! CPython produced (see `tests/regen_expected.py`).
//!
//! For a program `<dir>/<name>.py` the runner starts `gilvm <name>.py` with
//! `<dir>` as working directory and stdin closed (`/dev/null`), then checks:
//!
//! * stdout must equal `<name>.out` byte for byte;
//! * stderr must equal `<name>.err` (a missing `.err` means "stderr must be
//!   empty"), after normalising both sides: the program's absolute directory
//!   is removed (CPython prints `File "/abs/dir/<name>.py"`, the expectations
//!   say `File "<name>.py"`); the position markers under a traceback line
//!   (`~~~^^^`) are compared like any other line;
//! * the exit status must equal `<name>.code` (decimal; missing means 0);
//! * programs with a `<name>.nocheck` marker only have to exit with status 0,
//!   their output is not compared.
//!
//! Files whose name starts with `_` are helpers, not programs, and directories holding an
//! `__init__.py` are packages imported by a program next to them (not searched).
//!
//! Programs run in parallel, each with a timeout (the child is killed when it
//! expires). All failures are reported together, each with the first differing
//! lines, followed by `corpus: N passed, M failed`; the test fails if M > 0.
//!
//! Environment variables:
//!
//! * `GILVM_BIN`: interpreter to run (default: the `gilvm` binary of this
//!   package). A bare name such as `python3` is looked up in `PATH`, which is
//!   how the corpus itself is validated against CPython.
//! * `GILVM_CORPUS_FILTER`: only run programs whose path relative to
//!   `tests/corpus` (with `/` separators, e.g. `errors/key_error.py`) contains
//!   the given substring; several alternatives can be separated by commas.
//! * `GILVM_CHILD_ENV`: `K=V,K2=V2` extra environment variables set for every
//!   interpreter process (e.g. `GILVM_CHILD_ENV=PYTHON_GIL=1`).
//! * `GILVM_CORPUS_TIMEOUT`: per-program timeout in seconds (default 120).
//! * `GILVM_CORPUS_JOBS`: number of programs run at once (default: the
//!   available parallelism).

use std::collections::VecDeque;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const DEFAULT_TIMEOUT_SECS: u64 = 120;
/// Output beyond this many bytes per stream is drained but not kept.
const MAX_CAPTURE: usize = 16 << 20;
/// Lines shown around the first difference.
const CONTEXT_BEFORE: usize = 3;
const DIFF_LINES: usize = 6;
const MAX_LINE_CHARS: usize = 240;

struct Config {
    interpreter: PathBuf,
    child_env: Vec<(String, String)>,
    timeout: Duration,
}

struct Program {
    /// Absolute path of the `.py` file.
    path: PathBuf,
    /// Path relative to the corpus root, with `/` separators.
    rel: String,
}

struct Outcome {
    rel: String,
    elapsed: Duration,
    /// `None` when the program passed, otherwise the failure report.
    failure: Option<String>,
}

#[test]
fn corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus");
    let config = Arc::new(Config {
        interpreter: interpreter(),
        child_env: child_env(),
        timeout: Duration::from_secs(env_number("GILVM_CORPUS_TIMEOUT", DEFAULT_TIMEOUT_SECS)),
    });

    check_interpreter_exists(&config.interpreter);

    let mut programs = Vec::new();
    collect_programs(&root, &root, &mut programs);
    let filters: Vec<String> = env::var("GILVM_CORPUS_FILTER")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if !filters.is_empty() {
        programs.retain(|p| filters.iter().any(|f| p.rel.contains(f.as_str())));
    }
    if programs.is_empty() {
        panic!(
            "corpus: no programs found under {} (GILVM_CORPUS_FILTER={:?})",
            root.display(),
            filters
        );
    }
    // Start the long-running seed programs first so that they overlap with
    // the many short ones instead of finishing last.
    programs.sort_by(|a, b| {
        (!a.rel.starts_with("seeds/"), &a.rel).cmp(&(!b.rel.starts_with("seeds/"), &b.rel))
    });

    let default_jobs = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let jobs =
        (env_number("GILVM_CORPUS_JOBS", default_jobs as u64) as usize).clamp(1, programs.len());
    println!(
        "corpus: running {} programs with {} ({} jobs, timeout {} s{})",
        programs.len(),
        config.interpreter.display(),
        jobs,
        config.timeout.as_secs(),
        if config.child_env.is_empty() {
            String::new()
        } else {
            format!(", env {:?}", config.child_env)
        }
    );

    let total = programs.len();
    let queue = Arc::new(Mutex::new(programs.into_iter().collect::<VecDeque<_>>()));
    let (tx, rx) = mpsc::channel::<Outcome>();
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let queue = Arc::clone(&queue);
            let config = Arc::clone(&config);
            let tx = tx.clone();
            thread::spawn(move || loop {
                let next = queue.lock().unwrap().pop_front();
                let Some(program) = next else { break };
                let start = Instant::now();
                let failure = check_program(&config, &program);
                let outcome = Outcome {
                    rel: program.rel,
                    elapsed: start.elapsed(),
                    failure,
                };
                if tx.send(outcome).is_err() {
                    break;
                }
            })
        })
        .collect();
    drop(tx);

    let mut outcomes = Vec::with_capacity(total);
    for outcome in rx {
        println!(
            "{} {} ({:.2} s)",
            if outcome.failure.is_none() {
                "ok  "
            } else {
                "FAIL"
            },
            outcome.rel,
            outcome.elapsed.as_secs_f64()
        );
        outcomes.push(outcome);
    }
    for worker in workers {
        worker.join().expect("corpus worker thread panicked");
    }
    assert_eq!(
        outcomes.len(),
        total,
        "corpus: some programs produced no result"
    );

    outcomes.sort_by(|a, b| a.rel.cmp(&b.rel));
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| o.failure.is_some()).collect();
    let mut report = String::new();
    for outcome in &failed {
        let _ = writeln!(report, "\n---- FAIL {} ----", outcome.rel);
        report.push_str(outcome.failure.as_deref().unwrap_or_default());
    }
    if !failed.is_empty() {
        let _ = writeln!(report, "\nfailed programs:");
        for outcome in &failed {
            let _ = writeln!(report, "    {}", outcome.rel);
        }
    }
    let _ = writeln!(
        report,
        "\ncorpus: {} passed, {} failed",
        total - failed.len(),
        failed.len()
    );
    print!("{report}");
    if !failed.is_empty() {
        panic!(
            "corpus: {} of {} programs failed (see the report above)",
            failed.len(),
            total
        );
    }
}

/// The interpreter to test: `GILVM_BIN`, else this package's `gilvm` binary.
fn interpreter() -> PathBuf {
    if let Some(bin) = env::var_os("GILVM_BIN").filter(|b| !b.is_empty()) {
        let bin = PathBuf::from(bin);
        // Programs run in their own directory: make a relative path with a
        // directory part absolute. A bare name is looked up in PATH.
        if bin.is_relative() && bin.components().count() > 1 {
            return env::current_dir().expect("current directory").join(bin);
        }
        return bin;
    }
    match option_env!("CARGO_BIN_EXE_gilvm") {
        Some(bin) => PathBuf::from(bin),
        None => panic!("corpus: set GILVM_BIN to the interpreter to test"),
    }
}

fn check_interpreter_exists(bin: &Path) {
    if bin.components().count() > 1 && !bin.exists() {
        panic!("corpus: interpreter {} does not exist", bin.display());
    }
}

/// Parses `GILVM_CHILD_ENV="K=V,K2=V2"`.
fn child_env() -> Vec<(String, String)> {
    let spec = env::var("GILVM_CHILD_ENV").unwrap_or_default();
    spec.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| match item.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => (k.trim().to_string(), v.to_string()),
            _ => panic!("corpus: GILVM_CHILD_ENV items must look like KEY=VALUE, got {item:?}"),
        })
        .collect()
}

fn env_number(name: &str, default: u64) -> u64 {
    match env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("corpus: {name} must be a number, got {v:?}")),
        _ => default,
    }
}

fn collect_programs(root: &Path, dir: &Path, out: &mut Vec<Program>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("corpus: cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if path.is_dir() {
            // A package directory (with `__init__.py`) holds modules imported by a driver
            // program next to it, not programs.
            if !path.join("__init__.py").exists() {
                collect_programs(root, &path, out);
            }
        } else if name.ends_with(".py") {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push(Program { path, rel });
        }
    }
}

struct RunResult {
    /// `None` if the program was killed because of the timeout.
    status: Option<ExitStatus>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    notes: Vec<String>,
}

/// Runs one program and compares it with its expectations.
fn check_program(config: &Config, program: &Program) -> Option<String> {
    let dir = program.path.parent().unwrap();
    let file_name = program.path.file_name().unwrap();
    let sibling = |ext: &str| program.path.with_extension(ext);
    let nocheck = sibling("nocheck").exists();

    let mut report = String::new();
    let _ = writeln!(
        report,
        "  command: (cd {} && {} {})",
        dir.display(),
        config.interpreter.display(),
        file_name.to_string_lossy()
    );

    let run = match run_with_timeout(config, dir, file_name.as_ref()) {
        Ok(run) => run,
        Err(e) => {
            let _ = writeln!(report, "  could not start the interpreter: {e}");
            return Some(report);
        }
    };
    let mut failed = false;
    for note in &run.notes {
        let _ = writeln!(report, "  note: {note}");
    }

    let Some(status) = run.status else {
        let _ = writeln!(
            report,
            "  TIMEOUT: killed after {} s",
            config.timeout.as_secs()
        );
        append_tail(&mut report, "stdout", &run.stdout);
        append_tail(&mut report, "stderr", &run.stderr);
        return Some(report);
    };

    let expected_code = if nocheck {
        Ok(0)
    } else {
        match fs::read_to_string(sibling("code")) {
            Ok(text) => text
                .trim()
                .parse::<i32>()
                .map_err(|_| format!("invalid .code file content {text:?}")),
            Err(_) => Ok(0),
        }
    };
    match (expected_code, status.code()) {
        (Err(msg), _) => {
            failed = true;
            let _ = writeln!(report, "  {msg}");
        }
        (Ok(want), Some(got)) if want == got => {}
        (Ok(want), got) => {
            failed = true;
            let got = match got {
                Some(code) => code.to_string(),
                None => describe_signal(&status),
            };
            let _ = writeln!(report, "  exit status: expected {want}, got {got}");
        }
    }

    if nocheck {
        if failed {
            append_tail(&mut report, "stderr", &run.stderr);
        }
        return failed.then_some(report);
    }

    match fs::read(sibling("out")) {
        Ok(expected) => {
            if expected != run.stdout {
                failed = true;
                let _ = writeln!(
                    report,
                    "  stdout differs from {}:",
                    rel_sibling(program, "out")
                );
                report.push_str(&diff(&split_lines(&expected), &split_lines(&run.stdout)));
            }
        }
        Err(_) => {
            failed = true;
            let _ = writeln!(
                report,
                "  missing {} (regenerate with `python3 tests/regen_expected.py tests/corpus/{}`)",
                rel_sibling(program, "out"),
                program.rel
            );
        }
    }

    let expected_err = fs::read(sibling("err")).unwrap_or_default();
    let want = normalize_stderr(&expected_err, dir);
    let got = normalize_stderr(&run.stderr, dir);
    if want != got {
        failed = true;
        if expected_err.is_empty() {
            let _ = writeln!(report, "  stderr should be empty, got:");
            report.push_str(&diff(&[], &got));
        } else {
            let _ = writeln!(
                report,
                "  stderr differs from {} (directory prefix ignored):",
                rel_sibling(program, "err")
            );
            report.push_str(&diff(&want, &got));
        }
    }

    failed.then_some(report)
}

fn rel_sibling(program: &Program, ext: &str) -> String {
    format!(
        "{}.{}",
        program.rel.strip_suffix(".py").unwrap_or(&program.rel),
        ext
    )
}

fn run_with_timeout(config: &Config, dir: &Path, file_name: &Path) -> std::io::Result<RunResult> {
    let mut command = Command::new(&config.interpreter);
    command
        .arg(file_name)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in &config.child_env {
        command.env(key, value);
    }
    let mut child = command.spawn()?;
    let stdout_rx = spawn_reader(child.stdout.take().unwrap());
    let stderr_rx = spawn_reader(child.stderr.take().unwrap());

    let status = wait_with_deadline(&mut child, Instant::now() + config.timeout);

    let mut notes = Vec::new();
    let mut collect = |rx: mpsc::Receiver<(Vec<u8>, bool)>, name: &str| -> Vec<u8> {
        // The pipe closes when the process exits, unless a grandchild still
        // holds it: do not wait for that forever.
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok((data, truncated)) => {
                if truncated {
                    notes.push(format!("{name} truncated to its first {MAX_CAPTURE} bytes"));
                }
                data
            }
            Err(_) => {
                notes.push(format!("{name} still open 10 s after the process ended"));
                Vec::new()
            }
        }
    };
    let stdout = collect(stdout_rx, "stdout");
    let stderr = collect(stderr_rx, "stderr");
    Ok(RunResult {
        status,
        stdout,
        stderr,
        notes,
    })
}

/// Reads a pipe to its end on a separate thread; keeps at most MAX_CAPTURE bytes.
fn spawn_reader(mut pipe: impl Read + Send + 'static) -> mpsc::Receiver<(Vec<u8>, bool)> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut data = Vec::new();
        let mut truncated = false;
        let mut buf = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = MAX_CAPTURE.saturating_sub(data.len());
                    if n > room {
                        truncated = true;
                    }
                    data.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send((data, truncated));
    });
    rx
}

/// Waits for the child; kills it at the deadline. `None` means timed out.
fn wait_with_deadline(child: &mut Child, deadline: Instant) -> Option<ExitStatus> {
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => {}
            Err(_) => return child.wait().ok(),
        }
        let now = Instant::now();
        if now >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(25));
    }
}

#[cfg(unix)]
fn describe_signal(status: &ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(sig) => format!(
            "termination by signal {sig}{}",
            if status.core_dumped() {
                " (core dumped)"
            } else {
                ""
            }
        ),
        None => format!("{status}"),
    }
}

#[cfg(not(unix))]
fn describe_signal(status: &ExitStatus) -> String {
    format!("{status}")
}

/// Splits into lines; a final newline yields a last empty element, so that a
/// missing or extra final newline shows up as a difference.
fn split_lines(data: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(data)
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// stderr normalisation: remove the program's absolute directory (CPython
/// prints absolute script paths).
fn normalize_stderr(data: &[u8], dir: &Path) -> Vec<String> {
    let mut text = String::from_utf8_lossy(data).into_owned();
    let mut prefixes = vec![dir.to_path_buf()];
    if let Ok(canonical) = dir.canonicalize() {
        prefixes.push(canonical);
    }
    for prefix in prefixes {
        let mut prefix = prefix.to_string_lossy().into_owned();
        if !prefix.ends_with(std::path::MAIN_SEPARATOR) {
            prefix.push(std::path::MAIN_SEPARATOR);
        }
        text = text.replace(&prefix, "");
    }
    text.split('\n').map(str::to_string).collect()
}

/// A short report of the first difference between two line lists: a few
/// lines of context, then the differing block of each side (up to the point
/// where both sides agree again, or at most DIFF_LINES lines).
fn diff(expected: &[String], actual: &[String]) -> String {
    let mut out = String::new();
    let first = expected
        .iter()
        .zip(actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let _ = writeln!(
        out,
        "    first difference at line {} (expected {} lines, got {}; `-` expected, `+` actual):",
        first + 1,
        count_lines(expected),
        count_lines(actual)
    );
    for line in &expected[first.saturating_sub(CONTEXT_BEFORE)..first] {
        let _ = writeln!(out, "        {}", clip(line));
    }
    let (exp_rest, act_rest) = (&expected[first..], &actual[first..]);
    let (exp_len, act_len, resync) = match resync_point(exp_rest, act_rest) {
        Some((i, j)) => (i, j, true),
        None => (
            exp_rest.len().min(DIFF_LINES),
            act_rest.len().min(DIFF_LINES),
            false,
        ),
    };
    let show = |out: &mut String, sign: char, all: &[String], n: usize| {
        let rest = &all[first..];
        if rest.is_empty() {
            let ending = match all.last() {
                Some(last) if !last.is_empty() => "<end of output, without a final newline>",
                _ => "<end of output>",
            };
            let _ = writeln!(out, "      {sign} {ending}");
        }
        for (k, line) in rest[..n].iter().enumerate() {
            if line.is_empty() && first + k + 1 == all.len() {
                let _ = writeln!(out, "      {sign} <end of output>");
            } else {
                let _ = writeln!(out, "      {sign} {:?}", clip(line));
            }
        }
        if !resync && rest.len() > n {
            let _ = writeln!(
                out,
                "      {sign} ... {} more lines",
                count_lines(rest) - n.min(count_lines(rest))
            );
        }
    };
    show(&mut out, '-', expected, exp_len);
    show(&mut out, '+', actual, act_len);
    if resync && first + exp_len + 1 < expected.len() {
        let _ = writeln!(out, "        {}", clip(&expected[first + exp_len]));
        let later = (first + exp_len + 1..expected.len())
            .zip(first + act_len + 1..actual.len())
            .any(|(i, j)| expected[i] != actual[j])
            || expected.len() - exp_len != actual.len() - act_len;
        if later {
            let _ = writeln!(out, "        ... (more differences further on)");
        }
    }
    out
}

/// Smallest (i, j), both at most DIFF_LINES, such that `exp[i..]` and
/// `act[j..]` start with the same 2 lines (or are the same short tail).
fn resync_point(exp: &[String], act: &[String]) -> Option<(usize, usize)> {
    const AGREE: usize = 2;
    for total in 1..=2 * DIFF_LINES {
        for i in total.saturating_sub(DIFF_LINES)..=total.min(DIFF_LINES) {
            let j = total - i;
            if i > exp.len() || j > act.len() {
                continue;
            }
            let (e, a) = (&exp[i..], &act[j..]);
            let n = AGREE.min(e.len()).min(a.len());
            let agree = if n < AGREE { e == a } else { e[..n] == a[..n] };
            if agree {
                return Some((i, j));
            }
        }
    }
    None
}

/// Number of lines, not counting the empty element after a final newline.
fn count_lines(lines: &[String]) -> usize {
    match lines.last() {
        Some(last) if last.is_empty() => lines.len() - 1,
        _ => lines.len(),
    }
}

fn clip(line: &str) -> String {
    if line.chars().count() <= MAX_LINE_CHARS {
        line.to_string()
    } else {
        let mut s: String = line.chars().take(MAX_LINE_CHARS).collect();
        s.push_str("...");
        s
    }
}

fn append_tail(report: &mut String, name: &str, data: &[u8]) {
    let lines = split_lines(data);
    let shown = count_lines(&lines);
    if shown == 0 {
        let _ = writeln!(report, "  {name}: <empty>");
        return;
    }
    let start = shown.saturating_sub(10);
    let _ = writeln!(report, "  last {} lines of {name}:", shown - start);
    for line in &lines[start..shown] {
        let _ = writeln!(report, "        {}", clip(line));
    }
}
