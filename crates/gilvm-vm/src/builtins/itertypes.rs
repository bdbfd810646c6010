//! The builtin iterator types (issue 19, branch iters).
//!
//! # What
//! CPython's builtin iterators are each of their own type: `type(iter(()))` is
//! `tuple_iterator`, `type(iter({}))` `dict_keyiterator`, `reversed([])` a
//! `list_reverseiterator`, and `enumerate`, `zip`, `map`, `filter`, `reversed` are types that
//! programs call, test with `isinstance` and subclass (`class E(enumerate)`). The Lib relies
//! on this: `_collections_abc` registers `type(iter(x))` of each with `Iterator`, `copy` and
//! `pickle` reduce iterators with their `__reduce__`, and CPython's tests compare type names.
//!
//! # How
//! The iterators keep their three payloads (`SeqIter`, `RangeIter`, `Iter`: the eval loop's
//! `FOR_ITER` fast paths match those payloads and are untouched). Each cell carries an
//! immutable kind (`gilvm_object::iterstate::{SeqKind, IterKind}`), set when the iterator
//! is made, from which `types::type_of_obj` answers the type: a match on one byte, with no
//! lock (the kind never changes, not even when the iterator is exhausted).
//!
//! The five public types get a `__new__` (the constructors of `iterfns.rs`, with CPython's
//! argument checks and messages) and accept subclasses the way native types do
//! (`native_sub.rs`): an instance of `class E(enumerate)` is an instance that holds a plain
//! enumerate iterator as its `InstanceBase::Value`; the types' methods (`__next__`,
//! `__reduce__`, …) look through it with `Value::base_value`. The other iterator types
//! cannot be instantiated from Python ("cannot create 'list_iterator' instances") nor
//! derived from. Pickling (`__reduce__`, `__setstate__`) is `iterpickle.rs`.
//!
//! # Invariants
//! The kind of an iterator is decided once, by the code that makes it; every maker goes
//! through `SeqIterCell::new` (kind from the sequence), `IterCell::new` (kind from the
//! state) or `IterCell::with_kind` (the dict's reversed iterators, whose state is a
//! snapshot list). A native `__next__` never recurses into `Interp::next` with a value that
//! is not a builtin iterator (`iter_next` checks the payload first).
use gilvm_object::types::BuiltinTypes;
use gilvm_object::{ObjRef, Payload, Value};

use super::core::TypeDictSet;
use super::{add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

/// The iterator types that Python code cannot instantiate nor derive from.
pub fn internal_iterator_types(t: &BuiltinTypes) -> [&ObjRef; 17] {
    [
        &t.list_iterator,
        &t.tuple_iterator,
        &t.str_ascii_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.bytearray_iterator,
        &t.range_iterator,
        &t.set_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.list_reverseiterator,
        &t.callable_iterator,
        // (the iterators over huge ranges are `longrange.rs`'s native type.)
        &t.iterator,
    ]
}

/// The builtin iterator that `v` is or that an instance of a subclass of `enumerate`,
/// `zip`, `map`, `filter` or `reversed` holds; None for other values.
pub fn builtin_iter(v: &Value) -> Option<&ObjRef> {
    match v.base_value() {
        Value::Obj(o)
            if matches!(
                o.payload(),
                Payload::SeqIter(_) | Payload::RangeIter(_) | Payload::Iter(_)
            ) =>
        {
            Some(o)
        }
        _ => None,
    }
}

/// The TypeError of a builtin iterator's method called on something else.
pub fn wrong_receiver(interp: &Interp, method: &str, v: &Value) -> crate::error::PyErr {
    interp.type_error(format!(
        "descriptor '{method}' requires an iterator object but received a '{}'",
        interp.type_name(v)
    ))
}

fn iter_self(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

fn iter_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    let Some(it) = builtin_iter(&a[0]) else {
        return Err(wrong_receiver(interp, "__next__", &a[0]));
    };
    match interp.next(&Value::Obj(it.clone()))? {
        Some(v) => Ok(v),
        None => Err(interp.stop_iteration(Value::None)),
    }
}

/// `T.__new__(cls, …)` of one of the five public iterator types: the constructor `plain`
/// on the arguments after `cls`, its iterator wrapped in an instance of `cls` when `cls` is
/// a subclass.
fn new_with(interp: &mut Interp, args: Args<'_>, t: &ObjRef, plain: NativeFn) -> PyResult {
    let cls = crate::native_sub::new_target(interp, &args, t)?;
    let Some((_, rest)) = args.split_first() else {
        unreachable!("new_target checked the class argument")
    };
    let it = plain(interp, rest)?;
    Ok(crate::native_sub::wrap_new(interp, cls.as_ref(), it))
}

fn enumerate_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = interp.g.types.enumerate.clone();
    new_with(interp, args, &t, super::iterfns::enumerate)
}

fn zip_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = interp.g.types.zip.clone();
    new_with(interp, args, &t, super::iterfns::zip)
}

fn map_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = interp.g.types.map.clone();
    new_with(interp, args, &t, super::iterfns::map)
}

fn filter_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = interp.g.types.filter.clone();
    new_with(interp, args, &t, super::iterfns::filter)
}

fn reversed_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = interp.g.types.reversed.clone();
    new_with(interp, args, &t, super::iterfns::reversed)
}

/// The types' text signatures and docstrings (CPython 3.14's).
const DOCS: [(&str, &str, &str); 5] = [
    (
        "enumerate",
        "(iterable, start=0)",
        "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    ),
    (
        "zip",
        "(*iterables, strict=False)",
        "The zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]",
    ),
    (
        "map",
        "(function, iterable, /, *iterables, strict=False)",
        "Make an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.",
    ),
    (
        "filter",
        "(function, iterable, /)",
        "Return an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.",
    ),
    (
        "reversed",
        "(sequence, /)",
        "Return a reverse iterator over the values of the given sequence.",
    ),
];

pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    let public: [(&ObjRef, &'static str, NativeFn); 5] = [
        (&t.enumerate, "enumerate", enumerate_new),
        (&t.zip, "zip", zip_new),
        (&t.map, "map", map_new),
        (&t.filter, "filter", filter_new),
        (&t.reversed, "reversed", reversed_new),
    ];
    for (ty, name, new) in public {
        add_static(interp, ty, "__new__", new);
        interp.dict_set_str(
            &interp.g.builtins_dict.clone(),
            interp.intern(name),
            Value::Obj(ty.clone()),
        );
        crate::native_sub::allow_subclass(ty);
        if let Some((_, sig, doc)) = DOCS.iter().find(|(n, _, _)| *n == name) {
            for (attr, text) in [("__doc__", *doc), ("__text_signature__", *sig)] {
                let v = interp.new_str(text);
                ty.type_dict_set(interp, attr, v);
            }
        }
    }
    super::genericalias::make_generic(interp, &t.enumerate);
    let all = internal_iterator_types(t).into_iter().chain([
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ]);
    for ty in all {
        add_method(interp, ty, "__iter__", iter_self);
        add_method(interp, ty, "__next__", iter_next);
    }
    // `__length_hint__` where CPython has it (not enumerate, zip, map, filter,
    // callable_iterator).
    for ty in internal_iterator_types(t)
        .into_iter()
        .filter(|ty| !ty.is(&t.callable_iterator))
        .chain([&t.reversed])
    {
        add_method(interp, ty, "__length_hint__", crate::iters::length_hint);
    }
    super::iterpickle::register(interp);
}
