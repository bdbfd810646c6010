//! `_testlimitedcapi`: the few functions of CPython's limited-C-API test module that the test
//! modules of issue 19 call (CPython's `Modules/_testlimitedcapi/`), so that those modules
//! import and their other cases run.
//!
//! **What and why.** CPython's test modules reach some protocols through the C API, e.g.
//! `test_bytes` binds `_testlimitedcapi` in a class body (the whole module is skipped without
//! it) to call `PySequence_SetItem` on a bytearray; `test_class` calls
//! `PyObject_HasAttrString`. Each function here is the abstract-object operation the C
//! function wraps, done by gilvm's own protocol: `sequence_getitem/setitem/delitem(o, i)`
//! (the `PySequence_*Item` family: a negative index counts from `len(o)` once, then the
//! item protocol; a mapping that is not a sequence is refused), `object_hasattrstring(o,
//! name)` (1 or 0, any error swallowed) and `_py_getbuiltwithassert()` (whether this
//! binary checks debug assertions).
//!
//! **Invariants.** Only functions with a meaning in gilvm live here: the module is not a
//! catalogue of CPython's C-API test helpers, and a test that needs one it lacks fails with
//! AttributeError (listed in `tests/cpython/expected_failures/`), never a fabricated answer.
use gilvm_object::{static_name, ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

/// Built-in sequences whose own item protocol already counts a negative index from the
/// end and raises IndexError past it (what `sq_item` after CPython's one adjustment does).
fn is_builtin_sequence(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(),
        Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_)
            | Payload::ByteArray(_) | Payload::Range(_)))
}

/// The refusal of a non-sequence: a dict is "not a sequence", anything else "does not
/// support" the operation (`what`).
fn check_sequence(interp: &mut Interp, o: &Value, what: &str) -> PyResult<()> {
    if let Value::Obj(obj) = o {
        if matches!(obj.payload(), Payload::Dict(_)) {
            return Err(interp.type_error(format!("{} is not a sequence", interp.type_name(o))));
        }
    }
    let dunder = match what {
        "indexing" => static_name!(interp.py, "__getitem__"),
        "item assignment" => static_name!(interp.py, "__setitem__"),
        _ => static_name!(interp.py, "__delitem__"),
    };
    if interp.lookup_special_name(o, &dunder).is_none() {
        let verb = if what == "item deletion" {
            "doesn't support"
        } else {
            "does not support"
        };
        return Err(interp.type_error(format!("'{}' object {verb} {what}", interp.type_name(o))));
    }
    Ok(())
}

/// The index after CPython's single adjustment: `i + len(o)` when `i` is negative and `o`
/// has a length; a built-in sequence gets `i` as is (its own protocol does the same).
fn seq_index(interp: &mut Interp, o: &Value, i: &Value) -> PyResult<Value> {
    let i = interp.index_value(i)?;
    if i >= 0 || is_builtin_sequence(o) {
        return Ok(Value::Int(i));
    }
    let len_name = static_name!(interp.py, "__len__");
    if interp.lookup_special_name(o, &len_name).is_some() {
        let n = interp.len(o)? as i64;
        return Ok(Value::Int(i + n));
    }
    Ok(Value::Int(i))
}

fn sequence_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sequence_getitem", 2, 2)?;
    check_sequence(interp, &a[0], "indexing")?;
    let i = seq_index(interp, &a[0], &a[1])?;
    interp.getitem(&a[0], &i)
}

fn sequence_setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sequence_setitem", 3, 3)?;
    check_sequence(interp, &a[0], "item assignment")?;
    let i = seq_index(interp, &a[0], &a[1])?;
    interp.setitem(&a[0], i, a[2].clone())?;
    Ok(Value::None)
}

fn sequence_delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sequence_delitem", 2, 2)?;
    check_sequence(interp, &a[0], "item deletion")?;
    let i = seq_index(interp, &a[0], &a[1])?;
    interp.delitem(&a[0], &i)?;
    Ok(Value::None)
}

/// `PyObject_HasAttrString(o, name)`: 1 or 0; an error while looking is swallowed.
fn object_hasattrstring(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "object_hasattrstring", 2, 2)?;
    let name = match &a[1] {
        Value::Obj(o) => match o.payload() {
            Payload::Bytes(b) => String::from_utf8_lossy(&b.to_vec()).into_owned(),
            _ => return Err(interp.type_error("a bytes-like object is required")),
        },
        _ => return Err(interp.type_error("a bytes-like object is required")),
    };
    let name = interp.intern(&name);
    let found = matches!(interp.getattr_opt(&a[0], &name), Ok(Some(_)));
    Ok(Value::Int(found as i64))
}

/// Whether this binary checks debug assertions (`Py_DEBUG`-like builds of CPython).
fn py_getbuiltwithassert(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_py_getbuiltwithassert", 0, 0)?;
    Ok(Value::Bool(cfg!(debug_assertions)))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "sequence_getitem", sequence_getitem);
    interp.add_function(m, "sequence_setitem", sequence_setitem);
    interp.add_function(m, "sequence_delitem", sequence_delitem);
    interp.add_function(m, "object_hasattrstring", object_hasattrstring);
    interp.add_function(m, "_py_getbuiltwithassert", py_getbuiltwithassert);
    Ok(())
}
