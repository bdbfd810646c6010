//! Methods of `str`: searching, splitting, joining, stripping, replacing and the special
//! helpers the other str files share. Special methods, `chr` and `ord` are in
//! `str_special`, case and classification methods in `str_case`, `str.format` in
//! `str_format`, `bytes` in `bytes`.
//!
//! Strings are UTF-8 with code-point indexing: positions given to and returned by methods
//! are code-point indices, converted to byte offsets only where a method needs them (ASCII
//! strings convert for free). Results that equal the receiver return the receiver itself,
//! and empty and one-character ASCII results are interned, so common calls allocate only
//! the pieces they return.
use gilvm_object::payload::Payload;
use gilvm_object::str::PyStr;
use gilvm_object::types::{type_name, type_of};
use gilvm_object::{ObjRef, Value};
use std::sync::OnceLock;

use super::add_method;
use super::str_unicode::{is_linebreak, is_space};
use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

// ---- argument helpers (shared with str_case, str_format, bytes) ----

/// The str payload of a str, or of an instance of a subclass of str (the plain str it
/// holds: `builtin_sub.rs`).
#[inline]
pub(crate) fn as_pystr(v: &Value) -> Option<&PyStr> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Str(s) => Some(s),
            Payload::Instance(_) => subclass_pystr(v),
            _ => None,
        },
        _ => None,
    }
}

