//! `re.Match`: one match's spans over its subject, and the expansion of a compiled
//! replacement template (`Match.expand`, `Pattern.sub`).
use std::sync::Arc;

use gilvm_vm::modules::util::{bind, native_obj, with_data};
use gilvm_vm::{Args, Interp, NativeFn, PyResult, Value};

use super::run::Found;
use super::text::Text;
use super::{types, PatternObj, TemplateObj};

/// A match (immutable).
pub(crate) struct MatchObj {
    /// The `re.Pattern` object.
    pub pattern: Value,
    pub pat: Arc<PatternObj>,
    /// The subject as given.
    pub string: Value,
    pub text: Arc<Text>,
    pub found: Found,
    pub pos: usize,
    pub endpos: usize,
}

impl MatchObj {
    /// Group `g`'s text, or `default` if it did not take part.
    pub fn group(&self, interp: &Interp, g: usize, default: &Value) -> Value {
        match self.found.span(g) {
            (a, b) if a >= 0 => self.text.slice(interp, a as usize, b as usize),
            _ => default.clone(),
        }
    }
}

pub(crate) fn new_match(
    interp: &mut Interp,
    pattern: &Value,
    pat: &Arc<PatternObj>,
    string: &Value,
    text: &Arc<Text>,
    found: Found,
    pos: usize,
    endpos: usize,
) -> Value {
    let t = types(interp).matcht.clone();
    native_obj(
        interp,
        &t,
        Arc::new(MatchObj {
            pattern: pattern.clone(),
            pat: pat.clone(),
            string: string.clone(),
            text: text.clone(),
            found,
            pos,
            endpos,
        }),
    )
}

fn this(interp: &Interp, args: &Args<'_>, fname: &str) -> PyResult<Arc<MatchObj>> {
    let Some(me) = args.pos().first() else {
        return Err(interp.type_error(format!(
            "descriptor '{fname}' of 're.Match' object needs an argument"
        )));
    };
    with_data::<Arc<MatchObj>, _>(interp, me, |m| m.clone()).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor '{fname}' for 're.Match' objects doesn't apply to a '{}' object",
            interp.type_name(me)
        ))
    })
}

/// The arguments after `self`.
fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    }
}

/// The group number `v` names: an index, or a name of `groupindex`.
fn group_index(interp: &mut Interp, m: &MatchObj, v: &Value) -> PyResult<usize> {
    let i = if let Some(n) = v.to_bigint() {
        num_traits::ToPrimitive::to_i64(&n).unwrap_or(-1)
    } else {
        let mut found = -1i64;
        if let Value::Obj(d) = &m.pat.groupindex {
            if matches!(d.payload(), gilvm_object::Payload::Dict(_)) {
                if let Some(x) = interp.dict_get(d, v)? {
                    if let Some(n) = x.to_bigint() {
                        found = num_traits::ToPrimitive::to_i64(&n).unwrap_or(-1);
                    }
                }
            }
        }
        if found < 0 && interp.lookup_special(v, "__index__").is_some() {
            found = interp.index_value(v)?;
        }
        found
    };
    if i < 0 || i as usize > m.pat.groups {
        return Err(interp.index_error("no such group"));
    }
    Ok(i as usize)
}

fn group(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "group")?;
    let a = rest(&args);
    if a.has_kwargs() {
        return Err(interp.type_error("group() takes no keyword arguments"));
    }
    match a.pos() {
        [] => Ok(m.group(interp, 0, &Value::None)),
        [g] => {
            let i = group_index(interp, &m, g)?;
            Ok(m.group(interp, i, &Value::None))
        }
        gs => {
            let mut out = Vec::with_capacity(gs.len());
            for g in gs {
                let i = group_index(interp, &m, g)?;
                out.push(m.group(interp, i, &Value::None));
            }
            Ok(interp.new_tuple(out))
        }
    }
}

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "__getitem__")?;
    let a = args.exact(interp, "__getitem__", 2, 2)?;
    let i = group_index(interp, &m, &a[1])?;
    Ok(m.group(interp, i, &Value::None))
}

fn groups(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "groups")?;
    let a = bind(interp, &rest(&args), "groups", &["default"], 0)?;
    let d = a[0].clone().unwrap_or(Value::None);
    let out: Vec<Value> = (1..=m.pat.groups).map(|g| m.group(interp, g, &d)).collect();
    Ok(interp.new_tuple(out))
}

fn groupdict(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "groupdict")?;
    let a = bind(interp, &rest(&args), "groupdict", &["default"], 0)?;
    let d = a[0].clone().unwrap_or(Value::None);
    let out = interp.new_dict_obj();
    if let Value::Obj(gi) = &m.pat.groupindex {
        if matches!(gi.payload(), gilvm_object::Payload::Dict(_)) {
            for (k, _) in interp.dict_items(gi)? {
                let i = group_index(interp, &m, &k)?;
                let v = m.group(interp, i, &d);
                interp.dict_set(&out, k, v)?;
            }
        }
    }
    Ok(Value::Obj(out))
}

