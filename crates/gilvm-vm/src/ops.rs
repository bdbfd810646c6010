//! Binary, unary and comparison operators: numbers (with exact big-int fallback), sequence
//! concatenation and repetition, `%` formatting, and the special-method protocol for
//! instances (`__add__`, then the reflected `__radd__`, `NotImplemented` handling).
use gilvm_object::Owned;
use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use gilvm_object::code::{BinOp, CmpOp, UnOp};
use gilvm_object::keys::{as_num, num_cmp, Num};
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// An int operand as a BigInt (bool and int only).
fn big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match o.payload() {
            Payload::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Can `v`'s class define special methods (`__radd__`) that `binary_op` would call?
fn defines_dunders(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if has_python_class(o))
}

/// Is `o`'s type one that Python code may have given special methods: an instance of a
/// class, a native object, or a class whose metaclass is not `type`?
#[inline]
pub fn has_python_class(o: &ObjRef) -> bool {
    match o.payload() {
        Payload::Instance(_) | Payload::Native(_) => true,
        Payload::Type(t) => t.has_metaclass(),
        _ => false,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)))
}

/// Float value of an int or float operand.
pub fn to_f64(v: &Value) -> Option<f64> {
    match as_num(v)? {
        Num::Int(i) => Some(i as f64),
        Num::Float(f) => Some(f),
        Num::Big(b) => Some(b.to_f64().unwrap_or(if b.is_negative() {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        })),
    }
}

