//! The `random` module: CPython's `Lib/random.py` over the Mersenne Twister of
//! `Modules/_randommodule.c`, natively. Integer seeds give exactly CPython's sequences.
//!
//! `Random` and `SystemRandom` are native types whose instances hold a [`RandomState`]
//! behind their object lock; the module-level functions are methods bound to a hidden
//! instance. Every generator step happens inside one short critical section that runs no
//! Python code; methods that must call Python code (indexing a population, comparing
//! weights) draw their numbers first and release the lock before calling.
//!
//! This file: the state, the types, argument binding, seeding and state; `random_seq.rs`:
//! integer and sequence methods; `random_dist.rs`: the real-valued distributions.
use gilvm_object::Owned;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use gilvm_object::code::BinOp;
use gilvm_object::payload::{BuiltinFn, ErasedFn, NativeObj};
use gilvm_object::types::Layout;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use super::mt19937::{entropy_key, Core, Mt, N};
use super::{random_dist as dist, random_seq as seq};
use crate::args::Args;
use crate::builtins::{add_method, add_static};
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

/// The state of one generator.
pub struct RandomState {
    pub core: Core,
    /// The second value of the last `gauss()` pair.
    pub gauss_next: Option<f64>,
}

impl RandomState {
    fn new_mt() -> RandomState {
        let mut mt = Box::<Mt>::default();
        mt.init_by_array(&entropy_key());
        RandomState {
            core: Core::Mt(mt),
            gauss_next: None,
        }
    }
}

/// Runs `f` on the generator state of `me` (one critical section: `f` must not run Python
/// code).
pub(crate) fn with_rng<R>(
    interp: &Interp,
    me: &Value,
    fname: &str,
    f: impl FnOnce(&mut RandomState) -> R,
) -> PyResult<R> {
    if let Value::Obj(o) = me {
        if let Payload::Native(n) = o.payload() {
            if let Some(r) = n
                .data
                .with(interp.py, |b| b.downcast_mut::<RandomState>().map(f))
            {
                return Ok(r);
            }
        }
    }
    Err(interp.type_error(format!(
        "descriptor '{fname}' for '_random.Random' objects doesn't apply to a '{}' object",
        interp.type_name(me)
    )))
}

/// `random()` of `me`.
pub(crate) fn next_float(interp: &Interp, me: &Value) -> PyResult<f64> {
    with_rng(interp, me, "random", |s| s.core.random())
}

// ---------------------------------------------------------------------------------------
// Argument binding with the messages CPython gives for the Python-level methods.

/// The signature of a method written in Python in CPython (`self` included in `pos`).
pub(crate) struct Sig {
    pub name: &'static str,
    pub pos: &'static [&'static str],
    /// How many leading positional parameters are required (self included).
    pub required: usize,
    pub kwonly: &'static [&'static str],
}

fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// Binds `args` to `sig`: one slot per positional then keyword-only parameter.
pub(crate) fn bind(interp: &Interp, args: Args<'_>, sig: &Sig) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(interp.type_error(format!("unbound method {}() needs an argument", sig.name)));
    }
    let np = sig.pos.len();
    let mut slots: Vec<Option<Value>> = vec![None; np + sig.kwonly.len()];
    for (i, v) in pos.iter().enumerate().take(np) {
        slots[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let at = sig
            .pos
            .iter()
            .position(|p| *p == k)
            .or_else(|| sig.kwonly.iter().position(|p| *p == k).map(|i| np + i));
        match at {
            Some(i) if slots[i].is_some() => {
                return Err(interp.type_error(format!(
                    "{}() got multiple values for argument '{k}'",
                    sig.name
                )))
            }
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "{}() got an unexpected keyword argument '{k}'",
                    sig.name
                )))
            }
        }
    }
    if pos.len() > np {
        let given = pos.len();
        let msg = if sig.required == np {
            format!(
                "{}() takes {np} positional argument{} but {given} {} given",
                sig.name,
                if np == 1 { "" } else { "s" },
                if given == 1 { "was" } else { "were" }
            )
        } else {
            format!(
                "{}() takes from {} to {np} positional arguments but {given} were given",
                sig.name, sig.required
            )
        };
        return Err(interp.type_error(msg));
    }
    let missing: Vec<&str> = (0..sig.required)
        .filter(|&i| slots[i].is_none())
        .map(|i| sig.pos[i])
        .collect();
    if !missing.is_empty() {
        let n = missing.len();
        return Err(interp.type_error(format!(
            "{}() missing {n} required positional argument{}: {}",
            sig.name,
            if n == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    Ok(slots)
}

/// Checks a method implemented in C in CPython (`Random.random()` and friends): `want`
/// arguments besides self, no keywords.
pub(crate) fn c_args<'a>(
    interp: &Interp,
    args: Args<'a>,
    name: &str,
    want: usize,
) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(interp.type_error(format!("unbound method {name}() needs an argument")));
    }
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let given = pos.len() - 1;
    if given != want {
        return Err(interp.type_error(match want {
            0 => format!("{name}() takes no arguments ({given} given)"),
            1 => format!("{name}() takes exactly one argument ({given} given)"),
            _ => format!("{name}() takes exactly {want} arguments ({given} given)"),
        }));
    }
    Ok(pos)
}

