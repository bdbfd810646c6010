//! `gilvm-compare [options] script.py [args…]` (also `gilvm compare …`): the user's own
//! program on every variant.
//!
//! Each variant runs the program `warmup` times untimed, then `runs` times timed; the
//! variants alternate run by run (GIL, FT, FT+PYTHON_GIL=1, CPython, GIL, FT, …) so that a
//! drift of the machine's speed hits all of them alike. Per variant the report gives the
//! median wall and CPU time, the peak memory, the speedup against the GIL build, and
//! whether the output matched the GIL build's (a program whose output differs between its
//! own runs is reported as nondeterministic, not as a mismatch). For each gilvm variant, one
//! more run with `-X gilstats` gives the digest that explains the time (waits for the GIL,
//! contended object locks, shared-refcount slow paths, stop-the-world pauses); `--trace DIR`
//! adds a timeline per variant.
//!
//! `--sweep NAME=1,2,4` runs everything once per value: where an argument of the program
//! contains `{NAME}`, the value replaces it; otherwise the value is the environment variable
//! NAME. The sweep draws time and speedup against the value (sweep.svg).
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use plotters::prelude::*;

use crate::stats::Summary;
use crate::variants::{RunOutcome, Variant};

/// What the user asked for.
pub struct Request {
    pub script: PathBuf,
    pub args: Vec<String>,
    pub runs: usize,
    pub warmup: usize,
    pub sweep: Option<(String, Vec<String>)>,
    pub trace: Option<PathBuf>,
    pub out: PathBuf,
}

/// One variant's runs at one sweep point.
#[derive(Default, Clone)]
struct Cell {
    wall: Vec<f64>,
    cpu: Vec<f64>,
    rss: Vec<f64>,
    outputs: Vec<String>,
    failure: Option<String>,
}

/// Parses `NAME=v1,v2,…`.
pub fn parse_sweep(s: &str) -> Result<(String, Vec<String>), String> {
    let (name, values) = s
        .split_once('=')
        .ok_or_else(|| format!("--sweep {s}: expected NAME=VALUE,VALUE,…"))?;
    let values: Vec<String> = values
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(String::from)
        .collect();
    if name.is_empty() || values.is_empty() {
        return Err(format!("--sweep {s}: expected NAME=VALUE,VALUE,…"));
    }
    Ok((name.to_string(), values))
}

/// Runs the comparison; returns the markdown report.
pub fn run(req: &Request, variants: &[Variant]) -> Result<String, String> {
    if !req.script.is_file() {
        return Err(format!("{}: no such file", req.script.display()));
    }
    let points: Vec<Option<String>> = match &req.sweep {
        Some((_, vals)) => vals.iter().cloned().map(Some).collect(),
        None => vec![None],
    };
    let mut table: Vec<Vec<Cell>> = Vec::new();
    for (pi, point) in points.iter().enumerate() {
        let (args, env) = substitute(req, point.as_deref());
        let mut cells = vec![Cell::default(); variants.len()];
        for round in 0..req.warmup + req.runs {
            for (vi, v) in variants.iter().enumerate() {
                if cells[vi].failure.is_some() {
                    continue;
                }
                let label = match (&req.sweep, point) {
                    (Some((n, _)), Some(p)) => format!(" {n}={p}"),
                    _ => String::new(),
                };
                eprint!(
                    "\rgilvm-compare: point {}/{}{label}, run {}/{}: {:<24}",
                    pi + 1,
                    points.len(),
                    round + 1,
                    req.warmup + req.runs,
                    v.name
                );
                match v.run(&req.script, &args, &env) {
                    RunOutcome::Failed(msg) => cells[vi].failure = Some(msg),
                    RunOutcome::Ok { sample, stdout } => {
                        if round >= req.warmup {
                            cells[vi].wall.push(sample.wall);
                            cells[vi].cpu.push(sample.cpu);
                            cells[vi].rss.push(sample.peak_rss as f64);
                        }
                        cells[vi].outputs.push(stdout);
                    }
                }
            }
        }
        eprintln!();
        eprint!("{}", terminal_table(variants, &cells));
        table.push(cells);
    }
    let (args, env) = substitute(req, points.last().cloned().flatten().as_deref());
    let digests = digests(req, variants, &args, &env)?;
    let mut md = String::new();
    let _ = writeln!(md, "# gilvm compare: {}\n", req.script.display());
    let _ = writeln!(
        md,
        "Command: `{}`; {} timed run(s) per variant after {} warm-up run(s), variants alternating run by run.\n",
        std::iter::once("gilvm-compare".to_string())
            .chain(std::env::args().skip(1))
            .collect::<Vec<_>>()
            .join(" "),
        req.runs,
        req.warmup
    );
    for v in variants {
        let _ = writeln!(
            md,
            "- **{}**: `{}` ({})",
            v.name,
            v.program.display(),
            v.version
        );
    }
    md.push('\n');
    for (pi, cells) in table.iter().enumerate() {
        if let (Some((n, _)), Some(p)) = (&req.sweep, &points[pi]) {
            let _ = writeln!(md, "## {n} = {p}\n");
        }
        md += &markdown_table(variants, cells);
        md.push('\n');
    }
    if let Some((name, _)) = &req.sweep {
        let svg = req.out.join("sweep.svg");
        draw_sweep(&svg, name, &points, &table, variants)?;
        md += "![time and speedup against the swept value](sweep.svg)\n\n";
    }
    md += &digests;
    Ok(md)
}

