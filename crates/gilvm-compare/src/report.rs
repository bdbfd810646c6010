//! The markdown report.
use std::fmt::Write;

use crate::stats::{bytes_per_object, geomean, Summary};
use crate::suites::{Cell, MemoryResult, ProgramResult, ScalingResult};
use crate::variants::Variant;

/// What the report header says about the run.
pub struct Meta {
    pub date: String,
    pub command: String,
    pub cores: usize,
    pub load_start: String,
    pub load_end: String,
    pub runs: usize,
    pub scaling_runs: usize,
    pub warmup: usize,
    pub total_secs: f64,
    /// Whether a timed suite (programs, scaling) ran: the header explains their times.
    pub timed: bool,
}

fn cell_time(c: &Cell) -> String {
    if let Some(f) = &c.failure {
        return format!("FAILED ({})", escape(f));
    }
    match Summary::of(&c.times) {
        Some(s) => {
            let mark = if c.mismatch.is_some() { " ⚠" } else { "" };
            format!("{:.3} s ±{:.0}%{mark}", s.median, s.spread_pct())
        }
        None => "-".to_string(),
    }
}

fn median(c: &Cell) -> Option<f64> {
    if c.failure.is_some() {
        return None;
    }
    Summary::of(&c.times).map(|s| s.median)
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map(|r| format!("{r:.2}"))
        .unwrap_or_else(|| "-".to_string())
}

/// The report header.
pub fn header(meta: &Meta, variants: &[Variant]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# gilvm comparison\n");
    let _ = writeln!(
        s,
        "{} · `{}` · {} cores · load average {} at start, {} at end · {:.0} s in all\n",
        meta.date, meta.command, meta.cores, meta.load_start, meta.load_end, meta.total_secs
    );
    for v in variants {
        let env = match v.python_gil {
            Some(g) => format!("PYTHON_GIL={g} "),
            None => String::new(),
        };
        let _ = writeln!(
            s,
            "- **{}**: `{env}{}` ({})",
            v.name,
            v.program.display(),
            if v.version.is_empty() {
                "?"
            } else {
                &v.version
            }
        );
    }
    if !meta.timed {
        s.push('\n');
        return s;
    }
    let _ = writeln!(
        s,
        "\nEach time is the median of {} runs ({} rounds in the scaling suite) after {} warm-up \
         run(s), the variants alternating run by run; ± is half the min–max range relative to \
         the median. ⚠ marks an output that differs from the other variants'.\n",
        meta.runs, meta.scaling_runs, meta.warmup
    );
    s
}

/// The programs table: time per variant, ratios to the GIL build and to CPython, geometric
/// means.
pub fn programs(results: &[ProgramResult], variants: &[Variant]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## Programs\n\nWall-clock time of the whole process (start-up included), one thread. \
         Ratios are time / time: below 1 is faster.\n"
    );
    s += &time_table(results, variants, "N", cell_time);
    s
}

/// The pyperformance table: seconds per call of each benchmark, ratios and geometric means
/// as in the programs table, and the class-heavy geometric means of the object-model issue.
pub fn pyperformance(results: &[ProgramResult], variants: &[Variant]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## pyperformance\n\npyperformance's benchmark scripts, unchanged, with a stand-in for \
         pyperf (`benches/pyperformance/pyperf.py`): time per call of the benchmark function \
         after one warm-up call, start-up excluded; the median over processes. Ratios are \
         time / time: below 1 is faster.\n"
    );
    s += &time_table(results, variants, "calls", |c| {
        if c.failure.is_some() {
            return "FAILED".to_string();
        }
        match Summary::of(&c.times) {
            Some(sm) => {
                let mark = if c.mismatch.is_some() { " ⚠" } else { "" };
                let t = if sm.median < 1e-3 {
                    format!("{:.3} µs", sm.median * 1e6)
                } else {
                    format!("{:.2} ms", sm.median * 1e3)
                };
                format!("{t} ±{:.0}%{mark}", sm.spread_pct())
            }
            None => "-".to_string(),
        }
    });
    s
}

/// Geometric mean of time(a) / time(b) over the class-heavy pyperformance benchmarks that
/// ran on both, and how many of them did.
pub fn class_heavy_mean(results: &[ProgramResult], a: usize, b: usize) -> Option<(f64, usize)> {
    let rs: Vec<f64> = results
        .iter()
        .filter(|r| crate::suites::CLASS_HEAVY.contains(&r.bench.name))
        .filter_map(|r| ratio(median(&r.cells[a]), median(&r.cells[b])))
        .collect();
    geomean(&rs).map(|g| (g, rs.len()))
}

