//! `_locale`: the C library's locale functions, as CPython's `Modules/_localemodule.c`
//! exposes them to the Lib's `locale` module: `setlocale`, `localeconv`, `nl_langinfo`,
//! `strcoll`, `strxfrm`, `getencoding`, the `LC_*` categories and `Error`.
//!
//! These call the C library directly, as CPython does; like CPython, `setlocale` is not
//! serialised against other threads (the C function itself is not thread-safe: programs
//! set the locale at start-up).
use std::ffi::{CStr, CString};
use std::sync::OnceLock;

use gilvm_object::ObjRef;
use gilvm_vm::modules::util::Statics;
use gilvm_vm::{Args, Interp, NativeFn, PyResult, Value};

static ERROR: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn error_type(interp: &mut Interp) -> PyResult<ObjRef> {
    if let Some(e) = ERROR.get() {
        return Ok(e.0.clone());
    }
    // `locale.Error`, a subclass of Exception defined in the module.
    let m = interp.new_module("_locale_error");
    gilvm_vm::modules::util::run_embedded(
        interp,
        &m,
        "<gilvm>/_locale.py",
        "class Error(Exception):\n    pass\nError.__module__ = 'locale'\n",
    )?;
    let e = interp.getattr_str(&Value::Obj(m), "Error")?;
    let Value::Obj(e) = e else {
        return Err(interp.runtime_error("locale.Error"));
    };
    e.make_immortal();
    Ok(ERROR.get_or_init(|| Statics(e)).0.clone())
}

