//! `unicodedata`: the Unicode character database, over the `rustpython-unicode` crate
//! (ICU4X property data, `unicode_names2` names, its own Unicode 3.2.0 tables).
//!
//! The module's functions read the current database; `unicodedata.ucd_3_2_0` is a `UCD`
//! object with the same methods over Unicode 3.2.0 (what the Lib's `stringprep`, under the
//! `idna` codec, uses). Each function is a pure lookup: no state, no lock.
use gilvm_object::ObjRef;
use gilvm_vm::modules::util::{native_obj, native_type, with_data};
use gilvm_vm::{Args, Interp, NativeFn, PyResult, Value};
use rustpython_unicode::data::{LookupResult, Ucd};
use rustpython_unicode::normalize::{is_normalized, normalize, NormalizeForm};
use rustpython_wtf8::{CodePoint, Wtf8};

/// The data of a `UCD` object: which database it reads.
struct UcdObj(bool);

/// (the database, the arguments after `self` for a method of `UCD`).
fn split<'a>(interp: &Interp, args: &Args<'a>, method: bool) -> (Ucd, Args<'a>) {
    if method {
        let modern = args
            .pos()
            .first()
            .and_then(|s| with_data::<UcdObj, _>(interp, s, |u| u.0))
            .unwrap_or(true);
        (
            Ucd::new(modern),
            Args {
                all: &args.all[1..],
                kwnames: args.kwnames,
            },
        )
    } else {
        (Ucd::new(true), *args)
    }
}

/// The database's code point for a stored character (a stored lone surrogate, see
/// gilvm-object's surrogate.rs, is looked up as the surrogate it stands for).
fn cp(c: char) -> CodePoint {
    CodePoint::from_u32(gilvm_object::surrogate::code(c)).unwrap_or(CodePoint::from(c))
}

fn chr_arg(interp: &Interp, fname: &str, v: &Value) -> PyResult<char> {
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(interp.type_error(format!(
            "{fname}(): argument must be a unicode character, not a string of length {}",
            s.chars().count()
        )));
    }
    Err(interp.type_error(format!(
        "{fname}() argument must be a unicode character, not {}",
        interp.type_name(v)
    )))
}

fn one(
    interp: &Interp,
    args: &Args<'_>,
    fname: &str,
    max: usize,
) -> PyResult<(char, Option<Value>)> {
    let a = args.exact(interp, fname, 1, max)?;
    let c = chr_arg(interp, fname, &a[0])?;
    Ok((c, a.get(1).cloned()))
}

macro_rules! both {
    ($f:ident, $m:ident, $body:ident) => {
        fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let (u, a) = split(interp, &args, false);
            $body(interp, u, a)
        }
        fn $m(interp: &mut Interp, args: Args<'_>) -> PyResult {
            let (u, a) = split(interp, &args, true);
            $body(interp, u, a)
        }
    };
}

fn do_lookup(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "lookup", 1, 1)?;
    let name = match a[0].as_str() {
        Some(s) => s.to_string(),
        None => {
            return Err(interp.type_error(format!(
                "lookup() argument must be str, not {}",
                interp.type_name(&a[0])
            )))
        }
    };
    match u.lookup(&name) {
        Some(LookupResult::Character(c)) => Ok(interp.char_str(c)),
        Some(LookupResult::Sequence(s)) => Ok(interp.new_str(s)),
        None => {
            let k = interp.new_str(format!("undefined character name '{name}'"));
            Err(interp.key_error(k))
        }
    }
}
both!(lookup, m_lookup, do_lookup);

fn do_name(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, default) = one(interp, &args, "name", 2)?;
    let n = if u.membership(c) {
        rustpython_unicode::data::character_name(c)
    } else {
        None
    };
    match (n, default) {
        (Some(n), _) => Ok(interp.new_str(n)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.value_error("no such name")),
    }
}
both!(name, m_name, do_name);

fn do_decimal(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, default) = one(interp, &args, "decimal", 2)?;
    match (u.decimal(cp(c)), default) {
        (Some(v), _) => Ok(Value::Int(v as i64)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.value_error("not a decimal")),
    }
}
both!(decimal, m_decimal, do_decimal);

fn do_digit(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, default) = one(interp, &args, "digit", 2)?;
    match (u.digit(cp(c)), default) {
        (Some(v), _) => Ok(Value::Int(v as i64)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.value_error("not a digit")),
    }
}
both!(digit, m_digit, do_digit);

fn do_numeric(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, default) = one(interp, &args, "numeric", 2)?;
    match (u.numeric(cp(c)), default) {
        (Some(v), _) => Ok(Value::Float(v)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.value_error("not a numeric character")),
    }
}
both!(numeric, m_numeric, do_numeric);