/// A table of times per benchmark and variant, with ratio columns (every gilvm variant
/// against the GIL build and against CPython), geometric means, and the problems found.
fn time_table(
    results: &[ProgramResult],
    variants: &[Variant],
    size_label: &str,
    fmt_cell: fn(&Cell) -> String,
) -> String {
    let mut s = String::new();
    let gil = 0usize;
    let cpy = variants.iter().position(|v| !v.is_gilvm);
    let mut head = format!("| benchmark | what | {size_label} |");
    let mut sep = String::from("|---|---|---:|");
    for v in variants {
        let _ = write!(head, " {} |", v.name);
        sep += "---:|";
    }
    let mut ratio_cols: Vec<(usize, usize)> = Vec::new();
    for (i, _) in variants.iter().enumerate().skip(1) {
        if variants[i].is_gilvm {
            ratio_cols.push((i, gil));
        }
    }
    if let Some(c) = cpy {
        for (i, v) in variants.iter().enumerate() {
            if v.is_gilvm {
                ratio_cols.push((i, c));
            }
        }
    }
    for &(a, b) in &ratio_cols {
        let _ = write!(head, " {} / {} |", variants[a].name, short(&variants[b]));
        sep += "---:|";
    }
    let _ = writeln!(s, "{head}\n{sep}");
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); ratio_cols.len()];
    for r in results {
        let mut row = format!("| {} | {} | {} |", r.bench.name, r.bench.what, r.n);
        for c in &r.cells {
            let _ = write!(row, " {} |", fmt_cell(c));
        }
        for (k, &(a, b)) in ratio_cols.iter().enumerate() {
            let q = ratio(median(&r.cells[a]), median(&r.cells[b]));
            if let Some(q) = q {
                ratios[k].push(q);
            }
            let _ = write!(row, " {} |", fmt_ratio(q));
        }
        let _ = writeln!(s, "{row}");
    }
    let mut row = String::from("| **geometric mean** | | |");
    for _ in variants {
        row += " |";
    }
    for rs in &ratios {
        let _ = write!(row, " **{}** |", fmt_ratio(geomean(rs)));
    }
    let _ = writeln!(s, "{row}\n");
    s += &problems(
        results
            .iter()
            .map(|r| (r.bench.name.to_string(), &r.cells[..])),
        variants,
    );
    s
}

fn short(v: &Variant) -> String {
    if v.is_gilvm {
        v.name.clone()
    } else {
        v.name.split(' ').next().unwrap_or("CPython").to_string()
    }
}

fn problems<'a>(rows: impl Iterator<Item = (String, &'a [Cell])>, variants: &[Variant]) -> String {
    let mut s = String::new();
    for (name, cells) in rows {
        for (v, c) in variants.iter().zip(cells) {
            if let Some(f) = &c.failure {
                let _ = writeln!(s, "- {name} failed on {}: {}", v.name, escape(f));
            }
            if let Some(m) = &c.mismatch {
                let _ = writeln!(s, "- {name}: output differs on {}: {}", v.name, escape(m));
            }
        }
    }
    if s.is_empty() {
        "Output check: every run printed the same output on every variant.\n\n".to_string()
    } else {
        format!("Problems:\n\n{s}\n")
    }
}

/// Speedup of a variant at each thread count: throughput at T threads over throughput at
/// one thread, `T * time(1) / time(T)` (each thread does the same work). Paired by round:
/// the median over rounds of that ratio, each round's 1-thread and T-thread runs having run
/// back to back (suites.rs `scaling_order`), so a change of the host's speed between rounds
/// cancels out instead of landing on one side of the ratio.
pub fn speedups(r: &ScalingResult, vi: usize) -> Vec<Option<f64>> {
    let t1 = &r.cells[vi][0].times;
    r.threads
        .iter()
        .enumerate()
        .map(|(ti, &t)| paired_speedup(t1, &r.cells[vi][ti].times, t))
        .collect()
}

/// Each round's own `threads * one[i] / many[i]` (rounds present in both).
fn paired_ratios(one: &[f64], many: &[f64], threads: usize) -> Vec<f64> {
    one.iter()
        .zip(many)
        .filter(|(_, &m)| m > 0.0)
        .map(|(&a, &m)| threads as f64 * a / m)
        .collect()
}

/// Median over rounds of `threads * one[i] / many[i]` (rounds present in both).
fn paired_speedup(one: &[f64], many: &[f64], threads: usize) -> Option<f64> {
    Summary::of(&paired_ratios(one, many, threads)).map(|s| s.median)
}

