//! The `complex` type: constructor (numbers, strings, `__complex__`, `__float__`,
//! `__index__`), `complex.from_number`, the arithmetic operators with CPython 3.14's
//! mixed-mode rules, comparisons, hash, repr and `format`, and the special methods that
//! let instances of subclasses behave as complex numbers.
//!
//! The payload and the pure arithmetic live in the object model
//! (`gilvm_object::complex`); formatting in `gilvm_object::fmt::complex`. The
//! interpreter's operators reach this file through [`binop_plain`] (a plain complex
//! operand, from `ops.rs`), [`compare_plain`] and [`unary_plain`]; instances of subclasses
//! go through the native special methods registered here, found along the MRO.
use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::complex::{self as cx, as_complex, CErr, PyComplex};
use gilvm_object::{Owned, Payload, Value};

use super::numbers::{bind_args, float_of, int_ref};
use super::{add_classmethod, add_getset, add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// A new plain complex object.
pub fn new_complex(interp: &Interp, c: PyComplex) -> Value {
    Value::Obj(interp.new_obj(Owned::Complex(c)))
}

/// Is `v` a plain complex object?
#[inline(always)]
pub fn is_plain(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Complex(_)))
}

/// The complex value of a complex or an instance of a subclass of complex.
pub fn complex_of(v: &Value) -> Option<PyComplex> {
    as_complex(v).or_else(|| as_complex(v.subclass_value()?))
}

/// An operand of complex arithmetic: a complex, or a real (int or float) that CPython 3.14
/// does not widen to a complex.
#[derive(Clone, Copy)]
enum Operand {
    C(PyComplex),
    R(f64),
}

