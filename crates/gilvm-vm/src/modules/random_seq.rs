//! `random`'s integer and sequence methods (`randrange`, `randint`, `choice`, `shuffle`,
//! `sample`, `choices`), following CPython 3.13's `Lib/random.py` draw for draw.
use gilvm_object::Owned;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::payload::{Instance, InstanceBase, RangeObj};
use gilvm_object::{Payload, Value};

use super::random::{bind, binop, index_big, int_value, to_float, with_rng, RandomState, Sig};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// `_randbelow(n)` for n > 0.
fn below(interp: &mut Interp, me: &Value, n: &BigInt) -> PyResult<BigInt> {
    with_rng(interp, me, "_randbelow", |s| s.core.below_big(n))
}

fn below_u64(interp: &Interp, me: &Value, n: u64) -> PyResult<u64> {
    with_rng(interp, me, "_randbelow", |s| s.core.below_u64(n))
}

/// `Random._randbelow(n)`.
pub fn randbelow_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random._randbelow_with_getrandbits",
            pos: &["self", "n"],
            required: 2,
            kwonly: &[],
        },
    )?;
    let me = a[0].clone().unwrap();
    let n = index_big(interp, a[1].as_ref().unwrap())?;
    if !n.is_positive() {
        // getrandbits(0) is 0, and 0 >= n: CPython loops forever for n <= 0; refuse instead.
        return Err(interp.value_error("_randbelow() needs a positive bound"));
    }
    let r = below(interp, &me, &n)?;
    Ok(int_value(interp, r))
}

