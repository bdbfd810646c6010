//! The three suites and the loop that runs them.
//!
//! - **programs** (`benches/programs/*.py`): single-threaded programs that read a global
//!   `N`. The runner writes `N = <size>` followed by the program to `<out>/programs/` and
//!   times the whole child process with a wall clock (start-up included: a few ms).
//! - **scaling** (`benches/scaling/*.py THREADS N`): independent CPU-bound workloads, the
//!   same work `N` per thread. The time is the program's own `ELAPSED` line: the threaded
//!   region only (threads started, joined), without start-up.
//! - **memory** (`benches/memory/objects.py KIND N`): builds a list of N objects of one
//!   kind and keeps them alive. The measure is the child's peak RSS (from `wait4`) at two
//!   sizes; the report turns them into bytes per object (`stats::bytes_per_object`).
//! - **pyperformance** (`<pyperformance>/bm_<name>/run_benchmark.py`, from the
//!   pyperformance sdist that `make pyperformance-fetch` unpacks): the benchmark scripts
//!   unchanged, with `benches/pyperformance/pyperf.py` (a stand-in for pyperf) first on
//!   `PYTHONPATH`. The time is the script's `ELAPSED` line: seconds per call of the
//!   benchmark function after a warm-up call, without start-up.
//!
//! Every run is checked: the standard output (without `ELAPSED` lines) must be the same on
//! every variant and every run, else the cell is flagged as a mismatch.
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::variants::{RunOutcome, Sample, Variant};

/// One benchmark program and its size.
#[derive(Clone, Copy, Debug)]
pub struct Bench {
    pub name: &'static str,
    pub what: &'static str,
    /// Size for a full run (`N` for programs, work per thread for scaling).
    pub n: u64,
}

/// The programs suite, sized so the GIL build takes roughly 0.2–0.6 s on each
/// (measured on this 2-core machine).
#[rustfmt::skip]
pub const PROGRAMS: &[Bench] = &[
    Bench { name: "count_loop", what: "while loop counting", n: 6_000_000 },
    Bench { name: "sum_squares", what: "sum of squares (the seed articles' cpu_work)", n: 5_000_000 },
    Bench { name: "fib", what: "recursive fib", n: 30 },
    Bench { name: "nbody", what: "n-body (floats, lists)", n: 30_000 },
    Bench { name: "scheduler", what: "class-heavy scheduler simulation", n: 36_000 },
    Bench { name: "fannkuch", what: "fannkuch-redux (lists)", n: 8 },
    Bench { name: "spectral_norm", what: "spectral norm", n: 160 },
    Bench { name: "dict_str", what: "dict and string work", n: 600_000 },
    Bench { name: "gen_closures", what: "generators and closures", n: 1_200_000 },
    Bench { name: "exceptions", what: "raising and catching exceptions", n: 400_000 },
];

/// The scaling suite: work per thread, sized so one thread takes roughly 0.1–0.3 s on the
/// GIL build.
#[rustfmt::skip]
pub const SCALING: &[Bench] = &[
    Bench { name: "int_loop", what: "integer loop", n: 2_000_000 },
    Bench { name: "float_loop", what: "float loop multiplying by a constant", n: 6_000_000 },
    Bench { name: "call_function", what: "calling a module-level function", n: 2_000_000 },
    Bench { name: "call_method", what: "calling a method of a shared class", n: 500_000 },
    Bench { name: "create_instances", what: "creating instances of a shared class", n: 240_000 },
    Bench { name: "dicts_closures", what: "creating dicts and closures", n: 300_000 },
    Bench { name: "shared_list_read", what: "reading items of a shared list", n: 2_500_000 },
    Bench { name: "compare_const", what: "comparing with str and tuple constants", n: 1_000_000 },
    Bench { name: "generator", what: "running a generator", n: 900_000 },
    Bench { name: "thread_local", what: "reading a threading.local attribute", n: 1_500_000 },
];

