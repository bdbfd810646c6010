//! State carried by exception instances (`BaseException` and subclasses).
use crate::objref::ObjRef;
use crate::value::Value;

/// One traceback entry: a code object and the line executing in it.
#[derive(Clone)]
pub struct TbEntry {
    pub code: ObjRef,
    pub line: u32,
    /// Column range of the failing instruction (0-based, end exclusive).
    pub cols: (u32, u32),
}

/// The fields of a `BaseException`.
pub struct ExcData {
    /// `args` (a tuple).
    pub args: Value,
    /// Traceback entries, innermost frame first (printed in reverse).
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args,
            traceback: Vec::new(),
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
        }
    }
}
