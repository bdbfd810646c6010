//! Methods of `int` (inherited by `bool`): `bit_length`, `to_bytes`/`from_bytes`, … and the
//! special methods, which call the interpreter's operators so that `int.__add__(1, 2)` and
//! explicit dunder calls behave like the operators.
use gilvm_object::Owned;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use gilvm_object::code::{BinOp, CmpOp, UnOp};
use gilvm_object::{Payload, Value};

use super::numbers::{self, as_plain_int, bind_args, int_ref, is_int, IntRef};
use super::{add_classmethod, add_method};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Checks a method's receiver and argument count (not counting the receiver); returns the
/// positional arguments including the receiver.
pub fn method_args<'a>(
    interp: &mut Interp,
    args: Args<'a>,
    ty: &str,
    name: &str,
    min: usize,
    max: usize,
    ok: fn(&Value) -> bool,
) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    let Some(recv) = pos.first() else {
        return Err(interp.type_error(format!("unbound method {ty}.{name}() needs an argument")));
    };
    if !ok(recv) {
        return Err(interp.type_error(format!(
            "descriptor '{name}' for '{ty}' objects doesn't apply to a '{}' object",
            interp.type_name(recv)
        )));
    }
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{ty}.{name}() takes no keyword arguments")));
    }
    let n = pos.len() - 1;
    if n < min || n > max {
        let msg = if max == 0 {
            format!("{ty}.{name}() takes no arguments ({n} given)")
        } else if min == max {
            format!(
                "expected {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(interp.type_error(msg));
    }
    Ok(pos)
}

/// The receiver (a plain int: an instance of a subclass gives the int it holds) and the
/// arguments of an int method.
fn recv_int(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Vec<Value>> {
    let mut v = method_args(interp, args, "int", name, min, max, is_int)?.to_vec();
    if let Some(p) = v[0].subclass_value() {
        v[0] = p.clone();
    }
    Ok(v)
}

/// The operands of a binary special method as plain values (`int.__add__(Flags(3), 1)`
/// computes `3 + 1`; the result is a plain int, as in CPython).
fn plain_pair(x: &Value, y: &Value) -> (Value, Value) {
    (x.base_value().clone(), y.base_value().clone())
}

/// A binary special method: `NotImplemented` unless `accept(other)`.
#[allow(clippy::too_many_arguments)]
pub fn dunder_binop(
    interp: &mut Interp,
    args: Args<'_>,
    ty: &str,
    name: &str,
    op: BinOp,
    reflected: bool,
    ok: fn(&Value) -> bool,
    accept: fn(&Value) -> bool,
) -> PyResult {
    let a = method_args(interp, args, ty, name, 1, 1, ok)?;
    if !accept(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let (x, y) = if reflected {
        plain_pair(&a[1], &a[0])
    } else {
        plain_pair(&a[0], &a[1])
    };
    interp.binary_op(op, x, y, false)
}

/// A comparison special method.
pub fn dunder_cmp(
    interp: &mut Interp,
    args: Args<'_>,
    ty: &str,
    name: &str,
    op: CmpOp,
    ok: fn(&Value) -> bool,
    accept: fn(&Value) -> bool,
) -> PyResult {
    let a = method_args(interp, args, ty, name, 1, 1, ok)?;
    if !accept(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let (x, y) = plain_pair(&a[0], &a[1]);
    interp.compare(op, &x, &y)
}

/// `__divmod__`/`__rdivmod__`.
pub fn dunder_divmod(
    interp: &mut Interp,
    args: Args<'_>,
    ty: &str,
    name: &str,
    reflected: bool,
    ok: fn(&Value) -> bool,
    accept: fn(&Value) -> bool,
) -> PyResult {
    let a = method_args(interp, args, ty, name, 1, 1, ok)?;
    if !accept(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let (x, y) = if reflected {
        plain_pair(&a[1], &a[0])
    } else {
        plain_pair(&a[0], &a[1])
    };
    numbers::divmod_values(interp, &x, &y)
}

/// `__pow__`/`__rpow__` with the optional modulus.
pub fn dunder_pow(
    interp: &mut Interp,
    args: Args<'_>,
    ty: &str,
    name: &str,
    reflected: bool,
    ok: fn(&Value) -> bool,
    accept: fn(&Value) -> bool,
) -> PyResult {
    let a = method_args(interp, args, ty, name, 1, 2, ok)?;
    if !accept(&a[1]) {
        return Ok(interp.not_implemented());
    }
    let (x, y) = if reflected {
        plain_pair(&a[1], &a[0])
    } else {
        plain_pair(&a[0], &a[1])
    };
    match a.get(2).filter(|m| !m.is_none()) {
        None => interp.binary_op(BinOp::Pow, x, y, false),
        Some(m) => {
            if ty == "int" && !is_int(m) {
                return Ok(interp.not_implemented());
            }
            numbers::pow3(interp, &x, &y, m.base_value())
        }
    }
}

macro_rules! int_ops {
    ($($f:ident $name:literal $kind:ident $($arg:expr),*;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            int_ops!(@call $kind interp args $name $($arg),*)
        })*
        fn register_ops(interp: &mut Interp, ty: &gilvm_object::ObjRef) {
            $(add_method(interp, ty, $name, $f);)*
        }
    };
    (@call bin $interp:ident $args:ident $name:literal $op:expr, $r:expr) => {
        dunder_binop($interp, $args, "int", $name, $op, $r, is_int, is_int)
    };
    (@call cmp $interp:ident $args:ident $name:literal $op:expr) => {
        dunder_cmp($interp, $args, "int", $name, $op, is_int, is_int)
    };
    (@call divmod $interp:ident $args:ident $name:literal $r:expr) => {
        dunder_divmod($interp, $args, "int", $name, $r, is_int, is_int)
    };
    (@call pow $interp:ident $args:ident $name:literal $r:expr) => {
        dunder_pow($interp, $args, "int", $name, $r, is_int, is_int)
    };
}

int_ops! {
    int_add "__add__" bin BinOp::Add, false;
    int_radd "__radd__" bin BinOp::Add, true;
    int_sub "__sub__" bin BinOp::Sub, false;
    int_rsub "__rsub__" bin BinOp::Sub, true;
    int_mul "__mul__" bin BinOp::Mul, false;
    int_rmul "__rmul__" bin BinOp::Mul, true;
    int_truediv "__truediv__" bin BinOp::TrueDiv, false;
    int_rtruediv "__rtruediv__" bin BinOp::TrueDiv, true;
    int_floordiv "__floordiv__" bin BinOp::FloorDiv, false;
    int_rfloordiv "__rfloordiv__" bin BinOp::FloorDiv, true;
    int_mod "__mod__" bin BinOp::Mod, false;
    int_rmod "__rmod__" bin BinOp::Mod, true;
    int_and "__and__" bin BinOp::And, false;
    int_rand "__rand__" bin BinOp::And, true;
    int_or "__or__" bin BinOp::Or, false;
    int_ror "__ror__" bin BinOp::Or, true;
    int_xor "__xor__" bin BinOp::Xor, false;
    int_rxor "__rxor__" bin BinOp::Xor, true;
    int_lshift "__lshift__" bin BinOp::LShift, false;
    int_rlshift "__rlshift__" bin BinOp::LShift, true;
    int_rshift "__rshift__" bin BinOp::RShift, false;
    int_rrshift "__rrshift__" bin BinOp::RShift, true;
    int_divmod "__divmod__" divmod false;
    int_rdivmod "__rdivmod__" divmod true;
    int_pow "__pow__" pow false;
    int_rpow "__rpow__" pow true;
    int_eq "__eq__" cmp CmpOp::Eq;
    int_ne "__ne__" cmp CmpOp::Ne;
    int_lt "__lt__" cmp CmpOp::Lt;
    int_le "__le__" cmp CmpOp::Le;
    int_gt "__gt__" cmp CmpOp::Gt;
    int_ge "__ge__" cmp CmpOp::Ge;
}

/// The receiver as a plain int (`__int__`, `__index__`, `conjugate`, …).
fn int_self(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = "__int__";
    let a = recv_int(interp, args, name, 0, 0)?;
    Ok(as_plain_int(&a[0]))
}

fn int_float(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__float__", 0, 0)?;
    let i = int_ref(&a[0]).unwrap_or(IntRef::Small(0));
    Ok(Value::Float(numbers::int_to_f64(interp, &i)?))
}

fn int_abs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__abs__", 0, 0)?;
    numbers::abs_value(interp, &a[0])
}

fn int_neg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__neg__", 0, 0)?;
    interp.unary_op(UnOp::Neg, a[0].clone())
}

fn int_invert(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__invert__", 0, 0)?;
    interp.unary_op(UnOp::Invert, a[0].clone())
}

fn int_bool(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__bool__", 0, 0)?;
    Ok(Value::Bool(!matches!(
        int_ref(&a[0]),
        Some(IntRef::Small(0))
    )))
}

fn int_round(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__round__", 0, 1)?;
    let nd = a.get(1).filter(|v| !v.is_none());
    numbers::round_value(interp, &a[0], nd)
}

fn int_format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__format__", 1, 1)?;
    let Some(spec) = a[1].as_str() else {
        return Err(interp.type_error(format!(
            "__format__() argument must be str, not {}",
            interp.type_name(&a[1])
        )));
    };
    // An empty spec is `str(self)`: a subclass's own `__str__`.
    if spec.is_empty() {
        return interp.str_value(&args.pos()[0]);
    }
    let spec = spec.to_string();
    interp.format(&a[0], &spec)
}

fn int_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__repr__", 0, 0)?;
    let s = interp.repr(&a[0])?;
    Ok(interp.new_str(s))
}

