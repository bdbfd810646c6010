//! `str` case conversion (`upper`, `lower`, `title`, …), classification (`isdigit`, …),
//! padding (`center`, `zfill`, `expandtabs`, …) and `maketrans`/`translate`.
use std::collections::HashMap;

use gilvm_object::payload::Payload;
use gilvm_object::Value;

use super::str_unicode::{self as uni, has};
use super::strings::{as_pystr, margs, owned, ssize_arg, str_arg};
use super::{add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

// ---- case conversion ----

fn map_chars(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    ascii: fn(&str) -> String,
    f: fn(&str, usize, char, &mut String),
) -> PyResult {
    let (sv, s, _) = margs(interp, &args, name, 0, 0)?;
    let text = s.as_str();
    if text.is_empty() {
        return Ok(sv.clone());
    }
    if s.is_ascii() {
        return Ok(owned(interp, ascii(text)));
    }
    let mut out = String::with_capacity(text.len() + 4);
    for (i, c) in text.char_indices() {
        f(text, i, c, &mut out);
    }
    Ok(owned(interp, out))
}

fn upper(interp: &mut Interp, args: Args<'_>) -> PyResult {
    map_chars(
        interp,
        args,
        "upper",
        |t| t.to_ascii_uppercase(),
        |_, _, c, o| uni::push_upper(c, o),
    )
}

fn lower(interp: &mut Interp, args: Args<'_>) -> PyResult {
    map_chars(
        interp,
        args,
        "lower",
        |t| t.to_ascii_lowercase(),
        uni::push_lower_at,
    )
}

fn casefold(interp: &mut Interp, args: Args<'_>) -> PyResult {
    map_chars(
        interp,
        args,
        "casefold",
        |t| t.to_ascii_lowercase(),
        |_, _, c, o| uni::push_fold(c, o),
    )
}

fn swapcase(interp: &mut Interp, args: Args<'_>) -> PyResult {
    fn ascii(t: &str) -> String {
        t.chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    }
    map_chars(interp, args, "swapcase", ascii, |t, i, c, o| {
        if uni::is_upper(c) {
            uni::push_lower_at(t, i, c, o)
        } else if uni::is_lower(c) {
            uni::push_upper(c, o)
        } else {
            o.push(c)
        }
    })
}

fn title(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, _) = margs(interp, &args, "title", 0, 0)?;
    let text = s.as_str();
    if text.is_empty() {
        return Ok(sv.clone());
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev_cased = false;
    if s.is_ascii() {
        for c in text.chars() {
            out.push(if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
            prev_cased = c.is_ascii_alphabetic();
        }
    } else {
        for (i, c) in text.char_indices() {
            if prev_cased {
                uni::push_lower_at(text, i, c, &mut out);
            } else {
                uni::push_title(c, &mut out);
            }
            prev_cased = uni::is_cased(c);
        }
    }
    Ok(owned(interp, out))
}

fn capitalize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, _) = margs(interp, &args, "capitalize", 0, 0)?;
    let text = s.as_str();
    if text.is_empty() {
        return Ok(sv.clone());
    }
    let mut out = String::with_capacity(text.len() + 4);
    if s.is_ascii() {
        out.push(text.as_bytes()[0].to_ascii_uppercase() as char);
        out.push_str(&text[1..].to_ascii_lowercase());
    } else {
        for (i, c) in text.char_indices() {
            if i == 0 {
                uni::push_title(c, &mut out);
            } else {
                uni::push_lower_at(text, i, c, &mut out);
            }
        }
    }
    Ok(owned(interp, out))
}

// ---- classification ----

/// True when the string is non-empty and every character has one of `flags`.
fn all_have(interp: &mut Interp, args: Args<'_>, name: &str, flags: u16) -> PyResult {
    let (_, s, _) = margs(interp, &args, name, 0, 0)?;
    let text = s.as_str();
    Ok(Value::Bool(
        !text.is_empty() && text.chars().all(|c| has(c, flags)),
    ))
}

fn isalpha(interp: &mut Interp, args: Args<'_>) -> PyResult {
    all_have(interp, args, "isalpha", uni::ALPHA)
}
fn isdecimal(interp: &mut Interp, args: Args<'_>) -> PyResult {
    all_have(interp, args, "isdecimal", uni::DECIMAL)
}
fn isdigit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    all_have(interp, args, "isdigit", uni::DIGIT)
}
fn isnumeric(interp: &mut Interp, args: Args<'_>) -> PyResult {
    all_have(interp, args, "isnumeric", uni::NUMERIC)
}
fn isalnum(interp: &mut Interp, args: Args<'_>) -> PyResult {
    all_have(
        interp,
        args,
        "isalnum",
        uni::ALPHA | uni::DECIMAL | uni::DIGIT | uni::NUMERIC,
    )
}
fn isspace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    all_have(interp, args, "isspace", uni::SPACE)
}

