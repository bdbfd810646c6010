//! Frames: the state of one executing code object.
//!
//! `fast` holds the local variables (parameters first) followed by the cell slots (cells
//! created by this frame, then the closure's free-variable cells). `stack` is the value
//! stack. Frames of module and class bodies also have a `locals` namespace dict.
use gilvm_object::code::CodeObject;
use gilvm_object::{ObjRef, Payload, Value};

pub struct Frame {
    pub code: ObjRef,
    pub pc: usize,
    pub fast: Vec<Value>,
    pub stack: Vec<Value>,
    pub globals: ObjRef,
    pub locals: Option<ObjRef>,
    /// For generators: has the frame started running?
    pub started: bool,
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
        let pc = self
            .pc
            .saturating_sub(1)
            .min(c.lines.len().saturating_sub(1));
        c.lines.get(pc).copied().unwrap_or(c.firstlineno)
    }
}
