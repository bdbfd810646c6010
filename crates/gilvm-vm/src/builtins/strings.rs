//! (to be filled in) builtin strings.
use crate::interp::Interp;

pub fn register(_interp: &mut Interp) {}
