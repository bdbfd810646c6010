//! The state of a `collections.deque` and its operations. The deque object keeps this in
//! its per-object cell (a native payload); each method here is one whole deque operation,
//! run by the interpreter in one critical section, so no other thread sees half of it.
//! Operations that would need Python code (a user `__eq__` in `remove`) say so
//! ([`Lookup::NeedsPython`]) and the interpreter compares outside the lock, then re-checks
//! the mutation count.
use std::collections::VecDeque;

use crate::dict::Lookup;
use crate::keys::builtin_eq;
use crate::value::Value;

/// A deque's state.
#[derive(Default)]
pub struct DequeData {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every mutation (iterators raise when it changes).
    pub mutations: u64,
}

impl DequeData {
    /// `append(v)`: with a maxlen, a full deque drops its first item, which is returned.
    pub fn push_back(&mut self, v: Value) -> Option<Value> {
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
    pub fn push_front(&mut self, v: Value) -> Option<Value> {
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
    pub fn pop(&mut self, left: bool) -> Option<Value> {
        self.mutations += 1;
        if left {
            self.items.pop_front()
        } else {
            self.items.pop_back()
        }
    }

    /// `extend(items)` / `extendleft(items)` of items already read: all of them in one
    /// operation. Returns the items a maxlen dropped (to be released outside the lock).
    pub fn extend(&mut self, items: Vec<Value>, left: bool) -> Vec<Value> {
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
    pub fn rotate(&mut self, n: i64) {
        let len = self.items.len() as i64;
        if len > 1 {
            self.mutations += 1;
            let k = n.rem_euclid(len) as usize;
            self.items.rotate_right(k);
        }
    }

    /// `clear()`: returns the old items (to be released outside the lock).
    pub fn take(&mut self) -> VecDeque<Value> {
        self.mutations += 1;
        std::mem::take(&mut self.items)
    }

    /// `remove(x)` when every comparison is builtin: `Found(item)` removed (the first
    /// equal one), `Missing`, or `NeedsPython` (nothing removed) when an item before the
    /// first equal one needs a Python `__eq__`.
    pub fn remove(&mut self, x: &Value) -> Lookup<Value> {
        for (i, y) in self.items.iter().enumerate() {
            let eq = if y.is(x) {
                true
            } else {
                match builtin_eq(y, x) {
                    Some(b) => b,
                    None => return Lookup::NeedsPython,
                }
            };
            if eq {
                self.mutations += 1;
                return Lookup::Found(self.items.remove(i).unwrap());
            }
        }
        Lookup::Missing
    }

    /// Second half of `remove(x)` when the comparisons needed Python code: removes the
    /// item at `index` if the deque has not changed since `mutations`; None if it has.
    pub fn remove_at_if_unchanged(&mut self, index: usize, mutations: u64) -> Option<Value> {
        if self.mutations != mutations {
            return None;
        }
        self.mutations += 1;
        self.items.remove(index)
    }

    /// The items and the mutation count (what the `*_if_unchanged` methods re-check).
    pub fn snapshot(&self) -> (Vec<Value>, u64) {
        (self.items.iter().cloned().collect(), self.mutations)
    }

    /// `d *= n` (n already an int), in one operation: the old items, to be released
    /// outside the lock, or Err(()) if the result would not fit in memory.
    pub fn repeat_in_place(&mut self, n: i64) -> Result<VecDeque<Value>, ()> {
        let items = std::mem::take(&mut self.items);
        let fresh = repeat(&items, n, self.maxlen);
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
pub fn repeat(items: &VecDeque<Value>, n: i64, maxlen: Option<usize>) -> Option<VecDeque<Value>> {
    let mut d = DequeData {
        items: VecDeque::new(),
        maxlen,
        mutations: 0,
    };
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
            for x in items.iter() {
                d.push_back(x.clone());
            }
        }
    }
    Some(d.items)
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
        let mut d = DequeData {
            maxlen: Some(3),
            ..Default::default()
        };
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
            d.remove(&Value::Int(3)),
            Lookup::Found(Value::Int(3))
        ));
        assert!(matches!(d.remove(&Value::Int(3)), Lookup::Missing));
        let (_, m) = d.snapshot();
        d.push_back(Value::Int(5));
        assert!(d.remove_at_if_unchanged(0, m).is_none());
        let (_, m) = d.snapshot();
        assert!(matches!(
            d.remove_at_if_unchanged(0, m),
            Some(Value::Int(1))
        ));
        assert_eq!(ints(&d), vec![2, 4, 5]);
    }

    #[test]
    fn repeat_in_place() {
        let mut d = DequeData {
            maxlen: Some(4),
            ..Default::default()
        };
        d.extend((1..=3).map(Value::Int).collect(), false);
        assert!(d.repeat_in_place(3).is_ok());
        assert_eq!(ints(&d), vec![3, 1, 2, 3]);
        assert!(d.repeat_in_place(0).is_ok());
        assert!(d.items.is_empty());
    }
}
