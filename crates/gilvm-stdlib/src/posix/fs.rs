//! File-system operations on paths: `mkdir`, `rmdir`, `unlink`/`remove`, `rename`/
//! `replace`, `link`, `symlink`, `readlink`, `chmod`, `chown`, `utime`, `access`,
//! `chdir`, `getcwd`, `mkfifo`, `fspath`. Each uses the `*at` system call, which gives
//! `dir_fd=` for free (`AT_FDCWD` when it is None).
use gilvm_object::Value;
use gilvm_vm::{Args, Interp, PyResult};

use super::args::{self, FsPath, Sig, PATH, PATH_OR_FD};
use super::error;
use super::fd::{check, retry};

fn one_path<'s>(names: &'s [&'s str], fname: &'s str, npos: usize, required: usize) -> Sig<'s> {
    Sig {
        fname,
        names,
        posonly: 0,
        npos,
        required,
    }
}

fn done(interp: &Interp, r: Result<libc::c_int, i32>, p: &FsPath) -> PyResult {
    match r {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, Some(&p.obj), None)),
    }
}

pub fn mkdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["path", "mode", "dir_fd"], "mkdir", 2, 1);
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "mkdir", "path", a[0].as_ref().unwrap(), PATH)?;
    let mode = match &a[1] {
        Some(v) => args::int(interp, v)?,
        None => 0o777,
    };
    let dfd = args::dir_fd(interp, &a[2])?;
    let c = p.c();
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = check(unsafe { libc::mkdirat(dfd, c.as_ptr(), mode as libc::mode_t) });
    done(interp, r, &p)
}

fn unlink_common(interp: &mut Interp, args: Args<'_>, fname: &str, flags: i32) -> PyResult {
    let sig = one_path(&["path", "dir_fd"], fname, 1, 1);
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, fname, "path", a[0].as_ref().unwrap(), PATH)?;
    let dfd = args::dir_fd(interp, &a[1])?;
    let c = p.c();
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = check(unsafe { libc::unlinkat(dfd, c.as_ptr(), flags) });
    done(interp, r, &p)
}

pub fn rmdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unlink_common(interp, args, "rmdir", libc::AT_REMOVEDIR)
}

pub fn unlink(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unlink_common(interp, args, "unlink", 0)
}

pub fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unlink_common(interp, args, "remove", 0)
}

fn two_paths(
    interp: &mut Interp,
    args: &Args<'_>,
    fname: &str,
    names: &[&str],
) -> PyResult<(FsPath, FsPath, Vec<Option<Value>>)> {
    let sig = one_path(names, fname, 2, 2);
    let a = args::bind(interp, args, &sig)?;
    let s = args::path(interp, fname, names[0], a[0].as_ref().unwrap(), PATH)?;
    let d = args::path(interp, fname, names[1], a[1].as_ref().unwrap(), PATH)?;
    if s.is_bytes != d.is_bytes {
        return Err(interp.type_error(format!("{fname}: src and dst must be the same type")));
    }
    Ok((s, d, a))
}

fn rename_common(interp: &mut Interp, args: Args<'_>, fname: &str) -> PyResult {
    let (s, d, a) = two_paths(
        interp,
        &args,
        fname,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
    )?;
    let sfd = args::dir_fd(interp, &a[2])?;
    let dfd = args::dir_fd(interp, &a[3])?;
    let (cs, cd) = (s.c(), d.c());
    // SAFETY: both strings are NUL-terminated and outlive the call.
    let r = check(unsafe { libc::renameat(sfd, cs.as_ptr(), dfd, cd.as_ptr()) });
    match r {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, Some(&s.obj), Some(&d.obj))),
    }
}

pub fn rename(interp: &mut Interp, args: Args<'_>) -> PyResult {
    rename_common(interp, args, "rename")
}

pub fn replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    rename_common(interp, args, "replace")
}

pub fn link(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (s, d, a) = two_paths(
        interp,
        &args,
        "link",
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    let sfd = args::dir_fd(interp, &a[2])?;
    let dfd = args::dir_fd(interp, &a[3])?;
    let follow = args::flag(interp, &a[4], true)?;
    let (cs, cd) = (s.c(), d.c());
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: both strings are NUL-terminated and outlive the call.
    let r = check(unsafe { libc::linkat(sfd, cs.as_ptr(), dfd, cd.as_ptr(), flags) });
    match r {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, Some(&s.obj), Some(&d.obj))),
    }
}

pub fn symlink(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (s, d, a) = two_paths(
        interp,
        &args,
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
    )?;
    let dfd = args::dir_fd(interp, &a[3])?;
    let (cs, cd) = (s.c(), d.c());
    // SAFETY: both strings are NUL-terminated and outlive the call.
    let r = check(unsafe { libc::symlinkat(cs.as_ptr(), dfd, cd.as_ptr()) });
    match r {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, Some(&s.obj), Some(&d.obj))),
    }
}

