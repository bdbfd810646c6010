//! The `mmap` module (CPython's `Modules/mmapmodule.c`, the Unix half): `mmap.mmap`
//! objects over anonymous memory or a file (`fileno`, `length`, `flags`, `prot`, `access`,
//! `offset`, `trackfd`), with `read`/`read_byte`/`readline`, `write`/`write_byte`,
//! `seek`/`tell`, `find`/`rfind`, `flush` (msync), `resize` (mremap, and ftruncate for a
//! file), `move`, `madvise`, `size`, `close`/`closed`, indexing and slice assignment,
//! `len`, the context manager and the constants.
//!
//! A map is a native object whose data ([`Map`]) owns the mapping; every method runs in
//! one critical section under the object's lock (no Python code inside), so concurrent
//! threads see each call whole and a `close` never races with an access. Not supported:
//! the buffer protocol (gilvm's `memoryview` and `bytes()` read only exporters whose bytes
//! live in a `Vec`; a mapping cannot be one without copying), so `memoryview(m)` and
//! `bytes(m)` raise `TypeError` (`m[:]` copies the bytes); subclassing `mmap.mmap`.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics};

use crate::common::{buffer_arg, new_bytes};

static TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

const ACCESS_DEFAULT: i64 = 0;
const ACCESS_READ: i64 = 1;
const ACCESS_WRITE: i64 = 2;
const ACCESS_COPY: i64 = 3;

struct Map {
    /// Null once closed (or for a zero-length anonymous map never mapped).
    ptr: *mut u8,
    len: usize,
    pos: usize,
    /// The duplicated descriptor (-1: anonymous, or `trackfd=False`).
    fd: i32,
    offset: i64,
    access: i64,
    /// The mmap(2) flags (MAP_PRIVATE decides whether an anonymous map may grow).
    flags: i64,
    trackfd: bool,
    closed: bool,
}

// SAFETY: the mapping is owned by this value and reached only through `&mut self` under
// the object's lock; a mapping has no thread affinity.
unsafe impl Send for Map {}

impl Map {
    fn bytes(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: `ptr` maps `len` bytes until `unmap` (which nulls it).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
    fn bytes_mut(&mut self) -> &mut [u8] {
        if self.ptr.is_null() {
            return &mut [];
        }
        // SAFETY: as in `bytes`; writable maps only (callers check `access`).
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
    fn unmap(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: `ptr`/`len` is a live mapping made by mmap/mremap; unmapped once.
            unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len) };
            self.ptr = std::ptr::null_mut();
        }
        if self.fd >= 0 {
            // SAFETY: the map owns its duplicated descriptor.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
        self.closed = true;
    }
}

impl Drop for Map {
    fn drop(&mut self) {
        self.unmap();
    }
}

fn closed_err(interp: &Interp) -> PyErr {
    interp.value_error("mmap closed or invalid")
}

fn errno_err(interp: &mut Interp) -> PyErr {
    crate::posix::error::last(interp, None)
}

