//! `BytesIO` and `StringIO`: streams in memory, each behind its own [`IoLock`] (one
//! operation is one critical section, as CPython's free-threaded build makes them).
//!
//! A `StringIO` keeps its text as UTF-8 with the position in characters (what `tell`
//! answers) and its byte offset cached, so appending and reading forward cost no scan.
//! As CPython's, it translates newlines on write: with `newline=None` every `\r\n` and
//! `\r` becomes `\n` (and the kinds seen are `newlines`), with `'\r'` or `'\r\n'` every
//! `\n` becomes it.
use std::sync::Arc;

use gilvm_object::{ObjRef, Value};

use super::lock::{IoGuard, IoLock};
use super::{
    add_getter, bytes_arg, closed_err, get_state, int_arg, new_bytes, set_state, size_arg, IoObj,
    IoTypes,
};
use crate::args::Args;
use crate::builtins::add_method;
use crate::error::PyResult;
use crate::interp::Interp;

pub struct BytesState {
    pub buf: Vec<u8>,
    pub pos: usize,
    pub closed: bool,
}

pub struct StrState {
    text: String,
    /// Position in characters, and its byte offset when it is inside the text.
    pos: usize,
    pos_byte: usize,
    nchars: usize,
    closed: bool,
    /// The `newline` argument.
    newline: Option<String>,
    /// Newline kinds seen (1 `\r`, 2 `\n`, 4 `\r\n`) when reading is universal.
    seen: u8,
    pending_cr: bool,
}

fn me(args: &Args<'_>) -> Value {
    args.pos().first().cloned().unwrap_or(Value::None)
}

fn bytes_state(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<IoLock<BytesState>>> {
    match get_state(interp, &me(args)) {
        Some(IoObj::Bytes(b)) => Ok(b),
        _ => Err(interp.value_error("I/O operation on uninitialized object")),
    }
}

fn lock_b<'a>(interp: &mut Interp, s: &'a IoLock<BytesState>) -> PyResult<IoGuard<'a, BytesState>> {
    let g = s.lock(interp, "BytesIO")?;
    if g.closed {
        return Err(closed_err(interp));
    }
    Ok(g)
}

// ---- BytesIO ----

fn b_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let mut init = p.get(1).cloned();
    for (k, v) in args.kwargs() {
        if k == "initial_bytes" && init.is_none() {
            init = Some(v.clone());
        } else {
            return Err(interp.type_error(format!(
                "BytesIO() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    if p.len() > 2 {
        return Err(interp.type_error(format!(
            "BytesIO() takes at most 1 argument ({} given)",
            p.len() - 1
        )));
    }
    let buf = match init {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes_arg(interp, &v)?,
    };
    set_state(
        interp,
        &me(&args),
        IoObj::Bytes(Arc::new(IoLock::new(BytesState {
            buf,
            pos: 0,
            closed: false,
        }))),
    );
    Ok(Value::None)
}

fn b_getvalue(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getvalue", 1, 1)?;
    let s = bytes_state(interp, &args)?;
    let g = lock_b(interp, &s)?;
    let v = g.buf.clone();
    drop(g);
    Ok(new_bytes(interp, v))
}

fn b_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let n = size_arg(interp, p.get(1))?;
    let s = bytes_state(interp, &args)?;
    let mut g = lock_b(interp, &s)?;
    let start = g.pos.min(g.buf.len());
    let end = match n {
        None => g.buf.len(),
        Some(n) => (start + n).min(g.buf.len()),
    };
    let v = g.buf[start..end].to_vec();
    g.pos = g.pos.max(end);
    drop(g);
    Ok(new_bytes(interp, v))
}

fn b_readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readline", 1, 2)?;
    let n = size_arg(interp, p.get(1))?;
    let s = bytes_state(interp, &args)?;
    let mut g = lock_b(interp, &s)?;
    let start = g.pos.min(g.buf.len());
    let mut end = match g.buf[start..].iter().position(|&c| c == b'\n') {
        Some(i) => start + i + 1,
        None => g.buf.len(),
    };
    if let Some(n) = n {
        end = end.min(start + n);
    }
    let v = g.buf[start..end].to_vec();
    g.pos = g.pos.max(end);
    drop(g);
    Ok(new_bytes(interp, v))
}

fn b_readinto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readinto", 2, 2)?;
    let n = super::writable_len(interp, &p[1])?;
    let s = bytes_state(interp, &args)?;
    let mut g = lock_b(interp, &s)?;
    let start = g.pos.min(g.buf.len());
    let end = (start + n).min(g.buf.len());
    let v = g.buf[start..end].to_vec();
    g.pos = g.pos.max(end);
    drop(g);
    let k = v.len();
    super::fill_buffer(interp, &p[1], v)?;
    Ok(Value::Int(k as i64))
}

