//! `re.Pattern`'s methods and the scanner (`Pattern.scanner`, under `finditer`), after
//! CPython's `Modules/_sre/sre.c`: the same loops over successive searches, the same
//! handling of empty matches, the same results for groups that did not take part.
use std::sync::Arc;

use gilvm_vm::modules::util::{bind, native_obj, with_data};
use gilvm_vm::{Args, Interp, NativeFn, PyErr, PyResult, Value};

use super::matchobj::{compile_template, expand_pieces, join, new_match, MatchObj};
use super::run::{run_next, run_once, Cursor, Found, InvalidCode, Mode};
use super::text::{with_drive, Text};
use super::{pattern_of, types, PatternObj, TemplateObj};
use super::{FLAG_ASCII, FLAG_LOCALE, FLAG_UNICODE};

fn invalid(interp: &Interp, _: InvalidCode) -> PyErr {
    interp.runtime_error("invalid SRE code")
}

/// `self` and the arguments after it, bound to `names`.
fn params(
    interp: &mut Interp,
    args: &Args<'_>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<(Value, Arc<PatternObj>, Vec<Option<Value>>)> {
    let Some(me) = args.pos().first().cloned() else {
        return Err(interp.type_error(format!(
            "descriptor '{fname}' of 're.Pattern' object needs an argument"
        )));
    };
    let p = pattern_of(interp, &me, fname)?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = bind(interp, &rest, fname, names, required)?;
    Ok((me, p, a))
}

/// A `pos`/`endpos` argument clamped to `0..=len` (CPython's `state_init`).
fn bound(interp: &mut Interp, v: &Option<Value>, default: usize, len: usize) -> PyResult<usize> {
    let n = match v {
        None => return Ok(default.min(len)),
        Some(v) => interp.index_value(v)?,
    };
    Ok(n.clamp(0, len as i64) as usize)
}

fn once(interp: &mut Interp, args: Args<'_>, fname: &str, mode: Mode) -> PyResult {
    let (me, p, a) = params(interp, &args, fname, &["string", "pos", "endpos"], 1)?;
    let string = a[0].clone().unwrap_or(Value::None);
    let text = Text::new(interp, &string, p.isbytes)?;
    let pos = bound(interp, &a[1], 0, text.len)?;
    let endpos = bound(interp, &a[2], usize::MAX, text.len)?;
    let r = with_drive!(text, d => run_once(d, text.len, &p.code, p.groups, pos, endpos, mode));
    match r.map_err(|e| invalid(interp, e))? {
        None => Ok(Value::None),
        Some(f) => Ok(new_match(
            interp,
            &me,
            &p,
            &string,
            &Arc::new(text),
            f,
            pos,
            endpos,
        )),
    }
}

fn p_match(interp: &mut Interp, args: Args<'_>) -> PyResult {
    once(interp, args, "match", Mode::Match)
}

fn p_fullmatch(interp: &mut Interp, args: Args<'_>) -> PyResult {
    once(interp, args, "fullmatch", Mode::FullMatch)
}

fn p_search(interp: &mut Interp, args: Args<'_>) -> PyResult {
    once(interp, args, "search", Mode::Search)
}

/// Calls `each` on every successive match (at most `limit` of them when non-zero).
fn each_match(
    interp: &mut Interp,
    p: &PatternObj,
    text: &Text,
    pos: usize,
    endpos: usize,
    limit: i64,
    mut each: impl FnMut(&mut Interp, Found) -> PyResult<()>,
) -> PyResult<i64> {
    let mut cur = Cursor {
        start: pos,
        end: endpos,
        must_advance: false,
    };
    let mut n = 0i64;
    while limit == 0 || n < limit {
        let r = with_drive!(text, d => run_next(d, text.len, &p.code, p.groups, &mut cur, false));
        match r.map_err(|e| invalid(interp, e))? {
            None => break,
            Some(f) => {
                each(interp, f)?;
                n += 1;
            }
        }
    }
    Ok(n)
}