/// What a method's critical section answers.
enum R {
    V(Value),
    Bytes(Vec<u8>),
    Int(i64),
    None,
    Closed,
    Value(&'static str),
    Type(&'static str),
    Index(&'static str),
    Errno(std::io::Error),
}

fn finish(interp: &mut Interp, r: Option<R>) -> PyResult {
    match r {
        Some(R::V(v)) => Ok(v),
        Some(R::Bytes(b)) => Ok(new_bytes(interp, b)),
        Some(R::Int(n)) => Ok(Value::Int(n)),
        Some(R::None) => Ok(Value::None),
        Some(R::Closed) => Err(closed_err(interp)),
        Some(R::Value(m)) => Err(interp.value_error(m)),
        Some(R::Type(m)) => Err(interp.type_error(m)),
        Some(R::Index(m)) => Err(interp.index_error(m)),
        Some(R::Errno(e)) => Err(crate::posix::error::from_io(interp, &e, None)),
        None => Err(interp.type_error("not an mmap.mmap object")),
    }
}

fn me<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if util::is_data::<Map>(interp, v) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{name}' for 'mmap.mmap' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!("{name}() needs an argument"))),
    }
}

/// Runs `f` on an open map.
fn with_open(interp: &Interp, v: &Value, f: impl FnOnce(&mut Map) -> R) -> Option<R> {
    util::with_data::<Map, _>(interp, v, |m| if m.closed { R::Closed } else { f(m) })
}

fn writable(m: &Map) -> Result<(), R> {
    if m.access == ACCESS_READ {
        Err(R::Type("mmap can't modify a readonly memory map."))
    } else {
        Ok(())
    }
}

// ---- construction ----

fn mmap_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("mmap.__new__(X): X is not a type object")),
    };
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(
        interp,
        &rest,
        "mmap",
        &[
            "fileno", "length", "flags", "prot", "access", "offset", "trackfd",
        ],
        2,
    )?;
    let int = |interp: &mut Interp, v: &Option<Value>, d: i64| match v {
        Some(v) => interp.index_value(v),
        None => Ok(d),
    };
    let fd = int(interp, &a[0], -1)?;
    let length = int(interp, &a[1], 0)?;
    let mut flags = int(interp, &a[2], libc::MAP_SHARED as i64)?;
    let mut prot = int(interp, &a[3], (libc::PROT_READ | libc::PROT_WRITE) as i64)?;
    let mut access = int(interp, &a[4], ACCESS_DEFAULT)?;
    let offset = int(interp, &a[5], 0)?;
    let trackfd = match &a[6] {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    if length < 0 {
        return Err(interp.overflow_error("memory mapped length must be positive"));
    }
    if offset < 0 {
        return Err(interp.overflow_error("memory mapped offset must be positive"));
    }
    let rw = (libc::PROT_READ | libc::PROT_WRITE) as i64;
    if access != ACCESS_DEFAULT && (flags != libc::MAP_SHARED as i64 || prot != rw) {
        return Err(interp.value_error("mmap can't specify both access and flags, prot."));
    }
    match access {
        ACCESS_READ => {
            flags = libc::MAP_SHARED as i64;
            prot = libc::PROT_READ as i64;
        }
        ACCESS_WRITE => {
            flags = libc::MAP_SHARED as i64;
            prot = rw;
        }
        ACCESS_COPY => {
            flags = libc::MAP_PRIVATE as i64;
            prot = rw;
        }
        ACCESS_DEFAULT => {
            // A map opened by flags/prot: readable-only unless PROT_WRITE.
            if prot & libc::PROT_READ as i64 != 0 && prot & libc::PROT_WRITE as i64 == 0 {
                access = ACCESS_READ;
            }
        }
        _ => return Err(interp.value_error("mmap invalid access parameter.")),
    }
    let mut len = length as usize;
    if fd != -1 {
        // SAFETY: `st` is written by fstat on success.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: a plain fstat on the caller's descriptor.
        if unsafe { libc::fstat(fd as i32, &mut st) } == 0
            && (st.st_mode & libc::S_IFMT) == libc::S_IFREG
        {
            let size = st.st_size;
            if length == 0 {
                if size == 0 {
                    return Err(interp.value_error("cannot mmap an empty file"));
                }
                if offset >= size {
                    return Err(interp.value_error("mmap offset is greater than file size"));
                }
                len = (size - offset) as usize;
            } else if offset > size || size - offset < length {
                return Err(interp.value_error("mmap length is greater than file size"));
            }
        }
    }
    let dupfd = if fd != -1 && trackfd {
        // SAFETY: duplicating the caller's descriptor; the map owns the copy.
        let d = unsafe { libc::fcntl(fd as i32, libc::F_DUPFD_CLOEXEC, 0) };
        if d < 0 {
            return Err(errno_err(interp));
        }
        d
    } else {
        -1
    };
    if fd == -1 {
        flags |= libc::MAP_ANONYMOUS as i64;
    }
    let ptr = {
        // SAFETY: a new mapping chosen by the kernel; the arguments were checked above
        // and the kernel validates the rest (errors come back as MAP_FAILED).
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                prot as i32,
                flags as i32,
                fd as i32,
                offset as libc::off_t,
            )
        };
        if p == libc::MAP_FAILED {
            let e = errno_err(interp);
            if dupfd >= 0 {
                // SAFETY: our own duplicate, not yet handed out.
                unsafe { libc::close(dupfd) };
            }
            return Err(e);
        }
        p as *mut u8
    };
    let m = Map {
        ptr,
        len,
        pos: 0,
        fd: dupfd,
        offset,
        access,
        flags,
        trackfd,
        closed: false,
    };
    Ok(util::native_obj(interp, &cls, m))
}