fn c_str(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the C library returned a NUL-terminated string (non-null, checked above)
    // that stays valid until the next call that changes the locale; it is copied at once.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

fn setlocale(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = gilvm_vm::modules::util::bind(interp, &args, "setlocale", &["category", "locale"], 1)?;
    let cat = interp.index_value(a[0].as_ref().unwrap_or(&Value::None))? as libc::c_int;
    let loc = match &a[1] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                return Err(interp.type_error(format!(
                    "setlocale() argument 'locale' must be str or None, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let r = match loc {
        None => {
            // SAFETY: querying with a null locale only reads the current setting.
            unsafe { libc::setlocale(cat, std::ptr::null()) }
        }
        Some(l) => {
            let Ok(cl) = CString::new(l) else {
                return Err(interp.value_error("embedded null character"));
            };
            // SAFETY: `cl` is a valid NUL-terminated string that outlives the call.
            unsafe { libc::setlocale(cat, cl.as_ptr()) }
        }
    };
    if r.is_null() {
        let e = error_type(interp)?;
        return Err(interp.err(&e, "unsupported locale setting"));
    }
    Ok(interp.new_str(c_str(r)))
}

fn localeconv(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "localeconv", 0, 0)?;
    // SAFETY: localeconv returns a pointer to a static struct, read at once.
    let lc = unsafe { &*libc::localeconv() };
    let d = interp.new_dict_obj();
    let grouping = |p: *const libc::c_char| -> Vec<Value> {
        let mut out = Vec::new();
        if p.is_null() {
            return out;
        }
        let mut i = 0;
        loop {
            // SAFETY: the grouping string is NUL-terminated (C library contract).
            let c = unsafe { *p.add(i) } as u8;
            if c == 0 {
                break;
            }
            out.push(Value::Int(c as i64));
            if c == libc::c_char::MAX as u8 {
                break;
            }
            i += 1;
        }
        if !out.is_empty() && !matches!(out.last(), Some(Value::Int(127))) {
            out.push(Value::Int(0));
        }
        out
    };
    let strs = [
        ("decimal_point", lc.decimal_point),
        ("thousands_sep", lc.thousands_sep),
        ("int_curr_symbol", lc.int_curr_symbol),
        ("currency_symbol", lc.currency_symbol),
        ("mon_decimal_point", lc.mon_decimal_point),
        ("mon_thousands_sep", lc.mon_thousands_sep),
        ("positive_sign", lc.positive_sign),
        ("negative_sign", lc.negative_sign),
    ];
    for (k, p) in strs {
        let v = interp.new_str(c_str(p));
        interp.dict_set(&d, interp.new_str(k), v)?;
    }
    let g = grouping(lc.grouping);
    let g = interp.new_list(g);
    interp.dict_set(&d, interp.new_str("grouping"), g)?;
    let g = grouping(lc.mon_grouping);
    let g = interp.new_list(g);
    interp.dict_set(&d, interp.new_str("mon_grouping"), g)?;
    let chars = [
        ("int_frac_digits", lc.int_frac_digits),
        ("frac_digits", lc.frac_digits),
        ("p_cs_precedes", lc.p_cs_precedes),
        ("p_sep_by_space", lc.p_sep_by_space),
        ("n_cs_precedes", lc.n_cs_precedes),
        ("n_sep_by_space", lc.n_sep_by_space),
        ("p_sign_posn", lc.p_sign_posn),
        ("n_sign_posn", lc.n_sign_posn),
    ];
    for (k, c) in chars {
        interp.dict_set(&d, interp.new_str(k), Value::Int(c as u8 as i64))?;
    }
    Ok(Value::Obj(d))
}

fn nl_langinfo(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "nl_langinfo", 1, 1)?;
    let key = interp.index_value(&a[0])?;
    let known = [
        libc::CODESET,
        libc::D_T_FMT,
        libc::D_FMT,
        libc::T_FMT,
        libc::T_FMT_AMPM,
        libc::AM_STR,
        libc::PM_STR,
        libc::RADIXCHAR,
        libc::THOUSEP,
        libc::YESEXPR,
        libc::NOEXPR,
        libc::CRNCYSTR,
        libc::ERA,
        libc::ERA_D_FMT,
        libc::ERA_D_T_FMT,
        libc::ERA_T_FMT,
        libc::ALT_DIGITS,
    ];
    let ok = known.iter().any(|&k| k as i64 == key)
        || (libc::DAY_1 as i64..=libc::DAY_7 as i64).contains(&key)
        || (libc::ABDAY_1 as i64..=libc::ABDAY_7 as i64).contains(&key)
        || (libc::MON_1 as i64..=libc::MON_12 as i64).contains(&key)
        || (libc::ABMON_1 as i64..=libc::ABMON_12 as i64).contains(&key);
    if !ok {
        return Err(interp.value_error("unsupported langinfo constant"));
    }
    // SAFETY: `key` is one of the item constants above; the result is a NUL-terminated
    // string owned by the C library, copied at once.
    let r = unsafe { libc::nl_langinfo(key as libc::nl_item) };
    Ok(interp.new_str(c_str(r)))
}

fn getencoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getencoding", 0, 0)?;
    // SAFETY: as in nl_langinfo.
    let r = c_str(unsafe { libc::nl_langinfo(libc::CODESET) });
    Ok(interp.new_str(if r.is_empty() { "utf-8".to_string() } else { r }))
}

fn two_strs(interp: &Interp, args: &Args<'_>, fname: &str, n: usize) -> PyResult<Vec<CString>> {
    let a = args.exact(interp, fname, n, n)?;
    let mut out = Vec::new();
    for (i, v) in a.iter().enumerate() {
        let Some(s) = v.as_str() else {
            return Err(interp.type_error(format!(
                "{fname}() argument {} must be str, not {}",
                i + 1,
                interp.type_name(v)
            )));
        };
        out.push(CString::new(s).map_err(|_| interp.value_error("embedded null character"))?);
    }
    Ok(out)
}

fn strcoll(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = two_strs(interp, &args, "strcoll", 2)?;
    // SAFETY: both are valid NUL-terminated strings.
    let r = unsafe { libc::strcoll(s[0].as_ptr(), s[1].as_ptr()) };
    Ok(Value::Int(r as i64))
}

