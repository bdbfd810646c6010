//! The state of a `collections.deque` and its atomic operations.
//!
//! # What and why
//! A deque lives in a native payload (`Payload::Native`, its state a `Box<dyn Any>` in the
//! object's cell). Its state type is private to this file, so the interpreter cannot open
//! the cell and string two sections together for one operation (the lost-update bug of
//! issue 15, see `list.rs`): it reaches a deque only through [`Deque`], whose methods are
//! the deque operations, one critical section each.
//!
//! # Invariants
//! 1. Each method of [`Deque`] does all of its reading and writing in one `ObjCell::with`
//!    (or `read`). Items removed or replaced are dropped after the section.
//! 2. No method runs Python code. Where an operation needs it (a user `__eq__` in
//!    `remove`, `index`, `count`, `in`), the method says so ([`DequeRemove::Slow`],
//!    [`Lookup::NeedsPython`], `None`) and the interpreter compares with the lock released,
//!    then comes back to a method that re-checks the mutation count (CPython's
//!    `deque->state`).
//! 3. Python indices (negative ones, `insert`'s clamped position, `index`'s bounds) are
//!    resolved inside the section against the length the section sees.
//! 4. Every mutation bumps the mutation count (iterators and `remove` re-check it).
use std::any::Any;
use std::collections::VecDeque;

use gilvm_sync::{ObjCell, Py};

use crate::dict::Lookup;
use crate::keys::builtin_eq;
use crate::objref::ObjRef;
use crate::payload::{NativeObj, Payload};
use crate::value::Value;

/// A deque's state: only reachable through [`Deque`].
#[derive(Default)]
struct DequeData {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation (iterators raise when it changes).
    mutations: u64,
}

/// The cycle collector's view of a deque's state (`gc.rs`): the items are traversed and
/// cleared.
pub(crate) const GC: crate::gc::NativeGc = crate::gc::NativeGc {
    traverse: |a, v| {
        if let Some(d) = a.downcast_ref::<DequeData>() {
            d.items.iter().for_each(|x| v.val(x));
        }
    },
    clear: |a, out| {
        if let Some(d) = a.downcast_mut::<DequeData>() {
            d.mutations += 1;
            out.extend(d.items.drain(..));
        }
    },
};

/// Is this the type id of a deque's state?
pub(crate) fn is_state(id: std::any::TypeId) -> bool {
    id == std::any::TypeId::of::<DequeData>()
}

/// A deque method was called on an object that is not a deque (the interpreter raises
/// `TypeError`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotADeque;

/// Result of [`Deque::remove_from`].
#[derive(Debug)]
pub enum DequeRemove {
    /// The first item equal to the value (by identity or builtin equality) was removed.
    Done,
    Missing,
    /// The item at `index` (a copy is given) needs a Python `__eq__`; nothing was removed.
    /// `mutations` is the deque's mutation count when it was read.
    Slow {
        index: usize,
        item: Value,
        mutations: u64,
    },
    /// The deque changed since the mutation count the caller gave.
    Mutated,
}

/// Result of [`Deque::iter_step`].
#[derive(Debug)]
pub enum DequeIterStep {
    Item(Value),
    End,
    /// The deque changed since the iterator was created.
    Mutated,
}

/// Python index `i` (negative counts from the end) into `len` items.
#[inline]
fn resolve(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (j >= 0 && (j as usize) < len).then_some(j as usize)
}

/// A slice-like bound (`insert`'s position, `index`'s start and stop): clamped to `0..=len`.
#[inline]
fn clamp_bound(i: i64, len: usize) -> usize {
    if i < 0 {
        i.saturating_add(len as i64).max(0) as usize
    } else {
        (i as usize).min(len)
    }
}

impl DequeData {
    fn new(maxlen: Option<usize>) -> DequeData {
        DequeData {
            items: VecDeque::new(),
            maxlen,
            mutations: 0,
        }
    }

    /// `append(v)`: with a maxlen, a full deque drops its first item, which is returned.
    fn push_back(&mut self, v: Value) -> Option<Value> {
        self.mutations += 1;
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_back(v);
        if self.maxlen.is_some_and(|m| self.items.len() > m) {
            return self.items.pop_front();
        }
        None
    }

    /// `appendleft(v)`: with a maxlen, a full deque drops its last item, which is returned.
    fn push_front(&mut self, v: Value) -> Option<Value> {
        self.mutations += 1;
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_front(v);
        if self.maxlen.is_some_and(|m| self.items.len() > m) {
            return self.items.pop_back();
        }
        None
    }

