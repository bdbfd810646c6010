//! The payloads of the core types: what a heap object holds besides its header.
//!
//! Immutable data (str, tuple, big int, code, function) is stored plainly. Mutable state is
//! behind an [`ObjCell`] (the per-object lock: nothing in the GIL build, a one-byte mutex in
//! the free-threaded build), accessed with a [`Py`](gilvm_sync::Py) token.
use std::any::Any;
use std::ptr::NonNull;

use num_bigint::BigInt;

use gilvm_sync::ObjCell;

use crate::attrs::{InstanceAttrs, SharedKeys};
use crate::code::CodeObject;
use crate::dict::PyDict;
use crate::exc::ExcData;
use crate::header::Header;
use crate::instclass::ClassSlot;
use crate::list::PyList;
use crate::objref::{Obj, ObjRef, PyObject};
use crate::set::PySet;
use crate::str::PyStr;
use crate::types::TypeObject;
use crate::value::Value;

/// The kinds of heap object and their payload types, listed once: the macro below makes
/// from this list the owned payload a new object is built from ([`Owned`]), the borrowed
/// view the VM matches on ([`Payload`]), the kind tag kept in the header ([`Kind`]), and
/// the per-kind allocation and release (`Kind::alloc`, `Kind::free`).
///
/// # Layout: every object as large as its kind needs
/// An object is allocated as `Obj<T>` (header, then `T`) for its kind's payload type `T`,
/// never as a union of all kinds: a `str` costs the header and a `PyStr`, a code object
/// its 270-odd bytes, and neither pays for the other. The kind tag lives in the header's
/// spare bytes (no extra word in either build), and `ObjRef::payload` turns tag and
/// address into a `Payload` view, a tag and a pointer the compiler keeps in registers.
macro_rules! payload_kinds {
    ($( $(#[$doc:meta])* $name:ident($ty:ty) ),* $(,)?) => {
        /// What a new heap object holds: passed to [`ObjRef::new`](crate::ObjRef::new),
        /// which allocates exactly the size of this variant's payload.
        pub enum Owned {
            $( $(#[$doc])* $name($ty), )*
        }

        /// A view of a heap object's payload (from [`ObjRef::payload`](crate::ObjRef::payload)).
        #[derive(Clone, Copy)]
        pub enum Payload<'a> {
            $( $(#[$doc])* $name(&'a $ty), )*
        }

        /// The kind tag of a heap object, stored in its header.
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Kind {
            $( $name, )*
        }

        impl Kind {
            /// The number of kinds.
            const COUNT: usize = [$( Kind::$name, )*].len();

            /// The kind whose tag is `tag`, which must come from a header (`Kind as u8`
            /// written by `alloc`).
            #[inline(always)]
            pub(crate) fn from_tag(tag: u8) -> Kind {
                debug_assert!((tag as usize) < Kind::COUNT, "bad kind tag {tag}");
                // SAFETY: `Kind` is `repr(u8)` with the default discriminants 0..COUNT, and
                // every header's tag was written from a `Kind` by `alloc` and never changes,
                // so `tag` is one of them. (Checked in debug builds; a table lookup here
                // costs a load and a compare on every payload access.)
                unsafe { std::mem::transmute::<u8, Kind>(tag) }
            }

            /// Allocates an object holding `p` (count 1) and returns its address.
            pub(crate) fn alloc(p: Owned) -> NonNull<PyObject> {
                match p {
                    $( Owned::$name(data) => {
                        let b = Box::new(Obj { header: Header::new(Kind::$name as u8), data });
                        NonNull::from(Box::leak(b)).cast()
                    } )*
                }
            }

            /// The payload view of the object at `p`.
            ///
            /// # Safety
            /// `p` must point to a live object allocated by [`Kind::alloc`] whose payload
            /// outlives `'a`.
            #[inline(always)]
            pub(crate) unsafe fn view<'a>(p: NonNull<PyObject>) -> Payload<'a> {
                // SAFETY: the caller's contract; the header is at offset 0 of every
                // `Obj<T>` (`repr(C)`), and its tag names the `T` it was allocated with.
                unsafe {
                    match Kind::from_tag((*p.as_ptr()).header.kind()) {
                        $( Kind::$name => Payload::$name(&(*p.cast::<Obj<$ty>>().as_ptr()).data), )*
                    }
                }
            }

            /// Drops the object at `p` and releases its memory.
            ///
            /// # Safety
            /// `p` must come from [`Kind::alloc`], and no reference to it may remain.
            pub(crate) unsafe fn free(p: NonNull<PyObject>) {
                // SAFETY: the caller's contract; the box is rebuilt with the type it was
                // allocated with (the tag names it).
                unsafe {
                    match Kind::from_tag((*p.as_ptr()).header.kind()) {
                        $( Kind::$name => drop(Box::from_raw(p.cast::<Obj<$ty>>().as_ptr())), )*
                    }
                }
            }

            /// Model checking: drops the payload of the object at `p` in place, keeping
            /// the header readable until [`Kind::loom_release`].
            ///
            /// # Safety
            /// As [`Kind::free`].
            #[cfg(loom)]
            pub(crate) unsafe fn loom_drop_payload(p: NonNull<PyObject>) {
                // SAFETY: as in `free`.
                unsafe {
                    match Kind::from_tag((*p.as_ptr()).header.kind()) {
                        $( Kind::$name => std::ptr::drop_in_place(
                            &mut (*p.cast::<Obj<$ty>>().as_ptr()).data), )*
                    }
                }
            }

            /// Model checking: drops the header of an object whose payload was dropped by
            /// `loom_drop_payload`, and releases the memory.
            ///
            /// # Safety
            /// As [`Kind::free`]; the payload was already dropped.
            #[cfg(loom)]
            pub(crate) unsafe fn loom_release(p: NonNull<PyObject>) {
                // SAFETY: as in `free`; the layout is the one `alloc` used.
                unsafe {
                    let layout = match Kind::from_tag((*p.as_ptr()).header.kind()) {
                        $( Kind::$name => std::alloc::Layout::new::<Obj<$ty>>(), )*
                    };
                    std::ptr::drop_in_place(&mut (*p.as_ptr()).header);
                    std::alloc::dealloc(p.as_ptr().cast(), layout);
                }
            }
        }
    };
}

payload_kinds! {
    Str(PyStr),
    /// An int outside the `i64` range (never one that fits: see `Value::from_bigint`).
    Int(BigInt),
    Tuple(Box<[Value]>),
    List(PyList),
    Dict(PyDict),
    Set(PySet),
    FrozenSet(PySet),
    Bytes(Box<[u8]>),
    Range(RangeObj),
    Slice(Box<[Value; 3]>),
    Type(TypeObject),
    /// An instance of a class defined in Python (or of a builtin type that keeps its state
    /// in an instance, such as exceptions).
    Instance(Instance),
    Function(Function),
    BuiltinFunction(BuiltinFn),
    BoundMethod(BoundMethod),
    Code(CodeObject),
    /// A closure cell; `Value::Undef` when empty.
    Cell(ObjCell<Value>),
    Module(Module),
    Property(Box<[Value; 3]>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// A builtin iterator over a sequence or range (the interpreter's fast paths).
    SeqIter(crate::iterstate::SeqIterCell),
    RangeIter(crate::iterstate::RangeIterCell),
    /// Other builtin iterators (enumerate, zip, map, …), whose steps may call Python code:
    /// the interpreter copies state out of the cell before calling.
    Iter(crate::iterstate::IterCell),
    /// A singleton with a fixed repr (`NotImplemented`, `Ellipsis`).
    Singleton(&'static str),
    /// An instance of `object` itself (`object()`, the usual sentinel): it has no attributes
    /// and no state, so it is only a header (its type is implied by its kind).
    Object(()),
    /// State owned by the interpreter or a native module (generator frames, locks, …).
    Native(NativeObj),
    /// A `complex` number (issue 18): two floats, immutable.
    Complex(crate::complex::PyComplex),
    /// A `bytearray` (issue 18): its bytes and buffer exports behind the object's lock.
    ByteArray(crate::bytearray::PyByteArray),
    /// A `memoryview` (issue 18).
    MemoryView(crate::memoryview::PyMemoryView),
}

/// `range(start, stop, step)` over i64 bounds.
#[derive(Clone, Copy, Debug)]
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    /// Number of items.
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Item `i` (0 <= i < len).
    pub fn item(&self, i: i64) -> i64 {
        self.start.wrapping_add(i.wrapping_mul(self.step))
    }
}

/// An instance: its class, its attributes (inline values keyed by the class's shared
/// keys, or a dict, and its slots: `attrs.rs`), and builtin base state.
pub struct Instance {
    /// The class: derefs to its `ObjRef`; `__class__` assignment replaces it with the
    /// world stopped (`instclass.rs`).
    pub class: ClassSlot,
    /// The attributes. Instances whose class gives them no `__dict__` (`object()`) keep
    /// this empty; the VM refuses to store there (`TypeObject::instance_dict`).
    pub attrs: InstanceAttrs,
    pub base: InstanceBase,
}

impl Instance {
    /// A new instance of `class` (a type object) with no attributes yet.
    pub fn new(class: ObjRef, base: InstanceBase) -> Instance {
        let attrs = match class.payload() {
            Payload::Type(t) => InstanceAttrs::new(&t.shared_keys),
            _ => InstanceAttrs::new(&SharedKeys::new()),
        };
        Instance {
            class: ClassSlot::new(class),
            attrs,
            base,
        }
    }

    /// The class's type object.
    #[inline(always)]
    pub fn class_type(&self) -> &TypeObject {
        match self.class.payload() {
            Payload::Type(t) => t,
            _ => unreachable!("an instance's class is a type"),
        }
    }

    /// The value of the named slot at `pos` (`Undef`: unset).
    #[inline]
    pub fn slot_get(&self, py: gilvm_sync::Py<'_>, pos: usize) -> Value {
        self.attrs.slot_get(py, pos)
    }

    /// Sets (`Undef`: clears) the named slot at `pos`; returns the old value.
    #[inline]
    pub fn slot_set(&self, py: gilvm_sync::Py<'_>, pos: usize, v: Value) -> Value {
        self.attrs.slot_set(py, pos, v)
    }

    /// The class's shared keys.
    #[inline(always)]
    pub fn keys(&self) -> &SharedKeys {
        match self.class.payload() {
            Payload::Type(t) => &t.shared_keys,
            _ => unreachable!("an instance's class is a type"),
        }
    }

    /// Does this instance have a `__dict__` (attributes of its own)?
    #[inline(always)]
    pub fn has_dict(&self) -> bool {
        matches!(self.class.payload(), Payload::Type(t) if t.instance_dict)
    }

    /// Attribute `name` (a str object) of the instance's own.
    #[inline]
    pub fn attr_get(&self, py: gilvm_sync::Py<'_>, name: &ObjRef) -> Option<Value> {
        self.attrs.get(py, self.keys(), name)
    }

    /// Stores attribute `name` (a str object); the caller checked `has_dict`.
    #[inline]
    pub fn attr_set(&self, py: gilvm_sync::Py<'_>, name: ObjRef, v: Value) {
        self.attrs.set(py, self.keys(), name, v)
    }

    /// Deletes attribute `name`; its value, or None when absent.
    pub fn attr_del(&self, py: gilvm_sync::Py<'_>, name: &ObjRef) -> Option<Value> {
        self.attrs.del(py, self.keys(), name)
    }

    /// The `__dict__` (made on first request: `attrs.rs`), or None when the instance has
    /// none.
    pub fn dict(&self, py: gilvm_sync::Py<'_>) -> Option<ObjRef> {
        self.has_dict().then(|| self.attrs.dict(py, self.keys()))
    }

    /// `obj.__dict__ = d`: the instance's attributes become `d`'s (a dict object; else it
    /// is handed back). The caller checked `has_dict`.
    pub fn replace_dict(&self, py: gilvm_sync::Py<'_>, d: ObjRef) -> Result<(), ObjRef> {
        self.attrs.replace_dict(py, self.keys(), d)
    }

    /// `obj.__class__ = class` once the VM checked that `class` has this instance's layout:
    /// inline values move to a dict if the classes share no keys, then the class is
    /// replaced (`instclass.rs`). Returns the old class (now immortal).
    pub fn set_class(
        &self,
        py: gilvm_sync::Py<'_>,
        stopped: &gilvm_sync::stw::WorldStopped<'_>,
        class: ObjRef,
    ) -> ObjRef {
        if let Payload::Type(t) = class.payload() {
            self.attrs.detach_keys(py, self.keys(), &t.shared_keys);
        }
        self.class.replace(stopped, class)
    }
}

/// State of a builtin base class that an instance carries (boxed: most instances have
/// none, and they should not pay for the largest).
///
/// # Instances of subclasses of builtin types
/// An instance of a class that derives from a builtin type keeps the builtin's state here,
/// next to its class and attributes, so that `type(x)` is the subclass, `x.__dict__` holds
/// its own attributes, and the builtin's methods (found through the MRO, in the builtin
/// type's dict) still find the state they work on:
///
/// - `List`, `Dict`, `Set`: the mutable containers, whose state *is* the object (an
///   in-place operation must change this instance, and return it), boxed;
/// - `Value`: the immutable builtins (`int`, `float`, `str`, `bytes`, `tuple`,
///   `frozenset`): the plain builtin value the instance stands for, made once by
///   `T.__new__` and never changed. It is always a plain value (never itself an instance),
///   so one step of [`Value::base_value`] reaches it, and a method of the builtin that
///   returns "itself unchanged" (`s.strip()` of a stripped string) returns the plain value,
///   which is what CPython returns for a subclass (`type(S("a").strip()) is str`);
/// - `Descriptor`: `property`, `classmethod`, `staticmethod`: the plain descriptor object
///   (and the name `__set_name__` gave it), which `__init__` replaces (CPython's
///   `property.__init__` may run again), hence a cell.
///
/// Plain builtin values never pay for this: an `int` is still an immediate and a `str` a
/// `PyStr` object. The value-extraction helpers (`Value::as_str`, `Value::to_bigint`, and
/// the VM's `int_ref`, `as_pystr`, …) look here only after the plain payload did not match.
pub enum InstanceBase {
    Object,
    Exception(Box<ObjCell<ExcData>>),
    List(Box<PyList>),
    Dict(Box<PyDict>),
    /// The plain value of an instance of a subclass of an immutable builtin.
    Value(Value),
    /// The table of an instance of a subclass of `set`.
    Set(Box<PySet>),
    /// The plain `property`/`classmethod`/`staticmethod` of an instance of a subclass of
    /// one of them.
    Descriptor(Box<ObjCell<SubDescriptor>>),
}

/// The state of an instance of a subclass of `property`, `classmethod` or `staticmethod`.
pub struct SubDescriptor {
    /// The plain descriptor the instance behaves as (replaced by `__init__`).
    pub desc: Value,
    /// The attribute name `__set_name__` gave it (a property names it in its errors), or
    /// None.
    pub name: Value,
}

/// Which builtin a class derives its instances' state from, when that state is one of the
/// [`InstanceBase`] variants added for subclasses of builtins (`Layout::Base` of the class).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinBase {
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    FrozenSet,
    Set,
    Property,
    ClassMethod,
    StaticMethod,
    /// `weakref.ReferenceType` (the base is the plain weak reference object).
    WeakRef,
    /// `complex` (issue 18).
    Complex,
    /// `module` (issue 19, branch natives): the instances are `Payload::Module` objects
    /// whose class slot names the subclass.
    Module,
    /// A native type that lets classes derive from it (`_random.Random`; issue 19, branch
    /// natives): the instance holds the native object as its `InstanceBase::Value`.
    Native,
}

impl BuiltinBase {
    /// The builtin type's name.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinBase::Int => "int",
            BuiltinBase::Float => "float",
            BuiltinBase::Str => "str",
            BuiltinBase::Bytes => "bytes",
            BuiltinBase::Tuple => "tuple",
            BuiltinBase::FrozenSet => "frozenset",
            BuiltinBase::Set => "set",
            BuiltinBase::Property => "property",
            BuiltinBase::ClassMethod => "classmethod",
            BuiltinBase::StaticMethod => "staticmethod",
            BuiltinBase::WeakRef => "weakref.ReferenceType",
            BuiltinBase::Complex => "complex",
            BuiltinBase::Module => "module",
            BuiltinBase::Native => "object",
        }
    }
}

impl InstanceBase {
    /// The plain value of an instance of a subclass of an immutable builtin.
    #[inline]
    pub fn value(&self) -> Option<&Value> {
        match self {
            InstanceBase::Value(v) => Some(v),
            _ => None,
        }
    }
}

// An instance's builtin state stays two words (the `Value` variant uses the spare tags of
// the value's own tag word).
const _: () = assert!(std::mem::size_of::<InstanceBase>() == 16);

/// A Python function.
pub struct Function {
    /// The code (issue 19: assignable, `stwref.rs`).
    pub code: crate::stwref::StwRef<ObjRef>,
    pub globals: ObjRef,
    pub name: ObjCell<Value>,
    pub qualname: ObjCell<Value>,
    /// Positional defaults (a tuple) or None (assignable, `stwref.rs`).
    pub defaults: crate::stwref::StwRef<Option<ObjRef>>,
    /// Keyword-only defaults (a dict) or None (assignable, `stwref.rs`).
    pub kwdefaults: crate::stwref::StwRef<Option<ObjRef>>,
    /// Closure cells, in the order of the code's free variables.
    pub closure: Box<[ObjRef]>,
    /// The function's `__dict__` (created on first attribute store).
    pub dict: ObjCell<Option<ObjRef>>,
    pub module: Value,
    pub doc: Value,
}

/// A native function's entry point, erased so that this crate need not know the
/// interpreter's types. The VM converts it back to its own function-pointer type.
#[derive(Clone, Copy)]
pub struct ErasedFn(pub *const ());

/// A function implemented in Rust.
pub struct BuiltinFn {
    pub name: &'static str,
    pub func: ErasedFn,
    /// For methods bound to a receiver (`[].append`).
    pub receiver: Option<Value>,
    /// Extra data attached when the function was created (e.g. a type for `__new__`).
    pub data: Value,
}

/// Is `b` a method descriptor (`list.append`): a method of a builtin type, stored in the
/// type's dict, not bound to a receiver? Such a function carries its type (CPython's
/// `__objclass__`) in `data` (issue 19, pyperf: `type(list.append)` is
/// `method_descriptor`, which `multiprocessing.reduction` pickles by name).
#[inline]
pub fn is_method_descriptor(b: &BuiltinFn) -> bool {
    b.receiver.is_none()
        && matches!(&b.data, Value::Obj(d) if matches!(d.payload(), Payload::Type(_)))
}

/// A function bound to an object (`obj.method`).
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

/// A module.
pub struct Module {
    pub name: Value,
    pub dict: ObjRef,
    /// The module's class: `module`, or a subclass of it (`class M(types.ModuleType)`,
    /// `m.__class__ = M`; issue 19, branch natives). Replaced as an instance's class is.
    pub class: ClassSlot,
}

/// Iterator over a list/tuple/str: the sequence and the next index.
pub struct SeqIter {
    pub(crate) seq: Option<ObjRef>,
    pub(crate) index: usize,
}

/// Iterator over a range.
pub struct RangeIter {
    pub(crate) next: i64,
    pub(crate) remaining: i64,
    pub(crate) step: i64,
}

/// State of the other builtin iterators.
pub enum IterState {
    Exhausted,
    /// Dict/set views and dicts: the container, the next entry position, the length when
    /// iteration started (to raise "changed size during iteration"), and which part to
    /// yield (0 keys, 1 values, 2 items).
    Dict {
        dict: ObjRef,
        pos: usize,
        len: usize,
        kind: u8,
    },
    Set {
        set: ObjRef,
        pos: usize,
        len: usize,
    },
    Reversed {
        seq: ObjRef,
        index: usize,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
        /// `map(..., strict=True)` (3.14): unequal lengths raise ValueError.
        strict: bool,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// An iterator implemented by the interpreter or a native module.
    Native(Box<dyn Any>),
}

impl Payload<'_> {
    /// A short name for debugging.
    pub fn kind_name(self) -> &'static str {
        match self {
            Payload::Str(_) => "str",
            Payload::Int(_) => "int",
            Payload::Tuple(_) => "tuple",
            Payload::List(_) => "list",
            Payload::Dict(_) => "dict",
            Payload::Set(_) => "set",
            Payload::FrozenSet(_) => "frozenset",
            Payload::Bytes(_) => "bytes",
            Payload::Range(_) => "range",
            Payload::Slice(_) => "slice",
            Payload::Type(_) => "type",
            Payload::Instance(_) => "instance",
            Payload::Function(_) => "function",
            Payload::BuiltinFunction(_) => "builtin_function_or_method",
            Payload::BoundMethod(_) => "method",
            Payload::Code(_) => "code",
            Payload::Cell(_) => "cell",
            Payload::Module(_) => "module",
            Payload::Property(_) => "property",
            Payload::StaticMethod(_) => "staticmethod",
            Payload::ClassMethod(_) => "classmethod",
            Payload::SeqIter(_) => "iterator",
            Payload::RangeIter(_) => "range_iterator",
            Payload::Iter(_) => "iterator",
            Payload::Singleton(n) => *n,
            Payload::Object(_) => "object",
            Payload::Native(_) => "native",
            Payload::Complex(_) => "complex",
            Payload::ByteArray(_) => "bytearray",
            Payload::MemoryView(_) => "memoryview",
        }
    }
}

/// An object whose state belongs to the interpreter or a native module.
pub struct NativeObj {
    pub class: ObjRef,
    pub data: ObjCell<Box<dyn Any>>,
    /// An immutable tag readable without the lock (0 for most objects; a `_thread._local`
    /// keeps its id here so that every attribute access need not lock the shared object).
    pub tag: u64,
}
