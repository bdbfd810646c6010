//! The `gc` module, and running a collection of reference cycles.
//!
//! # A collection
//! The analysis is the object model's (`gilvm_object::gc`: the tracking table, each
//! payload's traversal and clearing, the essay on the algorithm and its invariants). This
//! file runs it in CPython's order (`gc_collect_main`), stopping the world only where no
//! Python code runs:
//!
//! 1. `gc.callbacks` are called with `"start"`.
//! 2. World stopped (`Gil::with_world_stopped`: the GIL build holds the GIL; the
//!    free-threaded build parks every other thread at its eval-breaker check, as CPython
//!    3.13t does): the unreachable objects are found, the collector takes a reference to
//!    each, and the weak references to them are cleared.
//! 3. World running: the callbacks of the cleared weak references whose weak reference
//!    object is not itself garbage are called; then the finalizers of the garbage run
//!    (PEP 442: once per object; `__del__`, or closing a suspended generator), on the
//!    thread's nested interpreter (`Interp::nested`), as a free path runs them.
//! 4. If any Python code ran in step 3, world stopped again: the garbage is re-checked and
//!    what a finalizer or callback made reachable (resurrected) is let go, alive.
//! 5. World running: the rest is cleared and freed (or, with `DEBUG_SAVEALL`, appended to
//!    `gc.garbage`); `gc.callbacks` are called with `"stop"`. `gc.collect()` returns the
//!    number of objects freed.
//!
//! One collection runs at a time: a `gc.collect()` during another one (from a finalizer,
//! or another thread) returns 0 at once, as CPython's does.
//!
//! # Automatic collection
//! The object model counts tracked allocations minus frees (`young_count`); past the
//! threshold (`gc.set_threshold`'s first value, 2000 by default) and past a quarter of the
//! objects that survived the last collection, it asks the allocating thread to collect at
//! its next eval-breaker check (bit `EvalBreaker::GC`), never from inside an allocation
//! (which may be inside a container's critical section). gilvm has one generation: every
//! collection is a full one, counted as generation 2 when asked for by `gc.collect()` and
//! as generation 0 when automatic; `get_count()` reports the young count and zeros,
//! `get_objects(0)` and `get_objects(1)` nothing (every tracked object is in the oldest
//! generation), `get_threshold()` the three values set.
//!
//! # Published objects (free-threaded build)
//! Functions, classes and modules published in a module's or a class's namespace, with
//! their code, globals, defaults and namespace, are counted per thread
//! (`ObjRef::publish_shared`; `gilvm_object::header`, "Per-thread counts";
//! `gilvm_sync::ptrc`): no decrement frees them, so this collector does. The analysis sums
//! each one's count over every thread's entry (exact: the world is stopped); an
//! unreachable one is demoted to an ordinary count before the collector takes its
//! reference, and freed with the rest of the garbage; an untracked one (a code object)
//! whose count is 0 is demoted and freed by the same collection, or by the next one when
//! only this collection's garbage still held it. A finalizer that resurrects a demoted
//! object has it counted per thread again. Builtin functions and `threading.local`-like
//! natives stay immortal.
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Mutex, OnceLock};

use gilvm_object::gc::{self as collector, AddrSet, NativeGc, Visit};
use gilvm_object::{ObjRef, Payload, Value};

use super::util::Statics;
use crate::args::Args;
use crate::error::PyResult;
use crate::gen::GenState;
use crate::interp::Interp;

const DEBUG_STATS: i64 = 1;
const DEBUG_COLLECTABLE: i64 = 2;
const DEBUG_UNCOLLECTABLE: i64 = 4;
const DEBUG_SAVEALL: i64 = 32;
const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

static COLLECTING: AtomicBool = AtomicBool::new(false);
static DEBUG: AtomicI64 = AtomicI64::new(0);
/// `get_threshold()`'s second and third values (kept for the API: one generation).
static THRESHOLDS: Mutex<(i64, i64)> = Mutex::new((10, 10));
/// Per generation: collections, objects collected, uncollectable (always 0).
static STATS: Mutex<[(i64, i64, i64); 3]> = Mutex::new([(0, 0, 0); 3]);

/// `gc.callbacks` and `gc.garbage`: immortal lists.
struct Lists {
    callbacks: ObjRef,
    garbage: ObjRef,
}
static LISTS: OnceLock<Statics<Lists>> = OnceLock::new();