/// The memory suite: the kinds of object `benches/memory/objects.py` builds. `n` is the
/// larger size N2; the smaller one is N2 / [`MEMORY_SMALL_DIVISOR`].
#[rustfmt::skip]
pub const MEMORY: &[Bench] = &[
    Bench { name: "object", what: "`object()`", n: 1_000_000 },
    Bench { name: "tuple2", what: "`(i, -i)`", n: 1_000_000 },
    Bench { name: "list1", what: "`[i]`", n: 1_000_000 },
    Bench { name: "dict0", what: "`{}`", n: 1_000_000 },
    Bench { name: "str", what: "`str(i)`", n: 1_000_000 },
    Bench { name: "inst2", what: "instance, `__init__` sets 2 attributes", n: 1_000_000 },
    Bench { name: "inst5", what: "instance, `__init__` sets 5 attributes", n: 1_000_000 },
];

/// The pyperformance benchmarks compared, the class-heavy ones of the object-model issue
/// first (`n`: timed calls per process). Benchmarks that need a module gilvm lacks still
/// run, and show as failures with the interpreter's error in the report.
#[rustfmt::skip]
pub const PYPERFORMANCE: &[Bench] = &[
    Bench { name: "richards", what: "class-heavy: task scheduler", n: 3 },
    Bench { name: "richards_super", what: "class-heavy: richards with super()", n: 3 },
    Bench { name: "deltablue", what: "class-heavy: constraint solver", n: 20 },
    Bench { name: "go", what: "class-heavy: Go board game", n: 2 },
    Bench { name: "hexiom", what: "class-heavy: hexiom solver", n: 10 },
    Bench { name: "chaos", what: "class-heavy: chaos game fractal", n: 3 },
    Bench { name: "nqueens", what: "class-heavy: n-queens with generators", n: 2 },
    Bench { name: "raytrace", what: "class-heavy: ray tracer (needs `array`)", n: 1 },
    Bench { name: "float", what: "float arithmetic on objects", n: 3 },
    Bench { name: "nbody", what: "n-body", n: 3 },
    Bench { name: "spectral_norm", what: "spectral norm", n: 2 },
    Bench { name: "fannkuch", what: "fannkuch", n: 1 },
    Bench { name: "meteor_contest", what: "meteor puzzle", n: 1 },
    Bench { name: "pidigits", what: "big-int digits of pi", n: 1 },
    Bench { name: "unpack_sequence", what: "tuple/list unpacking", n: 1000 },
    // Variants and arguments from pyperformance's metafiles (pyperf_manifest.rs).
    Bench { name: "argparse", what: "argparse: many optionals", n: 1 },
    Bench { name: "pickle_pure_python", what: "pickle.py (no _pickle)", n: 1 },
];

/// The class-heavy benchmarks: the object-model issue's targets are geometric means over
/// these.
pub const CLASS_HEAVY: &[&str] = &[
    "richards",
    "richards_super",
    "deltablue",
    "go",
    "hexiom",
    "chaos",
    "nqueens",
    "raytrace",
];

/// N1 = N2 / this: 200,000 and 1,000,000 objects (50,000 and 250,000 with `--quick`).
pub const MEMORY_SMALL_DIVISOR: u64 = 5;

/// Run settings.
#[derive(Clone, Debug)]
pub struct Settings {
    pub runs: usize,
    pub warmup: usize,
    /// Multiplies every size.
    pub scale: f64,
    pub benches_dir: PathBuf,
    pub out_dir: PathBuf,
    pub filter: Option<String>,
}

impl Settings {
    fn size(&self, b: &Bench) -> u64 {
        // Exponential in N: step N by the number of growth factors in `scale`
        // (fib(N) grows by the golden ratio per step, fannkuch(N) by about N).
        let growth = match b.name {
            "fib" => Some(1.618),
            "fannkuch" => Some(b.n as f64),
            _ => None,
        };
        if let Some(g) = growth {
            let steps = (self.scale.ln() / f64::ln(g)).round() as i64;
            return (b.n as i64 + steps).max(3) as u64;
        }
        ((b.n as f64 * self.scale).round() as u64).max(1)
    }

