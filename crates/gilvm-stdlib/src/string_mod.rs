//! `_string`: the parsers under the Lib's `string.Formatter`, after CPython's
//! `Objects/stringlib/unicode_format.h`.
//!
//! `formatter_parser(s)` yields `(literal, field_name, format_spec, conversion)` for each
//! piece of a format string (`None` where a piece has no field); `formatter_field_name_split
//! (name)` splits a field name into its first part and an iterator of
//! `(is_attribute, key)`. The string is parsed at the call; `formatter_parser`'s iterator
//! (`formatteriterator`) yields the pieces before a malformed part and raises its
//! ValueError at the step that reaches it, as CPython's parses step by step.
use std::sync::OnceLock;

use gilvm_object::ObjRef;
use gilvm_vm::impl_as_any;
use gilvm_vm::modules::util::{self, Statics, Step};
use gilvm_vm::{Args, Interp, PyResult, Value};

fn arg_str(interp: &Interp, args: &Args<'_>, fname: &str) -> PyResult<String> {
    let a = args.exact(interp, fname, 1, 1)?;
    match a[0].as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(interp.type_error(format!(
            "{fname}() argument must be str, not {}",
            interp.type_name(&a[0])
        ))),
    }
}

type Piece = (String, Option<String>, Option<String>, Option<char>);

/// The pieces of a format string up to the first malformed part, and that part's error.
fn parse(s: &[char]) -> (Vec<Piece>, Option<&'static str>) {
    let mut out = Vec::new();
    let err = parse_into(s, &mut out).err();
    (out, err)
}

