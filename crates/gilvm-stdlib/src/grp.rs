//! The `grp` module: the group database (`getgrgid`, `getgrnam`, `getgrall`) as
//! `grp.struct_group` struct sequences (`gr_mem` a list of member names).
use std::ffi::CString;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use crate::pwd::{cstr_value, owned, ENUM_LOCK};
use crate::structseq::{self, Lazy};

static STRUCT_GROUP: Lazy = Lazy::new();

fn group_type(interp: &mut Interp) -> PyResult<ObjRef> {
    STRUCT_GROUP.get(interp, |interp| {
        let f = [
            Some("gr_name"),
            Some("gr_passwd"),
            Some("gr_gid"),
            Some("gr_mem"),
        ];
        structseq::new_type(interp, "struct_group", "grp", &f, 4)
    })
}

fn entry(interp: &mut Interp, g: &libc::group) -> PyResult {
    let ty = group_type(interp)?;
    let mut mem = Vec::new();
    let mut p = g.gr_mem;
    // SAFETY: gr_mem is a null-terminated array of NUL-terminated strings.
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            mem.push(cstr_value(interp, *p));
            p = p.add(1);
        }
    }
    let v = vec![
        cstr_value(interp, g.gr_name),
        cstr_value(interp, g.gr_passwd),
        Value::Int(g.gr_gid as i64),
        interp.new_list(mem),
    ];
    structseq::make(interp, &ty, v)
}

fn lookup(
    f: impl Fn(&mut libc::group, &mut [libc::c_char], &mut *mut libc::group) -> libc::c_int,
    g: &mut libc::group,
    buf: &mut Vec<libc::c_char>,
) -> bool {
    loop {
        let mut res: *mut libc::group = std::ptr::null_mut();
        let r = f(g, buf, &mut res);
        if r == libc::ERANGE && buf.len() < 1 << 20 {
            let l = buf.len() * 2;
            buf.resize(l, 0);
            continue;
        }
        return r == 0 && !res.is_null();
    }
}

fn getgrgid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig_names = ["id"];
    let a = gilvm_vm::modules::util::bind(interp, &args, "getgrgid", &sig_names, 1)?;
    let v = a[0].clone().unwrap();
    if v.to_bigint().is_none() {
        return Err(interp.type_error(format!(
            "gid should be integer, not {}",
            interp.type_name(&v)
        )));
    }
    let gid = interp
        .index_value(&v)
        .ok()
        .and_then(|u| u32::try_from(u).ok());
    // SAFETY: an all-zero group is a valid value.
    let mut g: libc::group = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 1024];
    let found = gid.is_some_and(|gid| {
        lookup(
            // SAFETY: every pointer is valid for the call; the buffer length is passed.
            |g, buf, res| unsafe { libc::getgrgid_r(gid, g, buf.as_mut_ptr(), buf.len(), res) },
            &mut g,
            &mut buf,
        )
    });
    if found {
        return entry(interp, &g);
    }
    let shown = interp.repr(&v)?;
    Err(interp.err(
        &interp.g.exc.key_error.clone(),
        format!("getgrgid(): gid not found: {shown}"),
    ))
}

fn getgrnam(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = gilvm_vm::modules::util::bind(interp, &args, "getgrnam", &["name"], 1)?;
    let v = a[0].clone().unwrap();
    let Some(name) = v.as_str() else {
        return Err(interp.type_error(format!(
            "getgrnam() argument 'name' must be str, not {}",
            interp.type_name(&v)
        )));
    };
    let c = CString::new(name).map_err(|_| interp.value_error("embedded null byte"))?;
    // SAFETY: an all-zero group is a valid value.
    let mut g: libc::group = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 1024];
    let found = lookup(
        // SAFETY: every pointer is valid for the call; the buffer length is passed.
        |g, buf, res| unsafe { libc::getgrnam_r(c.as_ptr(), g, buf.as_mut_ptr(), buf.len(), res) },
        &mut g,
        &mut buf,
    );
    if found {
        return entry(interp, &g);
    }
    let shown = interp.repr(&v)?;
    Err(interp.err(
        &interp.g.exc.key_error.clone(),
        format!("getgrnam(): name not found: {shown}"),
    ))
}

fn getgrall(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getgrall", 0, 0)?;
    // Copied out under the lock, converted after (see pwd.getpwall).
    type Raw = (Option<CString>, Option<CString>, u32, Vec<CString>);
    let mut raw: Vec<Raw> = Vec::new();
    {
        let _g = ENUM_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the enumeration is serialized by ENUM_LOCK; each entry is copied before
        // the next call overwrites it; gr_mem is a null-terminated array.
        unsafe {
            libc::setgrent();
            loop {
                let p = libc::getgrent();
                if p.is_null() {
                    break;
                }
                let g = &*p;
                let mut mem = Vec::new();
                let mut m = g.gr_mem;
                while !m.is_null() && !(*m).is_null() {
                    if let Some(c) = owned(*m) {
                        mem.push(c);
                    }
                    m = m.add(1);
                }
                raw.push((owned(g.gr_name), owned(g.gr_passwd), g.gr_gid, mem));
            }
            libc::endgrent();
        }
    }
    let ty = group_type(interp)?;
    let mut out = Vec::with_capacity(raw.len());
    for (name, pw, gid, mem) in &raw {
        let s = |interp: &Interp, c: &Option<CString>| match c {
            Some(c) => interp.new_str(String::from_utf8_lossy(c.to_bytes()).into_owned()),
            None => Value::None,
        };
        let members = mem
            .iter()
            .map(|c| interp.new_str(String::from_utf8_lossy(c.to_bytes()).into_owned()))
            .collect();
        let v = vec![
            s(interp, name),
            s(interp, pw),
            Value::Int(*gid as i64),
            interp.new_list(members),
        ];
        out.push(structseq::make(interp, &ty, v)?);
    }
    Ok(interp.new_list(out))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "getgrgid", getgrgid);
    interp.add_function(m, "getgrnam", getgrnam);
    interp.add_function(m, "getgrall", getgrall);
    let t = group_type(interp)?;
    interp.add_value(m, "struct_group", Value::Obj(t));
    Ok(())
}
