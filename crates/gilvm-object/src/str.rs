//! The `str` payload and the intern table.
//!
//! A `PyStr` is immutable UTF-8 text with its length in code points (Python indexes by code
//! point) and a lazily cached hash. Interned strings (identifiers, attribute names, short
//! constants) are immortal and unique per text, so dict lookups of names hit on pointer
//! equality first.
use crate::payload::Owned;
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;

use gilvm_sync::Py;

use crate::objref::{ObjRef, SendRef};
use crate::tables::hash_str;

/// The payload of a `str` object.
pub struct PyStr {
    s: Box<str>,
    chars: usize,
    hash: AtomicI64,
}

const NO_HASH: i64 = -1;

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s = s.into();
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s,
            chars,
            hash: AtomicI64::new(NO_HASH),
        }
    }
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.chars
    }
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
    /// The hash (computed once; racing threads compute the same value).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != NO_HASH {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
    /// The code point at `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.s.chars().nth(i)
        }
    }
}

struct InternTable(Mutex<HashMap<Box<str>, SendRef>>);

static INTERNED: std::sync::OnceLock<InternTable> = std::sync::OnceLock::new();

/// The unique immortal `str` object for `s`.
pub fn intern(py: Py<'_>, s: &str) -> ObjRef {
    let table = INTERNED.get_or_init(|| InternTable(Mutex::new(HashMap::new())));
    let mut map = table.0.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(r) = map.get(s) {
        // SAFETY-free: reading through the SendRef needs a token; we hold one. The object is
        // immortal, so cloning it never writes its count.
        return peek(py, r);
    }
    let obj = ObjRef::new_immortal(py, Owned::Str(PyStr::new(s)));
    map.insert(s.into(), SendRef::new(py, obj.clone()));
    obj
}

/// A name known when gilvm is compiled (`"__bool__"`), interned on first use. Later uses
/// read the interned string's address (one atomic load) instead of locking the intern
/// table and hashing the text: special-method lookups on hot paths (truth tests, `len`,
/// iteration) use one per call site through [`static_name!`](crate::static_name).
/// Interned strings are immortal, so the address stays valid for the whole process and a
/// reference made from it needs no count.
pub struct StaticName {
    text: &'static str,
    addr: std::sync::atomic::AtomicUsize,
}

impl StaticName {
    pub const fn new(text: &'static str) -> StaticName {
        StaticName {
            text,
            addr: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// The interned string (a new reference).
    #[inline]
    pub fn get(&self, py: Py<'_>) -> ObjRef {
        let a = self.addr.load(Ordering::Acquire);
        if a == 0 {
            return self.init(py);
        }
        // SAFETY: `a` was stored by `init` from an interned string, which is immortal; the
        // borrowed handle is not dropped, and cloning an immortal object counts nothing.
        let r = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_immortal_addr(a) });
        (*r).clone()
    }

    #[cold]
    fn init(&self, py: Py<'_>) -> ObjRef {
        let o = intern(py, self.text);
        // A racing first use stores the same address (interning is idempotent).
        self.addr.store(o.addr(), Ordering::Release);
        o
    }
}

/// `static_name!(py, "__len__")`: the interned string for a literal name, cached at the
/// call site (see [`StaticName`]).
#[macro_export]
macro_rules! static_name {
    ($py:expr, $s:literal) => {{
        static NAME: $crate::str::StaticName = $crate::str::StaticName::new($s);
        NAME.get($py)
    }};
}

fn peek(py: Py<'_>, r: &SendRef) -> ObjRef {
    r.peek(py)
}