fn b_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "write", 2, 2)?;
    let s = bytes_state(interp, &args)?;
    {
        let g = s.lock(interp, "BytesIO")?;
        if g.closed {
            return Err(closed_err(interp));
        }
    }
    let data = bytes_arg(interp, &p[1])?;
    let mut g = lock_b(interp, &s)?;
    let pos = g.pos;
    if pos > g.buf.len() {
        g.buf.resize(pos, 0);
    }
    let end = pos + data.len();
    if end > g.buf.len() {
        g.buf.resize(end, 0);
    }
    g.buf[pos..end].copy_from_slice(&data);
    g.pos = end;
    Ok(Value::Int(data.len() as i64))
}

fn b_seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "seek", 2, 3)?;
    let off = int_arg(interp, &p[1])?;
    let whence = match p.get(2) {
        None => 0,
        Some(v) => int_arg(interp, v)?,
    };
    let s = bytes_state(interp, &args)?;
    let mut g = lock_b(interp, &s)?;
    let new = match whence {
        0 => {
            if off < 0 {
                drop(g);
                return Err(interp.value_error(format!("negative seek value {off}")));
            }
            off
        }
        1 => (g.pos as i64 + off).max(0),
        2 => (g.buf.len() as i64 + off).max(0),
        _ => {
            drop(g);
            return Err(
                interp.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
            );
        }
    };
    g.pos = new as usize;
    Ok(Value::Int(new))
}

fn b_tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = bytes_state(interp, &args)?;
    let g = lock_b(interp, &s)?;
    Ok(Value::Int(g.pos as i64))
}

fn b_truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "truncate", 1, 2)?;
    let s = bytes_state(interp, &args)?;
    let size = match p.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(interp, v)?),
    };
    let mut g = lock_b(interp, &s)?;
    let size = size.unwrap_or(g.pos as i64);
    if size < 0 {
        drop(g);
        return Err(interp.value_error(format!("negative size value {size}")));
    }
    if (size as usize) < g.buf.len() {
        g.buf.truncate(size as usize);
    }
    Ok(Value::Int(size))
}

fn b_true(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = bytes_state(interp, &args)?;
    let _g = lock_b(interp, &s)?;
    Ok(Value::Bool(true))
}

fn b_isatty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = bytes_state(interp, &args)?;
    let _g = lock_b(interp, &s)?;
    Ok(Value::Bool(false))
}

fn b_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = bytes_state(interp, &args)?;
    let _g = lock_b(interp, &s)?;
    Ok(Value::None)
}

fn b_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = bytes_state(interp, &args)?;
    let mut g = s.lock(interp, "BytesIO")?;
    g.closed = true;
    g.buf = Vec::new();
    Ok(Value::None)
}

fn b_closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = bytes_state(interp, &args)?;
    let g = s.lock(interp, "BytesIO")?;
    Ok(Value::Bool(g.closed))
}

fn b_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let l = b_readline(interp, Args::new(std::slice::from_ref(&me(&args))))?;
    if interp.len(&l)? == 0 {
        return Err(interp.stop_iteration(Value::None));
    }
    Ok(l)
}

/// `getbuffer()`: a read-only `memoryview` of the contents at the time of the call.
///
/// CPython's view is writable and shares the buffer (the stream then refuses to resize
/// while it is exported). gilvm's is a snapshot: reading it (what `pickle`'s framer and
/// `multiprocessing` do) is the same, and writing through it raises `TypeError` ("cannot
/// modify read-only memory") rather than silently not reaching the stream.
fn b_getbuffer(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getbuffer", 1, 1)?;
    let s = bytes_state(interp, &args)?;
    let g = lock_b(interp, &s)?;
    let v = g.buf.clone();
    drop(g);
    let b = new_bytes(interp, v);
    let mv = Value::Obj(interp.g.types.memoryview.clone());
    interp.call1(&mv, &[b])
}

