//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`.
//!
//! # State
//! [`BufState`] is plain data: the read-ahead (`rbuf[rpos..]`), the pending writes
//! (`wbuf`), and, when the raw stream is an exact `FileIO`, that file's state (`native`),
//! through which every raw operation is a system call made without Python. Any other raw
//! stream is called through its Python methods (`readinto`, `write`, `seek`, ...).
//!
//! # Invariants
//! * Each operation holds the object's [`IoLock`] from start to end, also across the raw
//!   stream's calls (CPython's `ENTER_BUFFERED`): two threads writing to one file never
//!   lose or interleave a write.
//! * At most one of read-ahead and pending writes is non-empty: a write first moves the
//!   raw position back over the read-ahead, a read first flushes the writes.
//! * Pending writes over a native file are never lost: they are written when the object
//!   dies (`Drop`), and the writers alive at exit are flushed by `flush_all` (every exit
//!   path calls it, see `stdio.rs`).
use std::sync::{Arc, Mutex, Weak};

use gilvm_object::{ObjRef, Value};

use super::fileio::{self, FileIO};
use super::lock::{IoGuard, IoLock};
use super::{
    add_getter, bytes_arg, get_state, int_arg, new_bytes, set_state, size_arg, unsupported, IoObj,
    IoTypes,
};
use crate::args::Args;
use crate::builtins::add_method;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Reader => "BufferedReader",
            Kind::Writer => "BufferedWriter",
            Kind::Random => "BufferedRandom",
        }
    }
}

pub struct BufState {
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    pub size: usize,
    native: Option<Arc<FileIO>>,
    detached: bool,
}

impl BufState {
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    /// Writes the pending bytes of a native file without an interpreter (the exit paths).
    pub fn flush_native_blocking(&mut self) {
        if let Some(f) = &self.native {
            if !self.wbuf.is_empty() && !f.closed() {
                let _ = fileio::sys_write_all(f.fd(), &self.wbuf);
            }
            self.wbuf.clear();
        }
    }
}

impl Drop for BufState {
    fn drop(&mut self) {
        self.flush_native_blocking();
    }
}

/// The native state of a buffered object.
#[derive(Clone)]
pub struct BufObj {
    pub st: Arc<IoLock<BufState>>,
    pub raw: Value,
    pub kind: Kind,
    /// The raw stream's state when it is an exact `FileIO` (as `BufState::native`; read
    /// without the lock for `closed`).
    pub file: Option<Arc<FileIO>>,
}

/// The buffered writers over native files that may hold pending bytes (see `flush_all`).
static WRITERS: Mutex<Vec<Weak<IoLock<BufState>>>> = Mutex::new(Vec::new());

fn register_writer(st: &Arc<IoLock<BufState>>) {
    let mut w = WRITERS.lock().unwrap_or_else(|e| e.into_inner());
    if w.len() >= 16 && w.len().is_power_of_two() {
        w.retain(|x| x.strong_count() > 0);
    }
    w.push(Arc::downgrade(st));
}

/// Flushes every live buffered writer over a native file (process exit, an uncaught
/// exception, Ctrl-C): CPython flushes them when it finalises the objects.
pub fn flush_all() {
    let list: Vec<_> = {
        let w = WRITERS.lock().unwrap_or_else(|e| e.into_inner());
        w.iter().filter_map(|x| x.upgrade()).collect()
    };
    for st in list {
        if let Some(mut g) = st.lock_blocking() {
            g.flush_native_blocking();
        }
    }
}

/// A new buffered object of `kind` over `raw` (`open()`, the standard streams).
pub fn new_buffered(interp: &mut Interp, kind: Kind, raw: Value, size: usize) -> PyResult {
    let t = super::types(interp);
    let cls = match kind {
        Kind::Reader => t.reader.clone(),
        Kind::Writer => t.writer.clone(),
        Kind::Random => t.random.clone(),
    };
    let me = super::new_io_instance(interp, &cls)?;
    let b = make_state(interp, kind, raw, size);
    set_state(interp, &me, IoObj::Buf(b));
    Ok(me)
}

fn make_state(interp: &mut Interp, kind: Kind, raw: Value, size: usize) -> BufObj {
    let native = match get_state(interp, &raw) {
        Some(IoObj::File(f))
            if gilvm_object::types::type_of(&raw).is(&super::types(interp).fileio) =>
        {
            Some(f)
        }
        _ => None,
    };
    let is_native = native.is_some();
    let file = native.clone();
    let st = Arc::new(IoLock::new(BufState {
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        size,
        native,
        detached: false,
    }));
    if is_native && kind != Kind::Reader {
        register_writer(&st);
    }
    BufObj {
        st,
        raw,
        kind,
        file,
    }
}

