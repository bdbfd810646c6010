//! Frames: the state of one executing code object.
//!
//! `fast` holds the local variables (parameters first) followed by the cell slots (cells
//! created by this frame, then the closure's free-variable cells). `stack` is the value
//! stack. Frames of module and class bodies also have a `locals` namespace dict.
use gilvm_object::code::CodeObject;
use gilvm_object::{ObjRef, Payload, Value};

use crate::interp::Interp;

pub struct Frame {
    pub code: ObjRef,
    pub pc: usize,
    pub fast: Vec<Value>,
    pub stack: Vec<Value>,
    pub globals: ObjRef,
    pub locals: Option<ObjRef>,
    /// For generators: has the frame started running?
    pub started: bool,
    /// For generators: an exception to raise at the suspension point when the frame next
    /// runs (`generator.throw()` / `close()`), instead of receiving a sent value.
    pub throw: Option<crate::error::PyErr>,
    /// The frame that was running when this one started running (`Interp::eval` sets it):
    /// the chain `sys._getframe()` and `frame.f_back` walk. Valid only while this frame
    /// runs (a suspended generator's is stale; `frameobj.rs` checks the thread's chain).
    pub back: *const Frame,
    /// The frame object (`frameobj.rs`) once Python code asked for one; None for nearly
    /// every call, which then pays nothing for frame objects.
    pub obj: Option<ObjRef>,
}

/// The code payload of a code object.
#[inline(always)]
pub fn code_of(o: &ObjRef) -> &CodeObject {
    match o.payload() {
        Payload::Code(c) => c,
        _ => unreachable!("not a code object"),
    }
}

impl Frame {
    #[inline(always)]
    pub fn code(&self) -> &CodeObject {
        code_of(&self.code)
    }
    /// The source line being executed (the last instruction run).
    pub fn line(&self) -> u32 {
        let c = self.code();
        // Not started: the `def` line, as CPython's frame at its RESUME (a 'call' event,
        // a new generator's `gi_frame`).
        if self.pc == 0 {
            return c.firstlineno;
        }
        let pc = self
            .pc
            .saturating_sub(1)
            .min(c.lines.len().saturating_sub(1));
        c.lines.get(pc).copied().unwrap_or(c.firstlineno)
    }
}

/// A frame dropped without being recycled (a suspended generator that dies) detaches its
/// frame object, which must not keep a pointer to it.
impl Drop for Frame {
    fn drop(&mut self) {
        if self.obj.is_some() {
            crate::frameobj::detach_on_drop(self);
        }
    }
}

/// Frames are boxed and recycled through `Interp::frame_pool`: a call takes a frame whose
/// vectors are already allocated, and nothing bigger than a pointer is moved per call.
impl Interp {
    /// A frame for `code` with empty locals and stack.
    #[inline(always)]
    pub(crate) fn new_frame(
        &mut self,
        code: ObjRef,
        globals: ObjRef,
        locals: Option<ObjRef>,
    ) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut fr) => {
                fr.code = code;
                fr.globals = globals;
                fr.locals = locals;
                fr.pc = 0;
                fr.started = false;
                fr.throw = None;
                fr
            }
            None => Box::new(Frame {
                code,
                pc: 0,
                fast: Vec::with_capacity(8),
                stack: Vec::with_capacity(8),
                globals,
                locals,
                started: false,
                throw: None,
                back: std::ptr::null(),
                obj: None,
            }),
        }
    }

    /// Returns a finished frame to the pool. Its references are dropped now (the code and
    /// globals are replaced by an immortal placeholder), so a pooled frame keeps nothing
    /// alive.
    #[inline(always)]
    pub(crate) fn recycle_frame(&mut self, mut fr: Box<Frame>) {
        if fr.obj.is_some() {
            // Cold: a frame object outlives its frame with a snapshot (`frameobj.rs`).
            self.detach_frame_object(&mut fr);
        }
        Value::truncate(&mut fr.fast, 0);
        Value::truncate(&mut fr.stack, 0);
        if self.frame_pool.len() < 64 && fr.fast.capacity() <= 256 && fr.stack.capacity() <= 256 {
            let placeholder = &self.g.not_implemented;
            fr.code = placeholder.clone();
            fr.globals = placeholder.clone();
            fr.locals = None;
            self.frame_pool.push(fr);
        }
    }
}