// ---- StringIO ----

fn str_state(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<IoLock<StrState>>> {
    match get_state(interp, &me(args)) {
        Some(IoObj::Str(b)) => Ok(b),
        _ => Err(interp.value_error("I/O operation on uninitialized object")),
    }
}

fn lock_s<'a>(interp: &mut Interp, s: &'a IoLock<StrState>) -> PyResult<IoGuard<'a, StrState>> {
    let g = s.lock(interp, "StringIO")?;
    if g.closed {
        return Err(interp.value_error("I/O operation on closed file"));
    }
    Ok(g)
}

impl StrState {
    /// The byte offset of character `pos` (clamped to the end).
    fn byte_of(&self, pos: usize) -> usize {
        if pos >= self.nchars {
            return self.text.len();
        }
        if pos == self.pos {
            return self.pos_byte;
        }
        let (from_c, from_b) = if pos > self.pos && self.pos < self.nchars {
            (self.pos, self.pos_byte)
        } else {
            (0, 0)
        };
        match self.text[from_b..].char_indices().nth(pos - from_c) {
            Some((i, _)) => from_b + i,
            None => self.text.len(),
        }
    }

    fn set_pos(&mut self, pos: usize) {
        self.pos_byte = self.byte_of(pos);
        self.pos = pos;
    }

    /// Newline translation of written text (see the module essay).
    fn translate(&mut self, s: &str) -> String {
        match self.newline.as_deref() {
            None => {
                let mut out = String::with_capacity(s.len());
                let mut chars = s.chars().peekable();
                if self.pending_cr {
                    self.pending_cr = false;
                }
                while let Some(c) = chars.next() {
                    if c == '\r' {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                            self.seen |= 4;
                        } else {
                            self.seen |= 1;
                        }
                        out.push('\n');
                    } else {
                        if c == '\n' {
                            self.seen |= 2;
                        }
                        out.push(c);
                    }
                }
                out
            }
            Some("") => {
                let b = s.as_bytes();
                for (i, &c) in b.iter().enumerate() {
                    if c == b'\r' {
                        self.seen |= if b.get(i + 1) == Some(&b'\n') { 4 } else { 1 };
                    } else if c == b'\n' && (i == 0 || b[i - 1] != b'\r') {
                        self.seen |= 2;
                    }
                }
                s.to_string()
            }
            Some(nl @ ("\r" | "\r\n")) => s.replace('\n', nl),
            _ => s.to_string(),
        }
    }

    fn write(&mut self, s: &str) {
        let n = s.chars().count();
        if n == 0 {
            return;
        }
        if self.pos == self.nchars {
            self.text.push_str(s);
            self.nchars += n;
            self.pos += n;
            self.pos_byte = self.text.len();
            return;
        }
        if self.pos > self.nchars {
            let pad = self.pos - self.nchars;
            self.text.extend(std::iter::repeat_n('\0', pad));
            self.nchars += pad;
            self.text.push_str(s);
            self.nchars += n;
            self.pos += n;
            self.pos_byte = self.text.len();
            return;
        }
        let start = self.pos_byte;
        let end_c = (self.pos + n).min(self.nchars);
        let end = self.byte_of(end_c);
        let replaced = end_c - self.pos;
        self.text.replace_range(start..end, s);
        self.nchars = self.nchars - replaced + n;
        self.pos += n;
        self.pos_byte = start + s.len();
    }

    /// Reads up to `n` characters (None: to the end).
    fn read(&mut self, n: Option<usize>) -> String {
        if self.pos >= self.nchars {
            return String::new();
        }
        let end_c = match n {
            None => self.nchars,
            Some(n) => (self.pos + n).min(self.nchars),
        };
        let end = self.byte_of(end_c);
        let r = self.text[self.pos_byte..end].to_string();
        self.pos = end_c;
        self.pos_byte = end;
        r
    }

    fn readline(&mut self, limit: Option<usize>) -> String {
        if self.pos >= self.nchars {
            return String::new();
        }
        let rest = &self.text[self.pos_byte..];
        let end_b = match self.newline.as_deref() {
            Some("") => {
                let b = rest.as_bytes();
                match b.iter().position(|&c| c == b'\n' || c == b'\r') {
                    Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => i + 2,
                    Some(i) => i + 1,
                    None => b.len(),
                }
            }
            Some(nl @ ("\r" | "\r\n")) => match rest.find(nl) {
                Some(i) => i + nl.len(),
                None => rest.len(),
            },
            _ => match rest.find('\n') {
                Some(i) => i + 1,
                None => rest.len(),
            },
        };
        let mut line = &rest[..end_b];
        if let Some(l) = limit {
            if let Some((i, _)) = line.char_indices().nth(l) {
                line = &line[..i];
            }
        }
        let r = line.to_string();
        let k = r.chars().count();
        self.pos += k;
        self.pos_byte += r.len();
        r
    }
}