fn isprintable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = margs(interp, &args, "isprintable", 0, 0)?;
    Ok(Value::Bool(
        s.as_str().chars().all(|c| has(c, uni::PRINTABLE)),
    ))
}

fn isascii(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = margs(interp, &args, "isascii", 0, 0)?;
    Ok(Value::Bool(s.is_ascii()))
}

fn isupper(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = margs(interp, &args, "isupper", 0, 0)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if uni::is_lower(c) || uni::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= uni::is_upper(c);
    }
    Ok(Value::Bool(cased))
}

fn islower(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = margs(interp, &args, "islower", 0, 0)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if uni::is_upper(c) || uni::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= uni::is_lower(c);
    }
    Ok(Value::Bool(cased))
}

fn istitle(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = margs(interp, &args, "istitle", 0, 0)?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.as_str().chars() {
        if uni::is_upper(c) || uni::is_title(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if uni::is_lower(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// `str.isidentifier` for a Rust string.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || has(c, uni::XID_START) => it.all(|c| has(c, uni::XID_CONTINUE)),
        _ => false,
    }
}

fn isidentifier(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s, _) = margs(interp, &args, "isidentifier", 0, 0)?;
    Ok(Value::Bool(is_identifier(s.as_str())))
}

// ---- padding ----

/// The `fillchar` argument of center/ljust/rjust.
fn fill_char(interp: &Interp, v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => match as_pystr(v) {
            Some(s) if s.char_len() == 1 => Ok(s.as_str().chars().next().unwrap_or(' ')),
            Some(_) => {
                Err(interp.type_error("The fill character must be exactly one character long"))
            }
            None => Err(interp.type_error(format!(
                "The fill character must be a unicode character, not {}",
                interp.type_name(v)
            ))),
        },
    }
}

fn pad_impl(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let (sv, s, a) = margs(interp, &args, name, 1, 2)?;
    let width = ssize_arg(interp, &a[0])?;
    let fill = fill_char(interp, a.get(1))?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(sv.clone());
    }
    let marg = (width - len) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    let text = s.as_str();
    let total = (text.len() as u128) + (marg as u128) * (fill.len_utf8() as u128);
    if total > isize::MAX as u128 {
        return Err(interp.overflow_error("padded string is too long"));
    }
    let mut out = String::new();
    if out.try_reserve_exact(total as usize).is_err() {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(owned(interp, out))
}

fn center(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pad_impl(interp, args, "center")
}
fn ljust(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pad_impl(interp, args, "ljust")
}
fn rjust(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pad_impl(interp, args, "rjust")
}

fn zfill(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, a) = margs(interp, &args, "zfill", 1, 1)?;
    let width = ssize_arg(interp, &a[0])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(sv.clone());
    }
    let fill = (width - len) as usize;
    let text = s.as_str();
    let mut out = String::new();
    if out.try_reserve_exact(fill + text.len()).is_err() {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') | Some(b'-') => text.split_at(1),
        _ => ("", text),
    };
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(owned(interp, out))
}