fn span_of(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<(isize, isize)> {
    let m = this(interp, args, fname)?;
    let a = rest(args);
    if a.has_kwargs() {
        return Err(interp.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let p = a.pos();
    if p.len() > 1 {
        return Err(interp.type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            p.len()
        )));
    }
    let g = match p.first() {
        Some(v) => group_index(interp, &m, v)?,
        None => 0,
    };
    Ok(m.found.span(g))
}

fn start(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(span_of(interp, &args, "start")?.0 as i64))
}

fn end(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(span_of(interp, &args, "end")?.1 as i64))
}

fn span(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (a, b) = span_of(interp, &args, "span")?;
    Ok(interp.new_tuple(vec![Value::Int(a as i64), Value::Int(b as i64)]))
}

/// Calls `re._compile_template(pattern, repl)` (cached by the Lib) and returns the
/// compiled template.
pub(crate) fn compile_template(
    interp: &mut Interp,
    pattern: &Value,
    repl: &Value,
) -> PyResult<Arc<TemplateObj>> {
    let re = interp.import_module("re")?;
    let f = interp.getattr_str(&Value::Obj(re), "_compile_template")?;
    let t = interp.call1(&f, &[pattern.clone(), repl.clone()])?;
    with_data::<Arc<TemplateObj>, _>(interp, &t, |t| t.clone())
        .ok_or_else(|| interp.type_error("invalid template"))
}

/// The pieces of `t` expanded for `m` (the literal text and the groups that took part).
pub(crate) fn expand_pieces(
    interp: &mut Interp,
    t: &TemplateObj,
    m: &MatchObj,
    out: &mut Vec<Value>,
) -> PyResult<()> {
    if let Some(l) = &t.literal {
        out.push(l.clone());
    }
    for (g, lit) in &t.items {
        if *g > m.pat.groups {
            return Err(interp.index_error("no such group"));
        }
        let v = m.group(interp, *g, &Value::None);
        if !v.is_none() {
            out.push(v);
        }
        if let Some(l) = lit {
            out.push(l.clone());
        }
    }
    Ok(())
}

/// `"".join(pieces)` (or `b""`), with str.join's own messages for a wrong piece.
pub(crate) fn join(interp: &mut Interp, text: &Text, pieces: Vec<Value>) -> PyResult {
    let empty = text.empty(interp);
    let list = interp.new_list(pieces);
    interp.call_method(&empty, "join", &[list])
}

fn expand(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "expand")?;
    let a = bind(interp, &rest(&args), "expand", &["template"], 1)?;
    let t = compile_template(interp, &m.pattern, a[0].as_ref().unwrap_or(&Value::None))?;
    let mut pieces = Vec::new();
    expand_pieces(interp, &t, &m, &mut pieces)?;
    join(interp, &m.text, pieces)
}

/// `_sre.SRE_Template` has no methods of its own; `Pattern.sub` and `Match.expand` use it.
fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "__repr__")?;
    let g0 = m.group(interp, 0, &Value::None);
    let r = interp.repr(&g0)?;
    let r: String = r.chars().take(50).collect();
    Ok(interp.new_str(format!(
        "<re.Match object; span=({}, {}), match={r}>",
        m.found.start, m.found.end
    )))
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    this(interp, &args, "__copy__")?;
    Ok(args.pos()[0].clone())
}

fn deepcopy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    this(interp, &args, "__deepcopy__")?;
    args.exact(interp, "__deepcopy__", 2, 2)?;
    Ok(args.pos()[0].clone())
}

fn g_lastindex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "lastindex")?;
    Ok(if m.found.lastindex >= 0 {
        Value::Int(m.found.lastindex as i64)
    } else {
        Value::None
    })
}

fn g_lastgroup(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "lastgroup")?;
    if m.found.lastindex < 0 {
        return Ok(Value::None);
    }
    let ig = m.pat.indexgroup.clone();
    if ig.is_none() {
        return Ok(Value::None);
    }
    match interp.getitem(&ig, &Value::Int(m.found.lastindex as i64)) {
        Ok(v) => Ok(v),
        Err(_) => Ok(Value::None),
    }
}

fn g_regs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let m = this(interp, &args, "regs")?;
    let out: Vec<Value> = (0..=m.pat.groups)
        .map(|g| {
            let (a, b) = m.found.span(g);
            interp.new_tuple(vec![Value::Int(a as i64), Value::Int(b as i64)])
        })
        .collect();
    Ok(interp.new_tuple(out))
}

fn g_string(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(this(interp, &args, "string")?.string.clone())
}

fn g_re(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(this(interp, &args, "re")?.pattern.clone())
}

fn g_pos(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(this(interp, &args, "pos")?.pos as i64))
}

fn g_endpos(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Int(this(interp, &args, "endpos")?.endpos as i64))
}

pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("group", group),
    ("groups", groups),
    ("groupdict", groupdict),
    ("start", start),
    ("end", end),
    ("span", span),
    ("expand", expand),
    ("__getitem__", getitem),
    ("__repr__", repr),
    ("__copy__", copy),
    ("__deepcopy__", deepcopy),
];

pub(super) const GETSETS: &[(&str, NativeFn)] = &[
    ("lastindex", g_lastindex),
    ("lastgroup", g_lastgroup),
    ("regs", g_regs),
    ("string", g_string),
    ("re", g_re),
    ("pos", g_pos),
    ("endpos", g_endpos),
];
