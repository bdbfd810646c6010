//! `__reduce__` and `__setstate__` of the builtin iterators (issue 19, branch iters):
//! what `copy.copy(it)` and `pickle.dumps(it)` use, in CPython 3.14's shapes.
//!
//! A sequence iterator reduces to `iter, (seq,), index` and takes its index back with
//! `__setstate__`; a range iterator to `iter, (range(next, stop, step),), None` (its state
//! is relative: `__setstate__(n)` skips `n`); set and dict iterators to `iter, (list,)` of
//! the items they have left (no state); `reversed` to `reversed, (seq,), index`;
//! `enumerate`, `zip`, `map`, `filter` to their type and their inner iterators (`zip` and
//! `map` with `strict` as their state). An exhausted iterator reduces to an iterator over
//! an empty sequence.
//!
//! Reading the state is one critical section of the iterator's cell (`copy_out`,
//! `position`, `state`); the items a dict or set iterator has left are read from the
//! container's table without the iterator moving, so `__reduce__` does not consume.
use gilvm_object::iterstate::{IterKind, SeqKind, TableStep};
use gilvm_object::payload::{InstanceBase, IterState};
use gilvm_object::types::type_of;
use gilvm_object::{ObjRef, Payload, Value};

use super::add_method;
use super::itertypes::{builtin_iter, internal_iterator_types, wrong_receiver};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::protocol::GetItemIter;

/// The builtin `iter` or `reversed`, looked up in the builtins dict as CPython's reductions
/// do (a full lookup, which may run a key's `__eq__`: so every reduction looks its builtins
/// up *before* it reads the iterator's state, which such an `__eq__` may change).
fn builtin(interp: &mut Interp, name: &str) -> PyResult {
    let key = Value::Obj(interp.intern(name));
    let d = interp.g.builtins_dict.clone();
    match interp.dict_get(&d, &key)? {
        Some(v) => Ok(v),
        None => Err(interp.attribute_error(format!("module 'builtins' has no attribute '{name}'"))),
    }
}

/// The receiver of a method without arguments (`__reduce__`), checked.
fn receiver<'a>(interp: &Interp, args: &Args<'a>, method: &str) -> PyResult<(&'a Value, ObjRef)> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(interp.type_error(format!(
            "descriptor '{method}' of iterator objects needs an argument"
        )));
    };
    let Some(it) = builtin_iter(recv) else {
        return Err(wrong_receiver(interp, method, recv));
    };
    let it = it.clone();
    let tname = gilvm_object::types::type_name(type_of(&Value::Obj(it.clone()))).to_string();
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{tname}.{method}() takes no keyword arguments")));
    }
    if pos.len() != 1 {
        return Err(interp.type_error(format!(
            "{tname}.{method}() takes no arguments ({} given)",
            pos.len() - 1
        )));
    }
    Ok((recv, it))
}

/// `(f, args)` or `(f, args, state)`.
fn reduction(interp: &Interp, f: Value, args: Vec<Value>, state: Option<Value>) -> Value {
    let args = interp.new_tuple(args);
    let mut parts = vec![f, args];
    parts.extend(state);
    interp.new_tuple(parts)
}

/// An empty sequence of the iterated kind, for an exhausted iterator's reduction.
fn empty_of(interp: &Interp, kind: SeqKind) -> Value {
    match kind {
        SeqKind::List => interp.new_list(Vec::new()),
        SeqKind::StrAscii | SeqKind::Str => interp.new_str(""),
        _ => interp.new_tuple(Vec::new()),
    }
}

