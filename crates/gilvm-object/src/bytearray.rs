//! The `bytearray` payload: a byte vector and its count of buffer exports behind the
//! per-object lock, and the bytearray's atomic operations.
//!
//! # What and why
//! A bytearray is a mutable sequence of bytes. As for the list (`list.rs`), its cell is
//! private and each method below is one whole operation in one critical section, so two
//! threads appending, extending, assigning slices or deleting at once never lose an
//! update, and an operation never reads the length in one section and writes in another.
//!
//! # Buffer exports
//! A `memoryview` of a bytearray (and, later, any other consumer of the buffer protocol)
//! holds an *export*: while one exists the bytes may be changed in place but never
//! resized, because the view addresses them by position. [`PyByteArray::export`] and
//! [`PyByteArray::release`] count exports; every resizing method checks the count in the
//! same section as it resizes and refuses with [`Resize`] (CPython's `BufferError:
//! Existing exports of data: object cannot be re-sized`).
//!
//! # Invariants
//! 1. Every method does its reading and writing in one `ObjCell::with`.
//! 2. No method runs Python code: callers convert Python arguments (ints, iterables,
//!    bytes-like objects) to bytes before calling.
//! 3. Index arithmetic on Python indices is done inside the section against the length it
//!    sees.
use std::sync::atomic::{AtomicUsize, Ordering};

use gilvm_sync::{ObjCell, Py};

use crate::list::SliceSpec;

struct State {
    data: Vec<u8>,
}

/// The state of a `bytearray`.
pub struct PyByteArray {
    cell: ObjCell<State>,
    /// Live buffer exports. Incremented inside the section (so a resize that checked for
    /// none cannot race with a new view), decremented without the lock (a view released
    /// by its destructor has no attachment token; a stale higher count only refuses a
    /// resize that a later attempt would allow).
    exports: AtomicUsize,
}

/// A resize was refused because buffer exports exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resize;

/// Why `ba[slice] = data` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceError {
    /// Exports exist and the assignment would resize.
    Resize,
    /// An extended slice given a different number of bytes.
    Size { given: usize, expected: usize },
}

/// Resolves a Python index against `len`.
fn index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

impl PyByteArray {
    pub fn new(data: Vec<u8>) -> PyByteArray {
        PyByteArray {
            cell: ObjCell::new(State { data }),
            exports: AtomicUsize::new(0),
        }
    }

    /// Reads the bytes in one section (`f` must not run Python code).
    pub fn read<R>(&self, py: Py<'_>, f: impl FnOnce(&[u8]) -> R) -> R {
        self.cell.with(py, |s| f(&s.data))
    }

    /// A copy of the bytes.
    pub fn snapshot(&self, py: Py<'_>) -> Vec<u8> {
        self.read(py, |d| d.to_vec())
    }

    pub fn len(&self, py: Py<'_>) -> usize {
        self.read(py, |d| d.len())
    }

    pub fn is_empty(&self, py: Py<'_>) -> bool {
        self.len(py) == 0
    }

    /// `ba[i]`.
    pub fn get(&self, py: Py<'_>, i: i64) -> Option<u8> {
        self.read(py, |d| index(i, d.len()).map(|k| d[k]))
    }

    /// `ba[i] = b`; false when `i` is out of range.
    pub fn set(&self, py: Py<'_>, i: i64, b: u8) -> bool {
        self.cell.with(py, |s| match index(i, s.data.len()) {
            Some(k) => {
                s.data[k] = b;
                true
            }
            None => false,
        })
    }

    /// Writes `src` at byte offset `at` without resizing (a writable view's store);
    /// false when it does not fit.
    pub fn write_at(&self, py: Py<'_>, at: usize, src: &[u8]) -> bool {
        self.cell
            .with(py, |s| match s.data.get_mut(at..at + src.len()) {
                Some(dst) => {
                    dst.copy_from_slice(src);
                    true
                }
                None => false,
            })
    }

    /// Runs `f` on the bytes with the right to change them but not their number.
    pub fn modify<R>(&self, py: Py<'_>, f: impl FnOnce(&mut [u8]) -> R) -> R {
        self.cell.with(py, |s| f(&mut s.data))
    }

    /// Counts a new buffer export (in the section: see `exports`).
    pub fn export(&self, py: Py<'_>) {
        self.cell
            .with(py, |_| self.exports.fetch_add(1, Ordering::SeqCst));
    }

    /// Ends a buffer export (callable from a destructor: no lock).
    pub fn release(&self) {
        let _ = self
            .exports
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
    }

    /// The number of live exports.
    pub fn exports(&self) -> usize {
        self.exports.load(Ordering::SeqCst)
    }

    fn check(&self) -> Result<(), Resize> {
        if self.exports.load(Ordering::SeqCst) == 0 {
            Ok(())
        } else {
            Err(Resize)
        }
    }

    pub fn append(&self, py: Py<'_>, b: u8) -> Result<(), Resize> {
        self.cell.with(py, |s| {
            self.check()?;
            s.data.push(b);
            Ok(())
        })
    }

    /// `ba.extend(bytes)`, `ba += bytes`.
    pub fn extend(&self, py: Py<'_>, src: &[u8]) -> Result<(), Resize> {
        self.cell.with(py, |s| {
            if src.is_empty() {
                return Ok(());
            }
            self.check()?;
            s.data.extend_from_slice(src);
            Ok(())
        })
    }