/// `as_pystr` of the str an instance of a subclass of str holds (out of line: the miss path).
#[cold]
#[inline(never)]
fn subclass_pystr(v: &Value) -> Option<&PyStr> {
    match v.subclass_value()? {
        Value::Obj(o) => match o.payload() {
            Payload::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// The receiver of a str method (`args.pos()[0]`), checked like a method descriptor. For
/// an instance of a subclass of str, the plain str it holds: a method that returns its
/// receiver unchanged then returns a plain str, as CPython's do.
pub(crate) fn recv<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a PyStr)> {
    let Some(v) = args.pos().first() else {
        return Err(interp.type_error(format!("unbound method str.{name}() needs an argument")));
    };
    match as_pystr(v) {
        Some(s) => Ok((v.base_value(), s)),
        None => Err(interp.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
    }
}

/// The message CPython gives when a method gets the wrong number of positional arguments
/// (`n` excludes the receiver).
pub(crate) fn count_message(ty: &str, name: &str, min: usize, max: usize, n: usize) -> String {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if max == 0 {
        format!("{ty}.{name}() takes no arguments ({n} given)")
    } else if min == 1 && max == 1 {
        format!("{ty}.{name}() takes exactly one argument ({n} given)")
    } else if n < min {
        if min == max {
            format!("{name} expected {min} argument{}, got {n}", s(min))
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", s(min))
        }
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", s(max))
    }
}

/// Receiver and positional arguments of a str method that takes no keywords.
pub(crate) fn margs<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a PyStr, &'a [Value])> {
    let (v, s) = recv(interp, args, name)?;
    if args.has_kwargs() {
        return Err(interp.type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let rest = &args.pos()[1..];
    if rest.len() < min || rest.len() > max {
        return Err(interp.type_error(count_message("str", name, min, max, rest.len())));
    }
    Ok((v, s, rest))
}

/// Positional-or-keyword parameters (after the receiver, which `args.pos()[0]` must be):
/// fills `out` by position then by name; `min` of them are required.
pub(crate) fn kwparams<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    names: &[&str],
    min: usize,
    out: &mut [Option<&'a Value>],
) -> PyResult<()> {
    let pos = &args.pos()[1..];
    if pos.len() > names.len() {
        let s = if names.len() == 1 { "" } else { "s" };
        return Err(interp.type_error(format!(
            "{name}() takes at most {} argument{s} ({} given)",
            names.len(),
            pos.len() + args.kwnames.len()
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i < pos.len() => {
                return Err(interp.type_error(format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(
                    interp.type_error(format!("{name}() got an unexpected keyword argument '{k}'"))
                )
            }
        }
    }
    for i in 0..min {
        if out[i].is_none() {
            return Err(interp.type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(())
}

/// A required str argument: `msg` is the error prefix ("must be str", "replace() argument 1
/// must be str"). Argument Clinic's messages (those naming the argument) call None "None".
pub(crate) fn str_arg<'a>(interp: &Interp, v: &'a Value, msg: &str) -> PyResult<&'a PyStr> {
    as_pystr(v).ok_or_else(|| {
        let tn = if v.is_none() && msg.contains("argument") {
            "None".to_string()
        } else {
            interp.type_name(v)
        };
        interp.type_error(format!("{msg}, not {tn}"))
    })
}

/// An integer argument that must fit a Py_ssize_t.
pub(crate) fn ssize_arg(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    if let Value::Float(_) = v {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    interp.index_value(v)
}

/// A slice index argument (`start`/`end` of find and friends): None or an integer (clamped,
/// like `_PyEval_SliceIndex`).
pub(crate) fn slice_index(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(v) => {
            if let Some(i) = gilvm_object::keys::as_index_i64(v) {
                return Ok(Some(i));
            }
            if let Some(b) = v.to_bigint() {
                return Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }));
            }
            if interp
                .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                .is_some()
                && matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)))
            {
                return interp.index_value(v).map(Some);
            }
            Err(interp
                .type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's `ADJUST_INDICES`: (start, end) within `0..=len` (start may exceed len).
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// Byte offset of code point `ci` (clamped to the end).
#[inline]
pub(crate) fn byte_offset(s: &PyStr, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.as_str().len());
    }
    if ci >= s.char_len() {
        return s.as_str().len();
    }
    s.as_str()
        .char_indices()
        .nth(ci)
        .map(|(b, _)| b)
        .unwrap_or(s.as_str().len())
}

/// The empty string (interned).
#[inline]
pub(crate) fn empty(interp: &Interp) -> Value {
    Value::Obj(interp.g.names.empty.clone())
}

/// The 128 one-character ASCII strings (interned, immortal).
struct AsciiChars([ObjRef; 128]);
// SAFETY: the objects are interned, hence immortal: sharing them never writes their counts,
// and str objects are immutable.
unsafe impl Sync for AsciiChars {}
// SAFETY: as above.
unsafe impl Send for AsciiChars {}

static ASCII_CHARS: OnceLock<AsciiChars> = OnceLock::new();

/// The one-character string for ASCII byte `b` (< 128), without the intern table's lock.
#[inline]
pub fn ascii_char(interp: &Interp, b: u8) -> Value {
    let t = ASCII_CHARS.get_or_init(|| {
        AsciiChars(std::array::from_fn(|i| {
            interp.intern(std::str::from_utf8(&[i as u8]).unwrap_or(""))
        }))
    });
    Value::Obj(t.0[(b & 127) as usize].clone())
}

/// First match of `sub` in `hay` (a one-byte needle searches with memchr).
#[inline]
pub(crate) fn find_str(hay: &str, sub: &str) -> Option<usize> {
    if sub.len() == 1 {
        hay.find(sub.as_bytes()[0] as char)
    } else {
        hay.find(sub)
    }
}

/// Last match of `sub` in `hay`.
#[inline]
pub(crate) fn rfind_str(hay: &str, sub: &str) -> Option<usize> {
    if sub.len() == 1 {
        hay.rfind(sub.as_bytes()[0] as char)
    } else {
        hay.rfind(sub)
    }
}

/// Calls `f` with the byte offset of each non-overlapping match of `sub` (non-empty), left
/// to right (or right to left), until it returns false.
pub(crate) fn each_match(hay: &str, sub: &str, rev: bool, mut f: impl FnMut(usize) -> bool) {
    if sub.len() == 1 {
        let c = sub.as_bytes()[0] as char;
        if rev {
            for (i, _) in hay.rmatch_indices(c) {
                if !f(i) {
                    return;
                }
            }
        } else {
            for (i, _) in hay.match_indices(c) {
                if !f(i) {
                    return;
                }
            }
        }
    } else if rev {
        for (i, _) in hay.rmatch_indices(sub) {
            if !f(i) {
                return;
            }
        }
    } else {
        for (i, _) in hay.match_indices(sub) {
            if !f(i) {
                return;
            }
        }
    }
}

/// A str value for `piece`, a part of `whole` (whose value is `wv`): the receiver itself
/// when equal, interned when empty or one ASCII character, else a new string.
#[inline]
pub(crate) fn piece(interp: &Interp, wv: &Value, whole: &str, piece: &str) -> Value {
    match piece.len() {
        0 => empty(interp),
        1 => ascii_char(interp, piece.as_bytes()[0]),
        n if n == whole.len() => wv.clone(),
        _ => interp.new_str(piece),
    }
}

/// A new str from a `String` (interned when empty or one ASCII character).
#[inline]
pub(crate) fn owned(interp: &Interp, s: String) -> Value {
    match s.len() {
        0 => empty(interp),
        1 => ascii_char(interp, s.as_bytes()[0]),
        _ => interp.new_str(s),
    }
}

/// `s * n` with CPython's overflow error instead of an aborting allocation.
pub fn repeat(interp: &Interp, s: &str, n: i64) -> PyResult<String> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    let total = (s.len() as u128) * (n as u128);
    if total > isize::MAX as u128 {
        return Err(interp.overflow_error("repeated string is too long"));
    }
    let mut out = String::new();
    if out.try_reserve_exact(total as usize).is_err() {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    for _ in 0..n {
        out.push_str(s);
    }
    Ok(out)
}

// ---- split / rsplit / splitlines / join ----

fn split_args<'a>(
    interp: &mut Interp,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a PyStr, Option<&'a PyStr>, i64)> {
    let (sv, s) = recv(interp, args, name)?;
    let mut p = [None, None];
    kwparams(interp, args, name, &["sep", "maxsplit"], 0, &mut p)?;
    let sep = match p[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = str_arg(interp, v, "must be str or None")?;
            if t.as_str().is_empty() {
                return Err(interp.value_error("empty separator"));
            }
            Some(t)
        }
    };
    let maxsplit = match p[1] {
        None => -1,
        Some(v) => ssize_arg(interp, v)?,
    };
    Ok((sv, s, sep, if maxsplit < 0 { i64::MAX } else { maxsplit }))
}

/// Splits on runs of whitespace (CPython's `split_whitespace`), pushing byte ranges.
fn split_ws(s: &str, mut max: i64, out: &mut Vec<(usize, usize)>) {
    let n = s.len();
    let mut i = 0;
    let at = |i: usize| s[i..].chars().next().map(|c| (c, c.len_utf8())).unwrap();
    while max > 0 {
        max -= 1;
        while i < n {
            let (c, l) = at(i);
            if !is_space(c) {
                break;
            }
            i += l;
        }
        if i == n {
            break;
        }
        let j = i;
        while i < n {
            let (c, l) = at(i);
            if is_space(c) {
                break;
            }
            i += l;
        }
        out.push((j, i));
    }
    if i < n {
        while i < n {
            let (c, l) = at(i);
            if !is_space(c) {
                break;
            }
            i += l;
        }
        if i != n {
            out.push((i, n));
        }
    }
}

/// Right-to-left whitespace split (`rsplit_whitespace`); ranges come out reversed.
fn rsplit_ws(s: &str, mut max: i64, out: &mut Vec<(usize, usize)>) {
    let mut i = s.len();
    let before = |i: usize| {
        s[..i]
            .chars()
            .next_back()
            .map(|c| (c, c.len_utf8()))
            .unwrap()
    };
    while max > 0 {
        max -= 1;
        while i > 0 {
            let (c, l) = before(i);
            if !is_space(c) {
                break;
            }
            i -= l;
        }
        if i == 0 {
            break;
        }
        let j = i;
        while i > 0 {
            let (c, l) = before(i);
            if is_space(c) {
                break;
            }
            i -= l;
        }
        out.push((i, j));
    }
    if i > 0 {
        while i > 0 {
            let (c, l) = before(i);
            if !is_space(c) {
                break;
            }
            i -= l;
        }
        if i > 0 {
            out.push((0, i));
        }
    }
}

fn ranges_to_list(
    interp: &Interp,
    sv: &Value,
    s: &str,
    ranges: &[(usize, usize)],
    reversed: bool,
) -> Value {
    let mut v = Vec::with_capacity(ranges.len());
    if reversed {
        for &(a, b) in ranges.iter().rev() {
            v.push(piece(interp, sv, s, &s[a..b]));
        }
    } else {
        for &(a, b) in ranges {
            v.push(piece(interp, sv, s, &s[a..b]));
        }
    }
    interp.new_list(v)
}

fn split(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, sep, max) = split_args(interp, &args, "split")?;
    let text = s.as_str();
    let mut ranges = Vec::new();
    match sep {
        None => split_ws(text, max, &mut ranges),
        Some(sep) => {
            let sep = sep.as_str();
            let mut last = 0;
            let mut left = max;
            each_match(text, sep, false, |i| {
                if left == 0 {
                    return false;
                }
                left -= 1;
                ranges.push((last, i));
                last = i + sep.len();
                true
            });
            ranges.push((last, text.len()));
        }
    }
    Ok(ranges_to_list(interp, sv, text, &ranges, false))
}

fn rsplit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, sep, max) = split_args(interp, &args, "rsplit")?;
    let text = s.as_str();
    let mut ranges = Vec::new();
    match sep {
        None => rsplit_ws(text, max, &mut ranges),
        Some(sep) => {
            let sep = sep.as_str();
            let mut last = text.len();
            let mut left = max;
            each_match(text, sep, true, |i| {
                if left == 0 {
                    return false;
                }
                left -= 1;
                ranges.push((i + sep.len(), last));
                last = i;
                true
            });
            ranges.push((0, last));
        }
    }
    Ok(ranges_to_list(interp, sv, text, &ranges, true))
}

