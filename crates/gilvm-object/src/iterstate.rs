//! The state cells of the builtin iterators and their steps.
//!
//! # What and why
//! An iterator can be shared by threads (`for x in it` in two threads over one iterator),
//! so its position is mutable state behind the per-object lock. Its cell is private to
//! this file, as the list's item vector is to `list.rs`: the interpreter moves an iterator
//! only through the methods here, and cannot read a position in one section and write it
//! back in another unchecked.
//!
//! # Invariants
//! 1. A step that reads the underlying container does so with the iterator's lock released
//!    (a container lock is a leaf lock: no thread waits for one while holding another),
//!    then commits the step only if the iterator did not move meanwhile
//!    ([`SeqIterCell::commit`], [`IterCell::advance`]); otherwise it starts again from the
//!    new position. So threads sharing one iterator each get every item exactly once.
//! 2. The exception is an iterator that only the running frame's value stack references
//!    ([`ObjRef::is_exclusive`]): no other thread can reach it, so the eval loop's
//!    `FOR_ITER` steps it in place without its lock ([`for_iter_fast`]).
//! 3. The steps of the other builtin iterators (`enumerate`, `zip`, `map`, …) call Python
//!    code: the interpreter copies the state out ([`IterCell::copy_out`]), calls with no
//!    lock held, and commits what changed with one method call.
//! 4. Values replaced or dropped from a cell are released after the section.
use std::any::Any;

use gilvm_sync::{ObjCell, Py};

use crate::objref::ObjRef;
use crate::payload::{IterState, Payload, RangeIter, RangeObj, SeqIter};
use crate::value::Value;

// ---- sequence iterators ----

/// Which builtin type a sequence iterator is (`type(iter(x))`): fixed at creation from the
/// sequence, kept after exhaustion (when the cell has let go of the sequence), as CPython's
/// iterator types are distinct types.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SeqKind {
    /// `list_iterator` (a list, or an instance of a subclass of list).
    List,
    /// `tuple_iterator`.
    Tuple,
    /// `str_ascii_iterator`: a str whose characters are all ASCII.
    StrAscii,
    /// `str_iterator`.
    Str,
    /// `bytes_iterator`.
    Bytes,
    /// `bytearray_iterator`.
    ByteArray,
}

impl SeqKind {
    /// The kind of an iterator over `seq` (an instance of a subclass of a builtin sequence
    /// iterates as its builtin does).
    pub fn of(seq: &ObjRef) -> SeqKind {
        match seq.payload() {
            Payload::List(_) => SeqKind::List,
            Payload::Tuple(_) => SeqKind::Tuple,
            Payload::Str(s) if s.is_ascii() => SeqKind::StrAscii,
            Payload::Str(_) => SeqKind::Str,
            Payload::Bytes(_) => SeqKind::Bytes,
            Payload::ByteArray(_) => SeqKind::ByteArray,
            Payload::Instance(i) => match &i.base {
                crate::payload::InstanceBase::Value(Value::Obj(inner)) => SeqKind::of(inner),
                _ => SeqKind::List,
            },
            _ => SeqKind::List,
        }
    }
}

/// The cell of an iterator over a list, tuple, str or bytes (`Payload::SeqIter`), and its
/// kind (immutable, read without the lock).
pub struct SeqIterCell(ObjCell<SeqIter>, SeqKind);

impl SeqIterCell {
    /// An iterator at the start of `seq`.
    pub fn new(seq: ObjRef) -> SeqIterCell {
        let kind = SeqKind::of(&seq);
        SeqIterCell(
            ObjCell::new(SeqIter {
                seq: Some(seq),
                index: 0,
            }),
            kind,
        )
    }

    /// The iterator's kind (its type).
    #[inline]
    pub fn kind(&self) -> SeqKind {
        self.1
    }

