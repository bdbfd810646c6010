//! The `_random` module (CPython's `Modules/_randommodule.c`): the Mersenne Twister type
//! `_random.Random` under the Lib's `random.py`, which derives its `Random` class from it
//! (`class Random(_random.Random)`) and writes every distribution in Python over
//! `random()` and `getrandbits()`.
//!
//! `_random.Random` is a native type whose objects hold a [`Gen`] behind their object lock;
//! Python subclasses are allowed (`gilvm_vm::native_sub`): an instance of the Lib's `Random`
//! is an ordinary instance holding the native object, and the methods here reach the state
//! through `Value::base_value`. Every method is one short critical section that runs no
//! Python code (the OS entropy of `seed(None)` is read before it), as the C methods are
//! critical sections on CPython's free-threaded build. Seeding follows CPython exactly
//! (the absolute value of an int, else `hash(x)`, split into 32-bit words for
//! `init_by_array`), so the Lib's sequences equal CPython's for the same seeds.
use std::sync::OnceLock;

use crate::mt19937::{entropy_key, Mt, N};
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{native_obj, native_type, with_data, Statics};
use gilvm_vm::native_sub;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// The state of one generator.
struct Gen {
    core: Box<Mt>,
}

impl Gen {
    fn new() -> Gen {
        Gen {
            core: Box::<Mt>::default(),
        }
    }

    fn mt(&mut self) -> &mut Mt {
        &mut self.core
    }
}

/// Runs `f` on the generator of `me` (the method's receiver).
fn with_gen<R>(
    interp: &Interp,
    me: &Value,
    fname: &str,
    f: impl FnOnce(&mut Gen) -> R,
) -> PyResult<R> {
    with_data::<Gen, R>(interp, me, f).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor '{fname}' for '_random.Random' objects doesn't apply to a '{}' object",
            interp.type_name(me)
        ))
    })
}

/// The receiver and the arguments of a method with no keyword arguments and `want`
/// positional ones (CPython's messages for `METH_NOARGS`/`METH_O`).
fn c_args<'a>(interp: &Interp, args: &Args<'a>, name: &str, want: usize) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(interp.type_error(format!("unbound method Random.{name}() needs an argument")));
    }
    if args.has_kwargs() {
        return Err(interp.type_error(format!("Random.{name}() takes no keyword arguments")));
    }
    let given = pos.len() - 1;
    if given != want {
        return Err(interp.type_error(match want {
            0 => format!("Random.{name}() takes no arguments ({given} given)"),
            _ => format!("Random.{name}() takes exactly one argument ({given} given)"),
        }));
    }
    Ok(pos)
}

/// `random()`: a float in [0, 1) with 53 random bits.
fn m_random(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = c_args(interp, &args, "random", 0)?;
    Ok(Value::Float(with_gen(interp, &a[0], "random", |g| {
        g.core.random()
    })?))
}

/// The `k` of `getrandbits(k)` (a C `uint64_t`: `__index__` accepted, not float).
fn bits_arg(interp: &mut Interp, v: &Value) -> PyResult<u64> {
    let b = match v.to_bigint() {
        Some(b) if !matches!(v, Value::Float(_)) => b,
        _ => {
            if matches!(v, Value::Float(_))
                || interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                    .is_none()
            {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )));
            }
            let r = gilvm_vm::builtins::numbers::index_int(interp, v)?;
            r.to_bigint().unwrap_or_default()
        }
    };
    if b.is_negative() {
        return Err(interp.value_error("Cannot convert negative int"));
    }
    match b.to_u64() {
        // The words of the result must fit in memory.
        Some(k) if k <= 1 << 36 => Ok(k),
        Some(_) => Err(interp.err(&interp.g.exc.memory_error.clone(), "")),
        None => Err(interp.overflow_error("Python int too large to convert to C uint64_t")),
    }
}

/// `getrandbits(k)`: a non-negative int with `k` random bits.
fn m_getrandbits(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = c_args(interp, &args, "getrandbits", 1)?;
    let k = bits_arg(interp, &a[1])?;
    if k <= 63 {
        let r = with_gen(interp, &a[0], "getrandbits", |g| g.core.bits_u64(k as u32))?;
        return Ok(Value::Int(r as i64));
    }
    let r = with_gen(interp, &a[0], "getrandbits", |g| g.core.bits_big(k))?;
    Ok(interp.new_bigint(r))
}

/// The key words CPython's `random_seed` derives from `arg` (None: the OS entropy).
fn seed_words(interp: &mut Interp, arg: &Value) -> PyResult<Vec<u32>> {
    if arg.is_none() {
        return Ok(entropy_key());
    }
    let n: BigInt = match arg.to_bigint() {
        Some(b) if !matches!(arg, Value::Float(_)) => b.abs(),
        _ => {
            let h = interp.hash(arg)?;
            BigInt::from(h as u64)
        }
    };
    Ok(n.magnitude().to_u32_digits())
}