/// The state of the buffered object `v`, if it is one.
pub fn buf_of(interp: &Interp, v: &Value) -> Option<BufObj> {
    match get_state(interp, v) {
        Some(IoObj::Buf(b)) => Some(b),
        _ => None,
    }
}

fn me(args: &Args<'_>) -> Value {
    args.pos().first().cloned().unwrap_or(Value::None)
}

fn state(interp: &mut Interp, args: &Args<'_>) -> PyResult<BufObj> {
    match buf_of(interp, &me(args)) {
        Some(b) => Ok(b),
        None => Err(interp.value_error("I/O operation on uninitialized object")),
    }
}

/// Locks the object for one operation, checking it is not detached.
pub fn lock<'a>(interp: &mut Interp, b: &'a BufObj) -> PyResult<IoGuard<'a, BufState>> {
    let g = b.st.lock(interp, b.kind.name())?;
    if g.detached {
        return Err(interp.value_error("raw stream has been detached"));
    }
    Ok(g)
}

fn raw_closed(interp: &mut Interp, b: &BufObj, st: &BufState) -> PyResult<bool> {
    if let Some(f) = &st.native {
        return Ok(f.closed());
    }
    let c = interp.getattr_str(&b.raw, "closed")?;
    interp.truthy(&c)
}

fn check_closed(interp: &mut Interp, b: &BufObj, st: &BufState, msg: &str) -> PyResult<()> {
    if raw_closed(interp, b, st)? {
        // (A read of what is left in the buffer of a closed file is still an error.)
        return Err(interp.value_error(msg));
    }
    Ok(())
}

fn raw_read(interp: &mut Interp, b: &BufObj, st: &BufState, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = &st.native {
        if f.closed() {
            return Err(super::closed_err(interp));
        }
        return fileio::read_fd(interp, f, n);
    }
    let ba = interp
        .dict_get_str(&interp.g.builtins_dict.clone(), &interp.intern("bytearray"))
        .unwrap_or(Value::None);
    let buf = interp.call1(&ba, &[Value::Int(n as i64)])?;
    let r = interp.call_method(&b.raw, "readinto", std::slice::from_ref(&buf))?;
    if r.is_none() {
        return Ok(None);
    }
    let k = int_arg(interp, &r)?;
    if k < 0 || k as usize > n {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            format!(
                "raw readinto() returned invalid length {k} (should have been between 0 and {n})"
            ),
        ));
    }
    let mut data = bytes_arg(interp, &buf)?;
    data.truncate(k as usize);
    Ok(Some(data))
}

fn raw_write(
    interp: &mut Interp,
    b: &BufObj,
    st: &BufState,
    data: &[u8],
) -> PyResult<Option<usize>> {
    if let Some(f) = &st.native {
        if f.closed() {
            return Err(super::closed_err(interp));
        }
        return fileio::write_fd(interp, f, data);
    }
    let v = new_bytes(interp, data.to_vec());
    let r = interp.call_method(&b.raw, "write", &[v])?;
    if r.is_none() {
        return Ok(None);
    }
    let k = int_arg(interp, &r)?;
    if k < 0 || k as usize > data.len() {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            format!(
                "raw write() returned invalid length {k} (should have been between 0 and {})",
                data.len()
            ),
        ));
    }
    Ok(Some(k as usize))
}

