//! The interpreters being compared ("variants") and how to run one program on one of them.
//!
//! A variant is a binary plus the environment it runs with. gilvm-compare knows nothing of
//! the VM: it starts each variant as a child process, feeds it a script path and arguments,
//! and reads its standard output, its wall-clock time and its peak resident set size (from
//! `wait4`, so measured from outside the interpreter).
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::Instant;

/// One interpreter configuration.
#[derive(Clone, Debug)]
pub struct Variant {
    /// Short name used in tables and the chart ("GIL", "FT", "FT+PYTHON_GIL=1", "CPython 3.11.7").
    pub name: String,
    /// The binary.
    pub program: PathBuf,
    /// Value of `PYTHON_GIL` for the child (`None`: removed from the environment).
    pub python_gil: Option<&'static str>,
    /// Whether this is a gilvm build (as opposed to a CPython).
    pub is_gilvm: bool,
    /// First line of `program -V` (or `--version`).
    pub version: String,
}

impl Variant {
    /// A gilvm build.
    pub fn gilvm(name: &str, program: &Path, python_gil: Option<&'static str>) -> Variant {
        let mut v = Variant {
            name: name.to_string(),
            program: program.to_path_buf(),
            python_gil,
            is_gilvm: true,
            version: String::new(),
        };
        v.version = v.query_version();
        v
    }

    /// A CPython found at `program` (a path or a name looked up on PATH). The name shown is
    /// "CPython X.Y.Z" from its `--version`, with a `t` suffix for free-threaded builds.
    pub fn cpython(program: &Path) -> Option<Variant> {
        let mut v = Variant {
            name: String::new(),
            program: program.to_path_buf(),
            python_gil: None,
            is_gilvm: false,
            version: String::new(),
        };
        v.version = v.query_version();
        if v.version.is_empty() {
            return None;
        }
        let ver = v.version.trim_start_matches("Python ").trim().to_string();
        // Resolve launchers (e.g. pyenv shims, which cost tens of ms per start) to the real
        // executable, and ask whether this is a free-threaded build.
        let probe = "import sys, sysconfig; print(sys.executable); \
                     print(bool(sysconfig.get_config_var('Py_GIL_DISABLED')))";
        let out = v
            .command()
            .args(["-c", probe])
            .stderr(Stdio::null())
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default();
        let mut lines = out.lines();
        if let Some(exe) = lines.next().map(PathBuf::from) {
            if exe.is_file() {
                v.program = exe;
            }
        }
        let ft = lines.next() == Some("True");
        v.name = format!("CPython {ver}{}", if ft { "t" } else { "" });
        Some(v)
    }

    fn query_version(&self) -> String {
        let out = self
            .command()
            .arg("--version")
            .stderr(Stdio::piped())
            .output();
        match out {
            Ok(o) if o.status.success() => {
                let s = String::from_utf8_lossy(&o.stdout).to_string()
                    + &String::from_utf8_lossy(&o.stderr);
                s.lines().next().unwrap_or("").trim().to_string()
            }
            _ => String::new(),
        }
    }

    /// A command for this variant with its environment set.
    pub fn command(&self) -> Command {
        let mut c = Command::new(&self.program);
        match self.python_gil {
            Some(v) => c.env("PYTHON_GIL", v),
            None => c.env_remove("PYTHON_GIL"),
        };
        c
    }

    /// Runs `script args…` once, timing the child with a wall clock from spawn to exit and
    /// reading its peak RSS when it is reaped. `env` adds variables to the child's
    /// environment.
    pub fn run(&self, script: &Path, args: &[String], env: &[(String, String)]) -> RunOutcome {
        let mut cmd = self.command();
        cmd.arg(script).args(args).stdin(Stdio::null());
        cmd.envs(env.iter().map(|(k, v)| (k, v)));
        match run_child(cmd) {
            Err(e) => RunOutcome::Failed(format!("could not run {}: {e}", self.program.display())),
            Ok(o) if !o.status.success() => {
                let err = String::from_utf8_lossy(&o.stderr);
                let tail: Vec<&str> = err.lines().rev().take(3).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                RunOutcome::Failed(format!("{}: {}", o.status, tail.join(" / ")))
            }
            Ok(o) => {
                let stdout = String::from_utf8_lossy(&o.stdout).to_string();
                let (checked, elapsed) = split_elapsed(&stdout);
                RunOutcome::Ok {
                    sample: Sample {
                        wall: o.wall,
                        cpu: o.cpu,
                        elapsed,
                        peak_rss: o.peak_rss,
                    },
                    stdout: checked,
                }
            }
        }
    }
}