// ---------------------------------------------------------------------------------------
// Numeric helpers shared by the method files.

/// `operator.index(v)` as a BigInt.
pub(crate) fn index_big(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = v.to_bigint() {
        return Ok(b);
    }
    if !matches!(v, Value::Float(_)) {
        if let Some(m) =
            interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
        {
            let r = interp.call_method_value(&m, v, &[])?;
            return match r.to_bigint() {
                Some(b) if !matches!(r, Value::Bool(_)) => Ok(b),
                _ => Err(interp.type_error(format!(
                    "__index__ returned non-int (type {})",
                    interp.type_name(&r)
                ))),
            };
        }
    }
    Err(interp.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        interp.type_name(v)
    )))
}

/// A number as an f64 when that is exact Python arithmetic (float, bool, int in i64).
#[inline]
pub(crate) fn plain_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

/// `float(v)` as the math module converts arguments (`PyFloat_AsDouble`).
pub(crate) fn to_float(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    if let Some(f) = plain_f64(v) {
        return Ok(f);
    }
    if let Some(b) = v.to_bigint() {
        return match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(interp.overflow_error("int too large to convert to float")),
        };
    }
    for name in ["__float__", "__index__"] {
        if let Some(m) = interp.lookup_special(v, name) {
            let r = interp.call_method_value(&m, v, &[])?;
            return match (name, &r) {
                ("__float__", Value::Float(f)) => Ok(*f),
                ("__float__", _) => Err(interp.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    interp.type_name(v),
                    interp.type_name(&r)
                ))),
                _ => to_float(interp, &r),
            };
        }
    }
    Err(interp.type_error(format!("must be real number, not {}", interp.type_name(v))))
}

pub(crate) fn binop(interp: &mut Interp, op: BinOp, a: &Value, b: &Value) -> PyResult {
    interp.binary_op(op, a.clone(), b.clone(), false)
}

/// An int value from a BigInt.
pub(crate) fn int_value(interp: &Interp, b: BigInt) -> Value {
    interp.new_bigint(b)
}

