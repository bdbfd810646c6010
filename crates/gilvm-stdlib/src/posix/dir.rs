//! Directory listing: `listdir`, `scandir` and its `DirEntry`s.
//!
//! `scandir` reads the directory lazily, one `readdir` per step, detached from the
//! interpreter. A `DirEntry` keeps the name, the full path and the entry's type as
//! `readdir` reported it (`d_type`), so that `is_dir()`/`is_file()`/`is_symlink()` need
//! no system call on file systems that fill it in, and caches its `stat()` and
//! `lstat()` results (CPython's behaviour, which `os.walk`, `shutil` and `pathlib`
//! count on).
use gilvm_object::{ObjRef, Value};
use gilvm_vm::modules::util::{self, iterator_type, native_obj, native_type, Step};
use gilvm_vm::{Args, Interp, PyResult};

use super::args::{self, FsPath, PathKind, Sig};
use super::error;
use super::stat;
use crate::structseq::Lazy;

/// A `DIR*` (only used by the thread that steps the iterator; the iterator's state is
/// taken out of the object while a step runs).
struct Dir(*mut libc::DIR);
// SAFETY: a DIR stream is owned by exactly one iterator state, which only one thread
// uses at a time (the state is moved out of the object during a step).
unsafe impl Send for Dir {}

/// One raw entry: name, d_type, inode.
type RawEntry = (Vec<u8>, u8, u64);

/// Reads the next entry other than `.` and `..`; Ok(None) at the end.
fn read_entry(d: &Dir) -> Result<Option<RawEntry>, i32> {
    loop {
        // SAFETY: resetting errno lets us tell the end of the stream from an error.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `d.0` is an open DIR stream (closed only by `close_dir`, which nulls it).
        let ent = unsafe { libc::readdir(d.0) };
        if ent.is_null() {
            let e = error::last_errno();
            return if e == 0 { Ok(None) } else { Err(e) };
        }
        // SAFETY: readdir returned a valid entry, alive until the next readdir; d_name is
        // NUL-terminated.
        let (name, ty, ino) = unsafe {
            let e = &*ent;
            let n = std::ffi::CStr::from_ptr(e.d_name.as_ptr())
                .to_bytes()
                .to_vec();
            (n, e.d_type, e.d_ino)
        };
        if name == b"." || name == b".." {
            continue;
        }
        return Ok(Some((name, ty, ino)));
    }
}

fn close_dir(d: &mut Dir) {
    if !d.0.is_null() {
        // SAFETY: `d.0` is an open DIR stream, closed exactly once (nulled after).
        unsafe { libc::closedir(d.0) };
        d.0 = std::ptr::null_mut();
    }
}

/// Opens a directory by path or descriptor (a descriptor is duplicated: the caller's
/// stays open, as CPython's `listdir(fd)`/`scandir(fd)`).
fn open_dir(p: &FsPath) -> Result<Dir, i32> {
    let d = match p.fd {
        Some(fd) => {
            // SAFETY: plain system calls on integers.
            let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
            if dup < 0 {
                return Err(error::last_errno());
            }
            // SAFETY: `dup` is an open descriptor we own; fdopendir takes it over.
            let d = unsafe { libc::fdopendir(dup) };
            if d.is_null() {
                let e = error::last_errno();
                // SAFETY: fdopendir failed, so `dup` is still ours to close.
                unsafe { libc::close(dup) };
                return Err(e);
            }
            // The duplicate shares the offset: start from the beginning.
            // SAFETY: `d` is a valid DIR stream.
            unsafe { libc::rewinddir(d) };
            d
        }
        None => {
            let c = p.c();
            // SAFETY: `c` is NUL-terminated and outlives the call.
            unsafe { libc::opendir(c.as_ptr()) }
        }
    };
    if d.is_null() {
        Err(error::last_errno())
    } else {
        Ok(Dir(d))
    }
}

const NULLABLE_PATH_OR_FD: PathKind = PathKind {
    allow_fd: true,
    nullable: true,
};

pub fn listdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "listdir",
        names: &["path"],
        posonly: 0,
        npos: 1,
        required: 0,
    };
    let a = args::bind(interp, &args, &sig)?;
    let v = a[0].clone().unwrap_or(Value::None);
    let p = args::path(interp, "listdir", "path", &v, NULLABLE_PATH_OR_FD)?;
    let bytes = p.bytes.clone();
    let fd = p.fd;
    let r = gilvm_vm::threads::detach(interp, move || {
        let q = FsPath {
            obj: Value::None,
            bytes,
            is_bytes: false,
            fd,
        };
        let mut d = open_dir(&q)?;
        let mut names = Vec::new();
        let r = loop {
            match read_entry(&d) {
                Ok(Some((n, _, _))) => names.push(n),
                Ok(None) => break Ok(names),
                Err(e) => break Err(e),
            }
        };
        close_dir(&mut d);
        r
    });
    match r {
        Ok(names) => {
            let items = names
                .iter()
                .map(|n| args::name_value(interp, n, p.is_bytes))
                .collect();
            Ok(interp.new_list(items))
        }
        Err(e) => Err(error::from_errno(interp, e, Some(&p.obj), None)),
    }
}

