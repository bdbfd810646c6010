//! The interpreters being compared ("variants") and how to run one program on one of them.
//!
//! A variant is a binary plus the environment it runs with. gilvm-compare knows nothing of
//! the VM: it starts each variant as a child process, feeds it a script path and arguments,
//! and reads its standard output.
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
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

    /// Runs `script args…` once, timing the child with a wall clock from spawn to exit.
    pub fn run(&self, script: &Path, args: &[String]) -> RunOutcome {
        let mut cmd = self.command();
        cmd.arg(script).args(args).stdin(Stdio::null());
        let start = Instant::now();
        let out = cmd.output();
        let wall = start.elapsed().as_secs_f64();
        match out {
            Err(e) => {
                RunOutcome::Failed(format!("could not start {}: {e}", self.program.display()))
            }
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
                    wall,
                    elapsed,
                    stdout: checked,
                }
            }
        }
    }
}

/// What one run produced.
#[derive(Clone, Debug)]
pub enum RunOutcome {
    Ok {
        /// Wall-clock seconds of the whole child process (start-up included).
        wall: f64,
        /// The program's own `ELAPSED <seconds>` line, if it printed one.
        elapsed: Option<f64>,
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
}
