//! The special methods of `str` (`__add__`, `__eq__`, `__getitem__`, …) as callable
//! methods, so `str.__add__(a, b)` and explicit dunder calls work, and the `chr` and `ord`
//! builtins. The interpreter's operators use their own fast paths, not these.
use gilvm_object::code::CmpOp;
use gilvm_object::payload::Payload;
use gilvm_object::str::PyStr;
use gilvm_object::Value;

use super::strings::{as_pystr, margs, owned, repeat, ssize_arg};
use super::{add_builtin, add_method};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Receiver and arguments of a slot wrapper (`str.__add__` & co.), with CPython's
/// wrapper-descriptor messages.
fn dargs<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    n: usize,
) -> PyResult<(&'a Value, &'a PyStr, &'a [Value])> {
    let Some(v) = args.pos().first() else {
        return Err(interp.type_error(format!(
            "descriptor '{name}' of 'str' object needs an argument"
        )));
    };
    let Some(s) = as_pystr(v) else {
        return Err(interp.type_error(format!(
            "descriptor '{name}' requires a 'str' object but received a '{}'",
            interp.type_name(v)
        )));
    };
    // An instance of a subclass of str: the plain str it holds (`builtin_sub.rs`).
    let v = v.base_value();
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name} takes no keyword arguments")));
    }
    let rest = &args.pos()[1..];
    if rest.len() != n {
        return Err(interp.type_error(format!(
            "expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok((v, s, rest))
}

// ---- special methods ----

fn str_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = dargs(interp, &args, "__len__", 0)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn str_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, a) = dargs(interp, &args, "__contains__", 1)?;
    match a[0].as_str() {
        Some(t) => Ok(Value::Bool(
            t.is_empty() || super::strings::find_str(s.as_str(), t).is_some(),
        )),
        None => Err(interp.type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            interp.type_name(&a[0])
        ))),
    }
}

fn str_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, a) = dargs(interp, &args, "__getitem__", 1)?;
    interp.getitem(sv, &a[0])
}

fn str_add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, a) = dargs(interp, &args, "__add__", 1)?;
    match a[0].as_str() {
        Some(t) => {
            let mut r = String::with_capacity(s.as_str().len() + t.len());
            r.push_str(s.as_str());
            r.push_str(t);
            Ok(owned(interp, r))
        }
        None => Err(interp.type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            interp.type_name(&a[0])
        ))),
    }
}

fn str_mul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, a) = dargs(interp, &args, "__mul__", 1)?;
    let n = match a[0].base_value() {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        v => match v.to_bigint() {
            Some(b) if b.sign() == num_bigint::Sign::Minus => 0,
            Some(_) => {
                return Err(interp.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            None => ssize_arg(interp, v)?,
        },
    };
    if n == 1 {
        return Ok(sv.clone());
    }
    let r = repeat(interp, s.as_str(), n)?;
    Ok(owned(interp, r))
}

fn str_mod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, a) = dargs(interp, &args, "__mod__", 1)?;
    interp.percent_format(sv, &a[0])
}

fn str_rmod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, a) = dargs(interp, &args, "__rmod__", 1)?;
    if as_pystr(&a[0]).is_some() {
        return interp.percent_format(&a[0], sv);
    }
    Ok(interp.not_implemented())
}

fn cmp_impl(interp: &mut Interp, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    let (_, s, a) = dargs(interp, &args, name, 1)?;
    let Some(t) = as_pystr(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    let o = s.as_str().cmp(t.as_str());
    use std::cmp::Ordering::*;
    Ok(Value::Bool(match op {
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }))
}

fn str_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp_impl(interp, args, "__eq__", CmpOp::Eq)
}
fn str_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp_impl(interp, args, "__ne__", CmpOp::Ne)
}
fn str_lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp_impl(interp, args, "__lt__", CmpOp::Lt)
}
fn str_le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp_impl(interp, args, "__le__", CmpOp::Le)
}
fn str_gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp_impl(interp, args, "__gt__", CmpOp::Gt)
}
fn str_ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp_impl(interp, args, "__ge__", CmpOp::Ge)
}

fn str_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, _) = dargs(interp, &args, "__hash__", 0)?;
    Ok(Value::Int(interp.hash(sv)?))
}