/// The program's arguments and extra environment at one sweep point.
fn substitute(req: &Request, point: Option<&str>) -> (Vec<String>, Vec<(String, String)>) {
    let (Some((name, _)), Some(value)) = (&req.sweep, point) else {
        return (req.args.clone(), vec![]);
    };
    let pat = format!("{{{name}}}");
    if req.args.iter().any(|a| a.contains(&pat)) {
        let args = req.args.iter().map(|a| a.replace(&pat, value)).collect();
        (args, vec![])
    } else {
        (req.args.clone(), vec![(name.clone(), value.to_string())])
    }
}

/// Medians of one cell: (wall, cpu, rss).
fn medians(c: &Cell) -> Option<(f64, f64, f64)> {
    Some((
        Summary::of(&c.wall)?.median,
        Summary::of(&c.cpu)?.median,
        Summary::of(&c.rss)?.median,
    ))
}

/// "yes", "no (…)", or "nondeterministic" for variant `vi` against the GIL build (index 0).
fn output_verdict(cells: &[Cell], vi: usize) -> String {
    let own = &cells[vi].outputs;
    if own.windows(2).any(|w| w[0] != w[1]) {
        return "nondeterministic".into();
    }
    let reference = cells[0].outputs.first();
    match (own.first(), reference) {
        (Some(a), Some(b)) if a == b => "yes".into(),
        (Some(a), Some(b)) => {
            let first = a
                .lines()
                .zip(b.lines())
                .position(|(x, y)| x != y)
                .unwrap_or_else(|| a.lines().count().min(b.lines().count()));
            format!("no (from line {})", first + 1)
        }
        _ => "-".into(),
    }
}

fn markdown_table(variants: &[Variant], cells: &[Cell]) -> String {
    let mut md = String::from(
        "| variant | wall (median) | CPU | peak memory | speedup vs GIL | output matches GIL |\n|---|---:|---:|---:|---:|---|\n",
    );
    let base = medians(&cells[0]).map(|m| m.0);
    for (vi, v) in variants.iter().enumerate() {
        let c = &cells[vi];
        if let Some(f) = &c.failure {
            let _ = writeln!(
                md,
                "| {} | failed: {} | | | | |",
                v.name,
                f.replace('|', "\\|")
            );
            continue;
        }
        let Some((w, cpu, rss)) = medians(c) else {
            continue;
        };
        let spread = Summary::of(&c.wall).map(|s| s.spread_pct()).unwrap_or(0.0);
        let speed = base.map(|b| format!("{:.2}×", b / w)).unwrap_or("-".into());
        let _ = writeln!(
            md,
            "| {} | {:.3} s ± {:.0}% | {:.3} s | {:.1} MB | {} | {} |",
            v.name,
            w,
            spread,
            cpu,
            rss / 1e6,
            speed,
            output_verdict(cells, vi)
        );
    }
    md
}

fn terminal_table(variants: &[Variant], cells: &[Cell]) -> String {
    let mut s = String::new();
    let base = medians(&cells[0]).map(|m| m.0);
    for (vi, v) in variants.iter().enumerate() {
        match (&cells[vi].failure, medians(&cells[vi])) {
            (Some(f), _) => {
                let _ = writeln!(s, "  {:<24} failed: {f}", v.name);
            }
            (None, Some((w, cpu, rss))) => {
                let _ = writeln!(
                    s,
                    "  {:<24} wall {:>8.3} s  cpu {:>8.3} s  peak {:>8.1} MB  speedup {:>5}  output {}",
                    v.name,
                    w,
                    cpu,
                    rss / 1e6,
                    base.map(|b| format!("{:.2}", b / w)).unwrap_or("-".into()),
                    output_verdict(cells, vi)
                );
            }
            (None, None) => {}
        }
    }
    s
}

/// One extra run per gilvm variant with `-X gilstats` (and `-X trace=…` under `--trace`).
fn digests(
    req: &Request,
    variants: &[Variant],
    args: &[String],
    env: &[(String, String)],
) -> Result<String, String> {
    if let Some(dir) = &req.trace {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut md = String::from("## Why: `-X gilstats` of each gilvm variant\n\n");
    for v in variants.iter().filter(|v| v.is_gilvm) {
        eprintln!("gilvm-compare: -X gilstats run: {}", v.name);
        let mut cmd = v.command();
        cmd.arg("-X").arg("gilstats");
        if let Some(dir) = &req.trace {
            let file = dir.join(format!("{}.json", slug(&v.name)));
            cmd.arg("-X").arg(format!("trace={}", file.display()));
        }
        cmd.arg(&req.script).args(args).envs(env.iter().cloned());
        cmd.stdin(std::process::Stdio::null());
        let out = cmd
            .output()
            .map_err(|e| format!("{}: {e}", v.program.display()))?;
        let err = String::from_utf8_lossy(&out.stderr);
        let digest = stats_section(&err);
        let _ = writeln!(md, "### {}\n\n```\n{}\n```\n", v.name, digest.trim_end());
        if let Some(dir) = &req.trace {
            let _ = writeln!(
                md,
                "Timeline: `{}` (open in ui.perfetto.dev)\n",
                dir.join(format!("{}.json", slug(&v.name))).display()
            );
        }
    }
    Ok(md)
}

/// The statistics report at the end of stderr (what follows the program's own stderr).
fn stats_section(stderr: &str) -> String {
    match stderr.find("gilvm statistics (") {
        Some(i) => stderr[stderr[..i].rfind('\n').map_or(0, |j| j + 1)..].to_string(),
        None => stderr.to_string(),
    }
}

fn slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("chart: {e:?}")
}