/// A finished child process.
struct Finished {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    wall: f64,
    /// User plus system CPU seconds of the child.
    cpu: f64,
    peak_rss: u64,
}

/// Runs `cmd` to completion like `Command::output`, but reaps the child with `wait4` to get
/// its resource usage: the wall-clock time from spawn to exit and the peak RSS.
///
/// The peak (`ru_maxrss`) is the largest resident set the process had, including the
/// image before its `exec` (here the spawning side, a few MB) and any children it reaped
/// (a launcher script's own commands): the interpreter's own peak as soon as it exceeds
/// those, which every memory-suite point does.
fn run_child(mut cmd: Command) -> std::io::Result<Finished> {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    // Both pipes are drained while the child runs (one on a thread), so that it never
    // blocks on a full pipe.
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let mut stdout = Vec::new();
    let read = child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_to_end(&mut stdout);
    // Reaped here, not through `child`, whose drop neither waits nor kills.
    let waited = wait4(child.id());
    let wall = start.elapsed().as_secs_f64();
    let stderr = err_reader.join().unwrap_or_default();
    read?;
    let (status, maxrss_kib, cpu) = waited?;
    Ok(Finished {
        status,
        stdout,
        stderr,
        wall,
        cpu,
        peak_rss: maxrss_kib.saturating_mul(1024),
    })
}

/// Waits for the child `pid` and returns its exit status, `ru_maxrss` (KiB on Linux) and
/// its user plus system CPU seconds.
fn wait4(pid: u32) -> std::io::Result<(ExitStatus, u64, f64)> {
    let pid = pid as libc::pid_t;
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `rusage` is plain data, for which all-zero bytes are a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: both pointers are to live locals of the right types; `pid` is our own
        // unreaped child.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            return Ok((
                ExitStatus::from_raw(status),
                u64::try_from(usage.ru_maxrss).unwrap_or(0),
                secs(usage.ru_utime) + secs(usage.ru_stime),
            ));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// What one successful run measured.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Wall-clock seconds of the whole child process (start-up included).
    pub wall: f64,
    /// CPU seconds (user plus system) of the child.
    pub cpu: f64,
    /// The program's own `ELAPSED <seconds>` line, if it printed one.
    pub elapsed: Option<f64>,
    /// Peak resident set size of the child in bytes (`ru_maxrss` from `wait4`).
    pub peak_rss: u64,
}

/// What one run produced.
#[derive(Clone, Debug)]
pub enum RunOutcome {
    Ok {
        sample: Sample,
        /// Standard output without `ELAPSED` lines (compared across variants).
        stdout: String,
    },
    Failed(String),
}

/// Splits `ELAPSED <secs>` lines (timings, which differ between runs) from the rest.
pub fn split_elapsed(stdout: &str) -> (String, Option<f64>) {
    let mut rest = String::new();
    let mut elapsed = None;
    for line in stdout.lines() {
        if let Some(v) = line.strip_prefix("ELAPSED ") {
            elapsed = v.trim().parse().ok();
        } else {
            rest.push_str(line);
            rest.push('\n');
        }
    }
    (rest, elapsed)
}

/// Looks `name` up on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    let p = Path::new(name);
    if p.components().count() > 1 {
        return p.is_file().then(|| p.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|c| c.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_lines_are_split_off() {
        let (rest, e) = split_elapsed("a\nELAPSED 0.250000\nb\n");
        assert_eq!(rest, "a\nb\n");
        assert_eq!(e, Some(0.25));
        assert_eq!(split_elapsed("x\n").1, None);
    }

    #[test]
    fn a_child_is_reaped_with_its_output_status_and_a_peak() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let f = run_child(cmd).unwrap();
        assert_eq!(f.stdout, b"out\n");
        assert_eq!(f.stderr, b"err\n");
        assert_eq!(f.status.code(), Some(3));
        assert!(f.peak_rss > 0);
        assert!(run_child(Command::new("/nonexistent/gilvm")).is_err());
    }
}