fn findall(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, p, a) = params(interp, &args, "findall", &["string", "pos", "endpos"], 1)?;
    let string = a[0].clone().unwrap_or(Value::None);
    let text = Text::new(interp, &string, p.isbytes)?;
    let pos = bound(interp, &a[1], 0, text.len)?;
    let endpos = bound(interp, &a[2], usize::MAX, text.len)?;
    let mut out = Vec::new();
    let empty = text.empty(interp);
    each_match(interp, &p, &text, pos, endpos, 0, |interp, f| {
        let slice = |interp: &Interp, g: usize| {
            let (a, b) = f.span(g);
            if a < 0 {
                empty.clone()
            } else {
                text.slice(interp, a as usize, b as usize)
            }
        };
        let item = match p.groups {
            0 => text.slice(interp, f.start, f.end),
            1 => slice(interp, 1),
            n => {
                let t: Vec<Value> = (1..=n).map(|g| slice(interp, g)).collect();
                interp.new_tuple(t)
            }
        };
        out.push(item);
        Ok(())
    })?;
    Ok(interp.new_list(out))
}

fn split(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, p, a) = params(interp, &args, "split", &["string", "maxsplit"], 1)?;
    let string = a[0].clone().unwrap_or(Value::None);
    let text = Text::new(interp, &string, p.isbytes)?;
    let maxsplit = match &a[1] {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    if maxsplit < 0 {
        return Ok(interp.new_list(vec![string]));
    }
    let mut out = Vec::new();
    let mut last = 0usize;
    each_match(interp, &p, &text, 0, text.len, maxsplit, |interp, f| {
        out.push(text.slice(interp, last, f.start));
        for g in 1..=p.groups {
            let (a, b) = f.span(g);
            out.push(if a < 0 {
                Value::None
            } else {
                text.slice(interp, a as usize, b as usize)
            });
        }
        last = f.end;
        Ok(())
    })?;
    out.push(text.slice(interp, last, text.len));
    Ok(interp.new_list(out))
}

/// What `sub` puts in place of each match.
enum Filter {
    Callable(Value),
    Literal(Option<Value>),
    Template(Arc<TemplateObj>),
}

fn builtin(interp: &Interp, name: &str) -> Option<Value> {
    interp.dict_get_str(&interp.g.builtins_dict, &interp.intern(name))
}

fn is_callable(interp: &mut Interp, v: &Value) -> PyResult<bool> {
    match builtin(interp, "callable") {
        Some(c) => {
            let r = interp.call1(&c, &[v.clone()])?;
            interp.truthy(&r)
        }
        None => Ok(false),
    }
}

fn subx(interp: &mut Interp, args: Args<'_>, fname: &str, with_count: bool) -> PyResult {
    let (me, p, a) = params(interp, &args, fname, &["repl", "string", "count"], 2)?;
    let repl = a[0].clone().unwrap_or(Value::None);
    let string = a[1].clone().unwrap_or(Value::None);
    let count = match &a[2] {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let filter = if is_callable(interp, &repl)? {
        Filter::Callable(repl.clone())
    } else {
        let literal = if let Some(s) = repl.as_str() {
            !s.contains('\\')
        } else if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, &repl) {
            !b.contains(&b'\\')
        } else {
            false
        };
        if literal {
            Filter::Literal(Some(repl.clone()))
        } else {
            let t = compile_template(interp, &me, &repl)?;
            if t.items.is_empty() {
                Filter::Literal(t.literal.clone())
            } else {
                Filter::Template(t)
            }
        }
    };
    let text = Arc::new(Text::new(interp, &string, p.isbytes)?);
    if count < 0 {
        return Ok(if with_count {
            interp.new_tuple(vec![string, Value::Int(0)])
        } else {
            string
        });
    }
    let mut pieces = Vec::new();
    let mut last = 0usize;
    let n = each_match(interp, &p, &text, 0, text.len, count, |interp, f| {
        if last < f.start {
            pieces.push(text.slice(interp, last, f.start));
        }
        let end = f.end;
        match &filter {
            Filter::Literal(Some(l)) => pieces.push(l.clone()),
            Filter::Literal(None) => {}
            Filter::Callable(c) => {
                let m = new_match(interp, &me, &p, &string, &text, f, 0, text.len);
                let item = interp.call1(c, &[m])?;
                if !item.is_none() {
                    pieces.push(item);
                }
            }
            Filter::Template(t) => {
                let m = MatchObj {
                    pattern: me.clone(),
                    pat: p.clone(),
                    string: string.clone(),
                    text: text.clone(),
                    found: f,
                    pos: 0,
                    endpos: text.len,
                };
                expand_pieces(interp, t, &m, &mut pieces)?;
            }
        }
        last = end;
        Ok(())
    })?;
    if last < text.len {
        pieces.push(text.slice(interp, last, text.len));
    }
    let r = join(interp, &text, pieces)?;
    Ok(if with_count {
        interp.new_tuple(vec![r, Value::Int(n)])
    } else {
        r
    })
}