fn lists(interp: &Interp) -> &'static Lists {
    &LISTS
        .get_or_init(|| {
            let mk = || {
                let Value::Obj(l) = interp.new_list(vec![]) else {
                    unreachable!("new_list returns an object")
                };
                l.make_immortal();
                l
            };
            Statics(Lists {
                callbacks: mk(),
                garbage: mk(),
            })
        })
        .0
}

fn list_of(o: &ObjRef) -> &gilvm_object::list::PyList {
    match o.payload() {
        Payload::List(l) => l,
        _ => unreachable!("a gc list is a list"),
    }
}

/// Installs the collector's hooks: the generator's traversal, the "collect soon" hook.
pub fn install() {
    collector::register_native::<GenState>(NativeGc {
        traverse: gen_traverse,
        clear: gen_clear,
    });
    collector::set_schedule_hook(schedule);
}

/// A suspended generator's references: its name, and its frame's code, globals, locals,
/// fast locals and value stack. (A running generator's frame is out of the object, on the
/// running thread: its references count as outside ones.)
fn gen_traverse(a: &dyn std::any::Any, v: &mut dyn Visit) {
    let Some(g) = a.downcast_ref::<GenState>() else {
        return;
    };
    v.val(&g.name);
    v.val(&g.qualname);
    if let Some(f) = &g.frame {
        v.obj(&f.code);
        v.obj(&f.globals);
        if let Some(l) = &f.locals {
            v.obj(l);
        }
        f.fast.iter().for_each(|x| v.val(x));
        f.stack.iter().for_each(|x| v.val(x));
    }
}

/// Clears a garbage generator: its frame's values move out and it counts as finished (the
/// frame itself, with its code and globals, goes when the generator is freed).
fn gen_clear(a: &mut dyn std::any::Any, out: &mut Vec<Value>) {
    let Some(g) = a.downcast_mut::<GenState>() else {
        return;
    };
    if let Some(f) = &mut g.frame {
        out.append(&mut f.fast);
        out.append(&mut f.stack);
        if let Some(l) = f.locals.take() {
            out.push(Value::Obj(l));
        }
    }
    g.finished = true;
}

/// The object model's "collect soon": sets the eval-breaker bit of the current thread.
fn schedule() {
    if let Some(ts) = Interp::current_thread_state() {
        ts.eval_breaker.set(gilvm_sync::EvalBreaker::GC);
    }
}

/// The eval-breaker's `GC` bit: an automatic collection (generation 0), unless another
/// thread's ran meanwhile.
pub fn collect_scheduled(interp: &mut Interp) {
    if collector::should_collect() {
        collect(interp, 0);
    }
}

fn info_dict(interp: &mut Interp, generation: i64, collected: i64) -> PyResult<Value> {
    let d = interp.new_dict_obj();
    for (k, v) in [
        ("generation", generation),
        ("collected", collected),
        ("uncollectable", 0),
    ] {
        let key = interp.new_str(k);
        interp.dict_set(&d, key, Value::Int(v))?;
    }
    Ok(Value::Obj(d))
}

/// Calls `gc.callbacks` (a snapshot) with `phase` and the info dict; exceptions are
/// reported as CPython reports them and do not stop the others.
fn run_callbacks(interp: &mut Interp, phase: &str, generation: i64, collected: i64) {
    let cbs = list_of(&lists(interp).callbacks).snapshot(interp.py);
    if cbs.is_empty() {
        return;
    }
    let info = match info_dict(interp, generation, collected) {
        Ok(i) => i,
        Err(_) => return,
    };
    let phase = interp.new_str(phase);
    for cb in cbs {
        if let Err(e) = interp.call1(&cb, &[phase.clone(), info.clone()]) {
            let d = interp.repr(&cb).unwrap_or_else(|_| "<object>".into());
            crate::finalize::report_unraisable(
                interp,
                &format!("while calling GC callback {d}"),
                &e,
            );
        }
    }
}

