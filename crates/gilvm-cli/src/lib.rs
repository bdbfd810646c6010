//! The `gilvm` command line: `gilvm script.py [args…]`, `gilvm -c "code"`, `gilvm -V`,
//! `-X name[=value]` options, and the `PYTHON_GIL` environment variable.
//!
//! Observability (see `docs/observability.md`): `-X gilstats` / `GILVM_STATS=1` print
//! contention statistics at exit, `-X trace=FILE.json` writes a timeline,
//! `-X trace-ascii[=FROM_MS:TO_MS]` prints it as text at exit, and
//! `gilvm trace-summary FILE.json [--from MS --to MS --width N]` draws a written one. The
//! subcommand word is recognised only as the first argument and only when no file named
//! `trace-summary` exists in the current directory (then that script runs, as CPython would).
use clap::Parser;

mod summary;

use gilvm_vm::{Config, Vm};

/// A Python virtual machine whose locking strategy is chosen at build time.
#[derive(Parser, Debug)]
#[command(name = "gilvm", disable_version_flag = true, trailing_var_arg = true)]
struct Cli {
    /// Program passed in as a string (terminates the option list).
    #[arg(short = 'c', value_name = "cmd", allow_hyphen_values = true)]
    command: Option<String>,
    /// Print the version (and which build) and exit.
    #[arg(short = 'V', long = "version")]
    version: bool,
    /// Implementation-specific options: `-X gil=0|1`, …
    #[arg(short = 'X', value_name = "opt")]
    xoptions: Vec<String>,
    /// The script to run, followed by its arguments.
    #[arg(value_name = "file", allow_hyphen_values = true)]
    args: Vec<String>,
}

/// Which build this is, as `gilvm -V` prints it.
pub fn version_string() -> String {
    let build = if gilvm_vm::gilctl_build_is_free_threaded() {
        " (free-threading build)"
    } else {
        " (GIL build)"
    };
    format!(
        "gilvm {}{build}, Python 3.13 compatible",
        env!("CARGO_PKG_VERSION")
    )
}

fn parse_gil(v: &str) -> Result<bool, String> {
    match v {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err("PYTHON_GIL / -X gil must be \"0\" or \"1\"".into()),
    }
}

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("trace-summary")
        && !std::path::Path::new("trace-summary").exists()
    {
        return summary::main(&argv[2..]);
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if cli.version {
        println!("{}", version_string());
        return 0;
    }
    let mut config = Config {
        install_signal_handlers: true,
        ..Config::default()
    };
    let mut gil = None;
    // As CPython, an empty environment variable counts as unset.
    if let Some(v) = std::env::var("PYTHON_GIL").ok().filter(|v| !v.is_empty()) {
        match parse_gil(&v) {
            Ok(b) => gil = Some(b),
            Err(m) => {
                eprintln!("Fatal Python error: config_read_gil: {m}");
                return 1;
            }
        }
    }
    for x in &cli.xoptions {
        let (name, value) = match x.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (x.clone(), None),
        };
        if name == "gil" {
            match parse_gil(value.as_deref().unwrap_or("")) {
                Ok(b) => gil = Some(b),
                Err(m) => {
                    eprintln!("Fatal Python error: config_read_gil: {m}");
                    return 1;
                }
            }
        }
        if name == "trace" && value.as_deref().unwrap_or("").is_empty() {
            eprintln!("gilvm: -X trace needs a file name: -X trace=FILE.json");
            return 2;
        }
        if name == "trace-ascii" {
            if let Err(m) = summary::parse_window(value.as_deref().unwrap_or("")) {
                eprintln!("gilvm: -X {m}");
                return 2;
            }
        }
        config.xoptions.push((name, value));
    }
    if gil == Some(false) && !gilvm_vm::gilctl_build_is_free_threaded() {
        eprintln!(
            "Fatal Python error: config_read_gil: Disabling the GIL is not supported by this build"
        );
        eprintln!("Python runtime state: preinitialized");
        return 1;
    }
    config.gil = gil;
    let (source, filename) = if let Some(code) = cli.command.clone() {
        config.argv = std::iter::once("-c".to_string())
            .chain(cli.args.iter().cloned())
            .collect();
        (Some(code), "<string>".to_string())
    } else if let Some(script) = cli.args.first() {
        config.argv = cli.args.clone();
        let dir = std::path::Path::new(script)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        config.script_dir = Some(dir);
        (None, script.clone())
    } else {
        eprintln!("gilvm: no script given (interactive mode is not supported); usage: gilvm [-c cmd | file] [args...]");
        return 2;
    };
    // Python code runs on a thread with a large stack; recursion is bounded by
    // sys.getrecursionlimit() and by a check of the remaining native stack.
    let handle = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(gilvm_vm::THREAD_STACK_SIZE)
        .spawn(move || {
            let vm = Vm::new(config);
            match source {
                Some(code) => vm.run_source(&code, &filename),
                None => vm.run_file(&filename),
            }
        });
    match handle {
        Ok(h) => {
            // This thread only waits from here on: signals go to the Python threads (the
            // spawned main thread inherited the mask from before this call).
            gilvm_vm::modules::signal::block_async_signals_here();
            let status = h.join().unwrap_or(70);
            // Whatever ended the main thread (even a panic), printed output is not lost.
            gilvm_vm::modules::io::flush_stdout();
            let ok = finish_observability();
            // An uncaught KeyboardInterrupt ends the process as killed by SIGINT.
            gilvm_vm::modules::signal::exit_if_interrupted();
            if status == 0 && !ok {
                1
            } else {
                status
            }
        }
        Err(e) => {
            eprintln!("gilvm: cannot start the main thread: {e}");
            1
        }
    }
}

/// Exit-time statistics report, trace file and `-X trace-ascii` drawing.
fn finish_observability() -> bool {
    let ok = gilvm_vm::observability::finish();
    if let Some(w) = gilvm_vm::observability::options().trace_ascii {
        let (from, to) = summary::parse_window(&w).unwrap_or((None, None));
        match summary::render(&gilvm_vm::observability::trace_json(), from, to, 100) {
            Ok(s) => eprint!("{s}"),
            Err(e) => eprintln!("gilvm: trace-ascii: {e}"),
        }
    }
    ok
}