fn expandtabs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s) = super::strings::recv(interp, &args, "expandtabs")?;
    let mut p = [None];
    super::strings::kwparams(interp, &args, "expandtabs", &["tabsize"], 0, &mut p)?;
    let tabsize = match p[0] {
        None => 8,
        Some(v) => {
            let t = ssize_arg(interp, v).map_err(|e| {
                if interp.matches(&e, &interp.g.exc.overflow_error.clone()) {
                    interp.overflow_error("Python int too large to convert to C int")
                } else {
                    e
                }
            })?;
            if t < i32::MIN as i64 || t > i32::MAX as i64 {
                return Err(interp.overflow_error("Python int too large to convert to C int"));
            }
            t
        }
    };
    let text = s.as_str();
    if !text.contains('\t') {
        return Ok(sv.clone());
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut col: u64 = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize as u64 - col % tabsize as u64;
                    if out.len() as u64 + n > isize::MAX as u64 {
                        return Err(interp.overflow_error("new string is too long"));
                    }
                    if out.try_reserve(n as usize).is_err() {
                        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(owned(interp, out))
}

// ---- maketrans / translate ----

fn maketrans(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "maketrans", 1, 3)?;
    let d = interp.new_dict_obj();
    if a.len() == 1 {
        let Value::Obj(src) = &a[0] else {
            return Err(
                interp.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        if !matches!(src.payload(), Payload::Dict(_)) {
            return Err(
                interp.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        for (k, v) in interp.dict_items(src)? {
            let key =
                match &k {
                    Value::Int(_) | Value::Bool(_) => k.clone(),
                    _ => match as_pystr(&k) {
                        Some(s) if s.char_len() == 1 => Value::Int(
                            s.as_str()
                                .chars()
                                .next()
                                .map_or(0, |c| gilvm_object::surrogate::code(c) as i64),
                        ),
                        // CPython 3.14's messages, spacing as it prints them.
                        Some(_) => {
                            return Err(interp
                                .value_error("string keys in translatetable must be of length 1"))
                        }
                        None if k.to_bigint().is_some() => k.clone(),
                        None => {
                            return Err(interp
                                .type_error("keys in translate table mustbe strings or integers"))
                        }
                    },
                };
            interp.dict_set(&d, key, v)?;
        }
        return Ok(Value::Obj(d));
    }
    let x = str_arg(interp, &a[0], "maketrans() argument 1 must be str")?;
    let y = str_arg(interp, &a[1], "maketrans() argument 2 must be str")?;
    if x.char_len() != y.char_len() {
        return Err(interp.value_error("the first two maketrans arguments must have equal length"));
    }
    for (c, t) in x.as_str().chars().zip(y.as_str().chars()) {
        let (c, t) = (
            gilvm_object::surrogate::code(c),
            gilvm_object::surrogate::code(t),
        );
        interp.dict_set(&d, Value::Int(c as i64), Value::Int(t as i64))?;
    }
    if let Some(z) = a.get(2) {
        let z = str_arg(interp, z, "maketrans() argument 3 must be str")?;
        for c in z.as_str().chars() {
            let c = gilvm_object::surrogate::code(c);
            interp.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

/// What a translation table says about one character.
#[derive(Clone)]
enum Tr {
    Keep,
    Delete,
    Char(char),
    Text(String),
}

fn translate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, a) = margs(interp, &args, "translate", 1, 1)?;
    let table = &a[0];
    let lookup_err = interp.g.exc.lookup_error.clone();
    let mut cache: HashMap<char, Tr> = HashMap::new();
    let mut out = String::with_capacity(s.as_str().len());
    let mut changed = false;
    for c in s.as_str().chars() {
        let tr = match cache.get(&c) {
            Some(t) => t.clone(),
            None => {
                let key = Value::Int(gilvm_object::surrogate::code(c) as i64);
                // (A subclass of int or str in the table maps as its plain value.)
                let t = match interp.getitem(table, &key).map(|v| v.base_value().clone()) {
                    Ok(Value::None) => Tr::Delete,
                    Ok(Value::Bool(b)) => Tr::Char(if b { '\u{1}' } else { '\0' }),
                    Ok(Value::Int(i)) => {
                        if !(0..0x110000).contains(&i) {
                            return Err(
                                interp.value_error("character mapping must be in range(0x110000)")
                            );
                        }
                        match gilvm_object::surrogate::from_code(i as u32) {
                            Some(m) => Tr::Char(m),
                            None => {
                                return Err(interp.value_error(
                                    "character mapping to one of the code points U+10F000..U+10F7FF that gilvm reserves to store lone surrogates",
                                ))
                            }
                        }
                    }
                    Ok(v) => match as_pystr(&v) {
                        Some(m) => Tr::Text(m.as_str().to_string()),
                        None if v.to_bigint().is_some() => {
                            return Err(
                                interp.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                        None => {
                            return Err(interp
                                .type_error("character mapping must return integer, None or str"))
                        }
                    },
                    Err(e) if interp.matches(&e, &lookup_err) => Tr::Keep,
                    Err(e) => return Err(e),
                };
                cache.insert(c, t.clone());
                t
            }
        };
        match tr {
            Tr::Keep => out.push(c),
            Tr::Delete => changed = true,
            Tr::Char(m) => {
                changed |= m != c;
                out.push(m)
            }
            Tr::Text(t) => {
                changed = true;
                out.push_str(&t)
            }
        }
    }
    if !changed {
        return Ok(sv.clone());
    }
    Ok(owned(interp, out))
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.str_.clone();
    let m = |i: &mut Interp, n: &'static str, f: crate::interp::NativeFn| add_method(i, &t, n, f);
    m(interp, "upper", upper);
    m(interp, "lower", lower);
    m(interp, "casefold", casefold);
    m(interp, "swapcase", swapcase);
    m(interp, "title", title);
    m(interp, "capitalize", capitalize);
    m(interp, "isalpha", isalpha);
    m(interp, "isdecimal", isdecimal);
    m(interp, "isdigit", isdigit);
    m(interp, "isnumeric", isnumeric);
    m(interp, "isalnum", isalnum);
    m(interp, "isspace", isspace);
    m(interp, "isprintable", isprintable);
    m(interp, "isascii", isascii);
    m(interp, "isupper", isupper);
    m(interp, "islower", islower);
    m(interp, "istitle", istitle);
    m(interp, "isidentifier", isidentifier);
    m(interp, "center", center);
    m(interp, "ljust", ljust);
    m(interp, "rjust", rjust);
    m(interp, "zfill", zfill);
    m(interp, "expandtabs", expandtabs);
    m(interp, "translate", translate);
    add_static(interp, &t, "maketrans", maketrans);
}