    fn selected<'a>(&self, list: &'a [Bench]) -> Vec<&'a Bench> {
        list.iter()
            .filter(|b| {
                self.filter
                    .as_ref()
                    .is_none_or(|f| b.name.contains(f.as_str()))
            })
            .collect()
    }
}

/// The runs of one variant on one configuration.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    /// One measure per timed run: seconds, or peak RSS in bytes in the memory suite.
    pub times: Vec<f64>,
    /// The first failure (non-zero exit, no `ELAPSED` line), after which runs stop.
    pub failure: Option<String>,
    /// Some run printed something other than the reference output.
    pub mismatch: Option<String>,
}

/// Results of one program of the programs suite.
#[derive(Clone, Debug)]
pub struct ProgramResult {
    pub bench: Bench,
    pub n: u64,
    /// Per variant.
    pub cells: Vec<Cell>,
}

/// Results of one scaling workload.
#[derive(Clone, Debug)]
pub struct ScalingResult {
    pub bench: Bench,
    pub n: u64,
    pub threads: Vec<usize>,
    /// `cells[variant][thread index]`.
    pub cells: Vec<Vec<Cell>>,
}

/// Results of one kind of the memory suite.
#[derive(Clone, Debug)]
pub struct MemoryResult {
    pub bench: Bench,
    /// N1 < N2.
    pub sizes: [u64; 2],
    /// `cells[variant][size index]`: peak RSS in bytes per run.
    pub cells: Vec<Vec<Cell>>,
}

/// Compares runs against the first successful output.
struct Checker {
    reference: Option<(String, String)>,
}

impl Checker {
    fn check(&mut self, variant: &str, out: &str) -> Option<String> {
        match &self.reference {
            None => {
                self.reference = Some((variant.to_string(), out.to_string()));
                None
            }
            Some((_, r)) if r == out => None,
            Some((who, r)) => Some(format!(
                "printed {:?}, {who} printed {:?}",
                first_diff_line(out, r).0,
                first_diff_line(out, r).1
            )),
        }
    }
}

fn first_diff_line(a: &str, b: &str) -> (String, String) {
    let mut la = a.lines();
    let mut lb = b.lines();
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => {
                return (
                    x.unwrap_or("<end>").chars().take(80).collect(),
                    y.unwrap_or("<end>").chars().take(80).collect(),
                )
            }
        }
    }
}

/// One configuration of a round: a variant run with some arguments. Configurations with the
/// same `group` must print the same output (the scaling suite's output names the thread
/// count, so each thread count is its own group).
struct Config {
    variant: usize,
    args: Vec<String>,
    group: usize,
}

/// Runs `script` in every configuration: `warmup` untimed rounds then `runs` timed rounds,
/// each round running every configuration once, in the order `order(round)` gives, so that
/// drift of the machine affects all of them alike. `measure` picks the figure a run
/// contributes (its time, or its peak RSS), or says why it has none.
///
/// Invariant (relied on by the paired speedups of the scaling report): a cell skips a round
/// only after it has failed, and then skips every later round, so `times[i]` of every cell
/// that has not failed comes from the same round, `warmup + i`.
fn run_rounds(
    s: &Settings,
    variants: &[Variant],
    script: &Path,
    configs: &[Config],
    order: impl Fn(usize) -> Vec<usize>,
    measure: fn(&Sample) -> Result<f64, &'static str>,
) -> Vec<Cell> {
    run_rounds_env(s, variants, script, configs, &[], order, measure)
}