fn do_category(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, _) = one(interp, &args, "category", 1)?;
    Ok(interp.new_str(u.category(cp(c))))
}
both!(category, m_category, do_category);

fn do_bidirectional(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, _) = one(interp, &args, "bidirectional", 1)?;
    if gilvm_object::surrogate::is_surrogate(c) {
        // UnicodeData.txt gives the surrogates class L; the crate's tables leave them out.
        return Ok(interp.new_str("L"));
    }
    Ok(interp.new_str(u.bidirectional(cp(c))))
}
both!(bidirectional, m_bidirectional, do_bidirectional);

fn do_combining(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, _) = one(interp, &args, "combining", 1)?;
    Ok(Value::Int(u.combining(cp(c)) as i64))
}
both!(combining, m_combining, do_combining);

fn do_east_asian_width(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, _) = one(interp, &args, "east_asian_width", 1)?;
    Ok(interp.new_str(u.east_asian_width(cp(c))))
}
both!(east_asian_width, m_east_asian_width, do_east_asian_width);

fn do_mirrored(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, _) = one(interp, &args, "mirrored", 1)?;
    Ok(Value::Int(u.mirrored(cp(c)) as i64))
}
both!(mirrored, m_mirrored, do_mirrored);

fn do_decomposition(interp: &mut Interp, u: Ucd, args: Args<'_>) -> PyResult {
    let (c, _) = one(interp, &args, "decomposition", 1)?;
    Ok(interp.new_str(u.decomposition(cp(c))))
}
both!(decomposition, m_decomposition, do_decomposition);

fn form_and_text(
    interp: &Interp,
    args: &Args<'_>,
    fname: &str,
) -> PyResult<(NormalizeForm, String)> {
    let a = args.exact(interp, fname, 2, 2)?;
    let Some(f) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    let Some(s) = a[1].as_str() else {
        return Err(interp.type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            interp.type_name(&a[1])
        )));
    };
    let form: NormalizeForm = f
        .parse()
        .map_err(|_| interp.value_error("invalid normalization form"))?;
    Ok((form, s.to_string()))
}

fn do_normalize(interp: &mut Interp, _u: Ucd, args: Args<'_>) -> PyResult {
    let (form, s) = form_and_text(interp, &args, "normalize")?;
    if s.is_ascii() {
        return Ok(args.pos()[1].clone());
    }
    let r = normalize(form, Wtf8::new(s.as_str())).into_string_lossy();
    Ok(interp.new_str(r))
}
both!(normalize_fn, m_normalize, do_normalize);

fn do_is_normalized(interp: &mut Interp, _u: Ucd, args: Args<'_>) -> PyResult {
    let (form, s) = form_and_text(interp, &args, "is_normalized")?;
    Ok(Value::Bool(is_normalized(form, Wtf8::new(s.as_str()))))
}
both!(is_normalized_fn, m_is_normalized, do_is_normalized);

fn g_version(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (u, _) = split(interp, &args, true);
    Ok(interp.new_str(u.unidata_version()))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn, NativeFn)] = &[
        ("lookup", lookup, m_lookup),
        ("name", name, m_name),
        ("decimal", decimal, m_decimal),
        ("digit", digit, m_digit),
        ("numeric", numeric, m_numeric),
        ("category", category, m_category),
        ("bidirectional", bidirectional, m_bidirectional),
        ("combining", combining, m_combining),
        ("east_asian_width", east_asian_width, m_east_asian_width),
        ("mirrored", mirrored, m_mirrored),
        ("decomposition", decomposition, m_decomposition),
        ("normalize", normalize_fn, m_normalize),
        ("is_normalized", is_normalized_fn, m_is_normalized),
    ];
    let methods: Vec<(&'static str, NativeFn)> = fns.iter().map(|(n, _, m)| (*n, *m)).collect();
    let ucd_t = native_type(interp, "UCD", "unicodedata", &methods);
    gilvm_vm::builtins::add_getset(interp, &ucd_t, "unidata_version", g_version);
    for (n, f, _) in fns {
        let v = interp.new_native_with(n, *f, Value::Obj(interp.intern("static")));
        interp.add_value(m, n, v);
    }
    let v = interp.new_str(Ucd::new(true).unidata_version());
    interp.add_value(m, "unidata_version", v);
    let old = native_obj(interp, &ucd_t, UcdObj(false));
    interp.add_value(m, "ucd_3_2_0", old);
    interp.add_value(m, "UCD", Value::Obj(ucd_t));
    Ok(())
}