fn floor_div_i128(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// The core of `randrange(start, stop, step)`; `stop` is None when absent or None, `step`
/// None when absent.
fn do_randrange(
    interp: &mut Interp,
    me: &Value,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult {
    let step_is_one = matches!(step, None | Some(Value::Int(1)));
    // Fast path: machine ints.
    let small_stop = match stop {
        None => Some(None),
        Some(Value::Int(i)) => Some(Some(*i)),
        Some(_) => None,
    };
    let small_step = match step {
        None => Some(1i128),
        Some(Value::Int(i)) => Some(*i as i128),
        Some(_) => None,
    };
    if let (Value::Int(s0), Some(s1), Some(istep)) = (start, small_stop, small_step) {
        let istart = *s0 as i128;
        let Some(s1) = s1 else {
            if !step_is_one {
                return Err(interp.type_error("Missing a non-None stop argument"));
            }
            if istart > 0 {
                return Ok(Value::Int(below_u64(interp, me, istart as u64)? as i64));
            }
            return Err(interp.value_error("empty range for randrange()"));
        };
        let width = s1 as i128 - istart;
        if istep == 1 {
            if width > 0 {
                let r = below_u64(interp, me, width as u64)? as i128;
                return Ok(Value::Int((istart + r) as i64));
            }
            return Err(interp.value_error(format!("empty range in randrange({s0}, {s1})")));
        }
        let n = if istep > 0 {
            floor_div_i128(width + istep - 1, istep)
        } else if istep < 0 {
            floor_div_i128(width + istep + 1, istep)
        } else {
            return Err(interp.value_error("zero step for randrange()"));
        };
        if n <= 0 {
            return Err(
                interp.value_error(format!("empty range in randrange({s0}, {s1}, {istep})"))
            );
        }
        let r = below_u64(interp, me, n as u64)? as i128;
        return Ok(Value::Int((istart + istep * r) as i64));
    }
    let istart = index_big(interp, start)?;
    let Some(stop) = stop else {
        if !step_is_one {
            return Err(interp.type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            let r = below(interp, me, &istart)?;
            return Ok(int_value(interp, r));
        }
        return Err(interp.value_error("empty range for randrange()"));
    };
    let istop = index_big(interp, stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(v) => index_big(interp, v)?,
        None => BigInt::one(),
    };
    if istep.is_one() {
        if width.is_positive() {
            let r = below(interp, me, &width)?;
            return Ok(int_value(interp, istart + r));
        }
        let (a, b) = (interp.str_string(start)?, interp.str_string(stop)?);
        return Err(interp.value_error(format!("empty range in randrange({a}, {b})")));
    }
    let n = if istep.is_positive() {
        (&width + &istep - BigInt::one()).div_floor(&istep)
    } else if istep.is_negative() {
        (&width + &istep + BigInt::one()).div_floor(&istep)
    } else {
        return Err(interp.value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        let (a, b) = (interp.str_string(start)?, interp.str_string(stop)?);
        let c = match step {
            Some(v) => interp.str_string(v)?,
            None => "1".into(),
        };
        return Err(interp.value_error(format!("empty range in randrange({a}, {b}, {c})")));
    }
    let r = below(interp, me, &n)?;
    Ok(int_value(interp, istart + istep * r))
}

const SIG_RANDRANGE: Sig = Sig {
    name: "Random.randrange",
    pos: &["self", "start", "stop", "step"],
    required: 2,
    kwonly: &[],
};

pub fn randrange(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_RANDRANGE)?;
    let me = a[0].clone().unwrap();
    let start = a[1].clone().unwrap();
    let stop = a[2].clone().filter(|v| !v.is_none());
    do_randrange(interp, &me, &start, stop.as_ref(), a[3].as_ref())
}

const SIG_RANDINT: Sig = Sig {
    name: "Random.randint",
    pos: &["self", "a", "b"],
    required: 3,
    kwonly: &[],
};

pub fn randint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_RANDINT)?;
    let me = a[0].clone().unwrap();
    let (lo, hi) = (a[1].clone().unwrap(), a[2].clone().unwrap());
    // randrange(a, b + 1)
    let stop = binop(interp, BinOp::Add, &hi, &Value::Int(1))?;
    do_randrange(interp, &me, &lo, Some(&stop), None)
}

const SIG_CHOICE: Sig = Sig {
    name: "Random.choice",
    pos: &["self", "seq"],
    required: 2,
    kwonly: &[],
};

pub fn choice(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_CHOICE)?;
    let me = a[0].clone().unwrap();
    let seq = a[1].clone().unwrap();
    let n = interp.len(&seq)?;
    if n == 0 {
        return Err(interp.index_error("Cannot choose from an empty sequence"));
    }
    let i = below_u64(interp, &me, n as u64)?;
    interp.getitem(&seq, &Value::Int(i as i64))
}

/// The Fisher-Yates swaps of `shuffle` on a vector.
fn shuffle_vec(s: &mut RandomState, v: &mut [Value]) {
    for i in (1..v.len()).rev() {
        let j = s.core.below_u64(i as u64 + 1) as usize;
        v.swap(i, j);
    }
}

const SIG_SHUFFLE: Sig = Sig {
    name: "Random.shuffle",
    pos: &["self", "x"],
    required: 2,
    kwonly: &[],
};

pub fn shuffle(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_SHUFFLE)?;
    let me = a[0].clone().unwrap();
    let x = a[1].clone().unwrap();
    // A list: shuffle in place in one two-object critical section.
    if let (Value::Obj(mo), Value::Obj(xo)) = (&me, &x) {
        if let (Payload::Native(n), Payload::List(l)) = (mo.payload(), xo.payload()) {
            let done = l.permute_with(&n.data, interp.py, |b, v| {
                match b.downcast_mut::<RandomState>() {
                    Some(s) => {
                        shuffle_vec(s, v);
                        true
                    }
                    None => false,
                }
            });
            if done {
                return Ok(Value::None);
            }
        }
    }
    let n = interp.len(&x)?;
    for i in (1..n).rev() {
        let j = below_u64(interp, &me, i as u64 + 1)? as i64;
        let xj = interp.getitem(&x, &Value::Int(j))?;
        let xi = interp.getitem(&x, &Value::Int(i as i64))?;
        interp.setitem(&x, Value::Int(i as i64), xj)?;
        interp.setitem(&x, Value::Int(j), xi)?;
    }
    Ok(Value::None)
}

