//! `open()` and file objects: text mode (UTF-8, universal newlines on read) and binary mode.
//!
//! A file object is a native object whose data is a [`FileObj`]; the OS file and the read
//! buffer live in an `Arc<Mutex<FileInner>>`. Every system call runs detached from the VM
//! (`threads::detach`) with a clone of that Arc, so other Python threads run meanwhile.
//! Writes are not buffered (each `write` is one `write_all`), so nothing is lost when a
//! program ends without closing its files.
use gilvm_object::Owned;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;

use gilvm_object::payload::NativeObj;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Payload, Value};
use parking_lot::Mutex;

use super::{add_builtin, add_method};
use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

const CHUNK: usize = 64 * 1024;

struct FileInner {
    file: Option<std::fs::File>,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
}

/// The Python-side state of a file object.
pub struct FileObj {
    inner: Arc<Mutex<FileInner>>,
    name: String,
    mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
}

/// What a read returns before it becomes a Python object.
enum ReadOut {
    Text(String),
    Bytes(Vec<u8>),
    BadUtf8(u8, usize, &'static str),
}

impl FileInner {
    /// Reads more bytes into the buffer; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let Some(f) = self.file.as_mut() else {
            return Ok(false);
        };
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let n = loop {
            match f.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Drops the read buffer, moving the OS position back to the logical position.
    fn sync_pos(&mut self) -> std::io::Result<()> {
        let ahead = (self.buf.len() - self.pos) as i64;
        self.buf.clear();
        self.pos = 0;
        self.eof = false;
        if ahead > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-ahead))?;
            }
        }
        Ok(())
    }

    /// Reads up to `limit` characters (text) or bytes (binary); stops after a newline when
    /// `line`. `limit` None reads to the end.
    fn read(&mut self, text: bool, limit: Option<usize>, line: bool) -> std::io::Result<ReadOut> {
        let mut s = String::new();
        let mut b: Vec<u8> = Vec::new();
        let mut count = 0usize;
        let mut consumed = 0usize;
        loop {
            if limit.is_some_and(|n| count >= n) {
                break;
            }
            if self.pos >= self.buf.len() && !self.fill()? {
                break;
            }
            let c = self.buf[self.pos];
            if !text {
                // Binary: copy a run at once.
                let avail = &self.buf[self.pos..];
                let mut take = avail.len();
                if let Some(n) = limit {
                    take = take.min(n - count);
                }
                let mut stop = false;
                if line {
                    if let Some(i) = avail[..take].iter().position(|&x| x == b'\n') {
                        take = i + 1;
                        stop = true;
                    }
                }
                b.extend_from_slice(&avail[..take]);
                self.pos += take;
                count += take;
                if stop {
                    break;
                }
                continue;
            }
            if c == b'\r' {
                if self.pos + 1 >= self.buf.len() && !self.eof && self.fill()? {
                    continue;
                }
                self.pos += 1;
                consumed += 1;
                if self.pos < self.buf.len() && self.buf[self.pos] == b'\n' {
                    self.pos += 1;
                    consumed += 1;
                }
                s.push('\n');
                count += 1;
                if line {
                    break;
                }
                continue;
            }
            if c < 0x80 {
                // A run of ASCII without '\r'.
                let avail = &self.buf[self.pos..];
                let mut take = avail
                    .iter()
                    .position(|&x| x >= 0x80 || x == b'\r')
                    .unwrap_or(avail.len());
                if let Some(n) = limit {
                    take = take.min(n - count);
                }
                let mut stop = false;
                if line {
                    if let Some(i) = avail[..take].iter().position(|&x| x == b'\n') {
                        take = i + 1;
                        stop = true;
                    }
                }
                // ASCII bytes are valid UTF-8.
                s.push_str(std::str::from_utf8(&avail[..take]).unwrap_or(""));
                self.pos += take;
                consumed += take;
                count += take;
                if stop {
                    break;
                }
                continue;
            }
            let w = match c {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return Ok(ReadOut::BadUtf8(c, consumed, "invalid start byte")),
            };
            if self.pos + w > self.buf.len() {
                if self.fill()? {
                    continue;
                }
                return Ok(ReadOut::BadUtf8(c, consumed, "unexpected end of data"));
            }
            match std::str::from_utf8(&self.buf[self.pos..self.pos + w]) {
                Ok(ch) => s.push_str(ch),
                Err(_) => return Ok(ReadOut::BadUtf8(c, consumed, "invalid continuation byte")),
            }
            self.pos += w;
            consumed += w;
            count += 1;
        }
        Ok(if text {
            ReadOut::Text(s)
        } else {
            ReadOut::Bytes(b)
        })
    }
}