/// One collection (module docs); returns the number of objects collected.
pub fn collect(interp: &mut Interp, generation: i64) -> i64 {
    if COLLECTING.swap(true, Ordering::AcqRel) {
        return 0;
    }
    run_callbacks(interp, "start", generation, 0);
    let py = interp.py;
    let gil = interp.g.gil;
    let ts = interp.thread_state.clone();
    let found = gil.with_world_stopped(&ts, |w| collector::find_unreachable(py, w));
    drop(found.dropped);
    let mut garbage = found.garbage;
    let mut ran_code = !found.callbacks.is_empty();
    gilvm_object::lifecycle::gc_callbacks(found.callbacks);
    for o in garbage.finalizable() {
        ran_code |= gilvm_object::lifecycle::gc_finalize(&o);
    }
    if ran_code && !garbage.is_empty() {
        let alive = gil.with_world_stopped(&ts, |w| garbage.recheck(py, w));
        drop(alive);
    }
    let n = garbage.len() as i64;
    if DEBUG.load(Ordering::Relaxed) & DEBUG_SAVEALL != 0 {
        let g = list_of(&lists(interp).garbage);
        for o in std::mem::take(&mut garbage.objs) {
            g.append(py, Value::Obj(o));
        }
        drop(garbage);
    } else {
        garbage.clear_and_free(py);
    }
    {
        let mut s = STATS.lock().unwrap_or_else(|e| e.into_inner());
        let g = generation.clamp(0, 2) as usize;
        s[g].0 += 1;
        s[g].1 += n;
    }
    if DEBUG.load(Ordering::Relaxed) & DEBUG_STATS != 0 {
        crate::modules::io::flush_stdout();
        crate::modules::io::write_stderr(&format!(
            "gc: collecting generation {generation}...\ngc: objects in each generation: 0 0 {}\ngc: done, {n} unreachable, 0 uncollectable.\n",
            found.examined
        ));
    }
    run_callbacks(interp, "stop", generation, n);
    COLLECTING.store(false, Ordering::Release);
    n
}

// ---- the module ----

fn gen_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(interp.index_value(v)?)),
    }
}

fn gc_collect(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "collect", &["generation"])?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(interp.type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            pos.len()
        )));
    }
    let g = match pos.first().or(args.kw("generation")) {
        None => 2,
        Some(v) => interp.index_value(v)?,
    };
    if !(0..=2).contains(&g) {
        return Err(interp.value_error("invalid generation"));
    }
    Ok(Value::Int(collect(interp, g)))
}

fn gc_enable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "enable", 0, 0)?;
    collector::set_enabled(true);
    Ok(Value::None)
}

fn gc_disable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "disable", 0, 0)?;
    collector::set_enabled(false);
    Ok(Value::None)
}

fn gc_isenabled(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "isenabled", 0, 0)?;
    Ok(Value::Bool(collector::is_enabled()))
}

fn gc_get_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_count", 0, 0)?;
    Ok(interp.new_tuple(vec![
        Value::Int(collector::young_count()),
        Value::Int(0),
        Value::Int(0),
    ]))
}

fn gc_get_threshold(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_threshold", 0, 0)?;
    let (t1, t2) = *THRESHOLDS.lock().unwrap_or_else(|e| e.into_inner());
    Ok(interp.new_tuple(vec![
        Value::Int(collector::threshold()),
        Value::Int(t1),
        Value::Int(t2),
    ]))
}

fn gc_set_threshold(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error("set_threshold() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 3 {
        return Err(interp.type_error("gc.set_threshold requires 1 to 3 arguments"));
    }
    let mut vals = [0i64; 3];
    for (i, v) in pos.iter().enumerate() {
        if !matches!(v, Value::Int(_) | Value::Bool(_)) && v.to_bigint().is_none() {
            let t = interp.type_name(v);
            return Err(
                interp.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            );
        }
        vals[i] = interp.index_value(v)?;
    }
    collector::set_threshold(vals[0]);
    let mut t = THRESHOLDS.lock().unwrap_or_else(|e| e.into_inner());
    if pos.len() > 1 {
        t.0 = vals[1];
    }
    if pos.len() > 2 {
        t.1 = vals[2];
    }
    Ok(Value::None)
}

fn gc_get_debug(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_debug", 0, 0)?;
    Ok(Value::Int(DEBUG.load(Ordering::Relaxed)))
}

fn gc_set_debug(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "set_debug", 1, 1)?;
    let f = interp.index_value(&a[0])?;
    DEBUG.store(f, Ordering::Relaxed);
    Ok(Value::None)
}

