//! The `memoryview` payload: a window on an exporter's bytes (`bytes`, `bytearray`;
//! `array.array` later), read and written through the VM's buffer protocol
//! (`gilvm_vm::buffer`).
//!
//! A view is immutable except for its "released" flag: its exporter, byte offset, item
//! count, stride, item format and read-only flag are fixed when it is made (a slice or a
//! cast makes a new view). While it is not released it holds one *export* of a bytearray
//! exporter, which forbids resizing the bytearray (the view addresses its bytes by
//! position); `release()`, the end of a `with` block or the view's destruction ends it,
//! exactly once.
//!
//! Only one-dimensional views exist (`ndim == 1`): the shapes that slicing and casting of
//! bytes-like objects produce.
use std::sync::atomic::{AtomicBool, Ordering};

use crate::objref::ObjRef;
use crate::payload::Payload;

/// The state of a `memoryview`.
pub struct PyMemoryView {
    /// The exporting object.
    pub obj: ObjRef,
    /// Byte offset of item 0 in the exporter's bytes.
    pub start: usize,
    /// Number of items.
    pub len: usize,
    /// Bytes from one item to the next (negative for a reversed slice).
    pub stride: isize,
    /// The struct format of an item (`"B"`, `"b"`, `"c"`, `"h"`, `"i"`, `"q"`, `"d"`, …).
    pub format: &'static str,
    /// Bytes per item.
    pub itemsize: usize,
    pub readonly: bool,
    released: AtomicBool,
}

impl PyMemoryView {
    /// A view that has already counted its export on `obj` (when `obj` counts them).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        obj: ObjRef,
        start: usize,
        len: usize,
        stride: isize,
        format: &'static str,
        itemsize: usize,
        readonly: bool,
    ) -> PyMemoryView {
        PyMemoryView {
            obj,
            start,
            len,
            stride,
            format,
            itemsize,
            readonly,
            released: AtomicBool::new(false),
        }
    }

    pub fn is_released(&self) -> bool {
        self.released.load(Ordering::SeqCst)
    }

    /// Releases the view's export (once; later calls do nothing).
    pub fn release(&self) {
        if !self.released.swap(true, Ordering::SeqCst) {
            match self.obj.payload() {
                Payload::ByteArray(b) => b.release(),
                // An instance of a subclass of bytearray: its plain bytearray was exported.
                Payload::Instance(i) => {
                    if let Some(crate::Value::Obj(p)) = i.base.value() {
                        if let Payload::ByteArray(b) = p.payload() {
                            b.release();
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Is the view C-contiguous (items adjacent, in order)?
    pub fn contiguous(&self) -> bool {
        self.len <= 1 || self.stride == self.itemsize as isize
    }

    /// The byte offset of item `i` in the exporter's bytes.
    pub fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.stride) as usize
    }
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        self.release();
    }
}