/// Python's float modulo (result has the sign of the divisor).
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// Python's float floor division.
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 {
            fl + 1.0
        } else {
            fl
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

/// CPython 3.12+'s DeprecationWarning for `~` on a bool (`bool_invert`).
const INVERT_BOOL: &str = "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.";
impl Interp {
    /// `a op b` (the slow path after the eval loop's fast paths).
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult {
        if let Some(r) = self.numeric_op(op, &a, &b)? {
            return Ok(r);
        }
        if let Some(r) = self.sequence_op(op, &a, &b, inplace)? {
            return Ok(r);
        }
        // Special methods on instances.
        let (name, rname, iname) = op.dunders();
        if inplace {
            if let Some(r) = self.try_dunder(&a, iname, &b)? {
                return Ok(r);
            }
        }
        let a_ty = gilvm_object::types::type_of(&a).clone();
        let b_ty = gilvm_object::types::type_of(&b).clone();
        let b_is_subclass = !a_ty.is(&b_ty) && gilvm_object::types::is_subtype(&b_ty, &a_ty);
        if b_is_subclass {
            if let Some(r) = self.try_dunder(&b, rname, &a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(&a, name, &b)? {
            return Ok(r);
        }
        if !a_ty.is(&b_ty) && !b_is_subclass {
            if let Some(r) = self.try_dunder(&b, rname, &a)? {
                return Ok(r);
            }
        }
        // An instance of a subclass of an immutable builtin whose type has no special
        // method for `op` (bytes concatenation, a plain str on the left of a str subclass):
        // the builtin's own operation on the plain values, after both operands' methods
        // (CPython's sq_concat comes after `__radd__` too). See `builtin_sub.rs`.
        if let Some(r) = self.binary_op_plain(op, &a, &b)? {
            return Ok(r);
        }
        if op == BinOp::Add {
            // CPython's sq_concat / sq_inplace_concat, tried after both operands' methods.
            if let Some(r) = self.concat_fallback(&a, &b, inplace)? {
                return Ok(r);
            }
        }
        if op == BinOp::Mul {
            // `seq * n`: n must be an int or have `__index__` (CPython's sq_repeat).
            // (A subclass of str, tuple or bytes is a sequence too.)
            let is_seq = |v: &Value| matches!(v.base_value(), Value::Obj(o) if matches!(o.payload(), Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)));
            let (seq, n) = if is_seq(&a) { (&a, &b) } else { (&b, &a) };
            if is_seq(seq) {
                if self
                    .lookup_special_name(n, &gilvm_object::static_name!(self.py, "__index__"))
                    .is_some()
                {
                    let k = self.index_value(n)?;
                    let plain = seq.base_value().clone();
                    let inplace = inplace && seq.is(&a) && plain.is(seq);
                    if let Some(r) = self.sequence_op(op, &plain, &Value::Int(k), inplace)? {
                        return Ok(r);
                    }
                }
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(n)
                )));
            }
        }
        if op == BinOp::Or {
            // `int | None`: a union of classes (PEP 604), built by `_gilvm_union`.
            let type_like = |v: &Value| {
                v.is_none() || matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Type(_)))
            };
            if type_like(&a) && type_like(&b) && !(a.is_none() && b.is_none()) {
                let m = self.import_module("_gilvm_union")?;
                let make = self.getattr_str(&Value::Obj(m), "make")?;
                return self.call1(&make, &[a, b]);
            }
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        if op == BinOp::Pow && !inplace {
            return Err(self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(&a),
                self.type_name(&b)
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_name(&a),
            self.type_name(&b)
        )))
    }

    /// `binary_op`'s try on the plain values of instances of subclasses of immutable
    /// builtins (out of line: plain operands never get here). A TypeError there names the
    /// plain types, so it is dropped: the caller's error names the operands' own.
    #[cold]
    #[inline(never)]
    fn binary_op_plain(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let Some((pa, pb)) = crate::builtin_sub::plain_operands(a, b) else {
            return Ok(None);
        };
        // Only builtin values: an instance operand has had its special methods tried.
        if [pa, pb]
            .iter()
            .any(|v| matches!(v, Value::Obj(o) if has_python_class(o)))
        {
            return Ok(None);
        }
        let (pa, pb) = (pa.clone(), pb.clone());
        // (`Flags(3) + 2.0`: int's method declines a float, and a plain float has no
        // reflected method to try; the builtin operation on plain values does it.)
        let r = match self.numeric_op(op, &pa, &pb) {
            Ok(None) => self.sequence_op(op, &pa, &pb, false),
            r => r,
        };
        match r {
            Err(e) if self.matches(&e, &self.g.exc.type_error.clone()) => Ok(None),
            r => r,
        }
    }

    /// `compare`'s try on the plain values of instances of subclasses of builtins whose
    /// type has no comparison method (bytes), out of line as `binary_op_plain`.
    #[cold]
    #[inline(never)]
    fn compare_plain(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        // Issue 19: dict's `__eq__` on instances of dict subclasses (`Counter() == {}`).
        if matches!(op, CmpOp::Eq | CmpOp::Ne)
            && crate::modules::collections::is_dict(a)
            && crate::modules::collections::is_dict(b)
        {
            if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
                let eq = self.dict_eq(x, y)?;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
        }
        let Some((pa, pb)) = crate::builtin_sub::plain_operands(a, b) else {
            return Ok(None);
        };
        let (pa, pb) = (pa.clone(), pb.clone());
        match self.builtin_compare(op, &pa, &pb) {
            Err(e) if self.matches(&e, &self.g.exc.type_error.clone()) => Ok(None),
            r => r,
        }
    }

    /// `a + b` (`a += b` when `inplace`) for a str, list or tuple `a` whose right operand's
    /// special methods did not handle it: `list += iterable` extends the list; otherwise
    /// CPython's "can only concatenate" error. None when `a` is not one of these sequences.
    fn concat_fallback(&mut self, a: &Value, b: &Value, inplace: bool) -> PyResult<Option<Value>> {
        let Value::Obj(ao) = a else { return Ok(None) };
        match ao.payload() {
            Payload::List(l) if inplace => {
                let items = self.collect(b)?;
                l.extend(self.py, items);
                Ok(Some(a.clone()))
            }
            Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) => Err(self.concat_error(a, b)),
            Payload::Bytes(_) => {
                Err(self.type_error(format!("can't concat {} to bytes", self.type_name(b))))
            }
            _ => Ok(None),
        }
    }

    /// "can only concatenate list (not "int") to list", for a str, list or tuple `a`.
    fn concat_error(&self, a: &Value, b: &Value) -> crate::error::PyErr {
        let seq = self.type_name(a);
        self.type_error(format!(
            "can only concatenate {seq} (not \"{}\") to {seq}",
            self.type_name(b)
        ))
    }

    /// Calls a special method of an instance's class, if defined; None if the method is
    /// missing or returned NotImplemented.
    pub fn try_dunder(&mut self, obj: &Value, name: &str, arg: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = obj else { return Ok(None) };
        if !has_python_class(o) {
            return Ok(None);
        }
        let name = self.intern(name);
        let ty = gilvm_object::types::type_of_obj(o).clone();
        let Some(m) = gilvm_object::types::lookup(self.py, &ty, &name) else {
            return Ok(None);
        };
        // A builtin sequence's repeat (an instance of a subclass of str, tuple or bytes)
        // takes only an integer count; anything else is the operator's error.
        if self.is_native_named(&m, "sq_repeat")
            && !crate::builtins::numbers::is_int(arg)
            && self
                .lookup_special_name(arg, &gilvm_object::static_name!(self.py, "__index__"))
                .is_none()
        {
            return Ok(None);
        }
        let r = self.call_method_value(&m, obj, &[arg.clone()])?;
        if self.is_not_implemented(&r) {
            return Ok(None);
        }
        Ok(Some(r))
    }

    // (Always inlined: `binary_op`, its hot caller, keeps it inline although
    // `binary_op_plain` calls it too.)
    #[inline(always)]
    fn numeric_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (Some(na), Some(nb)) = (as_num(a), as_num(b)) else {
            // A complex operand (issue 18), out of line.
            return crate::builtins::complex::binop_plain(self, op, a, b);
        };
        let is_float = matches!(na, Num::Float(_)) || matches!(nb, Num::Float(_));
        if is_float {
            let x = to_f64(a).unwrap();
            let y = to_f64(b).unwrap();
            if matches!(na, Num::Big(_)) && x.is_infinite()
                || matches!(nb, Num::Big(_)) && y.is_infinite()
            {
                return Err(self.overflow_error("int too large to convert to float"));
            }
            let r = match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::TrueDiv => {
                    if y == 0.0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    x / y
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    float_floordiv(x, y)
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    float_mod(x, y)
                }
                BinOp::Pow => return self.float_pow(x, y).map(Some),
                _ => return Ok(None),
            };
            return Ok(Some(Value::Float(r)));
        }
        // bool & | ^ bool is a bool.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Ok(Some(Value::Bool(*x & *y))),
                BinOp::Or => return Ok(Some(Value::Bool(*x | *y))),
                BinOp::Xor => return Ok(Some(Value::Bool(*x ^ *y))),
                _ => {}
            }
        }
        // Both ints.
        if let (Num::Int(x), Num::Int(y)) = (&na, &nb) {
            let (x, y) = (*x, *y);
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::FloorDiv => {
                    if y == 0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
                }
                BinOp::Mod => {
                    if y == 0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    x.checked_rem_euclid(y).map(|_| Integer::mod_floor(&x, &y))
                }
                BinOp::TrueDiv => {
                    if y == 0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                        return Ok(Some(Value::Float(x as f64 / y as f64)));
                    }
                    None
                }
                BinOp::And => Some(x & y),
                BinOp::Or => Some(x | y),
                BinOp::Xor => Some(x ^ y),
                BinOp::LShift => {
                    if y < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if y < 63 && (x == 0 || (x.unsigned_abs().leading_zeros() as i64) > y + 1) {
                        Some(x << y)
                    } else if x == 0 {
                        Some(0)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if y < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if y >= 64 {
                        if x < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        x >> y
                    })
                }
                BinOp::Pow => {
                    if y < 0 {
                        if x == 0 {
                            return Err(self.zero_division("zero to a negative power"));
                        }
                        return Ok(Some(Value::Float((x as f64).powf(y as f64))));
                    }
                    if y <= u32::MAX as i64 {
                        x.checked_pow(y as u32)
                    } else {
                        None
                    }
                }
                BinOp::MatMul => return Ok(None),
            };
            if let Some(r) = r {
                return Ok(Some(Value::Int(r)));
            }
        }
        // Big-int path: operate on references (no copy of a big operand), and on
        // `BigInt op i64` directly when the other operand is small.
        let (xs, xb) = match &na {
            Num::Int(i) => (Some(*i), None),
            Num::Big(v) => (None, Some(*v)),
            Num::Float(_) => return Ok(None),
        };
        let (ys, yb) = match &nb {
            Num::Int(i) => (Some(*i), None),
            Num::Big(v) => (None, Some(*v)),
            Num::Float(_) => return Ok(None),
        };
        match (op, xb, yb) {
            (BinOp::Add, Some(x), None) => return Ok(Some(self.new_bigint(x + ys.unwrap_or(0)))),
            (BinOp::Add, None, Some(y)) => return Ok(Some(self.new_bigint(y + xs.unwrap_or(0)))),
            (BinOp::Sub, Some(x), None) => return Ok(Some(self.new_bigint(x - ys.unwrap_or(0)))),
            (BinOp::Sub, None, Some(y)) => return Ok(Some(self.new_bigint(xs.unwrap_or(0) - y))),
            (BinOp::Mul, Some(x), None) => return Ok(Some(self.new_bigint(x * ys.unwrap_or(0)))),
            (BinOp::Mul, None, Some(y)) => return Ok(Some(self.new_bigint(y * xs.unwrap_or(0)))),
            _ => {}
        }
        let x_tmp;
        let x: &BigInt = match xb {
            Some(v) => v,
            None => {
                x_tmp = BigInt::from(xs.unwrap_or(0));
                &x_tmp
            }
        };
        let y_tmp;
        let y: &BigInt = match yb {
            Some(v) => v,
            None => {
                y_tmp = BigInt::from(ys.unwrap_or(0));
                &y_tmp
            }
        };
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                x.div_floor(y)
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                x.mod_floor(y)
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                return Ok(Some(Value::Float(self.int_true_div(x, y)?)));
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                // Zero shifted by any amount is zero (CPython answers before sizing).
                if x.is_zero() {
                    return Ok(Some(Value::Int(0)));
                }
                let s = y
                    .to_usize()
                    .ok_or_else(|| self.overflow_error("too many digits in integer"))?;
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match y.to_usize() {
                    Some(s) => x >> s,
                    None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let xf = to_f64(a).unwrap();
                    let yf = to_f64(b).unwrap();
                    return self.float_pow(xf, yf).map(Some);
                }
                match y.to_u32() {
                    Some(e) => num_traits::Pow::pow(x, e),
                    // Only 0, 1 and -1 have a representable power this large.
                    None if x.is_zero() || x.is_one() => x.clone(),
                    None if x == &BigInt::from(-1) => BigInt::from(if y.is_odd() { -1 } else { 1 }),
                    None => return Err(self.overflow_error("exponent too large")),
                }
            }
            BinOp::MatMul => return Ok(None),
        };
        Ok(Some(self.new_bigint(r)))
    }

    /// Correctly rounded int / int.
    fn int_true_div(&self, x: &BigInt, y: &BigInt) -> PyResult<f64> {
        if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
            if a.abs() < 9007199254740992.0 && b.abs() < 9007199254740992.0 {
                return Ok(a / b);
            }
        }
        // Scale so the quotient has 64+ significant bits, then round via f64 conversion.
        let neg = x.is_negative() != y.is_negative();
        let (xa, ya) = (x.abs(), y.abs());
        let shift = 70i64 - (xa.bits() as i64 - ya.bits() as i64);
        let q = if shift >= 0 {
            (&xa << shift as usize) / &ya
        } else {
            &xa / (&ya << (-shift) as usize)
        };
        let qf = q.to_f64().unwrap_or(f64::INFINITY);
        let r = qf * 2f64.powi(-shift as i32);
        if r.is_infinite() {
            return Err(self.overflow_error("integer division result too large for a float"));
        }
        Ok(if neg { -r } else { r })
    }

    pub fn float_pow(&self, x: f64, y: f64) -> PyResult {
        // CPython's order: an infinite exponent first (`(-0.0) ** -inf` is inf).
        if x == 0.0 && y < 0.0 && y.is_finite() {
            return Err(self.zero_division("zero to a negative power"));
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            // A complex result, as CPython's `float_pow` hands this case to complex.
            return crate::builtins::complex::float_pow_complex(self, x, y);
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.overflow_error("(34, 'Numerical result out of range')"));
        }
        Ok(Value::Float(r))
    }

    fn sequence_op(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        // bytearray (issue 18), out of line.
        if crate::builtins::bytearray::involved(a, b) {
            return crate::builtins::bytearray::binop(self, op, a, b, inplace);
        }
        let (Value::Obj(ao), bv) = (a, b) else {
            // int * sequence
            if op == BinOp::Mul && is_int(a) {
                if let Value::Obj(bo) = b {
                    if matches!(
                        bo.payload(),
                        Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
                    ) {
                        return self.sequence_op(op, b, a, false);
                    }
                }
            }
            return Ok(None);
        };
        match (ao.payload(), op) {
            (Payload::Str(s), BinOp::Add) => {
                // (A subclass of str on the right may define `__radd__`: exact strs only.)
                if let Some(t) = bv.as_exact_str() {
                    let mut r = String::with_capacity(s.as_str().len() + t.len());
                    r.push_str(s.as_str());
                    r.push_str(t);
                    return Ok(Some(self.new_str(r)));
                }
                if !defines_dunders(bv) {
                    return Err(self.concat_error(a, bv));
                }
            }
            (Payload::Str(s), BinOp::Mul) => {
                if is_int(bv) {
                    let n = self.repeat_count(bv)?;
                    if n == 1 {
                        return Ok(Some(a.clone()));
                    }
                    let r = crate::builtins::strings::repeat(
                        self,
                        s.as_str(),
                        n.min(i64::MAX as usize) as i64,
                    )?;
                    return Ok(Some(crate::builtins::strings::owned(self, r)));
                }
            }
            (Payload::Str(_), BinOp::Mod) => return self.percent_format(a, b).map(Some),
            (Payload::List(l), BinOp::Add) => {
                if let Value::Obj(bo) = bv {
                    if let Payload::List(m) = bo.payload() {
                        // `a += b` extends `a` in place in one two-object section;
                        // `a + b` reads both lists in one.
                        if inplace {
                            l.extend_from_list(self.py, m);
                            return Ok(Some(a.clone()));
                        }
                        let v = l.concat(self.py, m);
                        return Ok(Some(self.new_list(v)));
                    }
                }
                // An object that may define `__radd__` is tried before `list += iterable`
                // and before the error (`binary_op` ends in `concat_fallback`).
                if !defines_dunders(bv) {
                    if inplace {
                        let items = self.collect(bv)?;
                        l.extend(self.py, items);
                        return Ok(Some(a.clone()));
                    }
                    return Err(self.concat_error(a, bv));
                }
            }
            (Payload::List(l), BinOp::Mul) => {
                if is_int(bv) {
                    let n = self.repeat_count(bv)?;
                    let max = crate::builtins::containers::MAX_SEQ_ITEMS;
                    if inplace {
                        let mut old = Vec::new();
                        let ok = l.inplace_repeat(self.py, n, max, &mut old);
                        drop(old);
                        if !ok {
                            return Err(self.err(&self.g.exc.memory_error.clone(), ""));
                        }
                        return Ok(Some(a.clone()));
                    }
                    return match l.repeat(self.py, n, max) {
                        Some(r) => Ok(Some(self.new_list(r))),
                        None => Err(self.err(&self.g.exc.memory_error.clone(), "")),
                    };
                }
            }
            (Payload::Tuple(t), BinOp::Add) => {
                if let Value::Obj(bo) = bv {
                    if let Payload::Tuple(u) = bo.payload() {
                        let mut v = t.to_vec();
                        v.extend_from_slice(u);
                        return Ok(Some(self.new_tuple(v)));
                    }
                }
                if !defines_dunders(bv) {
                    return Err(self.concat_error(a, bv));
                }
            }
            (Payload::Tuple(t), BinOp::Mul) => {
                if is_int(bv) {
                    let n = self.repeat_count(bv)?;
                    // `t * 1` is `t` itself (tuples are immutable), as CPython's.
                    if n == 1 {
                        return Ok(Some(a.clone()));
                    }
                    let mut r = Vec::with_capacity(t.len() * n);
                    for _ in 0..n {
                        r.extend_from_slice(t);
                    }
                    return Ok(Some(self.new_tuple(r)));
                }
            }
            (Payload::Bytes(x), BinOp::Add) => {
                // Any bytes-like right operand (bytes, bytearray, memoryview, array).
                if let Some(y) = crate::buffer::bytes_like(self.py, bv) {
                    let mut v = x.to_vec();
                    v.extend_from_slice(&y);
                    return Ok(Some(Value::Obj(
                        self.new_obj(Owned::Bytes(v.into_boxed_slice())),
                    )));
                }
            }
            // PEP 461: `bytes % args`.
            (Payload::Bytes(x), BinOp::Mod) => {
                let x = x.to_vec();
                let r = self.percent_format_bytes(&x, bv)?;
                return Ok(Some(Value::Obj(
                    self.new_obj(Owned::Bytes(r.into_boxed_slice())),
                )));
            }
            (Payload::Bytes(x), BinOp::Mul) => {
                if is_int(bv) {
                    let n = self.repeat_count(bv)?;
                    let total = crate::builtins::containers::check_repeat(self, x.len(), n)?;
                    let mut v = Vec::with_capacity(total);
                    for _ in 0..n {
                        v.extend_from_slice(x);
                    }
                    return Ok(Some(Value::Obj(
                        self.new_obj(Owned::Bytes(v.into_boxed_slice())),
                    )));
                }
            }
            (
                Payload::Set(_) | Payload::FrozenSet(_),
                BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            ) => {
                return crate::builtins::set::binary_op(self, op, a, b, inplace);
            }
            (Payload::Dict(_), BinOp::Or) => {
                if let Value::Obj(bo) = bv {
                    if matches!(bo.payload(), Payload::Dict(_)) {
                        let target = if inplace {
                            ao.clone()
                        } else {
                            self.dict_copy(ao)?
                        };
                        self.dict_update_from(&target, b, None)?;
                        return Ok(Some(Value::Obj(target)));
                    }
                }
                // `d |= iterable_of_pairs` (dict.__ior__ accepts what dict.update accepts).
                if inplace
                    && !matches!(bv, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)))
                {
                    self.dict_update_from(ao, b, None)?;
                    return Ok(Some(a.clone()));
                }
            }
            _ => {}
        }
        Ok(None)
    }

    fn repeat_count(&self, v: &Value) -> PyResult<usize> {
        match v {
            Value::Int(i) => Ok((*i).max(0) as usize),
            Value::Bool(b) => Ok(*b as usize),
            _ => {
                let b = big(v).unwrap();
                if b.is_negative() {
                    Ok(0)
                } else {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
        }
    }

    /// Unary operators.
    pub fn unary_op(&mut self, op: UnOp, a: Value) -> PyResult {
        match op {
            UnOp::Not => return Ok(Value::Bool(!self.truthy(&a)?)),
            UnOp::Neg => match &a {
                Value::Int(i) => {
                    return Ok(i
                        .checked_neg()
                        .map(Value::Int)
                        .unwrap_or_else(|| self.new_bigint(-BigInt::from(*i))))
                }
                Value::Bool(b) => return Ok(Value::Int(-(*b as i64))),
                Value::Float(f) => return Ok(Value::Float(-f)),
                Value::Obj(o) => {
                    if let Payload::Int(b) = o.payload() {
                        return Ok(self.new_bigint(-b));
                    }
                    if let Some(r) = crate::builtins::complex::unary_plain(self, true, &a) {
                        return Ok(r);
                    }
                }
                _ => {}
            },
            UnOp::Pos => match &a {
                Value::Int(_) | Value::Float(_) => return Ok(a),
                Value::Bool(b) => return Ok(Value::Int(*b as i64)),
                Value::Obj(o) if matches!(o.payload(), Payload::Int(_) | Payload::Complex(_)) => {
                    return Ok(a)
                }
                _ => {}
            },
            UnOp::Invert => match &a {
                Value::Int(i) => return Ok(Value::Int(!i)),
                Value::Bool(b) => {
                    crate::builtins::numbers::warn_deprecation(self, INVERT_BOOL.to_string())?;
                    return Ok(Value::Int(!(*b as i64)));
                }
                Value::Obj(o) => {
                    if let Payload::Int(b) = o.payload() {
                        return Ok(self.new_bigint(-b - 1));
                    }
                }
                _ => {}
            },
        }
        let (name, sym) = match op {
            UnOp::Neg => ("__neg__", "-"),
            UnOp::Pos => ("__pos__", "+"),
            UnOp::Invert => ("__invert__", "~"),
            UnOp::Not => unreachable!(),
        };
        if let Value::Obj(o) = &a {
            if has_python_class(o) {
                if let Some(m) = self.lookup_special(&a, name) {
                    return self.call_method_value(&m, &a, &[]);
                }
            }
        }
        Err(self.type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            self.type_name(&a)
        )))
    }

    /// Rich comparison, returning a Python value (usually a bool).
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        if let Some(r) = self.builtin_compare(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        // Instances: the reflected operation of a subclass first, then a's, then b's.
        let a_ty = gilvm_object::types::type_of(a).clone();
        let b_ty = gilvm_object::types::type_of(b).clone();
        let swapped = op.swapped();
        let b_sub = !a_ty.is(&b_ty) && gilvm_object::types::is_subtype(&b_ty, &a_ty);
        if b_sub {
            if let Some(r) = self.try_dunder(b, swapped.dunder(), a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(a, op.dunder(), b)? {
            return Ok(r);
        }
        if !b_sub {
            if let Some(r) = self.try_dunder(b, swapped.dunder(), a)? {
                return Ok(r);
            }
        }
        // Instances of subclasses of builtins whose type has no comparison method (bytes):
        // the builtin comparison of the plain values (`builtin_sub.rs`).
        if let Some(r) = self.compare_plain(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Comparison of builtin values; None when it needs special methods.
    pub fn builtin_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && crate::bytes_warning::enabled() {
            crate::bytes_warning::check_compare(self, a, b)?;
        }
        let ord: Option<Ordering> = if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            match num_cmp(&x, &y) {
                Some(o) => Some(o),
                None => return Ok(Some(op == CmpOp::Ne)),
            }
        } else if let Some(r) = crate::builtins::complex::compare_plain(op, a, b) {
            // A complex operand (issue 18): `==`/`!=` with numbers, else the special
            // methods and the ordering error.
            return Ok(r);
        } else if let Some(r) = crate::builtins::bytearray::compare_plain(self, op, a, b) {
            return Ok(r);
        } else if let Some(r) = crate::builtins::memoryview::compare_plain(self, op, a, b) {
            return Ok(r);
        } else {
            match (a, b) {
                (Value::None, Value::None) => match op {
                    CmpOp::Eq => return Ok(Some(true)),
                    CmpOp::Ne => return Ok(Some(false)),
                    _ => None,
                },
                (Value::Obj(x), Value::Obj(y)) => match (x.payload(), y.payload()) {
                    (Payload::Str(s), Payload::Str(t)) => Some(s.as_str().cmp(t.as_str())),
                    (Payload::Bytes(s), Payload::Bytes(t)) => Some(s.cmp(t)),
                    (Payload::Tuple(s), Payload::Tuple(t)) => {
                        let (s, t) = (s.to_vec(), t.to_vec());
                        return self.seq_compare(op, &s, &t).map(Some);
                    }
                    (Payload::Slice(s), Payload::Slice(t)) => {
                        let (s, t) = (s.to_vec(), t.to_vec());
                        return self.seq_compare(op, &s, &t).map(Some);
                    }
                    // Issue 19: bound methods compare by receiver and function.
                    (Payload::BoundMethod(_), Payload::BoundMethod(_))
                    | (Payload::BuiltinFunction(_), Payload::BuiltinFunction(_))
                        if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                    {
                        let eq = gilvm_object::keys::builtin_eq(a, b) == Some(true);
                        return Ok(Some(eq == (op == CmpOp::Eq)));
                    }
                    (Payload::List(s), Payload::List(t)) => {
                        let (s, t) = s.snapshot2(self.py, t);
                        return self.seq_compare(op, &s, &t).map(Some);
                    }
                    (Payload::Dict(_), Payload::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                        let eq = self.dict_eq(x, y)?;
                        return Ok(Some(eq == (op == CmpOp::Eq)));
                    }
                    (
                        Payload::Set(_) | Payload::FrozenSet(_),
                        Payload::Set(_) | Payload::FrozenSet(_),
                    ) => {
                        return self.set_compare(op, x, y).map(Some);
                    }
                    (Payload::Range(r), Payload::Range(s))
                        if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                    {
                        let same = r.len() == s.len()
                            && (r.len() == 0
                                || (r.start == s.start && (r.len() == 1 || r.step == s.step)));
                        return Ok(Some(same == (op == CmpOp::Eq)));
                    }
                    _ if has_python_class(x) || has_python_class(y) => return Ok(None),
                    _ => None,
                },
                (Value::Obj(x), _) | (_, Value::Obj(x)) if has_python_class(x) => return Ok(None),
                _ => None,
            }
        };
        match ord {
            Some(o) => Ok(Some(match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Le => o != Ordering::Greater,
                CmpOp::Eq => o == Ordering::Equal,
                CmpOp::Ne => o != Ordering::Equal,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::Ge => o != Ordering::Less,
            })),
            None => match op {
                CmpOp::Eq => Ok(Some(a.is(b))),
                CmpOp::Ne => Ok(Some(!a.is(b))),
                _ => Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a),
                    self.type_name(b)
                ))),
            },
        }
    }

    /// Lexicographic comparison of sequences.
    fn seq_compare(&mut self, op: CmpOp, s: &[Value], t: &[Value]) -> PyResult<bool> {
        for (x, y) in s.iter().zip(t.iter()) {
            if x.is(y) {
                continue;
            }
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, x, y)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        let o = s.len().cmp(&t.len());
        Ok(match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        })
    }

    /// `a == b` as a bool.
    #[inline]
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) && !matches!(a, Value::Float(f) if f.is_nan()) {
            return Ok(true);
        }
        if let Some(r) = gilvm_object::keys::builtin_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (used by sorting, min and max).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            _ => {
                let r = self.compare(CmpOp::Lt, a, b)?;
                match r {
                    Value::Bool(b) => Ok(b),
                    other => self.truthy(&other),
                }
            }
        }
    }

    /// The special method `name` of an instance's class.
    pub fn lookup_special(&self, obj: &Value, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup_special_name(obj, &n)
    }

    /// [`Interp::lookup_special`] with the name already interned (`static_name!`).
    #[inline]
    pub fn lookup_special_name(&self, obj: &Value, name: &ObjRef) -> Option<Value> {
        let ty = gilvm_object::types::type_of(obj);
        gilvm_object::types::lookup(self.py, ty, name)
    }

    /// For a class whose metaclass is not `type`: the special method `name` defined by the
    /// metaclass (or a metaclass base) in Python, not one it inherits from `type` or
    /// `object` (those give the builtin behaviour of classes).
    pub fn meta_special(&self, o: &ObjRef, name: &str) -> Option<Value> {
        let Payload::Type(t) = o.payload() else {
            return None;
        };
        let m = t.metatype.as_ref()?;
        let n = self.intern(name);
        let found = gilvm_object::types::lookup(self.py, m, &n)?;
        match gilvm_object::types::lookup(self.py, &self.g.types.type_, &n) {
            Some(b) if b.is(&found) => None,
            _ => Some(found),
        }
    }

    /// Calls an attribute found on the type as a method of `obj`.
    pub fn call_method_value(&mut self, m: &Value, obj: &Value, args: &[Value]) -> PyResult {
        if let Value::Obj(mo) = m {
            match mo.payload() {
                Payload::StaticMethod(f) => {
                    let f = f.clone();
                    return self.call1(&f, args);
                }
                Payload::ClassMethod(f) => {
                    let f = f.clone();
                    let cls = Value::Obj(gilvm_object::types::type_of(obj).clone());
                    let mut v = vec![cls];
                    v.extend_from_slice(args);
                    return self.call1(&f, &v);
                }
                // An instance in the type's dict is bound by its own `__get__` (it may
                // raise), or called without the object when it has none, as CPython's
                // special method lookup.
                Payload::Instance(_) => {
                    let ty = gilvm_object::types::type_of(obj).clone();
                    let b = self.bind_attr(m.clone(), obj, &ty)?;
                    return self.call1(&b, args);
                }
                // A bound method stored on a class is not bound again (its `__get__` gives
                // it back): ElementTree's `iterparse` sets `__next__ = gen.__next__`.
                Payload::BoundMethod(_) => return self.call1(m, args),
                _ => {}
            }
        }
        let mut v = self.take_vec(args.len() + 1);
        v.push(obj.clone());
        v.extend_from_slice(args);
        let r = self.call1(m, &v);
        self.give_vec(v);
        r
    }

    /// Calls a method by name on a value (`obj.name(*args)`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult {
        let n: ObjRef = self.intern(name);
        let (m, recv) = self.load_method(obj.clone(), &n)?;
        if recv.is_undef() {
            self.call1(&m, args)
        } else {
            let mut v = vec![recv];
            v.extend_from_slice(args);
            self.call1(&m, &v)
        }
    }
}