fn splitlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s) = recv(interp, &args, "splitlines")?;
    let mut p = [None];
    kwparams(interp, &args, "splitlines", &["keepends"], 0, &mut p)?;
    // `keepends` is a truth value in 3.14 (`"a\n".splitlines(1.5)` keeps the ends).
    let keep = match p[0] {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    let text = s.as_str();
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // Only these bytes start a line break: \n \v \f \r \x1c-\x1e, U+0085 (C2 85),
        // U+2028/U+2029 (E2 80 A8/A9).
        let x = b[i];
        let brk = match x {
            b'\n' | 0x0b | 0x0c | 0x1c..=0x1e => Some(1),
            b'\r' => Some(if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
            0xc2 | 0xe2 => {
                let c = text[i..].chars().next().unwrap_or('\0');
                if is_linebreak(c) {
                    Some(c.len_utf8())
                } else {
                    None
                }
            }
            _ => None,
        };
        match brk {
            Some(l) => {
                let end = if keep { i + l } else { i };
                out.push(piece(interp, sv, text, &text[start..end]));
                i += l;
                start = i;
            }
            None => i += 1,
        }
    }
    if start < b.len() {
        out.push(piece(interp, sv, text, &text[start..]));
    }
    Ok(interp.new_list(out))
}

enum Joined {
    Item(Value),
    Text(String),
}