/// [`run_rounds`] with extra environment variables for every child.
fn run_rounds_env(
    s: &Settings,
    variants: &[Variant],
    script: &Path,
    configs: &[Config],
    env: &[(String, String)],
    order: impl Fn(usize) -> Vec<usize>,
    measure: fn(&Sample) -> Result<f64, &'static str>,
) -> Vec<Cell> {
    let mut cells = vec![Cell::default(); configs.len()];
    let groups = configs.iter().map(|c| c.group).max().map_or(0, |g| g + 1);
    let mut checkers: Vec<Checker> = (0..groups).map(|_| Checker { reference: None }).collect();
    for round in 0..s.warmup + s.runs {
        let timed = round >= s.warmup;
        for ci in order(round) {
            let c = &configs[ci];
            let cell = &mut cells[ci];
            if cell.failure.is_some() {
                continue;
            }
            let v = &variants[c.variant];
            match v.run(script, &c.args, env) {
                RunOutcome::Failed(msg) => cell.failure = Some(msg),
                RunOutcome::Ok { sample, stdout } => {
                    if let Some(m) = checkers[c.group].check(&v.name, &stdout) {
                        cell.mismatch.get_or_insert(m);
                    }
                    match measure(&sample) {
                        Ok(t) if timed => cell.times.push(t),
                        Ok(_) => {}
                        Err(why) => cell.failure = Some(why.to_string()),
                    }
                }
            }
        }
    }
    cells
}

/// The order of one round of the programs suite: every variant once, the first one rotating
/// from round to round.
fn program_order(nv: usize, round: usize) -> Vec<usize> {
    (0..nv).map(|k| (k + round) % nv).collect()
}

/// The order of one round of the scaling suite, whose configurations are `variant * nt +
/// thread index`: the variants rotate as in the programs suite, and each variant runs all
/// its thread counts back to back (ascending in even rounds, descending in odd ones), so
/// that the 1-thread and T-thread runs that a speedup compares are seconds apart, not
/// minutes, on a host whose speed wanders.
fn scaling_order(nv: usize, nt: usize, round: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(nv * nt);
    for vi in program_order(nv, round) {
        for k in 0..nt {
            let ti = if round % 2 == 0 { k } else { nt - 1 - k };
            out.push(vi * nt + ti);
        }
    }
    out
}

fn progress(label: &str, variants: &[Variant], cells: &[Cell]) {
    progress_with(label, variants, cells, |t| format!("{t:.3}s"));
}

fn progress_with(label: &str, variants: &[Variant], cells: &[Cell], fmt: fn(f64) -> String) {
    let mut line = format!("  {label:<24}");
    for (v, c) in variants.iter().zip(cells) {
        let t = match (&c.failure, crate::stats::Summary::of(&c.times)) {
            (Some(_), _) => "FAILED".to_string(),
            (None, Some(sm)) => fmt(sm.median),
            (None, None) => "-".to_string(),
        };
        let flag = if c.mismatch.is_some() {
            " (output differs)"
        } else {
            ""
        };
        line += &format!("  {}: {t}{flag}", v.name);
    }
    eprintln!("{line}");
}

/// Runs the programs suite.
pub fn run_programs(s: &Settings, variants: &[Variant]) -> std::io::Result<Vec<ProgramResult>> {
    let dir = s.out_dir.join("programs");
    std::fs::create_dir_all(&dir)?;
    let mut results = Vec::new();
    eprintln!(
        "programs suite ({} timed runs, {} warm-up):",
        s.runs, s.warmup
    );
    for b in s.selected(PROGRAMS) {
        let n = s.size(b);
        let src_path = s
            .benches_dir
            .join("programs")
            .join(format!("{}.py", b.name));
        let src = std::fs::read_to_string(&src_path)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", src_path.display())))?;
        let script = dir.join(format!("{}.py", b.name));
        let mut f = std::fs::File::create(&script)?;
        write!(f, "N = {n}\n{src}")?;
        drop(f);
        let configs: Vec<Config> = (0..variants.len())
            .map(|variant| Config {
                variant,
                args: Vec::new(),
                group: 0,
            })
            .collect();
        let nv = variants.len();
        let cells = run_rounds(
            s,
            variants,
            &script,
            &configs,
            |round| program_order(nv, round),
            |r| Ok(r.wall),
        );
        progress(b.name, variants, &cells);
        results.push(ProgramResult {
            bench: *b,
            n,
            cells,
        });
    }
    Ok(results)
}