fn reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (recv, it) = receiver(interp, &args, "__reduce__")?;
    let py = interp.py;
    match it.payload() {
        Payload::SeqIter(cell) => {
            let iter = builtin(interp, "iter")?;
            Ok(match cell.position(py) {
                Some((seq, index)) => reduction(
                    interp,
                    iter,
                    vec![Value::Obj(seq)],
                    Some(Value::Int(index as i64)),
                ),
                None => {
                    let e = empty_of(interp, cell.kind());
                    reduction(interp, iter, vec![e], None)
                }
            })
        }
        Payload::RangeIter(cell) => {
            let iter = builtin(interp, "iter")?;
            let (next, left, step) = cell.state(py);
            let stop = next as i128 + left as i128 * step as i128;
            let int = |v: i128| match i64::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => interp.new_bigint(num_bigint::BigInt::from(v)),
            };
            let bounds = [int(next as i128), int(stop), Value::Int(step)];
            let range = Value::Obj(interp.g.types.range.clone());
            let r = interp.call(&range, Args::new(&bounds))?;
            Ok(reduction(interp, iter, vec![r], Some(Value::None)))
        }
        Payload::Iter(cell) => {
            let kind = cell.kind();
            let own_type = Value::Obj(type_of(recv).clone());
            let fns = Builtins {
                iter: builtin(interp, "iter")?,
                reversed: match kind {
                    IterKind::ListReverse | IterKind::Reversed => builtin(interp, "reversed")?,
                    _ => Value::None,
                },
            };
            let Some(st) = cell.copy_out(py) else {
                // The sequence iterator over `__getitem__` (a native state).
                let iter = fns.iter;
                let pos = cell.with_native(py, |g: &mut GetItemIter| (g.seq.clone(), g.index));
                return Ok(match pos {
                    Some((seq, index)) => {
                        reduction(interp, iter, vec![seq], Some(Value::Int(index)))
                    }
                    None => {
                        let e = interp.new_tuple(Vec::new());
                        reduction(interp, iter, vec![e], None)
                    }
                });
            };
            reduce_state(interp, st, kind, own_type, fns)
        }
        _ => unreachable!("builtin_iter answers only iterator payloads"),
    }
}

/// The builtins a reduction names, looked up before the state is read.
struct Builtins {
    iter: Value,
    /// `reversed` for the reversed iterators, else None.
    reversed: Value,
}

/// The reduction of an `IterState` iterator of kind `kind` whose type is `own_type`.
fn reduce_state(
    interp: &mut Interp,
    st: IterState,
    kind: IterKind,
    own_type: Value,
    fns: Builtins,
) -> PyResult {
    let py = interp.py;
    match st {
        IterState::Exhausted | IterState::Native(_) => {
            let (f, empty) = match kind {
                IterKind::ListReverse => (fns.reversed, interp.new_list(vec![])),
                IterKind::Reversed => (fns.reversed, interp.new_tuple(vec![])),
                IterKind::Callable | IterKind::Seq => (fns.iter, interp.new_tuple(vec![])),
                _ => (fns.iter, interp.new_list(vec![])),
            };
            Ok(reduction(interp, f, vec![empty], None))
        }
        IterState::Dict {
            dict,
            mut pos,
            len,
            kind: part,
        } => {
            let dd = match dict.payload() {
                Payload::Dict(dd) => dd,
                Payload::Instance(i) => match &i.base {
                    InstanceBase::Dict(dd) => dd,
                    _ => unreachable!("a dict iterator iterates a dict"),
                },
                _ => unreachable!("a dict iterator iterates a dict"),
            };
            let mut left = Vec::new();
            loop {
                match dd.iter_step(py, pos, len) {
                    TableStep::Next(next, (k, v)) => {
                        left.push(match part {
                            0 => k,
                            1 => v,
                            _ => interp.new_tuple(vec![k, v]),
                        });
                        pos = next;
                    }
                    TableStep::End => break,
                    TableStep::SizeChanged => {
                        return Err(interp.runtime_error("dictionary changed size during iteration"))
                    }
                }
            }
            let iter = fns.iter.clone();
            let l = interp.new_list(left);
            Ok(reduction(interp, iter, vec![l], None))
        }
        IterState::Set { set, mut pos, len } => {
            let mut left = Vec::new();
            if let Some(ss) = super::containers::set_table(&set) {
                loop {
                    match ss.iter_step(py, pos, len) {
                        TableStep::Next(next, k) => {
                            left.push(k);
                            pos = next;
                        }
                        TableStep::End => break,
                        TableStep::SizeChanged => {
                            return Err(interp.runtime_error("Set changed size during iteration"))
                        }
                    }
                }
            }
            let iter = fns.iter.clone();
            let l = interp.new_list(left);
            Ok(reduction(interp, iter, vec![l], None))
        }
        IterState::Reversed { seq, index } => match kind {
            // The dict's reversed iterators run over a snapshot list: what is left of it,
            // last first.
            IterKind::DictRevKeys | IterKind::DictRevValues | IterKind::DictRevItems => {
                let mut left = Vec::with_capacity(index);
                for i in (0..index).rev() {
                    let v = interp.getitem(&Value::Obj(seq.clone()), &Value::Int(i as i64))?;
                    left.push(v);
                }
                let iter = fns.iter.clone();
                let l = interp.new_list(left);
                Ok(reduction(interp, iter, vec![l], None))
            }
            _ => {
                let f = if kind == IterKind::ListReverse {
                    fns.reversed.clone()
                } else {
                    own_type
                };
                let state = Value::Int(index as i64 - 1);
                Ok(reduction(interp, f, vec![Value::Obj(seq)], Some(state)))
            }
        },
        IterState::Enumerate { iter, count } => {
            Ok(reduction(interp, own_type, vec![iter, count], None))
        }
        IterState::Zip { iters, strict } => Ok(reduction(
            interp,
            own_type,
            iters,
            strict.then_some(Value::Bool(true)),
        )),
        IterState::Map {
            func,
            iters,
            strict,
        } => {
            let mut a = Vec::with_capacity(iters.len() + 1);
            a.push(func);
            a.extend(iters);
            Ok(reduction(
                interp,
                own_type,
                a,
                strict.then_some(Value::Bool(true)),
            ))
        }
        IterState::Filter { func, iter } => Ok(reduction(interp, own_type, vec![func, iter], None)),
        IterState::Callable { func, sentinel } => {
            let iter = fns.iter.clone();
            Ok(reduction(interp, iter, vec![func, sentinel], None))
        }
    }
}

