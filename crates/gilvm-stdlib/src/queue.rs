//! The `_queue` module: `SimpleQueue` (an unbounded FIFO whose `put` never blocks) and the
//! `Empty` exception, which the Lib's `queue.py` builds on.
//!
//! # Design
//! The items live in the queue object's state (`ObjCell`, the per-object lock of the
//! free-threaded build), and a count of items available for taking lives in an `Arc`'d
//! [`Avail`] outside the object, so that a blocking `get` waits detached (no GIL, no object
//! reference; in the main thread a signal wakes it). A `put` appends under the object's
//! lock and then adds one to the count; a `get` first *reserves* one item by taking one
//! from the count (waiting if it is zero), then pops the front item under the object's
//! lock. Every reservation matches an item already appended, so the pop always finds one,
//! and items come out in the order they were put: `put` and `get` are each atomic, as
//! CPython's C `SimpleQueue` on its free-threaded build (no item is lost or duplicated).
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use gilvm_object::payload::NativeObj;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use gilvm_vm::args::Args;
use gilvm_vm::builtins::{add_method, add_static};
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::thread::Wait;

/// How many items can be taken (items appended and not yet reserved by a `get`).
#[derive(Default)]
struct Avail {
    n: Mutex<usize>,
    cv: Condvar,
}

impl Avail {
    fn add_one(&self) {
        *self.n.lock() += 1;
        self.cv.notify_one();
    }
    fn try_take(&self) -> bool {
        let mut n = self.n.lock();
        if *n > 0 {
            *n -= 1;
            true
        } else {
            false
        }
    }
    fn take_until(&self, deadline: Option<Instant>, interruptible: bool) -> Wait {
        let mut n = self.n.lock();
        while *n == 0 {
            if interruptible && gilvm_sync::signals::pending_here() {
                return Wait::Interrupted;
            }
            match deadline {
                None => self.cv.wait(&mut n),
                Some(d) => {
                    if self.cv.wait_until(&mut n, d).timed_out() && *n == 0 {
                        return Wait::TimedOut;
                    }
                }
            }
        }
        *n -= 1;
        Wait::Got
    }
    fn wake_all(&self) {
        let _n = self.n.lock();
        self.cv.notify_all();
    }
}

struct QData {
    items: VecDeque<Value>,
    avail: Arc<Avail>,
}

struct Types {
    simple_queue: ObjRef,
    empty: ObjRef,
}
struct TypesHolder(Types);
// SAFETY: both type objects are immortal, their mutable state behind ObjCells (as
// thread.rs's types).
unsafe impl Sync for TypesHolder {}
// SAFETY: as above.
unsafe impl Send for TypesHolder {}
static TYPES: std::sync::OnceLock<TypesHolder> = std::sync::OnceLock::new();

const EMPTY_SRC: &str = r#"
class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass
Empty.__module__ = '_queue'
"#;

fn types(interp: &mut Interp, m: Option<&ObjRef>) -> PyResult<&'static Types> {
    if let Some(t) = TYPES.get() {
        return Ok(&t.0);
    }
    let Some(m) = m else {
        return Err(interp.runtime_error("_queue is not initialised"));
    };
    let dict = interp.new_dict_obj();
    let mn = interp.new_str("_queue");
    interp.dict_set_str(&dict, interp.g.names.module.clone(), mn);
    let object = interp.g.types.object.clone();
    let sq = new_type(
        interp.py,
        "SimpleQueue",
        vec![object.clone()],
        vec![object],
        dict,
        Layout::Builtin,
        false,
    );
    sq.make_immortal();
    add_static(interp, &sq, "__new__", sq_new);
    add_method(interp, &sq, "put", sq_put);
    add_method(interp, &sq, "put_nowait", sq_put_nowait);
    add_method(interp, &sq, "get", sq_get);
    add_method(interp, &sq, "get_nowait", sq_get_nowait);
    add_method(interp, &sq, "empty", sq_empty);
    add_method(interp, &sq, "qsize", sq_qsize);
    gilvm_vm::modules::util::run_embedded(interp, m, "<_queue>", EMPTY_SRC)?;
    let empty = match interp.getattr_str(&Value::Obj(m.clone()), "Empty")? {
        Value::Obj(o) => o,
        _ => return Err(interp.runtime_error("_queue.Empty is missing")),
    };
    empty.make_immortal();
    let _ = TYPES.set(TypesHolder(Types {
        simple_queue: sq,
        empty,
    }));
    Ok(&TYPES.get().expect("just set").0)
}

fn sq_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => types(interp, None)?.simple_queue.clone(),
    };
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(interp.type_error("SimpleQueue() takes no arguments"));
    }
    let data = QData {
        items: VecDeque::new(),
        avail: Arc::new(Avail::default()),
    };
    Ok(Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls,
        data: ObjCell::new(Box::new(data)),
        tag: 0,
    }))))
}