fn raw_seek(
    interp: &mut Interp,
    b: &BufObj,
    st: &BufState,
    off: i64,
    whence: i32,
) -> PyResult<i64> {
    let n = if let Some(f) = &st.native {
        if f.closed() {
            return Err(super::closed_err(interp));
        }
        fileio::seek_fd(interp, f, off, whence)?
    } else {
        let r = interp.call_method(
            &b.raw,
            "seek",
            &[Value::Int(off), Value::Int(whence as i64)],
        )?;
        int_arg(interp, &r)?
    };
    if n < 0 {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

fn blocking_error(interp: &mut Interp, written: usize) -> PyErr {
    let e = interp.new_exception(
        &interp.g.exc.blocking_io_error.clone(),
        vec![
            Value::Int(11),
            interp.new_str("write could not complete without blocking"),
            Value::Int(written as i64),
        ],
    );
    PyErr(e)
}

/// Writes out the pending bytes.
fn flush_w(interp: &mut Interp, b: &BufObj, st: &mut BufState) -> PyResult<()> {
    while !st.wbuf.is_empty() {
        let data = std::mem::take(&mut st.wbuf);
        let r = raw_write(interp, b, st, &data);
        match r {
            Ok(Some(n)) => {
                st.wbuf = data;
                st.wbuf.drain(..n);
            }
            Ok(None) => {
                st.wbuf = data;
                return Err(blocking_error(interp, 0));
            }
            Err(e) => {
                st.wbuf = data;
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Before a write: the raw position moves back over the read-ahead.
fn prepare_write(interp: &mut Interp, b: &BufObj, st: &mut BufState) -> PyResult<()> {
    let unread = st.unread();
    if unread > 0 {
        raw_seek(interp, b, st, -(unread as i64), 1)?;
    }
    st.rbuf.clear();
    st.rpos = 0;
    Ok(())
}

/// Reads one chunk from the raw stream into the read-ahead; Ok(None) when it would block,
/// Ok(Some(0)) at end of file.
fn fill(
    interp: &mut Interp,
    b: &BufObj,
    st: &mut BufState,
    want: usize,
) -> PyResult<Option<usize>> {
    flush_w(interp, b, st)?;
    if st.rpos > 0 {
        st.rbuf.drain(..st.rpos);
        st.rpos = 0;
    }
    match raw_read(interp, b, st, want.max(1))? {
        None => Ok(None),
        Some(d) => {
            let n = d.len();
            st.rbuf.extend_from_slice(&d);
            Ok(Some(n))
        }
    }
}

fn take(st: &mut BufState, n: usize) -> Vec<u8> {
    let n = n.min(st.unread());
    let v = st.rbuf[st.rpos..st.rpos + n].to_vec();
    st.rpos += n;
    if st.rpos == st.rbuf.len() {
        st.rbuf.clear();
        st.rpos = 0;
    }
    v
}

/// `read(n)` under the lock; None when nothing could be read without blocking.
pub fn read_locked(
    interp: &mut Interp,
    b: &BufObj,
    st: &mut BufState,
    n: Option<usize>,
) -> PyResult<Option<Vec<u8>>> {
    match n {
        None => {
            flush_w(interp, b, st)?;
            let mut out = take(st, usize::MAX);
            let rest = if let Some(f) = st.native.clone() {
                fileio::readall_fd(interp, &f)?
            } else if interp.has_attr_str(&b.raw, "readall") {
                let r = interp.call_method(&b.raw, "readall", &[])?;
                if r.is_none() {
                    None
                } else {
                    Some(bytes_arg(interp, &r)?)
                }
            } else {
                let mut acc: Option<Vec<u8>> = None;
                loop {
                    let r = interp.call_method(&b.raw, "read", &[])?;
                    if r.is_none() {
                        break;
                    }
                    let d = bytes_arg(interp, &r)?;
                    if d.is_empty() {
                        acc.get_or_insert_with(Vec::new);
                        break;
                    }
                    acc.get_or_insert_with(Vec::new).extend_from_slice(&d);
                }
                acc
            };
            match rest {
                None if out.is_empty() => Ok(None),
                None => Ok(Some(out)),
                Some(r) => {
                    out.extend_from_slice(&r);
                    Ok(Some(out))
                }
            }
        }
        Some(n) => {
            while st.unread() < n {
                let need = n - st.unread();
                let want = if need > st.size { need } else { st.size };
                match fill(interp, b, st, want)? {
                    None => {
                        if st.unread() == 0 {
                            return Ok(None);
                        }
                        break;
                    }
                    Some(0) => break,
                    Some(_) => {}
                }
            }
            Ok(Some(take(st, n)))
        }
    }
}

/// `read1(n)` under the lock: at most one raw read.
pub fn read1_locked(
    interp: &mut Interp,
    b: &BufObj,
    st: &mut BufState,
    n: usize,
) -> PyResult<Vec<u8>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    if st.unread() == 0 {
        let want = n.max(st.size);
        if fill(interp, b, st, want)?.is_none() {
            return Ok(Vec::new());
        }
    }
    Ok(take(st, n))
}

/// `readline(limit)` under the lock.
fn readline_locked(
    interp: &mut Interp,
    b: &BufObj,
    st: &mut BufState,
    limit: Option<usize>,
) -> PyResult<Vec<u8>> {
    let mut scanned = 0usize;
    loop {
        let avail = &st.rbuf[st.rpos..];
        if let Some(i) = avail[scanned..].iter().position(|&c| c == b'\n') {
            let mut k = scanned + i + 1;
            if let Some(l) = limit {
                k = k.min(l);
            }
            return Ok(take(st, k));
        }
        if let Some(l) = limit {
            if avail.len() >= l {
                return Ok(take(st, l));
            }
        }
        scanned = avail.len();
        let want = st.size;
        match fill(interp, b, st, want)? {
            None | Some(0) => return Ok(take(st, usize::MAX)),
            Some(_) => {}
        }
    }
}

/// `write(data)` under the lock.
pub fn write_locked(
    interp: &mut Interp,
    b: &BufObj,
    st: &mut BufState,
    data: &[u8],
) -> PyResult<usize> {
    if st.unread() > 0 {
        prepare_write(interp, b, st)?;
    }
    // CPython's rule: what fits (and is smaller than the buffer) is copied; otherwise the
    // buffer is written out, then data as large as the buffer goes straight through.
    let avail = st.size.saturating_sub(st.wbuf.len());
    if data.len() <= avail && data.len() < st.size {
        st.wbuf.extend_from_slice(data);
        return Ok(data.len());
    }
    flush_w(interp, b, st)?;
    if data.len() >= st.size {
        let mut done = 0;
        while done < data.len() {
            match raw_write(interp, b, st, &data[done..])? {
                Some(n) => done += n,
                None => {
                    st.wbuf.extend_from_slice(&data[done..]);
                    return Ok(data.len());
                }
            }
        }
        return Ok(data.len());
    }
    st.wbuf.extend_from_slice(data);
    Ok(data.len())
}

/// `flush()` under the lock.
pub fn flush_locked(interp: &mut Interp, b: &BufObj, st: &mut BufState) -> PyResult<()> {
    flush_w(interp, b, st)
}

fn tell_locked(interp: &mut Interp, b: &BufObj, st: &mut BufState) -> PyResult<i64> {
    let pos = raw_seek(interp, b, st, 0, 1)?;
    let p = pos - st.unread() as i64 + st.wbuf.len() as i64;
    Ok(p.max(0))
}

/// `tell()` of a buffered object (the text layer's).
pub fn tell(interp: &mut Interp, b: &BufObj) -> PyResult<i64> {
    let mut g = lock(interp, b)?;
    tell_locked(interp, b, &mut g)
}

/// `seek(pos, whence)` of a buffered object (the text layer's).
pub fn seek(interp: &mut Interp, b: &BufObj, off: i64, whence: i32) -> PyResult<i64> {
    let mut g = lock(interp, b)?;
    check_closed(interp, b, &g, "seek of closed file")?;
    flush_w(interp, b, &mut g)?;
    let mut off = off;
    if whence == 1 {
        off -= g.unread() as i64;
    }
    g.rbuf.clear();
    g.rpos = 0;
    raw_seek(interp, b, &g, off, whence)
}

// ---- the Python methods ----

fn init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me(&args);
    let t = super::types(interp);
    let ty = gilvm_object::types::type_of(&me).clone();
    let kind = if gilvm_object::types::is_subtype(&ty, &t.random) {
        Kind::Random
    } else if gilvm_object::types::is_subtype(&ty, &t.writer) {
        Kind::Writer
    } else {
        Kind::Reader
    };
    let p = args.pos();
    let mut raw = p.get(1).cloned();
    let mut size = p.get(2).cloned();
    for (k, v) in args.kwargs() {
        match k {
            "raw" => raw = Some(v.clone()),
            "buffer_size" => size = Some(v.clone()),
            _ => {
                return Err(interp.type_error(format!(
                    "{}() got an unexpected keyword argument '{k}'",
                    kind.name()
                )))
            }
        }
    }
    let Some(raw) = raw else {
        return Err(interp.type_error(format!(
            "{}() missing required argument 'raw' (pos 1)",
            kind.name()
        )));
    };
    let size = match size {
        None => super::DEFAULT_BUFFER_SIZE as i64,
        Some(v) => int_arg(interp, &v)?,
    };
    if matches!(kind, Kind::Reader | Kind::Random) {
        interp.call_method(&raw, "_checkReadable", &[])?;
    }
    if matches!(kind, Kind::Writer | Kind::Random) {
        interp.call_method(&raw, "_checkWritable", &[])?;
    }
    if kind == Kind::Random {
        interp.call_method(&raw, "_checkSeekable", &[])?;
    }
    if size <= 0 {
        return Err(interp.value_error("buffer size must be strictly positive"));
    }
    let b = make_state(interp, kind, raw, size as usize);
    set_state(interp, &me, IoObj::Buf(b));
    Ok(Value::None)
}

fn m_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Writer {
        return Err(unsupported(interp, "read"));
    }
    if let Some(v) = p.get(1) {
        if let Ok(n) = int_arg(interp, v) {
            if n < -1 {
                return Err(interp.value_error("read length must be non-negative or -1"));
            }
        }
    }
    let n = size_arg(interp, p.get(1))?;
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "read of closed file")?;
    let r = read_locked(interp, &b, &mut g, n)?;
    drop(g);
    Ok(match r {
        None => Value::None,
        Some(v) => new_bytes(interp, v),
    })
}

fn m_read1(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read1", 1, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Writer {
        return Err(unsupported(interp, "read1"));
    }
    let n = size_arg(interp, p.get(1))?;
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "read of closed file")?;
    let n = n.unwrap_or(g.size);
    let r = read1_locked(interp, &b, &mut g, n)?;
    drop(g);
    Ok(new_bytes(interp, r))
}

