//! `_sre`: the regular-expression engine under CPython's `re` (the Lib's `re/_compiler.py`
//! compiles a pattern to SRE code and calls `_sre.compile`).
//!
//! # What
//! The matching itself is the `rustpython-sre_engine` crate (pinned `=0.6.0`, whose opcode
//! numbering and `MAGIC` match the Lib's `re/_constants.py`). This module is the object
//! layer CPython's `Modules/_sre/sre.c` provides: `Pattern` (`match`, `fullmatch`,
//! `search`, `findall`, `finditer`, `scanner`, `split`, `sub`, `subn`), `Match`, the
//! scanner, the compiled replacement template (`_sre.template`), and the case helpers the
//! compiler uses.
//!
//! # Files
//! `text.rs`: the subject as the engine sees it (character-indexed); `run.rs`: one run of
//! the engine and the loop of successive searches; `pattern.rs`: the `Pattern` methods;
//! `matchobj.rs`: `Match` and the template expansion.
//!
//! # Invariants (free-threaded build)
//! Pattern, Match and Template objects are immutable: their native data is an `Arc` cloned
//! out of the object's lock, so a match runs without any lock held and any number of
//! threads may use one compiled pattern at once, as in CPython. A scanner is the only
//! object with state; a step takes its cursor out (a second concurrent step raises
//! "regular expression scanner already executing", CPython's message) and puts it back.
use std::sync::{Arc, OnceLock};

use gilvm_object::{ObjRef, Payload};
use gilvm_vm::modules::util::{native_obj, native_type, with_data, Statics};
use gilvm_vm::{Args, Interp, PyResult, Value};

mod matchobj;
mod pattern;
mod run;
mod text;

/// `re._constants.MAGIC` of the Lib (`SRE_MAGIC` of the engine).
const MAGIC: i64 = 20230612;
const CODESIZE: i64 = 4;
const MAXREPEAT: i64 = u32::MAX as i64;
/// CPython's `SRE_MAXGROUPS` on a 64-bit build.
const MAXGROUPS: i64 = 1073741823;

pub(crate) const FLAG_LOCALE: u32 = 4;
pub(crate) const FLAG_UNICODE: u32 = 32;
pub(crate) const FLAG_ASCII: u32 = 256;

/// A compiled pattern (immutable).
pub(crate) struct PatternObj {
    /// The source (`str`, `bytes` or None).
    pub pattern: Value,
    pub flags: u32,
    pub code: Box<[u32]>,
    /// The number of capturing groups.
    pub groups: usize,
    /// name → index (a dict).
    pub groupindex: Value,
    /// index → name or None (a tuple).
    pub indexgroup: Value,
    /// Some(true) for a bytes pattern, Some(false) for str, None without a source.
    pub isbytes: Option<bool>,
}

/// A compiled replacement (`_sre.template`): the first literal, then (group, literal)
/// pairs; empty literals are None.
pub(crate) struct TemplateObj {
    pub literal: Option<Value>,
    pub items: Vec<(usize, Option<Value>)>,
}

pub(crate) struct Types {
    pub pattern: ObjRef,
    pub matcht: ObjRef,
    pub scanner: ObjRef,
    pub template: ObjRef,
}

static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

pub(crate) fn types(interp: &mut Interp) -> &'static Types {
    &TYPES.get_or_init(|| Statics(create_types(interp))).0
}

fn create_types(interp: &mut Interp) -> Types {
    let pattern = native_type(interp, "Pattern", "re", pattern::METHODS);
    for (n, f) in pattern::GETSETS {
        gilvm_vm::builtins::add_getset(interp, &pattern, n, *f);
    }
    let matcht = native_type(interp, "Match", "re", matchobj::METHODS);
    for (n, f) in matchobj::GETSETS {
        gilvm_vm::builtins::add_getset(interp, &matcht, n, *f);
    }
    let scanner = native_type(interp, "SRE_Scanner", "_sre", pattern::SCANNER_METHODS);
    gilvm_vm::builtins::add_getset(interp, &scanner, "pattern", pattern::scanner_pattern);
    let template = native_type(interp, "SRE_Template", "_sre", &[]);
    Types {
        pattern,
        matcht,
        scanner,
        template,
    }
}