/// Python equality of a number with a small int (`version == 2`).
fn num_eq(v: &Value, n: i64) -> bool {
    match v {
        Value::Int(i) => *i == n,
        Value::Bool(b) => *b as i64 == n,
        Value::Float(f) => *f == n as f64,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Core methods: random, getrandbits, randbytes, seed, getstate, setstate.

fn m_random(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = c_args(interp, args, "Random.random", 0)?;
    Ok(Value::Float(next_float(interp, &a[0])?))
}

/// The `k` of `getrandbits(k)` (a C int).
fn bits_arg(interp: &mut Interp, v: &Value) -> PyResult<u64> {
    let k = index_big(interp, v)?;
    let k = k
        .to_i32()
        .ok_or_else(|| interp.overflow_error("Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(interp.value_error("number of bits must be non-negative"));
    }
    Ok(k as u64)
}

fn m_getrandbits(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = c_args(interp, args, "Random.getrandbits", 1)?;
    let k = bits_arg(interp, &a[1])?;
    if k <= 63 {
        let r = with_rng(interp, &a[0], "getrandbits", |s| s.core.bits_u64(k as u32))?;
        return Ok(Value::Int(r as i64));
    }
    let r = with_rng(interp, &a[0], "getrandbits", |s| s.core.bits_big(k))?;
    Ok(int_value(interp, r))
}

const SIG_RANDBYTES: Sig = Sig {
    name: "Random.randbytes",
    pos: &["self", "n"],
    required: 2,
    kwonly: &[],
};

fn m_randbytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_RANDBYTES)?;
    let me = a[0].clone().unwrap();
    let nv = a[1].clone().unwrap();
    // getrandbits(n * 8).to_bytes(n, 'little')
    let n8 = binop(interp, BinOp::Mul, &nv, &Value::Int(8))?;
    let k = bits_arg(interp, &n8)?;
    let n = (k / 8) as usize;
    let words = with_rng(interp, &me, "randbytes", |s| s.core.bits_words(k))?;
    let mut out = Vec::with_capacity(n + 4);
    for w in words {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out.truncate(n);
    Ok(Value::Obj(
        interp.new_obj(Owned::Bytes(out.into_boxed_slice())),
    ))
}

const SIG_SEED: Sig = Sig {
    name: "Random.seed",
    pos: &["self", "a", "version"],
    required: 1,
    kwonly: &[],
};

/// The key CPython's C `random_seed` derives from a seed that is not None.
fn seed_key(interp: &mut Interp, a: &Value) -> PyResult<BigInt> {
    if let Some(b) = a.to_bigint() {
        return Ok(b.abs());
    }
    let h = interp.hash(a)?;
    Ok(BigInt::from(h as u64))
}

/// `Random.seed(a, version)`.
fn seed_state(interp: &mut Interp, me: &Value, a: Value, version: &Value) -> PyResult<()> {
    let key: Option<BigInt> = if a.is_none() {
        None
    } else {
        let bytes: Option<Vec<u8>> = match &a {
            Value::Obj(o) => match o.payload() {
                Payload::Str(s) => Some(s.as_str().as_bytes().to_vec()),
                Payload::Bytes(b) => Some(b.to_vec()),
                _ => None,
            },
            _ => None,
        };
        match bytes {
            Some(b) if num_eq(version, 1) => {
                // Version 1: the pre-3.2 hash of the str (bytes decoded as latin-1).
                let chars: Vec<u64> = match a.as_str() {
                    Some(text) => text.chars().map(|c| c as u64).collect(),
                    None => b.iter().map(|&c| c as u64).collect(),
                };
                let mut x: u64 = chars.first().map(|c| c << 7).unwrap_or(0);
                for &c in &chars {
                    x = 1_000_003u64.wrapping_mul(x) ^ c;
                }
                x ^= chars.len() as u64;
                Some(BigInt::from(x))
            }
            Some(mut b) if num_eq(version, 2) => {
                let digest = super::sha512::sha512(&b);
                b.extend_from_slice(&digest);
                Some(BigInt::from_bytes_be(Sign::Plus, &b))
            }
            Some(_) => Some(seed_key(interp, &a)?),
            None => {
                let ok = matches!(a, Value::Int(_) | Value::Bool(_) | Value::Float(_))
                    || a.to_bigint().is_some();
                if !ok {
                    return Err(interp.type_error("The only supported seed types are:\nNone, int, float, str, bytes, and bytearray."));
                }
                Some(seed_key(interp, &a)?)
            }
        }
    };
    // The key's 32-bit words, least significant first (read the OS entropy before locking).
    let words: Vec<u32> = match &key {
        None => entropy_key(),
        Some(k) => k.magnitude().to_u32_digits(),
    };
    with_rng(interp, me, "seed", |s| {
        if let Core::Mt(mt) = &mut s.core {
            mt.init_by_array(&words);
        }
        s.gauss_next = None;
    })
}

fn m_seed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_SEED)?;
    let me = a[0].clone().unwrap();
    if with_rng(interp, &me, "seed", |s| matches!(s.core, Core::System(_)))? {
        // SystemRandom.seed(*args, **kwds): a stub.
        return Ok(Value::None);
    }
    let seed = a[1].clone().unwrap_or(Value::None);
    let version = a[2].clone().unwrap_or(Value::Int(2));
    seed_state(interp, &me, seed, &version)?;
    Ok(Value::None)
}

fn system_has_no_state(interp: &Interp) -> crate::error::PyErr {
    interp.not_implemented_error("System entropy source does not have state.")
}

fn m_getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.getstate",
            pos: &["self"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let me = a[0].clone().unwrap();
    let snap = with_rng(interp, &me, "getstate", |s| match &s.core {
        Core::Mt(mt) => Some((mt.state, mt.index, s.gauss_next)),
        Core::System(_) => None,
    })?;
    let Some((words, index, gauss)) = snap else {
        return Err(system_has_no_state(interp));
    };
    let mut items: Vec<Value> = words.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(index as i64));
    let internal = interp.new_tuple(items);
    let g = gauss.map(Value::Float).unwrap_or(Value::None);
    Ok(interp.new_tuple(vec![Value::Int(3), internal, g]))
}