fn strxfrm(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = two_strs(interp, &args, "strxfrm", 1)?;
    // SAFETY: a null buffer of size 0 asks only for the length.
    let n = unsafe { libc::strxfrm(std::ptr::null_mut(), s[0].as_ptr(), 0) };
    let mut buf = vec![0u8; n + 1];
    // SAFETY: `buf` has room for n + 1 bytes, the transformed string and its NUL.
    unsafe { libc::strxfrm(buf.as_mut_ptr() as *mut libc::c_char, s[0].as_ptr(), n + 1) };
    buf.truncate(n);
    Ok(interp.new_str(String::from_utf8_lossy(&buf).into_owned()))
}

/// What CPython does at start-up for `LC_CTYPE`: the user's locale from the environment,
/// with the C/POSIX locale coerced to `C.UTF-8` (PEP 538). gilvm does it when `_locale`
/// is first imported (nothing before depends on the C library's locale).
fn init_ctype() {
    let empty = c"";
    // SAFETY: valid NUL-terminated strings; done once, at the module's first import.
    unsafe {
        let r = libc::setlocale(libc::LC_CTYPE, empty.as_ptr());
        let name = c_str(r);
        if r.is_null() || name == "C" || name == "POSIX" {
            libc::setlocale(libc::LC_CTYPE, c"C.UTF-8".as_ptr());
        }
    }
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    init_ctype();
    let fns: &[(&'static str, NativeFn)] = &[
        ("setlocale", setlocale),
        ("localeconv", localeconv),
        ("nl_langinfo", nl_langinfo),
        ("getencoding", getencoding),
        ("strcoll", strcoll),
        ("strxfrm", strxfrm),
    ];
    for (n, f) in fns {
        let v = interp.new_native_with(n, *f, Value::Obj(interp.intern("static")));
        interp.add_value(m, n, v);
    }
    let consts: &[(&str, i64)] = &[
        ("LC_CTYPE", libc::LC_CTYPE as i64),
        ("LC_NUMERIC", libc::LC_NUMERIC as i64),
        ("LC_TIME", libc::LC_TIME as i64),
        ("LC_COLLATE", libc::LC_COLLATE as i64),
        ("LC_MONETARY", libc::LC_MONETARY as i64),
        ("LC_MESSAGES", libc::LC_MESSAGES as i64),
        ("LC_ALL", libc::LC_ALL as i64),
        ("CHAR_MAX", 127),
        ("CODESET", libc::CODESET as i64),
        ("D_T_FMT", libc::D_T_FMT as i64),
        ("D_FMT", libc::D_FMT as i64),
        ("T_FMT", libc::T_FMT as i64),
        ("T_FMT_AMPM", libc::T_FMT_AMPM as i64),
        ("AM_STR", libc::AM_STR as i64),
        ("PM_STR", libc::PM_STR as i64),
        ("RADIXCHAR", libc::RADIXCHAR as i64),
        ("THOUSEP", libc::THOUSEP as i64),
        ("YESEXPR", libc::YESEXPR as i64),
        ("NOEXPR", libc::NOEXPR as i64),
        ("CRNCYSTR", libc::CRNCYSTR as i64),
        ("ERA", libc::ERA as i64),
        ("ERA_D_FMT", libc::ERA_D_FMT as i64),
        ("ERA_D_T_FMT", libc::ERA_D_T_FMT as i64),
        ("ERA_T_FMT", libc::ERA_T_FMT as i64),
        ("ALT_DIGITS", libc::ALT_DIGITS as i64),
    ];
    for (n, v) in consts {
        interp.add_value(m, n, Value::Int(*v));
    }
    for i in 0..7 {
        interp.add_value(
            m,
            &format!("DAY_{}", i + 1),
            Value::Int(libc::DAY_1 as i64 + i),
        );
        interp.add_value(
            m,
            &format!("ABDAY_{}", i + 1),
            Value::Int(libc::ABDAY_1 as i64 + i),
        );
    }
    for i in 0..12 {
        interp.add_value(
            m,
            &format!("MON_{}", i + 1),
            Value::Int(libc::MON_1 as i64 + i),
        );
        interp.add_value(
            m,
            &format!("ABMON_{}", i + 1),
            Value::Int(libc::ABMON_1 as i64 + i),
        );
    }
    let e = error_type(interp)?;
    interp.add_value(m, "Error", Value::Obj(e));
    Ok(())
}
