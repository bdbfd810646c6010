//! The sort behind `list.sort` and `sorted`: stable, with keys computed once per item
//! (in order) before any comparison, and `reverse` done as CPython does it (reverse, stable
//! sort, reverse back) so that equal items keep their original order.
//!
//! Items are sorted outside any container lock: the caller moves them out first. When all
//! comparison values are ints, all floats (no NaN) or all strs, no Python code can run and
//! Rust's stable sort is used; otherwise a merge sort calls `interp.lt` (`__lt__`). If a
//! comparison raises, the items are left in their original order.
use std::cmp::Ordering;

use gilvm_object::keys::{as_num, builtin_eq, num_cmp};
use gilvm_object::{Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// Comparison values whose order is known without running Python code.
enum Fast {
    Ints,
    Floats,
    Strs,
    None,
}

fn classify(vals: &[Value]) -> Fast {
    let Some(first) = vals.first() else {
        return Fast::None;
    };
    match first {
        Value::Int(_) if vals.iter().all(|v| matches!(v, Value::Int(_))) => Fast::Ints,
        Value::Float(_)
            if vals
                .iter()
                .all(|v| matches!(v, Value::Float(f) if !f.is_nan())) =>
        {
            Fast::Floats
        }
        Value::Obj(o) if matches!(o.payload(), Payload::Str(_)) => {
            // (Exact strs only: a subclass of str may override `__lt__`.)
            if vals.iter().all(|v| v.as_exact_str().is_some()) {
                Fast::Strs
            } else {
                Fast::None
            }
        }
        _ => Fast::None,
    }
}

fn fast_cmp(kind: &Fast, a: &Value, b: &Value) -> Ordering {
    match (kind, a, b) {
        (Fast::Ints, Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Fast::Floats, Value::Float(x), Value::Float(y)) => {
            x.partial_cmp(y).unwrap_or(Ordering::Equal)
        }
        (Fast::Strs, _, _) => a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")),
        _ => Ordering::Equal,
    }
}

/// `a < b` for builtin values whose order needs no Python code (numbers, strs, and tuples
/// of those, compared as CPython compares tuples); None otherwise.
#[inline]
pub fn pure_lt(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Some(x < y),
        (Value::Float(x), Value::Float(y)) => return Some(x < y),
        _ => {}
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Some(num_cmp(&x, &y) == Some(Ordering::Less));
    }
    let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
        return None;
    };
    match (x.payload(), y.payload()) {
        (Payload::Str(s), Payload::Str(t)) => Some(s.as_str() < t.as_str()),
        (Payload::Tuple(s), Payload::Tuple(t)) => {
            for (p, q) in s.iter().zip(t.iter()) {
                if let (Value::Int(i), Value::Int(j)) = (p, q) {
                    if i == j {
                        continue;
                    }
                    return Some(i < j);
                }
                if p.is(q) {
                    continue;
                }
                if !builtin_eq(p, q)? {
                    return pure_lt(p, q);
                }
            }
            Some(s.len() < t.len())
        }
        _ => None,
    }
}

/// A stable merge sort of the indices `0..n` by a fallible "less than".
fn merge_sort_perm(
    n: usize,
    mut lt: impl FnMut(usize, usize) -> PyResult<bool>,
) -> PyResult<Vec<usize>> {
    let mut perm: Vec<usize> = (0..n).collect();
    const RUN: usize = 32;
    // Binary insertion sort of each run.
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let pivot = perm[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(pivot, perm[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            perm.copy_within(lo..i, lo + 1);
            perm[lo] = pivot;
        }
        start = end;
    }
    // Bottom-up merges.
    let mut buf = vec![0usize; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                // Already in order: skip the merge.
                if !lt(perm[mid], perm[mid - 1])? {
                    lo = hi;
                    continue;
                }
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    if lt(perm[j], perm[i])? {
                        buf[k] = perm[j];
                        j += 1;
                    } else {
                        buf[k] = perm[i];
                        i += 1;
                    }
                    k += 1;
                }
                buf[k..k + (mid - i)].copy_from_slice(&perm[i..mid]);
                k += mid - i;
                buf[k..k + (hi - j)].copy_from_slice(&perm[j..hi]);
                perm[lo..hi].copy_from_slice(&buf[lo..hi]);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(perm)
}

/// Reorders `items` by `perm` (item `i` of the result is `items[perm[i]]`).
fn apply_perm(items: &mut Vec<Value>, perm: &[usize]) {
    let mut old: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(perm.iter().map(|&i| old[i].take().unwrap_or(Value::None)));
}

/// Sorts `items` in place if they are all ints, all floats or all strs (comparisons that
/// run no Python code), returning `false` otherwise. Same order as `sort_values` with no
/// key. `list.sort` runs this with the list's lock held, so a key-less sort of builtin
/// values is atomic with respect to other threads (as in CPython).
pub fn sort_pure(items: &mut [Value], reverse: bool) -> bool {
    if items.len() < 2 {
        return true;
    }
    let kind = classify(items);
    if matches!(kind, Fast::None) {
        return false;
    }
    if reverse {
        items.reverse();
    }
    items.sort_by(|a, b| fast_cmp(&kind, a, b));
    if reverse {
        items.reverse();
    }
    true
}

/// Sorts `items` in place; `key` is None or a callable.
pub fn sort_values(
    interp: &mut Interp,
    items: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let n = items.len();
    let mut keys: Option<Vec<Value>> = if key.is_none() {
        None
    } else {
        let mut ks = Vec::with_capacity(n);
        for it in items.iter() {
            ks.push(interp.call1(key, std::slice::from_ref(it))?);
        }
        Some(ks)
    };
    if n < 2 {
        return Ok(());
    }
    if reverse {
        items.reverse();
        if let Some(k) = &mut keys {
            k.reverse();
        }
    }
    let kind = classify(keys.as_deref().unwrap_or(items));
    let perm = if !matches!(kind, Fast::None) {
        let vals: &[Value] = keys.as_deref().unwrap_or(items);
        let mut perm: Vec<usize> = (0..n).collect();
        perm.sort_by(|&a, &b| fast_cmp(&kind, &vals[a], &vals[b]));
        Ok(perm)
    } else {
        let vals: Vec<Value> = match keys {
            Some(ks) => ks,
            None => items.clone(),
        };
        merge_sort_perm(n, |a, b| match pure_lt(&vals[a], &vals[b]) {
            Some(r) => Ok(r),
            None => interp.lt(&vals[a], &vals[b]),
        })
    };
    match perm {
        Ok(p) => {
            apply_perm(items, &p);
            if reverse {
                items.reverse();
            }
            Ok(())
        }
        Err(e) => {
            if reverse {
                items.reverse();
            }
            Err(e)
        }
    }
}
