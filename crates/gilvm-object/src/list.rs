//! The `list` payload: the item vector behind the per-object lock, and the list's atomic
//! operations.
//!
//! # What and why
//! A list shared by threads must not lose an update made by one of its operations: CPython's
//! free-threaded build does every list method, `lst += other`, `lst *= n`, slice assignment
//! and `sort` as one critical section on the list (two for `a.extend(b)`, `a += b`, `a + b`:
//! both lists, locked together). gilvm once open-coded `ObjCell::with` on the item vector
//! all over the interpreter, and one of those sites (`lst += [x]`) read the list in one
//! section and wrote a modified copy back in another: two threads doing it at once kept
//! about half of the items, and items appended by other threads in between vanished.
//!
//! [`PyList`] closes that class of bug: its cell is private, so the only ways to change a
//! list are its methods, and each method is one critical section that reads, decides and
//! writes under one lock. Nothing outside this file can hold the vector mutably across two
//! sections.
//!
//! # Invariants
//! 1. Every method that changes the list does all of its reading and writing in one
//!    `ObjCell::with` (or `with2` for two lists, locked in address order). Values removed or
//!    replaced are returned to the caller and dropped after the section, so that a
//!    destructor (which may free other objects) never runs under the lock.
//! 2. No method runs Python code. Where an operation needs it (an `__eq__` while searching,
//!    a sort key), the method answers what it found without Python ([`Scan::Slow`],
//!    [`PyList::take_for_sort`]) and the interpreter calls Python with the lock released,
//!    then comes back to a method that re-validates (by identity, or by whether the list was
//!    touched during a sort).
//! 3. Read-only access ([`PyList::read`]) gets a shared slice: it cannot change the list, so
//!    it cannot lose an update; it may see a state that is stale the moment it returns, as
//!    any reader of a shared list may.
//! 4. Index arithmetic on Python indices (negative indices, slice bounds) is done inside the
//!    section against the length the section sees, never against a length read earlier.
use gilvm_sync::{ObjCell, Py};

use crate::keys::builtin_eq;
use crate::value::Value;

/// A slice's bounds after `__index__` conversion, before they are adjusted to a length
/// (CPython's `PySlice_Unpack`; [`SliceSpec::adjust`] is its `PySlice_AdjustIndices`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceSpec {
    pub start: Option<i64>,
    pub stop: Option<i64>,
    /// Never 0 (the interpreter raises `ValueError` first).
    pub step: i64,
}

/// A slice adjusted to a length: the first index, the stop, the step and the item count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub count: usize,
}

impl SliceRange {
    /// The indices the slice covers, in slice order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.count as i64).map(move |k| (start + k * step) as usize)
    }
}

impl SliceSpec {
    /// The slice's range in a sequence of `len` items.
    pub fn adjust(&self, len: usize) -> SliceRange {
        let len = len as i64;
        let step = self.step;
        let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
            None => default,
            Some(i) => (if i < 0 { i.saturating_add(len) } else { i }).clamp(lo, hi),
        };
        let (start, stop) = if step > 0 {
            (clamp(self.start, 0, 0, len), clamp(self.stop, len, 0, len))
        } else {
            (
                clamp(self.start, len - 1, -1, len - 1),
                clamp(self.stop, -1, -1, len - 1),
            )
        };
        let count = if step > 0 && stop > start {
            ((stop - start - 1) / step + 1) as usize
        } else if step < 0 && start > stop {
            ((start - stop - 1) / step.saturating_neg() + 1) as usize
        } else {
            0
        };
        SliceRange {
            start,
            stop,
            step,
            count,
        }
    }
}

/// Why `pop` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopError {
    /// `IndexError: pop from empty list`
    Empty,
    /// `IndexError: pop index out of range`
    OutOfRange,
}

/// An extended-slice assignment whose sizes differ (`ValueError: attempt to assign sequence
/// of size {given} to extended slice of size {expected}`); the items come back unused.
pub struct SliceSizeError {
    pub given: usize,
    pub expected: usize,
    pub items: Vec<Value>,
}

