//! `marshal`: CPython's serialisation of values, version 5 (`write.rs`, `read.rs`), with
//! code objects in gilvm's own record (`code.rs`). `dumps(x)` of None, bools, ints,
//! floats, complexes, strs, bytes, tuples, lists, dicts, sets, frozensets, slices,
//! Ellipsis and StopIteration gives CPython's bytes; a code object round-trips within one
//! build of gilvm. The bytecode cache (`pycache.rs`) stores code through [`dumps_code`]
//! and [`loads_code`].
mod code;
mod read;
mod write;

use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

pub use code::BUILD_ID;

/// CPython 3.14's `marshal.version`.
const VERSION: i64 = 5;

fn allow_code(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<bool> {
    args.check_kw(interp, fname, &["allow_code"])?;
    match args.kw("allow_code") {
        Some(v) => interp.truthy(&v.clone()),
        None => Ok(true),
    }
}

fn version_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(other)
        ))),
    }
}

fn serialise(interp: &mut Interp, v: &Value, version: i64, allow_code: bool) -> PyResult<Vec<u8>> {
    let mut w = write::Writer::new(version, allow_code);
    // The argument is held by the caller's frame only (no reference of the writer's).
    w.object_held(interp, v, 0)?;
    Ok(w.out)
}

/// `dumps(value, version=version, /, *, allow_code=True)`
fn dumps(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let allow = allow_code(interp, &args, "dumps")?;
    let a = args.count(interp, "dumps", 1, 2)?;
    let version = version_arg(interp, a.get(1))?;
    let out = serialise(interp, &a[0], version, allow)?;
    Ok(crate::builtins::bytes::new_bytes(interp, out))
}

/// `dump(value, file, version=version, /, *, allow_code=True)`
fn dump(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let allow = allow_code(interp, &args, "dump")?;
    let a = args.count(interp, "dump", 2, 3)?;
    let version = version_arg(interp, a.get(2))?;
    let out = serialise(interp, &a[0], version, allow)?;
    let b = crate::builtins::bytes::new_bytes(interp, out);
    interp.call_method(&a[1], "write", &[b])?;
    Ok(Value::None)
}

fn read_one(interp: &mut Interp, r: &mut read::Reader<'_>) -> PyResult {
    match r.object(interp)? {
        Some(v) => Ok(v),
        None => Err(interp.type_error("NULL object in marshal data for object")),
    }
}

/// `loads(bytes, /, *, allow_code=True)`
fn loads(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let allow = allow_code(interp, &args, "loads")?;
    let a = args.count(interp, "loads", 1, 1)?;
    let data = crate::buffer::bytes_like(interp.py, &a[0])
        .map(|c| c.into_owned())
        .ok_or_else(|| {
            interp.type_error(format!(
                "a bytes-like object is required, not '{}'",
                interp.type_name(&a[0])
            ))
        })?;
    let mut r = read::Reader::new(read::Source::Bytes(&data), allow);
    read_one(interp, &mut r)
}

/// `load(file, /, *, allow_code=True)`: reads exactly the bytes of one value.
fn load(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let allow = allow_code(interp, &args, "load")?;
    let a = args.count(interp, "load", 1, 1)?;
    let mut r = read::Reader::new(read::Source::File(a[0].clone()), allow);
    read_one(interp, &mut r)
}

/// The marshal bytes of a code object (for the bytecode cache).
pub fn dumps_code(interp: &mut Interp, code: &ObjRef) -> PyResult<Vec<u8>> {
    serialise(interp, &Value::Obj(code.clone()), VERSION, true)
}

/// A code object from marshal bytes (for the bytecode cache), its file name (and its
/// nested code objects') replaced by `filename`. The bytes must hold exactly one code
/// object.
pub fn loads_code(interp: &mut Interp, data: &[u8], filename: &ObjRef) -> PyResult<ObjRef> {
    let mut r = read::Reader::new(read::Source::Bytes(data), true);
    r.filename = Some(filename.clone());
    let v = read_one(interp, &mut r)?;
    match v {
        Value::Obj(o)
            if matches!(o.payload(), gilvm_object::Payload::Code(_))
                && r.position() == data.len() =>
        {
            Ok(o)
        }
        _ => Err(interp.value_error("bad marshal data (not a code object)")),
    }
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "dumps", dumps);
    interp.add_function(m, "loads", loads);
    interp.add_function(m, "dump", dump);
    interp.add_function(m, "load", load);
    interp.add_value(m, "version", Value::Int(VERSION));
    Ok(())
}