/// Runs `f` on the queue state of `self` (the first argument).
fn with_q<R>(interp: &Interp, me: &Value, f: impl FnOnce(&mut QData) -> R) -> Option<R> {
    match me {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => n.data.with(interp.py, |d| d.downcast_mut::<QData>().map(f)),
            _ => None,
        },
        _ => None,
    }
}

fn not_queue(interp: &Interp, what: &str) -> PyErr {
    interp.type_error(format!(
        "descriptor '{what}' requires a '_queue.SimpleQueue' object"
    ))
}

fn put(interp: &mut Interp, me: &Value, item: Value, what: &str) -> PyResult {
    let avail = with_q(interp, me, |q| {
        q.items.push_back(item);
        q.avail.clone()
    })
    .ok_or_else(|| not_queue(interp, what))?;
    avail.add_one();
    Ok(Value::None)
}

/// `put(item, block=True, timeout=None)`: never blocks (the arguments are accepted for
/// compatibility with `Queue.put`).
fn sq_put(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "put", &["item", "block", "timeout"])?;
    let p = args.count(interp, "put", 1, 4)?;
    let Some(item) = p.get(1).or(args.kw("item")).cloned() else {
        return Err(interp.type_error("put() missing required argument 'item' (pos 1)"));
    };
    put(interp, &p[0], item, "put")
}

fn sq_put_nowait(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "put_nowait", &["item"])?;
    let p = args.count(interp, "put_nowait", 1, 2)?;
    let Some(item) = p.get(1).or(args.kw("item")).cloned() else {
        return Err(interp.type_error("put_nowait() missing required argument 'item' (pos 1)"));
    };
    put(interp, &p[0], item, "put_nowait")
}

fn empty_error(interp: &mut Interp) -> PyResult<PyErr> {
    let e = types(interp, None)?.empty.clone();
    Ok(PyErr(interp.new_exception(&e, vec![])))
}

/// Removes and returns the front item, waiting (`block`) up to `timeout` for one.
fn get(interp: &mut Interp, me: &Value, block: bool, timeout: Option<Duration>) -> PyResult {
    let avail = with_q(interp, me, |q| q.avail.clone()).ok_or_else(|| not_queue(interp, "get"))?;
    if !avail.try_take() {
        if !block || timeout.is_some_and(|t| t.is_zero()) {
            return Err(empty_error(interp)?);
        }
        let kind = gilvm_vm::threads::take_block_label("queue");
        let a2 = avail.clone();
        let waker: gilvm_sync::signals::Waker = Arc::new(move || a2.wake_all());
        let a3 = avail.clone();
        let got = gilvm_vm::modules::thread::interruptible_wait(
            interp,
            kind,
            "_queue.SimpleQueue",
            timeout,
            waker,
            move |d| a3.take_until(d, true),
        )?;
        if !matches!(got, Value::Bool(true)) {
            return Err(empty_error(interp)?);
        }
    }
    // One item is reserved for this call: it is there.
    match with_q(interp, me, |q| q.items.pop_front()).flatten() {
        Some(v) => Ok(v),
        None => Err(interp.runtime_error("SimpleQueue: a reserved item is missing")),
    }
}

fn sq_get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "get", &["block", "timeout"])?;
    let p = args.count(interp, "get", 1, 3)?;
    let block = match p.get(1).or(args.kw("block")) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let timeout = match p.get(2).or(args.kw("timeout")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = gilvm_vm::to_f64(v).ok_or_else(|| {
                interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer or float",
                    interp.type_name(v)
                ))
            })?;
            if t < 0.0 {
                return Err(interp.value_error("'timeout' must be a non-negative number"));
            }
            Some(Duration::from_secs_f64(
                t.min(gilvm_vm::modules::thread::TIMEOUT_MAX),
            ))
        }
    };
    get(interp, &p[0], block, timeout)
}

fn sq_get_nowait(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "get_nowait", 1, 1)?;
    get(interp, &p[0], false, None)
}

fn sq_empty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "empty", 1, 1)?;
    let n = with_q(interp, &p[0], |q| q.items.len()).ok_or_else(|| not_queue(interp, "empty"))?;
    Ok(Value::Bool(n == 0))
}

fn sq_qsize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "qsize", 1, 1)?;
    let n = with_q(interp, &p[0], |q| q.items.len()).ok_or_else(|| not_queue(interp, "qsize"))?;
    Ok(Value::Int(n as i64))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp, Some(m))?;
    let (sq, empty) = (t.simple_queue.clone(), t.empty.clone());
    interp.add_value(m, "SimpleQueue", Value::Obj(sq));
    interp.add_value(m, "Empty", Value::Obj(empty));
    Ok(())
}