struct TypesHolder([ObjRef; 4]);
// SAFETY: the type objects are immortal and their dicts are behind ObjCells (see Globals).
unsafe impl Sync for TypesHolder {}
// SAFETY: as above.
unsafe impl Send for TypesHolder {}
static TYPES: std::sync::OnceLock<TypesHolder> = std::sync::OnceLock::new();

const TYPE_NAMES: [&str; 4] = [
    "TextIOWrapper",
    "BufferedReader",
    "BufferedWriter",
    "BufferedRandom",
];

fn make_types(interp: &mut Interp) -> &'static [ObjRef; 4] {
    if let Some(t) = TYPES.get() {
        return &t.0;
    }
    let object = interp.g.types.object.clone();
    let mk = |interp: &mut Interp, name: &str| {
        let dict = interp.new_dict_obj();
        let m = interp.new_str("_io");
        interp.dict_set_str(&dict, interp.g.names.module.clone(), m);
        let t = new_type(
            interp.py,
            name,
            vec![object.clone()],
            vec![object.clone()],
            dict,
            Layout::Builtin,
            false,
        );
        t.make_immortal();
        t
    };
    let types: [ObjRef; 4] = [
        mk(interp, TYPE_NAMES[0]),
        mk(interp, TYPE_NAMES[1]),
        mk(interp, TYPE_NAMES[2]),
        mk(interp, TYPE_NAMES[3]),
    ];
    for t in &types {
        add_method(interp, t, "read", f_read);
        add_method(interp, t, "readline", f_readline);
        add_method(interp, t, "readlines", f_readlines);
        add_method(interp, t, "write", f_write);
        add_method(interp, t, "writelines", f_writelines);
        add_method(interp, t, "close", f_close);
        add_method(interp, t, "flush", f_flush);
        add_method(interp, t, "seek", f_seek);
        add_method(interp, t, "tell", f_tell);
        add_method(interp, t, "readable", f_readable);
        add_method(interp, t, "writable", f_writable);
        add_method(interp, t, "seekable", f_seekable);
        add_method(interp, t, "fileno", f_fileno);
        add_method(interp, t, "__iter__", f_iter);
        add_method(interp, t, "__next__", f_next);
        add_method(interp, t, "__enter__", f_enter);
        add_method(interp, t, "__exit__", f_exit);
        add_method(interp, t, "__repr__", f_repr);
        for (name, f) in [
            ("closed", f_closed as crate::interp::NativeFn),
            ("name", f_name),
            ("mode", f_mode),
            ("encoding", f_encoding),
        ] {
            let getter = interp.new_native(name, f);
            let p = Value::Obj(interp.new_obj(Owned::Property(Box::new([
                getter,
                Value::None,
                Value::None,
            ]))));
            if let Payload::Type(tt) = t.payload() {
                tt.dict().set_str(interp.py, interp.intern(name), p);
            }
        }
    }
    let _ = TYPES.set(TypesHolder(types));
    &TYPES.get().expect("set above").0
}

/// Raises the OSError subclass CPython raises for `e` (errno, strerror, filename).
pub fn os_error(interp: &Interp, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let exc = &interp.g.exc;
    let code = e.raw_os_error();
    let ty = match code {
        Some(1) | Some(13) => &exc.permission_error,
        Some(2) => &exc.file_not_found_error,
        Some(17) => &exc.file_exists_error,
        Some(20) => &exc.not_a_directory_error,
        Some(21) => &exc.is_a_directory_error,
        Some(4) => &exc.interrupted_error,
        Some(32) => &exc.broken_pipe_error,
        _ => &exc.os_error,
    };
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" (os error ") {
        msg.truncate(i);
    }
    let mut args = vec![
        code.map(|c| Value::Int(c as i64)).unwrap_or(Value::None),
        interp.new_str(msg),
    ];
    if code.is_none() {
        args.truncate(0);
        args.push(interp.new_str(e.to_string()));
    }
    let exc = interp.new_exception(ty, args);
    if let (Some(f), Some(_)) = (filename, code) {
        if let Payload::Instance(i) = exc.payload() {
            let v = interp.new_str(f);
            i.attr_set(interp.py, interp.intern("filename"), v);
        }
    }
    PyErr(exc)
}

