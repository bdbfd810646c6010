//! Seeing the lock: `-X gilstats` / `GILVM_STATS=1` (a report on stderr at exit),
//! `sys._gilvm_stats()` (the same figures as a dict), and `-X trace=FILE.json` (a Chrome
//! trace-event timeline). The mechanism is `gilvm_sync::stats` and `gilvm_sync::trace`;
//! this module reads the options, formats the figures and writes the files.
use std::fmt::Write as _;
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Value};
use gilvm_sync::stats::{self, c, Snapshot};

use crate::error::PyResult;
use crate::interp::Interp;
use crate::Config;

/// What was asked for on the command line / in the environment.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Print the report at exit.
    pub report: bool,
    /// Write the timeline to this file at exit.
    pub trace_file: Option<String>,
    /// Print the timeline as text at exit (`-X trace-ascii[=FROM_MS:TO_MS]`).
    pub trace_ascii: Option<String>,
}

static OPTIONS: OnceLock<Options> = OnceLock::new();

/// Reads `-X gilstats`, `-X trace=FILE`, `-X trace-ascii` and `GILVM_STATS=1`, and turns
/// collection on accordingly (once per process).
pub fn configure(config: &Config) {
    let mut o = Options {
        report: std::env::var("GILVM_STATS").is_ok_and(|v| !v.is_empty() && v != "0"),
        ..Options::default()
    };
    for (name, value) in &config.xoptions {
        match name.as_str() {
            "gilstats" => o.report = true,
            "trace" => o.trace_file = value.clone().filter(|v| !v.is_empty()),
            "trace-ascii" => o.trace_ascii = Some(value.clone().unwrap_or_default()),
            _ => {}
        }
    }
    stats::init_clock();
    let mut bits = 0;
    if o.report {
        bits |= stats::STATS;
    }
    if o.trace_file.is_some() || o.trace_ascii.is_some() {
        bits |= stats::STATS | stats::TRACE;
    }
    if bits != 0 {
        stats::enable(bits);
    }
    let _ = OPTIONS.set(o);
}

/// The options read by [`configure`].
pub fn options() -> Options {
    OPTIONS.get().cloned().unwrap_or_default()
}

/// What the process track is called in the timeline.
fn process_name() -> String {
    if gilvm_sync::FREE_THREADING {
        let on = crate::globals::try_globals().is_some_and(|g| g.gil.is_enabled());
        format!(
            "gilvm (free-threading build, GIL {})",
            if on { "on" } else { "off" }
        )
    } else {
        "gilvm (GIL build)".into()
    }
}

/// The timeline as Chrome trace-event JSON.
pub fn trace_json() -> String {
    gilvm_sync::trace::to_json(&process_name())
}

/// Exit-time work: prints the report (`-X gilstats`) and writes the trace file
/// (`-X trace=FILE`). Returns false if the trace file could not be written.
pub fn finish() -> bool {
    let o = options();
    let mut ok = true;
    if o.report {
        // Joined threads may still be tearing down; daemon threads are not waited for long.
        stats::wait_for_exits(std::time::Duration::from_millis(100));
        eprint!("{}", report(&stats::snapshot()));
    }
    if let Some(path) = &o.trace_file {
        if let Err(e) = std::fs::write(path, trace_json()) {
            eprintln!("gilvm: cannot write trace file '{path}': {e}");
            ok = false;
        }
    }
    ok
}

/// A readable name for the state guarded by an object lock (`ObjCell<T>`'s `T`).
pub fn lock_type_name(rust: &str) -> String {
    let map: &[(&str, &str)] = &[
        ("Vec<gilvm_object::value::Value>", "list"),
        ("DictTable", "dict"),
        ("SetTable", "set"),
        ("SeqIter", "iterator"),
        ("RangeIter", "range iterator"),
        ("IterState", "iterator"),
        ("ExcData", "exception"),
        (
            "Option<gilvm_object::objref::ObjRef>",
            "instance __dict__ slot",
        ),
        ("Box<dyn core::any::Any>", "native object / generator"),
    ];
    if rust.starts_with("_thread.") {
        return rust.to_string();
    }
    for (k, v) in map {
        if rust.contains(k) {
            return (*v).to_string();
        }
    }
    if rust == "gilvm_object::value::Value" {
        return "cell / name slot".into();
    }
    rust.rsplit("::").next().unwrap_or(rust).to_string()
}