// ---- methods ----

fn close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "close")?;
    let r = util::with_data::<Map, _>(interp, v, |m| {
        m.unmap();
        R::None
    });
    finish(interp, r)
}

fn closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "closed")?;
    let r = util::with_data::<Map, _>(interp, v, |m| R::V(Value::Bool(m.closed)));
    finish(interp, r)
}

fn enter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "__enter__")?;
    let r = with_open(interp, v, |_| R::None);
    finish(interp, r)?;
    Ok(v.clone())
}

fn exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    close(interp, Args::new(&args.pos()[..1]))
}

fn opt_size(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(interp.index_value(v)?)),
    }
}

fn read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "read")?;
    let p = args.exact(interp, "read", 1, 2)?;
    let n = opt_size(interp, p.get(1))?;
    let r = with_open(interp, v, |m| {
        let left = m.len.saturating_sub(m.pos);
        let n = match n {
            Some(n) if n >= 0 => (n as usize).min(left),
            _ => left,
        };
        let at = m.pos.min(m.len);
        let out = m.bytes()[at..at + n].to_vec();
        m.pos += n;
        R::Bytes(out)
    });
    finish(interp, r)
}

fn read_byte(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "read_byte")?;
    args.exact(interp, "read_byte", 1, 1)?;
    let r = with_open(interp, v, |m| {
        if m.pos >= m.len {
            return R::Value("read byte out of range");
        }
        let b = m.bytes()[m.pos];
        m.pos += 1;
        R::Int(b as i64)
    });
    finish(interp, r)
}

fn readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "readline")?;
    args.exact(interp, "readline", 1, 1)?;
    let r = with_open(interp, v, |m| {
        let rest = &m.bytes()[m.pos.min(m.len)..];
        let n = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let out = rest[..n].to_vec();
        m.pos += n;
        R::Bytes(out)
    });
    finish(interp, r)
}

fn write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "write")?;
    let p = args.exact(interp, "write", 2, 2)?;
    let data = buffer_arg(interp, &p[1])?;
    let r = with_open(interp, v, |m| {
        if let Err(e) = writable(m) {
            return e;
        }
        if m.pos > m.len || m.len - m.pos < data.len() {
            return R::Value("data out of range");
        }
        let at = m.pos;
        m.bytes_mut()[at..at + data.len()].copy_from_slice(&data);
        m.pos += data.len();
        R::Int(data.len() as i64)
    });
    finish(interp, r)
}

fn write_byte(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "write_byte")?;
    let p = args.exact(interp, "write_byte", 2, 2)?;
    let b = interp.index_value(&p[1])?;
    if !(0..=255).contains(&b) {
        return Err(interp.overflow_error(if b < 0 {
            "unsigned byte integer is less than minimum"
        } else {
            "unsigned byte integer is greater than maximum"
        }));
    }
    let r = with_open(interp, v, |m| {
        if let Err(e) = writable(m) {
            return e;
        }
        if m.pos >= m.len {
            return R::Value("write byte out of range");
        }
        let at = m.pos;
        m.bytes_mut()[at] = b as u8;
        m.pos += 1;
        R::None
    });
    finish(interp, r)
}

fn seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "seek")?;
    let p = args.exact(interp, "seek", 2, 3)?;
    let dist = interp.index_value(&p[1])?;
    let how = match p.get(2) {
        Some(w) => interp.index_value(w)?,
        None => 0,
    };
    let r = with_open(interp, v, |m| {
        let base = match how {
            0 => 0,
            1 => m.pos as i64,
            2 => m.len as i64,
            _ => return R::Value("unknown seek type"),
        };
        match base.checked_add(dist) {
            Some(n) if n >= 0 && n as usize <= m.len => {
                m.pos = n as usize;
                R::Int(n)
            }
            _ => R::Value("seek out of range"),
        }
    });
    finish(interp, r)
}

