//! `stat`, `lstat`, `fstat` and `os.stat_result` (a struct sequence of ten items,
//! `st_mode` … `st_size` and the whole-second times, whose float and nanosecond times,
//! `st_blksize`, `st_blocks` and `st_rdev` are attributes only, as on CPython/Linux).
use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use super::args::{self, FsPath, Sig, PATH_OR_FD};
use super::error;
use crate::structseq::{self, Lazy};

static STAT_RESULT: Lazy = Lazy::new();

const FIELDS: [Option<&str>; 19] = [
    Some("st_mode"),
    Some("st_ino"),
    Some("st_dev"),
    Some("st_nlink"),
    Some("st_uid"),
    Some("st_gid"),
    Some("st_size"),
    None,
    None,
    None,
    Some("st_atime"),
    Some("st_mtime"),
    Some("st_ctime"),
    Some("st_atime_ns"),
    Some("st_mtime_ns"),
    Some("st_ctime_ns"),
    Some("st_blksize"),
    Some("st_blocks"),
    Some("st_rdev"),
];

/// The `os.stat_result` type.
pub fn stat_result_type(interp: &mut Interp) -> PyResult<ObjRef> {
    STAT_RESULT.get(interp, |interp| {
        // Made from a tuple, the float times default to the int ones (CPython's).
        let fill = [("st_atime", 7), ("st_mtime", 8), ("st_ctime", 9)];
        structseq::new_type_filled(interp, "stat_result", "os", &FIELDS, 10, &fill)
    })
}

/// An unsigned system number as a Python int.
pub fn uint(interp: &Interp, v: u64) -> Value {
    match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => interp.new_bigint(v.into()),
    }
}

fn ns(interp: &Interp, sec: i64, nsec: i64) -> Value {
    let t = sec as i128 * 1_000_000_000 + nsec as i128;
    match i64::try_from(t) {
        Ok(i) => Value::Int(i),
        Err(_) => interp.new_bigint(t.into()),
    }
}

/// The `stat_result` of a filled `struct stat`.
pub fn to_result(interp: &mut Interp, st: &libc::stat) -> PyResult {
    let ty = stat_result_type(interp)?;
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut v = vec![
        Value::Int(st.st_mode as i64),
        uint(interp, st.st_ino),
        uint(interp, st.st_dev),
        uint(interp, st.st_nlink as u64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
    ];
    for (s, _) in times {
        v.push(Value::Int(s));
    }
    for (s, n) in times {
        v.push(Value::Float(s as f64 + n as f64 * 1e-9));
    }
    for (s, n) in times {
        v.push(ns(interp, s, n));
    }
    v.push(Value::Int(st.st_blksize as i64));
    v.push(Value::Int(st.st_blocks));
    v.push(uint(interp, st.st_rdev));
    structseq::make(interp, &ty, v)
}

/// `fstatat`/`fstat` on a converted path; Err(errno).
pub fn raw_stat(p: &FsPath, dir_fd: i32, follow: bool) -> Result<libc::stat, i32> {
    // SAFETY: an all-zero `struct stat` is a valid value (plain integers).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = match p.fd {
        // SAFETY: `st` is a valid out-pointer for the call's duration.
        Some(fd) => unsafe { libc::fstat(fd, &mut st) },
        None => {
            let c = p.c();
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is NUL-terminated and outlives the call; `st` is a valid
            // out-pointer.
            unsafe { libc::fstatat(dir_fd, c.as_ptr(), &mut st, flags) }
        }
    };
    if r == 0 {
        Ok(st)
    } else {
        Err(error::last_errno())
    }
}

/// Runs a stat detached from the interpreter and converts the result.
pub fn stat_path(interp: &mut Interp, p: &FsPath, dir_fd: i32, follow: bool) -> PyResult {
    let bytes = p.bytes.clone();
    let fd = p.fd;
    let r = gilvm_vm::threads::detach(interp, move || {
        let q = FsPath {
            obj: Value::None,
            bytes,
            is_bytes: false,
            fd,
        };
        raw_stat(&q, dir_fd, follow)
    });
    match r {
        Ok(st) => to_result(interp, &st),
        Err(e) => Err(error::from_errno(interp, e, Some(&p.obj), None)),
    }
}

pub fn stat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "stat",
        names: &["path", "dir_fd", "follow_symlinks"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "stat", "path", a[0].as_ref().unwrap(), PATH_OR_FD)?;
    let dir_fd = args::dir_fd(interp, &a[1])?;
    let follow = args::flag(interp, &a[2], true)?;
    stat_path(interp, &p, dir_fd, follow)
}

pub fn lstat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "lstat",
        names: &["path", "dir_fd"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let p = args::path(interp, "lstat", "path", a[0].as_ref().unwrap(), args::PATH)?;
    let dir_fd = args::dir_fd(interp, &a[1])?;
    stat_path(interp, &p, dir_fd, false)
}

pub fn fstat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "fstat",
        names: &["fd"],
        posonly: 0,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, &args, &sig)?;
    let fd = args::int(interp, a[0].as_ref().unwrap())?;
    let p = FsPath {
        obj: Value::None,
        bytes: Vec::new(),
        is_bytes: false,
        fd: Some(fd),
    };
    stat_path(interp, &p, libc::AT_FDCWD, true)
}