/// `isinstance(population, collections.abc.Sequence)` for the types gilvm has.
fn is_sequence(interp: &Interp, v: &Value) -> bool {
    let Value::Obj(o) = v else { return false };
    match o.payload() {
        Payload::List(_)
        | Payload::Tuple(_)
        | Payload::Str(_)
        | Payload::Range(_)
        | Payload::Bytes(_) => true,
        Payload::Instance(Instance {
            base: InstanceBase::List(_),
            ..
        }) => true,
        Payload::Instance(Instance {
            base: InstanceBase::Dict(_),
            ..
        }) => false,
        Payload::Instance(_) => {
            interp
                .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__getitem__"))
                .is_some()
                && interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__len__"))
                    .is_some()
                && interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "keys"))
                    .is_none()
        }
        _ => false,
    }
}

/// `bisect.bisect_right(a, x, 0, hi)`.
fn bisect_right(interp: &mut Interp, a: &[Value], x: &Value, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0usize, hi);
    // Fast paths: a float key over floats and exactly representable ints, an int key over ints.
    let exact = |v: &Value| match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) if i.unsigned_abs() <= 1 << 53 => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    };
    if let Value::Float(xf) = x {
        if a[..hi].iter().all(|v| exact(v).is_some()) {
            while lo < hi {
                let mid = (lo + hi) / 2;
                if *xf < exact(&a[mid]).unwrap_or(0.0) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return Ok(lo);
        }
    }
    if let Value::Int(xi) = x {
        if a[..hi].iter().all(|v| matches!(v, Value::Int(_))) {
            while lo < hi {
                let mid = (lo + hi) / 2;
                let Value::Int(m) = &a[mid] else {
                    unreachable!()
                };
                if xi < m {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return Ok(lo);
        }
    }
    while lo < hi {
        let mid = (lo + hi) / 2;
        if interp.lt(x, &a[mid])? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// `list(itertools.accumulate(it))`.
fn accumulate(interp: &mut Interp, it: &Value) -> PyResult<Vec<Value>> {
    let items = interp.collect(it)?;
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for v in items {
        let next = match out.last() {
            None => v,
            Some(prev) => {
                let prev = prev.clone();
                binop(interp, BinOp::Add, &prev, &v)?
            }
        };
        out.push(next);
    }
    Ok(out)
}

/// The `k` of `sample`: `0 <= k <= n` then `[None] * k`.
fn sample_k(interp: &mut Interp, k: &Value, n: usize) -> PyResult<u64> {
    let too_big = || "Sample larger than population or is negative";
    if let Some(b) = k.to_bigint() {
        return match b.to_u64() {
            Some(kk) if kk as u128 <= n as u128 => Ok(kk),
            _ => Err(interp.value_error(too_big())),
        };
    }
    let ge = interp.compare(CmpOp::Le, &Value::Int(0), k)?;
    let mut ok = interp.truthy(&ge)?;
    if ok {
        let le = interp.compare(CmpOp::Le, k, &Value::Int(n as i64))?;
        ok = interp.truthy(&le)?;
    }
    if !ok {
        return Err(interp.value_error(too_big()));
    }
    if matches!(k, Value::Float(_))
        || interp
            .lookup_special_name(k, &gilvm_object::static_name!(interp.py, "__index__"))
            .is_none()
    {
        return Err(interp.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            interp.type_name(k)
        )));
    }
    let b = index_big(interp, k)?;
    b.to_u64()
        .filter(|&kk| kk as u128 <= n as u128)
        .ok_or_else(|| interp.value_error(too_big()))
}

/// `sample`'s threshold: a pool list when `n <= setsize`, else a set of picks.
fn setsize(k: u64) -> u128 {
    let mut size: u128 = 21; // size of a small set minus size of an empty list
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)): the table size of a big set
        let c = (((k as u128 * 3) as f64).ln() / 4.0f64.ln()).ceil();
        size = size.saturating_add(if c >= 63.0 {
            u128::MAX
        } else {
            4u128.saturating_pow(c as u32)
        });
    }
    size
}