/// Geometric mean of the speedups over workloads, per thread count.
pub fn mean_speedups(results: &[ScalingResult], vi: usize) -> Vec<Option<f64>> {
    let Some(first) = results.first() else {
        return Vec::new();
    };
    (0..first.threads.len())
        .map(|ti| {
            let xs: Vec<f64> = results.iter().filter_map(|r| speedups(r, vi)[ti]).collect();
            geomean(&xs)
        })
        .collect()
}

/// The scaling tables.
pub fn scaling(
    results: &[ScalingResult],
    variants: &[Variant],
    ceiling: Option<Summary>,
) -> String {
    let mut s = String::new();
    let Some(first) = results.first() else {
        return s;
    };
    let threads = &first.threads;
    let shown: Vec<usize> = (1..threads.len()).collect();
    let _ = writeln!(
        s,
        "## Scaling\n\nEach of T threads does the same work (N iterations); the time is the \
         threaded region as the program measures it. Speedup = T × time(1 thread) / time(T \
         threads), so the ideal is T. The runs at every thread count of one variant run back \
         to back in each round, and the speedup is the median over rounds of each round's own \
         ratio. Cells: speedup at {} thread(s) — median time at 1 thread.\n",
        shown
            .iter()
            .map(|&i| threads[i].to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut head = String::from("| workload | what | N |");
    let mut sep = String::from("|---|---|---:|");
    for v in variants {
        let _ = write!(head, " {} |", v.name);
        sep += "---:|";
    }
    if let Some(c) = ceiling {
        let _ = writeln!(
            s,
            "Machine ceiling: a native loop (registers only, nothing shared) ran on 2 threads at \
             **{:.2}×** one thread's throughput (median of {} rounds before, during and after the suite, \
             range {:.2}–{:.2}×). No interpreter can scale beyond that on this machine in this \
             run; read the 2-thread figures against it.\n",
            c.median, c.n, c.min, c.max
        );
    }
    let _ = writeln!(s, "{head}\n{sep}");
    for r in results {
        let mut row = format!("| {} | {} | {} |", r.bench.name, r.bench.what, r.n);
        for (vi, _) in variants.iter().enumerate() {
            let sp = speedups(r, vi);
            let t1 = &r.cells[vi][0];
            let cell = if let Some(f) = r.cells[vi].iter().find_map(|c| c.failure.as_ref()) {
                format!("FAILED ({})", escape(f))
            } else {
                let xs: Vec<String> = shown
                    .iter()
                    .map(|&i| sp[i].map(|x| format!("{x:.2}×")).unwrap_or("-".into()))
                    .collect();
                let warn = if r.cells[vi].iter().any(|c| c.mismatch.is_some()) {
                    " ⚠"
                } else {
                    ""
                };
                let t = median(t1)
                    .map(|t| format!("{t:.3} s"))
                    .unwrap_or("-".into());
                format!("{} — {t}{warn}", xs.join(" / "))
            };
            let _ = write!(row, " {cell} |");
        }
        let _ = writeln!(s, "{row}");
    }
    let mut row = String::from("| **geometric mean** | | |");
    for (vi, _) in variants.iter().enumerate() {
        let m = mean_speedups(results, vi);
        let xs: Vec<String> = shown
            .iter()
            .map(|&i| m[i].map(|x| format!("**{x:.2}×**")).unwrap_or("-".into()))
            .collect();
        let _ = write!(row, " {} |", xs.join(" / "));
    }
    let _ = writeln!(s, "{row}\n");
    let rows: Vec<(String, Vec<Cell>)> = results
        .iter()
        .flat_map(|r| {
            r.threads.iter().enumerate().map(move |(ti, t)| {
                let cells: Vec<Cell> = r.cells.iter().map(|c| c[ti].clone()).collect();
                (format!("{} ×{t}", r.bench.name), cells)
            })
        })
        .collect();
    s += &problems(rows.iter().map(|(n, c)| (n.clone(), &c[..])), variants);

    // Raw times.
    let _ = writeln!(
        s,
        "<details><summary>Median times per thread count</summary>\n\n| workload | variant |{}\n|---|---|{}",
        threads.iter().map(|t| format!(" {t} thr |")).collect::<String>(),
        threads.iter().map(|_| "---:|").collect::<String>()
    );
    for r in results {
        for (vi, v) in variants.iter().enumerate() {
            let mut row = format!("| {} | {} |", r.bench.name, v.name);
            for c in &r.cells[vi] {
                let _ = write!(row, " {} |", cell_time(c));
            }
            let _ = writeln!(s, "{row}");
        }
    }
    let _ = writeln!(s, "\n</details>\n");
    s
}

/// Bytes per object of variant `vi` on one kind: [`bytes_per_object`] of the median peak
/// RSS at each size. None when a run failed.
pub fn bytes_per_object_of(r: &MemoryResult, vi: usize) -> Option<f64> {
    let p1 = median(&r.cells[vi][0])?;
    let p2 = median(&r.cells[vi][1])?;
    bytes_per_object(p1, p2, r.sizes[0], r.sizes[1])
}

/// The ratio columns of the memory table: each gilvm variant over the first CPython, then
/// each other gilvm variant over the GIL build (variant 0).
fn memory_ratio_cols(variants: &[Variant]) -> Vec<(usize, usize)> {
    let mut cols = Vec::new();
    if let Some(c) = variants.iter().position(|v| !v.is_gilvm) {
        for (i, v) in variants.iter().enumerate() {
            if v.is_gilvm {
                cols.push((i, c));
            }
        }
    }
    for (i, v) in variants.iter().enumerate().skip(1) {
        if v.is_gilvm {
            cols.push((i, 0));
        }
    }
    cols
}

/// Per kind, `bytes_per_object(a) / bytes_per_object(b)`, where both are positive.
fn memory_ratios(results: &[MemoryResult], a: usize, b: usize) -> Vec<(&'static str, f64)> {
    results
        .iter()
        .filter_map(|r| {
            let x = bytes_per_object_of(r, a).filter(|x| *x > 0.0)?;
            let y = bytes_per_object_of(r, b).filter(|y| *y > 0.0)?;
            Some((r.bench.name, x / y))
        })
        .collect()
}

fn mib(bytes: f64) -> String {
    format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
}

/// The memory table: bytes per object per kind and variant, ratios to CPython and FT / GIL,
/// geometric means; the peak RSS of every point in a collapsed table.
pub fn memory(results: &[MemoryResult], variants: &[Variant], runs: usize) -> String {
    let mut s = String::new();
    let Some(first) = results.first() else {
        return s;
    };
    let _ = writeln!(
        s,
        "## Memory\n\nBytes per object = (peak RSS at N2 − peak RSS at N1) / (N2 − N1), N1 = {}, \
         N2 = {}: each variant builds a list of N objects of one kind and keeps them alive; \
         the peak RSS of the process is read from outside (`wait4`), median of {runs} runs \
         per point. The difference cancels start-up and counts what users pay per object: \
         the object, what it owns (tuple2 and list1 count their ints), its slot in the list \
         (8 bytes in CPython, 16 in gilvm) and the allocator's overhead. FT+PYTHON_GIL=1 is \
         not run: it is the FT binary, whose object layout is fixed at build time. Ratios \
         are bytes / bytes: below 1 is smaller.\n",
        first.sizes[0], first.sizes[1]
    );
    let cols = memory_ratio_cols(variants);
    let mut head = String::from("| kind | what |");
    let mut sep = String::from("|---|---|");
    for v in variants {
        let _ = write!(head, " {} |", v.name);
        sep += "---:|";
    }
    for &(a, b) in &cols {
        let _ = write!(head, " {} / {} |", variants[a].name, short(&variants[b]));
        sep += "---:|";
    }
    let _ = writeln!(
        s,
        "{head}
{sep}"
    );
    for r in results {
        let mut row = format!("| {} | {} |", r.bench.name, escape(r.bench.what));
        for (vi, _) in variants.iter().enumerate() {
            let cell = if let Some(f) = r.cells[vi].iter().find_map(|c| c.failure.as_ref()) {
                format!("FAILED ({})", escape(f))
            } else {
                let warn = if r.cells[vi].iter().any(|c| c.mismatch.is_some()) {
                    " ⚠"
                } else {
                    ""
                };
                bytes_per_object_of(r, vi)
                    .map(|b| format!("{b:.1}{warn}"))
                    .unwrap_or_else(|| "-".into())
            };
            let _ = write!(row, " {cell} |");
        }
        for &(a, b) in &cols {
            let q = memory_ratios(std::slice::from_ref(r), a, b)
                .first()
                .map(|x| x.1);
            let _ = write!(row, " {} |", fmt_ratio(q));
        }
        let _ = writeln!(s, "{row}");
    }
    let mut row = String::from("| **geometric mean** | |");
    for _ in variants {
        row += " |";
    }
    for &(a, b) in &cols {
        let rs: Vec<f64> = memory_ratios(results, a, b).iter().map(|x| x.1).collect();
        let _ = write!(row, " **{}** |", fmt_ratio(geomean(&rs)));
    }
    let _ = writeln!(s, "{row}\n");
    let rows: Vec<(String, Vec<Cell>)> = results
        .iter()
        .flat_map(|r| {
            r.sizes.iter().enumerate().map(move |(si, n)| {
                let cells: Vec<Cell> = r.cells.iter().map(|c| c[si].clone()).collect();
                (format!("{} N={n}", r.bench.name), cells)
            })
        })
        .collect();
    s += &problems(rows.iter().map(|(n, c)| (n.clone(), &c[..])), variants);
    let _ = writeln!(
        s,
        "<details><summary>Peak RSS per size (median, ± half the min–max range)</summary>\n\n\
         | kind | variant | N1 = {} | N2 = {} |\n|---|---|---:|---:|",
        first.sizes[0], first.sizes[1]
    );
    for r in results {
        for (vi, v) in variants.iter().enumerate() {
            let mut row = format!("| {} | {} |", r.bench.name, v.name);
            for c in &r.cells[vi] {
                let cell = match (&c.failure, Summary::of(&c.times)) {
                    (Some(_), _) => "FAILED".to_string(),
                    (None, Some(sm)) => format!("{} ±{:.1}%", mib(sm.median), sm.spread_pct()),
                    (None, None) => "-".to_string(),
                };
                let _ = write!(row, " {cell} |");
            }
            let _ = writeln!(s, "{row}");
        }
    }
    let _ = writeln!(s, "\n</details>\n");
    s
}

/// The memory targets (issue 16), decided on geometric means over the kinds: the GIL
/// build's bytes per object at most CPython's, the free-threaded build's at most 1.1× the
/// GIL build's. Each row names the worst kind.
fn memory_targets(memory: &[MemoryResult], variants: &[Variant]) -> Vec<String> {
    let yes_no = |ok: bool| if ok { "met" } else { "**not met**" };
    let mut rows = Vec::new();
    let worst = |rs: &[(&str, f64)]| {
        rs.iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, x)| format!(" (highest: {k} {x:.2})"))
            .unwrap_or_default()
    };
    let gil = 0usize;
    let ft = variants.iter().position(|v| v.is_gilvm && v.name == "FT");
    if let Some(c) = variants.iter().position(|v| !v.is_gilvm) {
        let rs = memory_ratios(memory, gil, c);
        let xs: Vec<f64> = rs.iter().map(|x| x.1).collect();
        if let Some(q) = geomean(&xs) {
            rows.push(format!(
                "| bytes per object of the GIL build at most {}'s (geometric mean of GIL / CPython over the memory kinds) | {q:.2}{} | {} |",
                variants[c].name,
                worst(&rs),
                yes_no(q <= 1.0)
            ));
        }
    }
    if let Some(ft) = ft {
        let rs = memory_ratios(memory, ft, gil);
        let xs: Vec<f64> = rs.iter().map(|x| x.1).collect();
        if let Some(q) = geomean(&xs) {
            rows.push(format!(
                "| bytes per object of the free-threaded build within 10% of the GIL build's (geometric mean of FT / GIL over the memory kinds) | {q:.2}{} | {} |",
                worst(&rs),
                yes_no(q <= 1.10)
            ));
        }
    }
    rows
}