fn int_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "__hash__", 0, 0)?;
    Ok(Value::Int(interp.hash(&a[0])?))
}

fn int_bit_length(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "bit_length", 0, 0)?;
    Ok(Value::Int(match int_ref(&a[0]) {
        Some(IntRef::Small(i)) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Some(IntRef::Big(b)) => b.bits() as i64,
        None => 0,
    }))
}

fn int_bit_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "bit_count", 0, 0)?;
    Ok(Value::Int(match int_ref(&a[0]) {
        Some(IntRef::Small(i)) => i.unsigned_abs().count_ones() as i64,
        Some(IntRef::Big(b)) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as i64)
            .sum(),
        None => 0,
    }))
}

fn int_as_integer_ratio(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = recv_int(interp, args, "as_integer_ratio", 0, 0)?;
    Ok(interp.new_tuple(vec![as_plain_int(&a[0]), Value::Int(1)]))
}

fn int_is_integer(interp: &mut Interp, args: Args<'_>) -> PyResult {
    recv_int(interp, args, "is_integer", 0, 0)?;
    Ok(Value::Bool(true))
}

/// `byteorder` argument of `to_bytes`/`from_bytes`: true for little-endian.
fn byteorder(interp: &mut Interp, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match v.as_str() {
            Some("big") => Ok(false),
            Some("little") => Ok(true),
            Some(_) => Err(interp.value_error("byteorder must be either 'little' or 'big'")),
            None => Err(interp.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                interp.type_name(v)
            ))),
        },
    }
}

