//! The `pwd` module: the password database (`getpwuid`, `getpwnam`, `getpwall`) as
//! `pwd.struct_passwd` struct sequences, through the reentrant libc calls.
use std::ffi::{CStr, CString};

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use crate::structseq::{self, Lazy};

static STRUCT_PASSWD: Lazy = Lazy::new();

fn passwd_type(interp: &mut Interp) -> PyResult<ObjRef> {
    STRUCT_PASSWD.get(interp, |interp| {
        let f = [
            "pw_name",
            "pw_passwd",
            "pw_uid",
            "pw_gid",
            "pw_gecos",
            "pw_dir",
            "pw_shell",
        ];
        let f: Vec<Option<&str>> = f.iter().map(|s| Some(*s)).collect();
        structseq::new_type(interp, "struct_passwd", "pwd", &f, 7)
    })
}

pub fn cstr_value(interp: &Interp, p: *const libc::c_char) -> Value {
    if p.is_null() {
        return Value::None;
    }
    // SAFETY: a non-null field of a filled passwd/group entry is a NUL-terminated string
    // in the caller's buffer, alive for this call.
    let s = unsafe { CStr::from_ptr(p) };
    interp.new_str(String::from_utf8_lossy(s.to_bytes()).into_owned())
}

fn entry(interp: &mut Interp, pw: &libc::passwd) -> PyResult {
    let ty = passwd_type(interp)?;
    let v = vec![
        cstr_value(interp, pw.pw_name),
        cstr_value(interp, pw.pw_passwd),
        Value::Int(pw.pw_uid as i64),
        Value::Int(pw.pw_gid as i64),
        cstr_value(interp, pw.pw_gecos),
        cstr_value(interp, pw.pw_dir),
        cstr_value(interp, pw.pw_shell),
    ];
    structseq::make(interp, &ty, v)
}

/// Runs a `getpw*_r` lookup with a growing buffer: Ok(true) when found.
fn lookup(
    f: impl Fn(&mut libc::passwd, &mut [libc::c_char], &mut *mut libc::passwd) -> libc::c_int,
    pw: &mut libc::passwd,
    buf: &mut Vec<libc::c_char>,
) -> Result<bool, i32> {
    loop {
        let mut res: *mut libc::passwd = std::ptr::null_mut();
        let r = f(pw, buf, &mut res);
        if r == libc::ERANGE && buf.len() < 1 << 20 {
            let l = buf.len() * 2;
            buf.resize(l, 0);
            continue;
        }
        if r != 0 {
            return Err(r);
        }
        return Ok(!res.is_null());
    }
}

fn getpwuid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getpwuid", 1, 1)?;
    if a[0].to_bigint().is_none() {
        return Err(interp.type_error(format!(
            "uid should be integer, not {}",
            interp.type_name(&a[0])
        )));
    }
    let uid = interp
        .index_value(&a[0])
        .ok()
        .and_then(|u| u32::try_from(u).ok());
    let not_found = |interp: &mut Interp| {
        let shown = interp.repr(&a[0]).unwrap_or_default();
        Err(interp.err(
            &interp.g.exc.key_error.clone(),
            format!("getpwuid(): uid not found: {shown}"),
        ))
    };
    let Some(uid) = uid else {
        return not_found(interp);
    };
    // SAFETY: an all-zero passwd is a valid value (null pointers, zero ids).
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 1024];
    let found = lookup(
        // SAFETY: every pointer is valid for the call; the buffer length is passed.
        |pw, buf, res| unsafe { libc::getpwuid_r(uid, pw, buf.as_mut_ptr(), buf.len(), res) },
        &mut pw,
        &mut buf,
    );
    match found {
        Ok(true) => entry(interp, &pw),
        _ => not_found(interp),
    }
}

fn getpwnam(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getpwnam", 1, 1)?;
    let Some(name) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "getpwnam() argument must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    let c = CString::new(name).map_err(|_| interp.value_error("embedded null byte"))?;
    // SAFETY: an all-zero passwd is a valid value.
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 1024];
    let found = lookup(
        // SAFETY: every pointer is valid for the call; the buffer length is passed.
        |pw, buf, res| unsafe {
            libc::getpwnam_r(c.as_ptr(), pw, buf.as_mut_ptr(), buf.len(), res)
        },
        &mut pw,
        &mut buf,
    );
    match found {
        Ok(true) => entry(interp, &pw),
        _ => {
            let shown = interp.repr(&a[0])?;
            Err(interp.err(
                &interp.g.exc.key_error.clone(),
                format!("getpwnam(): name not found: {shown}"),
            ))
        }
    }
}

/// Serializes the non-reentrant enumeration calls (`getpwent`, `getgrent`).
pub static ENUM_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// An owned copy of a C string field (for entries copied out under [`ENUM_LOCK`]).
pub fn owned(p: *const libc::c_char) -> Option<CString> {
    if p.is_null() {
        return None;
    }
    // SAFETY: a non-null field is a NUL-terminated string, copied at once.
    Some(unsafe { CStr::from_ptr(p) }.to_owned())
}

fn getpwall(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getpwall", 0, 0)?;
    // The entries are copied out under the lock and converted after it is released (the
    // conversion runs Python code, during which another thread may call getpwall).
    type Raw = [Option<CString>; 5];
    let mut raw: Vec<(Raw, u32, u32)> = Vec::new();
    {
        let _g = ENUM_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the enumeration is serialized by ENUM_LOCK; each entry is copied before
        // the next call overwrites it.
        unsafe {
            libc::setpwent();
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    break;
                }
                let pw = &*p;
                raw.push((
                    [
                        owned(pw.pw_name),
                        owned(pw.pw_passwd),
                        owned(pw.pw_gecos),
                        owned(pw.pw_dir),
                        owned(pw.pw_shell),
                    ],
                    pw.pw_uid,
                    pw.pw_gid,
                ));
            }
            libc::endpwent();
        }
    }
    let mut out = Vec::with_capacity(raw.len());
    for (s, uid, gid) in &raw {
        let ptr = |i: usize| s[i].as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
        // SAFETY: an all-zero passwd is valid; its pointers then borrow `raw`'s strings,
        // which outlive the conversion.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        pw.pw_name = ptr(0) as *mut _;
        pw.pw_passwd = ptr(1) as *mut _;
        pw.pw_gecos = ptr(2) as *mut _;
        pw.pw_dir = ptr(3) as *mut _;
        pw.pw_shell = ptr(4) as *mut _;
        pw.pw_uid = *uid;
        pw.pw_gid = *gid;
        out.push(entry(interp, &pw)?);
    }
    Ok(interp.new_list(out))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "getpwuid", getpwuid);
    interp.add_function(m, "getpwnam", getpwnam);
    interp.add_function(m, "getpwall", getpwall);
    let t = passwd_type(interp)?;
    interp.add_value(m, "struct_passwd", Value::Obj(t));
    Ok(())
}