/// The compiled pattern `v` is (`self` of a Pattern method).
pub(crate) fn pattern_of(interp: &Interp, v: &Value, fname: &str) -> PyResult<Arc<PatternObj>> {
    with_data::<Arc<PatternObj>, _>(interp, v, |p| p.clone()).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor '{fname}' for 're.Pattern' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))
    })
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = gilvm_vm::modules::util::bind(
        interp,
        &args,
        "compile",
        &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
    )?;
    let a: Vec<Value> = a.into_iter().map(|v| v.unwrap_or(Value::None)).collect();
    let flags = interp.index_value(&a[1])?;
    let Value::Obj(code_list) = &a[2] else {
        return Err(interp.type_error(format!(
            "compile() argument 'code' must be list, not {}",
            interp.type_name(&a[2])
        )));
    };
    if !matches!(code_list.payload(), Payload::List(_)) {
        return Err(interp.type_error(format!(
            "compile() argument 'code' must be list, not {}",
            interp.type_name(&a[2])
        )));
    }
    let items = interp.collect(&a[2])?;
    let mut code = Vec::with_capacity(items.len());
    for it in &items {
        let n = match it.to_bigint() {
            Some(n) => n,
            None => {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(it)
                )))
            }
        };
        let Some(c) = num_traits::ToPrimitive::to_u32(&n) else {
            return Err(interp.overflow_error("regular expression code size limit exceeded"));
        };
        code.push(c);
    }
    let groups = interp.index_value(&a[3])?;
    let isbytes = if a[0].is_none() {
        None
    } else if a[0].as_str().is_some() {
        Some(false)
    } else if gilvm_vm::buffer::bytes_like(interp.py, &a[0]).is_some() {
        Some(true)
    } else {
        return Err(interp.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            interp.type_name(&a[0])
        )));
    };
    let p = PatternObj {
        pattern: a[0].clone(),
        flags: flags as u32,
        code: code.into_boxed_slice(),
        groups: groups.max(0) as usize,
        groupindex: a[4].clone(),
        indexgroup: a[5].clone(),
        isbytes,
    };
    let t = types(interp).pattern.clone();
    Ok(native_obj(interp, &t, Arc::new(p)))
}

/// `_sre.template(pattern, template)`: `template` is the list `re._parser.parse_template`
/// returns, `[literal, group, literal, ..., literal]`.
fn template(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "template", 2, 2)?;
    let is_list = matches!(&a[1], Value::Obj(o) if matches!(o.payload(), Payload::List(_)));
    if !is_list {
        return Err(interp.type_error(format!(
            "template() argument 2 must be list, not {}",
            interp.type_name(&a[1])
        )));
    }
    let items = interp.collect(&a[1])?;
    let t = make_template(interp, &items)?;
    let ty = types(interp).template.clone();
    Ok(native_obj(interp, &ty, Arc::new(t)))
}

fn nonempty(interp: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
    if v.is_none() {
        return Ok(None);
    }
    let empty = if let Some(s) = v.as_str() {
        s.is_empty()
    } else if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, v) {
        b.is_empty()
    } else {
        false
    };
    Ok((!empty).then(|| v.clone()))
}

pub(crate) fn make_template(interp: &mut Interp, items: &[Value]) -> PyResult<TemplateObj> {
    let n = items.len();
    if n % 2 == 0 {
        return Err(interp.type_error("invalid template"));
    }
    let literal = nonempty(interp, &items[0])?;
    let mut out = Vec::with_capacity(n / 2);
    for i in 0..n / 2 {
        let idx = interp.index_value(&items[2 * i + 1])?;
        if idx < 0 {
            return Err(interp.type_error("invalid template"));
        }
        let lit = nonempty(interp, &items[2 * i + 2])?;
        out.push((idx as usize, lit));
    }
    Ok(TemplateObj {
        literal,
        items: out,
    })
}

fn one_char(interp: &mut Interp, args: Args<'_>, fname: &str) -> PyResult<u32> {
    let a = args.exact(interp, fname, 1, 1)?;
    let v = interp.index_value(&a[0])?;
    Ok(v.clamp(0, u32::MAX as i64) as u32)
}

fn ascii_lower(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

fn ascii_iscased(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = one_char(interp, args, "ascii_iscased")?;
    Ok(Value::Bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}

fn ascii_tolower(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = one_char(interp, args, "ascii_tolower")?;
    Ok(Value::Int(ascii_lower(c) as i64))
}

fn unicode_iscased(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = one_char(interp, args, "unicode_iscased")?;
    let lo = rustpython_sre_engine::string::lower_unicode(c);
    let up = rustpython_sre_engine::string::upper_unicode(c);
    Ok(Value::Bool(c != lo || c != up))
}

fn unicode_tolower(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let c = one_char(interp, args, "unicode_tolower")?;
    Ok(Value::Int(
        rustpython_sre_engine::string::lower_unicode(c) as i64
    ))
}

fn getcodesize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getcodesize", 0, 0)?;
    Ok(Value::Int(CODESIZE))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    types(interp);
    let fns: &[(&'static str, gilvm_vm::NativeFn)] = &[
        ("compile", compile),
        ("template", template),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_iscased", unicode_iscased),
        ("unicode_tolower", unicode_tolower),
    ];
    for (n, f) in fns {
        let v = interp.new_native_with(n, *f, Value::Obj(interp.intern("static")));
        interp.add_value(m, n, v);
    }
    interp.add_value(m, "MAGIC", Value::Int(MAGIC));
    interp.add_value(m, "CODESIZE", Value::Int(CODESIZE));
    interp.add_value(m, "MAXREPEAT", Value::Int(MAXREPEAT));
    interp.add_value(m, "MAXGROUPS", Value::Int(MAXGROUPS));
    let c = interp.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    interp.add_value(m, "copyright", c);
    Ok(())
}