/// The C-level `setstate(internalstate)`.
fn set_internal(interp: &mut Interp, me: &Value, internal: &Value) -> PyResult<()> {
    let items: Vec<Value> = match internal {
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
        let Some(b) = v.to_bigint() else {
            return Err(interp.type_error("an integer is required"));
        };
        if b.is_negative() {
            return Err(interp.overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(u) = b.to_u64() else {
            return Err(interp.overflow_error("Python int too large to convert to C unsigned long"));
        };
        *w = u as u32;
    }
    let idx = index_big(interp, &items[N])?;
    let idx = idx
        .to_i64()
        .ok_or_else(|| interp.overflow_error("Python int too large to convert to C long"))?;
    if idx < 0 || idx > N as i64 {
        return Err(interp.value_error("invalid state"));
    }
    with_rng(interp, me, "setstate", |s| {
        if let Core::Mt(mt) = &mut s.core {
            mt.state = words;
            mt.index = idx as usize;
        }
    })
}

fn m_setstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.setstate",
            pos: &["self", "state"],
            required: 2,
            kwonly: &[],
        },
    )?;
    let me = a[0].clone().unwrap();
    let state = a[1].clone().unwrap();
    if with_rng(interp, &me, "setstate", |s| {
        matches!(s.core, Core::System(_))
    })? {
        return Err(system_has_no_state(interp));
    }
    let version = interp.getitem(&state, &Value::Int(0))?;
    let v2 = num_eq(&version, 2);
    if !num_eq(&version, 3) && !v2 {
        let vs = interp.str_string(&version)?;
        return Err(interp.value_error(format!(
            "state with version {vs} passed to Random.setstate() of version 3"
        )));
    }
    let parts = interp.collect(&state)?;
    if parts.len() < 3 {
        return Err(interp.value_error(format!(
            "not enough values to unpack (expected 3, got {})",
            parts.len()
        )));
    }
    if parts.len() > 3 {
        return Err(interp.value_error("too many values to unpack (expected 3)"));
    }
    let gauss = match &parts[2] {
        Value::None => None,
        v => match plain_f64(v) {
            Some(f) => Some(f),
            None => {
                return Err(interp.type_error(format!(
                    "gilvm's Random.setstate() needs None or a float as gauss_next, not '{}'",
                    interp.type_name(v)
                )))
            }
        },
    };
    with_rng(interp, &me, "setstate", |s| s.gauss_next = gauss)?;
    let mut internal = parts[1].clone();
    if v2 {
        // Version 2 stored signed words: tuple(x % 2**32 for x in internalstate).
        let modulus = Value::Int(1 << 32);
        let xs = interp.collect(&internal)?;
        let mut out = Vec::with_capacity(xs.len());
        for x in &xs {
            out.push(binop(interp, BinOp::Mod, x, &modulus)?);
        }
        internal = interp.new_tuple(out);
    }
    set_internal(interp, &me, &internal)?;
    Ok(Value::None)
}

// ---------------------------------------------------------------------------------------
// Types and the module.

fn new_random_obj(interp: &Interp, cls: &ObjRef, st: RandomState) -> Value {
    let data: Box<dyn std::any::Any> = Box::new(st);
    Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls.clone(),
        data: ObjCell::new(data),
        tag: 0,
    })))
}

fn class_arg(interp: &Interp, args: &Args<'_>, what: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => Ok(t.clone()),
        _ => Err(interp.type_error(format!("{what}.__new__(X): X is not a type object"))),
    }
}

/// `Random(x=None)`: a new generator seeded as `Random.seed(x)`.
fn random_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = class_arg(interp, &args, "Random")?;
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.__init__",
            pos: &["self", "x"],
            required: 1,
            kwonly: &[],
        },
    )?;
    match a[1].clone().filter(|x| !x.is_none()) {
        Some(x) => {
            let obj = new_random_obj(
                interp,
                &cls,
                RandomState {
                    core: Core::Mt(Box::default()),
                    gauss_next: None,
                },
            );
            seed_state(interp, &obj, x, &Value::Int(2))?;
            Ok(obj)
        }
        None => Ok(new_random_obj(interp, &cls, RandomState::new_mt())),
    }
}

/// `SystemRandom(*args)`: a generator reading the operating system's entropy.
fn system_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = class_arg(interp, &args, "SystemRandom")?;
    // SystemRandom(x) runs Random.__init__, whose seed() is a stub.
    bind(
        interp,
        args,
        &Sig {
            name: "Random.__init__",
            pos: &["self", "x"],
            required: 1,
            kwonly: &[],
        },
    )?;
    Ok(new_random_obj(
        interp,
        &cls,
        RandomState {
            core: Core::System(Vec::new()),
            gauss_next: None,
        },
    ))
}