    /// `it.__setstate__(index)`: moves a live iterator to `index` (already clamped by the
    /// caller to the sequence's bounds); None (exhausted) makes it exhausted. Nothing
    /// happens to an exhausted iterator, as in CPython.
    pub fn set_index(&self, py: Py<'_>, index: Option<usize>) {
        let old = self.0.with(py, |s| {
            s.seq.as_ref()?;
            match index {
                Some(i) => {
                    s.index = i;
                    None
                }
                None => s.seq.take(),
            }
        });
        drop(old);
    }

    /// The sequence and the index of the next item; None once exhausted.
    #[inline]
    pub fn position(&self, py: Py<'_>) -> Option<(ObjRef, usize)> {
        self.0.with(py, |s| Some((s.seq.clone()?, s.index)))
    }

    /// Commits the step from `idx` (from [`SeqIterCell::position`]): past the item if one
    /// was `found`, else to the exhausted state. False (nothing done) if another thread
    /// moved the iterator since.
    #[inline]
    pub fn commit(&self, py: Py<'_>, idx: usize, found: bool) -> bool {
        let old = self.0.with(py, |s| {
            if s.index != idx || s.seq.is_none() {
                return Err(());
            }
            if found {
                s.index = idx + 1;
                Ok(None)
            } else {
                Ok(s.seq.take())
            }
        });
        // The sequence (when exhausted) is released after the section.
        old.is_ok()
    }

    /// `next(it)`: `fetch(seq, i)` reads item `i` of the sequence (None past its end) with
    /// the iterator's lock released; the step is committed only if no other thread moved
    /// the iterator meanwhile, else it is retried from the new position (invariant 1).
    #[inline]
    pub fn next_with(
        &self,
        py: Py<'_>,
        mut fetch: impl FnMut(&ObjRef, usize) -> Option<Value>,
    ) -> Option<Value> {
        loop {
            let (seq, idx) = self.position(py)?;
            let item = fetch(&seq, idx);
            if self.commit(py, idx, item.is_some()) {
                return item;
            }
        }
    }
}

/// One step of a sequence iterator over a list or tuple, in place: `Some(Some(item))`,
/// `Some(None)` when exhausted, `None` for other sequences. Locks the list, so the caller
/// must not hold a lock itself.
#[inline(always)]
fn seq_step_in_place(py: Py<'_>, s: &mut SeqIter) -> Option<Option<Value>> {
    let seq = s.seq.as_ref()?;
    let item = match seq.payload() {
        Payload::List(l) => l.get_at(py, s.index),
        Payload::Tuple(t) => t.get(s.index).cloned(),
        _ => return None,
    };
    match item {
        Some(v) => {
            s.index += 1;
            Some(Some(v))
        }
        // The sequence is released with the iterator (the caller pops it).
        None => Some(None),
    }
}

// ---- range iterators ----

impl SeqIterCell {
    /// The cycle collector's traversal (`gc.rs`): the sequence.
    pub fn gc_traverse(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.0.read(py, |s| {
            if let Some(q) = &s.seq {
                v.obj(q)
            }
        });
    }

    /// The cycle collector's clear: exhausted, the sequence moved to `out`.
    pub fn gc_clear(&self, py: Py<'_>, out: &mut Vec<Value>) {
        if let Some(q) = self.0.with(py, |s| s.seq.take()) {
            out.push(Value::Obj(q));
        }
    }
}

/// The cell of an iterator over a range (`Payload::RangeIter`).
pub struct RangeIterCell(ObjCell<RangeIter>);

impl RangeIterCell {
    /// An iterator at the start of `r`.
    pub fn new(r: &RangeObj) -> RangeIterCell {
        RangeIterCell(ObjCell::new(RangeIter {
            next: r.start,
            remaining: r.len(),
            step: r.step,
        }))
    }

    /// `reversed(r)`: from the last item down (CPython's `range_reverse` is a
    /// `range_iterator` too). The arithmetic wraps as `range_step`'s does: the last item is
    /// inside the range, and a step of `i64::MIN` negated wraps to itself, which steps
    /// correctly modulo 2**64 over a range of at most two items.
    pub fn reversed(r: &RangeObj) -> RangeIterCell {
        let len = r.len();
        let last = r.start.wrapping_add((len.max(1) - 1).wrapping_mul(r.step));
        RangeIterCell(ObjCell::new(RangeIter {
            next: last,
            remaining: len,
            step: r.step.wrapping_neg(),
        }))
    }

