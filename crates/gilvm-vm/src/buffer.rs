//! The buffer protocol, gilvm's internal form: which objects expose their bytes, and how
//! the consumers (bytes functions taking "bytes-like objects", `memoryview`) read and
//! write them.
//!
//! # What
//! An *exporter* is an object whose contents are a run of bytes: `bytes` (read-only, an
//! immutable boxed slice), `bytearray` (writable, behind its per-object lock; see
//! `gilvm_object::bytearray`), and, through its view, a `memoryview`. [`Exporter`] names
//! them; its methods read the bytes in one critical section, write them in place, and
//! count *exports* (a memoryview holds one while it is not released, and a bytearray
//! refuses to resize while any exists).
//!
//! # Adding an exporter
//! `array.array` (issue 19) plugs in as one more [`Exporter`] variant: its payload keeps
//! its items as bytes behind its lock, with an export count like the bytearray's, and a
//! `format`/`itemsize` other than `'B'`/1. Nothing else changes: [`bytes_like`] and the
//! memoryview see it through the enum.
//!
//! # Invariants
//! Reads and writes never run Python code while a lock is held: the closures given to
//! [`Exporter::read`] only copy or compare bytes.
use std::any::Any;
use std::borrow::Cow;

use gilvm_object::bytearray::PyByteArray;
use gilvm_object::{ObjCell, Payload, Py, Value};

/// The native data of an exporter written outside this crate (`array.array`, issue 19):
/// a native object whose `tag` is [`NATIVE_BUFFER_TAG`] keeps one of these as its data,
/// behind its object lock. Its item `format` and `itemsize` are what a `memoryview` of it
/// shows. (No export count: such an object may be resized while a view is alive; the
/// view then sees the new bytes, bounds-checked on every access.)
pub struct NativeBytes {
    pub bytes: Vec<u8>,
    pub format: &'static str,
    pub itemsize: usize,
}

/// The `NativeObj::tag` that marks a native object holding [`NativeBytes`].
pub const NATIVE_BUFFER_TAG: u64 = 0xB0FF_E2B7_0000_0001;

/// An object that exposes its contents as bytes.
#[derive(Clone, Copy)]
pub enum Exporter<'a> {
    /// `bytes` (or the plain bytes an instance of a subclass of bytes holds): read-only.
    Bytes(&'a [u8]),
    /// `bytearray`: writable.
    ByteArray(&'a PyByteArray),
    /// A native object holding [`NativeBytes`] (`array.array`): writable.
    Native(&'a ObjCell<Box<dyn Any>>),
}

impl<'a> Exporter<'a> {
    /// The exporter `v` is, if any (an instance of a subclass of bytes exports its bytes).
    pub fn of(v: &'a Value) -> Option<Exporter<'a>> {
        let Value::Obj(o) = v else { return None };
        match o.payload() {
            Payload::Bytes(b) => Some(Exporter::Bytes(b)),
            Payload::ByteArray(b) => Some(Exporter::ByteArray(b)),
            Payload::Instance(_) => match crate::builtins::bytes::bytes_arg(v) {
                Some(b) => Some(Exporter::Bytes(b)),
                // An instance of a subclass of bytearray exports its plain bytearray.
                None => crate::builtins::bytearray::as_bytearray(v).map(Exporter::ByteArray),
            },
            Payload::Native(n) if n.tag == NATIVE_BUFFER_TAG => Some(Exporter::Native(&n.data)),
            _ => None,
        }
    }

    /// The item format and size (`"B"`, 1 but for a native exporter).
    pub fn format(self, py: Py<'_>) -> (&'static str, usize) {
        match self {
            Exporter::Native(c) => c.with(py, |b| {
                b.downcast_ref::<NativeBytes>()
                    .map(|n| (n.format, n.itemsize))
                    .unwrap_or(("B", 1))
            }),
            _ => ("B", 1),
        }
    }

    /// Reads the bytes in one section.
    pub fn read<R>(self, py: Py<'_>, f: impl FnOnce(&[u8]) -> R) -> R {
        match self {
            Exporter::Bytes(b) => f(b),
            Exporter::ByteArray(b) => b.read(py, f),
            Exporter::Native(c) => c.with(py, |b| match b.downcast_ref::<NativeBytes>() {
                Some(n) => f(&n.bytes),
                None => f(&[]),
            }),
        }
    }

    pub fn len(self, py: Py<'_>) -> usize {
        self.read(py, |b| b.len())
    }

    pub fn readonly(self) -> bool {
        matches!(self, Exporter::Bytes(_))
    }

    /// Writes `src` at byte `at` without resizing; false when read-only or out of range.
    pub fn write_at(self, py: Py<'_>, at: usize, src: &[u8]) -> bool {
        match self {
            Exporter::Bytes(_) => false,
            Exporter::ByteArray(b) => b.write_at(py, at, src),
            Exporter::Native(c) => c.with(py, |b| match b.downcast_mut::<NativeBytes>() {
                Some(n) => match n.bytes.get_mut(at..at + src.len()) {
                    Some(dst) => {
                        dst.copy_from_slice(src);
                        true
                    }
                    None => false,
                },
                None => false,
            }),
        }
    }

    /// Counts a new export (a view now addresses the bytes by position).
    pub fn export(self, py: Py<'_>) {
        if let Exporter::ByteArray(b) = self {
            b.export(py)
        }
    }

    /// Ends an export.
    pub fn release(self) {
        if let Exporter::ByteArray(b) = self {
            b.release()
        }
    }
}

/// The bytes of a bytes-like argument (bytes without a copy, a bytearray or a memoryview
/// copied in one section), or None when `v` is not bytes-like.
pub fn bytes_like<'a>(py: Py<'_>, v: &'a Value) -> Option<Cow<'a, [u8]>> {
    match Exporter::of(v) {
        Some(Exporter::Bytes(b)) => Some(Cow::Borrowed(b)),
        Some(e) => Some(Cow::Owned(e.read(py, |b| b.to_vec()))),
        None => crate::builtins::memoryview::view_bytes(py, v).map(Cow::Owned),
    }
}