fn new_native_type(interp: &mut Interp, name: &str, base: Option<&ObjRef>) -> ObjRef {
    let object = interp.g.types.object.clone();
    let (bases, mro) = match base {
        Some(b) => (vec![b.clone()], vec![b.clone(), object]),
        None => (vec![object.clone()], vec![object]),
    };
    let dict = interp.new_dict_obj();
    let t =
        gilvm_object::types::new_type(interp.py, name, bases, mro, dict, Layout::Builtin, false);
    if let Payload::Type(tt) = t.payload() {
        tt.dict().set_str(
            interp.py,
            interp.g.names.module.clone(),
            Value::Obj(interp.intern("random")),
        );
    }
    t.make_immortal();
    t
}

/// The methods of `Random`, also exported as module functions bound to the hidden instance.
const METHODS: &[(&str, NativeFn)] = &[
    ("seed", m_seed),
    ("random", m_random),
    ("uniform", dist::uniform),
    ("triangular", dist::triangular),
    ("randint", seq::randint),
    ("choice", seq::choice),
    ("randrange", seq::randrange),
    ("sample", seq::sample),
    ("shuffle", seq::shuffle),
    ("choices", seq::choices),
    ("normalvariate", dist::normalvariate),
    ("lognormvariate", dist::lognormvariate),
    ("expovariate", dist::expovariate),
    ("vonmisesvariate", dist::vonmisesvariate),
    ("gammavariate", dist::gammavariate),
    ("gauss", dist::gauss),
    ("betavariate", dist::betavariate),
    ("binomialvariate", dist::binomialvariate),
    ("paretovariate", dist::paretovariate),
    ("weibullvariate", dist::weibullvariate),
    ("getstate", m_getstate),
    ("setstate", m_setstate),
    ("getrandbits", m_getrandbits),
    ("randbytes", m_randbytes),
];

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let random_t = new_native_type(interp, "Random", None);
    add_static(interp, &random_t, "__new__", random_new);
    for &(name, f) in METHODS {
        add_method(interp, &random_t, name, f);
    }
    add_method(interp, &random_t, "_randbelow", seq::randbelow_method);
    if let Payload::Type(tt) = random_t.payload() {
        tt.dict()
            .set_str(interp.py, interp.intern("VERSION"), Value::Int(3));
    }
    let system_t = new_native_type(interp, "SystemRandom", Some(&random_t));
    add_static(interp, &system_t, "__new__", system_new);

    interp.add_value(m, "Random", Value::Obj(random_t.clone()));
    interp.add_value(m, "SystemRandom", Value::Obj(system_t));
    let inst = new_random_obj(interp, &random_t, RandomState::new_mt());
    for &(name, f) in METHODS {
        let bound = Value::Obj(interp.new_obj(Owned::BuiltinFunction(BuiltinFn {
            name,
            func: ErasedFn(f as *const ()),
            receiver: Some(inst.clone()),
            data: Value::None,
        })));
        interp.add_value(m, name, bound);
    }
    interp.add_value(m, "_inst", inst);
    let consts = [
        ("NV_MAGICCONST", 4.0 * (-0.5f64).exp() / 2.0f64.sqrt()),
        ("TWOPI", std::f64::consts::TAU),
        ("LOG4", 4.0f64.ln()),
        ("SG_MAGICCONST", 1.0 + 4.5f64.ln()),
        ("RECIP_BPF", 2.0f64.powi(-53)),
    ];
    for (name, v) in consts {
        interp.add_value(m, name, Value::Float(v));
    }
    interp.add_value(m, "BPF", Value::Int(53));
    let all: Vec<Value> = [
        "Random",
        "SystemRandom",
        "betavariate",
        "binomialvariate",
        "choice",
        "choices",
        "expovariate",
        "gammavariate",
        "gauss",
        "getrandbits",
        "getstate",
        "lognormvariate",
        "normalvariate",
        "paretovariate",
        "randbytes",
        "randint",
        "random",
        "randrange",
        "sample",
        "seed",
        "setstate",
        "shuffle",
        "triangular",
        "uniform",
        "vonmisesvariate",
        "weibullvariate",
    ]
    .iter()
    .map(|s| interp.new_str(*s))
    .collect();
    let all = interp.new_list(all);
    interp.add_value(m, "__all__", all);
    Ok(())
}