    /// The next item, the number left and the step, in one section (`__reduce__`).
    pub fn state(&self, py: Py<'_>) -> (i64, i64, i64) {
        self.0.with(py, |r| (r.next, r.remaining.max(0), r.step))
    }

    /// `it.__setstate__(n)`: skips `n` items (clamped to those left), as CPython 3.14's
    /// `rangeiter_setstate`, relative to the current position.
    pub fn skip(&self, py: Py<'_>, n: i64) {
        self.0.with(py, |r| {
            let n = n.clamp(0, r.remaining.max(0));
            r.next = r.next.wrapping_add(n.wrapping_mul(r.step));
            r.remaining -= n;
        })
    }

    /// `next(it)`, in one section.
    #[inline]
    pub fn next(&self, py: Py<'_>) -> Option<i64> {
        self.0.with(py, range_step)
    }

    /// The number of items left.
    pub fn remaining(&self, py: Py<'_>) -> i64 {
        self.0.with(py, |r| r.remaining.max(0))
    }
}

#[inline(always)]
fn range_step(r: &mut RangeIter) -> Option<i64> {
    if r.remaining > 0 {
        let v = r.next;
        r.remaining -= 1;
        r.next = r.next.wrapping_add(r.step);
        Some(v)
    } else {
        None
    }
}

// ---- the eval loop's fast path ----

/// Result of [`for_iter_fast`].
pub enum ForIterStep {
    /// The next item of a range iterator.
    Int(i64),
    /// The next item of a sequence iterator.
    Item(Value),
    /// The iterator is exhausted.
    Done,
    /// Not an iterator the fast path steps: take the general path (`next(it)`).
    Slow,
}

/// `FOR_ITER`'s fast path over a range or a list/tuple iterator `o`. An iterator that only
/// the caller's value stack references is stepped without its lock (invariant 2); a
/// shared range iterator is stepped under it; a shared sequence iterator is left to the
/// general path (its step locks the list, and no thread may wait for a lock while holding
/// one).
#[inline(always)]
pub fn for_iter_fast(py: Py<'_>, o: &ObjRef) -> ForIterStep {
    match o.payload() {
        Payload::RangeIter(cell) => {
            // SAFETY: `is_exclusive` is the contract of `with_exclusive`.
            let next = unsafe { cell.0.with_exclusive(py, o.is_exclusive(), range_step) };
            match next {
                Some(v) => ForIterStep::Int(v),
                None => ForIterStep::Done,
            }
        }
        Payload::SeqIter(cell) if o.is_exclusive() => {
            // SAFETY: as above.
            let step = unsafe {
                cell.0
                    .with_exclusive(py, true, |s| seq_step_in_place(py, s))
            };
            match step {
                Some(Some(v)) => ForIterStep::Item(v),
                Some(None) => ForIterStep::Done,
                None => ForIterStep::Slow,
            }
        }
        _ => ForIterStep::Slow,
    }
}

// ---- the other builtin iterators ----

/// How a dict or set iterator's step went ([`crate::dict::PyDict::iter_step`],
/// [`crate::set::PySet::iter_step`]).
#[derive(Debug)]
pub enum TableStep<T> {
    /// The next entry, and the position after it.
    Next(usize, T),
    /// No entry left.
    End,
    /// The container's size changed since iteration started ("changed size during
    /// iteration").
    SizeChanged,
}

/// Which builtin type an `IterState` iterator is (`type(it)`): fixed at creation, kept
/// after the state becomes `Exhausted`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IterKind {
    /// `dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator`.
    DictKeys,
    DictValues,
    DictItems,
    /// `dict_reversekeyiterator`, … (`reversed(d)`, `reversed(d.values())`, …).
    DictRevKeys,
    DictRevValues,
    DictRevItems,
    /// `set_iterator` (sets and frozensets).
    Set,
    /// `list_reverseiterator` (`reversed(list)`).
    ListReverse,
    /// `reversed` (`reversed(seq)` of any other sequence).
    Reversed,
    Enumerate,
    Zip,
    Map,
    Filter,
    /// `callable_iterator` (`iter(f, sentinel)`).
    Callable,
    /// `iterator`: the sequence iterator over `__getitem__`, and native iterators.
    Seq,
}

