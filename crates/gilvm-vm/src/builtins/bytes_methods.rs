//! The rest of the methods of `bytes` (ASCII semantics, as CPython's): splitting,
//! stripping, replacing, partitioning, searching from the right, the case conversions and
//! predicates, padding, `splitlines`, `expandtabs`, `translate`/`maketrans`. A bytearray
//! shares each of them (`bytearray.rs` runs them on a snapshot), so they are written once.
use std::borrow::Cow;

use gilvm_object::Value;

use super::bytes::{bytes_range, new_bytes, this};
use super::numbers::bind_args;
use super::{add_method, add_static};
use crate::args::Args;
use crate::buffer::bytes_like;
use crate::error::PyResult;
use crate::interp::Interp;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// A bytes-like argument, or CPython's "a bytes-like object is required" error.
fn buf<'a>(interp: &Interp, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    bytes_like(interp.py, v).ok_or_else(|| {
        interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(v)
        ))
    })
}

/// Optional bytes-like argument where None means "whitespace" (or the default).
fn opt_buf<'a>(interp: &Interp, v: Option<&'a Value>) -> PyResult<Option<Cow<'a, [u8]>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => buf(interp, v).map(Some),
    }
}

fn int_or(interp: &mut Interp, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => interp.index_value(v),
    }
}

fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

fn rfind_before(hay: &[u8], needle: &[u8], end: usize) -> Option<usize> {
    let hay = &hay[..end.min(hay.len())];
    if needle.is_empty() {
        return Some(hay.len());
    }
    memchr::memmem::rfind(hay, needle)
}

fn list_of(interp: &Interp, parts: Vec<Vec<u8>>) -> Value {
    let items = parts.into_iter().map(|p| new_bytes(interp, p)).collect();
    interp.new_list(items)
}

fn split_impl(interp: &mut Interp, args: Args<'_>, name: &str, right: bool) -> PyResult {
    let b = this(interp, &args, name)?;
    let p = bind_args(interp, args, name, 1, &["sep", "maxsplit"], 0, &[])?;
    let sep = opt_buf(interp, p[0].as_ref())?;
    let mut max = int_or(interp, p[1].as_ref(), -1)?;
    if max < 0 {
        max = i64::MAX;
    }
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            // Runs of whitespace separate; no empty parts.
            let mut s: &[u8] = b;
            let mut n = 0;
            if right {
                loop {
                    let end = s.iter().rposition(|&c| !is_space(c)).map_or(0, |i| i + 1);
                    s = &s[..end];
                    if s.is_empty() {
                        break;
                    }
                    if n == max {
                        parts.push(s.to_vec());
                        break;
                    }
                    let start = s.iter().rposition(|&c| is_space(c)).map_or(0, |i| i + 1);
                    parts.push(s[start..].to_vec());
                    s = &s[..start];
                    n += 1;
                }
                parts.reverse();
            } else {
                loop {
                    let start = s.iter().position(|&c| !is_space(c)).unwrap_or(s.len());
                    s = &s[start..];
                    if s.is_empty() {
                        break;
                    }
                    if n == max {
                        parts.push(s.to_vec());
                        break;
                    }
                    let end = s.iter().position(|&c| is_space(c)).unwrap_or(s.len());
                    parts.push(s[..end].to_vec());
                    s = &s[end..];
                    n += 1;
                }
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(interp.value_error("empty separator"));
            }
            let mut n = 0;
            if right {
                let mut end = b.len();
                while n < max {
                    match rfind_before(b, &sep, end) {
                        Some(i) => {
                            parts.push(b[i + sep.len()..end].to_vec());
                            end = i;
                            n += 1;
                        }
                        None => break,
                    }
                }
                parts.push(b[..end].to_vec());
                parts.reverse();
            } else {
                let mut start = 0;
                while n < max {
                    match find_from(b, &sep, start) {
                        Some(i) => {
                            parts.push(b[start..i].to_vec());
                            start = i + sep.len();
                            n += 1;
                        }
                        None => break,
                    }
                }
                parts.push(b[start..].to_vec());
            }
        }
    }
    Ok(list_of(interp, parts))
}

fn split(interp: &mut Interp, args: Args<'_>) -> PyResult {
    split_impl(interp, args, "split", false)
}
fn rsplit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    split_impl(interp, args, "rsplit", true)
}

fn strip_impl(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let b = this(interp, &args, name)?;
    let p = bind_args(interp, args, name, 1, &["bytes"], 1, &[])?;
    let chars = opt_buf(interp, p[0].as_ref())?;
    let strip = |c: u8| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_bytes(interp, b[s..e].to_vec()))
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