fn parse_into(s: &[char], out: &mut Vec<Piece>) -> Result<(), &'static str> {
    let mut i = 0;
    let n = s.len();
    while i < n {
        let lit_start = i;
        let mut c = '\0';
        let mut markup = false;
        while i < n {
            c = s[i];
            i += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = i >= n;
        let mut len = i - lit_start;
        if c == '}' && markup && (at_end || s[i] != '}') {
            return Err("Single '}' encountered in format string");
        }
        if at_end && c == '{' && markup {
            return Err("Single '{' encountered in format string");
        }
        if markup && !at_end {
            if s[i] == c {
                // An escaped brace: the literal keeps one.
                i += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = s[lit_start..lit_start + len].iter().collect();
        if !markup {
            out.push((literal, None, None, None));
            continue;
        }
        // The field: its name ends at '}', ':' or '!' ('[...]' may hold any of them).
        let name_start = i;
        let mut c = '\0';
        while i < n {
            c = s[i];
            i += 1;
            match c {
                '{' => return Err("unexpected '{' in field name"),
                '[' => {
                    while i < n && s[i] != ']' {
                        i += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => continue,
            }
        }
        let name_end = if matches!(c, '}' | ':' | '!') {
            i - 1
        } else {
            i
        };
        let name: String = s[name_start..name_end].iter().collect();
        let mut conversion = None;
        let mut spec = String::new();
        if c == '!' || c == ':' {
            let mut done = false;
            if c == '!' {
                if i >= n {
                    return Err("end of string while looking for conversion specifier");
                }
                conversion = Some(s[i]);
                i += 1;
                if i < n {
                    let d = s[i];
                    i += 1;
                    if d == '}' {
                        done = true;
                    } else if d != ':' {
                        return Err("expected ':' after conversion specifier");
                    }
                }
            }
            if !done {
                let spec_start = i;
                let mut count = 1;
                let mut closed = false;
                while i < n {
                    let d = s[i];
                    i += 1;
                    if d == '{' {
                        count += 1;
                    } else if d == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = s[spec_start..i - 1].iter().collect();
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err("unmatched '{' in format spec");
                }
            }
        } else if c != '}' {
            return Err("expected '}' before end of string");
        }
        out.push((literal, Some(name), Some(spec), conversion));
    }
    Ok(())
}

/// `formatter_parser`'s iterator: the parsed pieces, then the parse error if any.
struct Pieces {
    items: std::collections::VecDeque<Value>,
    error: Option<&'static str>,
}

impl Step for Pieces {
    fn fast(&mut self, _interp: &Interp) -> Option<Option<Value>> {
        match self.items.pop_front() {
            Some(v) => Some(Some(v)),
            None if self.error.is_some() => None,
            None => Some(None),
        }
    }
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        if let Some(v) = self.items.pop_front() {
            return Ok(Some(v));
        }
        match self.error.take() {
            Some(m) => Err(interp.value_error(m)),
            None => Ok(None),
        }
    }
    impl_as_any!();
}

static PIECES_TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn list_iter(interp: &mut Interp, items: Vec<Value>) -> PyResult {
    let l = interp.new_list(items);
    interp.iter(&l)
}

fn opt_str(interp: &Interp, s: Option<String>) -> Value {
    match s {
        Some(s) => interp.new_str(s),
        None => Value::None,
    }
}

fn formatter_parser(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = arg_str(interp, &args, "formatter_parser")?;
    let chars: Vec<char> = s.chars().collect();
    let (pieces, error) = parse(&chars);
    let items = pieces
        .into_iter()
        .map(|(l, f, sp, c)| {
            let t = vec![
                interp.new_str(l),
                opt_str(interp, f),
                opt_str(interp, sp),
                opt_str(interp, c.map(String::from)),
            ];
            interp.new_tuple(t)
        })
        .collect();
    let t = PIECES_TYPE
        .get_or_init(|| {
            Statics(util::iterator_type(
                interp,
                "formatteriterator",
                "builtins",
                &[],
            ))
        })
        .0
        .clone();
    Ok(util::new_stepper(interp, &t, Pieces { items, error }))
}

/// An all-digits name as an int (CPython's `get_integer`); None otherwise.
fn integer(interp: &Interp, s: &[char]) -> Result<Option<Value>, gilvm_vm::PyErr> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let t: String = s.iter().collect();
    match t.parse::<i64>() {
        Ok(v) => Ok(Some(Value::Int(v))),
        Err(_) => Err(interp.value_error("Too many decimal digits in format string")),
    }
}

fn name_value(interp: &Interp, s: &[char]) -> PyResult {
    Ok(match integer(interp, s)? {
        Some(v) => v,
        None => interp.new_str(s.iter().collect::<String>()),
    })
}

fn formatter_field_name_split(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = arg_str(interp, &args, "formatter_field_name_split")?;
    let s: Vec<char> = s.chars().collect();
    let n = s.len();
    let mut i = 0;
    while i < n && s[i] != '.' && s[i] != '[' {
        i += 1;
    }
    let first = name_value(interp, &s[..i])?;
    let mut rest = Vec::new();
    while i < n {
        let c = s[i];
        i += 1;
        let (is_attr, name) = match c {
            '.' => {
                let st = i;
                while i < n && s[i] != '.' && s[i] != '[' {
                    i += 1;
                }
                (true, &s[st..i])
            }
            '[' => {
                let st = i;
                while i < n && s[i] != ']' {
                    i += 1;
                }
                if i >= n {
                    return Err(interp.value_error("Missing ']' in format string"));
                }
                let name = &s[st..i];
                i += 1;
                (false, name)
            }
            _ => {
                return Err(
                    interp.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        };
        if name.is_empty() {
            return Err(interp.value_error("Empty attribute in format string"));
        }
        // An attribute name stays a str; an index that is all digits is an int.
        let key = if is_attr {
            interp.new_str(name.iter().collect::<String>())
        } else {
            name_value(interp, name)?
        };
        rest.push(interp.new_tuple(vec![Value::Bool(is_attr), key]));
    }
    let it = list_iter(interp, rest)?;
    Ok(interp.new_tuple(vec![first, it]))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let f = interp.new_native_with(
        "formatter_parser",
        formatter_parser,
        Value::Obj(interp.intern("static")),
    );
    interp.add_value(m, "formatter_parser", f);
    let f = interp.new_native_with(
        "formatter_field_name_split",
        formatter_field_name_split,
        Value::Obj(interp.intern("static")),
    );
    interp.add_value(m, "formatter_field_name_split", f);
    Ok(())
}
