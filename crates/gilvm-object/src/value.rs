//! [`Value`]: a Python value as the VM holds it.
//!
//! `None`, bools, ints that fit in an `i64` and floats are immediate: they live in the
//! 16-byte value itself and never touch a reference count. Everything else is an
//! [`ObjRef`]. Ints outside `i64` are `Payload::Int(BigInt)` objects; the invariant is that a
//! `BigInt` payload never holds a value that fits in `i64` (use [`Value::from_bigint`]).
use crate::payload::Owned;
use std::mem::MaybeUninit;
use std::ptr;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use gilvm_sync::Py;

use crate::objref::ObjRef;
use crate::payload::Payload;

/// A Python value. See the module docs.
/// `repr(u64)` makes the tag a full word, so a value is two aligned 8-byte words with no
/// padding (with a one-byte tag, LLVM moves the 7 padding bytes with overlapping partial
/// loads and stores, which stall on store forwarding in the eval loop).
#[derive(Debug)]
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
    /// Not a Python value: marks an unbound local slot and the "no self" slot of a method
    /// call. Never visible to Python code.
    Undef,
}

impl Value {
    /// Reads the value at `p` as two 8-byte loads, moving it out.
    ///
    /// Store forwarding: a value is often written as two 8-byte stores (a tag and a payload
    /// computed in registers) and read back soon after. A 16-byte load of those bytes (what
    /// `ptr::read` of a 16-byte type compiles to) cannot be forwarded from two smaller stores
    /// and stalls the load for about a dozen cycles; in the eval loop that was the hottest
    /// instruction of a counting loop. Two 8-byte loads forward from either kind of store.
    /// The loads are volatile so that LLVM does not merge them back into one.
    ///
    /// # Safety
    /// `p` must point to an initialised `Value` that the caller owns and will not read or
    /// drop again (as for `ptr::read`).
    #[inline(always)]
    pub unsafe fn read_words(p: *const Value) -> Value {
        let w = p as *const MaybeUninit<u64>;
        // SAFETY: `p` is valid for reads of 16 bytes (the caller's contract) and 8-aligned
        // (`Value` is `repr(u64)`); `MaybeUninit` may hold the payload's padding bytes.
        let (a, b) = unsafe { (ptr::read_volatile(w), ptr::read_volatile(w.add(1))) };
        // SAFETY: the two words are the bytes of a valid `Value`, whose ownership the caller
        // hands over.
        unsafe { std::mem::transmute::<[MaybeUninit<u64>; 2], Value>([a, b]) }
    }

    /// The two words of `v`, read from its memory with two 8-byte loads (see
    /// [`Value::read_words`]; a 16-byte copy of a value written a moment ago as two words,
    /// such as a clone or a returned `Option<Value>`, would stall).
    #[inline(always)]
    fn into_words(v: Value) -> [MaybeUninit<u64>; 2] {
        let v = std::mem::ManuallyDrop::new(v);
        let p = &*v as *const Value as *const MaybeUninit<u64>;
        // SAFETY: `p` points to the 16 initialised-or-padding bytes of `v`, 8-aligned; the
        // value is not dropped (`ManuallyDrop`), so its ownership moves into the words.
        unsafe { [ptr::read_volatile(p), ptr::read_volatile(p.add(1))] }
    }

    /// Writes `v` to the uninitialised slot `p` as two 8-byte stores.
    ///
    /// # Safety
    /// `p` must be valid for a 16-byte write and 8-aligned; whatever it held is overwritten
    /// without being dropped.
    #[inline(always)]
    pub unsafe fn write_words(p: *mut Value, v: Value) {
        let [a, b] = Value::into_words(v);
        let w = p as *mut MaybeUninit<u64>;
        // SAFETY: the caller's contract; the words are a valid `Value` whose ownership moves
        // into the slot.
        unsafe {
            ptr::write_volatile(w, a);
            ptr::write_volatile(w.add(1), b);
        }
    }

    /// `*slot = v` with word-sized loads and stores (see [`Value::read_words`]).
    #[inline(always)]
    pub fn set_words(slot: &mut Value, v: Value) {
        let p = slot as *mut Value;
        // SAFETY: `slot` is a valid, initialised, exclusively borrowed value: it is read out
        // (and dropped once the new value is in place, so a destructor never sees a dangling
        // slot), then overwritten with `v`.
        unsafe {
            let old = ptr::read(p);
            Value::write_words(p, v);
            drop(old);
        }
    }

    /// `stack.push(v)` with word-sized loads and stores (see [`Value::read_words`]).
    #[inline(always)]
    pub fn push_words(stack: &mut Vec<Value>, v: Value) {
        if stack.len() == stack.capacity() {
            stack.reserve(1);
        }
        let len = stack.len();
        // SAFETY: `len < capacity`, so the slot is allocated and uninitialised; `set_len`
        // afterwards makes the vector own the value just written.
        unsafe {
            Value::write_words(stack.as_mut_ptr().add(len), v);
            stack.set_len(len + 1);
        }
    }

    /// `stack.truncate(len)` with each dropped value's count decrement inlined here. The
    /// generic slice drop behind `Vec::truncate` is an out-of-line loop, called for the one
    /// or two values a call leaves on the stack; in the free-threaded build, whose decrement
    /// is larger, that call was a tenth of the instructions of a call-heavy program.
    #[inline(always)]
    pub fn truncate(stack: &mut Vec<Value>, len: usize) {
        let old = stack.len();
        if old <= len {
            return;
        }
        // SAFETY: the slots `len..old` are initialised; `set_len` first hands their
        // ownership to us, and each is read out and dropped exactly once, in order (as
        // `Vec::truncate` does). A destructor run by a drop cannot reach `stack` (it is a
        // frame's own vector, being emptied by its evaluator), so nothing writes the slots
        // still to be read.
        unsafe {
            stack.set_len(len);
            let p = stack.as_ptr();
            for i in len..old {
                drop(Value::read_words(p.add(i)));
            }
        }
    }