fn replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "replace")?;
    let p = bind_args(interp, args, "replace", 1, &["old", "new", "count"], 2, &[])?;
    let (Some(o), Some(n)) = (p[0].as_ref(), p[1].as_ref()) else {
        let k = p.iter().take(2).filter(|v| v.is_some()).count();
        return Err(interp.type_error(format!("replace expected at least 2 arguments, got {k}")));
    };
    let old = buf(interp, o)?;
    let new = buf(interp, n)?;
    let mut count = int_or(interp, p[2].as_ref(), -1)?;
    if count < 0 {
        count = i64::MAX;
    }
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &c) in b.iter().enumerate() {
            if n < count {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(c);
            let _ = i;
        }
        if n < count {
            out.extend_from_slice(&new);
        }
        return Ok(new_bytes(interp, out));
    }
    let mut start = 0;
    let mut n = 0;
    while n < count {
        match find_from(b, &old, start) {
            Some(i) => {
                out.extend_from_slice(&b[start..i]);
                out.extend_from_slice(&new);
                start = i + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[start..]);
    Ok(new_bytes(interp, out))
}

fn partition_impl(interp: &mut Interp, args: Args<'_>, name: &str, right: bool) -> PyResult {
    let b = this(interp, &args, name)?;
    let a = &args.pos()[1..];
    if a.len() != 1 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "bytes.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    let sep = buf(interp, &a[0])?;
    if sep.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let found = if right {
        rfind_before(b, &sep, b.len())
    } else {
        find_from(b, &sep, 0)
    };
    let parts = match found {
        Some(i) => [b[..i].to_vec(), sep.to_vec(), b[i + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), b.to_vec()],
        None => [b.to_vec(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| new_bytes(interp, p)).collect();
    Ok(interp.new_tuple(items))
}

fn partition(interp: &mut Interp, args: Args<'_>) -> PyResult {
    partition_impl(interp, args, "partition", false)
}
fn rpartition(interp: &mut Interp, args: Args<'_>) -> PyResult {
    partition_impl(interp, args, "rpartition", true)
}

/// `find`-family on the receiver: the sub argument (bytes-like or an int byte) and range.
fn search(
    interp: &mut Interp,
    args: &Args<'_>,
    name: &str,
    right: bool,
) -> PyResult<Option<usize>> {
    let b = this(interp, args, name)?;
    let a = &args.pos()[1..];
    if a.is_empty() || a.len() > 3 {
        return Err(interp.type_error(super::strings::count_message("bytes", name, 1, 3, a.len())));
    }
    let sub: Vec<u8> = match bytes_like(interp.py, &a[0]) {
        Some(s) => s.into_owned(),
        None => match gilvm_object::keys::as_index_i64(&a[0]) {
            Some(i) if (0..256).contains(&i) => vec![i as u8],
            Some(_) => return Err(interp.value_error("byte must be in range(0, 256)")),
            None => {
                return Err(interp.type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    interp.type_name(&a[0])
                )))
            }
        },
    };
    let (s, e) = bytes_range(interp, b, a)?;
    if s > e || e - s < sub.len() {
        return Ok(None);
    }
    let hay = &b[s..e];
    Ok(if right {
        rfind_before(hay, &sub, hay.len())
    } else {
        find_from(hay, &sub, 0)
    }
    .map(|i| i + s))
}

fn rfind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(
        search(interp, &args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}
fn index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    match search(interp, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(interp.value_error("subsection not found")),
    }
}
fn rindex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    match search(interp, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(interp.value_error("subsection not found")),
    }
}

fn noargs<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a [u8]> {
    let b = this(interp, args, name)?;
    if args.pos().len() != 1 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "bytes.{name}() takes no arguments ({} given)",
            args.pos().len() - 1
        )));
    }
    Ok(b)
}

fn title_of(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn istitle(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

macro_rules! unary {
    ($($f:ident $name:literal |$b:ident| $e:expr;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let $b = noargs(interp, &args, $name)?;
            let r: Result<Vec<u8>, bool> = $e;
            Ok(match r {
                Ok(v) => new_bytes(interp, v),
                Err(t) => Value::Bool(t),
            })
        })*
        const UNARY: &[(&str, crate::interp::NativeFn)] = &[$(($name, $f),)*];
    };
}

unary! {
    lower "lower" |b| Ok(b.to_ascii_lowercase());
    upper "upper" |b| Ok(b.to_ascii_uppercase());
    swapcase "swapcase" |b| Ok(b.iter().map(|&c| if c.is_ascii_lowercase() {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }).collect());
    capitalize "capitalize" |b| Ok(b.iter().enumerate().map(|(i, &c)| if i == 0 {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }).collect());
    title "title" |b| Ok(title_of(b));
    isalnum "isalnum" |b| Err(!b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric));
    isalpha "isalpha" |b| Err(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic));
    isdigit "isdigit" |b| Err(!b.is_empty() && b.iter().all(u8::is_ascii_digit));
    isspace "isspace" |b| Err(!b.is_empty() && b.iter().all(|&c| is_space(c)));
    isascii "isascii" |b| Err(b.is_ascii());
    islower "islower" |b| Err(b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase));
    isupper "isupper" |b| Err(b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase));
    istitle_m "istitle" |b| Err(istitle(b));
}