// ---- scandir ----

static SCANDIR_ITER: Lazy = Lazy::new();
static DIR_ENTRY: Lazy = Lazy::new();

pub fn dir_entry_type(interp: &mut Interp) -> PyResult<ObjRef> {
    DIR_ENTRY.get(interp, |interp| {
        let t = native_type(
            interp,
            "DirEntry",
            "posix",
            &[
                ("is_dir", entry_is_dir),
                ("is_file", entry_is_file),
                ("is_symlink", entry_is_symlink),
                ("is_junction", entry_is_junction),
                ("stat", entry_stat),
                ("inode", entry_inode),
                ("__fspath__", entry_fspath),
                ("__repr__", entry_repr),
            ],
        );
        util::add_property(interp, &t, "name", entry_name);
        util::add_property(interp, &t, "path", entry_path);
        Ok(t)
    })
}

fn scandir_iter_type(interp: &mut Interp) -> PyResult<ObjRef> {
    SCANDIR_ITER.get(interp, |interp| {
        Ok(iterator_type(
            interp,
            "ScandirIterator",
            "posix",
            &[
                ("close", scandir_close),
                ("__enter__", util::iter_self),
                ("__exit__", scandir_exit),
            ],
        ))
    })
}

struct Scan {
    dir: Dir,
    /// The directory as given (`b"."` when omitted), for the entries' paths.
    base: Vec<u8>,
    as_bytes: bool,
    /// Scanning a descriptor: entries' paths are their names, and stat is relative to it.
    fd: Option<i32>,
}

impl Drop for Scan {
    fn drop(&mut self) {
        close_dir(&mut self.dir);
    }
}

impl Step for Scan {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        if self.dir.0.is_null() {
            return Ok(None);
        }
        let d = Dir(self.dir.0);
        let r = gilvm_vm::threads::detach(interp, move || read_entry(&d));
        let (name, d_type, ino) = match r {
            Ok(Some(e)) => e,
            Ok(None) => {
                close_dir(&mut self.dir);
                return Ok(None);
            }
            Err(e) => {
                close_dir(&mut self.dir);
                let obj = args::name_value(interp, &self.base, self.as_bytes);
                return Err(error::from_errno(interp, e, Some(&obj), None));
            }
        };
        let path = match self.fd {
            Some(_) => name.clone(),
            None => {
                let mut p = self.base.clone();
                if !p.ends_with(b"/") {
                    p.push(b'/');
                }
                p.extend_from_slice(&name);
                p
            }
        };
        let ty = dir_entry_type(interp)?;
        let e = Entry {
            name,
            path,
            as_bytes: self.as_bytes,
            dir_fd: self.fd,
            d_type,
            ino,
            stat: None,
            lstat: None,
        };
        Ok(Some(native_obj(interp, &ty, e)))
    }
    gilvm_vm::impl_as_any!();
}

pub fn scandir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sig = Sig {
        fname: "scandir",
        names: &["path"],
        posonly: 0,
        npos: 1,
        required: 0,
    };
    let a = args::bind(interp, &args, &sig)?;
    let v = a[0].clone().unwrap_or(Value::None);
    let p = args::path(interp, "scandir", "path", &v, NULLABLE_PATH_OR_FD)?;
    let bytes = p.bytes.clone();
    let fd = p.fd;
    let r = gilvm_vm::threads::detach(interp, move || {
        open_dir(&FsPath {
            obj: Value::None,
            bytes,
            is_bytes: false,
            fd,
        })
    });
    let dir = r.map_err(|e| error::from_errno(interp, e, Some(&p.obj), None))?;
    let ty = scandir_iter_type(interp)?;
    Ok(util::new_stepper(
        interp,
        &ty,
        Scan {
            dir,
            base: p.bytes.clone(),
            as_bytes: p.is_bytes,
            fd: p.fd,
        },
    ))
}

fn scandir_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "close", 1, 1)?;
    util::with_step_state(interp, &a[0], |_, st| {
        if let Some(s) = util::state_mut::<Scan>(st) {
            close_dir(&mut s.dir);
        }
        Ok(())
    })?;
    Ok(Value::None)
}

fn scandir_exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if let Some(me) = a.first() {
        let me = me.clone();
        util::with_step_state(interp, &me, |_, st| {
            if let Some(s) = util::state_mut::<Scan>(st) {
                close_dir(&mut s.dir);
            }
            Ok(())
        })?;
    }
    Ok(Value::Bool(false))
}

// ---- DirEntry ----

#[derive(Clone)]
struct Entry {
    name: Vec<u8>,
    path: Vec<u8>,
    as_bytes: bool,
    dir_fd: Option<i32>,
    d_type: u8,
    ino: u64,
    stat: Option<Value>,
    lstat: Option<Value>,
}

fn entry_of(interp: &Interp, v: &Value) -> PyResult<Entry> {
    util::with_data::<Entry, Entry>(interp, v, |e| e.clone()).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a 'posix.DirEntry' object but received a '{}'",
            interp.type_name(v)
        ))
    })
}

