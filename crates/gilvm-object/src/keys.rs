//! Hashing and equality of builtin values, as dict and set keys need them.
//!
//! These never run Python code. When a key's hash or equality would need a user method
//! (`__hash__`/`__eq__` of an instance), they answer `NeedsPython` and the interpreter takes
//! its slow path (which releases the container lock before calling).
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::payload::Payload;
use crate::tables::{hash_bigint, hash_f64, hash_i64, hash_pointer, hash_tuple};
use crate::value::Value;

/// Outcome of hashing a value without running Python code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyHash {
    Hash(i64),
    /// `TypeError: unhashable type: '…'`
    Unhashable,
    /// The hash needs a user `__hash__`.
    NeedsPython,
}

/// The hash of a builtin value. See [`KeyHash`].
pub fn builtin_hash(v: &Value) -> KeyHash {
    match v {
        Value::None => KeyHash::Hash(0xFCA86420),
        Value::Bool(b) => KeyHash::Hash(*b as i64),
        Value::Int(i) => KeyHash::Hash(hash_i64(*i)),
        Value::Float(f) => KeyHash::Hash(hash_f64(*f, v.id())),
        Value::Undef => KeyHash::Unhashable,
        Value::Obj(o) => match o.payload() {
            Payload::Str(s) => KeyHash::Hash(s.hash()),
            Payload::Int(b) => KeyHash::Hash(hash_bigint(b)),
            Payload::Tuple(items) => {
                let mut hashes = Vec::with_capacity(items.len());
                for it in items.iter() {
                    match builtin_hash(it) {
                        KeyHash::Hash(h) => hashes.push(h),
                        other => return other,
                    }
                }
                KeyHash::Hash(hash_tuple(hashes.into_iter(), items.len()))
            }
            Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::Slice(_) => {
                KeyHash::Unhashable
            }
            // Native objects may define `__hash__` (or set it to None) on their class.
            Payload::Instance(_) | Payload::Native(_) => KeyHash::NeedsPython,
            // A class whose metaclass may define `__hash__`.
            Payload::Type(t) if t.has_metaclass() => KeyHash::NeedsPython,
            Payload::FrozenSet(_) => KeyHash::NeedsPython,
            Payload::Bytes(b) => KeyHash::Hash(crate::tables::hash_bytes(b)),
            // bytearray, memoryview (issue 18)
            Payload::ByteArray(_) => KeyHash::Unhashable,
            Payload::MemoryView(_) => KeyHash::NeedsPython,
            // complex (issue 18)
            Payload::Complex(c) => {
                KeyHash::Hash(crate::hashing::hash_complex(c.re, c.im, o.addr()))
            }
            Payload::Range(r) => KeyHash::Hash(hash_tuple(
                [hash_i64(r.len()), hash_i64(r.start), hash_i64(r.step)].into_iter(),
                3,
            )),
            // Issue 19: a bound method hashes as CPython's, from its receiver's identity
            // and its function (equal methods hash alike).
            Payload::BoundMethod(m) => match (&m.receiver, &m.func) {
                (Value::Obj(r), Value::Obj(f)) => {
                    KeyHash::Hash(hash_pointer(r.addr()) ^ hash_pointer(f.addr()))
                }
                _ => KeyHash::Hash(hash_pointer(o.addr())),
            },
            // A builtin bound to a receiver hashes from the receiver and the function, as
            // it compares.
            Payload::BuiltinFunction(b) => match &b.receiver {
                Some(r) => KeyHash::Hash(hash_pointer(r.id()) ^ hash_pointer(b.func.0 as usize)),
                None => KeyHash::Hash(hash_pointer(o.addr())),
            },
            // Everything else hashes by identity.
            _ => KeyHash::Hash(hash_pointer(o.addr())),
        },
    }
}

/// A numeric view used for cross-type comparisons.
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

/// The value as a number (bool, int, float), if it is one.
#[inline]
pub fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Float(f) => Some(Num::Float(*f)),
        Value::Obj(o) => match o.payload() {
            Payload::Int(b) => Some(Num::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

/// Exact comparison of an int with a float (no rounding of big ints).
pub fn cmp_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        BigInt::parse_bytes(format!("{:.0}", fl).as_bytes(), 10).unwrap_or(fb)
    };
    match i.cmp(&fb) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// Compares two numbers; None for NaN.
pub fn num_cmp(a: &Num<'_>, b: &Num<'_>) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => {
            if (*x as f64) as i64 == *x && x.unsigned_abs() < (1u64 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                cmp_int_float(&BigInt::from(*x), *y)
            }
        }
        (Num::Float(x), Num::Int(y)) => {
            num_cmp(&Num::Int(*y), &Num::Float(*x)).map(Ordering::reverse)
        }
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (Num::Big(x), Num::Int(y)) => Some((*x).cmp(&BigInt::from(*y))),
        (Num::Int(x), Num::Big(y)) => Some(BigInt::from(*x).cmp(y)),
        (Num::Big(x), Num::Float(y)) => cmp_int_float(x, *y),
        (Num::Float(x), Num::Big(y)) => cmp_int_float(y, *x).map(Ordering::reverse),
    }
}