fn pad_impl(interp: &mut Interp, args: Args<'_>, name: &str, how: u8) -> PyResult {
    let b = this(interp, &args, name)?;
    let a = &args.pos()[1..];
    if a.is_empty() || a.len() > 2 || args.has_kwargs() {
        return Err(interp.type_error(super::strings::count_message("bytes", name, 1, 2, a.len())));
    }
    let width = interp.index_value(&a[0])?;
    let fill = match a.get(1) {
        None => b' ',
        Some(v) => match bytes_like(interp.py, v) {
            Some(f) if f.len() == 1 => f[0],
            Some(f) => {
                return Err(interp.type_error(format!(
                    "{name}(): argument 2 must be a byte string of length 1, not a {} object of length {}",
                    interp.type_name(v),
                    f.len()
                )))
            }
            None => {
                return Err(interp.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    pad_with(interp, b, width, fill, how)
}

fn pad_with(interp: &mut Interp, b: &[u8], width: i64, fill: u8, how: u8) -> PyResult {
    let n = b.len() as i64;
    if width <= n {
        return Ok(new_bytes(interp, b.to_vec()));
    }
    let pad = (width - n) as usize;
    let (l, r) = match how {
        b'l' => (0, pad),
        b'r' => (pad, 0),
        _ => {
            let left = pad / 2 + (pad & width as usize & 1);
            (left, pad - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(b);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(new_bytes(interp, out))
}

fn ljust(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pad_impl(interp, args, "ljust", b'l')
}
fn rjust(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pad_impl(interp, args, "rjust", b'r')
}
fn center(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pad_impl(interp, args, "center", b'c')
}

fn zfill(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "zfill")?;
    let a = &args.pos()[1..];
    if a.len() != 1 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "bytes.zfill() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    let width = interp.index_value(&a[0])?;
    if width <= b.len() as i64 {
        return Ok(new_bytes(interp, b.to_vec()));
    }
    let fill = width as usize - b.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(b);
    if matches!(b.first(), Some(b'+' | b'-')) {
        out[0] = b[0];
        out[fill] = b'0';
    }
    Ok(new_bytes(interp, out))
}

fn affix(interp: &mut Interp, args: Args<'_>, name: &str, prefix: bool) -> PyResult {
    let b = this(interp, &args, name)?;
    let a = &args.pos()[1..];
    if a.len() != 1 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "bytes.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    let x = buf(interp, &a[0])?;
    let r = if prefix {
        b.strip_prefix(&x[..]).unwrap_or(b)
    } else {
        b.strip_suffix(&x[..]).unwrap_or(b)
    };
    Ok(new_bytes(interp, r.to_vec()))
}

fn removeprefix(interp: &mut Interp, args: Args<'_>) -> PyResult {
    affix(interp, args, "removeprefix", true)
}
fn removesuffix(interp: &mut Interp, args: Args<'_>) -> PyResult {
    affix(interp, args, "removesuffix", false)
}

fn splitlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "splitlines")?;
    let p = bind_args(interp, args, "splitlines", 1, &["keepends"], 0, &[])?;
    let keep = match &p[0] {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let eol = i;
        if i < b.len() {
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
        }
        parts.push(b[start..if keep { i } else { eol }].to_vec());
    }
    Ok(list_of(interp, parts))
}

fn expandtabs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "expandtabs")?;
    let p = bind_args(interp, args, "expandtabs", 1, &["tabsize"], 0, &[])?;
    let tab = int_or(interp, p[0].as_ref(), 8)?;
    let mut out = Vec::with_capacity(b.len());
    let mut col: i64 = 0;
    for &c in b {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_bytes(interp, out))
}

fn translate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "translate")?;
    let p = bind_args(interp, args, "translate", 1, &["table", "delete"], 1, &[])?;
    let table = match &p[0] {
        None => return Err(interp.type_error("translate() takes at least 1 argument (0 given)")),
        Some(Value::None) => None,
        Some(v) => {
            let t = buf(interp, v)?.into_owned();
            if t.len() != 256 {
                return Err(interp.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match &p[1] {
        None => Vec::new(),
        Some(v) => buf(interp, v)?.into_owned(),
    };
    let out = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(new_bytes(interp, out))
}

fn maketrans(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if a.len() != 2 || args.has_kwargs() {
        return Err(interp.type_error(format!("maketrans expected 2 arguments, got {}", a.len())));
    }
    let from = buf(interp, &a[0])?;
    let to = buf(interp, &a[1])?;
    if from.len() != to.len() {
        return Err(interp.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255).collect();
    for (&f, &g) in from.iter().zip(to.iter()) {
        t[f as usize] = g;
    }
    Ok(new_bytes(interp, t))
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.bytes.clone();
    for (name, f) in [
        ("split", split as crate::interp::NativeFn),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("partition", partition),
        ("rpartition", rpartition),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("ljust", ljust),
        ("rjust", rjust),
        ("center", center),
        ("zfill", zfill),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("splitlines", splitlines),
        ("expandtabs", expandtabs),
        ("translate", translate),
    ] {
        add_method(interp, &t, name, f);
    }
    for &(name, f) in UNARY {
        add_method(interp, &t, name, f);
    }
    add_static(interp, &t, "maketrans", maketrans);
    let ba = interp.g.types.bytearray.clone();
    add_static(interp, &ba, "maketrans", maketrans);
}
