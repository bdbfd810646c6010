//! Methods of `float`: `is_integer`, `as_integer_ratio`, `hex`/`fromhex`, rounding and
//! conversion special methods, and the arithmetic special methods (through the
//! interpreter's operators).
use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::Value;

use super::float_util;
use super::int_methods::{dunder_binop, dunder_cmp, dunder_divmod, dunder_pow, method_args};
use super::numbers::{self, is_int};
use super::{add_classmethod, add_method};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Is `v` a float (or an instance of a subclass of float)?
fn is_float(v: &Value) -> bool {
    match v {
        Value::Float(_) => true,
        Value::Obj(_) => matches!(v.subclass_value(), Some(Value::Float(_))),
        _ => false,
    }
}

/// Operands a float method accepts: floats and ints.
fn float_or_int(v: &Value) -> bool {
    is_float(v) || is_int(v)
}

fn recv(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(f64, Vec<Value>)> {
    let a = method_args(interp, args, "float", name, min, max, is_float)?;
    let x = match a[0].base_value() {
        Value::Float(f) => *f,
        _ => 0.0,
    };
    Ok((x, a[1..].to_vec()))
}

macro_rules! float_ops {
    ($($f:ident $name:literal $kind:ident $($arg:expr),*;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            float_ops!(@call $kind interp args $name $($arg),*)
        })*
        fn register_ops(interp: &mut Interp, ty: &gilvm_object::ObjRef) {
            $(add_method(interp, ty, $name, $f);)*
        }
    };
    (@call bin $interp:ident $args:ident $name:literal $op:expr, $r:expr) => {
        dunder_binop($interp, $args, "float", $name, $op, $r, is_float, float_or_int)
    };
    (@call cmp $interp:ident $args:ident $name:literal $op:expr) => {
        dunder_cmp($interp, $args, "float", $name, $op, is_float, float_or_int)
    };
    (@call divmod $interp:ident $args:ident $name:literal $r:expr) => {
        dunder_divmod($interp, $args, "float", $name, $r, is_float, float_or_int)
    };
    (@call pow $interp:ident $args:ident $name:literal $r:expr) => {
        dunder_pow($interp, $args, "float", $name, $r, is_float, float_or_int)
    };
}

float_ops! {
    float_add "__add__" bin BinOp::Add, false;
    float_radd "__radd__" bin BinOp::Add, true;
    float_sub "__sub__" bin BinOp::Sub, false;
    float_rsub "__rsub__" bin BinOp::Sub, true;
    float_mul "__mul__" bin BinOp::Mul, false;
    float_rmul "__rmul__" bin BinOp::Mul, true;
    float_truediv "__truediv__" bin BinOp::TrueDiv, false;
    float_rtruediv "__rtruediv__" bin BinOp::TrueDiv, true;
    float_floordiv "__floordiv__" bin BinOp::FloorDiv, false;
    float_rfloordiv "__rfloordiv__" bin BinOp::FloorDiv, true;
    float_mod "__mod__" bin BinOp::Mod, false;
    float_rmod "__rmod__" bin BinOp::Mod, true;
    float_divmod "__divmod__" divmod false;
    float_rdivmod "__rdivmod__" divmod true;
    float_pow "__pow__" pow false;
    float_rpow "__rpow__" pow true;
    float_eq "__eq__" cmp CmpOp::Eq;
    float_ne "__ne__" cmp CmpOp::Ne;
    float_lt "__lt__" cmp CmpOp::Lt;
    float_le "__le__" cmp CmpOp::Le;
    float_gt "__gt__" cmp CmpOp::Gt;
    float_ge "__ge__" cmp CmpOp::Ge;
}

fn float_is_integer(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "is_integer", 0, 0)?;
    Ok(Value::Bool(x.is_finite() && x == x.floor()))
}

fn float_as_integer_ratio(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "as_integer_ratio", 0, 0)?;
    if x.is_infinite() {
        return Err(interp.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(interp.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = float_util::as_integer_ratio(x);
    let (n, d) = (interp.new_bigint(n), interp.new_bigint(d));
    Ok(interp.new_tuple(vec![n, d]))
}

fn float_hex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "hex", 0, 0)?;
    Ok(interp.new_str(float_util::float_hex(x)))
}

/// `float.__getformat__(typestr)`: the storage format of C doubles and floats.
fn float_getformat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getformat__", 2, 2)?;
    let Some(s) = a[1].as_str() else {
        return Err(interp.type_error(format!(
            "__getformat__() argument must be str, not {}",
            interp.type_name(&a[1])
        )));
    };
    if s != "double" && s != "float" {
        return Err(interp.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    let order = if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    };
    Ok(interp.new_str(order))
}