fn sub(interp: &mut Interp, args: Args<'_>) -> PyResult {
    subx(interp, args, "sub", false)
}

fn subn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    subx(interp, args, "subn", true)
}

/// A scanner's state: the subject and the cursor of its successive matches (None while
/// a step runs).
pub(crate) struct ScannerObj {
    pattern: Value,
    pat: Arc<PatternObj>,
    string: Value,
    text: Arc<Text>,
    pos: usize,
    endpos: usize,
    cur: Option<Cursor>,
}

fn new_scanner(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult {
    let (me, p, a) = params(interp, args, fname, &["string", "pos", "endpos"], 1)?;
    let string = a[0].clone().unwrap_or(Value::None);
    let text = Text::new(interp, &string, p.isbytes)?;
    let pos = bound(interp, &a[1], 0, text.len)?;
    let endpos = bound(interp, &a[2], usize::MAX, text.len)?;
    let st = ScannerObj {
        pattern: me,
        pat: p,
        string,
        text: Arc::new(text),
        pos,
        endpos,
        cur: Some(Cursor {
            start: pos,
            end: endpos,
            must_advance: false,
        }),
    };
    let t = types(interp).scanner.clone();
    Ok(native_obj(interp, &t, st))
}

fn scanner(interp: &mut Interp, args: Args<'_>) -> PyResult {
    new_scanner(interp, &args, "scanner")
}

fn finditer(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sc = new_scanner(interp, &args, "finditer")?;
    let search = interp.getattr_str(&sc, "search")?;
    let Some(iter) = builtin(interp, "iter") else {
        return Err(interp.runtime_error("lost builtins.iter"));
    };
    interp.call1(&iter, &[search, Value::None])
}

type ScanParts = (
    Value,
    Arc<PatternObj>,
    Value,
    Arc<Text>,
    usize,
    usize,
    Cursor,
);

fn scanner_step(interp: &mut Interp, args: Args<'_>, fname: &str, anchored: bool) -> PyResult {
    let a = args.exact(interp, fname, 1, 1)?;
    let me = &a[0];
    let taken: Option<Option<ScanParts>> = with_data::<ScannerObj, _>(interp, me, |s| {
        s.cur.take().map(|c| {
            (
                s.pattern.clone(),
                s.pat.clone(),
                s.string.clone(),
                s.text.clone(),
                s.pos,
                s.endpos,
                c,
            )
        })
    });
    let (pattern, p, string, text, pos, endpos, mut cur) = match taken {
        None => {
            return Err(interp.type_error(format!(
            "descriptor '{fname}' for '_sre.SRE_Scanner' objects doesn't apply to a '{}' object",
            interp.type_name(me)
        )))
        }
        Some(None) => {
            return Err(interp.value_error("regular expression scanner already executing"))
        }
        Some(Some(x)) => x,
    };
    let r = with_drive!(text, d => run_next(d, text.len, &p.code, p.groups, &mut cur, anchored));
    with_data::<ScannerObj, _>(interp, me, |s| s.cur = Some(cur));
    match r.map_err(|e| invalid(interp, e))? {
        None => Ok(Value::None),
        Some(f) => Ok(new_match(
            interp, &pattern, &p, &string, &text, f, pos, endpos,
        )),
    }
}

fn scanner_match(interp: &mut Interp, args: Args<'_>) -> PyResult {
    scanner_step(interp, args, "match", true)
}

fn scanner_search(interp: &mut Interp, args: Args<'_>) -> PyResult {
    scanner_step(interp, args, "search", false)
}

pub(super) fn scanner_pattern(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "pattern", 1, 1)?;
    with_data::<ScannerObj, _>(interp, &a[0], |s| s.pattern.clone())
        .ok_or_else(|| interp.type_error("not a scanner"))
}

