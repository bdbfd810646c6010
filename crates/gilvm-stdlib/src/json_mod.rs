//! The `_json` module (CPython's `Modules/_json.c`), the accelerator under the Lib's
//! `json`: `scanstring` and `make_scanner` (json_scan.rs) for decoding,
//! `encode_basestring`, `encode_basestring_ascii` and `make_encoder` (json_encode.rs) for
//! encoding. Without it the Lib's json runs its pure-Python fallbacks.
use gilvm_object::{ObjRef, Value};
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::native_type;
use gilvm_vm::native_sub;

use crate::json_encode as enc;
use crate::json_scan as scan;

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "scanstring", scan::scanstring);
    interp.add_function(m, "encode_basestring_ascii", enc::encode_basestring_ascii);
    interp.add_function(m, "encode_basestring", enc::encode_basestring);
    let scanner = native_type(
        interp,
        "Scanner",
        "_json",
        &[("__call__", scan::scanner_call)],
    );
    gilvm_vm::builtins::add_static(interp, &scanner, "__new__", scan::scanner_new);
    native_sub::mark_final(&scanner);
    let encoder = native_type(
        interp,
        "Encoder",
        "_json",
        &[("__call__", enc::encoder_call)],
    );
    gilvm_vm::builtins::add_static(interp, &encoder, "__new__", enc::encoder_new);
    native_sub::mark_final(&encoder);
    scan::register_gc();
    enc::register_gc();
    interp.add_value(m, "make_scanner", Value::Obj(scanner));
    interp.add_value(m, "make_encoder", Value::Obj(encoder));
    Ok(())
}