/// The operand `v` is (None: neither a number nor a complex). `see_through`: an instance
/// of a subclass of int, float or complex counts as its value (the special methods);
/// the operators' plain path does not look inside instances, whose methods come first.
fn operand(interp: &Interp, v: &Value, see_through: bool) -> PyResult<Option<Operand>> {
    let v = if see_through { v.base_value() } else { v };
    if let Some(c) = as_complex(v) {
        return Ok(Some(Operand::C(c)));
    }
    if let Value::Float(f) = v {
        return Ok(Some(Operand::R(*f)));
    }
    match v {
        Value::Int(i) => Ok(Some(Operand::R(*i as f64))),
        Value::Bool(b) => Ok(Some(Operand::R(*b as i64 as f64))),
        Value::Obj(o) => match o.payload() {
            Payload::Int(_) => match int_ref(v) {
                Some(r) => Ok(Some(Operand::R(super::numbers::int_to_f64(interp, &r)?))),
                None => Ok(None),
            },
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

fn widen(x: Operand) -> PyComplex {
    match x {
        Operand::C(c) => c,
        Operand::R(r) => PyComplex::new(r, 0.0),
    }
}

/// `x op y` for complex operands; None for the operators complex does not have.
fn arith(interp: &Interp, op: BinOp, x: Operand, y: Operand) -> PyResult<Option<PyComplex>> {
    use Operand::{C, R};
    let div_err = |_| interp.zero_division("division by zero");
    let r = match op {
        BinOp::Add => match (x, y) {
            (C(a), C(b)) => cx::sum(a, b),
            (C(a), R(b)) | (R(b), C(a)) => cx::sum_real(a, b),
            (R(a), R(b)) => PyComplex::new(a + b, 0.0),
        },
        BinOp::Sub => match (x, y) {
            (C(a), C(b)) => cx::diff(a, b),
            (C(a), R(b)) => cx::diff_real(a, b),
            (R(a), C(b)) => cx::real_diff(a, b),
            (R(a), R(b)) => PyComplex::new(a - b, 0.0),
        },
        BinOp::Mul => match (x, y) {
            (C(a), C(b)) => cx::prod(a, b),
            (C(a), R(b)) | (R(b), C(a)) => cx::prod_real(a, b),
            (R(a), R(b)) => PyComplex::new(a * b, 0.0),
        },
        BinOp::TrueDiv => match (x, y) {
            (C(a), C(b)) => cx::quot(a, b).map_err(div_err)?,
            (C(a), R(b)) => cx::quot_real(a, b).map_err(div_err)?,
            (R(a), C(b)) => cx::real_quot(a, b).map_err(div_err)?,
            (R(a), R(b)) => cx::quot_real(PyComplex::new(a, 0.0), b).map_err(div_err)?,
        },
        BinOp::Pow => cx::pow(widen(x), widen(y)).map_err(|e| match e {
            CErr::Domain => interp.zero_division("zero to a negative or complex power"),
            CErr::Range => interp.overflow_error("complex exponentiation"),
        })?,
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `a op b` when `a` or `b` is a plain complex and the other a plain int, float or
/// complex (the operators' path, before any special method); None otherwise.
#[cold]
#[inline(never)]
pub fn binop_plain(interp: &Interp, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !is_plain(a) && !is_plain(b) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(interp, a, false)?, operand(interp, b, false)?) else {
        return Ok(None);
    };
    Ok(arith(interp, op, x, y)?.map(|c| new_complex(interp, c)))
}

/// `x ** y` for floats whose result is complex (a negative base and a fractional
/// exponent: CPython's `float_pow` hands these to `complex.__pow__`).
pub fn float_pow_complex(interp: &Interp, x: f64, y: f64) -> PyResult {
    let r = arith(interp, BinOp::Pow, Operand::R(x), Operand::R(y))?;
    Ok(new_complex(
        interp,
        r.unwrap_or(PyComplex::new(f64::NAN, f64::NAN)),
    ))
}

/// `-a`, `+a` for a plain complex `a`.
pub fn unary_plain(interp: &Interp, neg: bool, a: &Value) -> Option<Value> {
    let c = as_complex(a)?;
    Some(if neg {
        new_complex(interp, PyComplex::new(-c.re, -c.im))
    } else {
        a.clone()
    })
}

/// Comparison with a plain complex operand: Some(Some(result)) for `==`/`!=` with a
/// plain number, Some(None) when the special methods and the error should decide
/// (orderings, other types), None when neither operand is a plain complex.
pub fn compare_plain(op: CmpOp, a: &Value, b: &Value) -> Option<Option<bool>> {
    if !is_plain(a) && !is_plain(b) {
        return None;
    }
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Some(None);
    }
    let eq = cx::builtin_eq(a, b)?;
    Some(Some(eq == (op == CmpOp::Eq)))
}

// ---- the constructor ----

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The longest prefix of `s` that is a float (`PyOS_string_to_double` with an end
/// pointer): its value and length.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'+') => {
            i = 1;
            false
        }
        Some(b'-') => {
            i = 1;
            true
        }
        _ => false,
    };
    let word =
        |w: &str| s.len() >= i + w.len() && s[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes());
    let special = if word("infinity") {
        Some((f64::INFINITY, 8))
    } else if word("inf") {
        Some((f64::INFINITY, 3))
    } else if word("nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, n)) = special {
        return Some((if neg { -v } else { v }, i + n));
    }
    let start = i;
    let digits = |i: &mut usize| {
        let b = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - b
    };
    let mut n = digits(&mut i);
    if i < s.len() && s[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((if neg { -v } else { v }, i))
}

/// `complex(s)` for a string without underscores (CPython's `complex_from_string_inner`).
fn parse_complex(s: &[u8]) -> Option<PyComplex> {
    let n = s.len();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < n && is_ws(s[*i]) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let bracket = i < n && s[i] == b'(';
    if bracket {
        i += 1;
        skip_ws(&mut i);
    }
    let is_j = |i: usize| i < n && (s[i] == b'j' || s[i] == b'J');
    let is_sign = |i: usize| i < n && (s[i] == b'+' || s[i] == b'-');
    let (x, y);
    match float_prefix(&s[i..]) {
        Some((z, len)) => {
            i += len;
            if is_sign(i) {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((w, l)) => {
                        y = w;
                        i += l;
                    }
                    None => {
                        y = if s[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return None;
                }
                i += 1;
            } else if is_j(i) {
                i += 1;
                x = 0.0;
                y = z;
            } else {
                x = z;
                y = 0.0;
            }
        }
        None => {
            x = 0.0;
            if is_sign(i) {
                y = if s[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        }
    }
    skip_ws(&mut i);
    if bracket {
        if i >= n || s[i] != b')' {
            return None;
        }
        i += 1;
        skip_ws(&mut i);
    }
    (i == n).then_some(PyComplex::new(x, y))
}

/// `complex(str)`: Unicode spaces and decimal digits as their ASCII forms, underscores
/// between digits dropped, then the parse.
fn from_string(interp: &mut Interp, src: &Value, s: &str) -> PyResult<PyComplex> {
    let mut ascii = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            ascii.push(c as u8);
        } else if c.is_whitespace() {
            ascii.push(b' ');
        } else if let Some(d) = c.to_digit(10).filter(|_| c.is_numeric()) {
            ascii.push(b'0' + d as u8);
        } else {
            // Not representable: cannot be part of a valid number.
            ascii.push(0);
        }
    }
    if ascii.contains(&b'_') {
        let ok = ascii.iter().enumerate().all(|(k, &b)| {
            b != b'_'
                || (k > 0
                    && ascii[k - 1].is_ascii_digit()
                    && ascii.get(k + 1).is_some_and(u8::is_ascii_digit))
        });
        if !ok {
            let r = crate::repr::repr(interp, src)?;
            return Err(interp.value_error(format!("could not convert string to complex: {r}")));
        }
        ascii.retain(|&b| b != b'_');
    }
    parse_complex(&ascii).ok_or_else(|| interp.value_error("complex() arg is a malformed string"))
}

/// `x.__complex__()` if the type defines it: its complex value (None: no such method).
fn call_dunder_complex(interp: &mut Interp, v: &Value) -> PyResult<Option<PyComplex>> {
    let Some(m) =
        interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__complex__"))
    else {
        return Ok(None);
    };
    let r = interp.call_method_value(&m, v, &[])?;
    match complex_of(&r) {
        Some(c) => Ok(Some(c)),
        None => Err(interp.type_error(format!(
            "__complex__ returned non-complex (type {})",
            interp.type_name(&r)
        ))),
    }
}

/// Does `v`'s type have `__float__` or `__index__` (CPython's `nb_float`/`nb_index`)?
fn is_real(interp: &Interp, v: &Value) -> bool {
    if matches!(v.base_value(), Value::Float(_)) || int_ref(v.base_value()).is_some() {
        return true;
    }
    interp
        .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__float__"))
        .is_some()
        || interp
            .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
            .is_some()
}

/// `complex(x)` with one positional argument.
fn from_one(interp: &mut Interp, x: &Value) -> PyResult<PyComplex> {
    if let Some(c) = as_complex(x) {
        return Ok(c);
    }
    if let Some(s) = x.as_str() {
        let s = s.to_string();
        return from_string(interp, x, &s);
    }
    if let Some(c) = call_dunder_complex(interp, x)? {
        return Ok(c);
    }
    if let Some(c) = complex_of(x) {
        return Ok(c);
    }
    if is_real(interp, x) {
        return Ok(PyComplex::new(float_of(interp, x)?, 0.0));
    }
    Err(interp.type_error(format!(
        "complex() argument must be a string or a number, not {}",
        interp.type_name(x)
    )))
}

/// `complex(real, imag)` (either given by keyword): CPython's `complex_new_impl`.
fn from_two(
    interp: &mut Interp,
    real: Option<&Value>,
    imag: Option<&Value>,
) -> PyResult<PyComplex> {
    let zero = Value::Int(0);
    let r = real.unwrap_or(&zero);
    let r_complex = match call_dunder_complex(interp, r)? {
        Some(c) => Some(c),
        None => complex_of(r),
    };
    if r_complex.is_none() && !is_real(interp, r) {
        return Err(interp.type_error(format!(
            "complex() argument 'real' must be a real number, not {}",
            interp.type_name(r)
        )));
    }
    if let Some(i) = imag {
        if complex_of(i).is_none() && !is_real(interp, i) {
            return Err(interp.type_error(format!(
                "complex() argument 'imag' must be a real number, not {}",
                interp.type_name(i)
            )));
        }
    }
    let cr = match r_complex {
        Some(c) => c,
        None => PyComplex::new(float_of(interp, r)?, 0.0),
    };
    let Some(i) = imag else {
        return Ok(cr);
    };
    let mut re = cr.re;
    let mut im = match complex_of(i) {
        Some(ci) => {
            re -= ci.im;
            ci.re
        }
        None => float_of(interp, i)?,
    };
    if r_complex.is_some() {
        im += cr.im;
    }
    Ok(PyComplex::new(re, im))
}

fn complex_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let ty = interp.g.types.complex.clone();
    if let Some(v) = crate::builtin_sub::value_new(interp, args, &ty, complex_new)? {
        return Ok(v);
    }
    let b = bind_args(interp, args, "complex", 1, &["real", "imag"], 0, &[])?;
    let c = if !args.has_kwargs() && b[1].is_none() {
        match &b[0] {
            None => PyComplex::new(0.0, 0.0),
            Some(x) => {
                if is_plain(x) {
                    return Ok(x.clone());
                }
                from_one(interp, x)?
            }
        }
    } else {
        from_two(interp, b[0].as_ref(), b[1].as_ref())?
    };
    Ok(new_complex(interp, c))
}

/// `complex.from_number(x)` (3.14): numbers only, no strings.
fn from_number(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "from_number", 2, 2)?;
    let (cls, x) = (&a[0], &a[1]);
    let c = if let Some(c) = as_complex(x) {
        c
    } else if let Some(c) = call_dunder_complex(interp, x)? {
        c
    } else if let Some(c) = complex_of(x) {
        c
    } else {
        PyComplex::new(float_of(interp, x)?, 0.0)
    };
    let v = new_complex(interp, c);
    let plain = matches!(cls, Value::Obj(o) if o.is(&interp.g.types.complex));
    if plain {
        return Ok(v);
    }
    interp.call1(cls, &[v])
}

// ---- methods ----

/// The receiver of a method of complex (a complex or an instance of a subclass).
fn recv(interp: &Interp, args: &Args<'_>, name: &str, nargs: usize) -> PyResult<PyComplex> {
    let pos = args.pos();
    let Some(v) = pos.first() else {
        return Err(interp.type_error(format!("unbound method complex.{name}() needs an argument")));
    };
    let Some(c) = complex_of(v) else {
        return Err(interp.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        )));
    };
    if args.has_kwargs() {
        return Err(interp.type_error(format!("complex.{name}() takes no keyword arguments")));
    }
    let n = pos.len() - 1;
    if n != nargs {
        return Err(interp.type_error(if nargs == 0 {
            format!("complex.{name}() takes no arguments ({n} given)")
        } else {
            format!(
                "expected {nargs} argument{}, got {n}",
                if nargs == 1 { "" } else { "s" }
            )
        }));
    }
    Ok(c)
}