/// Runs the scaling suite for 1..=max_threads threads. `between` runs before each workload
/// (the caller samples the machine's ceiling there, so that its range covers the suite).
pub fn run_scaling(
    s: &Settings,
    variants: &[Variant],
    max_threads: usize,
    between: &mut dyn FnMut(),
) -> std::io::Result<Vec<ScalingResult>> {
    let threads: Vec<usize> = (1..=max_threads.max(1)).collect();
    let nt = threads.len();
    let nv = variants.len();
    let mut results = Vec::new();
    eprintln!(
        "scaling suite, 1..{} threads ({} timed rounds, {} warm-up; each round runs every \
         thread count of a variant back to back):",
        max_threads, s.runs, s.warmup
    );
    for b in s.selected(SCALING) {
        let n = s.size(b);
        let script = s.benches_dir.join("scaling").join(format!("{}.py", b.name));
        if !script.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{} not found", script.display()),
            ));
        }
        between();
        let configs: Vec<Config> = (0..nv)
            .flat_map(|variant| {
                threads.iter().enumerate().map(move |(ti, t)| Config {
                    variant,
                    args: vec![t.to_string(), n.to_string()],
                    group: ti,
                })
            })
            .collect();
        let flat = run_rounds(
            s,
            variants,
            &script,
            &configs,
            |round| scaling_order(nv, nt, round),
            |r| r.elapsed.ok_or("no `ELAPSED <seconds>` line"),
        );
        let mut it = flat.into_iter();
        let cells: Vec<Vec<Cell>> = (0..nv).map(|_| it.by_ref().take(nt).collect()).collect();
        for (ti, t) in threads.iter().enumerate() {
            let row: Vec<Cell> = cells.iter().map(|c| c[ti].clone()).collect();
            progress(&format!("{} x{t}", b.name), variants, &row);
        }
        results.push(ScalingResult {
            bench: *b,
            n,
            threads: threads.clone(),
            cells,
        });
    }
    Ok(results)
}

/// Runs the pyperformance suite from `dir` (the unpacked `data-files/benchmarks`), with
/// `pyperf_dir` (holding the pyperf stand-in) on the children's `PYTHONPATH`. Results are
/// shaped like the programs suite's (`n` = timed calls per process).
pub fn run_pyperformance(
    s: &Settings,
    variants: &[Variant],
    dir: &Path,
    pyperf_dir: &Path,
) -> std::io::Result<Vec<ProgramResult>> {
    if !dir.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!(
                "{} not found (run `make pyperformance-fetch` first)",
                dir.display()
            ),
        ));
    }
    let pyperf_dir = std::fs::canonicalize(pyperf_dir)?;
    let nv = variants.len();
    let mut results = Vec::new();
    eprintln!(
        "pyperformance suite ({} timed runs, {} warm-up; the time is seconds per call):",
        s.runs, s.warmup
    );
    for b in s.selected(PYPERFORMANCE) {
        let loops = ((b.n as f64 * s.scale).round() as u64).max(1);
        // The script, its arguments and path as pyperformance gives them (MANIFEST and
        // the benchmark's metafile: pyperf_manifest.rs).
        let target = crate::pyperf_manifest::resolve(dir, b.name);
        let script = target.script();
        let pythonpath = match &target.path {
            Some(p) => format!("{}:{}", pyperf_dir.display(), p.display()),
            None => pyperf_dir.display().to_string(),
        };
        let env = vec![
            ("PYTHONPATH".to_string(), pythonpath),
            ("GILVM_PYPERF_LOOPS".to_string(), loops.to_string()),
            ("GILVM_PYPERF_WARMUPS".to_string(), "1".to_string()),
        ];
        let configs: Vec<Config> = (0..nv)
            .map(|variant| Config {
                variant,
                args: target.args.clone(),
                group: 0,
            })
            .collect();
        let cells = run_rounds_env(
            s,
            variants,
            &script,
            &configs,
            &env,
            |round| program_order(nv, round),
            |r| r.elapsed.ok_or("no `ELAPSED <seconds>` line"),
        );
        progress_with(b.name, variants, &cells, |t| format!("{:.1}ms", t * 1e3));
        results.push(ProgramResult {
            bench: *b,
            n: loops,
            cells,
        });
    }
    Ok(results)
}