impl IterKind {
    /// The kind an iterator made with `st` has unless its maker says otherwise
    /// ([`IterCell::with_kind`]: the dict's reversed iterators).
    fn of(st: &IterState) -> IterKind {
        match st {
            IterState::Dict { kind: 0, .. } => IterKind::DictKeys,
            IterState::Dict { kind: 1, .. } => IterKind::DictValues,
            IterState::Dict { .. } => IterKind::DictItems,
            IterState::Set { .. } => IterKind::Set,
            IterState::Reversed { seq, .. } => match seq.payload() {
                Payload::List(_) => IterKind::ListReverse,
                Payload::Instance(i) if matches!(i.base, crate::payload::InstanceBase::List(_)) => {
                    IterKind::ListReverse
                }
                _ => IterKind::Reversed,
            },
            IterState::Enumerate { .. } => IterKind::Enumerate,
            IterState::Zip { .. } => IterKind::Zip,
            IterState::Map { .. } => IterKind::Map,
            IterState::Filter { .. } => IterKind::Filter,
            IterState::Callable { .. } => IterKind::Callable,
            IterState::Exhausted | IterState::Native(_) => IterKind::Seq,
        }
    }
}

/// The cell of the other builtin iterators (`Payload::Iter`), and its kind (immutable,
/// read without the lock).
pub struct IterCell(ObjCell<IterState>, IterKind);

impl IterCell {
    pub fn new(st: IterState) -> IterCell {
        let kind = IterKind::of(&st);
        IterCell(ObjCell::new(st), kind)
    }

    /// An iterator of kind `kind` (its type) with state `st`.
    pub fn with_kind(st: IterState, kind: IterKind) -> IterCell {
        IterCell(ObjCell::new(st), kind)
    }

    /// The iterator's kind (its type).
    #[inline]
    pub fn kind(&self) -> IterKind {
        self.1
    }

    /// `zip.__setstate__(strict)` / `map.__setstate__(strict)`.
    pub fn set_strict(&self, py: Py<'_>, value: bool) {
        self.0.with(py, |s| {
            if let IterState::Zip { strict, .. } | IterState::Map { strict, .. } = s {
                *strict = value;
            }
        })
    }

    /// Is the iterator exhausted (it let go of what it iterated)?
    pub fn is_exhausted(&self, py: Py<'_>) -> bool {
        self.0.with(py, |s| matches!(s, IterState::Exhausted))
    }

    /// A copy of the state, taken in one section, for a step that runs with the lock
    /// released (invariant 3). None for a native iterator (see [`IterCell::with_native`]).
    pub fn copy_out(&self, py: Py<'_>) -> Option<IterState> {
        self.0.with(py, |s| {
            Some(match s {
                IterState::Exhausted => IterState::Exhausted,
                IterState::Dict {
                    dict,
                    pos,
                    len,
                    kind,
                } => IterState::Dict {
                    dict: dict.clone(),
                    pos: *pos,
                    len: *len,
                    kind: *kind,
                },
                IterState::Set { set, pos, len } => IterState::Set {
                    set: set.clone(),
                    pos: *pos,
                    len: *len,
                },
                IterState::Reversed { seq, index } => IterState::Reversed {
                    seq: seq.clone(),
                    index: *index,
                },
                IterState::Enumerate { iter, count } => IterState::Enumerate {
                    iter: iter.clone(),
                    count: count.clone(),
                },
                IterState::Zip { iters, strict } => IterState::Zip {
                    iters: iters.clone(),
                    strict: *strict,
                },
                IterState::Map {
                    func,
                    iters,
                    strict,
                } => IterState::Map {
                    func: func.clone(),
                    iters: iters.clone(),
                    strict: *strict,
                },
                IterState::Filter { func, iter } => IterState::Filter {
                    func: func.clone(),
                    iter: iter.clone(),
                },
                IterState::Callable { func, sentinel } => IterState::Callable {
                    func: func.clone(),
                    sentinel: sentinel.clone(),
                },
                IterState::Native(_) => return None,
            })
        })
    }