fn float_fromhex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fromhex", 2, 2)?;
    let Some(s) = a[1].as_str() else {
        return Err(interp.type_error(format!(
            "fromhex() argument must be str, not {}",
            interp.type_name(&a[1])
        )));
    };
    match float_util::float_fromhex(s) {
        // A subclass's `fromhex` returns `cls(value)`, as CPython's.
        Ok(f) => match &a[0] {
            Value::Obj(c) if !c.is(&interp.g.types.float) => {
                interp.call1(&a[0], &[Value::Float(f)])
            }
            _ => Ok(Value::Float(f)),
        },
        Err(float_util::FromHexError::Invalid) => {
            Err(interp.value_error("invalid hexadecimal floating-point string"))
        }
        Err(float_util::FromHexError::Overflow) => {
            Err(interp.overflow_error("hexadecimal value too large to represent as a float"))
        }
    }
}

/// `float.from_number(number)` (3.14): `PyFloat_AsDouble(number)` (no strings), then
/// `cls(value)` for a subclass.
fn float_from_number(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "from_number", 2, 2)?;
    let f = super::numbers::float_of(interp, &a[1])?;
    match &a[0] {
        Value::Obj(c) if !c.is(&interp.g.types.float) => interp.call1(&a[0], &[Value::Float(f)]),
        _ => Ok(Value::Float(f)),
    }
}

fn float_self(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__float__", 0, 0)?;
    Ok(Value::Float(x))
}

fn float_conjugate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "conjugate", 0, 0)?;
    Ok(Value::Float(x))
}

fn float_trunc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__trunc__", 0, 0)?;
    numbers::f64_to_int(interp, x)
}

fn float_int(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__int__", 0, 0)?;
    numbers::f64_to_int(interp, x)
}

fn float_floor(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__floor__", 0, 0)?;
    numbers::f64_to_int(interp, x.floor())
}

fn float_ceil(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__ceil__", 0, 0)?;
    numbers::f64_to_int(interp, x.ceil())
}

fn float_round(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, a) = recv(interp, args, "__round__", 0, 1)?;
    let nd = a.first().filter(|v| !v.is_none());
    numbers::round_value(interp, &Value::Float(x), nd)
}

fn float_abs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__abs__", 0, 0)?;
    Ok(Value::Float(x.abs()))
}

fn float_neg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__neg__", 0, 0)?;
    Ok(Value::Float(-x))
}

fn float_pos(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__pos__", 0, 0)?;
    Ok(Value::Float(x))
}

fn float_bool(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__bool__", 0, 0)?;
    Ok(Value::Bool(x != 0.0))
}

fn float_format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, a) = recv(interp, args, "__format__", 1, 1)?;
    let Some(spec) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "__format__() argument must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    // An empty spec is `str(self)`: a subclass's own `__str__`.
    if spec.is_empty() {
        return interp.str_value(&args.pos()[0]);
    }
    let spec = spec.to_string();
    interp.format(&Value::Float(x), &spec)
}

fn float_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__repr__", 0, 0)?;
    Ok(interp.new_str(gilvm_object::fmt::float_repr(x)))
}

fn float_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (x, _) = recv(interp, args, "__hash__", 0, 0)?;
    Ok(Value::Int(interp.hash(&Value::Float(x))?))
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.float.clone();
    register_ops(interp, &t);
    add_method(interp, &t, "is_integer", float_is_integer);
    add_method(interp, &t, "as_integer_ratio", float_as_integer_ratio);
    add_method(interp, &t, "hex", float_hex);
    add_classmethod(interp, &t, "fromhex", float_fromhex);
    add_classmethod(interp, &t, "from_number", float_from_number);
    add_classmethod(interp, &t, "__getformat__", float_getformat);
    add_method(interp, &t, "conjugate", float_conjugate);
    add_method(interp, &t, "__float__", float_self);
    add_method(interp, &t, "__trunc__", float_trunc);
    add_method(interp, &t, "__int__", float_int);
    add_method(interp, &t, "__floor__", float_floor);
    add_method(interp, &t, "__ceil__", float_ceil);
    add_method(interp, &t, "__round__", float_round);
    add_method(interp, &t, "__abs__", float_abs);
    add_method(interp, &t, "__neg__", float_neg);
    add_method(interp, &t, "__pos__", float_pos);
    add_method(interp, &t, "__bool__", float_bool);
    add_method(interp, &t, "__format__", float_format);
    add_method(interp, &t, "__repr__", float_repr);
    add_method(interp, &t, "__hash__", float_hash);
    super::add_getset(interp, &t, "real", float_self);
    super::add_getset(interp, &t, "imag", float_imag);
}

fn float_imag(interp: &mut Interp, args: Args<'_>) -> PyResult {
    recv(interp, args, "imag", 0, 0)?;
    Ok(Value::Float(0.0))
}