fn gc_get_objects(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "get_objects", &["generation"])?;
    let g = gen_arg(interp, args.pos().first().or(args.kw("generation")))?;
    if let Some(g) = g {
        if g >= 3 {
            return Err(interp.value_error(
                "generation parameter must be less than the number of available generations (3)",
            ));
        }
        // A negative generation means all of them, as None does (CPython 3.14).
        if (0..2).contains(&g) {
            return Ok(interp.new_list(vec![]));
        }
    }
    let py = interp.py;
    let gil = interp.g.gil;
    let ts = interp.thread_state.clone();
    let objs = gil.with_world_stopped(&ts, |w| collector::tracked_objects(py, w));
    Ok(interp.new_list(objs.into_iter().map(Value::Obj).collect()))
}

fn gc_get_referrers(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error("get_referrers() takes no keyword arguments"));
    }
    let targets: AddrSet = args
        .pos()
        .iter()
        .filter_map(|v| v.as_obj().map(|o| o.addr()))
        .collect();
    let py = interp.py;
    let gil = interp.g.gil;
    let ts = interp.thread_state.clone();
    let objs = gil.with_world_stopped(&ts, |w| collector::referrers(py, w, &targets));
    Ok(interp.new_list(objs.into_iter().map(Value::Obj).collect()))
}

fn gc_get_referents(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error("get_referents() takes no keyword arguments"));
    }
    let mut out = Vec::new();
    for v in args.pos() {
        if let Some(o) = v.as_obj() {
            if collector::is_tracked(interp.py, o) {
                out.extend(collector::referents(interp.py, o));
            }
        }
    }
    Ok(interp.new_list(out))
}

fn gc_is_tracked(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "is_tracked", 1, 1)?;
    Ok(Value::Bool(
        a[0].as_obj()
            .is_some_and(|o| collector::is_tracked(interp.py, o)),
    ))
}

fn gc_is_finalized(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "is_finalized", 1, 1)?;
    Ok(Value::Bool(a[0].as_obj().is_some_and(|o| {
        gilvm_object::lifecycle::is_finalized(o.addr())
    })))
}

fn gc_freeze(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "freeze", 0, 0)?;
    let py = interp.py;
    let gil = interp.g.gil;
    let ts = interp.thread_state.clone();
    gil.with_world_stopped(&ts, |w| collector::freeze(py, w));
    Ok(Value::None)
}

fn gc_unfreeze(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "unfreeze", 0, 0)?;
    let py = interp.py;
    let gil = interp.g.gil;
    let ts = interp.thread_state.clone();
    gil.with_world_stopped(&ts, |w| collector::unfreeze(py, w));
    Ok(Value::None)
}

fn gc_get_freeze_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_freeze_count", 0, 0)?;
    Ok(Value::Int(collector::freeze_count(interp.py) as i64))
}

fn gc_get_stats(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_stats", 0, 0)?;
    let s = *STATS.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = Vec::new();
    for (c, n, u) in s {
        let d = interp.new_dict_obj();
        for (k, v) in [("collections", c), ("collected", n), ("uncollectable", u)] {
            let key = interp.new_str(k);
            interp.dict_set(&d, key, Value::Int(v))?;
        }
        out.push(Value::Obj(d));
    }
    Ok(interp.new_list(out))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let d = Interp::module_dict(m).expect("a module has a dict").clone();
    let l = lists(interp);
    for (name, v) in [
        ("callbacks", Value::Obj(l.callbacks.clone())),
        ("garbage", Value::Obj(l.garbage.clone())),
        ("DEBUG_STATS", Value::Int(DEBUG_STATS)),
        ("DEBUG_COLLECTABLE", Value::Int(DEBUG_COLLECTABLE)),
        ("DEBUG_UNCOLLECTABLE", Value::Int(DEBUG_UNCOLLECTABLE)),
        ("DEBUG_SAVEALL", Value::Int(DEBUG_SAVEALL)),
        ("DEBUG_LEAK", Value::Int(DEBUG_LEAK)),
    ] {
        interp.dict_set_str(&d, interp.intern(name), v);
    }
    let fns: &[(&'static str, crate::interp::NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("get_debug", gc_get_debug),
        ("set_debug", gc_set_debug),
        ("get_objects", gc_get_objects),
        ("get_referrers", gc_get_referrers),
        ("get_referents", gc_get_referents),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("freeze", gc_freeze),
        ("unfreeze", gc_unfreeze),
        ("get_freeze_count", gc_get_freeze_count),
        ("get_stats", gc_get_stats),
    ];
    for (name, f) in fns {
        interp.add_function(m, name, *f);
    }
    Ok(())
}