fn str_str(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, _) = dargs(interp, &args, "__str__", 0)?;
    Ok(sv.clone())
}

fn str_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = dargs(interp, &args, "__repr__", 0)?;
    Ok(interp.new_str(crate::repr::str_repr(s.as_str())))
}

fn str_format_method(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, a) = margs(interp, &args, "__format__", 1, 1)?;
    let spec = a[0].as_str().ok_or_else(|| {
        interp.type_error(format!(
            "__format__() argument must be str, not {}",
            interp.type_name(&a[0])
        ))
    })?;
    // An empty spec is `str(self)`: a subclass's own `__str__`.
    if spec.is_empty() {
        return interp.str_value(&args.pos()[0]);
    }
    interp.format(sv, spec)
}

fn str_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, _) = dargs(interp, &args, "__iter__", 0)?;
    // An instance of a subclass is held by its iterator (it lives as long as the iteration).
    crate::builtins::containers::subclass_seq_iter(interp, &args.pos()[0])
        .map_or_else(|| interp.iter(sv), Ok)
}

fn str_getnewargs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, _, _) = margs(interp, &args, "__getnewargs__", 0, 0)?;
    Ok(interp.new_tuple(vec![sv.clone()]))
}

// ---- chr / ord ----

fn ord(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "ord", 1, 1)?;
    if let Some(s) = as_pystr(&a[0]) {
        if s.char_len() == 1 {
            return Ok(Value::Int(
                s.as_str()
                    .chars()
                    .next()
                    .map_or(0, |c| gilvm_object::surrogate::code(c) as i64),
            ));
        }
        return Err(interp.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        )));
    }
    if let Value::Obj(o) = &a[0] {
        if let Payload::Bytes(b) = o.payload() {
            if b.len() == 1 {
                return Ok(Value::Int(b[0] as i64));
            }
            return Err(interp.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
    }
    Err(interp.type_error(format!(
        "ord() expected string of length 1, but {} found",
        interp.type_name(&a[0])
    )))
}

/// `chr(i)` for an already converted code point.
pub(crate) fn chr_value(interp: &Interp, i: i64) -> PyResult {
    if !(0..0x110000).contains(&i) {
        return Err(interp.value_error("chr() arg not in range(0x110000)"));
    }
    match gilvm_object::surrogate::from_code(i as u32) {
        Some(c) => Ok(interp.char_str(c)),
        None => Err(interp.value_error(format!(
            "chr() arg {i:#x} is one of the code points U+10F000..U+10F7FF that gilvm reserves to store lone surrogates"
        ))),
    }
}

fn chr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "chr", 1, 1)?;
    let i = match &a[0] {
        Value::Float(_) => {
            return Err(interp.type_error("'float' object cannot be interpreted as an integer"))
        }
        v => match interp.index_value(v) {
            Ok(i) => i,
            // Any int out of range, however large, is a ValueError in 3.14.
            Err(e) if interp.matches(&e, &interp.g.exc.overflow_error.clone()) => {
                return Err(interp.value_error("chr() arg not in range(0x110000)"))
            }
            Err(e) => return Err(e),
        },
    };
    chr_value(interp, i)
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.str_.clone();
    let m = |i: &mut Interp, n: &'static str, f: crate::interp::NativeFn| add_method(i, &t, n, f);
    m(interp, "__len__", str_len);
    m(interp, "__contains__", str_contains);
    m(interp, "__getitem__", str_getitem);
    m(interp, "__add__", str_add);
    super::add_repeat(interp, &t, str_mul);
    m(interp, "__mod__", str_mod);
    m(interp, "__rmod__", str_rmod);
    m(interp, "__eq__", str_eq);
    m(interp, "__ne__", str_ne);
    m(interp, "__lt__", str_lt);
    m(interp, "__le__", str_le);
    m(interp, "__gt__", str_gt);
    m(interp, "__ge__", str_ge);
    m(interp, "__hash__", str_hash);
    m(interp, "__str__", str_str);
    m(interp, "__repr__", str_repr);
    m(interp, "__format__", str_format_method);
    m(interp, "__iter__", str_iter);
    m(interp, "__getnewargs__", str_getnewargs);
    add_builtin(interp, "chr", chr);
    add_builtin(interp, "ord", ord);
}