fn m_peek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "peek", 1, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Writer {
        return Err(unsupported(interp, "peek"));
    }
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "peek of closed file")?;
    if g.unread() == 0 {
        let want = g.size;
        fill(interp, &b, &mut g, want)?;
    }
    let v = g.rbuf[g.rpos..].to_vec();
    drop(g);
    Ok(new_bytes(interp, v))
}

fn m_readinto_impl(interp: &mut Interp, args: Args<'_>, one: bool) -> PyResult {
    let p = args.exact(interp, if one { "readinto1" } else { "readinto" }, 2, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Writer {
        return Err(unsupported(interp, "readinto"));
    }
    let n = super::writable_len(interp, &p[1])?;
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "readinto of closed file")?;
    let r = if one {
        Some(read1_locked(interp, &b, &mut g, n)?)
    } else {
        read_locked(interp, &b, &mut g, Some(n))?
    };
    drop(g);
    match r {
        None => Ok(Value::None),
        Some(v) => {
            let k = v.len();
            super::fill_buffer(interp, &p[1], v)?;
            Ok(Value::Int(k as i64))
        }
    }
}

fn m_readinto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    m_readinto_impl(interp, args, false)
}

fn m_readinto1(interp: &mut Interp, args: Args<'_>) -> PyResult {
    m_readinto_impl(interp, args, true)
}