fn tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "tell")?;
    let r = with_open(interp, v, |m| R::Int(m.pos as i64));
    finish(interp, r)
}

fn size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "size")?;
    let r = with_open(interp, v, |m| {
        if m.fd < 0 {
            // No descriptor (anonymous, or trackfd=False): CPython's fstat(-1) fails too.
            return R::Errno(std::io::Error::from_raw_os_error(libc::EBADF));
        }
        // SAFETY: fstat on the map's own descriptor.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        if unsafe { libc::fstat(m.fd, &mut st) } != 0 {
            return R::Errno(std::io::Error::last_os_error());
        }
        R::Int(st.st_size)
    });
    finish(interp, r)
}

fn length(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "__len__")?;
    let r = with_open(interp, v, |m| R::Int(m.len as i64));
    finish(interp, r)
}

/// `find`/`rfind`'s `start`/`end` (None: the position and the size; negative: from the end).
fn find_impl(interp: &mut Interp, args: Args<'_>, rev: bool) -> PyResult {
    let name = if rev { "rfind" } else { "find" };
    let v = me(interp, &args, name)?;
    let p = args.exact(interp, name, 2, 4)?;
    let sub = buffer_arg(interp, &p[1])?.into_owned();
    let start = opt_size(interp, p.get(2))?;
    let end = opt_size(interp, p.get(3))?;
    let r = with_open(interp, v, |m| {
        let len = m.len as i64;
        let fix = |x: i64| {
            if x < 0 {
                (x + len).max(0)
            } else {
                x.min(len)
            }
        };
        let s = fix(start.unwrap_or(m.pos as i64)) as usize;
        let e = fix(end.unwrap_or(len)) as usize;
        if s > e || e - s < sub.len() {
            return R::Int(-1);
        }
        let hay = &m.bytes()[s..e];
        let found = if sub.is_empty() {
            Some(if rev { hay.len() } else { 0 })
        } else if rev {
            hay.windows(sub.len()).rposition(|w| w == sub.as_slice())
        } else {
            hay.windows(sub.len()).position(|w| w == sub.as_slice())
        };
        R::Int(found.map_or(-1, |i| (s + i) as i64))
    });
    finish(interp, r)
}

fn find(interp: &mut Interp, args: Args<'_>) -> PyResult {
    find_impl(interp, args, false)
}

fn rfind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    find_impl(interp, args, true)
}

fn flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "flush")?;
    let p = args.exact(interp, "flush", 1, 3)?;
    let off = match p.get(1) {
        Some(x) => interp.index_value(x)?,
        None => 0,
    };
    let sz = opt_size(interp, p.get(2))?;
    let r = with_open(interp, v, |m| {
        let sz = sz.unwrap_or(m.len as i64);
        if off < 0 || sz < 0 || off.checked_add(sz).is_none_or(|e| e as usize > m.len) {
            return R::Value("flush values out of range");
        }
        if m.access == ACCESS_READ || m.access == ACCESS_COPY || m.ptr.is_null() || sz == 0 {
            return R::None;
        }
        // SAFETY: the range lies inside the live mapping (checked above); msync needs a
        // page-aligned start, which an offset within a page-aligned mapping is when it is
        // a multiple of the page size (the kernel returns EINVAL otherwise, as CPython's).
        let rc = unsafe {
            libc::msync(
                m.ptr.add(off as usize) as *mut libc::c_void,
                sz as usize,
                libc::MS_SYNC,
            )
        };
        if rc != 0 {
            return R::Errno(std::io::Error::last_os_error());
        }
        R::None
    });
    finish(interp, r)
}