const FLAG_NAMES: &[(&str, u32)] = &[
    ("re.IGNORECASE", 2),
    ("re.LOCALE", FLAG_LOCALE),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", FLAG_UNICODE),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", FLAG_ASCII),
];

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, p, _) = params(interp, &args, "__repr__", &[], 0)?;
    let r = interp.repr(&p.pattern)?;
    let r: String = r.chars().take(200).collect();
    let mut flags = p.flags;
    if p.isbytes == Some(false) && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE
    {
        flags &= !FLAG_UNICODE;
    }
    if flags == 0 {
        return Ok(interp.new_str(format!("re.compile({r})")));
    }
    let mut names = Vec::new();
    for (n, f) in FLAG_NAMES {
        if flags & f != 0 {
            names.push(n.to_string());
            flags &= !f;
        }
    }
    if flags != 0 {
        names.push(format!("0x{flags:x}"));
    }
    Ok(interp.new_str(format!("re.compile({r}, {})", names.join("|"))))
}

fn eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__eq__", 2, 2)?;
    let Some(x) = with_data::<Arc<PatternObj>, _>(interp, &a[0], |p| p.clone()) else {
        return Ok(interp.not_implemented());
    };
    let Some(y) = with_data::<Arc<PatternObj>, _>(interp, &a[1], |p| p.clone()) else {
        return Ok(interp.not_implemented());
    };
    if Arc::ptr_eq(&x, &y) {
        return Ok(Value::Bool(true));
    }
    if x.flags != y.flags || x.isbytes != y.isbytes || x.code != y.code {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(interp.eq(&x.pattern, &y.pattern)?))
}

fn hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, p, _) = params(interp, &args, "__hash__", &[], 0)?;
    let h = interp.hash(&p.pattern)?;
    let mut x = h ^ (p.flags as i64).wrapping_mul(1_000_003);
    for c in p.code.iter() {
        x = x.wrapping_mul(31).wrapping_add(*c as i64);
    }
    if x == -1 {
        x = -2;
    }
    Ok(Value::Int(x))
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    params(interp, &args, "__copy__", &[], 0)?;
    Ok(args.pos()[0].clone())
}

fn deepcopy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    params(interp, &args, "__deepcopy__", &["memo"], 1)?;
    Ok(args.pos()[0].clone())
}

fn g_pattern(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(params(interp, &args, "pattern", &[], 0)?.1.pattern.clone())
}

fn g_flags(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(
        params(interp, &args, "flags", &[], 0)?.1.flags as i64,
    ))
}

fn g_groups(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(
        params(interp, &args, "groups", &[], 0)?.1.groups as i64,
    ))
}

/// A copy of the name → index dict (CPython returns a read-only mapping proxy).
fn g_groupindex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = params(interp, &args, "groupindex", &[], 0)?.1;
    match &p.groupindex {
        Value::Obj(d) if matches!(d.payload(), gilvm_object::Payload::Dict(_)) => {
            Ok(Value::Obj(interp.dict_copy(d)?))
        }
        _ => Ok(Value::Obj(interp.new_dict_obj())),
    }
}

pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("match", p_match),
    ("fullmatch", p_fullmatch),
    ("search", p_search),
    ("findall", findall),
    ("finditer", finditer),
    ("scanner", scanner),
    ("split", split),
    ("sub", sub),
    ("subn", subn),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__hash__", hash),
    ("__copy__", copy),
    ("__deepcopy__", deepcopy),
];

pub(super) const GETSETS: &[(&str, NativeFn)] = &[
    ("pattern", g_pattern),
    ("flags", g_flags),
    ("groups", g_groups),
    ("groupindex", g_groupindex),
];

pub(super) const SCANNER_METHODS: &[(&str, NativeFn)] =
    &[("match", scanner_match), ("search", scanner_search)];