fn m_readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readline", 1, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Writer {
        return Err(unsupported(interp, "readline"));
    }
    let n = size_arg(interp, p.get(1))?;
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "readline of closed file")?;
    let r = readline_locked(interp, &b, &mut g, n)?;
    drop(g);
    Ok(new_bytes(interp, r))
}

fn m_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = state(interp, &args)?;
    if b.kind == Kind::Writer {
        return Err(unsupported(interp, "readline"));
    }
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "readline of closed file")?;
    let r = readline_locked(interp, &b, &mut g, None)?;
    drop(g);
    if r.is_empty() {
        return Err(interp.stop_iteration(Value::None));
    }
    Ok(new_bytes(interp, r))
}

fn m_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "write", 2, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Reader {
        return Err(unsupported(interp, "write"));
    }
    let data = bytes_arg(interp, &p[1])?;
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "write to closed file")?;
    let n = write_locked(interp, &b, &mut g, &data)?;
    Ok(Value::Int(n as i64))
}

fn m_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "flush", 1, 1)?;
    let b = state(interp, &args)?;
    let mut g = lock(interp, &b)?;
    if b.kind != Kind::Reader {
        check_closed(interp, &b, &g, "flush of closed file")?;
        flush_w(interp, &b, &mut g)?;
    } else {
        check_closed(interp, &b, &g, "flush of closed file")?;
    }
    Ok(Value::None)
}

fn m_tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = state(interp, &args)?;
    Ok(Value::Int(tell(interp, &b)?))
}