/// Two panels: median wall time against the value, and speedup against the first value
/// of the GIL build.
fn draw_sweep(
    path: &Path,
    name: &str,
    points: &[Option<String>],
    table: &[Vec<Cell>],
    variants: &[Variant],
) -> Result<(), String> {
    let xs: Vec<f64> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.as_deref()
                .and_then(|s| s.parse::<f64>().ok())
                .unwrap_or(i as f64 + 1.0)
        })
        .collect();
    let series = |vi: usize| -> Vec<(f64, f64)> {
        table
            .iter()
            .zip(&xs)
            .filter_map(|(cells, x)| medians(&cells[vi]).map(|m| (*x, m.0)))
            .collect()
    };
    let base = table.first().and_then(|c| medians(&c[0])).map(|m| m.0);
    let xmin = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let xmax = xs
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max)
        .max(xmin + 1.0);
    let tmax = (0..variants.len())
        .flat_map(|vi| series(vi).into_iter().map(|p| p.1))
        .fold(0.0, f64::max)
        * 1.15;
    let root = SVGBackend::new(path, (900, 360)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let panels = root.split_evenly((1, 2));
    for (pi, area) in panels.iter().enumerate() {
        let speedup = pi == 1;
        let ymax = if speedup {
            (0..variants.len())
                .flat_map(|vi| series(vi).into_iter())
                .filter_map(|(_, t)| base.map(|b| b / t))
                .fold(1.0, f64::max)
                * 1.15
        } else {
            tmax.max(1e-3)
        };
        let caption = if speedup {
            format!("speedup against {name} (vs GIL at the first value)")
        } else {
            format!("median wall time (s) against {name}")
        };
        let mut chart = ChartBuilder::on(area)
            .caption(caption, ("sans-serif", 14))
            .margin(10)
            .x_label_area_size(30)
            .y_label_area_size(45)
            .build_cartesian_2d(xmin..xmax, 0.0..ymax)
            .map_err(err)?;
        chart.configure_mesh().x_desc(name).draw().map_err(err)?;
        for (vi, v) in variants.iter().enumerate() {
            let color = COLORS[vi % COLORS.len()];
            let pts: Vec<(f64, f64)> = series(vi)
                .into_iter()
                .filter_map(|(x, t)| {
                    if speedup {
                        base.map(|b| (x, b / t))
                    } else {
                        Some((x, t))
                    }
                })
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))
                .map_err(err)?
                .label(v.name.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2))
                });
            chart
                .draw_series(pts.into_iter().map(|p| Circle::new(p, 3, color.filled())))
                .map_err(err)?;
        }
        chart
            .configure_series_labels()
            .border_style(BLACK)
            .background_style(WHITE.mix(0.8))
            .draw()
            .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweeps_parse_and_substitute() {
        assert_eq!(
            parse_sweep("THREADS=1,2,4").unwrap(),
            (
                "THREADS".to_string(),
                vec!["1".into(), "2".into(), "4".into()]
            )
        );
        assert!(parse_sweep("THREADS").is_err());
        assert!(parse_sweep("=1").is_err());
        let mut req = Request {
            script: "s.py".into(),
            args: vec!["--n".into(), "{N}".into()],
            runs: 1,
            warmup: 0,
            sweep: Some(("N".into(), vec!["2".into()])),
            trace: None,
            out: "o".into(),
        };
        assert_eq!(
            substitute(&req, Some("2")),
            (vec!["--n".into(), "2".into()], vec![])
        );
        req.args = vec![];
        assert_eq!(
            substitute(&req, Some("2")),
            (vec![], vec![("N".into(), "2".into())])
        );
    }

    #[test]
    fn output_verdicts() {
        let cell = |outs: &[&str]| Cell {
            outputs: outs.iter().map(|s| s.to_string()).collect(),
            ..Cell::default()
        };
        let cells = vec![
            cell(&["a\nb\n"]),
            cell(&["a\nb\n", "a\nb\n"]),
            cell(&["a\nc\n"]),
            cell(&["x", "y"]),
        ];
        assert_eq!(output_verdict(&cells, 1), "yes");
        assert_eq!(output_verdict(&cells, 2), "no (from line 2)");
        assert_eq!(output_verdict(&cells, 3), "nondeterministic");
    }
}