fn unsupported(interp: &Interp, msg: &str) -> PyErr {
    interp.err(&interp.g.exc.os_error.clone(), msg)
}

fn closed_err(interp: &Interp) -> PyErr {
    interp.value_error("I/O operation on closed file.")
}

struct Handle {
    inner: Arc<Mutex<FileInner>>,
    binary: bool,
    readable: bool,
    writable: bool,
}

fn handle(interp: &Interp, args: &Args<'_>, what: &str) -> PyResult<Handle> {
    let me = args.pos().first();
    if let Some(Value::Obj(o)) = me {
        if let Payload::Native(n) = o.payload() {
            let h = n.data.with(interp.py, |d| {
                d.downcast_ref::<FileObj>().map(|f| Handle {
                    inner: f.inner.clone(),
                    binary: f.binary,
                    readable: f.readable,
                    writable: f.writable,
                })
            });
            if let Some(h) = h {
                return Ok(h);
            }
        }
    }
    Err(interp.type_error(format!("descriptor '{what}' requires a file object")))
}

fn with_obj<R>(interp: &Interp, args: &Args<'_>, f: impl FnOnce(&FileObj) -> R) -> Option<R> {
    if let Some(Value::Obj(o)) = args.pos().first() {
        if let Payload::Native(n) = o.payload() {
            return n
                .data
                .with(interp.py, |d| d.downcast_ref::<FileObj>().map(f));
        }
    }
    None
}

fn is_closed(h: &Handle) -> bool {
    h.inner.lock().file.is_none()
}

fn check_open(interp: &Interp, h: &Handle) -> PyResult<()> {
    if is_closed(h) {
        return Err(closed_err(interp));
    }
    Ok(())
}

fn check_readable(interp: &Interp, h: &Handle) -> PyResult<()> {
    check_open(interp, h)?;
    if !h.readable {
        return Err(unsupported(interp, "not readable"));
    }
    Ok(())
}

fn size_arg(interp: &Interp, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) if *n < 0 => Ok(None),
        Some(Value::Int(n)) => Ok(Some(*n as usize)),
        Some(Value::Bool(b)) => Ok(Some(*b as usize)),
        Some(v) => Err(interp.type_error(format!(
            "argument should be integer or None, not '{}'",
            interp.type_name(v)
        ))),
    }
}

fn do_read(interp: &mut Interp, h: &Handle, limit: Option<usize>, line: bool) -> PyResult {
    let inner = h.inner.clone();
    let text = !h.binary;
    let r = crate::threads::detach(interp, move || inner.lock().read(text, limit, line));
    match r {
        Ok(ReadOut::Text(s)) => Ok(interp.new_str(s)),
        Ok(ReadOut::Bytes(b)) => Ok(Value::Obj(
            interp.new_obj(Owned::Bytes(b.into_boxed_slice())),
        )),
        Ok(ReadOut::BadUtf8(byte, pos, why)) => Err(interp.err(
            &interp.g.exc.unicode_decode_error.clone(),
            format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {why}"),
        )),
        Err(e) => Err(os_error(interp, &e, None)),
    }
}

fn f_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let h = handle(interp, &args, "read")?;
    check_readable(interp, &h)?;
    let n = size_arg(interp, p.get(1))?;
    do_read(interp, &h, n, false)
}

fn f_readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readline", 1, 2)?;
    let h = handle(interp, &args, "readline")?;
    check_readable(interp, &h)?;
    let n = size_arg(interp, p.get(1))?;
    do_read(interp, &h, n, true)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Str(s) => s.as_str().is_empty(),
            Payload::Bytes(b) => b.is_empty(),
            _ => false,
        },
        _ => false,
    }
}

fn value_len(v: &Value) -> usize {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Str(s) => s.as_str().len(),
            Payload::Bytes(b) => b.len(),
            _ => 0,
        },
        _ => 0,
    }
}

fn f_readlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readlines", 1, 2)?;
    let h = handle(interp, &args, "readlines")?;
    check_readable(interp, &h)?;
    let hint = size_arg(interp, p.get(1))?.filter(|&n| n > 0);
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let l = do_read(interp, &h, None, true)?;
        if is_empty(&l) {
            break;
        }
        total += value_len(&l);
        out.push(l);
        if hint.is_some_and(|n| total >= n) {
            break;
        }
    }
    Ok(interp.new_list(out))
}