    /// `pop()` / `popleft()`.
    fn pop(&mut self, left: bool) -> Option<Value> {
        self.mutations += 1;
        if left {
            self.items.pop_front()
        } else {
            self.items.pop_back()
        }
    }

    /// `extend(items)` / `extendleft(items)` of items already read: all of them in one
    /// operation. Returns the items a maxlen dropped (to be released outside the lock).
    fn extend(&mut self, items: Vec<Value>, left: bool) -> Vec<Value> {
        let mut dropped = Vec::new();
        for x in items {
            let d = if left {
                self.push_front(x)
            } else {
                self.push_back(x)
            };
            dropped.extend(d);
        }
        dropped
    }

    /// `rotate(n)`.
    fn rotate(&mut self, n: i64) {
        let len = self.items.len() as i64;
        if len > 1 {
            self.mutations += 1;
            let k = n.rem_euclid(len) as usize;
            self.items.rotate_right(k);
        }
    }

    /// `clear()`: returns the old items (to be released outside the lock).
    fn take(&mut self) -> VecDeque<Value> {
        self.mutations += 1;
        std::mem::take(&mut self.items)
    }

    /// `remove(x)` from position `from` on, if the mutation count is still `expect` (when
    /// given): removes the first item that is `x` or equal to it by builtin equality; stops
    /// at an item that needs Python's `__eq__`.
    /// The item removed comes back too, to be released outside the lock.
    fn remove_from(
        &mut self,
        x: &Value,
        from: usize,
        expect: Option<u64>,
    ) -> (DequeRemove, Option<Value>) {
        if expect.is_some_and(|m| m != self.mutations) {
            return (DequeRemove::Mutated, None);
        }
        for (i, y) in self.items.iter().enumerate().skip(from) {
            let eq = if y.is(x) {
                true
            } else {
                match builtin_eq(y, x) {
                    Some(b) => b,
                    None => {
                        let slow = DequeRemove::Slow {
                            index: i,
                            item: y.clone(),
                            mutations: self.mutations,
                        };
                        return (slow, None);
                    }
                }
            };
            if eq {
                self.mutations += 1;
                return (DequeRemove::Done, self.items.remove(i));
            }
        }
        (DequeRemove::Missing, None)
    }

    /// Second half of `remove(x)` when a comparison needed Python code: removes the item
    /// at `index` if the deque has not changed since `mutations`; None if it has.
    fn remove_at_if_unchanged(&mut self, index: usize, mutations: u64) -> Option<Value> {
        if self.mutations != mutations {
            return None;
        }
        self.mutations += 1;
        self.items.remove(index)
    }

    /// `d *= n` (n already an int), in one operation: the old items, to be released
    /// outside the lock, or Err(()) if the result would not fit in memory.
    fn repeat_in_place(&mut self, n: i64) -> Result<VecDeque<Value>, ()> {
        let mut items = std::mem::take(&mut self.items);
        let fresh = repeat_deque(items.make_contiguous(), n, self.maxlen);
        match fresh {
            Some(fresh) => {
                self.mutations += 1;
                self.items = fresh;
                Ok(items)
            }
            None => {
                self.items = items;
                Err(())
            }
        }
    }
}

/// `items * n` for a deque of the given maxlen (only the last `maxlen` survive); None if
/// the result would not fit in memory.
fn repeat_deque(items: &[Value], n: i64, maxlen: Option<usize>) -> Option<VecDeque<Value>> {
    let mut d = DequeData::new(maxlen);
    if n > 0 && !items.is_empty() {
        let total = (items.len() as u128) * (n as u128);
        if maxlen.is_none() && total > (isize::MAX as u128) / 16 {
            return None;
        }
        let reps = match maxlen {
            Some(m) => (n as usize).min(m / items.len() + 2),
            None => n as usize,
        };
        for _ in 0..reps {
            for x in items {
                drop(d.push_back(x.clone()));
            }
        }
    }
    Some(d.items)
}

/// `items * n` for a deque of the given maxlen: the items of the result, or None if it
/// would not fit in memory (`MemoryError`).
pub fn repeat(items: &[Value], n: i64, maxlen: Option<usize>) -> Option<Vec<Value>> {
    repeat_deque(items, n, maxlen).map(Vec::from)
}

/// The payload of a new deque of class `class` holding `items` (with a maxlen, only the
/// last `maxlen` of them, as `deque(items, maxlen)` keeps).
pub fn new_native(class: ObjRef, items: Vec<Value>, maxlen: Option<usize>) -> NativeObj {
    let mut d = DequeData::new(maxlen);
    drop(d.extend(items, false));
    d.mutations = 0;
    let data: Box<dyn Any> = Box::new(d);
    NativeObj {
        class,
        data: ObjCell::new(data),
        tag: 0,
    }
}

