//! gilvm-compare: runs the benchmark suites on gilvm's GIL build, its free-threaded build
//! (without and with `PYTHON_GIL=1`) and CPython, and writes a markdown report and a
//! scaling chart. The suites time programs (`programs`), measure 2-thread scaling
//! (`scaling`), measure bytes per object from the children's peak RSS (`memory`) and time
//! pyperformance's benchmark scripts (`pyperformance`). See
//! `docs/benchmarking.md`.
//!
//! `gilvm-compare [options] script.py [args…]` (also `gilvm compare …`) compares the user's
//! own program instead (userprog.rs).
//!
//! It knows nothing of the VM: every variant is a binary run as a child process.
mod chart;
mod machine;
mod report;
mod stats;
mod suites;
mod userprog;
mod variants;
// Issue 19 (pyperf): benchmark arguments and variants as pyperformance passes them.
mod pyperf_manifest;

use std::path::PathBuf;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use clap::{Parser, ValueEnum};

use suites::Settings;
use variants::Variant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Suite {
    Programs,
    Scaling,
    Memory,
    Pyperformance,
    All,
}

impl Suite {
    /// Whether this choice runs `one` (a single suite).
    fn runs(self, one: Suite) -> bool {
        self == Suite::All || self == one
    }
}

/// Compare gilvm's builds (and CPython) on the benchmark suites in `benches/`.
#[derive(Parser, Debug)]
#[command(name = "gilvm-compare", version, trailing_var_arg = true)]
struct Cli {
    /// Compare this program (your own script) instead of the benchmark suites.
    #[arg(value_name = "SCRIPT")]
    script: Option<PathBuf>,
    /// Arguments for SCRIPT.
    #[arg(value_name = "ARGS", allow_hyphen_values = true)]
    script_args: Vec<String>,
    /// With SCRIPT: run once per value, NAME=V1,V2,… (`{NAME}` in an argument is replaced
    /// by the value; otherwise the value is the environment variable NAME); draws sweep.svg.
    #[arg(long, value_name = "NAME=VALUES")]
    sweep: Option<String>,
    /// With SCRIPT: write a Perfetto timeline of each gilvm variant into this directory.
    #[arg(long, value_name = "DIR")]
    trace: Option<PathBuf>,
    /// Timed runs per variant and configuration [default: 5, 3 with --quick].
    #[arg(long)]
    runs: Option<usize>,
    /// Timed rounds of the scaling suite, whose speedups are medians of per-round ratios
    /// and need more of them [default: 9, 5 with --quick].
    #[arg(long)]
    scaling_runs: Option<usize>,
    /// Runs per variant and size of the memory suite (its peaks are medians of them).
    #[arg(long, default_value_t = 3)]
    memory_runs: usize,
    /// Untimed warm-up runs per variant and configuration before the timed ones.
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// Maximum thread count of the scaling suite [default: the number of cores].
    #[arg(long)]
    threads: Option<usize>,
    /// A CPython to compare with (repeatable). Default: `python3` when on PATH.
    #[arg(long, env = "GILVM_COMPARE_PYTHON", value_delimiter = ',')]
    python: Vec<PathBuf>,
    /// Do not compare with any CPython.
    #[arg(long)]
    no_python: bool,
    /// Which suite to run.
    #[arg(long, value_enum, default_value_t = Suite::All)]
    suite: Suite,
    /// A short run (about a quarter of the work, 3 runs; 5 scaling rounds; memory suite at
    /// 50,000 and 250,000 objects): about 2 minutes instead of 5.
    #[arg(long)]
    quick: bool,
    /// Multiplies every work size (after --quick).
    #[arg(long, default_value_t = 1.0)]
    scale: f64,
    /// Only benchmarks whose name contains this.
    #[arg(long)]
    filter: Option<String>,
    /// Output directory (report.md, scaling.svg, generated programs).
    /// [default: target/compare, or target/compare/<script name> with SCRIPT]
    #[arg(long)]
    out: Option<PathBuf>,
    /// The GIL build [default: target/release/gilvm, else next to this program].
    #[arg(long)]
    gil_bin: Option<PathBuf>,
    /// The free-threaded build [default: target/ft/release/gilvm, else ../ft/release/gilvm
    /// from this program's directory].
    #[arg(long)]
    ft_bin: Option<PathBuf>,
    /// Also copy report.md and scaling.svg to docs/compare/ and put the report into
    /// README.md between its `<!-- compare:begin -->` and `<!-- compare:end -->` lines.
    #[arg(long)]
    publish: bool,
    /// The benchmark programs (with `programs/`, `scaling/` and `memory/`).
    #[arg(long, default_value = "benches")]
    benches: PathBuf,
    /// The unpacked pyperformance benchmarks (`make pyperformance-fetch`). `--suite all`
    /// skips the pyperformance suite when this directory does not exist.
    #[arg(long, default_value = "target/pyperformance/benchmarks")]
    pyperformance: PathBuf,
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("gilvm-compare: {e}");
        std::process::exit(1);
    }
}

