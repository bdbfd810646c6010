//! Steps of the builtin iterators that are not on the eval loop's fast paths
//! (dict and set iteration, enumerate, zip, map, filter, reversed, …).
//!
//! Each step copies what it needs out of the iterator's cell (`IterCell::copy_out`),
//! releases it, and only then calls Python code (a map function, an inner iterator's
//! `__next__`); then it commits what changed with one `IterCell` method.
use gilvm_object::iterstate::TableStep;
use gilvm_object::payload::IterState;
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::protocol::GetItemIter;

/// A step of an `IterState` iterator.
pub fn next_iter(interp: &mut Interp, o: &ObjRef) -> PyResult<Option<Value>> {
    next_iter_step(interp, o, None)
}

/// A step of an `IterState` iterator for `for a, b in …` (`FOR_ITER` followed by
/// `UNPACK_SEQUENCE 2`): an `enumerate`, a two-iterator `zip` or a dict's `items()` gives
/// its pair as the result and `second`, without the tuple a plain step would build and the
/// unpacking take apart at once (the pair is never seen by Python code). Other iterators
/// leave `second` empty and answer as `next_iter`.
pub fn next_iter_pair(
    interp: &mut Interp,
    o: &ObjRef,
    second: &mut Option<Value>,
) -> PyResult<Option<Value>> {
    next_iter_step(interp, o, Some(second))
}

/// A pair made by a step: a tuple, or its first item with the second in `second` when the
/// caller takes pairs apart (`next_iter_pair`).
fn pair(interp: &mut Interp, second: Option<&mut Option<Value>>, a: Value, b: Value) -> Value {
    match second {
        Some(slot) => {
            *slot = Some(b);
            a
        }
        None => interp.new_tuple(vec![a, b]),
    }
}