/// A value seen as a deque: its methods are the deque operations, one critical section
/// each (module invariant 1). Every method answers [`NotADeque`] if the value is not a
/// deque (a deque method called on another object).
#[derive(Clone, Copy)]
pub struct Deque<'a> {
    cell: Option<&'a ObjCell<Box<dyn Any>>>,
}

impl<'a> Deque<'a> {
    /// `v` as a deque (checked by each method).
    #[inline]
    pub fn of(v: &'a Value) -> Deque<'a> {
        match v {
            Value::Obj(o) => Deque::of_obj(o),
            _ => Deque { cell: None },
        }
    }

    /// `o` as a deque (checked by each method).
    #[inline]
    pub fn of_obj(o: &'a ObjRef) -> Deque<'a> {
        match o.payload() {
            Payload::Native(n) => Deque {
                cell: Some(&n.data),
            },
            _ => Deque { cell: None },
        }
    }

    /// One write section on the state.
    #[inline]
    fn with<R>(&self, py: Py<'_>, f: impl FnOnce(&mut DequeData) -> R) -> Result<R, NotADeque> {
        let cell = self.cell.ok_or(NotADeque)?;
        cell.with(py, |b| b.downcast_mut::<DequeData>().map(f))
            .ok_or(NotADeque)
    }

    /// One read-only section on the state.
    #[inline]
    fn read<R>(&self, py: Py<'_>, f: impl FnOnce(&DequeData) -> R) -> Result<R, NotADeque> {
        let cell = self.cell.ok_or(NotADeque)?;
        cell.read(py, |b| b.downcast_ref::<DequeData>().map(f))
            .ok_or(NotADeque)
    }

    // ---- reads ----

    /// Is the value a deque?
    pub fn is_deque(&self, py: Py<'_>) -> bool {
        self.read(py, |_| ()).is_ok()
    }

    pub fn len(&self, py: Py<'_>) -> Result<usize, NotADeque> {
        self.read(py, |d| d.items.len())
    }

    pub fn is_empty(&self, py: Py<'_>) -> Result<bool, NotADeque> {
        self.read(py, |d| d.items.is_empty())
    }

    pub fn maxlen(&self, py: Py<'_>) -> Result<Option<usize>, NotADeque> {
        self.read(py, |d| d.maxlen)
    }

    /// The mutation count (what iterators re-check).
    pub fn mutations(&self, py: Py<'_>) -> Result<u64, NotADeque> {
        self.read(py, |d| d.mutations)
    }

    /// A copy of the items, taken in one section.
    pub fn snapshot(&self, py: Py<'_>) -> Result<Vec<Value>, NotADeque> {
        self.read(py, |d| d.items.iter().cloned().collect())
    }

    /// A copy of the items and the maxlen, taken in one section (`copy`, `+`, `*`, repr).
    pub fn snapshot_maxlen(&self, py: Py<'_>) -> Result<(Vec<Value>, Option<usize>), NotADeque> {
        self.read(py, |d| (d.items.iter().cloned().collect(), d.maxlen))
    }

    /// `d[i]` for a Python index (negative counts from the end).
    pub fn get(&self, py: Py<'_>, i: i64) -> Result<Option<Value>, NotADeque> {
        self.read(py, |d| {
            resolve(i, d.items.len()).map(|j| d.items[j].clone())
        })
    }

    /// One step of an iterator created when the mutation count was `mutations`: item
    /// `idx` from the front (from the back if `reverse`).
    pub fn iter_step(
        &self,
        py: Py<'_>,
        idx: usize,
        mutations: u64,
        reverse: bool,
    ) -> Result<DequeIterStep, NotADeque> {
        self.read(py, |d| {
            if d.mutations != mutations {
                return DequeIterStep::Mutated;
            }
            let len = d.items.len();
            if idx >= len {
                return DequeIterStep::End;
            }
            DequeIterStep::Item(if reverse {
                d.items[len - 1 - idx].clone()
            } else {
                d.items[idx].clone()
            })
        })
    }

    /// `d.count(x)` when every comparison is builtin; `None` if one needs Python code.
    pub fn count_builtin(&self, py: Py<'_>, x: &Value) -> Result<Option<i64>, NotADeque> {
        self.read(py, |d| {
            let mut n = 0i64;
            for y in d.items.iter() {
                if y.is(x) {
                    n += 1;
                    continue;
                }
                match builtin_eq(y, x) {
                    Some(true) => n += 1,
                    Some(false) => {}
                    None => return None,
                }
            }
            Some(n)
        })
    }

    /// The first position in `start..stop` (Python bounds, clamped to the length inside
    /// the section) whose item is `x` or equal to it by builtin equality; `NeedsPython` if
    /// an item before that one needs Python's `__eq__` (`d.index(x)`, `x in d`).
    pub fn find(
        &self,
        py: Py<'_>,
        x: &Value,
        start: i64,
        stop: i64,
    ) -> Result<Lookup<usize>, NotADeque> {
        self.read(py, |d| {
            let len = d.items.len();
            let (from, to) = (clamp_bound(start, len), clamp_bound(stop, len));
            for (i, y) in d.items.iter().enumerate().take(to).skip(from) {
                if y.is(x) {
                    return Lookup::Found(i);
                }
                match builtin_eq(y, x) {
                    Some(true) => return Lookup::Found(i),
                    Some(false) => {}
                    None => return Lookup::NeedsPython,
                }
            }
            Lookup::Missing
        })
    }

    // ---- writes: one critical section each ----

    /// `d.append(v)` (a full deque with a maxlen drops its first item).
    pub fn append(&self, py: Py<'_>, v: Value) -> Result<(), NotADeque> {
        let dropped = self.with(py, |d| d.push_back(v))?;
        drop(dropped);
        Ok(())
    }

    /// `d.appendleft(v)` (a full deque with a maxlen drops its last item).
    pub fn append_left(&self, py: Py<'_>, v: Value) -> Result<(), NotADeque> {
        let dropped = self.with(py, |d| d.push_front(v))?;
        drop(dropped);
        Ok(())
    }

    /// `d.pop()`; None if the deque is empty.
    pub fn pop(&self, py: Py<'_>) -> Result<Option<Value>, NotADeque> {
        self.with(py, |d| d.pop(false))
    }

    /// `d.popleft()`; None if the deque is empty.
    pub fn pop_left(&self, py: Py<'_>) -> Result<Option<Value>, NotADeque> {
        self.with(py, |d| d.pop(true))
    }

    /// `d.extend(items)` / `d.extendleft(items)` of items already read (a snapshot of the
    /// iterable): all of them in one operation.
    pub fn extend(&self, py: Py<'_>, items: Vec<Value>, left: bool) -> Result<(), NotADeque> {
        let dropped = self.with(py, |d| d.extend(items, left))?;
        drop(dropped);
        Ok(())
    }

    /// `d.rotate(n)`.
    pub fn rotate(&self, py: Py<'_>, n: i64) -> Result<(), NotADeque> {
        self.with(py, |d| d.rotate(n))
    }

    /// `d.clear()`.
    pub fn clear(&self, py: Py<'_>) -> Result<(), NotADeque> {
        let old = self.with(py, |d| d.take())?;
        drop(old);
        Ok(())
    }

    /// `d.__init__`'s first step: the new maxlen, the items cleared.
    pub fn reinit(&self, py: Py<'_>, maxlen: Option<usize>) -> Result<(), NotADeque> {
        let old = self.with(py, |d| {
            d.maxlen = maxlen;
            d.take()
        })?;
        drop(old);
        Ok(())
    }

    /// `d.reverse()`.
    pub fn reverse(&self, py: Py<'_>) -> Result<(), NotADeque> {
        self.with(py, |d| {
            d.mutations += 1;
            d.items.make_contiguous().reverse();
        })
    }

    /// `d[i] = v`; false if `i` is out of range.
    pub fn set(&self, py: Py<'_>, i: i64, v: Value) -> Result<bool, NotADeque> {
        let r = self.with(py, |d| match resolve(i, d.items.len()) {
            Some(j) => Ok(std::mem::replace(&mut d.items[j], v)),
            None => Err(v),
        })?;
        Ok(r.is_ok())
    }

    /// `del d[i]`; false if `i` is out of range.
    pub fn del(&self, py: Py<'_>, i: i64) -> Result<bool, NotADeque> {
        let old = self.with(py, |d| {
            let j = resolve(i, d.items.len())?;
            d.mutations += 1;
            d.items.remove(j)
        })?;
        Ok(old.is_some())
    }

    /// `d.insert(i, v)` (`i` clamped as for a slice); false if the deque is at its maxlen
    /// (`IndexError: deque already at its maximum size`).
    pub fn insert(&self, py: Py<'_>, i: i64, v: Value) -> Result<bool, NotADeque> {
        let r = self.with(py, |d| {
            if d.maxlen.is_some_and(|m| d.items.len() >= m) {
                return Err(v);
            }
            let at = clamp_bound(i, d.items.len());
            d.mutations += 1;
            d.items.insert(at, v);
            Ok(())
        })?;
        Ok(r.is_ok())
    }

    /// `d.remove(x)`, scanning from position `from` on. Removes the first item that is `x`
    /// or equal to it by builtin equality, in the section that found it; stops at an item
    /// needing Python's `__eq__` ([`DequeRemove::Slow`]). With `expect`, answers
    /// [`DequeRemove::Mutated`] if the mutation count is no longer that (the deque changed
    /// while the caller compared with Python code).
    pub fn remove_from(
        &self,
        py: Py<'_>,
        x: &Value,
        from: usize,
        expect: Option<u64>,
    ) -> Result<DequeRemove, NotADeque> {
        let (r, removed) = self.with(py, |d| d.remove_from(x, from, expect))?;
        drop(removed);
        Ok(r)
    }

    /// Second half of `d.remove(x)` when the item at `index` was found equal with Python
    /// code: removes it if the deque has not changed since `mutations` (from
    /// [`DequeRemove::Slow`]); false if it has (nothing removed).
    pub fn remove_at_if_unchanged(
        &self,
        py: Py<'_>,
        index: usize,
        mutations: u64,
    ) -> Result<bool, NotADeque> {
        let old = self.with(py, |d| d.remove_at_if_unchanged(index, mutations))?;
        Ok(old.is_some())
    }

    /// `d *= n` in one operation; false if the result would not fit in memory.
    pub fn repeat_in_place(&self, py: Py<'_>, n: i64) -> Result<bool, NotADeque> {
        let r = self.with(py, |d| d.repeat_in_place(n))?;
        Ok(r.is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(d: &DequeData) -> Vec<i64> {
        d.items
            .iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn extend_with_maxlen_drops_from_the_other_end() {
        let mut d = DequeData::new(Some(3));
        let dropped = d.extend((1..=4).map(Value::Int).collect(), false);
        assert_eq!(ints(&d), vec![2, 3, 4]);
        assert_eq!(dropped.len(), 1);
        d.extend(vec![Value::Int(8), Value::Int(9)], true);
        assert_eq!(ints(&d), vec![9, 8, 2]);
        d.rotate(1);
        assert_eq!(ints(&d), vec![2, 9, 8]);
    }

    #[test]
    fn remove_and_checked_remove() {
        let mut d = DequeData::default();
        d.extend((1..=4).map(Value::Int).collect(), false);
        assert!(matches!(
            d.remove_from(&Value::Int(3), 0, None),
            (DequeRemove::Done, Some(Value::Int(3)))
        ));
        assert_eq!(ints(&d), vec![1, 2, 4]);
        assert!(matches!(
            d.remove_from(&Value::Int(3), 0, None),
            (DequeRemove::Missing, None)
        ));
        // From a position on, and only while unchanged.
        assert!(matches!(
            d.remove_from(&Value::Int(1), 1, None),
            (DequeRemove::Missing, None)
        ));
        let m = d.mutations;
        assert!(matches!(
            d.remove_from(&Value::Int(2), 0, Some(m + 1)),
            (DequeRemove::Mutated, None)
        ));
        d.push_back(Value::Int(5));
        assert!(d.remove_at_if_unchanged(0, m).is_none());
        let m = d.mutations;
        assert!(matches!(
            d.remove_at_if_unchanged(0, m),
            Some(Value::Int(1))
        ));
        assert_eq!(ints(&d), vec![2, 4, 5]);
    }

    #[test]
    fn repeat_in_place() {
        let mut d = DequeData::new(Some(4));
        d.extend((1..=3).map(Value::Int).collect(), false);
        assert!(d.repeat_in_place(3).is_ok());
        assert_eq!(ints(&d), vec![3, 1, 2, 3]);
        assert!(d.repeat_in_place(0).is_ok());
        assert!(d.items.is_empty());
        let items: Vec<Value> = (1..=2).map(Value::Int).collect();
        let r = repeat(&items, 3, Some(5)).unwrap();
        assert_eq!(r.len(), 5);
        assert!(matches!(r[0], Value::Int(2)));
    }

    #[test]
    fn bounds_are_clamped_like_slices() {
        assert_eq!(clamp_bound(-1, 3), 2);
        assert_eq!(clamp_bound(i64::MIN, 3), 0);
        assert_eq!(clamp_bound(i64::MAX, 3), 3);
        assert_eq!(resolve(-3, 3), Some(0));
        assert_eq!(resolve(-4, 3), None);
        assert_eq!(resolve(3, 3), None);
    }
}
