//! `str.format` and `str.format_map`: CPython's `unicode_format.h` (MarkupIterator,
//! field-name parsing with `.attr` and `[key]`, conversions, nested replacement fields in
//! the format spec, automatic/manual numbering). Values are formatted with
//! `Interp::format`.
use std::fmt::Write as _;

use gilvm_object::Value;

use super::add_method;
use super::str_unicode::decimal_value;
use super::strings::{margs, owned, recv};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// Where replacement fields take their values from.
enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Call(Args<'a>),
    /// `str.format_map(mapping)`.
    Map(&'a Value),
}

/// Automatic field numbering state (`AutoNumber`).
#[derive(PartialEq, Eq, Clone, Copy)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Auto {
    state: AutoState,
    next: i64,
}

/// `get_integer`: the decimal value of a field name, None if it is not all digits.
fn get_integer(interp: &Interp, s: &str) -> PyResult<Option<i64>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(interp.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// One parsed replacement field.
struct Field<'f> {
    name: &'f str,
    conversion: Option<char>,
    spec: &'f str,
    spec_needs_expanding: bool,
}

/// `parse_field`: parses the field starting at byte `*i` (just after its `{`).
fn parse_field<'f>(interp: &Interp, f: &'f str, i: &mut usize) -> PyResult<Field<'f>> {
    let b = f.as_bytes();
    let n = b.len();
    let start = *i;
    let mut c = 0u8;
    let mut terminated = false;
    while *i < n {
        c = b[*i];
        *i += 1;
        match c {
            b'{' => return Err(interp.value_error("unexpected '{' in field name")),
            b'[' => {
                while *i < n && b[*i] != b']' {
                    *i += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => {
                terminated = true;
                break;
            }
            _ => continue,
        }
    }
    if !terminated {
        return Err(interp.value_error("expected '}' before end of string"));
    }
    let name = &f[start..*i - 1];
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            if *i >= n {
                return Err(
                    interp.value_error("end of string while looking for conversion specifier")
                );
            }
            let conv = f[*i..].chars().next().unwrap_or('\0');
            *i += conv.len_utf8();
            field.conversion = Some(conv);
            if *i < n {
                let c2 = b[*i];
                *i += 1;
                if c2 == b'}' {
                    return Ok(field);
                }
                if c2 != b':' {
                    return Err(interp.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let sstart = *i;
        let mut count = 1;
        while *i < n {
            let c = b[*i];
            *i += 1;
            match c {
                b'{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = &f[sstart..*i - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(interp.value_error("unmatched '{' in format spec"));
    }
    if c != b'}' {
        return Err(interp.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// `get_field_object`: the value a field name designates.
fn get_field(interp: &mut Interp, name: &str, src: &Source<'_>, auto: &mut Auto) -> PyResult {
    let nb = name.as_bytes();
    let mut k = 0;
    while k < nb.len() && nb[k] != b'.' && nb[k] != b'[' {
        k += 1;
    }
    let (first, rest) = name.split_at(k);
    let mut idx = get_integer(interp, first)?;
    let is_empty = first.is_empty();
    if is_empty || idx.is_some() {
        if auto.state == AutoState::Init {
            auto.state = if is_empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if auto.state == AutoState::Manual && is_empty {
            return Err(interp.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == AutoState::Auto && !is_empty {
            return Err(interp.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if is_empty {
            idx = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match (idx, src) {
        (None, Source::Call(args)) => match args.kw(first) {
            Some(v) => v.clone(),
            None => return Err(interp.key_error(interp.new_str(first))),
        },
        (None, Source::Map(m)) => {
            let key = interp.new_str(first);
            interp.getitem(m, &key)?
        }
        (Some(i), Source::Call(args)) => match args.pos().get(1 + i as usize) {
            Some(v) => v.clone(),
            None => {
                return Err(interp.index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                )))
            }
        },
        (Some(_), Source::Map(_)) => {
            return Err(interp.value_error("Format string contains positional fields"))
        }
    };
    let rb = rest.as_bytes();
    let mut j = 0;
    while j < rb.len() {
        let c = rb[j];
        j += 1;
        match c {
            b'.' => {
                let s = j;
                while j < rb.len() && rb[j] != b'.' && rb[j] != b'[' {
                    j += 1;
                }
                let attr = &rest[s..j];
                if attr.is_empty() {
                    return Err(interp.value_error("Empty attribute in format string"));
                }
                let n = interp.intern(attr);
                obj = interp.getattr(&obj, &n)?;
            }
            b'[' => {
                let s = j;
                while j < rb.len() && rb[j] != b']' {
                    j += 1;
                }
                if j >= rb.len() {
                    return Err(interp.value_error("Missing ']' in format string"));
                }
                let key = &rest[s..j];
                j += 1;
                if key.is_empty() {
                    return Err(interp.value_error("Empty attribute in format string"));
                }
                let kv = match get_integer(interp, key)? {
                    Some(i) => Value::Int(i),
                    None => interp.new_str(key),
                };
                obj = interp.getitem(&obj, &kv)?;
            }
            _ => {
                return Err(
                    interp.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        }
    }
    Ok(obj)
}

/// Appends `format(obj, spec)`.
fn render(interp: &mut Interp, obj: &Value, spec: &str, out: &mut String) -> PyResult<()> {
    if spec.is_empty() {
        // (An exact str only: a subclass's `__format__`/`__str__` may differ from its text.)
        if let Some(s) = obj.as_exact_str() {
            out.push_str(s);
            return Ok(());
        }
        if let Value::Int(i) = obj {
            let _ = write!(out, "{i}");
            return Ok(());
        }
    }
    let r = interp.format(obj, spec)?;
    match r.as_str() {
        Some(s) => {
            out.push_str(s);
            Ok(())
        }
        None => Err(interp.type_error(format!(
            "__format__ must return a str, not {}",
            interp.type_name(&r)
        ))),
    }
}

/// `build_string` + `output_markup`: formats `f` into `out`.
fn build(
    interp: &mut Interp,
    f: &str,
    src: &Source<'_>,
    depth: i32,
    auto: &mut Auto,
    out: &mut String,
) -> PyResult<()> {
    if depth <= 0 {
        return Err(interp.value_error("Max string recursion exceeded"));
    }
    let b = f.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut c = 0u8;
        let mut markup = false;
        while i < n {
            c = b[i];
            i += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = i >= n;
        let mut len = i - start;
        if markup && c == b'}' && (at_end || b[i] != b'}') {
            return Err(interp.value_error("Single '}' encountered in format string"));
        }
        if markup && at_end && c == b'{' {
            return Err(interp.value_error("Single '{' encountered in format string"));
        }
        if markup {
            if b[i] == c {
                // An escaped brace: the literal keeps one.
                i += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.push_str(&f[start..start + len]);
        if !markup {
            continue;
        }
        let field = parse_field(interp, f, &mut i)?;
        let mut obj = get_field(interp, field.name, src, auto)?;
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => {
                    let s = interp.repr(&obj)?;
                    interp.new_str(s)
                }
                's' => interp.str_value(&obj)?,
                'a' => {
                    let s = interp.ascii(&obj)?;
                    interp.new_str(s)
                }
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(interp.value_error(format!("Unknown conversion specifier {c}")))
                }
                c => {
                    return Err(interp
                        .value_error(format!("Unknown conversion specifier \\x{:x}", c as u32)))
                }
            };
        }
        if field.spec_needs_expanding {
            let mut spec = String::new();
            build(interp, field.spec, src, depth - 1, auto, &mut spec)?;
            render(interp, &obj, &spec, out)?;
        } else {
            render(interp, &obj, field.spec, out)?;
        }
    }
    Ok(())
}

fn format(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s) = recv(interp, &args, "format")?;
    let f = s.as_str();
    if !f.contains(['{', '}']) {
        return Ok(sv.clone());
    }
    let mut out = String::with_capacity(f.len() + 16);
    let mut auto = Auto {
        state: AutoState::Init,
        next: 0,
    };
    build(interp, f, &Source::Call(args), 2, &mut auto, &mut out)?;
    Ok(owned(interp, out))
}

fn format_map(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, a) = margs(interp, &args, "format_map", 1, 1)?;
    let f = s.as_str();
    if !f.contains(['{', '}']) {
        return Ok(sv.clone());
    }
    let mut out = String::with_capacity(f.len() + 16);
    let mut auto = Auto {
        state: AutoState::Init,
        next: 0,
    };
    build(interp, f, &Source::Map(&a[0]), 2, &mut auto, &mut out)?;
    Ok(owned(interp, out))
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.str_.clone();
    add_method(interp, &t, "format", format);
    add_method(interp, &t, "format_map", format_map);
}