fn next_iter_step(
    interp: &mut Interp,
    o: &ObjRef,
    second: Option<&mut Option<Value>>,
) -> PyResult<Option<Value>> {
    let Payload::Iter(cell) = o.payload() else {
        unreachable!()
    };
    let py = interp.py;
    enum Plan {
        Done,
        Dict(ObjRef, usize, usize, u8),
        Set(ObjRef, usize, usize),
        Reversed(ObjRef, usize),
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>, bool),
        Filter(Value, Value),
        Callable(Value, Value),
        GetItem(Value, i64),
    }
    let plan = match cell.copy_out(py) {
        Some(IterState::Exhausted) => Plan::Done,
        Some(IterState::Dict {
            dict,
            pos,
            len,
            kind,
        }) => Plan::Dict(dict, pos, len, kind),
        Some(IterState::Set { set, pos, len }) => Plan::Set(set, pos, len),
        Some(IterState::Reversed { seq, index }) => Plan::Reversed(seq, index),
        Some(IterState::Enumerate { iter, count }) => Plan::Enumerate(iter, count),
        Some(IterState::Zip { iters, strict }) => Plan::Zip(iters, strict),
        Some(IterState::Map {
            func,
            iters,
            strict,
        }) => Plan::Map(func, iters, strict),
        Some(IterState::Filter { func, iter }) => Plan::Filter(func, iter),
        Some(IterState::Callable { func, sentinel }) => Plan::Callable(func, sentinel),
        Some(IterState::Native(_)) | None => {
            match cell.with_native(py, |g: &mut GetItemIter| (g.func.clone(), g.index)) {
                Some((func, index)) => Plan::GetItem(func, index),
                None => Plan::Done,
            }
        }
    };
    let finish = |interp: &mut Interp| cell.finish(interp.py);
    match plan {
        Plan::Done => Ok(None),
        Plan::Dict(d, mut pos, len, kind) => {
            let dd = match d.payload() {
                Payload::Dict(dd) => dd,
                Payload::Instance(i) => match &i.base {
                    gilvm_object::payload::InstanceBase::Dict(dd) => dd,
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            };
            // The entry is read with the iterator's lock released, and the step committed
            // only if no other thread moved the iterator meanwhile.
            loop {
                match dd.iter_step(py, pos, len) {
                    TableStep::SizeChanged => {
                        finish(interp);
                        return Err(
                            interp.runtime_error("dictionary changed size during iteration")
                        );
                    }
                    TableStep::Next(next, (k, v)) => match cell.advance(py, pos, next) {
                        Ok(()) => {
                            return Ok(Some(match kind {
                                0 => k,
                                1 => v,
                                _ => pair(interp, second, k, v),
                            }))
                        }
                        Err(Some(now)) => pos = now,
                        Err(None) => return Ok(None),
                    },
                    TableStep::End => {
                        finish(interp);
                        return Ok(None);
                    }
                }
            }
        }
        Plan::Set(s, mut pos, len) => {
            let Some(ss) = crate::builtins::containers::set_table(&s) else {
                return Ok(None);
            };
            loop {
                match ss.iter_step(py, pos, len) {
                    TableStep::SizeChanged => {
                        finish(interp);
                        return Err(interp.runtime_error("Set changed size during iteration"));
                    }
                    TableStep::Next(next, k) => match cell.advance(py, pos, next) {
                        Ok(()) => return Ok(Some(k)),
                        Err(Some(now)) => pos = now,
                        Err(None) => return Ok(None),
                    },
                    TableStep::End => {
                        finish(interp);
                        return Ok(None);
                    }
                }
            }
        }
        Plan::Reversed(seq, index) => {
            if index == 0 {
                finish(interp);
                return Ok(None);
            }
            let i = index - 1;
            let item = match seq.payload() {
                Payload::List(l) => l.get_at(py, i),
                Payload::Tuple(t) => t.get(i).cloned(),
                Payload::Str(s) => s.char_at(i).map(|c| interp.char_str(c)),
                Payload::Range(r) => Some(Value::Int(r.item(i as i64))),
                _ => {
                    let idx = Value::Int(i as i64);
                    Some(interp.getitem(&Value::Obj(seq.clone()), &idx)?)
                }
            };
            match item {
                Some(v) => {
                    cell.set_reversed_index(py, i);
                    Ok(Some(v))
                }
                None => {
                    finish(interp);
                    Ok(None)
                }
            }
        }
        Plan::Enumerate(it, count) => match interp.next(&it)? {
            Some(v) => {
                let next = match &count {
                    Value::Int(c) if *c < i64::MAX => Value::Int(c + 1),
                    _ => interp.binary_op(
                        gilvm_object::code::BinOp::Add,
                        count.clone(),
                        Value::Int(1),
                        false,
                    )?,
                };
                cell.set_count(py, next);
                Ok(Some(pair(interp, second, count, v)))
            }
            // As CPython's, an exhausted enumerate, zip, map or filter keeps its iterators
            // (its `__reduce__` still names them, and a later `next` asks them again).
            None => Ok(None),
        },
        Plan::Zip(iters, strict) => {
            let mut out = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match interp.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        if strict {
                            check_lengths(interp, "zip", &iters, i)?;
                        }
                        return Ok(None);
                    }
                }
            }
            if iters.is_empty() {
                return Ok(None);
            }
            if out.len() == 2 && second.is_some() {
                let b = out.pop().unwrap();
                let a = out.pop().unwrap();
                return Ok(Some(pair(interp, second, a, b)));
            }
            Ok(Some(interp.new_tuple(out)))
        }
        Plan::Map(func, iters, strict) => {
            let mut args = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match interp.next(it)? {
                    Some(v) => args.push(v),
                    None => {
                        if strict {
                            check_lengths(interp, "map", &iters, i)?;
                        }
                        return Ok(None);
                    }
                }
            }
            interp.call(&func, Args::new(&args)).map(Some)
        }
        Plan::Filter(func, it) => loop {
            match interp.next(&it)? {
                Some(v) => {
                    let keep = if func.is_none() {
                        interp.truthy(&v)?
                    } else {
                        let r = interp.call1(&func, std::slice::from_ref(&v))?;
                        interp.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                None => return Ok(None),
            }
        },
        Plan::Callable(func, sentinel) => {
            let v = interp.call1(&func, &[])?;
            if interp.eq(&v, &sentinel)? {
                finish(interp);
                return Ok(None);
            }
            Ok(Some(v))
        }
        Plan::GetItem(func, index) => match interp.call1(&func, &[Value::Int(index)]) {
            Ok(v) => {
                cell.with_native(py, |g: &mut GetItemIter| g.index += 1);
                Ok(Some(v))
            }
            Err(e)
                if interp.matches(&e, &interp.g.exc.index_error.clone())
                    || interp.matches(&e, &interp.g.exc.stop_iteration.clone()) =>
            {
                finish(interp);
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

/// `it.__length_hint__()` of the builtin iterators: the number of items left, 0 once
/// exhausted (CPython's `listiter_len`, `rangeiter_len`, `dictiter_len`, `reversed_len`, …).
/// A sequence iterator over a sequence without a length answers NotImplemented, which
/// `operator.length_hint` turns into its default.
pub fn length_hint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__length_hint__", 1, 1)?;
    let py = interp.py;
    let wrong = |interp: &Interp| {
        interp.type_error(format!(
            "descriptor '__length_hint__' requires an iterator object but received a '{}'",
            interp.type_name(&a[0])
        ))
    };
    // An instance of a subclass of `reversed` holds its plain iterator.
    let Value::Obj(o) = a[0].base_value() else {
        return Err(wrong(interp));
    };
    let left = |len: usize, done: usize| Ok(Value::Int(len.saturating_sub(done) as i64));
    match o.payload() {
        Payload::SeqIter(cell) => {
            let Some((seq, index)) = cell.position(py) else {
                return Ok(Value::Int(0));
            };
            // An instance of a subclass of tuple/str/bytes: its plain value.
            let seq = match seq.payload() {
                Payload::Instance(i) => match &i.base {
                    gilvm_object::payload::InstanceBase::Value(Value::Obj(inner)) => inner.clone(),
                    _ => seq,
                },
                _ => seq,
            };
            let len = match seq.payload() {
                Payload::List(l) => l.len(py),
                Payload::Tuple(t) => t.len(),
                Payload::Str(s) => s.char_len(),
                Payload::Bytes(b) => b.len(),
                Payload::ByteArray(b) => b.len(py),
                Payload::Instance(i) => match &i.base {
                    gilvm_object::payload::InstanceBase::List(l) => l.len(py),
                    _ => 0,
                },
                _ => 0,
            };
            left(len, index)
        }
        Payload::RangeIter(cell) => Ok(Value::Int(cell.remaining(py))),
        Payload::Iter(cell) => {
            enum Hint {
                Zero,
                Dict(ObjRef, usize, usize),
                Set(ObjRef, usize, usize),
                Reversed(ObjRef, usize),
                GetItem(Value, i64),
                Unknown,
            }
            let hint = match cell.copy_out(py) {
                Some(IterState::Exhausted) => Hint::Zero,
                Some(IterState::Dict { dict, pos, len, .. }) => Hint::Dict(dict, pos, len),
                Some(IterState::Set { set, pos, len }) => Hint::Set(set, pos, len),
                Some(IterState::Reversed { seq, index }) => Hint::Reversed(seq, index),
                Some(_) => Hint::Unknown,
                None => {
                    match cell.with_native(py, |g: &mut GetItemIter| (g.seq.clone(), g.index)) {
                        Some((seq, index)) => Hint::GetItem(seq, index),
                        None => Hint::Unknown,
                    }
                }
            };
            match hint {
                // The sequence iterator (`iterator`): what its sequence's `len()` leaves, or
                // no hint when it has none (CPython's `iter_len`).
                Hint::GetItem(seq, index) => {
                    let has_len = interp
                        .lookup_special_name(&seq, &gilvm_object::static_name!(py, "__len__"))
                        .is_some();
                    if !has_len {
                        return Ok(interp.not_implemented());
                    }
                    match interp.len(&seq) {
                        Ok(n) => Ok(Value::Int((n as i64 - index).max(0))),
                        Err(_) => Ok(interp.not_implemented()),
                    }
                }
                Hint::Zero => Ok(Value::Int(0)),
                Hint::Unknown => Ok(interp.not_implemented()),
                // The live entries after the position; 0 once the size changed (the next
                // step raises "dictionary changed size during iteration").
                Hint::Dict(d, pos, len) => {
                    let dd = match d.payload() {
                        Payload::Dict(dd) => dd,
                        Payload::Instance(i) => match &i.base {
                            gilvm_object::payload::InstanceBase::Dict(dd) => dd,
                            _ => return Ok(Value::Int(0)),
                        },
                        _ => return Ok(Value::Int(0)),
                    };
                    Ok(Value::Int(dd.remaining_from(py, pos, len) as i64))
                }
                Hint::Set(s, pos, len) => {
                    let Some(ss) = crate::builtins::containers::set_table(&s) else {
                        return Ok(Value::Int(0));
                    };
                    Ok(Value::Int(ss.remaining_from(py, pos, len) as i64))
                }
                // `index` items are left unless the sequence shrank below that (CPython's
                // `reversed_len` and `listreviter_len`).
                Hint::Reversed(seq, index) => {
                    let len = interp.len(&Value::Obj(seq))?;
                    Ok(Value::Int(if len < index { 0 } else { index as i64 }))
                }
            }
        }
        _ => Err(wrong(interp)),
    }
}

/// `zip(..., strict=True)` and `map(..., strict=True)` after argument `i` (0-based) ran out:
/// an error if an earlier one had an item (argument i+1 is shorter) or a later one still has
/// one (it is longer), in CPython's words.
fn check_lengths(interp: &mut Interp, fname: &str, iters: &[Value], i: usize) -> PyResult<()> {
    let plural = |k: usize| {
        if k == 1 {
            ("", "1".to_string())
        } else {
            ("s", format!("1-{k}"))
        }
    };
    if i > 0 {
        let (s, range) = plural(i);
        return Err(interp.value_error(format!(
            "{fname}() argument {} is shorter than argument{s} {range}",
            i + 1
        )));
    }
    for (j, rest) in iters.iter().enumerate().skip(1) {
        if interp.next(rest)?.is_some() {
            let (s, range) = plural(j);
            return Err(interp.value_error(format!(
                "{fname}() argument {} is longer than argument{s} {range}",
                j + 1
            )));
        }
    }
    Ok(())
}