/// A build's binary: the given path, else `default` (relative to the current directory),
/// else `beside` relative to this program's own directory (`target/release/`).
fn locate(given: &Option<PathBuf>, default: &str, beside: &str) -> PathBuf {
    if let Some(p) = given {
        return p.clone();
    }
    let d = PathBuf::from(default);
    if d.is_file() {
        return d;
    }
    std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(|p| p.join(beside)))
        .filter(|p| p.is_file())
        .unwrap_or(d)
}

fn run(mut cli: Cli) -> Result<(), String> {
    let started = Instant::now();
    let gil_bin = locate(&cli.gil_bin, "target/release/gilvm", "gilvm");
    let ft_bin = locate(
        &cli.ft_bin,
        "target/ft/release/gilvm",
        "../ft/release/gilvm",
    );
    let out = cli.out.clone().unwrap_or_else(|| match &cli.script {
        Some(s) => PathBuf::from("target/compare").join(
            s.file_stem()
                .map(|x| x.to_string_lossy().into_owned())
                .unwrap_or_else(|| "script".into()),
        ),
        None => PathBuf::from("target/compare"),
    });
    cli.out = Some(out.clone());
    if let Some(script) = &cli.script {
        if !script.is_file() {
            return Err(format!("{}: no such file", script.display()));
        }
    }
    for (what, p) in [("GIL build", &gil_bin), ("free-threaded build", &ft_bin)] {
        if !p.is_file() {
            return Err(format!(
                "{what} not found at {} (build it first: `make build build-ft`)",
                p.display()
            ));
        }
    }
    let mut variants = vec![
        Variant::gilvm("GIL", &gil_bin, None),
        Variant::gilvm("FT", &ft_bin, None),
        Variant::gilvm("FT+PYTHON_GIL=1", &ft_bin, Some("1")),
    ];
    if !cli.no_python {
        let pythons = if cli.python.is_empty() {
            variants::which("python3").into_iter().collect()
        } else {
            cli.python.clone()
        };
        for p in pythons {
            match Variant::cpython(&p) {
                None if !cli.python.is_empty() => {
                    return Err(format!(
                        "{}: not a Python (`{} --version` failed)",
                        p.display(),
                        p.display()
                    ))
                }
                Some(mut v) => {
                    if variants.iter().any(|o| o.name == v.name) {
                        v.name = format!("{} ({})", v.name, p.display());
                    }
                    variants.push(v)
                }
                None => eprintln!("gilvm-compare: skipping {}: not runnable", p.display()),
            }
        }
    }

    if let Some(script) = &cli.script {
        let req = userprog::Request {
            script: script.clone(),
            args: cli.script_args.clone(),
            runs: cli.runs.unwrap_or(if cli.quick { 3 } else { 5 }).max(1),
            warmup: cli.warmup,
            sweep: cli
                .sweep
                .as_deref()
                .map(userprog::parse_sweep)
                .transpose()?,
            trace: cli.trace.clone(),
            out: out.clone(),
        };
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let md = userprog::run(&req, &variants)?;
        let path = out.join("report.md");
        std::fs::write(&path, &md).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("{md}");
        eprintln!(
            "gilvm-compare: wrote {} ({:.0} s)",
            path.display(),
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    if cli.sweep.is_some() || cli.trace.is_some() {
        return Err("--sweep and --trace need a SCRIPT to run".into());
    }

    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let max_threads = cli.threads.unwrap_or(cores).max(1);
    let runs = cli.runs.unwrap_or(if cli.quick { 3 } else { 5 }).max(1);
    let scaling_runs = cli
        .scaling_runs
        .unwrap_or(if cli.quick { 5 } else { 9 })
        .max(1);
    let settings = Settings {
        runs,
        warmup: cli.warmup,
        scale: cli.scale * if cli.quick { 0.25 } else { 1.0 },
        benches_dir: cli.benches.clone(),
        out_dir: out.clone(),
        filter: cli.filter.clone(),
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let load_start = loadavg();
    eprintln!(
        "gilvm-compare: {} variant(s): {}",
        variants.len(),
        variants
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );

    let programs = if cli.suite.runs(Suite::Programs) {
        suites::run_programs(&settings, &variants).map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };
    // The machine's own ceiling for the scaling figures (machine.rs), measured before the
    // scaling suite, between its workloads and after it, so that a change of the host's load
    // during it shows in the ceiling's range.
    let mut ceiling_samples = Vec::new();
    let scaling = if cli.suite.runs(Suite::Scaling) {
        let ct = max_threads.min(2);
        ceiling_samples.extend(machine::samples(ct, runs));
        let scaling_settings = Settings {
            runs: scaling_runs,
            ..settings.clone()
        };
        let r = suites::run_scaling(&scaling_settings, &variants, max_threads, &mut || {
            ceiling_samples.extend(machine::samples(ct, 1))
        })
        .map_err(|e| e.to_string())?;
        ceiling_samples.extend(machine::samples(ct, runs));
        r
    } else {
        Vec::new()
    };
    let ceiling = machine::ceiling(&ceiling_samples);
    // FT+PYTHON_GIL=1 is the FT binary: the same object layout, so the same memory figures.
    let mem_variants: Vec<Variant> = variants
        .iter()
        .filter(|v| !(v.is_gilvm && v.python_gil.is_some()))
        .cloned()
        .collect();
    let memory_runs = cli.memory_runs.max(1);
    let memory = if cli.suite.runs(Suite::Memory) {
        let memory_settings = Settings {
            runs: memory_runs,
            ..settings.clone()
        };
        suites::run_memory(&memory_settings, &mem_variants).map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };

    let pyperf_wanted = cli.suite == Suite::Pyperformance
        || (cli.suite == Suite::All && cli.pyperformance.is_dir());
    if cli.suite == Suite::All && !pyperf_wanted {
        eprintln!(
            "gilvm-compare: skipping the pyperformance suite: {} not found (`make pyperformance-fetch`)",
            cli.pyperformance.display()
        );
    }
    let pyperf = if pyperf_wanted {
        suites::run_pyperformance(
            &settings,
            &variants,
            &cli.pyperformance,
            &cli.benches.join("pyperformance"),
        )
        .map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };

    let meta = report::Meta {
        date: utc_now(),
        command: std::iter::once("gilvm-compare".to_string())
            .chain(std::env::args().skip(1))
            .collect::<Vec<_>>()
            .join(" "),
        cores,
        load_start,
        load_end: loadavg(),
        runs,
        scaling_runs,
        warmup: cli.warmup,
        total_secs: started.elapsed().as_secs_f64(),
        timed: !programs.is_empty() || !scaling.is_empty() || !pyperf.is_empty(),
    };
    // A memory-only run lists the variants it ran on.
    let header_variants = if meta.timed { &variants } else { &mem_variants };
    let mut md = report::header(&meta, header_variants);
    if !programs.is_empty() {
        md += &report::programs(&programs, &variants);
    }
    if !pyperf.is_empty() {
        md += &report::pyperformance(&pyperf, &variants);
    }
    if !scaling.is_empty() {
        let svg = out.join("scaling.svg");
        chart::draw(
            &svg,
            &scaling,
            &variants,
            &format!("Speedup against threads ({}, {} cores)", meta.date, cores),
        )?;
        md += &report::scaling(&scaling, &variants, ceiling);
        md += "![speedup against threads](scaling.svg)\n";
    }
    if !memory.is_empty() {
        md += &report::memory(&memory, &mem_variants, memory_runs);
    }
    md += &report::targets(
        &programs,
        &pyperf,
        &scaling,
        &memory,
        &variants,
        &mem_variants,
        ceiling,
    );
    let path = out.join("report.md");
    std::fs::write(&path, &md).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("{md}");
    if cli.publish {
        publish(&out, &md)?;
    }
    eprintln!(
        "gilvm-compare: wrote {} ({:.0} s)",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

const BEGIN: &str = "<!-- compare:begin -->";
const END: &str = "<!-- compare:end -->";

/// Copies the report and chart to docs/compare/ and puts the report into README.md.
fn publish(out: &std::path::Path, md: &str) -> Result<(), String> {
    let docs = PathBuf::from("docs/compare");
    std::fs::create_dir_all(&docs).map_err(|e| format!("{}: {e}", docs.display()))?;
    std::fs::write(docs.join("report.md"), md).map_err(|e| e.to_string())?;
    let svg = out.join("scaling.svg");
    if svg.is_file() {
        std::fs::copy(&svg, docs.join("scaling.svg")).map_err(|e| e.to_string())?;
    }
    let readme = std::fs::read_to_string("README.md").map_err(|e| format!("README.md: {e}"))?;
    let new = readme_section(&readme, md).ok_or_else(|| {
        format!("README.md has no `{BEGIN}` … `{END}` lines to put the report between")
    })?;
    std::fs::write("README.md", new).map_err(|e| format!("README.md: {e}"))?;
    eprintln!("gilvm-compare: published to docs/compare/ and README.md");
    Ok(())
}

/// README.md with the report between the markers: headings two levels down, the chart
/// linked from docs/compare/.
fn readme_section(readme: &str, md: &str) -> Option<String> {
    let b = readme.find(BEGIN)? + BEGIN.len();
    let e = b + readme[b..].find(END)?;
    let body: String = md
        .lines()
        .filter(|l| !l.starts_with("# "))
        .map(|l| {
            let l = if l.starts_with("## ") {
                format!("#{l}")
            } else {
                l.to_string()
            };
            l.replace("](scaling.svg)", "](docs/compare/scaling.svg)") + "\n"
        })
        .collect();
    Some(format!(
        "{}\n{}\n{}",
        &readme[..b],
        body.trim(),
        &readme[e..]
    ))
}

/// The 1-, 5- and 15-minute load averages (Linux), or "?".
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "?".to_string())
}

/// The current UTC date and time, `YYYY-MM-DD HH:MM UTC`.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86400) as i64);
    let t = secs % 86400;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        t / 3600,
        t / 60 % 60
    )
}

/// Days since 1970-01-01 to a (year, month, day) date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_gets_the_report() {
        let readme = "intro\n<!-- compare:begin -->\nold\n<!-- compare:end -->\nrest\n";
        let md = "# gilvm comparison\n\nhead\n## Programs\n![c](scaling.svg)\n";
        let got = readme_section(readme, md).unwrap();
        assert_eq!(
            got,
            "intro\n<!-- compare:begin -->\nhead\n### Programs\n![c](docs/compare/scaling.svg)\n<!-- compare:end -->\nrest\n"
        );
        assert!(readme_section("no markers", md).is_none());
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(20_513), (2026, 3, 1));
    }
}