fn secs(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// The text report printed at exit.
pub fn report(s: &Snapshot) -> String {
    let mut out = String::new();
    let build = if gilvm_sync::FREE_THREADING {
        "free-threading build"
    } else {
        "GIL build"
    };
    let _ = writeln!(
        out,
        "gilvm statistics ({build}), wall time {:.3} s",
        secs(s.uptime_ns)
    );
    let _ = writeln!(
        out,
        "{:<22} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8} {:>11} {:>7}",
        "thread",
        "cpu",
        "running",
        "GIL wait",
        "blocked",
        "acquire",
        "switches",
        "drop s/r",
        "forced"
    );
    let row = |out: &mut String, name: &str, cpu: Option<u64>, k: &dyn Fn(usize) -> u64| {
        let name: String = name.chars().take(22).collect();
        let cpu = cpu.map_or("-".to_string(), |v| format!("{:.3}s", secs(v)));
        let _ = writeln!(
            out,
            "{:<22} {:>9} {:>8.3}s {:>8.3}s {:>8.3}s {:>8} {:>8} {:>11} {:>7}",
            name,
            cpu,
            secs(k(c::RUNNING_NS)),
            secs(k(c::GIL_WAIT_NS)),
            secs(k(c::BLOCKED_NS)),
            k(c::ACQUISITIONS),
            k(c::SWITCHES),
            format!(
                "{}/{}",
                k(c::DROP_REQUESTS_SENT),
                k(c::DROP_REQUESTS_RECEIVED)
            ),
            k(c::FORCED_SWITCHES)
        );
    };
    for t in &s.threads {
        row(&mut out, &t.name, t.cpu_ns, &|i| t.counters[i]);
    }
    let cpu = s.threads.iter().map(|t| t.cpu_ns).sum::<Option<u64>>();
    row(&mut out, "total", cpu, &|i| s.total(i));
    let _ = writeln!(
        out,
        "object locks: {} contended acquisitions, {:.6} s waiting",
        s.total(c::LOCK_CONTENDED),
        secs(s.total(c::LOCK_WAIT_NS))
    );
    let mut by_type: Vec<(String, u64, u64)> = Vec::new();
    for l in &s.lock_sites {
        let name = lock_type_name(l.type_name);
        match by_type.iter_mut().find(|e| e.0 == name) {
            Some(e) => {
                e.1 += l.contended;
                e.2 += l.wait_ns;
            }
            None => by_type.push((name, l.contended, l.wait_ns)),
        }
    }
    by_type.sort_by_key(|b| std::cmp::Reverse(b.2));
    for (name, n, w) in by_type.iter().take(8) {
        let _ = writeln!(out, "  {name:<28} {n:>9} waits {:>10.6} s", secs(*w));
    }
    if gilvm_sync::FREE_THREADING {
        let _ = writeln!(
            out,
            "shared refcounts: {} increfs, {} decrefs by non-owners; merge queue: {} pushes, {} merges",
            s.total(c::SHARED_INCREFS),
            s.total(c::SHARED_DECREFS),
            s.total(c::MERGE_PUSHES),
            s.total(c::MERGES)
        );
        let _ = writeln!(
            out,
            "stop-the-world: {} events, {:.6} s",
            s.total(c::STW_EVENTS),
            secs(s.total(c::STW_NS))
        );
        if s.gil_events.is_empty() {
            let _ = writeln!(out, "GIL: off for the whole run");
        }
        for g in &s.gil_events {
            let _ = writeln!(
                out,
                "GIL {} at {:.3} s: {}{}",
                if g.on { "enabled" } else { "disabled" },
                secs(g.t_ns),
                g.reason,
                g.module
                    .as_ref()
                    .map(|m| format!(" (module {m})"))
                    .unwrap_or_default()
            );
        }
    }
    out
}

/// Python name of a counter in `sys._gilvm_stats()`: times in seconds lose `_ns`.
fn py_name(i: usize) -> &'static str {
    match i {
        c::RUNNING_NS => "running",
        c::GIL_WAIT_NS => "gil_wait",
        c::BLOCKED_NS => "blocked",
        c::LOCK_WAIT_NS => "lock_wait",
        c::STW_NS => "stop_the_world_time",
        _ => stats::COUNTER_NAMES[i],
    }
}