fn s_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() > 3 {
        return Err(interp.type_error(format!(
            "StringIO() takes at most 2 arguments ({} given)",
            p.len() - 1
        )));
    }
    let mut init = p.get(1).cloned();
    let mut newline = p.get(2).cloned();
    for (k, v) in args.kwargs() {
        match k {
            "initial_value" => init = Some(v.clone()),
            "newline" => newline = Some(v.clone()),
            _ => {
                return Err(interp.type_error(format!(
                    "StringIO() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let newline = match newline {
        None => Some("\n".to_string()),
        Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => {
                if !matches!(s, "" | "\n" | "\r" | "\r\n") {
                    let r = interp.repr(&v)?;
                    return Err(interp.value_error(format!("illegal newline value: {r}")));
                }
                Some(s.to_string())
            }
            None => {
                return Err(interp.type_error(format!(
                    "newline must be str or None, not {}",
                    interp.type_name(&v)
                )))
            }
        },
    };
    let text = match &init {
        None | Some(Value::None) => String::new(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "initial_value must be str or None, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let mut st = StrState {
        text: String::new(),
        pos: 0,
        pos_byte: 0,
        nchars: 0,
        closed: false,
        newline,
        seen: 0,
        pending_cr: false,
    };
    let t = st.translate(&text);
    st.write(&t);
    st.set_pos(0);
    set_state(interp, &me(&args), IoObj::Str(Arc::new(IoLock::new(st))));
    Ok(Value::None)
}

fn s_getvalue(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getvalue", 1, 1)?;
    let s = str_state(interp, &args)?;
    let g = lock_s(interp, &s)?;
    let v = g.text.clone();
    drop(g);
    Ok(interp.new_str(v))
}

fn s_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "write", 2, 2)?;
    let Some(text) = p[1].as_str() else {
        return Err(interp.type_error(format!(
            "string argument expected, got '{}'",
            interp.type_name(&p[1])
        )));
    };
    let s = str_state(interp, &args)?;
    let mut g = lock_s(interp, &s)?;
    let n = text.chars().count();
    let t = g.translate(text);
    g.write(&t);
    Ok(Value::Int(n as i64))
}

fn s_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let n = size_arg(interp, p.get(1))?;
    let s = str_state(interp, &args)?;
    let mut g = lock_s(interp, &s)?;
    let r = g.read(n);
    drop(g);
    Ok(interp.new_str(r))
}

fn s_readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readline", 1, 2)?;
    let n = size_arg(interp, p.get(1))?;
    let s = str_state(interp, &args)?;
    let mut g = lock_s(interp, &s)?;
    let r = g.readline(n);
    drop(g);
    Ok(interp.new_str(r))
}

fn s_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let mut g = lock_s(interp, &s)?;
    let r = g.readline(None);
    drop(g);
    if r.is_empty() {
        return Err(interp.stop_iteration(Value::None));
    }
    Ok(interp.new_str(r))
}