/// Joins str items with `sep` (pure: safe inside a list's lock). Err((index, type name)) for
/// the first item that is not a str.
fn join_items(sep: &str, items: &[Value]) -> Result<Joined, (usize, String)> {
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        match as_pystr(it) {
            Some(s) => total += s.as_str().len(),
            None => return Err((i, type_name(type_of(it)).to_string())),
        }
    }
    if items.len() == 1 {
        return Ok(Joined::Item(items[0].clone()));
    }
    total += sep.len() * items.len().saturating_sub(1);
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(it.as_str().unwrap_or(""));
    }
    Ok(Joined::Text(out))
}

fn join(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, sep, a) = margs(interp, &args, "join", 1, 1)?;
    let sep = sep.as_str();
    let it = &a[0];
    let r = match it {
        Value::Obj(o) => match o.payload() {
            Payload::List(l) => l.read(interp.py, |v| join_items(sep, v)),
            Payload::Tuple(t) => join_items(sep, t),
            _ => {
                let iter = match interp.iter(it) {
                    Ok(i) => i,
                    Err(e) if interp.matches(&e, &interp.g.exc.type_error.clone()) => {
                        return Err(interp.type_error("can only join an iterable"))
                    }
                    Err(e) => return Err(e),
                };
                let mut items = Vec::new();
                while let Some(x) = interp.next(&iter)? {
                    items.push(x);
                }
                join_items(sep, &items)
            }
        },
        _ => return Err(interp.type_error("can only join an iterable")),
    };
    match r {
        Ok(Joined::Item(v)) => Ok(v),
        Ok(Joined::Text(s)) => Ok(owned(interp, s)),
        Err((i, t)) => Err(interp.type_error(format!(
            "sequence item {i}: expected str instance, {t} found"
        ))),
    }
}

// ---- strip / partition / prefixes ----

