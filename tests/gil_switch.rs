//! Turning the GIL on at run time: importing a native module that declares it needs the GIL
//! (`_gilvm_legacy`) on the free-threaded build, in each `PYTHON_GIL` / `-X gil` setting.
//! Programs are in `tests/gil_switch/`. Each case runs several times (the switch stops a
//! world of running, sleeping and blocked threads; a lost wake-up would hang, caught by the
//! timeout).
//!
//! `GILVM_BIN` selects the interpreter (default: this package's `gilvm`).
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const TIMEOUT: Duration = Duration::from_secs(60);
const WARNING: &str = "<frozen importlib._bootstrap>:488: RuntimeWarning: The global \
interpreter lock (GIL) has been enabled to load module '_gilvm_legacy', which has not declared \
that it can run safely without the GIL. To override this behavior and keep the GIL disabled \
(at your own risk), run with PYTHON_GIL=0 or -X gil=0.\n";

fn interpreter() -> PathBuf {
    match std::env::var_os("GILVM_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_gilvm")),
    }
}

fn free_threaded(bin: &Path) -> bool {
    let out = Command::new(bin).arg("-V").output().expect("run gilvm -V");
    String::from_utf8_lossy(&out.stdout).contains("free-threading")
}

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gil_switch")
        .join(name)
}

/// Runs `gilvm [xargs] prog` with `PYTHON_GIL` set to `env_gil` (None: unset); returns
/// (status, stdout, stderr), failing the test on a timeout.
fn run(env_gil: Option<&str>, xargs: &[&str], prog: &str) -> (i32, String, String) {
    let mut cmd = Command::new(interpreter());
    cmd.args(xargs).arg(program(prog));
    cmd.env_remove("PYTHON_GIL");
    if let Some(v) = env_gil {
        cmd.env("PYTHON_GIL", v);
    }
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null());
    let mut child = cmd.spawn().expect("spawn gilvm");
    let start = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().expect("wait") {
            break;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("{prog} (PYTHON_GIL={env_gil:?}, {xargs:?}) did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(env_gil: Option<&str>, xargs: &[&str], stdout: &str, stderr: &str) {
    for _ in 0..RUNS {
        let (code, out, err) = run(env_gil, xargs, "enable_on_import.py");
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (0, stdout, stderr),
            "PYTHON_GIL={env_gil:?} {xargs:?}"
        );
    }
}

#[test]
fn needs_gil_module_turns_the_gil_on_when_unset() {
    if free_threaded(&interpreter()) {
        check(
            None,
            &[],
            "before False None\nafter True None\nspinners ran True\ncount 100000\n",
            WARNING,
        );
    } else {
        check(
            None,
            &[],
            "before True 1\nafter True 1\nspinners ran True\ncount 100000\n",
            "",
        );
    }
}

#[test]
fn python_gil_0_keeps_the_gil_off() {
    if !free_threaded(&interpreter()) {
        return; // PYTHON_GIL=0 is a fatal error on the GIL build (tested by the CLI tests)
    }
    let want = "before False 0\nafter False 0\nspinners ran True\ncount racy\n";
    check(Some("0"), &[], want, "");
    check(None, &["-X", "gil=0"], want, "");
    // The command line wins over the environment.
    check(Some("1"), &["-X", "gil=0"], want, "");
}

#[test]
fn python_gil_1_needs_no_switch() {
    let want = "before True 1\nafter True 1\nspinners ran True\ncount 100000\n";
    check(Some("1"), &[], want, "");
    if free_threaded(&interpreter()) {
        check(Some("0"), &["-X", "gil=1"], want, "");
    }
}

#[test]
fn concurrent_imports_switch_once() {
    let ft = free_threaded(&interpreter());
    for _ in 0..(RUNS * 4) {
        let (code, out, err) = run(None, &[], "concurrent_import.py");
        assert_eq!((code, out.as_str()), (0, "enabled True\n"), "stderr: {err}");
        let want = if ft { WARNING } else { "" };
        assert_eq!(err, want, "the warning is printed exactly once");
    }
}
