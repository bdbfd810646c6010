//! Steps of the builtin iterators that are not on the eval loop's fast paths
//! (dict and set iteration, enumerate, zip, map, filter, reversed, …).
//!
//! Each step copies what it needs out of the iterator's cell, releases it, and only then
//! calls Python code (a map function, an inner iterator's `__next__`).
use gilvm_object::payload::IterState;
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::protocol::GetItemIter;

/// A step of an `IterState` iterator.
pub fn next_iter(interp: &mut Interp, o: &ObjRef) -> PyResult<Option<Value>> {
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
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Callable(Value, Value),
        GetItem(Value, i64),
    }
    let plan = cell.with(py, |s| match s {
        IterState::Exhausted => Plan::Done,
        IterState::Dict {
            dict,
            pos,
            len,
            kind,
        } => Plan::Dict(dict.clone(), *pos, *len, *kind),
        IterState::Set { set, pos, len } => Plan::Set(set.clone(), *pos, *len),
        IterState::Reversed { seq, index } => Plan::Reversed(seq.clone(), *index),
        IterState::Enumerate { iter, count } => Plan::Enumerate(iter.clone(), count.clone()),
        IterState::Zip { iters, strict } => Plan::Zip(iters.clone(), *strict),
        IterState::Map { func, iters } => Plan::Map(func.clone(), iters.clone()),
        IterState::Filter { func, iter } => Plan::Filter(func.clone(), iter.clone()),
        IterState::Callable { func, sentinel } => Plan::Callable(func.clone(), sentinel.clone()),
        IterState::Native(b) => match b.downcast_ref::<GetItemIter>() {
            Some(g) => Plan::GetItem(g.func.clone(), g.index),
            None => Plan::Done,
        },
    });
    let finish = |interp: &mut Interp| {
        cell.with(interp.py, |s| *s = IterState::Exhausted);
    };
    match plan {
        Plan::Done => Ok(None),
        Plan::Dict(d, pos, len, kind) => {
            let dd = match d.payload() {
                Payload::Dict(dd) => dd,
                Payload::Instance(i) => match &i.base {
                    gilvm_object::payload::InstanceBase::Dict(dd) => dd,
                    _ => return Ok(None),
                },
                _ => return Ok(None),
            };
            if dd.len(py) != len {
                finish(interp);
                return Err(interp.runtime_error("dictionary changed size during iteration"));
            }
            match dd.entry_from(py, pos) {
                Some((next, k, v)) => {
                    cell.with(py, |s| {
                        if let IterState::Dict { pos, .. } = s {
                            *pos = next
                        }
                    });
                    Ok(Some(match kind {
                        0 => k,
                        1 => v,
                        _ => interp.new_tuple(vec![k, v]),
                    }))
                }
                None => {
                    finish(interp);
                    Ok(None)
                }
            }
        }
        Plan::Set(s, pos, len) => {
            let ss = match s.payload() {
                Payload::Set(ss) | Payload::FrozenSet(ss) => ss,
                _ => return Ok(None),
            };
            let r = ss.table.with(py, |t| {
                if t.len() != len {
                    return Err(());
                }
                Ok(t.next_from(pos).map(|(slot, _h, k)| (slot, k.clone())))
            });
            match r {
                Err(()) => {
                    finish(interp);
                    Err(interp.runtime_error("Set changed size during iteration"))
                }
                Ok(Some((slot, k))) => {
                    cell.with(py, |s| {
                        if let IterState::Set { pos, .. } = s {
                            *pos = slot + 1
                        }
                    });
                    Ok(Some(k))
                }
                Ok(None) => {
                    finish(interp);
                    Ok(None)
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
                Payload::List(l) => l.with(py, |l| l.get(i).cloned()),
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
                    cell.with(py, |s| {
                        if let IterState::Reversed { index, .. } = s {
                            *index = i
                        }
                    });
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
                let next = interp.binary_op(
                    gilvm_object::code::BinOp::Add,
                    count.clone(),
                    Value::Int(1),
                    false,
                )?;
                cell.with(py, |s| {
                    if let IterState::Enumerate { count, .. } = s {
                        *count = next
                    }
                });
                Ok(Some(interp.new_tuple(vec![count, v])))
            }
            None => {
                finish(interp);
                Ok(None)
            }
        },
        Plan::Zip(iters, strict) => {
            let mut out = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match interp.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        finish(interp);
                        if strict {
                            if i > 0 {
                                return Err(interp.value_error(format!(
                                    "zip() argument {} is shorter than argument{} {}",
                                    i + 1,
                                    if i == 1 { "" } else { "s" },
                                    if i == 1 {
                                        "1".to_string()
                                    } else {
                                        format!("1-{i}")
                                    }
                                )));
                            }
                            for (j, rest) in iters.iter().enumerate().skip(1) {
                                if interp.next(rest)?.is_some() {
                                    return Err(interp.value_error(format!(
                                        "zip() argument {} is longer than argument{} {}",
                                        j + 1,
                                        if j == 1 { "" } else { "s" },
                                        if j == 1 {
                                            "1".to_string()
                                        } else {
                                            format!("1-{j}")
                                        }
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            if iters.is_empty() {
                return Ok(None);
            }
            Ok(Some(interp.new_tuple(out)))
        }
        Plan::Map(func, iters) => {
            let mut args = Vec::with_capacity(iters.len());
            for it in &iters {
                match interp.next(it)? {
                    Some(v) => args.push(v),
                    None => {
                        finish(interp);
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
                None => {
                    finish(interp);
                    return Ok(None);
                }
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
                cell.with(py, |s| {
                    if let IterState::Native(b) = s {
                        if let Some(g) = b.downcast_mut::<GetItemIter>() {
                            g.index += 1;
                        }
                    }
                });
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