/// Result of scanning a list for an item without running Python code.
pub enum Scan {
    Found(usize),
    Missing,
    /// The item at this index (a copy of it is given) needs a Python `__eq__`.
    Slow(usize, Value),
}

/// Result of [`PyList::remove_first`].
pub enum Removed {
    /// The first equal item (by identity or builtin equality) was removed; here it is.
    Done(Value),
    Missing,
    /// The item at this index needs a Python `__eq__` before anything can be decided.
    Slow(usize, Value),
}

/// The list payload (also the item storage of instances of `list` subclasses).
#[derive(Default)]
pub struct PyList {
    items: ObjCell<Vec<Value>>,
}

/// Python index `i` (negative counts from the end) into a vector of `len` items.
#[inline(always)]
fn index_in(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (j >= 0 && (j as usize) < len).then_some(j as usize)
}

/// The first index in `from..to` whose item is `item` or equal to it without Python code
/// (also used for tuples, whose items need no lock).
#[inline]
pub fn pure_scan(items: &[Value], item: &Value, from: usize, to: usize) -> Scan {
    let to = to.min(items.len());
    for (i, el) in items.iter().enumerate().take(to).skip(from) {
        if el.is(item) {
            return Scan::Found(i);
        }
        match builtin_eq(el, item) {
            Some(true) => return Scan::Found(i),
            Some(false) => {}
            None => return Scan::Slow(i, el.clone()),
        }
    }
    Scan::Missing
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: ObjCell::new(items),
        }
    }

    /// Direct access for the list's exclusive owner (while building or freeing it).
    pub fn get_mut(&mut self) -> &mut Vec<Value> {
        self.items.get_mut()
    }

    pub fn into_vec(self) -> Vec<Value> {
        self.items.into_inner()
    }

    /// Whether `self` and `other` are the same list.
    #[inline]
    pub fn is(&self, other: &PyList) -> bool {
        std::ptr::eq(self, other)
    }

    // ---- reads ----

    /// Read-only access to the items (invariant 3). `f` must not run Python code or block.
    #[inline(always)]
    #[track_caller]
    pub fn read<R>(&self, py: Py<'_>, f: impl FnOnce(&[Value]) -> R) -> R {
        self.items.read(py, |v| f(v))
    }

    #[inline]
    pub fn len(&self, py: Py<'_>) -> usize {
        self.items.read(py, |v| v.len())
    }

    #[inline]
    pub fn is_empty(&self, py: Py<'_>) -> bool {
        self.len(py) == 0
    }

    /// `l[i]` for a Python index (negative counts from the end).
    #[inline]
    pub fn get(&self, py: Py<'_>, i: i64) -> Option<Value> {
        self.items
            .read(py, |v| index_in(i, v.len()).map(|j| v[j].clone()))
    }

    /// The item at position `i` (no negative indexing): an iterator's step.
    #[inline]
    pub fn get_at(&self, py: Py<'_>, i: usize) -> Option<Value> {
        self.items.read(py, |v| v.get(i).cloned())
    }

    /// A copy of the items, taken in one section.
    pub fn snapshot(&self, py: Py<'_>) -> Vec<Value> {
        self.items.read(py, |v| v.clone())
    }

    /// The cycle collector's traversal (`gc.rs`): the items, last to first (CPython's
    /// order).
    pub fn gc_traverse(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.items
            .read(py, |items| items.iter().rev().for_each(|x| v.val(x)));
    }

    /// `l[slice]`.
    pub fn get_slice(&self, py: Py<'_>, sl: &SliceSpec) -> Vec<Value> {
        self.items.read(py, |v| {
            let r = sl.adjust(v.len());
            if r.step == 1 {
                return v[r.start as usize..r.start as usize + r.count].to_vec();
            }
            r.indices().map(|i| v[i].clone()).collect()
        })
    }

    /// `l + other`: both lists read in one two-object section.
    pub fn concat(&self, py: Py<'_>, other: &PyList) -> Vec<Value> {
        if self.is(other) {
            return self.items.read(py, |v| {
                let mut out = Vec::with_capacity(v.len() * 2);
                out.extend_from_slice(v);
                out.extend_from_slice(v);
                out
            });
        }
        self.items.with2(&other.items, py, |a, b| {
            let mut out = Vec::with_capacity(a.len() + b.len());
            out.extend_from_slice(a);
            out.extend_from_slice(b);
            out
        })
    }

    /// `l * n`; `None` if the result would be too large (`MemoryError`).
    pub fn repeat(&self, py: Py<'_>, n: usize, max_items: usize) -> Option<Vec<Value>> {
        self.items.read(py, |v| {
            let total = v.len().checked_mul(n).filter(|t| *t <= max_items)?;
            let mut out = Vec::with_capacity(total);
            for _ in 0..n {
                out.extend_from_slice(v);
            }
            Some(out)
        })
    }

    /// Both lists' items, read in one two-object section (comparisons of two lists).
    pub fn snapshot2(&self, py: Py<'_>, other: &PyList) -> (Vec<Value>, Vec<Value>) {
        if self.is(other) {
            let v = self.snapshot(py);
            return (v.clone(), v);
        }
        self.items
            .with2(&other.items, py, |a, b| (a.clone(), b.clone()))
    }

    /// Scans `from..to` for `item` (identity, then builtin equality). Stops at the first item
    /// that needs Python's `__eq__` (invariant 2).
    pub fn find(&self, py: Py<'_>, item: &Value, from: usize, to: usize) -> Scan {
        self.items.read(py, |v| pure_scan(v, item, from, to))
    }

    /// `l.count(x)` when every comparison is builtin; `None` if one needs Python code.
    pub fn count_builtin(&self, py: Py<'_>, x: &Value) -> Option<i64> {
        self.items.read(py, |v| {
            let mut n = 0i64;
            for el in v.iter() {
                if el.is(x) {
                    n += 1;
                    continue;
                }
                match builtin_eq(el, x) {
                    Some(true) => n += 1,
                    Some(false) => {}
                    None => return None,
                }
            }
            Some(n)
        })
    }

    // ---- writes: one critical section each (invariant 1) ----

    #[inline]
    pub fn append(&self, py: Py<'_>, v: Value) {
        self.items.with(py, |l| l.push(v));
    }

    /// `l.insert(i, v)`: `i` is clamped to the list as CPython does.
    pub fn insert(&self, py: Py<'_>, i: i64, v: Value) {
        self.items.with(py, |l| {
            let n = l.len() as i64;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
            l.insert(j as usize, v);
        });
    }

    /// `l.pop(i)`; `None` pops the last item.
    pub fn pop(&self, py: Py<'_>, i: Option<i64>) -> Result<Value, PopError> {
        self.items.with(py, |l| {
            if l.is_empty() {
                return Err(PopError::Empty);
            }
            let j = index_in(i.unwrap_or(-1), l.len()).ok_or(PopError::OutOfRange)?;
            Ok(if j == l.len() - 1 {
                l.pop().unwrap_or(Value::None)
            } else {
                l.remove(j)
            })
        })
    }

    /// `l[i] = v`; gives back the old item, or `v` when `i` is out of range.
    pub fn set(&self, py: Py<'_>, i: i64, v: Value) -> Result<Value, Value> {
        self.items.with(py, |l| match index_in(i, l.len()) {
            Some(j) => Ok(std::mem::replace(&mut l[j], v)),
            None => Err(v),
        })
    }

    /// `del l[i]`; gives back the removed item.
    pub fn del(&self, py: Py<'_>, i: i64) -> Option<Value> {
        self.items
            .with(py, |l| index_in(i, l.len()).map(|j| l.remove(j)))
    }

    /// Appends `items` (a snapshot of any iterable).
    pub fn extend(&self, py: Py<'_>, items: Vec<Value>) {
        #[cfg(feature = "broken-list-extend")]
        return self.broken_extend(py, items);
        #[allow(unreachable_code)]
        if !items.is_empty() {
            self.items.with(py, |l| l.extend(items));
        }
    }

    /// Appends copies of `items`.
    pub fn extend_from_slice(&self, py: Py<'_>, items: &[Value]) {
        self.items.with(py, |l| l.extend_from_slice(items));
    }

    /// `l.extend(other)` / `l += other` for another list: one two-object section (both
    /// locked in address order), so neither list changes half-way. `l.extend(l)` doubles.
    pub fn extend_from_list(&self, py: Py<'_>, other: &PyList) {
        #[cfg(feature = "broken-list-extend")]
        return self.broken_extend(py, other.snapshot(py));
        #[allow(unreachable_code)]
        if self.is(other) {
            self.items.with(py, |l| l.extend_from_within(..));
        } else {
            self.items
                .with2(&other.items, py, |l, o| l.extend_from_slice(o));
        }
    }

    /// The bug this file exists to prevent, kept for the stress suite to catch (feature
    /// `broken-list-extend`, `make stress-broken`): the list is read in one section and the
    /// extended copy written back in another, so whatever other threads did in between is
    /// lost.
    #[cfg(feature = "broken-list-extend")]
    fn broken_extend(&self, py: Py<'_>, items: Vec<Value>) {
        let mut copy = self.snapshot(py);
        copy.extend(items);
        drop(self.replace(py, copy));
    }

    /// `l *= n`, in place; `false` if the result would be too large (`MemoryError`). Gives
    /// back the items removed by `l *= 0` through `old`.
    pub fn inplace_repeat(
        &self,
        py: Py<'_>,
        n: usize,
        max_items: usize,
        old: &mut Vec<Value>,
    ) -> bool {
        self.items.with(py, |l| {
            if n == 0 {
                *old = std::mem::take(l);
                return true;
            }
            let Some(total) = l.len().checked_mul(n).filter(|t| *t <= max_items) else {
                return false;
            };
            let len = l.len();
            l.reserve(total - len);
            for _ in 1..n {
                l.extend_from_within(..len);
            }
            true
        })
    }

    /// `l[slice] = items`. A step-1 slice is replaced by any number of items; an extended
    /// slice needs exactly as many. Gives back the replaced items.
    pub fn set_slice(
        &self,
        py: Py<'_>,
        sl: &SliceSpec,
        items: Vec<Value>,
    ) -> Result<Vec<Value>, SliceSizeError> {
        self.items.with(py, |l| {
            let r = sl.adjust(l.len());
            if r.step == 1 {
                let start = r.start as usize;
                let stop = (r.stop.max(r.start) as usize).min(l.len());
                return Ok(l.splice(start..stop, items).collect());
            }
            if items.len() != r.count {
                return Err(SliceSizeError {
                    given: items.len(),
                    expected: r.count,
                    items,
                });
            }
            let mut old = Vec::with_capacity(r.count);
            for (i, x) in r.indices().zip(items) {
                old.push(std::mem::replace(&mut l[i], x));
            }
            Ok(old)
        })
    }

    /// `del l[slice]`; gives back the removed items.
    pub fn del_slice(&self, py: Py<'_>, sl: &SliceSpec) -> Vec<Value> {
        self.items.with(py, |l| {
            let r = sl.adjust(l.len());
            if r.count == 0 {
                return Vec::new();
            }
            if r.step == 1 || r.step == -1 {
                let lo = if r.step == 1 {
                    r.start
                } else {
                    r.start - (r.count as i64 - 1)
                } as usize;
                let removed: Vec<Value> = l.drain(lo..lo + r.count).collect();
                return removed;
            }
            let mut mask = vec![false; l.len()];
            for i in r.indices() {
                mask[i] = true;
            }
            let mut removed = Vec::with_capacity(r.count);
            let old = std::mem::take(l);
            l.reserve(old.len() - r.count);
            for (x, m) in old.into_iter().zip(mask) {
                if m {
                    removed.push(x);
                } else {
                    l.push(x);
                }
            }
            removed
        })
    }

    /// `l.remove(x)`'s first step: removes the first item that is `item` or equal to it by
    /// builtin equality, in the section that found it; stops at an item needing Python.
    pub fn remove_first(&self, py: Py<'_>, item: &Value, from: usize) -> Removed {
        self.items
            .with(py, |l| match pure_scan(l, item, from, usize::MAX) {
                Scan::Found(j) => Removed::Done(l.remove(j)),
                Scan::Missing => Removed::Missing,
                Scan::Slow(j, el) => Removed::Slow(j, el),
            })
    }

    /// Removes `el` (compared by identity) that a Python `__eq__` matched at index `hint`;
    /// if other threads moved it meanwhile, its first occurrence. `None` if it is gone.
    pub fn remove_identical(&self, py: Py<'_>, el: &Value, hint: usize) -> Option<Value> {
        self.items.with(py, |l| {
            if l.get(hint).is_some_and(|x| x.is(el)) {
                Some(l.remove(hint))
            } else {
                l.iter().position(|x| x.is(el)).map(|k| l.remove(k))
            }
        })
    }

    pub fn reverse(&self, py: Py<'_>) {
        self.items.with(py, |l| l.reverse());
    }

    /// `l.clear()`; gives back the items.
    pub fn clear(&self, py: Py<'_>) -> Vec<Value> {
        self.items.with(py, std::mem::take)
    }

    /// Replaces all items; gives back the old ones.
    pub fn replace(&self, py: Py<'_>, items: Vec<Value>) -> Vec<Value> {
        self.items.with(py, |l| std::mem::replace(l, items))
    }

    /// Runs `f` on the items in place, under the lock: `f` may only reorder them (a sort of
    /// builtin values, a shuffle), never run Python code. Its result is returned.
    pub fn permute<R>(&self, py: Py<'_>, f: impl FnOnce(&mut [Value]) -> R) -> R {
        self.items.with(py, |l| f(l))
    }

    // ---- sort with Python comparisons or keys (invariant 2) ----

    /// Takes the items out for a sort that runs Python code: the list looks empty while it is
    /// sorted, as in CPython.
    pub fn take_for_sort(&self, py: Py<'_>) -> Vec<Value> {
        self.items.with(py, std::mem::take)
    }

    /// Publishes the sorted `items` in one section. Returns whether the list was modified
    /// while it was being sorted (`ValueError: list modified during sort`), and what it held
    /// then (dropped by the caller, outside the section).
    pub fn finish_sort(&self, py: Py<'_>, items: Vec<Value>) -> (bool, Vec<Value>) {
        self.items.with(py, |l| {
            // `take_for_sort` left an empty vector without capacity: any write since then
            // either added items or allocated.
            let modified = l.capacity() != 0 || !l.is_empty();
            (modified, std::mem::replace(l, items))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(start: Option<i64>, stop: Option<i64>, step: i64) -> SliceSpec {
        SliceSpec { start, stop, step }
    }

    #[test]
    fn adjust_matches_python_slices() {
        // list(range(10))[s] for a few slices, as CPython computes them.
        let cases: &[(SliceSpec, &[usize])] = &[
            (spec(None, None, 1), &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
            (spec(Some(2), Some(5), 1), &[2, 3, 4]),
            (spec(Some(-3), None, 1), &[7, 8, 9]),
            (spec(None, None, -1), &[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]),
            (spec(Some(8), Some(2), -3), &[8, 5]),
            (spec(Some(100), Some(-100), -4), &[9, 5, 1]),
            (spec(Some(5), Some(2), 1), &[]),
            (spec(Some(i64::MIN), Some(i64::MAX), 3), &[0, 3, 6, 9]),
        ];
        for (s, want) in cases {
            let got: Vec<usize> = s.adjust(10).indices().collect();
            assert_eq!(&got, want, "{s:?}");
        }
    }
}
