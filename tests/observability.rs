//! Contention statistics and the thread timeline (`-X gilstats`, `sys._gilvm_stats()`,
//! `-X trace=FILE.json`, `gilvm trace-summary`): the figures must be consistent with what
//! the program did, and the trace must be valid JSON with the expected tracks and spans.
//!
//! Timings are never asserted tightly (the machine may be shared): only generous ratios.
//! The build is read from `gilvm -V`; GIL-protocol checks run on the GIL build and on the
//! free-threaded build with `PYTHON_GIL=1`, free-threading checks on the free-threaded build.
//!
//! `GILVM_BIN` selects the interpreter (default: this package's `gilvm` binary).
use std::env;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value as Json;

fn interpreter() -> PathBuf {
    match env::var_os("GILVM_BIN").filter(|b| !b.is_empty()) {
        Some(b) if PathBuf::from(&b).components().count() > 1 => {
            env::current_dir().unwrap().join(b)
        }
        Some(b) => PathBuf::from(b),
        None => PathBuf::from(env!("CARGO_BIN_EXE_gilvm")),
    }
}

fn free_threaded() -> bool {
    let out = Command::new(interpreter())
        .arg("-V")
        .output()
        .expect("run gilvm -V");
    String::from_utf8_lossy(&out.stdout).contains("free-threading")
}