fn c_real(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Float(recv(interp, &args, "real", 0)?.re))
}

fn c_imag(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Float(recv(interp, &args, "imag", 0)?.im))
}

fn c_conjugate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "conjugate", 0)?;
    Ok(new_complex(interp, PyComplex::new(c.re, -c.im)))
}

fn c_complex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__complex__", 0)?;
    if is_plain(&args.pos()[0]) {
        return Ok(args.pos()[0].clone());
    }
    Ok(new_complex(interp, c))
}

fn c_getnewargs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__getnewargs__", 0)?;
    Ok(interp.new_tuple(vec![Value::Float(c.re), Value::Float(c.im)]))
}

fn c_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__repr__", 0)?;
    Ok(interp.new_str(gilvm_object::fmt::complex_repr(c.re, c.im)))
}

/// `format(c, spec)` of a complex value.
pub fn format_value(interp: &mut Interp, c: PyComplex, spec: &str, tyname: &str) -> PyResult {
    let parsed =
        gilvm_object::fmt::parse_format_spec(spec).map_err(|e| interp.fmt_err(e, tyname))?;
    match gilvm_object::fmt::format_complex(c.re, c.im, &parsed) {
        Ok(s) => Ok(interp.new_str(s)),
        Err(e) => Err(interp.fmt_err(e, tyname)),
    }
}