fn strip_impl(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let (sv, s, a) = margs(interp, &args, name, 0, 1)?;
    let text = s.as_str();
    let r = match a.first() {
        None | Some(Value::None) => {
            let mut r = text;
            if left {
                r = r.trim_start_matches(is_space);
            }
            if right {
                r = r.trim_end_matches(is_space);
            }
            r
        }
        Some(v) => {
            let chars = as_pystr(v)
                .ok_or_else(|| interp.type_error(format!("{name} arg must be None or str")))?;
            let cs = chars.as_str();
            if chars.is_ascii() {
                let mut table = [false; 128];
                for b in cs.bytes() {
                    table[b as usize] = true;
                }
                let f = |c: char| (c as u32) < 128 && table[c as usize];
                let mut r = text;
                if left {
                    r = r.trim_start_matches(f);
                }
                if right {
                    r = r.trim_end_matches(f);
                }
                r
            } else {
                let set: Vec<char> = cs.chars().collect();
                let f = |c: char| set.contains(&c);
                let mut r = text;
                if left {
                    r = r.trim_start_matches(f);
                }
                if right {
                    r = r.trim_end_matches(f);
                }
                r
            }
        }
    };
    Ok(piece(interp, sv, text, r))
}

fn strip(interp: &mut Interp, args: Args<'_>) -> PyResult {
    strip_impl(interp, args, "strip", true, true)
}
fn lstrip(interp: &mut Interp, args: Args<'_>) -> PyResult {
    strip_impl(interp, args, "lstrip", true, false)
}
fn rstrip(interp: &mut Interp, args: Args<'_>) -> PyResult {
    strip_impl(interp, args, "rstrip", false, true)
}

fn partition_impl(interp: &mut Interp, args: Args<'_>, name: &str, rev: bool) -> PyResult {
    let (sv, s, a) = margs(interp, &args, name, 1, 1)?;
    let sep = str_arg(interp, &a[0], "must be str")?;
    let (text, t) = (s.as_str(), sep.as_str());
    if t.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let found = if rev {
        rfind_str(text, t)
    } else {
        find_str(text, t)
    };
    let items = match found {
        Some(i) => vec![
            piece(interp, sv, text, &text[..i]),
            a[0].clone(),
            piece(interp, sv, text, &text[i + t.len()..]),
        ],
        None if rev => vec![empty(interp), empty(interp), sv.clone()],
        None => vec![sv.clone(), empty(interp), empty(interp)],
    };
    Ok(interp.new_tuple(items))
}

fn partition(interp: &mut Interp, args: Args<'_>) -> PyResult {
    partition_impl(interp, args, "partition", false)
}
fn rpartition(interp: &mut Interp, args: Args<'_>) -> PyResult {
    partition_impl(interp, args, "rpartition", true)
}

fn removeprefix(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, a) = margs(interp, &args, "removeprefix", 1, 1)?;
    let p = str_arg(interp, &a[0], "removeprefix() argument must be str")?;
    match s.as_str().strip_prefix(p.as_str()) {
        Some(r) => Ok(piece(interp, sv, s.as_str(), r)),
        None => Ok(sv.clone()),
    }
}

fn removesuffix(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s, a) = margs(interp, &args, "removesuffix", 1, 1)?;
    let p = str_arg(interp, &a[0], "removesuffix() argument must be str")?;
    match s.as_str().strip_suffix(p.as_str()) {
        Some(r) => Ok(piece(interp, sv, s.as_str(), r)),
        None => Ok(sv.clone()),
    }
}

fn tailmatch(s: &PyStr, sub: &str, start: Option<i64>, end: Option<i64>, suffix: bool) -> bool {
    let (start, end) = adjust_indices(start, end, s.char_len());
    if start > end {
        return false;
    }
    if start == 0 && end as usize == s.char_len() {
        let t = s.as_str();
        return if suffix {
            t.ends_with(sub)
        } else {
            t.starts_with(sub)
        };
    }
    let (b0, b1) = (byte_offset(s, start as usize), byte_offset(s, end as usize));
    let t = &s.as_str()[b0..b1];
    if suffix {
        t.ends_with(sub)
    } else {
        t.starts_with(sub)
    }
}

fn startswith_impl(interp: &mut Interp, args: Args<'_>, name: &str, suffix: bool) -> PyResult {
    let (_, s, a) = margs(interp, &args, name, 1, 3)?;
    let start = slice_index(interp, a.get(1))?;
    let end = slice_index(interp, a.get(2))?;
    if let Some(p) = as_pystr(&a[0]) {
        return Ok(Value::Bool(tailmatch(s, p.as_str(), start, end, suffix)));
    }
    if let Value::Obj(o) = &a[0] {
        if let Payload::Tuple(t) = o.payload() {
            for it in t.iter() {
                let p = as_pystr(it).ok_or_else(|| {
                    interp.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        interp.type_name(it)
                    ))
                })?;
                if tailmatch(s, p.as_str(), start, end, suffix) {
                    return Ok(Value::Bool(true));
                }
            }
            return Ok(Value::Bool(false));
        }
    }
    Err(interp.type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        interp.type_name(&a[0])
    )))
}

