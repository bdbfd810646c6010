//! The subject of a match: a `str` or a bytes-like object, seen by the engine of the
//! `rustpython-sre_engine` crate as a run of code points indexed by *character*.
//!
//! gilvm's `str` is UTF-8, so a character index is not a byte offset. The engine accepts
//! two drives: `&[u8]` (one byte per character, random access) and `&str` (UTF-8, where
//! placing a cursor at character `n` walks `n` characters). To keep matching linear:
//! - an ASCII `str` is matched as its bytes (a character is a byte);
//! - a `str` whose characters are all below U+0100 is matched as a byte copy of its code
//!   points (the engine's results depend on the pattern's opcodes, not on the drive, so
//!   `é` as the byte 0xE9 matches exactly as the character U+00E9);
//! - any other `str` is matched as UTF-8, with a table of each character's byte offset
//!   (built once per operation) to cut the groups out of it;
//! - a `str` holding lone surrogates (stored as gilvm-object's surrogate.rs says) is
//!   matched as a WTF-8 copy in which each surrogate is its own code point, so that a
//!   pattern's `\ud800` or `[\udc80-\udcff]` sees U+D800..U+DFFF as CPython's engine does;
//! - `bytes` is matched in place; `bytearray` and `memoryview` are copied once per
//!   operation (CPython holds their buffer during the call; a copy gives the same result
//!   without locking the object while the match runs).
//!
//! **Invariant.** A `Text` is immutable and built once per operation (`match`, `findall`,
//! `sub`, …); every match object of that operation shares it (`Arc`), so a group is
//! extracted without re-reading the subject object.
use std::sync::Arc;

use gilvm_object::Owned;
use gilvm_vm::buffer::{bytes_like, Exporter};
use gilvm_vm::{Interp, PyResult, Value};

enum Kind {
    /// An ASCII `str`.
    StrAscii(Value),
    /// A `str` of characters below U+0100: their code points, one byte each.
    StrLatin1(Arc<[u8]>),
    /// Any other `str`, and the byte offset of each character (plus the end).
    StrWide(Value, Arc<[usize]>),
    /// A `str` with lone surrogates: its character offsets (as `StrWide`) and the WTF-8
    /// copy the engine runs on.
    StrSurrogates(Value, Arc<[usize]>, Arc<[u8]>),
    /// `bytes` (or a subclass), read in place.
    Bytes(Value),
    /// A copy of a mutable buffer's bytes.
    Buffer(Arc<[u8]>),
}

/// What the engine runs on.
pub(crate) enum Drive<'a> {
    Narrow(&'a [u8]),
    Wide(&'a str),
    Wtf(&'a rustpython_wtf8::Wtf8),
}

/// Runs `$body` with `$d` bound to the text's drive (a `&[u8]` or a `&str`): the body is
/// compiled once per drive type.
macro_rules! with_drive {
    ($text:expr, $d:ident => $body:expr) => {
        match $text.drive() {
            $crate::sre::text::Drive::Narrow($d) => $body,
            $crate::sre::text::Drive::Wide($d) => $body,
            $crate::sre::text::Drive::Wtf($d) => $body,
        }
    };
}
pub(crate) use with_drive;

pub(crate) struct Text {
    kind: Kind,
    /// Length in characters.
    pub len: usize,
}

impl Text {
    /// The text of `v` for a pattern that is of bytes (`isbytes`) or of str; `None` for a
    /// pattern compiled without a source (either kind).
    pub fn new(interp: &Interp, v: &Value, isbytes: Option<bool>) -> PyResult<Text> {
        if let Some(s) = v.as_str() {
            if isbytes == Some(true) {
                return Err(interp.type_error("cannot use a bytes pattern on a string-like object"));
            }
            if s.is_ascii() {
                return Ok(Text {
                    len: s.len(),
                    kind: Kind::StrAscii(v.clone()),
                });
            }
            if s.chars().all(|c| (c as u32) < 0x100) {
                let b: Arc<[u8]> = s.chars().map(|c| c as u32 as u8).collect();
                return Ok(Text {
                    len: b.len(),
                    kind: Kind::StrLatin1(b),
                });
            }
            let mut offs: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            let len = offs.len();
            offs.push(s.len());
            if gilvm_object::surrogate::contains(s) {
                let wtf: Arc<[u8]> = gilvm_object::surrogate::encode_utf8_pass(s).into();
                return Ok(Text {
                    len,
                    kind: Kind::StrSurrogates(v.clone(), offs.into(), wtf),
                });
            }
            return Ok(Text {
                len,
                kind: Kind::StrWide(v.clone(), offs.into()),
            });
        }
        let Some(b) = bytes_like(interp.py, v) else {
            return Err(interp.type_error(format!(
                "expected string or bytes-like object, got '{}'",
                interp.type_name(v)
            )));
        };
        if isbytes == Some(false) {
            return Err(interp.type_error("cannot use a string pattern on a bytes-like object"));
        }
        let len = b.len();
        let kind = match b {
            std::borrow::Cow::Borrowed(_) => Kind::Bytes(v.clone()),
            std::borrow::Cow::Owned(o) => Kind::Buffer(o.into()),
        };
        Ok(Text { kind, len })
    }

    pub fn is_str(&self) -> bool {
        matches!(
            self.kind,
            Kind::StrAscii(_) | Kind::StrLatin1(_) | Kind::StrWide(..) | Kind::StrSurrogates(..)
        )
    }

    pub fn drive(&self) -> Drive<'_> {
        match &self.kind {
            Kind::StrAscii(v) => Drive::Narrow(v.as_str().unwrap_or("").as_bytes()),
            Kind::StrLatin1(b) | Kind::Buffer(b) => Drive::Narrow(b),
            Kind::StrWide(v, _) => Drive::Wide(v.as_str().unwrap_or("")),
            Kind::StrSurrogates(_, _, w) => {
                Drive::Wtf(rustpython_wtf8::Wtf8::from_bytes(w).unwrap_or_default())
            }
            Kind::Bytes(v) => match Exporter::of(v) {
                Some(Exporter::Bytes(b)) => Drive::Narrow(b),
                _ => Drive::Narrow(&[]),
            },
        }
    }

    /// Characters `a..b` as a new `str` or `bytes`.
    pub fn slice(&self, interp: &Interp, a: usize, b: usize) -> Value {
        let b = b.min(self.len);
        let a = a.min(b);
        match &self.kind {
            Kind::StrAscii(v) => {
                let s = v.as_str().unwrap_or("");
                interp.new_str(&s[a..b])
            }
            Kind::StrLatin1(bytes) => {
                let s: String = bytes[a..b].iter().map(|&c| c as char).collect();
                interp.new_str(s)
            }
            Kind::StrWide(v, offs) | Kind::StrSurrogates(v, offs, _) => {
                let s = v.as_str().unwrap_or("");
                interp.new_str(&s[offs[a]..offs[b]])
            }
            Kind::Bytes(_) | Kind::Buffer(_) => {
                let bytes = match self.drive() {
                    Drive::Narrow(x) => x[a..b].to_vec(),
                    Drive::Wide(_) | Drive::Wtf(_) => Vec::new(),
                };
                Value::Obj(interp.new_obj(Owned::Bytes(bytes.into_boxed_slice())))
            }
        }
    }

    /// An empty `str` or `bytes` of this text's kind.
    pub fn empty(&self, interp: &Interp) -> Value {
        if self.is_str() {
            interp.new_str("")
        } else {
            Value::Obj(interp.new_obj(Owned::Bytes(Box::new([]))))
        }
    }
}