fn data_of(interp: &Interp, h: &Handle, v: &Value) -> PyResult<(Vec<u8>, usize)> {
    if let Value::Obj(o) = v {
        match o.payload() {
            Payload::Str(s) if !h.binary => {
                return Ok((s.as_str().as_bytes().to_vec(), s.as_str().chars().count()));
            }
            Payload::Bytes(b) if h.binary => return Ok((b.to_vec(), b.len())),
            _ => {}
        }
    }
    Err(interp.type_error(if h.binary {
        format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(v)
        )
    } else {
        format!("write() argument must be str, not {}", interp.type_name(v))
    }))
}

fn do_write(interp: &mut Interp, h: &Handle, data: Vec<u8>) -> PyResult<()> {
    let inner = h.inner.clone();
    let r = crate::threads::detach(interp, move || {
        let mut g = inner.lock();
        g.sync_pos()?;
        match g.file.as_mut() {
            Some(f) => f.write_all(&data),
            None => Ok(()),
        }
    });
    r.map_err(|e| os_error(interp, &e, None))
}

fn check_writable(interp: &Interp, h: &Handle) -> PyResult<()> {
    check_open(interp, h)?;
    if !h.writable {
        return Err(unsupported(interp, "not writable"));
    }
    Ok(())
}

fn f_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "write", 2, 2)?;
    let h = handle(interp, &args, "write")?;
    check_writable(interp, &h)?;
    let (data, n) = data_of(interp, &h, &p[1])?;
    do_write(interp, &h, data)?;
    Ok(Value::Int(n as i64))
}

fn f_writelines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "writelines", 2, 2)?;
    let h = handle(interp, &args, "writelines")?;
    check_writable(interp, &h)?;
    let it = interp.iter(&p[1])?;
    let mut all = Vec::new();
    while let Some(v) = interp.next(&it)? {
        let (data, _) = data_of(interp, &h, &v)?;
        all.extend_from_slice(&data);
    }
    do_write(interp, &h, all)?;
    Ok(Value::None)
}

fn f_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "close", 1, 1)?;
    let h = handle(interp, &args, "close")?;
    let inner = h.inner.clone();
    crate::threads::detach(interp, move || {
        let mut g = inner.lock();
        g.file = None;
        g.buf = Vec::new();
        g.pos = 0;
    });
    Ok(Value::None)
}

fn f_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "flush", 1, 1)?;
    let h = handle(interp, &args, "flush")?;
    check_open(interp, &h)?;
    Ok(Value::None)
}

fn f_seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "seek", 2, 3)?;
    let h = handle(interp, &args, "seek")?;
    check_open(interp, &h)?;
    let off = match &p[1] {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        v => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
    };
    let whence = match p.get(2) {
        None => 0,
        Some(Value::Int(n)) => *n,
        Some(v) => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
    };
    let pos = match whence {
        0 => {
            if off < 0 {
                return Err(interp.value_error(format!("negative seek position {off}")));
            }
            SeekFrom::Start(off as u64)
        }
        1 | 2 => {
            if !h.binary && off != 0 {
                return Err(unsupported(
                    interp,
                    if whence == 1 {
                        "can't do nonzero cur-relative seeks"
                    } else {
                        "can't do nonzero end-relative seeks"
                    },
                ));
            }
            if whence == 1 {
                SeekFrom::Current(off)
            } else {
                SeekFrom::End(off)
            }
        }
        _ => {
            return Err(
                interp.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
            )
        }
    };
    let inner = h.inner.clone();
    let r = crate::threads::detach(interp, move || {
        let mut g = inner.lock();
        g.sync_pos()?;
        match g.file.as_mut() {
            Some(f) => f.seek(pos),
            None => Ok(0),
        }
    });
    match r {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(os_error(interp, &e, None)),
    }
}

fn f_tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "tell", 1, 1)?;
    let h = handle(interp, &args, "tell")?;
    check_open(interp, &h)?;
    let inner = h.inner.clone();
    let r = crate::threads::detach(interp, move || {
        let mut g = inner.lock();
        let ahead = (g.buf.len() - g.pos) as u64;
        match g.file.as_mut() {
            Some(f) => f.stream_position().map(|p| p.saturating_sub(ahead)),
            None => Ok(0),
        }
    });
    match r {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(os_error(interp, &e, None)),
    }
}

fn f_readable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "readable")?;
    check_open(interp, &h)?;
    Ok(Value::Bool(h.readable))
}

