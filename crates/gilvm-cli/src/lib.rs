//! The `gilvm` command line: python3's (`gilvm script.py [args…]`, `-c`, `-m`, a program
//! on standard input, the interactive prompt, `-i`, `-u`, `-E`, `-I`, `-O`, `-W`, …: see
//! `options.rs`), `-X name[=value]` options, and the `PYTHON_GIL` environment variable.
//!
//! Observability (see `docs/observability.md`): `-X gilstats` / `GILVM_STATS=1` print
//! contention statistics at exit, `-X trace=FILE.json` writes a timeline,
//! `-X trace-ascii[=FROM_MS:TO_MS]` prints it as text at exit, and
//! `gilvm trace-summary FILE.json [--from MS --to MS --width N]` draws a written one. The
//! subcommand word is recognised only as the first argument and only when no file named
//! `trace-summary` exists in the current directory (then that script runs, as CPython would).
mod help;
mod options;
mod summary;

use std::io::{IsTerminal, Read};

use gilvm_vm::{Config, Flags, MainSource, Vm};
use options::{Options, Run, UsageError};

/// Which build this is, as `gilvm -V` prints it.
pub fn version_string() -> String {
    let build = if gilvm_vm::gilctl_build_is_free_threaded() {
        " (free-threading build)"
    } else {
        " (GIL build)"
    };
    format!(
        "gilvm {}{build}, Python 3.14 compatible",
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
    let argv: Vec<String> = gilvm_vm::main_program::os_args();
    let prog = argv.first().cloned().unwrap_or_else(|| "gilvm".into());
    if argv.get(1).map(String::as_str) == Some("trace-summary")
        && !std::path::Path::new("trace-summary").exists()
    {
        return summary::main(&argv[2..]);
    }
    if argv.get(1).map(String::as_str) == Some("compare")
        && !std::path::Path::new("compare").exists()
    {
        return compare(&argv[2..]);
    }
    let o = match options::parse(&argv[1..], &|n| std::env::var(n).ok()) {
        Ok(o) => o,
        Err(UsageError(msg)) => {
            eprintln!("{msg}");
            eprintln!("{}", help::usage_line(&prog));
            eprintln!("Try `python -h' for more information.");
            return 2;
        }
    };
    if let Some(which) = o.help {
        print!("{}", help::text(&prog, which));
        return 0;
    }
    if o.version > 0 {
        println!("{}", version_string());
        if o.version > 1 {
            println!("{}", build_details());
        }
        return 0;
    }
    let config = match configure(&o, argv) {
        Ok(c) => c,
        Err(status) => return status,
    };
    gilvm_vm::modules::io::set_unbuffered(o.unbuffered);
    let what = match main_source(&o) {
        Ok(w) => w,
        Err(status) => return status,
    };
    // Python code runs on a thread with a large stack; recursion is bounded by
    // sys.getrecursionlimit() and by a check of the remaining native stack.
    let handle = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(gilvm_vm::THREAD_STACK_SIZE)
        .spawn(move || {
            let vm = Vm::new(config);
            gilvm_stdlib::install(&vm);
            let status = vm.run_main_program(what);
            if gilvm_vm::threads::is_forked_child() {
                // A child of `os.fork()` has no thread waiting to join this one: it ends
                // the process itself, with the same last steps.
                gilvm_vm::modules::io::flush_stdout();
                gilvm_vm::modules::signal::exit_if_interrupted();
                std::process::exit(status);
            }
            status
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

/// The VM's configuration from the parsed command line; Err(status) after a fatal error.
fn configure(o: &Options, orig_argv: Vec<String>) -> Result<Config, i32> {
    let mut config = Config {
        install_signal_handlers: true,
        flags: Flags {
            debug: o.debug,
            inspect: o.inspect,
            interactive: o.inspect,
            optimize: o.optimize,
            dont_write_bytecode: o.dont_write_bytecode,
            no_user_site: o.no_user_site,
            no_site: o.no_site,
            ignore_environment: o.ignore_environment,
            verbose: o.verbose,
            bytes_warning: o.bytes_warning,
            quiet: o.quiet,
            isolated: o.isolated,
            safe_path: o.safe_path,
            unbuffered: o.unbuffered,
            dev_mode: o.dev_mode,
        },
        warnoptions: o.warnoptions.clone(),
        orig_argv,
        startup: o.startup.clone(),
        stdlib_dirs: gilvm_stdlib::lib_dirs(o.ignore_environment),
        ..Config::default()
    };
    let fatal = |m: &str| {
        eprintln!("Fatal Python error: config_read_gil: {m}");
        eprintln!("Python runtime state: preinitialized");
        1
    };
    let mut gil = match &o.python_gil {
        Some(v) => Some(parse_gil(v).map_err(|m| fatal(&m))?),
        None => None,
    };
    for x in &o.xoptions {
        let (name, value) = match x.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (x.clone(), None),
        };
        if name == "gil" {
            gil = Some(parse_gil(value.as_deref().unwrap_or("")).map_err(|m| fatal(&m))?);
        }
        if name == "trace" && value.as_deref().unwrap_or("").is_empty() {
            eprintln!("gilvm: -X trace needs a file name: -X trace=FILE.json");
            return Err(2);
        }
        if name == "trace-ascii" {
            if let Err(m) = summary::parse_window(value.as_deref().unwrap_or("")) {
                eprintln!("gilvm: -X {m}");
                return Err(2);
            }
        }
        config.xoptions.push((name, value));
    }
    if gil == Some(false) && !gilvm_vm::gilctl_build_is_free_threaded() {
        return Err(fatal("Disabling the GIL is not supported by this build"));
    }
    config.gil = gil;
    // sys.argv and sys.path[0], as CPython sets them for each way of giving the program.
    let rest = o.args.iter().cloned();
    match &o.run {
        Run::Command(_) => {
            config.argv = std::iter::once("-c".to_string()).chain(rest).collect();
        }
        Run::Module(_) => {
            // runpy replaces argv[0] with the module's file once it is found.
            config.argv = std::iter::once("-m".to_string()).chain(rest).collect();
            config.script_dir = std::env::current_dir()
                .ok()
                .map(|d| d.to_string_lossy().into_owned());
        }
        Run::File(script) => {
            config.argv = std::iter::once(script.clone()).chain(rest).collect();
            config.script_dir = Some(script_directory(script));
        }
        Run::Stdin { explicit } => {
            let first = if *explicit { "-" } else { "" };
            config.argv = std::iter::once(first.to_string()).chain(rest).collect();
        }
    }
    Ok(config)
}

/// `sys.path[0]` for a script: the directory of the script's real path (symbolic links
/// resolved, absolute), as CPython computes it; the directory as written when the script
/// cannot be resolved (it then fails to open, with CPython's message).
fn script_directory(script: &str) -> String {
    let path = std::path::Path::new(script);
    let real = std::fs::canonicalize(path).ok();
    real.as_deref()
        .unwrap_or(path)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What `__main__` runs. A program on standard input is read here, before the VM starts,
/// unless standard input is a terminal (or `-i` asks for the prompt): then the REPL.
fn main_source(o: &Options) -> Result<MainSource, i32> {
    Ok(match &o.run {
        Run::Command(code) => MainSource::Code {
            source: code.clone(),
            filename: "<string>".into(),
            show_lines: true,
        },
        Run::Module(name) => MainSource::Module(name.clone()),
        Run::File(path) => MainSource::File {
            path: path.clone(),
            skip_first_line: o.skip_first_line,
        },
        Run::Stdin { .. } => {
            if o.inspect || std::io::stdin().is_terminal() {
                MainSource::Interactive
            } else {
                let mut bytes = Vec::new();
                if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                    eprintln!("gilvm: cannot read the program from standard input: {e}");
                    return Err(1);
                }
                let mut source = String::from_utf8_lossy(&bytes).into_owned();
                if o.skip_first_line {
                    let end = source.find('\n').unwrap_or(source.len());
                    source.replace_range(..end, "");
                }
                MainSource::Code {
                    source,
                    filename: "<stdin>".into(),
                    show_lines: false,
                }
            }
        }
    })
}

/// `gilvm compare …`: runs the `gilvm-compare` program built beside this one (same
/// arguments), which compares a program on every build and on CPython.
fn compare(args: &[String]) -> i32 {
    use std::os::unix::process::CommandExt;
    let exe = std::env::current_exe().ok();
    let dir = exe
        .as_ref()
        .and_then(|e| e.parent().map(|p| p.to_path_buf()));
    let candidates = dir
        .map(|d| {
            vec![
                d.join("gilvm-compare"),
                d.join("../../release/gilvm-compare"),
            ]
        })
        .unwrap_or_default();
    let Some(tool) = candidates.into_iter().find(|c| c.is_file()) else {
        eprintln!(
            "gilvm: compare: gilvm-compare not found next to this binary (build it: `make build`)"
        );
        return 2;
    };
    let e = std::process::Command::new(&tool).args(args).exec();
    eprintln!("gilvm: compare: cannot run {}: {e}", tool.display());
    1
}

/// `-VV`: the second line, about this build.
fn build_details() -> String {
    format!(
        "built by rustc for {}-{}; lock strategy: {}",
        std::env::consts::ARCH,
        std::env::consts::OS,
        if gilvm_vm::gilctl_build_is_free_threaded() {
            "free-threaded (biased reference counting, per-object locks; PYTHON_GIL=1 turns the GIL on)"
        } else {
            "one global interpreter lock"
        }
    )
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