fn counter_value(i: usize, v: u64) -> Value {
    if stats::COUNTER_NAMES[i].ends_with("_ns") {
        Value::Float(secs(v))
    } else {
        Value::Int(v as i64)
    }
}

fn set(interp: &mut Interp, d: &ObjRef, k: &str, v: Value) -> PyResult<()> {
    let key = interp.new_str(k);
    interp.dict_set(d, key, v)
}

fn counters_into(interp: &mut Interp, d: &ObjRef, k: &dyn Fn(usize) -> u64) -> PyResult<()> {
    for i in 0..c::N {
        set(interp, d, py_name(i), counter_value(i, k(i)))?;
    }
    Ok(())
}

/// `sys._gilvm_stats()`: the report's figures as a dict. See `docs/observability.md`.
pub fn stats_dict(interp: &mut Interp) -> PyResult {
    let s = stats::snapshot();
    let d = interp.new_dict_obj();
    set(interp, &d, "enabled", Value::Bool(stats::active()))?;
    set(interp, &d, "tracing", Value::Bool(stats::tracing()))?;
    let build = interp.new_str(if gilvm_sync::FREE_THREADING {
        "free-threading"
    } else {
        "gil"
    });
    set(interp, &d, "build", build)?;
    set(
        interp,
        &d,
        "gil_enabled",
        Value::Bool(crate::gilctl::is_gil_enabled(interp)),
    )?;
    set(interp, &d, "uptime", Value::Float(secs(s.uptime_ns)))?;
    counters_into(interp, &d, &|i| s.total(i))?;
    let mut threads = Vec::new();
    for t in &s.threads {
        let td = interp.new_dict_obj();
        set(interp, &td, "id", Value::Int(t.id as i64))?;
        let name = interp.new_str(t.name.as_str());
        set(interp, &td, "name", name)?;
        set(interp, &td, "alive", Value::Bool(t.alive))?;
        let cpu = t.cpu_ns.map_or(Value::None, |v| Value::Float(secs(v)));
        set(interp, &td, "cpu", cpu)?;
        counters_into(interp, &td, &|i| t.counters[i])?;
        threads.push(Value::Obj(td));
    }
    let threads = interp.new_list(threads);
    set(interp, &d, "threads", threads)?;
    let mut locks = Vec::new();
    for l in &s.lock_sites {
        let ld = interp.new_dict_obj();
        let ty = interp.new_str(lock_type_name(l.type_name));
        set(interp, &ld, "type", ty)?;
        let site = match l.site {
            Some(loc) => interp.new_str(format!("{}:{}", loc.file(), loc.line())),
            None => Value::None,
        };
        set(interp, &ld, "site", site)?;
        set(interp, &ld, "contended", Value::Int(l.contended as i64))?;
        set(interp, &ld, "wait", Value::Float(secs(l.wait_ns)))?;
        locks.push(Value::Obj(ld));
    }
    let locks = interp.new_list(locks);
    set(interp, &d, "lock_contention", locks)?;
    let mut events = Vec::new();
    for g in &s.gil_events {
        let gd = interp.new_dict_obj();
        set(interp, &gd, "time", Value::Float(secs(g.t_ns)))?;
        set(interp, &gd, "enabled", Value::Bool(g.on))?;
        let m = match &g.module {
            Some(m) => interp.new_str(m.as_str()),
            None => Value::None,
        };
        set(interp, &gd, "module", m)?;
        let r = interp.new_str(g.reason.as_str());
        set(interp, &gd, "reason", r)?;
        events.push(Value::Obj(gd));
    }
    let events = interp.new_list(events);
    set(interp, &d, "gil_events", events)?;
    Ok(Value::Obj(d))
}