/// The indices `sample` picks, drawn in CPython's order.
fn sample_indices(s: &mut RandomState, n: u64, k: u64, pool: bool) -> Vec<u64> {
    let mut out = Vec::with_capacity((k as usize).min(CHUNK));
    if pool {
        for i in 0..k {
            out.push(s.core.below_u64(n - i));
        }
    } else {
        let mut selected = std::collections::HashSet::with_capacity((k as usize).min(CHUNK));
        for _ in 0..k {
            let mut j = s.core.below_u64(n);
            while selected.contains(&j) {
                j = s.core.below_u64(n);
            }
            selected.insert(j);
            out.push(j);
        }
    }
    out
}

fn do_sample(
    interp: &mut Interp,
    me: &Value,
    population: &Value,
    k: &Value,
) -> PyResult<Vec<Value>> {
    let n = interp.len(population)?;
    let kk = sample_k(interp, k, n)?;
    let use_pool = n as u128 <= setsize(kk);
    let pool = if use_pool {
        Some(interp.collect(population)?)
    } else {
        None
    };
    let idx = with_rng(interp, me, "sample", |s| {
        sample_indices(s, n as u64, kk, use_pool)
    })?;
    let mut result = Vec::with_capacity(idx.len());
    if let Some(mut pool) = pool {
        if pool.len() != n {
            return Err(interp.runtime_error("gilvm: the population changed size during sample()"));
        }
        for (i, &j) in idx.iter().enumerate() {
            let j = j as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        for &j in &idx {
            result.push(interp.getitem(population, &Value::Int(j as i64))?);
        }
    }
    Ok(result)
}

const SIG_SAMPLE: Sig = Sig {
    name: "Random.sample",
    pos: &["self", "population", "k"],
    required: 3,
    kwonly: &["counts"],
};

pub fn sample(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_SAMPLE)?;
    let me = a[0].clone().unwrap();
    let population = a[1].clone().unwrap();
    let k = a[2].clone().unwrap();
    if !is_sequence(interp, &population) {
        return Err(
            interp.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = interp.len(&population)?;
    if let Some(counts) = a[3].clone().filter(|c| !c.is_none()) {
        let mut cum = accumulate(interp, &counts)?;
        if cum.len() != n {
            return Err(interp.value_error("The number of counts does not match the population"));
        }
        let Some(total) = cum.pop() else {
            return Err(interp.index_error("pop from empty list"));
        };
        let Some(tb) = total.to_bigint() else {
            return Err(interp.type_error("Counts must be integers"));
        };
        if !tb.is_positive() {
            return Err(interp.value_error("Total of counts must be greater than zero"));
        }
        let Some(t) = tb.to_i64() else {
            return Err(
                interp.overflow_error("gilvm: the total of counts is too large for range()")
            );
        };
        let range = Value::Obj(interp.new_obj(Owned::Range(RangeObj {
            start: 0,
            stop: t,
            step: 1,
        })));
        let selections = do_sample(interp, &me, &range, &k)?;
        let mut out = Vec::with_capacity(selections.len());
        for s in &selections {
            let i = bisect_right(interp, &cum, s, cum.len())?;
            out.push(interp.getitem(&population, &Value::Int(i as i64))?);
        }
        return Ok(interp.new_list(out));
    }
    let r = do_sample(interp, &me, &population, &k)?;
    Ok(interp.new_list(r))
}

/// The count of `itertools.repeat(None, k)`.
fn repeat_count(interp: &mut Interp, k: &Value) -> PyResult<usize> {
    let b = index_big(interp, k)?;
    if !b.is_positive() {
        return Ok(0);
    }
    b.to_usize()
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| interp.overflow_error("Python int too large to convert to C ssize_t"))
}

/// How many numbers `choices` draws per critical section.
const CHUNK: usize = 4096;

const SIG_CHOICES: Sig = Sig {
    name: "Random.choices",
    pos: &["self", "population", "weights"],
    required: 2,
    kwonly: &["cum_weights", "k"],
};

pub fn choices(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_CHOICES)?;
    let me = a[0].clone().unwrap();
    let population = a[1].clone().unwrap();
    let weights = a[2].clone().filter(|v| !v.is_none());
    let cum_weights = a[3].clone().filter(|v| !v.is_none());
    let k = a[4].clone().unwrap_or(Value::Int(1));
    let n = interp.len(&population)?;
    let (cum_obj, cum): (Value, Vec<Value>) = match (cum_weights, weights) {
        (None, None) => {
            let count = repeat_count(interp, &k)?;
            let nf = n as f64;
            let mut out = Vec::with_capacity(count.min(CHUNK));
            let mut left = count;
            while left > 0 {
                let m = left.min(CHUNK);
                left -= m;
                let idx: Vec<f64> = with_rng(interp, &me, "choices", |s| {
                    (0..m).map(|_| (s.core.random() * nf).floor()).collect()
                })?;
                for i in idx {
                    out.push(interp.getitem(&population, &Value::Int(i as i64))?);
                }
            }
            return Ok(interp.new_list(out));
        }
        (None, Some(w)) => {
            if matches!(w, Value::Int(_) | Value::Bool(_))
                || matches!(&w, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)))
            {
                let r = interp.repr(&w)?;
                return Err(interp.type_error(format!(
                    "The number of choices must be a keyword argument: k={r}"
                )));
            }
            let cum = accumulate(interp, &w)?;
            (interp.new_list(cum.clone()), cum)
        }
        (Some(_), Some(_)) => {
            return Err(interp.type_error("Cannot specify both weights and cumulative weights"))
        }
        (Some(c), None) => {
            let len = interp.len(&c)?;
            let items = interp.collect(&c)?;
            if len != items.len() {
                return Err(
                    interp.runtime_error("gilvm: cum_weights changed size while being read")
                );
            }
            (c, items)
        }
    };
    if cum.len() != n {
        return Err(interp.value_error("The number of weights does not match the population"));
    }
    let last = interp.getitem(&cum_obj, &Value::Int(-1))?;
    let total = binop(interp, BinOp::Add, &last, &Value::Float(0.0))?;
    let nonpos = match total {
        Value::Float(t) => t <= 0.0,
        _ => {
            let c = interp.compare(CmpOp::Le, &total, &Value::Float(0.0))?;
            interp.truthy(&c)?
        }
    };
    if nonpos {
        return Err(interp.value_error("Total of weights must be greater than zero"));
    }
    if !to_float(interp, &total)?.is_finite() {
        return Err(interp.value_error("Total of weights must be finite"));
    }
    let hi = n.saturating_sub(1);
    let count = repeat_count(interp, &k)?;
    let mut out = Vec::with_capacity(count.min(CHUNK));
    if let Value::Float(t) = total {
        let mut left = count;
        while left > 0 {
            let m = left.min(CHUNK);
            left -= m;
            let xs: Vec<f64> = with_rng(interp, &me, "choices", |s| {
                (0..m).map(|_| s.core.random() * t).collect()
            })?;
            for x in xs {
                let i = bisect_right(interp, &cum, &Value::Float(x), hi)?;
                out.push(interp.getitem(&population, &Value::Int(i as i64))?);
            }
        }
    } else {
        for _ in 0..count {
            let r = super::random::next_float(interp, &me)?;
            let x = binop(interp, BinOp::Mul, &Value::Float(r), &total)?;
            let i = bisect_right(interp, &cum, &x, hi)?;
            out.push(interp.getitem(&population, &Value::Int(i as i64))?);
        }
    }
    Ok(interp.new_list(out))
}
