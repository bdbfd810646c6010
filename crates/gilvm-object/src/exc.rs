//! State carried by exception instances (`BaseException` and subclasses).
use crate::value::Value;

/// The fields of a `BaseException`.
pub struct ExcData {
    /// `args` (a tuple).
    pub args: Value,
    /// The traceback: a `traceback` object (the VM's, outermost entry first) or None.
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData {
            args,
            traceback: Value::None,
            cause: Value::None,
            context: Value::None,
            suppress_context: false,
        }
    }
}