fn s_seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "seek", 2, 3)?;
    let off = int_arg(interp, &p[1])?;
    let whence = match p.get(2) {
        None => 0,
        Some(v) => int_arg(interp, v)?,
    };
    let s = str_state(interp, &args)?;
    let mut g = lock_s(interp, &s)?;
    match whence {
        0 => {
            if off < 0 {
                drop(g);
                return Err(interp.value_error(format!("Negative seek position {off}")));
            }
            g.set_pos(off as usize);
        }
        1 | 2 => {
            if off != 0 {
                drop(g);
                return Err(interp.err(
                    &interp.g.exc.os_error.clone(),
                    if whence == 1 {
                        "Can't do nonzero cur-relative seeks"
                    } else {
                        "Can't do nonzero end-relative seeks"
                    },
                ));
            }
            if whence == 2 {
                let n = g.nchars;
                g.set_pos(n);
            }
        }
        _ => {
            drop(g);
            return Err(
                interp.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))
            );
        }
    }
    Ok(Value::Int(g.pos as i64))
}

fn s_tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let g = lock_s(interp, &s)?;
    Ok(Value::Int(g.pos as i64))
}

fn s_truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "truncate", 1, 2)?;
    let s = str_state(interp, &args)?;
    let size = match p.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(interp, v)?),
    };
    let mut g = lock_s(interp, &s)?;
    let size = size.unwrap_or(g.pos as i64);
    if size < 0 {
        drop(g);
        return Err(interp.value_error(format!("Negative size value {size}")));
    }
    let size = size as usize;
    if size < g.nchars {
        let b = g.byte_of(size);
        g.text.truncate(b);
        g.nchars = size;
        let p = g.pos;
        if p >= size {
            g.pos_byte = g.text.len();
        }
    }
    Ok(Value::Int(size as i64))
}

fn s_true(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let _g = lock_s(interp, &s)?;
    Ok(Value::Bool(true))
}

fn s_false(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let _g = lock_s(interp, &s)?;
    Ok(Value::Bool(false))
}

fn s_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let _g = lock_s(interp, &s)?;
    Ok(Value::None)
}

fn s_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let mut g = s.lock(interp, "StringIO")?;
    g.closed = true;
    g.text = String::new();
    Ok(Value::None)
}

fn s_closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let g = s.lock(interp, "StringIO")?;
    Ok(Value::Bool(g.closed))
}

fn s_line_buffering(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let _g = lock_s(interp, &s)?;
    Ok(Value::Bool(false))
}

fn s_newlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let s = str_state(interp, &args)?;
    let g = lock_s(interp, &s)?;
    let universal = matches!(g.newline.as_deref(), None | Some(""));
    let seen = g.seen;
    drop(g);
    if !universal {
        return Ok(Value::None);
    }
    Ok(super::textio::newlines_value(interp, seen))
}

fn add_all(interp: &mut Interp, t: &ObjRef, list: &[(&'static str, crate::interp::NativeFn)]) {
    for (n, f) in list {
        add_method(interp, t, n, *f);
    }
}

pub fn register(interp: &mut Interp, t: &IoTypes) {
    add_all(
        interp,
        &t.bytesio,
        &[
            ("__init__", b_init),
            ("getvalue", b_getvalue),
            ("getbuffer", b_getbuffer),
            ("read", b_read),
            ("read1", b_read),
            ("readline", b_readline),
            ("readinto", b_readinto),
            ("readinto1", b_readinto),
            ("write", b_write),
            ("seek", b_seek),
            ("tell", b_tell),
            ("truncate", b_truncate),
            ("readable", b_true),
            ("writable", b_true),
            ("seekable", b_true),
            ("isatty", b_isatty),
            ("flush", b_flush),
            ("close", b_close),
            ("__next__", b_next),
        ],
    );
    add_getter(interp, &t.bytesio, "closed", b_closed);
    add_all(
        interp,
        &t.stringio,
        &[
            ("__init__", s_init),
            ("getvalue", s_getvalue),
            ("read", s_read),
            ("readline", s_readline),
            ("write", s_write),
            ("seek", s_seek),
            ("tell", s_tell),
            ("truncate", s_truncate),
            ("readable", s_true),
            ("writable", s_true),
            ("seekable", s_true),
            ("isatty", s_false),
            ("flush", s_flush),
            ("close", s_close),
            ("__next__", s_next),
        ],
    );
    add_getter(interp, &t.stringio, "closed", s_closed);
    add_getter(interp, &t.stringio, "line_buffering", s_line_buffering);
    add_getter(interp, &t.stringio, "newlines", s_newlines);
}