fn c_format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__format__", 1)?;
    let this = args.pos()[0].clone();
    let Some(spec) = args.pos()[1].as_str().map(str::to_string) else {
        return Err(interp.type_error(format!(
            "__format__() argument must be str, not {}",
            interp.type_name(&args.pos()[1])
        )));
    };
    if spec.is_empty() {
        return interp.str_value(&this);
    }
    let tyname = interp.type_name(&this);
    format_value(interp, c, &spec, &tyname)
}

fn c_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__hash__", 0)?;
    let this = args.pos()[0].base_value();
    let id = match this {
        Value::Obj(o) => o.addr(),
        _ => 0,
    };
    Ok(Value::Int(gilvm_object::hashing::hash_complex(
        c.re, c.im, id,
    )))
}

fn c_bool(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__bool__", 0)?;
    Ok(Value::Bool(c.re != 0.0 || c.im != 0.0))
}

fn c_neg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__neg__", 0)?;
    Ok(new_complex(interp, PyComplex::new(-c.re, -c.im)))
}

fn c_pos(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__pos__", 0)?;
    if is_plain(&args.pos()[0]) {
        return Ok(args.pos()[0].clone());
    }
    Ok(new_complex(interp, c))
}

fn c_abs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = recv(interp, &args, "__abs__", 0)?;
    match cx::abs(c) {
        Ok(r) => Ok(Value::Float(r)),
        Err(_) => Err(interp.overflow_error("absolute value too large")),
    }
}