    /// `ba += ba` and `ba.extend(other_ba)`: both read under the locks of both objects.
    pub fn extend_from(&self, py: Py<'_>, other: &PyByteArray) -> Result<(), Resize> {
        if std::ptr::eq(self, other) {
            return self.cell.with(py, |s| {
                self.check()?;
                s.data.extend_from_within(..);
                Ok(())
            });
        }
        self.cell.with2(&other.cell, py, |s, o| {
            if o.data.is_empty() {
                return Ok(());
            }
            self.check()?;
            s.data.extend_from_slice(&o.data);
            Ok(())
        })
    }

    /// `ba.insert(i, b)` (the index clamped as list.insert clamps it).
    pub fn insert(&self, py: Py<'_>, i: i64, b: u8) -> Result<(), Resize> {
        self.cell.with(py, |s| {
            self.check()?;
            let n = s.data.len() as i64;
            let k = if i < 0 { (i + n).max(0) } else { i.min(n) };
            s.data.insert(k as usize, b);
            Ok(())
        })
    }

    /// `ba.pop(i)`: Ok(None) when empty or out of range (the caller tells which).
    pub fn pop(&self, py: Py<'_>, i: i64) -> Result<Option<u8>, Resize> {
        self.cell.with(py, |s| {
            let Some(k) = index(i, s.data.len()) else {
                return Ok(None);
            };
            self.check()?;
            Ok(Some(s.data.remove(k)))
        })
    }

    /// `ba.remove(b)`: Ok(false) when absent.
    pub fn remove(&self, py: Py<'_>, b: u8) -> Result<bool, Resize> {
        self.cell.with(py, |s| {
            let Some(k) = s.data.iter().position(|&x| x == b) else {
                return Ok(false);
            };
            self.check()?;
            s.data.remove(k);
            Ok(true)
        })
    }

    pub fn clear(&self, py: Py<'_>) -> Result<(), Resize> {
        self.cell.with(py, |s| {
            if s.data.is_empty() {
                return Ok(());
            }
            self.check()?;
            s.data.clear();
            Ok(())
        })
    }

    /// `bytearray.__init__(source)`: the whole content replaced, in one section (refused
    /// while a buffer is exported, as CPython's resize).
    pub fn replace(&self, py: Py<'_>, data: Vec<u8>) -> Result<(), Resize> {
        let old = self.cell.with(py, |s| {
            if s.data.is_empty() && data.is_empty() {
                return Ok(Vec::new());
            }
            self.check()?;
            Ok(std::mem::replace(&mut s.data, data))
        })?;
        drop(old);
        Ok(())
    }

    pub fn reverse(&self, py: Py<'_>) {
        self.cell.with(py, |s| s.data.reverse());
    }

    /// `ba *= n` (n <= 0 empties it); false when the result would exceed `max` bytes.
    pub fn inplace_repeat(&self, py: Py<'_>, n: usize, max: usize) -> Result<bool, Resize> {
        self.cell.with(py, |s| {
            let len = s.data.len();
            if n == 1 || len == 0 {
                return Ok(true);
            }
            self.check()?;
            if n == 0 {
                s.data.clear();
                return Ok(true);
            }
            match len.checked_mul(n) {
                Some(t) if t <= max => {}
                _ => return Ok(false),
            }
            for _ in 1..n {
                s.data.extend_from_within(..len);
            }
            Ok(true)
        })
    }

    /// `del ba[i]`; false when out of range.
    pub fn del(&self, py: Py<'_>, i: i64) -> Result<bool, Resize> {
        self.pop(py, i).map(|r| r.is_some())
    }

    /// `ba[slice]`.
    pub fn get_slice(&self, py: Py<'_>, sl: &SliceSpec) -> Vec<u8> {
        self.read(py, |d| {
            let r = sl.adjust(d.len());
            r.indices().map(|i| d[i]).collect()
        })
    }

    /// `ba[slice] = src`: a step-1 slice takes any number of bytes (resizing), an extended
    /// slice exactly as many as it covers.
    pub fn set_slice(&self, py: Py<'_>, sl: &SliceSpec, src: &[u8]) -> Result<(), SliceError> {
        self.cell.with(py, |s| {
            let r = sl.adjust(s.data.len());
            if r.step == 1 {
                let start = r.start as usize;
                let stop = (r.stop.max(r.start) as usize).min(s.data.len());
                if stop - start != src.len() && self.check().is_err() {
                    return Err(SliceError::Resize);
                }
                s.data.splice(start..stop, src.iter().copied());
                return Ok(());
            }
            if src.len() != r.count {
                return Err(SliceError::Size {
                    given: src.len(),
                    expected: r.count,
                });
            }
            for (i, &b) in r.indices().zip(src) {
                s.data[i] = b;
            }
            Ok(())
        })
    }

    /// `del ba[slice]`.
    pub fn del_slice(&self, py: Py<'_>, sl: &SliceSpec) -> Result<(), Resize> {
        self.cell.with(py, |s| {
            let r = sl.adjust(s.data.len());
            if r.count == 0 {
                return Ok(());
            }
            self.check()?;
            let mut mask = vec![false; s.data.len()];
            for i in r.indices() {
                mask[i] = true;
            }
            let mut k = 0;
            s.data.retain(|_| {
                let keep = !mask[k];
                k += 1;
                keep
            });
            Ok(())
        })
    }
}
