//! The payloads of the core types: what a heap object holds besides its header.
//!
//! Immutable data (str, tuple, big int, code, function) is stored plainly. Mutable state is
//! behind an [`ObjCell`] (the per-object lock: nothing in the GIL build, a one-byte mutex in
//! the free-threaded build), accessed with a [`Py`](gilvm_sync::Py) token.
use std::any::Any;

use num_bigint::BigInt;

use gilvm_sync::ObjCell;

use crate::code::CodeObject;
use crate::dict::PyDict;
use crate::exc::ExcData;
use crate::list::PyList;
use crate::objref::ObjRef;
use crate::set::PySet;
use crate::str::PyStr;
use crate::types::TypeObject;
use crate::value::Value;

/// What a heap object is.
pub enum Payload {
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
    /// State owned by the interpreter or a native module (generator frames, locks, …).
    Native(NativeObj),
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

/// An instance: its class, its attribute dict, and builtin base state.
pub struct Instance {
    pub class: ObjRef,
    /// The `__dict__` (a dict object), absent for instances whose class has `__slots__`-like
    /// builtin layout only.
    pub dict: Option<ObjRef>,
    pub base: InstanceBase,
}

/// State of a builtin base class that an instance carries.
pub enum InstanceBase {
    Object,
    Exception(ObjCell<ExcData>),
    List(PyList),
    Dict(PyDict),
}

/// A Python function.
pub struct Function {
    pub code: ObjRef,
    pub globals: ObjRef,
    pub name: ObjCell<Value>,
    pub qualname: ObjCell<Value>,
    /// Positional defaults (a tuple) or None.
    pub defaults: Option<ObjRef>,
    /// Keyword-only defaults (a dict) or None.
    pub kwdefaults: Option<ObjRef>,
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

/// A function bound to an object (`obj.method`).
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

/// A module.
pub struct Module {
    pub name: Value,
    pub dict: ObjRef,
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

impl Payload {
    /// A short name for debugging.
    pub fn kind_name(&self) -> &'static str {
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
            Payload::Singleton(n) => n,
            Payload::Native(_) => "native",
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