fn startswith(interp: &mut Interp, args: Args<'_>) -> PyResult {
    startswith_impl(interp, args, "startswith", false)
}
fn endswith(interp: &mut Interp, args: Args<'_>) -> PyResult {
    startswith_impl(interp, args, "endswith", true)
}

// ---- find / index / count / replace ----

/// The receiver, the substring and the byte range a search covers; None when the range
/// is empty in a way that makes every search fail (start beyond the end).
struct Search<'a> {
    s: &'a PyStr,
    sub: &'a str,
    /// Code-point start and end after adjustment.
    start: i64,
    end: i64,
}

fn search_args<'a>(interp: &mut Interp, args: &Args<'a>, name: &str) -> PyResult<Search<'a>> {
    let (_, s, a) = margs(interp, args, name, 1, 3)?;
    let sub = str_arg(interp, &a[0], &format!("{name}() argument 1 must be str"))?;
    let start = slice_index(interp, a.get(1))?;
    let end = slice_index(interp, a.get(2))?;
    let (start, end) = adjust_indices(start, end, s.char_len());
    Ok(Search {
        s,
        sub: sub.as_str(),
        start,
        end,
    })
}

/// Code-point index of the first (or last) match within the search range.
fn find_in(q: &Search<'_>, rev: bool) -> Option<usize> {
    let sub_chars = if q.sub.is_ascii() {
        q.sub.len()
    } else {
        q.sub.chars().count()
    };
    if q.end - q.start < sub_chars as i64 {
        return None;
    }
    let (b0, b1) = (
        byte_offset(q.s, q.start as usize),
        byte_offset(q.s, q.end as usize),
    );
    let hay = &q.s.as_str()[b0..b1];
    let pos = if rev {
        rfind_str(hay, q.sub)
    } else {
        find_str(hay, q.sub)
    }?;
    Some(
        q.start as usize
            + if q.s.is_ascii() {
                pos
            } else {
                hay[..pos].chars().count()
            },
    )
}

fn find(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let q = search_args(interp, &args, "find")?;
    Ok(Value::Int(find_in(&q, false).map_or(-1, |i| i as i64)))
}
fn rfind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let q = search_args(interp, &args, "rfind")?;
    Ok(Value::Int(find_in(&q, true).map_or(-1, |i| i as i64)))
}
fn index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let q = search_args(interp, &args, "index")?;
    find_in(&q, false)
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| interp.value_error("substring not found"))
}
fn rindex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let q = search_args(interp, &args, "rindex")?;
    find_in(&q, true)
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| interp.value_error("substring not found"))
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let q = search_args(interp, &args, "count")?;
    if q.start > q.end {
        return Ok(Value::Int(0));
    }
    if q.sub.is_empty() {
        return Ok(Value::Int(q.end - q.start + 1));
    }
    let (b0, b1) = (
        byte_offset(q.s, q.start as usize),
        byte_offset(q.s, q.end as usize),
    );
    let hay = &q.s.as_str()[b0..b1];
    let n = if q.sub.len() == 1 {
        memcount(hay.as_bytes(), q.sub.as_bytes()[0])
    } else {
        hay.matches(q.sub).count()
    };
    Ok(Value::Int(n as i64))
}

#[inline]
fn memcount(h: &[u8], b: u8) -> usize {
    h.iter().filter(|&&x| x == b).count()
}