/// Equality of builtin values without running Python code; None when it needs Python.
pub fn builtin_eq(a: &Value, b: &Value) -> Option<bool> {
    if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
        if x.is(y) {
            return Some(true);
        }
        return match (x.payload(), y.payload()) {
            (Payload::Str(s), Payload::Str(t)) => Some(s.as_str() == t.as_str()),
            (Payload::Tuple(s), Payload::Tuple(t)) => {
                if s.len() != t.len() {
                    return Some(false);
                }
                for (p, q) in s.iter().zip(t.iter()) {
                    if !builtin_eq(p, q)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            (Payload::Int(p), Payload::Int(q)) => Some(p == q),
            (Payload::Bytes(p), Payload::Bytes(q)) => Some(p == q),
            // Issue 19: bound methods are equal when bound to the same object (by
            // identity) with the same function.
            (Payload::BoundMethod(m), Payload::BoundMethod(n)) => {
                Some(match (&m.receiver, &n.receiver) {
                    (Value::Obj(r), Value::Obj(q)) => r.is(q) && m.func.is(&n.func),
                    _ => false,
                })
            }
            // A builtin bound to a receiver (`dict.fromkeys`, issue 19 branch iters): equal
            // when bound to the same object with the same function (CPython's
            // `meth_richcompare`); unbound builtins compare by identity.
            (Payload::BuiltinFunction(m), Payload::BuiltinFunction(n)) => {
                Some(match (&m.receiver, &n.receiver) {
                    (Some(r), Some(q)) => r.is(q) && m.func.0 == n.func.0 && m.name == n.name,
                    _ => false,
                })
            }
            // complex (issue 18)
            (Payload::Complex(_), Payload::Complex(_) | Payload::Int(_))
            | (Payload::Int(_), Payload::Complex(_)) => crate::complex::builtin_eq(a, b),
            (Payload::Instance(_) | Payload::Native(_), _)
            | (_, Payload::Instance(_) | Payload::Native(_)) => None,
            // bytearray, memoryview (issue 18): compared by the interpreter.
            (Payload::ByteArray(_) | Payload::MemoryView(_), _)
            | (_, Payload::ByteArray(_) | Payload::MemoryView(_)) => None,
            (Payload::Type(t), _) | (_, Payload::Type(t)) if t.has_metaclass() => None,
            (Payload::List(_), _)
            | (Payload::Dict(_), _)
            | (Payload::Set(_), _)
            | (Payload::FrozenSet(_), _) => None,
            (Payload::Str(_), _) | (_, Payload::Str(_)) => Some(false),
            (Payload::Int(_), _) | (_, Payload::Int(_)) => Some(false),
            (Payload::Tuple(_), _) | (_, Payload::Tuple(_)) => Some(false),
            _ => Some(false),
        };
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Some(num_cmp(&x, &y) == Some(std::cmp::Ordering::Equal));
    }
    match (a, b) {
        (Value::None, Value::None) => Some(true),
        (Value::Obj(o), _) | (_, Value::Obj(o)) => match o.payload() {
            Payload::Instance(_) | Payload::Native(_) => None,
            // complex (issue 18)
            Payload::Complex(_) => Some(crate::complex::builtin_eq(a, b).unwrap_or(false)),
            Payload::Type(t) if t.has_metaclass() => None,
            _ => Some(false),
        },
        _ => Some(false),
    }
}

/// `as_index_i64` of the int an instance of a subclass of int holds (out of line: the miss
/// path).
#[cold]
#[inline(never)]
fn subclass_index_i64(v: &Value) -> Option<i64> {
    match v.subclass_value()? {
        Value::Int(i) => Some(*i),
        Value::Obj(o) => match o.payload() {
            Payload::Int(b) => b.to_i64(),
            _ => None,
        },
        _ => None,
    }
}

/// The value as an i64 index, if it is an int that fits.
pub fn as_index_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::Obj(o) => match o.payload() {
            Payload::Int(b) => b.to_i64(),
            // An instance of a subclass of int: the int it holds (CPython's `__index__` of
            // an int subclass is the int itself).
            Payload::Instance(_) => subclass_index_i64(v),
            _ => None,
        },
        _ => None,
    }
}