/// `complex.__add__` and the other arithmetic special methods (`reflected`: the
/// receiver is the right operand).
fn dunder_arith(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult {
    let pos = args.pos();
    let nargs = if op == BinOp::Pow && pos.len() == 3 {
        2
    } else {
        1
    };
    let c = recv(interp, &args, name, nargs)?;
    if nargs == 2 && !pos[2].is_none() {
        return Err(interp.value_error("complex modulo"));
    }
    let Some(other) = operand(interp, &pos[1], true)? else {
        return Ok(interp.not_implemented());
    };
    let me = Operand::C(c);
    let (x, y) = if reflected { (other, me) } else { (me, other) };
    match arith(interp, op, x, y)? {
        Some(r) => Ok(new_complex(interp, r)),
        None => Ok(interp.not_implemented()),
    }
}

fn dunder_cmp(interp: &mut Interp, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    let c = recv(interp, &args, name, 1)?;
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(interp.not_implemented());
    }
    let other = args.pos()[1].base_value();
    let eq = match complex_of(other) {
        Some(d) => c.re == d.re && c.im == d.im,
        None => match gilvm_object::keys::as_num(other) {
            Some(n) => cx::eq_num(c, &n),
            None => return Ok(interp.not_implemented()),
        },
    };
    Ok(Value::Bool(eq == (op == CmpOp::Eq)))
}

macro_rules! complex_dunders {
    ($($f:ident $name:literal $kind:ident $($arg:expr),*;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            complex_dunders!(@call $kind interp args $name $($arg),*)
        })*
        fn register_dunders(interp: &mut Interp, ty: &gilvm_object::ObjRef) {
            $(add_method(interp, ty, $name, $f);)*
        }
    };
    (@call bin $interp:ident $args:ident $name:literal $op:expr, $r:expr) => {
        dunder_arith($interp, $args, $name, $op, $r)
    };
    (@call cmp $interp:ident $args:ident $name:literal $op:expr) => {
        dunder_cmp($interp, $args, $name, $op)
    };
}

complex_dunders! {
    c_add "__add__" bin BinOp::Add, false;
    c_radd "__radd__" bin BinOp::Add, true;
    c_sub "__sub__" bin BinOp::Sub, false;
    c_rsub "__rsub__" bin BinOp::Sub, true;
    c_mul "__mul__" bin BinOp::Mul, false;
    c_rmul "__rmul__" bin BinOp::Mul, true;
    c_truediv "__truediv__" bin BinOp::TrueDiv, false;
    c_rtruediv "__rtruediv__" bin BinOp::TrueDiv, true;
    c_pow "__pow__" bin BinOp::Pow, false;
    c_rpow "__rpow__" bin BinOp::Pow, true;
    c_eq "__eq__" cmp CmpOp::Eq;
    c_ne "__ne__" cmp CmpOp::Ne;
    c_lt "__lt__" cmp CmpOp::Lt;
    c_le "__le__" cmp CmpOp::Le;
    c_gt "__gt__" cmp CmpOp::Gt;
    c_ge "__ge__" cmp CmpOp::Ge;
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.complex.clone();
    interp.dict_set_str(
        &interp.g.builtins_dict.clone(),
        interp.intern("complex"),
        Value::Obj(t.clone()),
    );
    add_static(interp, &t, "__new__", complex_new);
    add_classmethod(interp, &t, "from_number", from_number);
    add_getset(interp, &t, "real", c_real);
    add_getset(interp, &t, "imag", c_imag);
    for (name, f) in [
        ("conjugate", c_conjugate as crate::interp::NativeFn),
        ("__complex__", c_complex),
        ("__getnewargs__", c_getnewargs),
        ("__repr__", c_repr),
        ("__format__", c_format),
        ("__hash__", c_hash),
        ("__bool__", c_bool),
        ("__neg__", c_neg),
        ("__pos__", c_pos),
        ("__abs__", c_abs),
    ] {
        add_method(interp, &t, name, f);
    }
    register_dunders(interp, &t);
}