    /// An int from a `BigInt`, normalised to an immediate when it fits.
    pub fn from_bigint(py: Py<'_>, v: BigInt) -> Value {
        match v.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(ObjRef::new(py, Owned::Int(v))),
        }
    }

    /// The object, if this is a heap value.
    #[inline(always)]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    #[inline(always)]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    #[inline(always)]
    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    /// Identity (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints and floats are immediates: identity is value identity (CPython
            // caches small ints; for other numbers `is` is unspecified).
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            (Value::Undef, Value::Undef) => true,
            _ => false,
        }
    }

    /// The string payload, if this is a `str` or an instance of a subclass of `str` (its
    /// text: CPython's `PyUnicode_Check`, not `PyUnicode_CheckExact`).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => match o.payload() {
                Payload::Str(s) => Some(s.as_str()),
                Payload::Instance(_) => self.subclass_str(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The string payload of an exact `str` only (what a fast path that bypasses special
    /// methods may use: a subclass may override them).
    #[inline]
    pub fn as_exact_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => match o.payload() {
                Payload::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The integer value as a BigInt (ints, bools and instances of subclasses of `int`), or
    /// None.
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Obj(o) => match o.payload() {
                Payload::Int(b) => Some(b.clone()),
                Payload::Instance(_) => match self.subclass_value()? {
                    Value::Int(i) => Some(BigInt::from(*i)),
                    Value::Obj(p) => match p.payload() {
                        Payload::Int(b) => Some(b.clone()),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// The plain builtin value held by an instance of a subclass of an immutable builtin
    /// (`int`, `float`, `str`, `bytes`, `tuple`, `frozenset`): see `InstanceBase::Value`.
    /// None for every other value. Kept out of line: it is the miss path of the extraction
    /// helpers, which a plain value never reaches.
    #[cold]
    #[inline(never)]
    pub fn subclass_value(&self) -> Option<&Value> {
        match self {
            Value::Obj(o) => match o.payload() {
                Payload::Instance(i) => i.base.value(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The text of an instance of a subclass of `str` (`as_str`'s miss path, out of line so
    /// that `as_str` stays small and inlined).
    #[cold]
    #[inline(never)]
    fn subclass_str(&self) -> Option<&str> {
        match self.subclass_value()? {
            Value::Obj(p) => match p.payload() {
                Payload::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The builtin value this value stands for: the plain value an instance of a subclass
    /// of an immutable builtin holds, else the value itself. (`int.__add__(Flags(3), 1)`
    /// computes with the plain 3.)
    #[inline]
    pub fn base_value(&self) -> &Value {
        match self {
            Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)) => {
                self.subclass_value().unwrap_or(self)
            }
            _ => self,
        }
    }

    /// A stable identity used by `id()`.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => o.addr(),
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as usize * 16,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(0x10_0000),
            Value::Float(f) => (f.to_bits() as usize).wrapping_mul(16) | 8,
            Value::Undef => 0,
        }
    }
}

impl Value {
    /// Two words that describe this value if it can be held without a reference count
    /// (immediates, immortal and per-thread counted objects: see `header::CACHE_MORTAL`),
    /// for lock-free caches; None otherwise.
    #[inline]
    pub fn to_cache_words(&self) -> Option<[u64; 2]> {
        Some(match self {
            Value::None => [1, 0],
            Value::Bool(b) => [2, *b as u64],
            Value::Int(i) => [3, *i as u64],
            Value::Float(f) => [4, f.to_bits()],
            Value::Obj(o)
                if crate::header::CACHE_MORTAL || o.is_immortal() || o.is_per_thread() =>
            {
                [5, o.addr() as u64]
            }
            _ => return None,
        })
    }

    /// Rebuilds a value (a new counted reference) from [`Value::to_cache_words`].
    ///
    /// # Safety
    /// `w` must come from `to_cache_words`, and the object (if any) must still be alive:
    /// immortal, or still referenced by the dict whose unchanged version validated the
    /// cache entry (GIL build), or per-thread counted with no eval-breaker check since the
    /// validation (free-threaded build; see `header::CACHE_MORTAL`).
    #[inline]
    pub unsafe fn from_cache_words(w: [u64; 2]) -> Value {
        match w[0] {
            1 => Value::None,
            2 => Value::Bool(w[1] != 0),
            3 => Value::Int(w[1] as i64),
            4 => Value::Float(f64::from_bits(w[1])),
            _ => {
                // SAFETY: forwarded from this function's contract (the object is alive). The
                // borrowed handle is not dropped; cloning it takes our own count.
                let borrowed = std::mem::ManuallyDrop::new(unsafe {
                    ObjRef::from_immortal_addr(w[1] as usize)
                });
                Value::Obj((*borrowed).clone())
            }
        }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            // The clone's reference: counted here, owned by the copy below.
            std::mem::forget(o.clone());
        }
        // SAFETY: a bitwise copy is a valid clone of every variant: the immediates are plain
        // data, and the object reference was counted above. Copying all 16 bytes at once
        // (one 16-byte load and store, not a tag and a payload written separately) lets a
        // later 16-byte move of the clone forward from the store instead of stalling.
        unsafe { std::ptr::read(self) }
    }
}

impl From<ObjRef> for Value {
    #[inline(always)]
    fn from(o: ObjRef) -> Value {
        Value::Obj(o)
    }
}

const _: () = assert!(std::mem::size_of::<Value>() == 16 && std::mem::align_of::<Value>() == 8);