fn resize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "resize")?;
    let p = args.exact(interp, "resize", 2, 2)?;
    let new = interp.index_value(&p[1])?;
    let r = with_open(interp, v, |m| {
        if !m.trackfd {
            return R::Value("mmap can't resize with trackfd=False.");
        }
        if m.access != ACCESS_WRITE && m.access != ACCESS_DEFAULT {
            return R::Type("mmap can't resize a readonly or copy-on-write memory map.");
        }
        if new < 0 || (new as u64) > isize::MAX as u64 {
            return R::Value("new size out of range");
        }
        let new = new as usize;
        // Linux's mremap cannot grow a shared anonymous mapping.
        if m.fd < 0 && m.flags & libc::MAP_PRIVATE as i64 == 0 && new > m.len {
            return R::Value("mmap: can't expand a shared anonymous mapping");
        }
        if m.fd >= 0 {
            // SAFETY: ftruncate on the map's own descriptor.
            if unsafe { libc::ftruncate(m.fd, m.offset as libc::off_t + new as libc::off_t) } != 0 {
                return R::Errno(std::io::Error::last_os_error());
            }
        }
        if m.ptr.is_null() {
            return R::Errno(std::io::Error::from_raw_os_error(libc::EINVAL));
        }
        // SAFETY: `ptr`/`len` is the live mapping; MREMAP_MAYMOVE lets the kernel move it,
        // and nothing outside this locked section holds a pointer into it.
        let p =
            unsafe { libc::mremap(m.ptr as *mut libc::c_void, m.len, new, libc::MREMAP_MAYMOVE) };
        if p == libc::MAP_FAILED {
            return R::Errno(std::io::Error::last_os_error());
        }
        m.ptr = p as *mut u8;
        // The position stays (it may now lie past the end, as CPython's).
        m.len = new;
        R::None
    });
    finish(interp, r)
}

fn move_(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "move")?;
    let p = args.exact(interp, "move", 4, 4)?;
    let dest = interp.index_value(&p[1])?;
    let src = interp.index_value(&p[2])?;
    let cnt = interp.index_value(&p[3])?;
    let r = with_open(interp, v, |m| {
        if let Err(e) = writable(m) {
            return e;
        }
        let len = m.len as i64;
        if dest < 0 || src < 0 || cnt < 0 || len - dest < cnt || len - src < cnt {
            return R::Value("source, destination, or count out of range");
        }
        let (d, s, c) = (dest as usize, src as usize, cnt as usize);
        m.bytes_mut().copy_within(s..s + c, d);
        R::None
    });
    finish(interp, r)
}

fn madvise(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "madvise")?;
    let p = args.exact(interp, "madvise", 2, 4)?;
    let option = interp.index_value(&p[1])?;
    let start = match p.get(2) {
        Some(x) => interp.index_value(x)?,
        None => 0,
    };
    let length = opt_size(interp, p.get(3))?;
    let r = with_open(interp, v, |m| {
        let len = m.len as i64;
        if start < 0 || start >= len.max(1) {
            return R::Value("madvise start out of bounds");
        }
        let length = length.unwrap_or(len);
        if length < 0 {
            return R::Value("madvise length invalid");
        }
        let length = length.min(len - start);
        if m.ptr.is_null() || length == 0 {
            return R::None;
        }
        // SAFETY: the range lies inside the live mapping; madvise only advises.
        let rc = unsafe {
            libc::madvise(
                m.ptr.add(start as usize) as *mut libc::c_void,
                length as usize,
                option as i32,
            )
        };
        if rc != 0 {
            return R::Errno(std::io::Error::last_os_error());
        }
        R::None
    });
    finish(interp, r)
}

fn slice_of(v: &Value) -> Option<&[Value; 3]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Slice(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "__getitem__")?;
    let p = args.exact(interp, "__getitem__", 2, 2)?;
    if let Some(sl) = slice_of(&p[1]) {
        let spec = interp.slice_spec(sl)?;
        let r = with_open(interp, v, |m| {
            let r = spec.adjust(m.len);
            let b = m.bytes();
            let mut out = Vec::with_capacity(r.count);
            let mut i = r.start;
            for _ in 0..r.count {
                out.push(b[i as usize]);
                i += r.step;
            }
            R::Bytes(out)
        });
        return finish(interp, r);
    }
    let i = interp.index_value(&p[1])?;
    let r = with_open(interp, v, |m| {
        let i = if i < 0 { i + m.len as i64 } else { i };
        if i < 0 || i as usize >= m.len {
            return R::Index("mmap index out of range");
        }
        R::Int(m.bytes()[i as usize] as i64)
    });
    finish(interp, r)
}

