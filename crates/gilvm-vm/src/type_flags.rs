//! `type.__flags__`: CPython's `tp_flags` bits that the Lib reads. `copyreg._reduce_ex`
//! (pickle protocols 0 and 1) looks for the first base without `HEAPTYPE`, whose
//! constructor rebuilds the object; `inspect.isabstract` tests `IS_ABSTRACT`; code that
//! asks whether a class is a subclass of a builtin tests the `*_SUBCLASS` bits.
use gilvm_object::types::TypeObject;
use gilvm_object::{ObjRef, Value};

use crate::error::PyResult;
use crate::interp::Interp;

const HEAPTYPE: i64 = 1 << 9;
const BASETYPE: i64 = 1 << 10;
const READY: i64 = 1 << 12;
const HAVE_GC: i64 = 1 << 14;
const IS_ABSTRACT: i64 = 1 << 20;
const LONG_SUBCLASS: i64 = 1 << 24;
const LIST_SUBCLASS: i64 = 1 << 25;
const TUPLE_SUBCLASS: i64 = 1 << 26;
const BYTES_SUBCLASS: i64 = 1 << 27;
const UNICODE_SUBCLASS: i64 = 1 << 28;
const DICT_SUBCLASS: i64 = 1 << 29;
const BASE_EXC_SUBCLASS: i64 = 1 << 30;
const TYPE_SUBCLASS: i64 = 1 << 31;

/// The flags of type `t` (whose payload is `tt`).
pub fn flags(interp: &mut Interp, t: &ObjRef, tt: &TypeObject) -> PyResult<Value> {
    let mut f = READY | HAVE_GC;
    if tt.is_heap {
        f |= HEAPTYPE;
    }
    if !tt.final_type {
        f |= BASETYPE;
    }
    let g = interp.g;
    let subclass_bits = [
        (&g.types.int, LONG_SUBCLASS),
        (&g.types.list, LIST_SUBCLASS),
        (&g.types.tuple, TUPLE_SUBCLASS),
        (&g.types.bytes, BYTES_SUBCLASS),
        (&g.types.str_, UNICODE_SUBCLASS),
        (&g.types.dict, DICT_SUBCLASS),
        (&g.exc.base_exception, BASE_EXC_SUBCLASS),
        (&g.types.type_, TYPE_SUBCLASS),
    ];
    for (base, bit) in subclass_bits {
        if t.is(base) || tt.mro.iter().any(|m| m.is(base)) {
            f |= bit;
        }
    }
    let key = interp.intern("__abstractmethods__");
    if let Some(v) = interp.dict_get_str(&tt.dict, &key) {
        if interp.truthy(&v)? {
            f |= IS_ABSTRACT;
        }
    }
    Ok(Value::Int(f))
}