fn scratch(name: &str) -> PathBuf {
    let dir = env::temp_dir().join(format!("gilvm-observability-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Runs `src` with the given options and environment; panics on a non-zero status.
fn run(name: &str, src: &str, opts: &[&str], envs: &[(&str, &str)]) -> Output {
    let script = scratch(&format!("{name}.py"));
    std::fs::write(&script, src).unwrap();
    let mut cmd = Command::new(interpreter());
    cmd.args(opts).arg(&script);
    cmd.env_remove("PYTHON_GIL").env_remove("GILVM_STATS");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run gilvm");
    assert!(
        out.status.success(),
        "{name}: exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The GIL protocol's environment on this build.
fn gil_env() -> Vec<(&'static str, &'static str)> {
    if free_threaded() {
        vec![("PYTHON_GIL", "1")]
    } else {
        vec![]
    }
}

const TWO_WORKERS: &str = r#"
import sys, threading
def count():
    x = 0
    while x < 3_000_000:
        x += 1
ts = [threading.Thread(target=count, name=f"worker-{i}") for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
s = sys._gilvm_stats()
print("enabled", s["enabled"])
for t in s["threads"]:
    if t["name"].startswith("worker"):
        print("T", t["name"], t["running"], t["gil_wait"], t["acquisitions"], t["switches"],
              t["drop_requests_sent"], t["drop_requests_received"], t["forced_switches"])
print("totals", s["drop_requests_sent"], s["forced_switches"], s["switches"])
"#;

struct Worker {
    name: String,
    running: f64,
    wait: f64,
    acquisitions: u64,
    switches: u64,
    sent: u64,
    received: u64,
}

fn workers(stdout: &str) -> Vec<Worker> {
    stdout
        .lines()
        .filter(|l| l.starts_with("T "))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Worker {
                name: f[1].into(),
                running: f[2].parse().unwrap(),
                wait: f[3].parse().unwrap(),
                acquisitions: f[4].parse().unwrap(),
                switches: f[5].parse().unwrap(),
                sent: f[6].parse().unwrap(),
                received: f[7].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn gil_two_cpu_threads_wait_for_each_other() {
    let env = gil_env();
    let out = run("two_workers", TWO_WORKERS, &["-X", "gilstats"], &env);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("enabled True"), "{stdout}");
    let w = workers(&stdout);
    assert_eq!(w.len(), 2, "{stdout}");
    for (me, other) in [(&w[0], &w[1]), (&w[1], &w[0])] {
        assert!(me.running > 0.0, "{}: no running time\n{stdout}", me.name);
        // While one thread runs, the other waits for the GIL: each waits roughly the
        // other's running time (minus the stretch when it ran alone).
        assert!(
            me.wait >= 0.3 * other.running,
            "{} waited {} s, the other ran {} s\n{stdout}",
            me.name,
            me.wait,
            other.running
        );
        assert!(
            me.acquisitions >= 2 && me.switches >= 2,
            "{}\n{stdout}",
            me.name
        );
        assert!(me.sent >= 1 && me.received >= 1, "{}\n{stdout}", me.name);
    }
    // The report at exit has the same threads.
    assert!(stderr.contains("gilvm statistics"), "{stderr}");
    assert!(
        stderr.contains("worker-0") && stderr.contains("worker-1"),
        "{stderr}"
    );
    assert!(stderr.contains("MainThread"), "{stderr}");
}

#[test]
fn off_by_default_and_env_switch() {
    let src = "import sys\ns = sys._gilvm_stats()\nprint(s['enabled'], s['running'], s['acquisitions'], len(s['threads']))\n";
    let out = run("off", src, &[], &[]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "False 0.0 0 0\n");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run("env_on", src, &[], &[("GILVM_STATS", "1")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("True "), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("gilvm statistics"));
}

#[test]
fn stats_dict_has_every_field_on_both_builds() {
    let src = r#"
import sys, time
time.sleep(0.02)
s = sys._gilvm_stats()
keys = ["enabled", "tracing", "build", "gil_enabled", "uptime", "running", "gil_wait",
        "blocked", "acquisitions", "switches", "drop_requests_sent", "drop_requests_received",
        "forced_switches", "blocked_calls", "lock_contended", "lock_wait", "shared_increfs",
        "shared_decrefs", "merge_pushes", "merges", "stop_the_world", "stop_the_world_time",
        "threads", "lock_contention", "gil_events"]
print([k for k in keys if k not in s])
print(s["blocked"] >= 0.015, s["blocked_calls"] >= 1)
print(sorted(s["threads"][0].keys()) == sorted(["id", "name", "alive", "cpu"] + keys[5:22]))
print(s["threads"][0]["cpu"] >= 0.0)
"#;
    let out = run("fields", src, &["-X", "gilstats"], &[]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "[]\nTrue True\nTrue\nTrue\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn spans(events: &[Json], tid: u64, name: &str) -> Vec<(f64, f64)> {
    events
        .iter()
        .filter(|e| e["ph"] == "X" && e["tid"].as_u64() == Some(tid) && e["name"] == name)
        .map(|e| {
            let ts = e["ts"].as_f64().unwrap();
            (ts, ts + e["dur"].as_f64().unwrap())
        })
        .collect()
}

fn load_trace(path: &PathBuf) -> (Vec<Json>, Vec<(u64, String)>) {
    let text = std::fs::read_to_string(path).expect("trace file written");
    let doc: Json = serde_json::from_str(&text).expect("trace is valid JSON");
    let events = doc["traceEvents"].as_array().expect("traceEvents").clone();
    for e in &events {
        let ph = e["ph"].as_str().expect("ph");
        assert!(["M", "X", "i"].contains(&ph), "{e}");
        if ph == "X" {
            assert!(
                e["ts"].as_f64().is_some() && e["dur"].as_f64().unwrap() >= 0.0,
                "{e}"
            );
        }
    }
    let threads = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .map(|e| {
            (
                e["tid"].as_u64().unwrap(),
                e["args"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (events, threads)
}

const SEED: &str = r#"
import threading
def count():
    x = 0
    while x < 2_000_000:
        x += 1
t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)
t1.start()
t2.start()
t1.join()
t2.join()
"#;

#[test]
fn gil_trace_has_tracks_spans_and_summary() {
    let path = scratch("gil_trace.json");
    let opt = format!("trace={}", path.display());
    run("seed_gil", SEED, &["-X", &opt], &gil_env());
    let (events, threads) = load_trace(&path);
    let names: Vec<&str> = threads.iter().map(|t| t.1.as_str()).collect();
    assert!(names.contains(&"MainThread"), "{names:?}");
    assert!(names.contains(&"Thread-1 (count)"), "{names:?}");
    assert!(names.contains(&"Thread-2 (count)"), "{names:?}");
    let main = threads.iter().find(|t| t.1 == "MainThread").unwrap().0;
    assert!(!spans(&events, main, "blocked: join").is_empty());
    for (tid, name) in threads.iter().filter(|t| t.1.starts_with("Thread-")) {
        let run = spans(&events, *tid, "running");
        let wait = spans(&events, *tid, "waiting for GIL");
        assert!(run.len() >= 2, "{name}: {} running spans", run.len());
        assert!(!wait.is_empty(), "{name}: no GIL waits");
        // Spans of one thread do not overlap: running and waiting alternate.
        let mut all: Vec<(f64, f64)> = run.iter().chain(wait.iter()).copied().collect();
        all.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
        for p in all.windows(2) {
            assert!(p[1].0 >= p[0].1 - 1.0, "{name}: overlapping spans {p:?}");
        }
    }
    // Drop requests are instant events.
    assert!(events
        .iter()
        .any(|e| e["ph"] == "i" && e["name"] == "drop request"));
    // The text summary draws one row per thread with both bars.
    let out = Command::new(interpreter())
        .arg("trace-summary")
        .arg(&path)
        .args(["--width", "60"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains('|')).collect();
    assert_eq!(rows.len(), 3, "{text}");
    for r in rows.iter().filter(|r| r.starts_with("Thread-")) {
        let bar = r.split('|').nth(1).unwrap();
        assert_eq!(bar.chars().count(), 60, "{r}");
        assert!(bar.contains('='), "{text}");
    }
    // -X trace-ascii prints the same kind of drawing at exit.
    let out = run("seed_ascii", SEED, &["-X", "trace-ascii"], &gil_env());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Thread-1 (count) |"), "{err}");
}

#[test]
fn trace_summary_word_still_runs_a_script_of_that_name() {
    let dir = scratch("wordcheck");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("trace-summary"), "print('script ran')\n").unwrap();
    let out = Command::new(interpreter())
        .arg("trace-summary")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "script ran\n");
}

#[test]
fn free_threaded_lock_contention_and_parallel_tracks() {
    if !free_threaded() {
        eprintln!("skipped: not a free-threaded build");
        return;
    }
    let src = r#"
import sys, threading
lock = threading.Lock()
counter = [0]
shared = []
def work():
    for i in range(20000):
        with lock:
            counter[0] += 1
        shared.append(i)
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
s = sys._gilvm_stats()
print(counter[0], len(shared))
print("lock", sum(l["contended"] for l in s["lock_contention"] if l["type"] == "_thread.lock") > 0)
print("total", s["lock_contended"] > 0, s["lock_wait"] > 0)
print("gil", s["gil_enabled"], s["gil_events"])
"#;
    let path = scratch("ft_trace.json");
    let opt = format!("trace={}", path.display());
    let out = run("ft_counter", src, &["-X", "gilstats", "-X", &opt], &[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("80000 80000\n"), "{stdout}");
    assert!(stdout.contains("lock True\n"), "{stdout}");
    assert!(stdout.contains("total True True\n"), "{stdout}");
    assert!(stdout.contains("gil False []\n"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("_thread.lock"), "{stderr}");
    assert!(stderr.contains("GIL: off for the whole run"), "{stderr}");
    // Without the GIL the workers' running spans overlap (they are attached at once) and
    // nobody waits for a GIL.
    let (events, threads) = load_trace(&path);
    let workers: Vec<u64> = threads
        .iter()
        .filter(|t| t.1.starts_with("Thread-"))
        .map(|t| t.0)
        .collect();
    assert_eq!(workers.len(), 4);
    assert!(!events.iter().any(|e| e["name"] == "waiting for GIL"));
    let extent = |tid: u64| {
        let r = spans(&events, tid, "running");
        let a = r.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
        let b = r.iter().map(|s| s.1).fold(0.0, f64::max);
        (a, b)
    };
    let (a0, b0) = extent(workers[0]);
    let (a1, b1) = extent(workers[1]);
    assert!(b0.min(b1) > a0.max(a1), "no overlap: {a0}..{b0} {a1}..{b1}");
}

#[test]
fn free_threaded_gil_enabled_at_startup_is_recorded() {
    if !free_threaded() {
        return;
    }
    let src = "import sys\ns = sys._gilvm_stats()\nprint(s['gil_enabled'], [(e['enabled'], e['reason']) for e in s['gil_events']])\n";
    let out = run(
        "ft_gil_on",
        src,
        &["-X", "gilstats"],
        &[("PYTHON_GIL", "1")],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "True [(True, 'PYTHON_GIL=1')]\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("GIL enabled at"));
}