/// The project's targets (issues 5, 7 and 16), each with the figure of this run that
/// decides it. A target whose variants or suite did not run is left out. `mem_variants` are
/// the variants the memory suite ran on.
pub fn targets(
    programs: &[ProgramResult],
    pyperf: &[ProgramResult],
    scaling: &[ScalingResult],
    memory: &[MemoryResult],
    variants: &[Variant],
    mem_variants: &[Variant],
    ceiling: Option<Summary>,
) -> String {
    let gil = 0usize;
    let ceiling_note = ceiling
        .map(|c| format!("; machine ceiling {:.2}×", c.median))
        .unwrap_or_default();
    let ft = variants.iter().position(|v| v.is_gilvm && v.name == "FT");
    let cpy = variants.iter().position(|v| !v.is_gilvm);
    let yes_no = |ok: bool| if ok { "met" } else { "**not met**" };
    let mut rows: Vec<String> = Vec::new();
    let program_mean = |a: usize, b: usize| {
        let rs: Vec<f64> = programs
            .iter()
            .filter_map(|r| ratio(median(&r.cells[a]), median(&r.cells[b])))
            .collect();
        geomean(&rs)
    };
    if let Some(ft) = ft {
        if let Some(q) = program_mean(ft, gil) {
            rows.push(format!(
                "| free-threaded single-thread time within 10% of the GIL build (geometric mean of FT / GIL over the programs) | {q:.2} | {} |",
                yes_no(q <= 1.10)
            ));
        }
        let at2: Vec<(&str, f64)> = scaling
            .iter()
            .filter_map(|r| {
                let ti = r.threads.iter().position(|&t| t == 2)?;
                Some((r.bench.name, speedups(r, ft)[ti]?))
            })
            .collect();
        if let Some((name, low)) = at2.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1)) {
            let below = at2.iter().filter(|(_, x)| *x < 1.8).count();
            rows.push(format!(
                "| 2-thread scaling of the free-threaded build ≥ 1.8× on every workload | lowest {low:.2}× ({name}); {below} of {} below 1.8×{ceiling_note} | {} |",
                at2.len(),
                yes_no(below == 0)
            ));
        }
    }
    let gil_at2: Vec<f64> = scaling
        .iter()
        .filter_map(|r| {
            let ti = r.threads.iter().position(|&t| t == 2)?;
            speedups(r, gil)[ti]
        })
        .collect();
    if let Some(m) = geomean(&gil_at2) {
        rows.push(format!(
            "| 2-thread scaling of the GIL build ≈ 1× | geometric mean {m:.2}× | {} |",
            yes_no((0.8..=1.2).contains(&m))
        ));
    }
    if let Some(c) = cpy {
        if let Some(q) = program_mean(gil, c) {
            rows.push(format!(
                "| the GIL build at least as fast as {} (geometric mean of GIL / CPython over the programs) | {q:.2} | {} |",
                variants[c].name,
                yes_no(q <= 1.0)
            ));
        }
    }
    let ran = |n: usize| format!("{n} of {}", crate::suites::CLASS_HEAVY.len());
    if let Some(c) = cpy {
        if let Some((q, n)) = class_heavy_mean(pyperf, gil, c) {
            rows.push(format!(
                "| pyperformance's class-heavy benchmarks on the GIL build at least as fast as {} (geometric mean of GIL / CPython; {} ran) | {q:.2} | {} |",
                variants[c].name,
                ran(n),
                yes_no(q <= 1.0)
            ));
        }
    }
    if let Some(ft) = ft {
        if let Some((q, n)) = class_heavy_mean(pyperf, ft, gil) {
            rows.push(format!(
                "| pyperformance's class-heavy benchmarks: free-threaded single-thread time within 5% of the GIL build (geometric mean of FT / GIL; {} ran) | {q:.2} | {} |",
                ran(n),
                yes_no(q <= 1.05)
            ));
        }
    }
    rows.extend(memory_targets(memory, mem_variants));
    if rows.is_empty() {
        return String::new();
    }
    rows.extend(run_quality(programs, scaling, ceiling));
    let mut s = String::from(
        "\n## Targets\n\nFrom the free-threaded, comparison and memory issues; each decided by this run's medians (see the noise note in `docs/benchmarking.md`). The last rows say whether the machine was quiet enough, during each timed suite, for its verdicts to decide anything (the memory figures do not depend on the machine's load).\n\n| target | this run | |\n|---|---|---|\n",
    );
    for r in rows {
        s += &r;
        s.push('\n');
    }
    s
}