fn f_writable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "writable")?;
    check_open(interp, &h)?;
    Ok(Value::Bool(h.writable))
}

fn f_seekable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "seekable")?;
    check_open(interp, &h)?;
    Ok(Value::Bool(true))
}

fn f_fileno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "fileno")?;
    check_open(interp, &h)?;
    use std::os::fd::AsRawFd;
    let fd = h
        .inner
        .lock()
        .file
        .as_ref()
        .map(|f| f.as_raw_fd())
        .unwrap_or(-1);
    Ok(Value::Int(fd as i64))
}

fn f_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "__iter__")?;
    check_open(interp, &h)?;
    Ok(args.pos()[0].clone())
}

fn f_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "__next__")?;
    check_readable(interp, &h)?;
    let l = do_read(interp, &h, None, true)?;
    if is_empty(&l) {
        return Err(interp.stop_iteration(Value::None));
    }
    Ok(l)
}

fn f_enter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "__enter__")?;
    check_open(interp, &h)?;
    Ok(args.pos()[0].clone())
}

fn f_exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    f_close(interp, Args::new(std::slice::from_ref(&me)))?;
    Ok(Value::None)
}

fn f_closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let h = handle(interp, &args, "closed")?;
    Ok(Value::Bool(is_closed(&h)))
}

fn f_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    match with_obj(interp, &args, |f| f.name.clone()) {
        Some(n) => Ok(interp.new_str(n)),
        None => Err(interp.type_error("expected a file object")),
    }
}

fn f_mode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    match with_obj(interp, &args, |f| f.mode.clone()) {
        Some(n) => Ok(interp.new_str(n)),
        None => Err(interp.type_error("expected a file object")),
    }
}

fn f_encoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    match with_obj(interp, &args, |f| f.binary) {
        Some(false) => Ok(interp.new_str("UTF-8")),
        _ => Err(interp.attribute_error("'_io.BufferedReader' object has no attribute 'encoding'")),
    }
}

