//! Criterion benches of the core mechanisms, built the same way in both builds so that
//! `make bench-compare` can compare the free-threaded build against a baseline saved
//! from the GIL build (same bench names, one criterion directory).
//!
//! - `refcount/*`: one increment + decrement of an object header, by the owner (the
//!   creating thread) and by another thread; GIL build: a plain `Cell`; free-threaded
//!   build: biased counting (owner: non-atomic field, other threads: an atomic CAS).
//! - `objcell/*`: one critical section on a per-object lock (`ObjCell::with`), with no
//!   other thread, and with a second thread hammering the same object. In the GIL build the
//!   second thread waits for the (bench-local) GIL, as it would in the VM, so the access
//!   costs what an uncontended one does; in the free-threaded build the two threads contend
//!   for the one-byte mutex.
//! - `gil/handover_pair`: two threads passing a GIL back and forth (two forced hand-overs
//!   per iteration: the iteration ends only once the partner has had the GIL and this
//!   thread has it back), with the GIL enabled in both builds (`PYTHON_GIL=1` in the
//!   free-threaded one). A hand-over wakes a sleeping thread, so on a busy machine this
//!   measures the OS scheduler's latency (milliseconds) more than the GIL's (microseconds).
//! - `gil/attach_detach`: `threads::detach` around an empty closure (a blocking call's
//!   overhead: drop the GIL, re-take it; in the free-threaded build without the GIL, almost
//!   nothing).
//! - `loops/*`: small Python programs run through the embedding API.
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

use gilvm_object::header::Header;
use gilvm_sync::{Gil, ObjCell, Priority, Py, ThreadState};
use gilvm_vm::{Config, Vm};

fn refcount(c: &mut Criterion) {
    let mut g = c.benchmark_group("refcount");
    let own = Header::new(0);
    g.bench_function("owner", |b| {
        b.iter(|| {
            let h = black_box(&own);
            h.incref();
            black_box(h.decref_action());
        })
    });
    // Created (and so owned) by a thread that has exited.
    let other = std::thread::spawn(|| Header::new(0))
        .join()
        .expect("thread");
    g.bench_function("non_owner", |b| {
        b.iter(|| {
            let h = black_box(&other);
            h.incref();
            black_box(h.decref_action());
        })
    });
    let immortal = Header::new(0);
    immortal.make_immortal();
    g.bench_function("immortal", |b| {
        b.iter(|| {
            let h = black_box(&immortal);
            h.incref();
            black_box(h.decref_action());
        })
    });
    g.finish();
}

/// A bench-local GIL, enabled in the GIL build and disabled in the free-threaded build
/// (as the VM's own), and a thread state for the calling thread.
fn local_gil() -> (Arc<Gil>, Arc<ThreadState>) {
    (Arc::new(Gil::new()), Arc::new(ThreadState::new_current()))
}

fn objcell(c: &mut Criterion) {
    let mut g = c.benchmark_group("objcell");
    let (gil, ts) = local_gil();
    gil.take(&ts, Priority::Normal);
    // SAFETY: this thread holds the bench-local GIL (GIL build) or is the only thread that
    // touches the cell without it (free-threaded build, where `with` locks).
    let py = unsafe { Py::assume_attached() };
    let cell = Arc::new(ObjCell::new(0u64));
    g.bench_function("uncontended", |b| {
        b.iter(|| cell.with(py, |x| *x = black_box(*x + 1)))
    });

    let stop = Arc::new(AtomicBool::new(false));
    let partner = {
        let (gil, cell, stop) = (gil.clone(), cell.clone(), stop.clone());
        std::thread::spawn(move || {
            let ts = Arc::new(ThreadState::new_current());
            loop {
                gil.take(&ts, Priority::Normal);
                if stop.load(Ordering::Relaxed) {
                    // SAFETY: taken just above.
                    unsafe { gil.drop_gil(&ts, false) };
                    break;
                }
                // SAFETY: this thread holds the GIL (GIL build) or the cell locks itself
                // (free-threaded build).
                let py = unsafe { Py::assume_attached() };
                for _ in 0..64 {
                    cell.with(py, |x| *x += 1);
                }
                // SAFETY: taken above.
                unsafe { gil.drop_gil(&ts, false) };
            }
        })
    };
    g.bench_function("contended", |b| {
        b.iter(|| cell.with(py, |x| *x = black_box(*x + 1)))
    });
    stop.store(true, Ordering::Relaxed);
    // SAFETY: taken at the top of this function; the token `py` is not used after this.
    unsafe { gil.drop_gil(&ts, false) };
    partner.join().expect("partner");
    g.finish();
}

