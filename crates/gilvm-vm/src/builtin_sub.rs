//! Subclasses of the builtin types: `class Flags(int)`, `class Path(str)`, `class P(tuple)`,
//! `class S(set)`, `class cached(property)`, …
//!
//! # The problem
//! A builtin value is not an instance: an `int` is an immediate in its `Value`, a `str` is a
//! `PyStr` object, a `tuple` a boxed slice, and their methods are native functions that
//! match on those payloads. An instance of a class has a class pointer and attributes, and
//! its methods are found through the class's MRO. An instance of `class Flags(int)` must be
//! both: `type(x)` is `Flags`, `x.label = …` works, `Flags.__repr__` may be overridden; and
//! `x + 1`, `hash(x)`, `f"{x:05d}"`, `[…][x]`, `int(x)` behave as the int it stands for.
//!
//! # The representation
//! Such an instance is a `Payload::Instance` (class, attributes) whose `InstanceBase` holds
//! the builtin state, as list and dict subclasses already did (`InstanceBase::List`,
//! `Dict`, see `gilvm_object::payload`):
//!
//! - the immutable builtins (`int`, `float`, `str`, `bytes`, `tuple`, `frozenset`) keep the
//!   plain value itself, `InstanceBase::Value(v)`: `Flags(3)` holds `Value::Int(3)`,
//!   `Path("a")` holds a plain `str` object. `T.__new__(cls, …)` computes the plain value
//!   exactly as `T(…)` would, then wraps it (`value_new`); the value is never itself an
//!   instance, so one step reaches it (`Value::base_value`);
//! - `set` keeps a boxed `PySet`, `InstanceBase::Set`: a set is mutable, and `s |= t`, `s.add`
//!   must change (and return) this very object, as for lists and dicts;
//! - `property`, `classmethod`, `staticmethod` keep the plain descriptor in a cell,
//!   `InstanceBase::Descriptor`, because their `__init__` (re)builds it (`builtins/descriptors.rs`).
//!
//! The class records which builtin it derives from in its layout, `Layout::Base(kind)`
//! (`type.__new__` maps the builtin base, and refuses two different ones with CPython's
//! "multiple bases have instance lay-out conflict"); `object.__new__(cls)` of such a class
//! is refused as in CPython ("is not safe, use int.__new__()"), and `bool` stays final.
//!
//! # Behaviour: the builtin's methods through the MRO, seeing through on the miss path
//! Nothing on the plain path changes. The interpreter's fast paths (the eval loop's small
//! ints and floats, `binary_op`'s numeric and sequence paths, `builtin_compare`, `len`,
//! `iter`, `getitem`, `hash` of builtin payloads) match exact payloads; an instance of a
//! subclass is a `Payload::Instance`, so it misses them and takes the path every instance
//! takes: its type's special methods, looked up along the MRO. A user override
//! (`__add__`, `__repr__`, `__eq__`, `__len__`, `__iter__`, …) is found first, exactly as
//! in CPython; without one, the lookup reaches the builtin type's own dict, which holds the
//! builtin's native methods (`int.__add__`, `str.upper`, `tuple.__getitem__`,
//! `set.__ior__`, …).
//!
//! Those natives take their receiver and arguments through a handful of value-extraction
//! helpers: `Value::as_str`, `Value::to_bigint`, `numbers::int_ref`/`is_int`,
//! `strings::as_pystr`/`recv`, `containers::set_parts`, the tuple and float receivers. Each
//! matches the plain payload first and only on a miss asks `Value::subclass_value` (out of
//! line) whether the value is a subclass instance, then answers for the plain value it
//! holds. So the cost for plain values is nil (the plain arm is first, the miss arm was an
//! error or `None` before), and the same native serves `str.upper("a")`,
//! `str.upper(Path("a"))` and `Path("a").upper()`. A native computes on the plain value,
//! so its result is a plain builtin, as CPython's are: `Flags(3) + 1` is an `int`,
//! `Path("a").strip()` a `str`, `T((1, 2))[:1]` a `tuple`, `S({1}) | {2}` a `set`; an
//! in-place set operation returns the receiver itself.
//!
//! Where a builtin's behaviour has no native method in its type's dict (bytes concatenation
//! and ordering, `"a" + Path("b")`), the sequence operators and the comparisons end with one
//! more try on the plain values (`ops.rs`, `binary_op_plain`/`compare_plain`, out of line),
//! after both operands' special methods, which is also CPython's order: `sq_concat` comes
//! after the reflected `__radd__`. A `TypeError` from that try is dropped, so the error
//! names the operands' own types.
//!
//! The other way round, a fast path that bypasses special methods must not see through:
//! `print`, `str.format`'s empty spec, `sorted`'s all-str path and the left-hand `str + x`
//! use `Value::as_exact_str`, because a subclass's `__str__`, `__lt__` or `__radd__` must
//! run. A few natives need the original object and not the plain value, and take it
//! explicitly: `int.__format__(x, "")` is `str(x)` (a subclass's `__str__`), a set's repr
//! names the subclass (`S({1})`), and `property.getter` on a subclass instance builds a new
//! instance of the subclass (`type(self)(fget, fset, fdel, None)`). And as in CPython, a
//! class that defines `__eq__` without `__hash__` gets `__hash__ = None` (`type.__new__`),
//! so an int subclass that redefines `==` does not keep `int.__hash__`.
//!
//! # Threads
//! The plain value of `InstanceBase::Value` is immutable and read without a lock, as a
//! plain int or str is. A set subclass's table is a `PySet`, whose operations are the same
//! critical sections as a plain set's. A descriptor subclass's cell is an `ObjCell`;
//! `__init__` swaps the new descriptor in and drops the old one after the section.
//!
//! # Cost
//! The extraction helpers keep their plain arm first and their miss arm out of line and
//! cold (a recursive helper would not be inlined any more). Callgrind instruction counts,
//! GIL build, before / after: fib(22) 51.79M / 52.11M, nbody(2000) 163.76M / 163.08M,
//! dict_str(40000) 129.55M / 130.00M, count_loop(400000) 124.52M / 124.55M. The differences
//! (+0.6%, -0.4%, +0.3%, +0.0%) are in code this work does not touch (the prologues of
//! `call_function`/`run_frame`, the eval loop's dispatch): the crate is built as four
//! codegen units with thin LTO, and any added code moves functions between units and
//! changes inlining and register allocation elsewhere.
//!
//! # What differs
//! `copy`/`pickle` of such instances are out of scope. CPython hands back the receiver
//! itself in a few places where nothing changed (`S("ab").partition("x")[0]`,
//! `S("").split(",")`, `S("ab").format()`), so a subclass instance leaks out there; gilvm's
//! natives return the plain `str`. Error messages that name the type of a huge int index
//! say `int` (`cannot fit 'int' into an index-sized integer`).
use gilvm_object::payload::{BuiltinBase, Instance, InstanceBase, SubDescriptor};
use gilvm_object::types::{is_subtype, type_name, BuiltinTypes, Layout};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