    /// Runs `f` on the state of a native iterator (one the interpreter defines) if it is a
    /// `T`, in one section. `f` must not run Python code or block.
    pub fn with_native<T: Any, R>(&self, py: Py<'_>, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.0.with(py, |s| match s {
            IterState::Native(b) => b.downcast_mut::<T>().map(f),
            _ => None,
        })
    }

    /// Marks the iterator exhausted (it lets go of its container, after the section).
    pub fn finish(&self, py: Py<'_>) {
        let old = self
            .0
            .with(py, |s| std::mem::replace(s, IterState::Exhausted));
        drop(old);
    }

    /// Commits a dict or set iterator's step from position `from` to `to`. If another
    /// thread moved the iterator since, nothing is done and the answer is its position now
    /// (None: it was exhausted meanwhile), from which the caller steps again (invariant 1).
    pub fn advance(&self, py: Py<'_>, from: usize, to: usize) -> Result<(), Option<usize>> {
        self.0.with(py, |s| match s {
            IterState::Dict { pos, .. } | IterState::Set { pos, .. } => {
                if *pos != from {
                    return Err(Some(*pos));
                }
                *pos = to;
                Ok(())
            }
            _ => Err(None),
        })
    }

    /// Commits a `reversed` iterator's step: `index` items are left.
    pub fn set_reversed_index(&self, py: Py<'_>, index: usize) {
        self.0.with(py, |s| {
            if let IterState::Reversed { index: i, .. } = s {
                *i = index;
            }
        });
    }

    /// Commits an `enumerate` step: the count of the next item.
    pub fn set_count(&self, py: Py<'_>, count: Value) {
        let old = self.0.with(py, |s| match s {
            IterState::Enumerate { count: c, .. } => Some(std::mem::replace(c, count)),
            _ => Some(count),
        });
        drop(old);
    }
}

impl IterCell {
    /// The cycle collector's traversal (`gc.rs`): the iterated objects and functions (a
    /// native iterator's state is not traversed: its references count as outside ones).
    pub fn gc_traverse(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.0.read(py, |s| match s {
            IterState::Exhausted | IterState::Native(_) => {}
            IterState::Dict { dict, .. } => v.obj(dict),
            IterState::Set { set, .. } => v.obj(set),
            IterState::Reversed { seq, .. } => v.obj(seq),
            IterState::Enumerate { iter, count } => {
                v.val(iter);
                v.val(count);
            }
            IterState::Zip { iters, .. } => iters.iter().for_each(|x| v.val(x)),
            IterState::Map { func, iters, .. } => {
                v.val(func);
                iters.iter().for_each(|x| v.val(x));
            }
            IterState::Filter { func, iter } => {
                v.val(func);
                v.val(iter);
            }
            IterState::Callable { func, sentinel } => {
                v.val(func);
                v.val(sentinel);
            }
        });
    }

    /// The cycle collector's clear: exhausted (a native iterator's state is kept); the old
    /// state is dropped by the caller through `out`.
    pub fn gc_clear(&self, py: Py<'_>, out: &mut Vec<Value>) {
        let old = self.0.with(py, |s| {
            if matches!(s, IterState::Native(_)) {
                None
            } else {
                Some(std::mem::replace(s, IterState::Exhausted))
            }
        });
        if let Some(old) = old {
            struct Collect<'a>(&'a mut Vec<Value>);
            impl crate::gc::Visit for Collect<'_> {
                fn obj(&mut self, o: &ObjRef) {
                    self.0.push(Value::Obj(o.clone()));
                }
            }
            let tmp = IterCell(ObjCell::new(old), IterKind::Seq);
            tmp.gc_traverse(py, &mut Collect(out));
            drop(tmp);
        }
    }
}