pub fn readlink(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["path", "dir_fd"], "readlink", 1, 1);
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "readlink", "path", a[0].as_ref().unwrap(), PATH)?;
    let dfd = args::dir_fd(interp, &a[1])?;
    let c = p.c();
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: `c` is NUL-terminated; `buf` is writable for its length, which we pass.
        let n = unsafe {
            libc::readlinkat(
                dfd,
                c.as_ptr(),
                buf.as_mut_ptr() as *mut libc::c_char,
                buf.len(),
            )
        };
        if n < 0 {
            return Err(error::last(interp, Some(&p.obj)));
        }
        if (n as usize) < buf.len() {
            buf.truncate(n as usize);
            return Ok(args::name_value(interp, &buf, p.is_bytes));
        }
        let l = buf.len() * 2;
        buf.resize(l, 0);
    }
}

pub fn chmod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(
        &["path", "mode", "dir_fd", "follow_symlinks"],
        "chmod",
        2,
        2,
    );
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "chmod", "path", a[0].as_ref().unwrap(), PATH_OR_FD)?;
    let mode = args::int(interp, a[1].as_ref().unwrap())? as libc::mode_t;
    let dfd = args::dir_fd(interp, &a[2])?;
    let follow = args::flag(interp, &a[3], true)?;
    let c = p.c();
    let r = match p.fd {
        // SAFETY: a system call on integers.
        Some(fd) => unsafe { libc::fchmod(fd, mode) },
        None if follow => {
            // SAFETY: `c` is NUL-terminated and outlives the call.
            unsafe { libc::fchmodat(dfd, c.as_ptr(), mode, 0) }
        }
        None => {
            // SAFETY: as above.
            let r = unsafe { libc::fchmodat(dfd, c.as_ptr(), mode, libc::AT_SYMLINK_NOFOLLOW) };
            if r < 0 && error::last_errno() == libc::ENOTSUP {
                return Err(interp.err(
                    &interp.g.exc.not_implemented_error.clone(),
                    "chmod: follow_symlinks unavailable on this platform",
                ));
            }
            r
        }
    };
    done(interp, check(r), &p)
}

pub fn fchmod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["fd", "mode"], "fchmod", 2, 2);
    let a = args::bind(interp, &args, &sig)?;
    let fd = args::int(interp, a[0].as_ref().unwrap())?;
    let mode = args::int(interp, a[1].as_ref().unwrap())? as libc::mode_t;
    // SAFETY: a system call on integers.
    match check(unsafe { libc::fchmod(fd, mode) }) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, None, None)),
    }
}

fn id_arg(interp: &mut Interp, v: &Value) -> PyResult<u32> {
    let i = args::long(interp, v)?;
    if i == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(i).map_err(|_| interp.overflow_error("uid/gid out of range"))
}

pub fn chown(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        "chown",
        3,
        3,
    );
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "chown", "path", a[0].as_ref().unwrap(), PATH_OR_FD)?;
    let uid = id_arg(interp, a[1].as_ref().unwrap())?;
    let gid = id_arg(interp, a[2].as_ref().unwrap())?;
    let dfd = args::dir_fd(interp, &a[3])?;
    let follow = args::flag(interp, &a[4], true)?;
    let c = p.c();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let r = match p.fd {
        // SAFETY: a system call on integers.
        Some(fd) => unsafe { libc::fchown(fd, uid, gid) },
        // SAFETY: `c` is NUL-terminated and outlives the call.
        None => unsafe { libc::fchownat(dfd, c.as_ptr(), uid, gid, flags) },
    };
    done(interp, check(r), &p)
}

pub fn lchown(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["path", "uid", "gid"], "lchown", 3, 3);
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "lchown", "path", a[0].as_ref().unwrap(), PATH)?;
    let uid = id_arg(interp, a[1].as_ref().unwrap())?;
    let gid = id_arg(interp, a[2].as_ref().unwrap())?;
    let c = p.c();
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = unsafe { libc::lchown(c.as_ptr(), uid, gid) };
    done(interp, check(r), &p)
}

/// A `utime` time: seconds (int or float) to a timespec.
fn timespec_of(interp: &mut Interp, v: &Value) -> PyResult<libc::timespec> {
    let (sec, nsec) = match v {
        Value::Float(f) => {
            let s = f.floor();
            let mut n = ((f - s) * 1e9).round() as i64;
            let mut s = s as i64;
            if n >= 1_000_000_000 {
                s += 1;
                n -= 1_000_000_000;
            }
            (s, n)
        }
        _ => (args::long(interp, v)?, 0),
    };
    Ok(libc::timespec {
        tv_sec: sec,
        tv_nsec: nsec,
    })
}

fn ns_timespec(interp: &mut Interp, v: &Value) -> PyResult<libc::timespec> {
    let b = v.to_bigint().ok_or_else(|| {
        interp.type_error(format!(
            "utime: ns must be a tuple of two ints, not {}",
            interp.type_name(v)
        ))
    })?;
    let t = i128::try_from(b).unwrap_or(i128::MAX);
    Ok(libc::timespec {
        tv_sec: t.div_euclid(1_000_000_000) as i64,
        tv_nsec: t.rem_euclid(1_000_000_000) as i64,
    })
}