/// The argument of `__setstate__`, checked: the receiver's iterator and the state.
fn setstate_args<'a>(interp: &Interp, args: &Args<'a>) -> PyResult<(ObjRef, &'a Value)> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(
            interp.type_error("descriptor '__setstate__' of iterator objects needs an argument")
        );
    };
    let Some(it) = builtin_iter(recv) else {
        return Err(wrong_receiver(interp, "__setstate__", recv));
    };
    let it = it.clone();
    let tname = gilvm_object::types::type_name(type_of(&Value::Obj(it.clone()))).to_string();
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{tname}.__setstate__() takes no keyword arguments")));
    }
    if pos.len() != 2 {
        return Err(interp.type_error(format!(
            "{tname}.__setstate__() takes exactly one argument ({} given)",
            pos.len() - 1
        )));
    }
    Ok((it, &pos[1]))
}

/// An index state as CPython's `PyLong_AsSsize_t` reads it: an int (bool included),
/// clamped to the `i64` range; "an integer is required" otherwise.
fn index_state(interp: &Interp, v: &Value) -> PyResult<i64> {
    match v.base_value() {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => match other.to_bigint() {
            Some(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            None => Err(interp.type_error("an integer is required")),
        },
    }
}

fn setstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (it, state) = setstate_args(interp, &args)?;
    let py = interp.py;
    match it.payload() {
        Payload::SeqIter(cell) => {
            let n = index_state(interp, state)?;
            let Some((seq, _)) = cell.position(py) else {
                return Ok(Value::None);
            };
            let len = interp.len(&Value::Obj(seq))? as i64;
            // A list or bytearray iterator set before the start is exhausted (CPython 3.14
            // marks those with index -1); the others start at 0.
            let index = match cell.kind() {
                SeqKind::List | SeqKind::ByteArray if n < 0 => None,
                _ => Some(n.clamp(0, len) as usize),
            };
            cell.set_index(py, index);
        }
        Payload::RangeIter(cell) => {
            let n = interp.index_value(state)?;
            cell.skip(py, n);
        }
        Payload::Iter(cell) => match cell.kind() {
            IterKind::Zip | IterKind::Map => {
                let strict = interp.truthy(state)?;
                cell.set_strict(py, strict);
            }
            IterKind::ListReverse | IterKind::Reversed => {
                let n = index_state(interp, state)?;
                if let Some(IterState::Reversed { seq, .. }) = cell.copy_out(py) {
                    let len = interp.len(&Value::Obj(seq))? as i64;
                    // CPython's index is the position of the next item, -1 when done; the
                    // cell counts the items left.
                    let n = n.clamp(-1, len - 1);
                    cell.set_reversed_index(py, (n + 1) as usize);
                }
            }
            IterKind::Seq => {
                let n = index_state(interp, state)?.max(0);
                cell.with_native(py, |g: &mut GetItemIter| g.index = n);
            }
            _ => return Err(wrong_receiver(interp, "__setstate__", &args.pos()[0])),
        },
        _ => unreachable!("builtin_iter answers only iterator payloads"),
    }
    Ok(Value::None)
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    let all = internal_iterator_types(t).into_iter().chain([
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ]);
    for ty in all {
        add_method(interp, ty, "__reduce__", reduce);
    }
    // `__setstate__` where CPython has it: not the set and dict iterators, enumerate,
    // filter or callable_iterator.
    for ty in [
        &t.list_iterator,
        &t.tuple_iterator,
        &t.str_ascii_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.bytearray_iterator,
        &t.range_iterator,
        &t.list_reverseiterator,
        &t.iterator,
        &t.reversed,
        &t.zip,
        &t.map,
    ] {
        add_method(interp, ty, "__setstate__", setstate);
    }
}