fn int_to_bytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.first().is_none_or(|v| !is_int(v)) {
        return Err(interp.type_error("descriptor 'to_bytes' for 'int' objects needs an int"));
    }
    let b = bind_args(
        interp,
        args,
        "to_bytes",
        1,
        &["length", "byteorder"],
        0,
        &["signed"],
    )?;
    let length = match &b[0] {
        Some(v) => numbers::index_big(interp, v)?,
        None => BigInt::from(1),
    };
    if length.is_negative() {
        return Err(interp.value_error("length argument must be non-negative"));
    }
    let little = byteorder(interp, b[1].as_ref())?;
    let signed = match &b[2] {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let v = pos[0].to_bigint().unwrap_or_default();
    let Ok(length) = i64::try_from(&length) else {
        return Err(interp.overflow_error("Python int too large to convert to C ssize_t"));
    };
    let length = length as usize;
    let mut bytes: Vec<u8> = if v.is_zero() {
        Vec::new()
    } else if signed {
        v.to_signed_bytes_be()
    } else {
        if v.is_negative() {
            return Err(interp.overflow_error("can't convert negative int to unsigned"));
        }
        v.to_bytes_be().1
    };
    if bytes.len() > length {
        return Err(interp.overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve_exact(length).is_err() {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    out.resize(length - bytes.len(), fill);
    out.append(&mut bytes);
    if little {
        out.reverse();
    }
    Ok(Value::Obj(
        interp.new_obj(Owned::Bytes(out.into_boxed_slice())),
    ))
}

fn int_from_bytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = bind_args(
        interp,
        args,
        "from_bytes",
        1,
        &["bytes", "byteorder"],
        0,
        &["signed"],
    )?;
    let Some(src) = b[0].clone() else {
        return Err(interp.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder(interp, b[1].as_ref())?;
    let signed = match &b[2] {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let mut data: Vec<u8> = match &src {
        Value::Obj(o) if matches!(o.payload(), Payload::Bytes(_)) => match o.payload() {
            Payload::Bytes(b) => b.to_vec(),
            _ => Vec::new(),
        },
        Value::Obj(o) if matches!(o.payload(), Payload::Str(_)) => {
            return Err(interp.type_error("cannot convert 'str' object to bytes"));
        }
        _ => {
            if is_int(&src) || matches!(src, Value::Float(_) | Value::None) {
                return Err(interp.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    interp.type_name(&src)
                )));
            }
            // `PyObject_Bytes`: `__bytes__`, a buffer, or an iterable of ints.
            let bytes_ty = Value::Obj(interp.g.types.bytes.clone());
            let b = interp.call1(&bytes_ty, std::slice::from_ref(&src))?;
            match &b {
                Value::Obj(o) => match o.payload() {
                    Payload::Bytes(b) => b.to_vec(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            }
        }
    };
    if little {
        data.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let v = interp.new_bigint(v);
    // `Flags.from_bytes(…)` is `Flags(int)`.
    match args.pos().first() {
        Some(c @ Value::Obj(co))
            if matches!(co.payload(), Payload::Type(_)) && !co.is(&interp.g.types.int) =>
        {
            let c = c.clone();
            interp.call1(&c, &[v])
        }
        _ => Ok(v),
    }
}

/// `real`, `numerator` (the int itself), `imag` (0) and `denominator` (1) of an int, as
/// data descriptors of the type (so an instance of a subclass has them too).
fn int_getset(interp: &mut Interp, args: Args<'_>, which: u8) -> PyResult {
    let a = recv_int(interp, args, "__get__", 0, 0)?;
    Ok(match which {
        0 => as_plain_int(&a[0]),
        1 => Value::Int(0),
        _ => Value::Int(1),
    })
}
fn int_real(interp: &mut Interp, args: Args<'_>) -> PyResult {
    int_getset(interp, args, 0)
}
fn int_imag(interp: &mut Interp, args: Args<'_>) -> PyResult {
    int_getset(interp, args, 1)
}
fn int_denominator(interp: &mut Interp, args: Args<'_>) -> PyResult {
    int_getset(interp, args, 2)
}

fn int_trunc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    int_self(interp, args)
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.int.clone();
    register_ops(interp, &t);
    for name in [
        "__int__",
        "__index__",
        "__trunc__",
        "__floor__",
        "__ceil__",
        "__pos__",
        "conjugate",
    ] {
        add_method(
            interp,
            &t,
            name,
            if name == "__trunc__" {
                int_trunc
            } else {
                int_self
            },
        );
    }
    add_method(interp, &t, "__float__", int_float);
    add_method(interp, &t, "__abs__", int_abs);
    add_method(interp, &t, "__neg__", int_neg);
    add_method(interp, &t, "__invert__", int_invert);
    add_method(interp, &t, "__bool__", int_bool);
    add_method(interp, &t, "__round__", int_round);
    add_method(interp, &t, "__format__", int_format);
    add_method(interp, &t, "__repr__", int_repr);
    add_method(interp, &t, "__hash__", int_hash);
    add_method(interp, &t, "bit_length", int_bit_length);
    add_method(interp, &t, "bit_count", int_bit_count);
    add_method(interp, &t, "as_integer_ratio", int_as_integer_ratio);
    add_method(interp, &t, "is_integer", int_is_integer);
    add_method(interp, &t, "to_bytes", int_to_bytes);
    add_classmethod(interp, &t, "from_bytes", int_from_bytes);
    for (name, f) in [
        ("real", int_real as crate::interp::NativeFn),
        ("numerator", int_real),
        ("imag", int_imag),
        ("denominator", int_denominator),
    ] {
        super::add_getset(interp, &t, name, f);
    }
    share_with_bool(interp);
}

/// `bool` is a subclass of `int`: when the builtin `bool` type does not have `int` in its
/// MRO, give it int's methods directly (those bool does not define itself).
fn share_with_bool(interp: &mut Interp) {
    let (int, bool_) = (interp.g.types.int.clone(), interp.g.types.bool_.clone());
    if gilvm_object::types::is_subtype(&bool_, &int) {
        return;
    }
    let (Payload::Type(it), Payload::Type(bt)) = (int.payload(), bool_.payload()) else {
        return;
    };
    for k in it.dict().keys(interp.py) {
        let Value::Obj(name) = &k else { continue };
        if bt.dict().get_str(interp.py, name).is_some() {
            continue;
        }
        if let Some(v) = it.dict().get_str(interp.py, name) {
            bt.dict().set_str(interp.py, name.clone(), v);
        }
    }
}