/// The layout of a class deriving directly from builtin type `b`, for the builtins whose
/// subclass instances carry `InstanceBase::Value`, `Set` or `Descriptor`; None for others.
pub fn base_layout(t: &BuiltinTypes, b: &ObjRef) -> Option<Layout> {
    let k = if b.is(&t.int) {
        BuiltinBase::Int
    } else if b.is(&t.str_) {
        BuiltinBase::Str
    } else if b.is(&t.tuple) {
        BuiltinBase::Tuple
    } else if b.is(&t.float) {
        BuiltinBase::Float
    } else if b.is(&t.bytes) {
        BuiltinBase::Bytes
    } else if b.is(&t.frozenset) {
        BuiltinBase::FrozenSet
    } else if b.is(&t.set) {
        BuiltinBase::Set
    } else if b.is(&t.property) {
        BuiltinBase::Property
    } else if b.is(&t.classmethod) {
        BuiltinBase::ClassMethod
    } else if b.is(&t.staticmethod) {
        BuiltinBase::StaticMethod
    } else if b.is(&t.complex) {
        BuiltinBase::Complex
    } else {
        return None;
    };
    Some(Layout::Base(k))
}

impl Interp {
    /// A new instance of class `cls` carrying the builtin state `base`.
    pub fn new_base_instance(&self, cls: &ObjRef, base: InstanceBase) -> Value {
        Value::Obj(self.new_obj(Owned::Instance(Instance::new(cls.clone(), base))))
    }
}