fn replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (sv, s) = recv(interp, &args, "replace")?;
    if args.pos().len() < 3 {
        // `old` and `new` are positional-only (3.14's argument clinic message).
        let n = args.pos().len() - 1;
        return Err(interp.type_error(format!(
            "replace() takes at least 2 positional arguments ({n} given)"
        )));
    }
    let mut p = [None, None, None];
    kwparams(
        interp,
        &args,
        "replace",
        &["old", "new", "count"],
        2,
        &mut p,
    )?;
    if args.kwargs().any(|(k, _)| k != "count") {
        let k = args
            .kwargs()
            .find(|(k, _)| *k != "count")
            .map(|(k, _)| k)
            .unwrap_or("");
        return Err(interp.type_error(format!(
            "replace() got an unexpected keyword argument '{k}'"
        )));
    }
    let old = str_arg(interp, p[0].unwrap(), "replace() argument 1 must be str")?.as_str();
    let new = str_arg(interp, p[1].unwrap(), "replace() argument 2 must be str")?.as_str();
    let mut left = match p[2] {
        None => i64::MAX,
        Some(v) => ssize_arg(interp, v)?,
    };
    if left < 0 {
        left = i64::MAX;
    }
    let text = s.as_str();
    if left == 0 || (old.is_empty() && new.is_empty()) {
        return Ok(sv.clone());
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to `count` times.
        let slots = s.char_len() as i64 + 1;
        let n = left.min(slots) as usize;
        let mut out = String::with_capacity(text.len() + n * new.len());
        let mut done = 0;
        for c in text.chars() {
            if done < n {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.push_str(new);
        }
        return Ok(owned(interp, out));
    }
    if old.len() == 1 && new.len() == 1 {
        // One ASCII byte for another: a plain byte loop after the first match.
        let (o, n) = (old.as_bytes()[0], new.as_bytes()[0]);
        let Some(first) = text.bytes().position(|b| b == o) else {
            return Ok(sv.clone());
        };
        let mut b = text.as_bytes().to_vec();
        if left == i64::MAX {
            for x in &mut b[first..] {
                if *x == o {
                    *x = n;
                }
            }
        } else {
            for x in &mut b[first..] {
                if left == 0 {
                    break;
                }
                if *x == o {
                    *x = n;
                    left -= 1;
                }
            }
        }
        return match String::from_utf8(b) {
            Ok(s) => Ok(owned(interp, s)),
            Err(_) => Err(interp.runtime_error("str.replace produced invalid UTF-8")),
        };
    }
    if old.len() == new.len() {
        // Same byte length: copy once and overwrite the matches in place (the result stays
        // valid UTF-8: whole characters are replaced by whole characters).
        let mut buf: Option<Vec<u8>> = None;
        each_match(text, old, false, |i| {
            if left == 0 {
                return false;
            }
            left -= 1;
            let b = buf.get_or_insert_with(|| text.as_bytes().to_vec());
            b[i..i + new.len()].copy_from_slice(new.as_bytes());
            true
        });
        return match buf.map(String::from_utf8) {
            None => Ok(sv.clone()),
            Some(Ok(s)) => Ok(owned(interp, s)),
            Some(Err(_)) => Err(interp.runtime_error("str.replace produced invalid UTF-8")),
        };
    }
    let mut out: Option<String> = None;
    let mut last = 0;
    each_match(text, old, false, |i| {
        if left == 0 {
            return false;
        }
        left -= 1;
        let o = out.get_or_insert_with(|| {
            String::with_capacity(text.len() + new.len().saturating_sub(old.len()) * 4)
        });
        o.push_str(&text[last..i]);
        o.push_str(new);
        last = i + old.len();
        true
    });
    match out {
        None => Ok(sv.clone()),
        Some(mut o) => {
            o.push_str(&text[last..]);
            Ok(owned(interp, o))
        }
    }
}

/// Raises the error a failed conversion produced, or a TypeError with `msg`.
pub(crate) fn type_err_or(interp: &Interp, e: PyErr, msg: impl Into<String>) -> PyErr {
    if interp.matches(&e, &interp.g.exc.type_error.clone()) {
        interp.type_error(msg)
    } else {
        e
    }
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.str_.clone();
    let m = |i: &mut Interp, n: &'static str, f: crate::interp::NativeFn| add_method(i, &t, n, f);
    m(interp, "split", split);
    m(interp, "rsplit", rsplit);
    m(interp, "splitlines", splitlines);
    m(interp, "join", join);
    m(interp, "strip", strip);
    m(interp, "lstrip", lstrip);
    m(interp, "rstrip", rstrip);
    m(interp, "partition", partition);
    m(interp, "rpartition", rpartition);
    m(interp, "removeprefix", removeprefix);
    m(interp, "removesuffix", removesuffix);
    m(interp, "startswith", startswith);
    m(interp, "endswith", endswith);
    m(interp, "find", find);
    m(interp, "rfind", rfind);
    m(interp, "index", index);
    m(interp, "rindex", rindex);
    m(interp, "count", count);
    m(interp, "replace", replace);
}