fn setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "__setitem__")?;
    let p = args.exact(interp, "__setitem__", 3, 3)?;
    if let Some(sl) = slice_of(&p[1]) {
        let spec = interp.slice_spec(sl)?;
        let src = buffer_arg(interp, &p[2])?.into_owned();
        let r = with_open(interp, v, |m| {
            if let Err(e) = writable(m) {
                return e;
            }
            let r = spec.adjust(m.len);
            if r.count != src.len() {
                return R::Index("mmap slice assignment is wrong size");
            }
            let b = m.bytes_mut();
            let mut i = r.start;
            for &x in &src {
                b[i as usize] = x;
                i += r.step;
            }
            R::None
        });
        return finish(interp, r);
    }
    let i = interp.index_value(&p[1])?;
    let x = interp.index_value(&p[2])?;
    if !(0..=255).contains(&x) {
        return Err(interp.value_error("mmap item value must be in range(0, 256)"));
    }
    let r = with_open(interp, v, |m| {
        if let Err(e) = writable(m) {
            return e;
        }
        let i = if i < 0 { i + m.len as i64 } else { i };
        if i < 0 || i as usize >= m.len {
            return R::Index("mmap index out of range");
        }
        m.bytes_mut()[i as usize] = x as u8;
        R::None
    });
    finish(interp, r)
}

fn delitem(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.type_error("mmap doesn't support item deletion"))
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = me(interp, &args, "__repr__")?;
    let r = util::with_data::<Map, _>(interp, v, |m| {
        if m.closed {
            return "<mmap.mmap closed=True>".to_string();
        }
        let access = match m.access {
            ACCESS_READ => "ACCESS_READ",
            ACCESS_WRITE => "ACCESS_WRITE",
            ACCESS_COPY => "ACCESS_COPY",
            _ => "ACCESS_DEFAULT",
        };
        format!(
            "<mmap.mmap closed=False, access={access}, length={}, pos={}, offset={}>",
            m.len, m.pos, m.offset
        )
    });
    match r {
        Some(s) => Ok(interp.new_str(s)),
        None => Err(interp.type_error("not an mmap.mmap object")),
    }
}

fn no_pickle(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp.type_error("cannot pickle 'mmap.mmap' object"))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPE.get().is_none() {
        let t = util::native_type(
            interp,
            "mmap",
            "mmap",
            &[
                ("close", close),
                ("read", read),
                ("read_byte", read_byte),
                ("readline", readline),
                ("write", write),
                ("write_byte", write_byte),
                ("seek", seek),
                ("tell", tell),
                ("size", size),
                ("find", find),
                ("rfind", rfind),
                ("flush", flush),
                ("resize", resize),
                ("move", move_),
                ("madvise", madvise),
                ("__len__", length),
                ("__getitem__", getitem),
                ("__setitem__", setitem),
                ("__delitem__", delitem),
                ("__enter__", enter),
                ("__exit__", exit),
                ("__repr__", repr),
                ("__reduce__", no_pickle),
            ],
        );
        add_static(interp, &t, "__new__", mmap_new);
        util::add_property(interp, &t, "closed", closed);
        gilvm_vm::native_sub::mark_final(&t);
        let _ = TYPE.set(Statics(t));
    }
    let t = TYPE.get().expect("mmap initialized").0.clone();
    interp.add_value(m, "mmap", Value::Obj(t));
    interp.add_value(m, "error", Value::Obj(interp.g.exc.os_error.clone()));
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    let ints: &[(&str, i64)] = &[
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("ACCESS_DEFAULT", ACCESS_DEFAULT),
        ("ACCESS_READ", ACCESS_READ),
        ("ACCESS_WRITE", ACCESS_WRITE),
        ("ACCESS_COPY", ACCESS_COPY),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("MAP_NORESERVE", libc::MAP_NORESERVE as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
    ];
    for (n, v) in ints {
        interp.add_value(m, n, Value::Int(*v));
    }
    Ok(())
}