/// The class argument of `T.__new__(cls, …)`, checked as CPython's `tp_new_wrapper` checks
/// it: None when `cls` is `t` itself (the plain constructor goes on), the class when it is a
/// proper subclass.
pub fn new_target(interp: &Interp, args: &Args<'_>, t: &ObjRef) -> PyResult<Option<ObjRef>> {
    let tname = type_name(t);
    let Some(c) = args.pos().first() else {
        return Err(interp.type_error(format!("{tname}.__new__(): not enough arguments")));
    };
    let cls = match c {
        Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => o,
        _ => {
            return Err(interp.type_error(format!(
                "{tname}.__new__(X): X is not a type object ({})",
                interp.type_name(c)
            )))
        }
    };
    if cls.is(t) {
        return Ok(None);
    }
    let n = type_name(cls);
    if !is_subtype(cls, t) {
        return Err(interp.type_error(format!(
            "{tname}.__new__({n}): {n} is not a subtype of {tname}"
        )));
    }
    // A builtin subtype (`bool` of `int`) has its own constructor.
    if matches!(cls.payload(), Payload::Type(ct) if !ct.is_heap) {
        return Err(interp.type_error(format!(
            "{tname}.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    Ok(Some(cls.clone()))
}

/// `T.__new__(cls, *args)` of an immutable builtin `t` for a proper subclass `cls`: the plain
/// value `plain` (the builtin's own `__new__`) makes from the same arguments, held by a new
/// instance of `cls`. None when `cls` is `t` itself (the caller goes on with the plain
/// constructor).
pub fn value_new(
    interp: &mut Interp,
    args: Args<'_>,
    t: &ObjRef,
    plain: NativeFn,
) -> PyResult<Option<Value>> {
    let Some(cls) = new_target(interp, &args, t)? else {
        return Ok(None);
    };
    let mut all = args.all.to_vec();
    all[0] = Value::Obj(t.clone());
    let v = plain(
        interp,
        Args {
            all: &all,
            kwnames: args.kwnames,
        },
    )?;
    let v = v.base_value().clone();
    Ok(Some(interp.new_base_instance(&cls, InstanceBase::Value(v))))
}

/// A new instance of a proper subclass `cls` of `property`, `classmethod` or
/// `staticmethod`, holding the plain descriptor `desc` until its `__init__` replaces it.
pub fn descriptor_instance(interp: &Interp, cls: &ObjRef, desc: Owned) -> Value {
    let desc = Value::Obj(interp.new_obj(desc));
    interp.new_base_instance(
        cls,
        InstanceBase::Descriptor(Box::new(ObjCell::new(SubDescriptor {
            desc,
            name: Value::None,
        }))),
    )
}

/// The plain values of two operands of which at least one is an instance of a subclass of
/// an immutable builtin (the operators' last try, after the special methods).
pub fn plain_operands<'a>(a: &'a Value, b: &'a Value) -> Option<(&'a Value, &'a Value)> {
    let (pa, pb) = (a.subclass_value(), b.subclass_value());
    if pa.is_none() && pb.is_none() {
        return None;
    }
    Some((pa.unwrap_or(a), pb.unwrap_or(b)))
}

/// Is `b` one of the builtin types CPython does not let a class derive from (besides
/// `bool`, marked final in the type itself): "type 'range' is not an acceptable base type".
pub fn is_final_builtin(t: &BuiltinTypes, b: &ObjRef) -> bool {
    [
        &t.range,
        &t.slice,
        &t.none,
        &t.not_implemented,
        &t.ellipsis,
        &t.function,
        &t.builtin_function,
        &t.method_descriptor,
        &t.method,
        &t.code,
        &t.cell,
    ]
    .iter()
    .any(|f| b.is(f))
        || crate::builtins::itertypes::internal_iterator_types(t)
            .iter()
            .any(|f| b.is(f))
}