fn m_seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "seek", 2, 3)?;
    let b = state(interp, &args)?;
    if let Value::Float(_) = &p[1] {
        return Err(interp.type_error("an integer is required"));
    }
    let off = int_arg(interp, &p[1])?;
    let whence = match p.get(2) {
        None => 0,
        Some(v) => int_arg(interp, v)?,
    };
    if !(0..=4).contains(&whence) {
        return Err(interp.value_error(format!("whence value {whence} unsupported")));
    }
    Ok(Value::Int(seek(interp, &b, off, whence as i32)?))
}

fn m_truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "truncate", 1, 2)?;
    let b = state(interp, &args)?;
    if b.kind == Kind::Reader {
        return Err(unsupported(interp, "truncate"));
    }
    let mut g = lock(interp, &b)?;
    check_closed(interp, &b, &g, "truncate of closed file")?;
    flush_w(interp, &b, &mut g)?;
    let logical = tell_locked(interp, &b, &mut g)?;
    if g.unread() > 0 {
        raw_seek(interp, &b, &g, logical, 0)?;
        g.rbuf.clear();
        g.rpos = 0;
    }
    let pos = match p.get(1) {
        None | Some(Value::None) => Value::Int(logical),
        Some(v) => v.clone(),
    };
    interp.call_method(&b.raw, "truncate", &[pos])
}

fn m_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = state(interp, &args)?;
    let mut g = lock(interp, &b)?;
    if raw_closed(interp, &b, &g)? {
        return Ok(Value::None);
    }
    let flushed = if b.kind != Kind::Reader {
        flush_w(interp, &b, &mut g)
    } else {
        Ok(())
    };
    drop(g);
    let closed = interp.call_method(&b.raw, "close", &[]);
    {
        let mut g = lock(interp, &b)?;
        g.rbuf = Vec::new();
        g.rpos = 0;
    }
    match (flushed, closed) {
        (Err(e), _) => Err(e),
        (_, Err(e)) => Err(e),
        _ => Ok(Value::None),
    }
}

fn m_detach(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = state(interp, &args)?;
    let mut g = lock(interp, &b)?;
    flush_w(interp, &b, &mut g)?;
    g.detached = true;
    Ok(b.raw.clone())
}

fn forward(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let b = state(interp, &args)?;
    {
        let _g = lock(interp, &b)?;
    }
    interp.call_method(&b.raw, name, &[])
}

fn m_fileno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    forward(interp, args, "fileno")
}
fn m_isatty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    forward(interp, args, "isatty")
}
fn m_readable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    forward(interp, args, "readable")
}
fn m_writable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    forward(interp, args, "writable")
}
fn m_seekable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    forward(interp, args, "seekable")
}

fn m_raw(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = state(interp, &args)?;
    let _g = lock(interp, &b)?;
    Ok(b.raw.clone())
}

fn getattr_raw(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let b = state(interp, &args)?;
    {
        let _g = lock(interp, &b)?;
    }
    interp.getattr_str(&b.raw, name)
}

fn m_closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    getattr_raw(interp, args, "closed")
}
fn m_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    getattr_raw(interp, args, "name")
}
fn m_mode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    getattr_raw(interp, args, "mode")
}

fn m_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me(&args);
    let tn = super::type_qualname(interp, &me);
    let name = match interp.getattr_str(&me, "name") {
        Ok(n) => Some(n),
        Err(e)
            if interp.matches(&e, &interp.g.exc.attribute_error.clone())
                || interp.matches(&e, &interp.g.exc.value_error.clone()) =>
        {
            None
        }
        Err(e) => return Err(e),
    };
    let s = match name {
        Some(n) => {
            let r = super::repr_guarded(interp, &me, &n)?;
            format!("<{tn} name={r}>")
        }
        None => format!("<{tn}>"),
    };
    Ok(interp.new_str(s))
}

fn m_getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let tn = super::type_qualname(interp, &me(&args));
    Err(interp.type_error(format!("cannot pickle '{tn}' instances")))
}

fn m_sizeof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = state(interp, &args)?;
    let g = lock(interp, &b)?;
    Ok(Value::Int((64 + g.size) as i64))
}

// ---- BufferedRWPair ----