fn entry_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "name", 1, 1)?;
    let e = entry_of(interp, &a[0])?;
    Ok(args::name_value(interp, &e.name, e.as_bytes))
}

fn entry_path(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "path", 1, 1)?;
    let e = entry_of(interp, &a[0])?;
    Ok(args::name_value(interp, &e.path, e.as_bytes))
}

fn entry_fspath(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__fspath__", 1, 1)?;
    let e = entry_of(interp, &a[0])?;
    Ok(args::name_value(interp, &e.path, e.as_bytes))
}

fn entry_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let e = entry_of(interp, &a[0])?;
    let n = args::name_value(interp, &e.name, e.as_bytes);
    let r = interp.repr(&n)?;
    Ok(interp.new_str(format!("<DirEntry {r}>")))
}

fn entry_inode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "inode", 1, 1)?;
    let e = entry_of(interp, &a[0])?;
    Ok(stat::uint(interp, e.ino))
}

fn entry_is_junction(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "is_junction", 1, 1)?;
    entry_of(interp, &a[0])?;
    Ok(Value::Bool(false))
}

/// The entry's `stat()` (follow) or `lstat()` result, computed once.
fn entry_fetch_stat(interp: &mut Interp, me: &Value, follow: bool) -> PyResult {
    let e = entry_of(interp, me)?;
    let follow = follow && is_symlink(interp, me, &e)?;
    if let Some(v) = if follow { &e.stat } else { &e.lstat } {
        return Ok(v.clone());
    }
    let (p, dir_fd) = match e.dir_fd {
        Some(fd) => (e.name.clone(), fd),
        None => (e.path.clone(), libc::AT_FDCWD),
    };
    let obj = args::name_value(interp, &e.path, e.as_bytes);
    let fp = FsPath {
        obj,
        bytes: p,
        is_bytes: e.as_bytes,
        fd: None,
    };
    let v = stat::stat_path(interp, &fp, dir_fd, follow)?;
    let keep = v.clone();
    util::with_data::<Entry, ()>(interp, me, |e| {
        if follow {
            e.stat = Some(keep.clone());
        } else {
            // Not a symlink: stat and lstat agree.
            e.lstat = Some(keep.clone());
        }
    });
    Ok(v)
}

fn is_symlink(interp: &mut Interp, me: &Value, e: &Entry) -> PyResult<bool> {
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(e.d_type == libc::DT_LNK);
    }
    let st = entry_fetch_stat(interp, me, false)?;
    Ok(mode_of(interp, &st)? & libc::S_IFMT == libc::S_IFLNK)
}

fn mode_of(interp: &mut Interp, st: &Value) -> PyResult<u32> {
    let m = interp.getattr_str(st, "st_mode")?;
    Ok(args::long(interp, &m)? as u32)
}

fn follow_kw(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<(Value, bool)> {
    let sig = Sig {
        fname,
        names: &["self", "follow_symlinks"],
        posonly: 1,
        npos: 1,
        required: 1,
    };
    let a = args::bind(interp, args, &sig)?;
    let follow = args::flag(interp, &a[1], true)?;
    Ok((a[0].clone().unwrap(), follow))
}

/// `is_dir`/`is_file`: from d_type when it is known (and the entry is not a symlink to
/// follow), else from stat, a missing file answering False.
fn entry_test(interp: &mut Interp, args: Args<'_>, fname: &str, want: u32) -> PyResult {
    let (me, follow) = follow_kw(interp, &args, fname)?;
    let e = entry_of(interp, &me)?;
    let link = e.d_type == libc::DT_LNK;
    if e.d_type != libc::DT_UNKNOWN && !(follow && link) {
        let t = if want == libc::S_IFDIR {
            libc::DT_DIR
        } else {
            libc::DT_REG
        };
        return Ok(Value::Bool(e.d_type == t));
    }
    match entry_fetch_stat(interp, &me, follow) {
        Ok(st) => Ok(Value::Bool(mode_of(interp, &st)? & libc::S_IFMT == want)),
        Err(err) => {
            let fnf = interp.g.exc.file_not_found_error.clone();
            if interp.isinstance(&Value::Obj(err.0.clone()), &fnf) {
                Ok(Value::Bool(false))
            } else {
                Err(err)
            }
        }
    }
}

fn entry_is_dir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    entry_test(interp, args, "is_dir", libc::S_IFDIR)
}

fn entry_is_file(interp: &mut Interp, args: Args<'_>) -> PyResult {
    entry_test(interp, args, "is_file", libc::S_IFREG)
}

fn entry_is_symlink(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "is_symlink", 1, 1)?;
    let e = entry_of(interp, &a[0])?;
    match is_symlink(interp, &a[0], &e) {
        Ok(b) => Ok(Value::Bool(b)),
        Err(err) => {
            let fnf = interp.g.exc.file_not_found_error.clone();
            if interp.isinstance(&Value::Obj(err.0.clone()), &fnf) {
                Ok(Value::Bool(false))
            } else {
                Err(err)
            }
        }
    }
}

fn entry_stat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (me, follow) = follow_kw(interp, &args, "stat")?;
    entry_fetch_stat(interp, &me, follow)
}