/// Runs the memory suite on `variants` (the caller leaves out FT+PYTHON_GIL=1, the same
/// binary as FT with the same object layout): each kind at N1 and N2, no warm-up (a peak
/// RSS does not depend on caches), the variants rotating and each running both sizes back
/// to back in every round.
pub fn run_memory(s: &Settings, variants: &[Variant]) -> std::io::Result<Vec<MemoryResult>> {
    let script = s.benches_dir.join("memory").join("objects.py");
    if !script.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} not found", script.display()),
        ));
    }
    let nv = variants.len();
    let mut results = Vec::new();
    let s = Settings {
        warmup: 0,
        ..s.clone()
    };
    eprintln!(
        "memory suite ({} runs per size; peak RSS read with wait4):",
        s.runs
    );
    for b in s.selected(MEMORY) {
        let n2 = s.size(b).max(MEMORY_SMALL_DIVISOR * 2);
        let sizes = [n2 / MEMORY_SMALL_DIVISOR, n2];
        let configs: Vec<Config> = (0..nv)
            .flat_map(|variant| {
                sizes.iter().enumerate().map(move |(si, n)| Config {
                    variant,
                    args: vec![b.name.to_string(), n.to_string()],
                    group: si,
                })
            })
            .collect();
        let flat = run_rounds(
            &s,
            variants,
            &script,
            &configs,
            |round| scaling_order(nv, 2, round),
            |r| {
                if r.peak_rss > 0 {
                    Ok(r.peak_rss as f64)
                } else {
                    Err("no peak RSS from wait4")
                }
            },
        );
        let mut it = flat.into_iter();
        let cells: Vec<Vec<Cell>> = (0..nv).map(|_| it.by_ref().take(2).collect()).collect();
        let r = MemoryResult {
            bench: *b,
            sizes,
            cells,
        };
        let per_variant: Vec<Cell> = (0..nv)
            .map(|vi| Cell {
                times: crate::report::bytes_per_object_of(&r, vi)
                    .into_iter()
                    .collect(),
                failure: r.cells[vi].iter().find_map(|c| c.failure.clone()),
                mismatch: r.cells[vi].iter().find_map(|c| c.mismatch.clone()),
            })
            .collect();
        progress_with(b.name, variants, &per_variant, |x| format!("{x:.1} B/obj"));
        results.push(r);
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checker_flags_differences() {
        let mut c = Checker { reference: None };
        assert!(c.check("GIL", "1\n2\n").is_none());
        assert!(c.check("FT", "1\n2\n").is_none());
        let m = c.check("CPython", "1\n3\n").unwrap();
        assert!(m.contains("\"3\"") && m.contains("GIL"), "{m}");
    }

    #[test]
    fn orders_run_every_configuration_once_per_round() {
        for round in 0..4 {
            let mut o = scaling_order(3, 2, round);
            // A variant's thread counts are adjacent.
            for pair in o.chunks(2) {
                assert_eq!(pair[0] / 2, pair[1] / 2, "{o:?}");
            }
            o.sort();
            assert_eq!(o, (0..6).collect::<Vec<_>>());
        }
        assert_eq!(scaling_order(2, 2, 0), vec![0, 1, 2, 3]);
        assert_eq!(scaling_order(2, 2, 1), vec![3, 2, 1, 0]);
        assert_eq!(program_order(3, 1), vec![1, 2, 0]);
    }

    #[test]
    fn sizes_scale() {
        let s = Settings {
            runs: 1,
            warmup: 0,
            scale: 0.25,
            benches_dir: PathBuf::new(),
            out_dir: PathBuf::new(),
            filter: None,
        };
        assert_eq!(
            s.size(&Bench {
                name: "x",
                what: "",
                n: 1000
            }),
            250
        );
        assert_eq!(
            s.size(&Bench {
                name: "fib",
                what: "",
                n: 27
            }),
            24
        );
    }
}