fn f_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let info = with_obj(interp, &args, |f| {
        (
            f.name.clone(),
            f.mode.clone(),
            f.binary,
            f.readable,
            f.writable,
        )
    });
    let Some((name, mode, binary, r, w)) = info else {
        return Err(interp.type_error("expected a file object"));
    };
    let h = handle(interp, &args, "__repr__")?;
    let nm = interp.new_str(name);
    let nr = interp.repr(&nm)?;
    let cls = if !binary {
        "TextIOWrapper"
    } else if r && w {
        "BufferedRandom"
    } else if r {
        "BufferedReader"
    } else {
        "BufferedWriter"
    };
    if is_closed(&h) {
        return Ok(interp.new_str(format!("<_io.{cls} name={nr}>")));
    }
    Ok(interp.new_str(if binary {
        format!("<_io.{cls} name={nr}>")
    } else {
        format!("<_io.TextIOWrapper name={nr} mode='{mode}' encoding='UTF-8'>")
    }))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True)`.
fn open(interp: &mut Interp, args: Args<'_>) -> PyResult {
    const NAMES: [&str; 7] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
    ];
    let pos = args.pos();
    if pos.len() > NAMES.len() {
        return Err(interp.type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut vals: [Option<Value>; 7] = Default::default();
    for (i, v) in pos.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) if vals[i].is_none() => vals[i] = Some(v.clone()),
            Some(_) => {
                return Err(interp.type_error(format!(
                    "argument for open() given by name ('{k}') and position ({})",
                    NAMES.iter().position(|n| *n == k).unwrap_or(0) + 1
                )))
            }
            None if k == "opener" => {
                return Err(interp.not_implemented_error("gilvm's open() does not support opener"))
            }
            None => {
                return Err(
                    interp.type_error(format!("open() got an unexpected keyword argument '{k}'"))
                )
            }
        }
    }
    let name = match &vals[0] {
        Some(v @ Value::Obj(o)) if matches!(o.payload(), Payload::Str(_)) => {
            v.as_str().unwrap_or("").to_string()
        }
        Some(Value::Int(_)) => {
            return Err(
                interp.not_implemented_error("gilvm's open() does not support file descriptors")
            )
        }
        Some(v) => {
            return Err(interp.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                interp.type_name(v)
            )))
        }
        None => return Err(interp.type_error("open() missing required argument 'file' (pos 1)")),
    };
    let mode = match &vals[1] {
        None => "r".to_string(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let str_opt = |interp: &Interp, i: usize, what: &str| -> PyResult<Option<String>> {
        match &vals[i] {
            None | Some(Value::None) => Ok(None),
            Some(v) => match v.as_str() {
                Some(s) => Ok(Some(s.to_string())),
                None => Err(interp.type_error(format!(
                    "open() argument '{what}' must be str or None, not {}",
                    interp.type_name(v)
                ))),
            },
        }
    };
    let encoding = str_opt(interp, 3, "encoding")?;
    let errors = str_opt(interp, 4, "errors")?;
    let newline = str_opt(interp, 5, "newline")?;
    // Parse the mode like CPython's _io.open.
    let (mut c, mut w, mut a, mut r, mut plus, mut t, mut b) =
        (false, false, false, false, false, false, false);
    for ch in mode.chars() {
        let flag = match ch {
            'x' => &mut c,
            'w' => &mut w,
            'a' => &mut a,
            'r' => &mut r,
            '+' => &mut plus,
            't' => &mut t,
            'b' => &mut b,
            _ => return Err(interp.value_error(format!("invalid mode: '{mode}'"))),
        };
        if *flag {
            return Err(interp.value_error(format!("invalid mode: '{mode}'")));
        }
        *flag = true;
    }
    let kinds = c as u8 + w as u8 + a as u8 + r as u8;
    if kinds > 1 {
        return Err(interp.value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(interp.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if t && b {
        return Err(interp.value_error("can't have text and binary mode at once"));
    }
    if b && encoding.is_some() {
        return Err(interp.value_error("binary mode doesn't take an encoding argument"));
    }
    if b && errors.is_some() {
        return Err(interp.value_error("binary mode doesn't take an errors argument"));
    }
    if b && newline.is_some() {
        return Err(interp.value_error("binary mode doesn't take a newline argument"));
    }
    if let Some(e) = &encoding {
        if !crate::builtins::bytes::is_utf8_codec(interp, e)? {
            return Err(interp.not_implemented_error(format!(
                "gilvm's open() supports only the utf-8 encoding, not '{e}'"
            )));
        }
    }
    if let Some(e) = &errors {
        if e != "strict" {
            return Err(interp.not_implemented_error(format!(
                "gilvm's open() supports only errors='strict', not '{e}'"
            )));
        }
    }
    if let Some(nl) = &newline {
        if !nl.is_empty() && nl != "\n" {
            return Err(interp
                .not_implemented_error(format!("gilvm's open() does not support newline={nl:?}")));
        }
    }
    if let Some(v) = &vals[2] {
        if !matches!(v, Value::Int(_)) {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )));
        }
    }
    let readable = r || plus;
    let writable = w || a || c || plus;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(readable);
    if a {
        opts.append(true).create(true);
    } else if w {
        opts.write(true).create(true).truncate(true);
    } else if c {
        opts.write(true).create_new(true);
    } else if plus {
        opts.write(true);
    }
    let path = name.clone();
    let res = crate::threads::detach(interp, move || -> std::io::Result<std::fs::File> {
        let mut f = opts.open(&path)?;
        if f.metadata()?.is_dir() {
            return Err(std::io::Error::from_raw_os_error(21));
        }
        if a {
            f.seek(SeekFrom::End(0))?;
        }
        Ok(f)
    });
    let file = res.map_err(|e| os_error(interp, &e, Some(&name)))?;
    // CPython's mode attribute: text keeps the given mode; binary is normalised.
    let shown = if b {
        let base = if c {
            "xb"
        } else if a {
            "ab"
        } else if w {
            "wb"
        } else {
            "rb"
        };
        if plus {
            format!("{}+", if r { "rb" } else { base })
        } else {
            base.to_string()
        }
    } else {
        mode.clone()
    };
    let ty_index = if !b {
        0
    } else if readable && writable {
        3
    } else if readable {
        1
    } else {
        2
    };
    let cls = make_types(interp)[ty_index].clone();
    let obj = FileObj {
        inner: Arc::new(Mutex::new(FileInner {
            file: Some(file),
            buf: Vec::new(),
            pos: 0,
            eof: false,
        })),
        name,
        mode: shown,
        binary: b,
        readable,
        writable,
    };
    let data: Box<dyn std::any::Any> = Box::new(obj);
    Ok(Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls,
        data: ObjCell::new(data),
        tag: 0,
    }))))
}

pub fn register(interp: &mut Interp) {
    add_builtin(interp, "open", open);
}