fn pair(interp: &mut Interp, v: &Value, what: &str) -> PyResult<(Value, Value)> {
    let items = match v {
        Value::Obj(o) => match o.payload() {
            gilvm_object::Payload::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
            _ => None,
        },
        _ => None,
    };
    items.ok_or_else(|| {
        interp.type_error(format!(
            "utime: '{what}' must be a tuple of two {}",
            if what == "ns" { "ints" } else { "numbers" }
        ))
    })
}

pub fn utime(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        "utime",
        2,
        1,
    );
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "utime", "path", a[0].as_ref().unwrap(), PATH_OR_FD)?;
    let times = a[1].clone().filter(|v| !v.is_none());
    let ns = a[2].clone();
    let dfd = args::dir_fd(interp, &a[3])?;
    let follow = args::flag(interp, &a[4], true)?;
    let ts: Option<[libc::timespec; 2]> = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(
                interp.value_error("utime: you may specify either 'times' or 'ns' but not both")
            )
        }
        (Some(t), None) => {
            let (x, y) = pair(interp, &t, "times")?;
            Some([timespec_of(interp, &x)?, timespec_of(interp, &y)?])
        }
        (None, Some(n)) => {
            let (x, y) = pair(interp, &n, "ns")?;
            Some([ns_timespec(interp, &x)?, ns_timespec(interp, &y)?])
        }
        (None, None) => None,
    };
    let ptr = match &ts {
        Some(t) => t.as_ptr(),
        None => std::ptr::null(),
    };
    let c = p.c();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let r = match p.fd {
        // SAFETY: `ptr` is null or points to two timespecs alive for the call.
        Some(fd) => unsafe { libc::futimens(fd, ptr) },
        // SAFETY: as above; `c` is NUL-terminated and outlives the call.
        None => unsafe { libc::utimensat(dfd, c.as_ptr(), ptr, flags) },
    };
    done(interp, check(r), &p)
}

pub fn access(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        "access",
        2,
        2,
    );
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "access", "path", a[0].as_ref().unwrap(), PATH)?;
    let mode = args::int(interp, a[1].as_ref().unwrap())?;
    let dfd = args::dir_fd(interp, &a[2])?;
    let eff = args::flag(interp, &a[3], false)?;
    let follow = args::flag(interp, &a[4], true)?;
    let mut flags = 0;
    if eff {
        flags |= libc::AT_EACCESS;
    }
    if !follow {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = p.c();
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = unsafe { libc::faccessat(dfd, c.as_ptr(), mode, flags) };
    Ok(Value::Bool(r == 0))
}

pub fn chdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["path"], "chdir", 1, 1);
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "chdir", "path", a[0].as_ref().unwrap(), PATH_OR_FD)?;
    let c = p.c();
    let r = match p.fd {
        // SAFETY: a system call on an integer.
        Some(fd) => unsafe { libc::fchdir(fd) },
        // SAFETY: `c` is NUL-terminated and outlives the call.
        None => unsafe { libc::chdir(c.as_ptr()) },
    };
    done(interp, check(r), &p)
}

pub fn fchdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args::positional(interp, &args, "fchdir", 1, 1)?;
    let fd = args::int(interp, &a[0])?;
    // SAFETY: a system call on an integer.
    match check(unsafe { libc::fchdir(fd) }) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(error::from_errno(interp, e, None, None)),
    }
}

fn cwd_bytes(interp: &Interp) -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(p) => Ok(std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()).to_vec()),
        Err(e) => Err(error::from_io(interp, &e, None)),
    }
}

pub fn getcwd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "getcwd", 0, 0)?;
    let b = cwd_bytes(interp)?;
    Ok(args::decode_name(interp, &b))
}

pub fn getcwdb(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args::positional(interp, &args, "getcwdb", 0, 0)?;
    let b = cwd_bytes(interp)?;
    Ok(args::new_bytes(interp, &b))
}

pub fn mkfifo(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["path", "mode", "dir_fd"], "mkfifo", 2, 1);
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "mkfifo", "path", a[0].as_ref().unwrap(), PATH)?;
    let mode = match &a[1] {
        Some(v) => args::int(interp, v)?,
        None => 0o666,
    };
    let dfd = args::dir_fd(interp, &a[2])?;
    let c = p.c();
    let cp = c.as_ptr() as usize;
    // SAFETY: `c` outlives the call and is NUL-terminated.
    let r = retry(interp, move || unsafe {
        libc::mkfifoat(dfd, cp as *const libc::c_char, mode as libc::mode_t)
    })?;
    drop(c);
    done(interp, r, &p)
}

pub fn fspath(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = one_path(&["path"], "fspath", 1, 1);
    let a = args::bind(interp, &args, &sig)?;
    let v = a[0].clone().unwrap();
    match args::fspath_opt(interp, &v)? {
        Some(r) => Ok(r),
        None => Err(interp.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            interp.type_name(&v)
        ))),
    }
}