fn gil(c: &mut Criterion) {
    let mut g = c.benchmark_group("gil");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("handover_pair", |b| {
        b.iter_custom(|iters| {
            let (gil, ts) = local_gil();
            gil.set_enabled_at_startup(true);
            let stop = Arc::new(AtomicBool::new(false));
            gil.take(&ts, Priority::Normal);
            // `turns` counts the partner's turns with the GIL: an iteration ends only once
            // the partner has had the GIL and this thread has it back, so it holds at
            // least two real hand-overs.
            let turns = Arc::new(AtomicU64::new(0));
            let partner = {
                let (gil, stop, turns) = (gil.clone(), stop.clone(), turns.clone());
                std::thread::spawn(move || {
                    let ts = Arc::new(ThreadState::new_current());
                    loop {
                        gil.take(&ts, Priority::Normal);
                        turns.fetch_add(1, Ordering::Relaxed);
                        let done = stop.load(Ordering::Relaxed);
                        // SAFETY: taken just above.
                        unsafe { gil.drop_gil(&ts, !done) };
                        if done {
                            break;
                        }
                    }
                })
            };
            let hand_over = || {
                let before = turns.load(Ordering::Relaxed);
                while turns.load(Ordering::Relaxed) == before {
                    // SAFETY: this thread holds the GIL (taken before the loop, and again
                    // at the end of each iteration).
                    unsafe { gil.drop_gil(&ts, true) };
                    gil.take(&ts, Priority::Normal);
                    if turns.load(Ordering::Relaxed) == before {
                        // The partner was not waiting yet: let it run (spinning here
                        // would starve it on a busy machine).
                        std::thread::yield_now();
                    }
                }
            };
            for _ in 0..10 {
                hand_over();
            }
            let start = Instant::now();
            for _ in 0..iters {
                hand_over();
            }
            let elapsed = start.elapsed();
            stop.store(true, Ordering::Relaxed);
            // SAFETY: held since the last `take`.
            unsafe { gil.drop_gil(&ts, false) };
            partner.join().expect("partner");
            elapsed
        })
    });
    let vm = Vm::new(Config::default());
    g.bench_function("attach_detach", |b| {
        vm.with_interp(|interp| {
            b.iter(|| gilvm_vm::threads::detach(interp, || black_box(1u32)));
        })
    });
    g.finish();
}

fn program(name: &str, n: u64) -> String {
    let path = format!("{}/benches/programs/{name}.py", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).expect("bench program");
    format!("N = {n}\nprint = lambda *a, **k: None\n{src}")
}

fn loops(c: &mut Criterion) {
    let vm = Vm::new(Config::default());
    let mut g = c.benchmark_group("loops");
    g.sample_size(10);
    for (name, n) in [
        ("count_loop", 300_000u64),
        ("sum_squares", 200_000),
        ("fib", 18),
        ("gen_closures", 30_000),
        ("scheduler", 2_000),
    ] {
        let src = program(name, n);
        g.bench_function(name, |b| {
            b.iter(|| assert_eq!(vm.run_source(&src, "<bench>"), 0))
        });
    }
    g.finish();
}

criterion_group!(benches, refcount, objcell, gil, loops);
criterion_main!(benches);