/// The median spread of the program timings, and of the scaling suite's per-round 2-thread
/// ratios, must stay under this for a suite to count as quiet (percent, half the min–max
/// range over the median).
const QUIET_SPREAD_PCT: f64 = 15.0;
/// And the machine ceiling's range (max / min over its rounds) under this.
const QUIET_CEILING_RANGE: f64 = 1.3;

/// The run-quality rows of the Targets table, one per suite that ran. The programs suite's
/// verdicts (single-thread ratios) rest on the spread of its timings; the scaling suite's
/// (2-thread speedups) on the spread of its per-round ratios, which the pairing keeps small
/// when the host drifts slowly, and on how much the machine ceiling moved.
fn run_quality(
    programs: &[ProgramResult],
    scaling: &[ScalingResult],
    ceiling: Option<Summary>,
) -> Vec<String> {
    let median_of = |xs: Vec<f64>| Summary::of(&xs).map(|s| s.median);
    let verdict = |quiet: bool, suite: &str| {
        if quiet {
            "quiet".to_string()
        } else {
            format!("**noisy: the {suite} verdicts above decide nothing; re-run**")
        }
    };
    let mut rows = Vec::new();
    let program_spread = median_of(
        programs
            .iter()
            .flat_map(|r| r.cells.iter())
            .filter(|c| c.failure.is_none())
            .filter_map(|c| Summary::of(&c.times).map(|s| s.spread_pct()))
            .collect(),
    );
    if let Some(sp) = program_spread {
        rows.push(format!(
            "| a quiet machine for the programs suite (median spread of its timings ≤ ±{QUIET_SPREAD_PCT:.0}%) | ±{sp:.0}% | {} |",
            verdict(sp <= QUIET_SPREAD_PCT, "single-thread")
        ));
    }
    let ratio_spread = median_of(
        scaling
            .iter()
            .filter_map(|r| {
                let ti = r.threads.iter().position(|&t| t == 2)?;
                Some(r.cells.iter().filter_map(move |c| {
                    let xs = paired_ratios(&c[0].times, &c[ti].times, 2);
                    Summary::of(&xs).map(|s| s.spread_pct())
                }))
            })
            .flatten()
            .collect(),
    );
    let range = ceiling.filter(|c| c.min > 0.0).map(|c| c.max / c.min);
    if ratio_spread.is_some() || range.is_some() {
        let mut what = Vec::new();
        let mut quiet = true;
        if let Some(sp) = ratio_spread {
            what.push(format!(
                "median spread of the per-round 2-thread ratios ±{sp:.0}%"
            ));
            quiet &= sp <= QUIET_SPREAD_PCT;
        }
        if let Some(r) = range {
            what.push(format!("machine ceiling varied {r:.2}× between rounds"));
            quiet &= r <= QUIET_CEILING_RANGE;
        }
        rows.push(format!(
            "| a quiet machine for the scaling suite (spread ≤ ±{QUIET_SPREAD_PCT:.0}%, ceiling range ≤ {QUIET_CEILING_RANGE}×) | {} | {} |",
            what.join("; "),
            verdict(quiet, "scaling")
        ));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suites::{Bench, Cell};

    fn program(times: &[f64]) -> ProgramResult {
        ProgramResult {
            bench: Bench {
                name: "p",
                what: "w",
                n: 1,
            },
            n: 1,
            cells: vec![Cell {
                times: times.to_vec(),
                ..Cell::default()
            }],
        }
    }

    fn ceiling(xs: &[f64]) -> Option<Summary> {
        Summary::of(xs)
    }

    #[test]
    fn speedups_pair_the_runs_of_one_round() {
        // Rounds 2 and 3 ran on a host twice as slow for the 1-thread run only in round 2:
        // each round's own ratio is 2 but for that one, and its median is 2 (the medians of
        // the two columns apart would say 4).
        let one = [1.0, 1.0, 2.0, 2.0, 2.0];
        let many = [1.0, 1.0, 1.0, 2.0, 2.0];
        assert_eq!(paired_speedup(&one, &many, 2), Some(2.0));
        // Only the rounds present in both count.
        assert_eq!(paired_speedup(&[1.0, 1.0, 1.0], &[1.0], 2), Some(2.0));
        assert_eq!(paired_speedup(&[], &[1.0], 2), None);
    }

    fn scaling(one: &[f64], two: &[f64]) -> ScalingResult {
        ScalingResult {
            bench: Bench {
                name: "s",
                what: "w",
                n: 1,
            },
            n: 1,
            threads: vec![1, 2],
            cells: vec![vec![
                Cell {
                    times: one.to_vec(),
                    ..Cell::default()
                },
                Cell {
                    times: two.to_vec(),
                    ..Cell::default()
                },
            ]],
        }
    }

    fn variant(name: &str, is_gilvm: bool) -> Variant {
        Variant {
            name: name.to_string(),
            program: std::path::PathBuf::from("x"),
            python_gil: None,
            is_gilvm,
            version: String::new(),
        }
    }

    /// A memory result whose variants peaked at `peaks[v] = ([runs at N1], [runs at N2])`.
    fn memory_result(name: &'static str, peaks: &[(&[f64], &[f64])]) -> MemoryResult {
        let cell = |xs: &[f64]| Cell {
            times: xs.to_vec(),
            ..Cell::default()
        };
        MemoryResult {
            bench: Bench {
                name,
                what: "w",
                n: 1000,
            },
            sizes: [200, 1000],
            cells: peaks.iter().map(|(a, b)| vec![cell(a), cell(b)]).collect(),
        }
    }

    #[test]
    fn bytes_per_object_uses_the_median_peak_of_each_size() {
        // Median 10,000 at N1 = 200 and 50,000 at N2 = 1000: 40,000 / 800 = 50 bytes. The
        // outliers (one run per size) do not count.
        let r = memory_result(
            "k",
            &[(&[10_000.0, 90_000.0, 9_000.0], &[50_000.0, 1.0, 51_000.0])],
        );
        assert_eq!(bytes_per_object_of(&r, 0), Some(50.0));
        let mut failed = r.clone();
        failed.cells[0][1].failure = Some("boom".into());
        assert_eq!(bytes_per_object_of(&failed, 0), None);
    }

    #[test]
    fn memory_ratios_and_their_geometric_means() {
        let vs = [
            variant("GIL", true),
            variant("FT", true),
            variant("CPython 3.14.0", false),
        ];
        // Bytes per object: GIL 32 and 64, FT 32 and 96, CPython 16 and 128.
        let per = |g: f64, f: f64, c: f64| -> Vec<(f64, f64)> {
            [g, f, c].iter().map(|b| (0.0, b * 800.0)).collect()
        };
        let owned: Vec<Vec<(f64, f64)>> = vec![per(32.0, 32.0, 16.0), per(64.0, 96.0, 128.0)];
        let results: Vec<MemoryResult> = ["a", "b"]
            .iter()
            .zip(&owned)
            .map(|(n, p)| {
                let pairs: Vec<([f64; 1], [f64; 1])> = p.iter().map(|&(x, y)| ([x], [y])).collect();
                let refs: Vec<(&[f64], &[f64])> =
                    pairs.iter().map(|(x, y)| (&x[..], &y[..])).collect();
                memory_result(n, &refs)
            })
            .collect();
        assert_eq!(memory_ratio_cols(&vs), vec![(0, 2), (1, 2), (1, 0)]);
        assert_eq!(memory_ratios(&results, 0, 2), vec![("a", 2.0), ("b", 0.5)]);
        assert_eq!(memory_ratios(&results, 1, 0), vec![("a", 1.0), ("b", 1.5)]);
        let rows = memory_targets(&results, &vs);
        assert_eq!(rows.len(), 2, "{rows:?}");
        // GIL / CPython: geometric mean of 2 and 0.5 is 1: met; the worst kind is named.
        assert!(
            rows[0].contains("| 1.00 (highest: a 2.00) | met |"),
            "{}",
            rows[0]
        );
        // FT / GIL: sqrt(1.5) = 1.22 > 1.1.
        assert!(
            rows[1].contains("| 1.22 (highest: b 1.50) | **not met** |"),
            "{}",
            rows[1]
        );
        let md = memory(&results, &vs, 1);
        assert!(
            md.contains("| a | w | 32.0 | 32.0 | 16.0 | 2.00 | 2.00 | 1.00 |"),
            "{md}"
        );
        assert!(
            md.contains("| **geometric mean** | | | | | **1.00** | **1.22** | **1.22** |"),
            "{md}"
        );
        // Without CPython only FT / GIL is left.
        let rows = memory_targets(&results, &vs[..2]);
        assert_eq!(rows.len(), 1);
        assert!(rows[0].contains("FT / GIL"), "{}", rows[0]);
    }

    #[test]
    fn a_quiet_run_is_called_quiet() {
        let rows = run_quality(
            &[program(&[1.0, 1.05, 0.98])],
            &[scaling(&[1.0, 2.0, 1.0], &[1.0, 2.0, 1.05])],
            ceiling(&[1.9, 1.95, 2.0]),
        );
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows[0].contains("| ±4% | quiet |"), "{}", rows[0]);
        // The host halved its speed in round 2, for both runs of the pair: quiet.
        assert!(rows[1].ends_with("| quiet |"), "{}", rows[1]);
        assert!(rows[1].contains("±2%"), "{}", rows[1]);
    }

    #[test]
    fn a_wide_spread_or_a_wandering_ceiling_makes_a_suite_noisy() {
        let quiet_scaling = scaling(&[1.0, 1.0], &[1.0, 1.0]);
        let rows = run_quality(
            &[program(&[1.0, 2.0, 1.2])],
            std::slice::from_ref(&quiet_scaling),
            ceiling(&[1.9, 1.95]),
        );
        assert!(rows[0].contains("single-thread verdicts"), "{}", rows[0]);
        assert!(rows[1].ends_with("| quiet |"), "{}", rows[1]);
        let wander = run_quality(
            &[program(&[1.0, 1.01])],
            &[quiet_scaling],
            ceiling(&[1.0, 1.9]),
        );
        assert!(wander[0].ends_with("| quiet |"), "{}", wander[0]);
        assert!(wander[1].contains("scaling verdicts"), "{}", wander[1]);
        let pairs = run_quality(&[], &[scaling(&[1.0, 1.0], &[1.0, 2.0])], None);
        assert_eq!(pairs.len(), 1);
        assert!(pairs[0].contains("scaling verdicts"), "{}", pairs[0]);
        assert!(run_quality(&[], &[], None).is_empty());
    }
}