fn seed_impl(interp: &mut Interp, me: &Value, arg: &Value) -> PyResult<()> {
    let words = seed_words(interp, arg)?;
    with_gen(interp, me, "seed", |g| g.mt().init_by_array(&words))
}

/// `seed(n=None, /)`.
fn m_seed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(interp.type_error("unbound method Random.seed() needs an argument"));
    }
    if args.has_kwargs() {
        return Err(interp.type_error("Random.seed() takes no keyword arguments"));
    }
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "seed expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let arg = pos.get(1).cloned().unwrap_or(Value::None);
    seed_impl(interp, &pos[0], &arg)?;
    Ok(Value::None)
}

/// `getstate()`: the 624 state words and the position, as a tuple of 625 ints.
fn m_getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = c_args(interp, &args, "getstate", 0)?;
    let (words, index) = with_gen(interp, &a[0], "getstate", |g| {
        let mt = g.mt();
        (mt.state, mt.index)
    })?;
    let mut items: Vec<Value> = words.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(index as i64));
    Ok(interp.new_tuple(items))
}

/// `setstate(state, /)`: the inverse of `getstate()`.
fn m_setstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = c_args(interp, &args, "setstate", 1)?;
    let items: Vec<Value> = match &a[1] {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) => t.to_vec(),
            _ => return Err(interp.type_error("state vector must be a tuple")),
        },
        _ => return Err(interp.type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(interp.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(&items[..N]) {
        let Some(b) = v.to_bigint().filter(|_| !matches!(v, Value::Float(_))) else {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )));
        };
        if b.is_negative() {
            return Err(interp.overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(u) = b.to_u64() else {
            return Err(interp.overflow_error("Python int too large to convert to C unsigned long"));
        };
        *w = u as u32;
    }
    let idx = c_index(interp, &items[N])?;
    if idx < 0 || idx > N as i64 {
        return Err(interp.value_error("invalid state"));
    }
    with_gen(interp, &a[0], "setstate", |g| {
        let mt = g.mt();
        mt.state = words;
        mt.index = idx as usize;
    })?;
    Ok(Value::None)
}

/// The position word of a state (a C int).
fn c_index(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match v.to_bigint().filter(|_| !matches!(v, Value::Float(_))) {
        Some(b) => b
            .to_i32()
            .map(|i| i as i64)
            .ok_or_else(|| interp.overflow_error("Python int too large to convert to C int")),
        None => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        ))),
    }
}

/// The type object `_random.Random` (one per process, as a C static type).
static RANDOM_T: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn random_type(interp: &Interp) -> PyResult<ObjRef> {
    RANDOM_T
        .get()
        .map(|t| t.0.clone())
        .ok_or_else(|| interp.runtime_error("_random is not initialised"))
}

/// `Random.__new__(cls, *args, **kwargs)`: a new generator (seeded by `__init__`).
fn random_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = random_type(interp)?;
    let cls = native_sub::new_target(interp, &args, &t)?;
    let obj = native_obj(interp, &t, Gen::new());
    Ok(native_sub::wrap_new(interp, cls.as_ref(), obj))
}

/// `Random.__init__(self, x=None, /)`: seeds the generator (CPython's `random_init`).
fn random_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(me) = pos.first() else {
        return Err(
            interp.type_error("descriptor '__init__' of '_random.Random' object needs an argument")
        );
    };
    let exact = matches!(me, Value::Obj(o) if matches!(o.payload(), Payload::Native(_)));
    if exact && args.has_kwargs() {
        return Err(interp.type_error("Random() takes no keyword arguments"));
    }
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "Random expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let arg = pos.get(1).cloned().unwrap_or(Value::None);
    seed_impl(interp, me, &arg)?;
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if let Some(t) = RANDOM_T.get() {
        interp.add_value(m, "Random", Value::Obj(t.0.clone()));
        return Ok(());
    }
    let t = native_type(
        interp,
        "Random",
        "_random",
        &[
            ("random", m_random),
            ("seed", m_seed),
            ("getstate", m_getstate),
            ("setstate", m_setstate),
            ("getrandbits", m_getrandbits),
            ("__init__", random_init),
        ],
    );
    gilvm_vm::builtins::add_static(interp, &t, "__new__", random_new);
    let _ = RANDOM_T.set(Statics(t.clone()));
    native_sub::allow_subclass(&t);
    interp.add_value(m, "Random", Value::Obj(t));
    Ok(())
}