fn pair_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() < 3 || p.len() > 4 {
        return Err(interp.type_error(format!(
            "BufferedRWPair expected 2 or 3 arguments, got {}",
            p.len().saturating_sub(1)
        )));
    }
    let size = match p.get(3) {
        None => super::DEFAULT_BUFFER_SIZE as i64,
        Some(v) => int_arg(interp, v)?,
    };
    interp.call_method(&p[1], "_checkReadable", &[])?;
    interp.call_method(&p[2], "_checkWritable", &[])?;
    if size <= 0 {
        return Err(interp.value_error("buffer size must be strictly positive"));
    }
    let r = new_buffered(interp, Kind::Reader, p[1].clone(), size as usize)?;
    let w = new_buffered(interp, Kind::Writer, p[2].clone(), size as usize)?;
    set_state(interp, &p[0], IoObj::Pair(r, w));
    Ok(Value::None)
}

fn pair_parts(interp: &mut Interp, args: &Args<'_>) -> PyResult<(Value, Value)> {
    match get_state(interp, &me(args)) {
        Some(IoObj::Pair(r, w)) => Ok((r, w)),
        _ => Err(interp.value_error("I/O operation on uninitialized object")),
    }
}

fn pair_call(interp: &mut Interp, args: Args<'_>, reader: bool, name: &str) -> PyResult {
    let (r, w) = pair_parts(interp, &args)?;
    let target = if reader { r } else { w };
    interp.call_method(&target, name, &args.pos()[1..])
}

macro_rules! pair_fns {
    ($($f:ident, $reader:expr, $name:expr;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            pair_call(interp, args, $reader, $name)
        })*
    };
}
pair_fns! {
    pair_read, true, "read";
    pair_peek, true, "peek";
    pair_read1, true, "read1";
    pair_readinto, true, "readinto";
    pair_readinto1, true, "readinto1";
    pair_readable, true, "readable";
    pair_write, false, "write";
    pair_flush, false, "flush";
    pair_writable, false, "writable";
}

fn pair_isatty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (r, w) = pair_parts(interp, &args)?;
    let a = interp.call_method(&w, "isatty", &[])?;
    if interp.truthy(&a)? {
        return Ok(Value::Bool(true));
    }
    interp.call_method(&r, "isatty", &[])
}

fn pair_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (r, w) = pair_parts(interp, &args)?;
    let e1 = interp.call_method(&w, "close", &[]);
    let e2 = interp.call_method(&r, "close", &[]);
    e1?;
    e2
}

fn pair_closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, w) = pair_parts(interp, &args)?;
    interp.getattr_str(&w, "closed")
}

fn add_all(interp: &mut Interp, t: &ObjRef, list: &[(&'static str, crate::interp::NativeFn)]) {
    for (n, f) in list {
        add_method(interp, t, n, *f);
    }
}

pub fn register(interp: &mut Interp, t: &IoTypes) {
    for c in [&t.reader, &t.writer, &t.random] {
        add_all(
            interp,
            c,
            &[
                ("__init__", init),
                ("flush", m_flush),
                ("close", m_close),
                ("detach", m_detach),
                ("seek", m_seek),
                ("tell", m_tell),
                ("fileno", m_fileno),
                ("isatty", m_isatty),
                ("readable", m_readable),
                ("writable", m_writable),
                ("seekable", m_seekable),
                ("__repr__", m_repr),
                ("__getstate__", m_getstate),
                ("__sizeof__", m_sizeof),
            ],
        );
        add_getter(interp, c, "raw", m_raw);
        add_getter(interp, c, "closed", m_closed);
        add_getter(interp, c, "name", m_name);
        add_getter(interp, c, "mode", m_mode);
    }
    for c in [&t.reader, &t.random] {
        add_all(
            interp,
            c,
            &[
                ("read", m_read),
                ("read1", m_read1),
                ("peek", m_peek),
                ("readinto", m_readinto),
                ("readinto1", m_readinto1),
                ("readline", m_readline),
                ("__next__", m_next),
            ],
        );
    }
    for c in [&t.writer, &t.random] {
        add_all(interp, c, &[("write", m_write), ("truncate", m_truncate)]);
    }
    add_all(
        interp,
        &t.rwpair,
        &[
            ("__init__", pair_init),
            ("read", pair_read),
            ("peek", pair_peek),
            ("read1", pair_read1),
            ("readinto", pair_readinto),
            ("readinto1", pair_readinto1),
            ("readable", pair_readable),
            ("write", pair_write),
            ("flush", pair_flush),
            ("writable", pair_writable),
            ("isatty", pair_isatty),
            ("close", pair_close),
        ],
    );
    add_getter(interp, &t.rwpair, "closed", pair_closed);
}
