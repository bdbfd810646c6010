//! `TextIOWrapper` and `IncrementalNewlineDecoder`.
//!
//! # Writing
//! `write` translates `\n` to the `newline` argument, encodes, and hands the bytes to the
//! buffer: when the buffer is one of ours (`buffered.rs`) directly under its lock, without a
//! Python call (the path `print` takes to `sys.stdout`), else through `buffer.write`.
//! Nothing stays pending in the text layer, so flushing the buffer flushes the text.
//!
//! # Reading and `tell`
//! Reads decode chunks (`read1(_CHUNK_SIZE)` of the buffer) into `decoded`, translating
//! newlines as CPython's universal-newline decoder (a `\r` at the end of a chunk waits for
//! the next, to see whether a `\n` follows). `snap` holds every byte read since the point
//! where the decoder was last clean, and `decoded` their whole translation, of which the
//! first `pos` bytes are consumed. `tell()` walks the snapshot's bytes to the byte that
//! starts the first unconsumed character, so for the native codecs the cookie is the byte
//! position in the file, as CPython's cookie is when the decoder state is clean.
//! Encodings other than UTF-8, ASCII and Latin-1 go through `codecs`' incremental
//! encoder and decoder; `tell` in the middle of their decoded text raises.
use std::sync::Arc;

use gilvm_object::{ObjRef, Value};

use super::buffered::{self, BufObj};
use super::codec::{self, Codec};
use super::lock::{IoGuard, IoLock};
use super::{
    add_getset, add_getter, get_state, int_arg, new_bytes, set_state, size_arg, unsupported, IoObj,
    IoTypes,
};
use crate::args::Args;
use crate::builtins::add_method;
use crate::error::PyResult;
use crate::interp::Interp;

const CHUNK_SIZE: usize = 8192;

enum TCodec {
    Native(Codec),
    Py {
        enc: Option<Value>,
        dec: Option<Value>,
    },
}

pub struct TextState {
    encoding: String,
    errors: String,
    codec: TCodec,
    /// The buffer when it is one of ours.
    native: Option<BufObj>,
    /// The buffer when it is an exact `FileIO` (an unbuffered standard stream).
    raw_file: Option<Arc<super::fileio::FileIO>>,
    readuniversal: bool,
    readtranslate: bool,
    readnl: Option<String>,
    writenl: Option<String>,
    line_buffering: bool,
    write_through: bool,
    decoded: String,
    pos: usize,
    snap: Vec<u8>,
    pending: Vec<u8>,
    pending_cr: bool,
    seen: u8,
    seekable: bool,
    telling: bool,
    has_read1: bool,
    chunk_size: usize,
    detached: bool,
    /// The last chunk read was the end of the file.
    eof: bool,
    /// Encoded text not yet given to a buffer that is not ours (CPython's
    /// `pending_bytes`, written out at `_CHUNK_SIZE`, on a flush, or before any other
    /// operation on the buffer).
    pending_out: Vec<u8>,
}

pub struct TextObj {
    st: IoLock<TextState>,
    buffer: Value,
}

/// `newlines` for the kinds seen (1 `\r`, 2 `\n`, 4 `\r\n`).
pub fn newlines_value(interp: &mut Interp, seen: u8) -> Value {
    let mut v = Vec::new();
    if seen & 1 != 0 {
        v.push(interp.new_str("\r"));
    }
    if seen & 2 != 0 {
        v.push(interp.new_str("\n"));
    }
    if seen & 4 != 0 {
        v.push(interp.new_str("\r\n"));
    }
    match v.len() {
        0 => Value::None,
        1 => v.pop().expect("one"),
        _ => interp.new_tuple(v),
    }
}

/// Universal-newline translation of decoded text (CPython's IncrementalNewlineDecoder):
/// `pending_cr` carries a `\r` that ended the previous piece.
fn translate_nl(
    text: String,
    pending_cr: &mut bool,
    last: bool,
    translate: bool,
    seen: &mut u8,
) -> String {
    let mut s = text;
    if *pending_cr && (!s.is_empty() || last) {
        s.insert(0, '\r');
        *pending_cr = false;
    }
    if !last && s.ends_with('\r') {
        s.pop();
        *pending_cr = true;
    }
    let b = s.as_bytes();
    if b.contains(&b'\r') || b.contains(&b'\n') {
        for (i, &c) in b.iter().enumerate() {
            if c == b'\r' {
                *seen |= if b.get(i + 1) == Some(&b'\n') { 4 } else { 1 };
            } else if c == b'\n' && (i == 0 || b[i - 1] != b'\r') {
                *seen |= 2;
            }
        }
        if translate && b.contains(&b'\r') {
            return s.replace("\r\n", "\n").replace('\r', "\n");
        }
    }
    s
}

fn obj_of(interp: &Interp, v: &Value) -> Option<Arc<TextObj>> {
    match get_state(interp, v) {
        Some(IoObj::Text(t)) => Some(t),
        _ => None,
    }
}

fn me(args: &Args<'_>) -> Value {
    args.pos().first().cloned().unwrap_or(Value::None)
}

fn state(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<TextObj>> {
    match obj_of(interp, &me(args)) {
        Some(t) => Ok(t),
        None => Err(interp.value_error("I/O operation on uninitialized object")),
    }
}

fn lock<'a>(interp: &mut Interp, t: &'a TextObj) -> PyResult<IoGuard<'a, TextState>> {
    let g = t.st.lock(interp, "TextIOWrapper")?;
    if g.detached {
        return Err(interp.value_error("underlying buffer has been detached"));
    }
    Ok(g)
}

fn buffer_closed(interp: &mut Interp, t: &TextObj, st: &TextState) -> PyResult<bool> {
    // Our own buffer over a file, or the file itself: no Python call.
    if let Some(f) = st.native.as_ref().and_then(|b| b.file.as_ref()) {
        return Ok(f.closed());
    }
    if let Some(f) = &st.raw_file {
        return Ok(f.closed());
    }
    let c = interp.getattr_str(&t.buffer, "closed")?;
    interp.truthy(&c)
}

fn check_closed(interp: &mut Interp, t: &TextObj, st: &TextState) -> PyResult<()> {
    if buffer_closed(interp, t, st)? {
        return Err(super::closed_err(interp));
    }
    Ok(())
}

/// The Python codec's incremental encoder/decoder, made on first use.
fn py_coder(interp: &mut Interp, st: &mut TextState, decoder: bool) -> PyResult<Value> {
    let TCodec::Py { enc, dec } = &mut st.codec else {
        return Err(interp.runtime_error("not a Python codec"));
    };
    let slot = if decoder { dec } else { enc };
    if let Some(v) = slot {
        return Ok(v.clone());
    }
    let codecs = interp.import_module("codecs").map(Value::Obj)?;
    let f = interp.getattr_str(
        &codecs,
        if decoder {
            "getincrementaldecoder"
        } else {
            "getincrementalencoder"
        },
    )?;
    let name = interp.new_str(st.encoding.clone());
    let cls = interp.call1(&f, &[name])?;
    let errors = interp.new_str(st.errors.clone());
    let v = interp.call1(&cls, &[errors])?;
    *slot = Some(v.clone());
    Ok(v)
}

fn encode<'s>(
    interp: &mut Interp,
    st: &mut TextState,
    s: &'s str,
) -> PyResult<std::borrow::Cow<'s, [u8]>> {
    if let TCodec::Native(Codec::Utf8) = st.codec {
        if !gilvm_object::surrogate::contains(s) {
            return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
        }
    }
    Ok(std::borrow::Cow::Owned(encode_owned(interp, st, s)?))
}

fn encode_owned(interp: &mut Interp, st: &mut TextState, s: &str) -> PyResult<Vec<u8>> {
    match st.codec {
        TCodec::Native(c) => codec::encode(interp, c, s, &st.errors),
        TCodec::Py { .. } => {
            let e = py_coder(interp, st, false)?;
            let sv = interp.new_str(s);
            let r = interp.call_method(&e, "encode", &[sv])?;
            match crate::builtins::bytes::bytes_arg(&r) {
                Some(b) => Ok(b.to_vec()),
                None => Err(interp.type_error(format!(
                    "encoder should return a bytes object, not '{}'",
                    interp.type_name(&r)
                ))),
            }
        }
    }
}

fn decode(interp: &mut Interp, st: &mut TextState, input: &[u8], last: bool) -> PyResult<String> {
    match st.codec {
        TCodec::Native(c) => {
            let mut pending = std::mem::take(&mut st.pending);
            let r = codec::decode(interp, c, &mut pending, input, last, &st.errors);
            st.pending = pending;
            r
        }
        TCodec::Py { .. } => {
            let d = py_coder(interp, st, true)?;
            let b = new_bytes(interp, input.to_vec());
            let r = interp.call_method(&d, "decode", &[b, Value::Bool(last)])?;
            match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(interp.type_error(format!(
                    "decoder should return a string result, not '{}'",
                    interp.type_name(&r)
                ))),
            }
        }
    }
}

fn reset_decoder(interp: &mut Interp, st: &mut TextState) -> PyResult<()> {
    st.decoded.clear();
    st.pos = 0;
    st.snap.clear();
    st.pending.clear();
    st.pending_cr = false;
    st.eof = false;
    if let TCodec::Py { dec: Some(d), .. } = &st.codec {
        let d = d.clone();
        interp.call_method(&d, "reset", &[])?;
    }
    Ok(())
}

/// Reads and decodes one chunk; false at end of file (or when a non-blocking buffer had
/// nothing).
fn read_chunk(interp: &mut Interp, t: &TextObj, st: &mut TextState) -> PyResult<bool> {
    let size = st.chunk_size;
    let data: Vec<u8> = if let Some(b) = st.native.clone() {
        let mut g = buffered::lock(interp, &b)?;
        buffered::read1_locked(interp, &b, &mut g, size)?
    } else {
        let r = interp.call_method(
            &t.buffer,
            if st.has_read1 { "read1" } else { "read" },
            &[Value::Int(size as i64)],
        )?;
        if r.is_none() {
            return Ok(false);
        }
        match crate::builtins::bytes::bytes_arg(&r) {
            Some(b) => b.to_vec(),
            None => {
                return Err(interp.type_error(format!(
                    "underlying {}() should have returned a bytes-like object, not '{}'",
                    if st.has_read1 { "read1" } else { "read" },
                    interp.type_name(&r)
                )))
            }
        }
    };
    let eof = data.is_empty();
    let prefix_len = st.pending.len() + st.pending_cr as usize;
    let fresh = st.pos >= st.decoded.len();
    let text = decode(interp, st, &data, eof)?;
    let (translate, universal) = (st.readtranslate, st.readuniversal);
    let text = if universal {
        let mut pcr = st.pending_cr;
        let mut seen = st.seen;
        let r = translate_nl(text, &mut pcr, eof, translate, &mut seen);
        st.pending_cr = pcr;
        st.seen = seen;
        r
    } else {
        text
    };
    if fresh {
        // The decoder was clean where the kept bytes (an incomplete character, a held
        // '\r') began: the snapshot starts there.
        let keep = st.snap.len().min(prefix_len);
        let start = st.snap.len() - keep;
        st.snap.drain(..start);
        st.decoded = text;
        st.pos = 0;
    } else {
        st.decoded.push_str(&text);
    }
    st.snap.extend_from_slice(&data);
    st.eof = eof;
    Ok(!eof)
}

fn check_readable(interp: &mut Interp, t: &TextObj) -> PyResult<()> {
    let r = interp.call_method(&t.buffer, "readable", &[])?;
    if !interp.truthy(&r)? {
        return Err(unsupported(interp, "not readable"));
    }
    Ok(())
}

fn take_chars(st: &mut TextState, n: Option<usize>) -> String {
    let rest = &st.decoded[st.pos..];
    let end = match n {
        None => rest.len(),
        Some(n) => rest
            .char_indices()
            .nth(n)
            .map(|(i, _)| i)
            .unwrap_or(rest.len()),
    };
    let r = rest[..end].to_string();
    st.pos += end;
    r
}

fn avail_chars(st: &TextState) -> usize {
    st.decoded[st.pos..].chars().count()
}

fn read_impl(
    interp: &mut Interp,
    t: &TextObj,
    st: &mut TextState,
    n: Option<usize>,
) -> PyResult<String> {
    write_pending(interp, t, st)?;
    match n {
        None => {
            let mut out = take_chars(st, None);
            // The rest of the buffer at once.
            let data = if let Some(b) = st.native.clone() {
                let mut g = buffered::lock(interp, &b)?;
                buffered::read_locked(interp, &b, &mut g, None)?.unwrap_or_default()
            } else {
                let r = interp.call_method(&t.buffer, "read", &[])?;
                if r.is_none() {
                    Vec::new()
                } else {
                    super::bytes_arg(interp, &r)?
                }
            };
            let text = decode(interp, st, &data, true)?;
            let text = if st.readuniversal {
                let (tr, mut pcr, mut seen) = (st.readtranslate, st.pending_cr, st.seen);
                let r = translate_nl(text, &mut pcr, true, tr, &mut seen);
                st.pending_cr = pcr;
                st.seen = seen;
                r
            } else {
                text
            };
            out.push_str(&text);
            st.decoded.clear();
            st.pos = 0;
            st.snap.clear();
            st.pending.clear();
            Ok(out)
        }
        Some(n) => {
            while avail_chars(st) < n {
                if !read_chunk(interp, t, st)? {
                    break;
                }
            }
            Ok(take_chars(st, Some(n)))
        }
    }
}

/// The end (byte offset in `rest`) of the first line, if complete.
fn find_line_end(st: &TextState, rest: &str) -> Option<usize> {
    if st.readtranslate {
        return rest.find('\n').map(|i| i + 1);
    }
    if st.readuniversal {
        let b = rest.as_bytes();
        let i = b.iter().position(|&c| c == b'\n' || c == b'\r')?;
        if b[i] == b'\r' {
            if b.get(i + 1) == Some(&b'\n') {
                return Some(i + 2);
            }
            return Some(i + 1);
        }
        return Some(i + 1);
    }
    let nl = st.readnl.as_deref().unwrap_or("\n");
    rest.find(nl).map(|i| i + nl.len())
}

fn readline_impl(
    interp: &mut Interp,
    t: &TextObj,
    st: &mut TextState,
    limit: Option<usize>,
) -> PyResult<String> {
    write_pending(interp, t, st)?;
    loop {
        let rest = &st.decoded[st.pos..];
        if let Some(end) = find_line_end(st, rest) {
            let mut line = &rest[..end];
            if let Some(l) = limit {
                if let Some((i, _)) = line.char_indices().nth(l) {
                    line = &line[..i];
                }
            }
            let r = line.to_string();
            st.pos += r.len();
            return Ok(r);
        }
        if let Some(l) = limit {
            if let Some((i, _)) = rest.char_indices().nth(l) {
                let r = rest[..i].to_string();
                st.pos += i;
                return Ok(r);
            }
        }
        if !read_chunk(interp, t, st)? {
            // End of file: whatever is left (a held '\r' was flushed by the last chunk).
            return Ok(take_chars(st, None));
        }
    }
}

fn write_impl(interp: &mut Interp, t: &TextObj, st: &mut TextState, s: &str) -> PyResult<()> {
    let haslf = s.contains('\n');
    let translated;
    let mut text = s;
    if haslf {
        if let Some(nl) = &st.writenl {
            translated = s.replace('\n', nl);
            text = &translated;
        }
    }
    let needflush = st.line_buffering && (haslf || text.contains('\r'));
    let data = encode(interp, st, text)?;
    if !st.decoded.is_empty() || !st.snap.is_empty() {
        reset_decoder(interp, st)?;
    }
    if let Some(b) = st.native.clone() {
        let mut g = buffered::lock(interp, &b)?;
        buffered::write_locked(interp, &b, &mut g, &data)?;
        if needflush {
            buffered::flush_locked(interp, &b, &mut g)?;
        }
    } else if let Some(f) = st.raw_file.clone() {
        // `-u`: the standard streams' text layer on the FileIO itself.
        let mut done = 0;
        while done < data.len() {
            match super::fileio::write_fd(interp, &f, &data[done..])? {
                Some(n) if n > 0 => done += n,
                _ => break,
            }
        }
    } else {
        st.pending_out.extend_from_slice(&data);
        if st.pending_out.len() >= st.chunk_size || needflush || st.write_through {
            write_pending(interp, t, st)?;
        }
        if needflush {
            interp.call_method(&t.buffer, "flush", &[])?;
        }
    }
    Ok(())
}

/// Gives the pending encoded text to the buffer (a buffer that is not ours).
fn write_pending(interp: &mut Interp, t: &TextObj, st: &mut TextState) -> PyResult<()> {
    if st.pending_out.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut st.pending_out);
    let v = new_bytes(interp, data);
    interp.call_method(&t.buffer, "write", &[v])?;
    Ok(())
}

/// Writes `s` to the text stream `v` (the fast path of `print`); None when `v` is not a
/// `TextIOWrapper` of ours.
pub fn write_str(interp: &mut Interp, t: &TextObj, s: &str) -> PyResult<()> {
    let mut g = lock(interp, t)?;
    check_closed(interp, t, &g)?;
    write_impl(interp, t, &mut g, s)?;
    Ok(())
}

/// `readline()` of a text stream (`input()`, the REPL).
pub fn readline_obj(interp: &mut Interp, t: &TextObj) -> PyResult<String> {
    let mut g = lock(interp, t)?;
    check_closed(interp, t, &g)?;
    readline_impl(interp, t, &mut g, None)
}

/// The `TextObj` of `v`, if it is an initialised `TextIOWrapper`.
pub fn text_of(interp: &Interp, v: &Value) -> Option<Arc<TextObj>> {
    obj_of(interp, v)
}

/// Flushes the text stream (its buffer).
pub fn flush_obj(interp: &mut Interp, t: &TextObj) -> PyResult<()> {
    let native = {
        let mut g = lock(interp, t)?;
        write_pending(interp, t, &mut g)?;
        g.native.clone()
    };
    match native {
        Some(b) => {
            let mut g = buffered::lock(interp, &b)?;
            buffered::flush_locked(interp, &b, &mut g)
        }
        None => interp.call_method(&t.buffer, "flush", &[]).map(|_| ()),
    }
}

fn tell_impl(interp: &mut Interp, t: &TextObj, st: &mut TextState) -> PyResult<i64> {
    if !st.seekable {
        return Err(unsupported(interp, "underlying stream is not seekable"));
    }
    if !st.telling {
        return Err(interp.err(
            &interp.g.exc.os_error.clone(),
            "telling position disabled by next() call",
        ));
    }
    write_pending(interp, t, st)?;
    let pos = match &st.native {
        Some(b) => buffered::tell(interp, b)?,
        None => {
            interp.call_method(&t.buffer, "flush", &[])?;
            let r = interp.call_method(&t.buffer, "tell", &[])?;
            int_arg(interp, &r)?
        }
    };
    if st.snap.is_empty() && st.pending.is_empty() && !st.pending_cr {
        return Ok(pos);
    }
    let start = pos - st.snap.len() as i64;
    let TCodec::Native(c) = st.codec else {
        if st.pos >= st.decoded.len() && st.pending.is_empty() && !st.pending_cr {
            return Ok(pos);
        }
        return Err(unsupported(
            interp,
            "gilvm cannot tell() inside text decoded by a Python codec",
        ));
    };
    let target = st.decoded[..st.pos].chars().count();
    let b = &st.snap;
    let mut i = 0usize;
    let mut k = 0usize;
    while k < target && i < b.len() {
        if st.readtranslate && b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i += 2;
        } else {
            i += codec::char_len(c, b[i]);
        }
        k += 1;
    }
    Ok(start + i.min(b.len()) as i64)
}

// ---- construction ----

fn parse_newline(
    interp: &mut Interp,
    v: Option<&Value>,
    what: &str,
) -> PyResult<Option<Option<String>>> {
    match v {
        None => Ok(None),
        Some(Value::None) => Ok(Some(None)),
        Some(v) => match v.as_str() {
            Some(s) => {
                if !matches!(s, "" | "\n" | "\r" | "\r\n") {
                    return Err(interp.value_error(format!("illegal newline value: {s}")));
                }
                Ok(Some(Some(s.to_string())))
            }
            None => Err(interp.type_error(format!(
                "{what} argument 'newline' must be str or None, not {}",
                interp.type_name(v)
            ))),
        },
    }
}

fn set_newline(st: &mut TextState, newline: Option<&str>) {
    st.readuniversal = matches!(newline, None | Some(""));
    st.readtranslate = newline.is_none();
    st.readnl = newline.map(|s| s.to_string());
    st.writenl = match newline {
        Some("\r") | Some("\r\n") => newline.map(|s| s.to_string()),
        _ => None,
    };
}

fn resolve_codec(interp: &mut Interp, encoding: &str) -> PyResult<TCodec> {
    if let Some(c) = codec::lookup(encoding) {
        return Ok(TCodec::Native(c));
    }
    // Through the codec registry (LookupError for an unknown name).
    let codecs = match interp.import_module("codecs").map(Value::Obj) {
        Ok(c) => c,
        Err(_) => {
            return Err(interp.err(
                &interp.g.exc.lookup_error.clone(),
                format!("unknown encoding: {encoding}"),
            ))
        }
    };
    let lk = interp.getattr_str(&codecs, "lookup")?;
    let n = interp.new_str(encoding);
    interp.call1(&lk, &[n])?;
    Ok(TCodec::Py {
        enc: None,
        dec: None,
    })
}

/// The state of a new wrapper over `buffer` (CPython's `TextIOWrapper.__init__`).
#[allow(clippy::too_many_arguments)]
fn make(
    interp: &mut Interp,
    buffer: &Value,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<TextObj> {
    let encoding = match encoding {
        None | Some("locale") => super::locale_encoding(),
        Some(e) => e.to_string(),
    };
    let errors = errors.unwrap_or("strict").to_string();
    let codec = resolve_codec(interp, &encoding)?;
    if let TCodec::Native(_) = codec {
        if !codec::known_handler(&errors) {
            // CPython checks the handler exists when it is used; an unknown one fails then.
        }
    }
    let native = buffered::buf_of(interp, buffer);
    let raw_file = match get_state(interp, buffer) {
        Some(IoObj::File(f))
            if gilvm_object::types::type_of(buffer).is(&super::types(interp).fileio) =>
        {
            Some(f)
        }
        _ => None,
    };
    let seekable = {
        let r = interp.call_method(buffer, "seekable", &[])?;
        interp.truthy(&r)?
    };
    let has_read1 = interp.has_attr_str(buffer, "read1");
    let mut st = TextState {
        encoding,
        errors,
        codec,
        native,
        raw_file,
        readuniversal: true,
        readtranslate: true,
        readnl: None,
        writenl: None,
        line_buffering,
        write_through,
        decoded: String::new(),
        pos: 0,
        snap: Vec::new(),
        pending: Vec::new(),
        pending_cr: false,
        seen: 0,
        seekable,
        telling: seekable,
        has_read1,
        chunk_size: CHUNK_SIZE,
        detached: false,
        eof: false,
        pending_out: Vec::new(),
    };
    set_newline(&mut st, newline);
    Ok(TextObj {
        st: IoLock::new(st),
        buffer: buffer.clone(),
    })
}

/// A new `TextIOWrapper` over `buffer` (`open()`, the standard streams).
pub fn new_wrapper(
    interp: &mut Interp,
    buffer: Value,
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult {
    let cls = super::types(interp).textwrapper.clone();
    let me = super::new_io_instance(interp, &cls)?;
    let t = make(
        interp,
        &buffer,
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
    )?;
    set_state(interp, &me, IoObj::Text(Arc::new(t)));
    Ok(me)
}

fn str_or_none(
    interp: &mut Interp,
    v: Option<&Value>,
    what: &str,
    func: &str,
) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(interp.type_error(format!(
                "{func} argument '{what}' must be str or None, not {}",
                interp.type_name(v)
            ))),
        },
    }
}

/// `TextIOWrapper.__init__(self, buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`.
fn init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    const NAMES: [&str; 6] = [
        "buffer",
        "encoding",
        "errors",
        "newline",
        "line_buffering",
        "write_through",
    ];
    let p = args.pos();
    let mut vals: [Option<Value>; 6] = Default::default();
    for (i, v) in p.iter().skip(1).enumerate() {
        if i >= 6 {
            return Err(interp.type_error(format!(
                "TextIOWrapper() takes at most 6 arguments ({} given)",
                p.len() - 1 + args.kwnames.len()
            )));
        }
        vals[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) => vals[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "TextIOWrapper() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let Some(buffer) = vals[0].clone() else {
        return Err(interp.type_error("TextIOWrapper() missing required argument 'buffer' (pos 1)"));
    };
    let f = "TextIOWrapper()";
    let encoding = str_or_none(interp, vals[1].as_ref(), "encoding", f)?;
    let errors = str_or_none(interp, vals[2].as_ref(), "errors", f)?;
    let newline = parse_newline(interp, vals[3].as_ref(), f)?.unwrap_or(None);
    let lb = match &vals[4] {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    let wt = match &vals[5] {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    let t = make(
        interp,
        &buffer,
        encoding.as_deref(),
        errors.as_deref(),
        newline.as_deref(),
        lb,
        wt,
    )?;
    set_state(interp, &me(&args), IoObj::Text(Arc::new(t)));
    Ok(Value::None)
}

// ---- methods ----

fn m_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "write", 2, 2)?;
    let t = state(interp, &args)?;
    let mut g = lock(interp, &t)?;
    check_closed(interp, &t, &g)?;
    let Some(s) = p[1].as_str() else {
        return Err(interp.type_error(format!(
            "write() argument must be str, not {}",
            interp.type_name(&p[1])
        )));
    };
    if g.native.is_none() {
        let w = interp.call_method(&t.buffer, "writable", &[])?;
        if !interp.truthy(&w)? {
            return Err(unsupported(interp, "not writable"));
        }
    } else if let Some(b) = &g.native {
        if b.kind == buffered::Kind::Reader {
            return Err(unsupported(interp, "not writable"));
        }
    }
    write_impl(interp, &t, &mut g, s)?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn m_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let t = state(interp, &args)?;
    let n = size_arg(interp, p.get(1))?;
    let mut g = lock(interp, &t)?;
    check_closed(interp, &t, &g)?;
    check_readable(interp, &t)?;
    let r = read_impl(interp, &t, &mut g, n)?;
    drop(g);
    Ok(interp.new_str(r))
}

fn m_readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readline", 1, 2)?;
    let t = state(interp, &args)?;
    if let Some(v) = p.get(1) {
        if !v.is_none() && !matches!(v, Value::Int(_) | Value::Bool(_)) {
            if let Err(_) = interp.index_value(v) {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )));
            }
        }
    }
    let n = size_arg(interp, p.get(1))?;
    let mut g = lock(interp, &t)?;
    check_closed(interp, &t, &g)?;
    let r = readline_impl(interp, &t, &mut g, n)?;
    drop(g);
    Ok(interp.new_str(r))
}

fn m_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let mut g = lock(interp, &t)?;
    check_closed(interp, &t, &g)?;
    g.telling = false;
    let r = readline_impl(interp, &t, &mut g, None)?;
    if r.is_empty() {
        g.snap.clear();
        g.telling = g.seekable;
        drop(g);
        return Err(interp.stop_iteration(Value::None));
    }
    drop(g);
    Ok(interp.new_str(r))
}

fn m_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    {
        let mut g = lock(interp, &t)?;
        check_closed(interp, &t, &g)?;
        g.telling = g.seekable;
    }
    flush_obj(interp, &t)?;
    Ok(Value::None)
}

fn m_close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    {
        let g = lock(interp, &t)?;
        if buffer_closed(interp, &t, &g)? {
            return Ok(Value::None);
        }
    }
    let me = me(&args);
    let f = interp.call_method(&me, "flush", &[]);
    let c = interp.call_method(&t.buffer, "close", &[]);
    f?;
    c?;
    Ok(Value::None)
}

fn m_detach(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    flush_obj(interp, &t)?;
    let mut g = lock(interp, &t)?;
    g.detached = true;
    Ok(t.buffer.clone())
}

fn m_tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let mut g = lock(interp, &t)?;
    check_closed(interp, &t, &g)?;
    Ok(Value::Int(tell_impl(interp, &t, &mut g)?))
}

fn m_seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "seek", 2, 3)?;
    let t = state(interp, &args)?;
    let whence = match p.get(2) {
        None => 0,
        Some(v) => int_arg(interp, v)?,
    };
    let mut g = lock(interp, &t)?;
    check_closed(interp, &t, &g)?;
    if !g.seekable {
        return Err(unsupported(interp, "underlying stream is not seekable"));
    }
    let cookie = match whence {
        0 => {
            let c = int_arg(interp, &p[1])?;
            if c < 0 {
                return Err(interp.value_error(format!("negative seek position {c}")));
            }
            c
        }
        1 => {
            if int_arg(interp, &p[1])? != 0 {
                return Err(unsupported(interp, "can't do nonzero cur-relative seeks"));
            }
            tell_impl(interp, &t, &mut g)?
        }
        2 => {
            if int_arg(interp, &p[1])? != 0 {
                return Err(unsupported(interp, "can't do nonzero end-relative seeks"));
            }
            drop(g);
            flush_obj(interp, &t)?;
            let mut g = lock(interp, &t)?;
            reset_decoder(interp, &mut g)?;
            let pos = match g.native.clone() {
                Some(b) => buffered::seek(interp, &b, 0, 2)?,
                None => {
                    let r =
                        interp.call_method(&t.buffer, "seek", &[Value::Int(0), Value::Int(2)])?;
                    int_arg(interp, &r)?
                }
            };
            return Ok(Value::Int(pos));
        }
        _ => {
            return Err(
                interp.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
            )
        }
    };
    drop(g);
    flush_obj(interp, &t)?;
    let mut g = lock(interp, &t)?;
    reset_decoder(interp, &mut g)?;
    match g.native.clone() {
        Some(b) => {
            buffered::seek(interp, &b, cookie, 0)?;
        }
        None => {
            interp.call_method(&t.buffer, "seek", &[Value::Int(cookie)])?;
        }
    }
    Ok(Value::Int(cookie))
}

fn m_truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "truncate", 1, 2)?;
    let t = state(interp, &args)?;
    flush_obj(interp, &t)?;
    let pos = p.get(1).cloned().unwrap_or(Value::None);
    interp.call_method(&t.buffer, "truncate", &[pos])
}

fn forward(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let t = state(interp, &args)?;
    {
        let _g = lock(interp, &t)?;
    }
    interp.call_method(&t.buffer, name, &[])
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

fn m_closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    {
        let _g = lock(interp, &t)?;
    }
    interp.getattr_str(&t.buffer, "closed")
}

fn m_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    {
        let _g = lock(interp, &t)?;
    }
    interp.getattr_str(&t.buffer, "name")
}

fn m_buffer(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let _g = lock(interp, &t)?;
    Ok(t.buffer.clone())
}

fn m_encoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let g = t.st.lock(interp, "TextIOWrapper")?;
    let e = g.encoding.clone();
    drop(g);
    Ok(interp.new_str(e))
}

fn m_errors(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let g = t.st.lock(interp, "TextIOWrapper")?;
    let e = g.errors.clone();
    drop(g);
    Ok(interp.new_str(e))
}

fn m_line_buffering(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let g = t.st.lock(interp, "TextIOWrapper")?;
    Ok(Value::Bool(g.line_buffering))
}

fn m_write_through(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let g = t.st.lock(interp, "TextIOWrapper")?;
    Ok(Value::Bool(g.write_through))
}

fn m_newlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let g = t.st.lock(interp, "TextIOWrapper")?;
    let (u, seen) = (g.readuniversal, g.seen);
    drop(g);
    if !u {
        return Ok(Value::None);
    }
    Ok(newlines_value(interp, seen))
}

fn m_chunk_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = state(interp, &args)?;
    let g = lock(interp, &t)?;
    Ok(Value::Int(g.chunk_size as i64))
}

fn m_set_chunk_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let t = state(interp, &args)?;
    let n = int_arg(interp, p.get(1).unwrap_or(&Value::None))?;
    if n <= 0 {
        return Err(interp.value_error("a strictly positive integer is required"));
    }
    let mut g = lock(interp, &t)?;
    g.chunk_size = n as usize;
    Ok(Value::None)
}

fn m_reconfigure(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() > 1 {
        return Err(interp.type_error(format!(
            "reconfigure() takes exactly 0 positional arguments ({} given)",
            args.pos().len() - 1
        )));
    }
    let t = state(interp, &args)?;
    let f = "reconfigure()";
    let mut encoding = None;
    let mut errors = None;
    let mut newline = None;
    let mut lb = None;
    let mut wt = None;
    for (k, v) in args.kwargs() {
        match k {
            "encoding" => encoding = str_or_none(interp, Some(v), "encoding", f)?,
            "errors" => errors = str_or_none(interp, Some(v), "errors", f)?,
            "newline" => newline = parse_newline(interp, Some(v), f)?,
            "line_buffering" => {
                if !v.is_none() {
                    lb = Some(interp.truthy(v)?)
                }
            }
            "write_through" => {
                if !v.is_none() {
                    wt = Some(interp.truthy(v)?)
                }
            }
            _ => {
                return Err(interp.type_error(format!(
                    "reconfigure() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    {
        let g = lock(interp, &t)?;
        if (encoding.is_some() || errors.is_some() || newline.is_some())
            && (g.pos < g.decoded.len() || !g.snap.is_empty())
        {
            drop(g);
            return Err(unsupported(
                interp,
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    flush_obj(interp, &t)?;
    let codec = match &encoding {
        Some(e) if e != "locale" => Some((e.clone(), resolve_codec(interp, e)?)),
        Some(_) => {
            let e = super::locale_encoding();
            let c = resolve_codec(interp, &e)?;
            Some((e, c))
        }
        None => None,
    };
    let mut g = lock(interp, &t)?;
    if let Some((name, c)) = codec {
        g.encoding = name;
        g.codec = c;
        if errors.is_none() {
            g.errors = "strict".to_string();
        }
    }
    if let Some(e) = errors {
        g.errors = e;
        if let TCodec::Py { enc, dec } = &mut g.codec {
            *enc = None;
            *dec = None;
        }
    }
    if let Some(nl) = newline {
        set_newline(&mut g, nl.as_deref());
    }
    if let Some(lb) = lb {
        g.line_buffering = lb;
    }
    if let Some(wt) = wt {
        g.write_through = wt;
    }
    Ok(Value::None)
}

fn m_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me(&args);
    let tn = super::type_qualname(interp, &me);
    let Some(t) = obj_of(interp, &me) else {
        return Ok(interp.new_str(format!("<{tn}>")));
    };
    let mut s = format!("<{tn}");
    let attr = |interp: &mut Interp, name: &str| -> PyResult<Option<String>> {
        match interp.getattr_str(&me, name) {
            Ok(v) => Ok(Some(super::repr_guarded(interp, &me, &v)?)),
            Err(e)
                if interp.matches(&e, &interp.g.exc.attribute_error.clone())
                    || interp.matches(&e, &interp.g.exc.value_error.clone()) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    };
    if let Some(n) = attr(interp, "name")? {
        s.push_str(&format!(" name={n}"));
    }
    if let Some(m) = attr(interp, "mode")? {
        s.push_str(&format!(" mode={m}"));
    }
    let enc = {
        let g = t.st.lock(interp, "TextIOWrapper")?;
        g.encoding.clone()
    };
    let e = interp.new_str(enc);
    let er = interp.repr(&e)?;
    s.push_str(&format!(" encoding={er}>"));
    Ok(interp.new_str(s))
}

fn m_getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let tn = super::type_qualname(interp, &me(&args));
    Err(interp.type_error(format!("cannot pickle '{tn}' instances")))
}

// ---- IncrementalNewlineDecoder ----

pub struct NlDecoder {
    decoder: Value,
    translate: bool,
    pending_cr: bool,
    seen: u8,
}

fn nl_state(interp: &mut Interp, args: &Args<'_>) -> PyResult<Arc<IoLock<NlDecoder>>> {
    match get_state(interp, &me(args)) {
        Some(IoObj::NlDec(d)) => Ok(d),
        _ => Err(interp.value_error("IncrementalNewlineDecoder.__init__() not called")),
    }
}

fn nl_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let mut decoder = p.get(1).cloned();
    let mut translate = p.get(2).cloned();
    for (k, v) in args.kwargs() {
        match k {
            "decoder" => decoder = Some(v.clone()),
            "translate" => translate = Some(v.clone()),
            "errors" => {}
            _ => {
                return Err(interp.type_error(format!(
                    "IncrementalNewlineDecoder() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let (Some(decoder), Some(translate)) = (decoder, translate) else {
        return Err(interp.type_error(
            "IncrementalNewlineDecoder() missing required argument 'translate' (pos 2)",
        ));
    };
    let translate = interp.truthy(&translate)?;
    set_state(
        interp,
        &me(&args),
        IoObj::NlDec(Arc::new(IoLock::new(NlDecoder {
            decoder,
            translate,
            pending_cr: false,
            seen: 0,
        }))),
    );
    Ok(Value::None)
}

fn nl_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let d = nl_state(interp, &args)?;
    let input = p
        .get(1)
        .cloned()
        .or_else(|| args.kw("input").cloned())
        .unwrap_or(Value::None);
    let last = match p.get(2).or_else(|| args.kw("final")) {
        None => false,
        Some(v) => interp.truthy(v)?,
    };
    let inner = d.lock(interp, "IncrementalNewlineDecoder")?.decoder.clone();
    let out = if inner.is_none() {
        input
    } else {
        interp.call_method(&inner, "decode", &[input, Value::Bool(last)])?
    };
    let Some(s) = out.as_str() else {
        return Err(interp.type_error(format!(
            "decoder should return a string result, not '{}'",
            interp.type_name(&out)
        )));
    };
    let s = s.to_string();
    let mut g = d.lock(interp, "IncrementalNewlineDecoder")?;
    let (mut pcr, mut seen, tr) = (g.pending_cr, g.seen, g.translate);
    let r = translate_nl(s, &mut pcr, last, tr, &mut seen);
    g.pending_cr = pcr;
    g.seen = seen;
    drop(g);
    Ok(interp.new_str(r))
}

fn nl_getstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = nl_state(interp, &args)?;
    let (inner, pcr) = {
        let g = d.lock(interp, "IncrementalNewlineDecoder")?;
        (g.decoder.clone(), g.pending_cr)
    };
    let (buf, flag) = if inner.is_none() {
        (new_bytes(interp, Vec::new()), 0i64)
    } else {
        let st = interp.call_method(&inner, "getstate", &[])?;
        let items = interp.collect(&st)?;
        if items.len() != 2 {
            return Err(interp.type_error("illegal decoder state"));
        }
        (items[0].clone(), int_arg(interp, &items[1])?)
    };
    Ok(interp.new_tuple(vec![buf, Value::Int((flag << 1) | pcr as i64)]))
}

fn nl_setstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "setstate", 2, 2)?;
    let d = nl_state(interp, &args)?;
    let items = interp.collect(&p[1])?;
    if items.len() != 2 {
        return Err(interp.type_error("state argument must be a tuple"));
    }
    let flag = int_arg(interp, &items[1])?;
    let inner = {
        let mut g = d.lock(interp, "IncrementalNewlineDecoder")?;
        g.pending_cr = flag & 1 != 0;
        g.decoder.clone()
    };
    if !inner.is_none() {
        let st = interp.new_tuple(vec![items[0].clone(), Value::Int(flag >> 1)]);
        interp.call_method(&inner, "setstate", &[st])?;
    }
    Ok(Value::None)
}

fn nl_reset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = nl_state(interp, &args)?;
    let inner = {
        let mut g = d.lock(interp, "IncrementalNewlineDecoder")?;
        g.pending_cr = false;
        g.seen = 0;
        g.decoder.clone()
    };
    if !inner.is_none() {
        interp.call_method(&inner, "reset", &[])?;
    }
    Ok(Value::None)
}

fn nl_newlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let d = nl_state(interp, &args)?;
    let seen = d.lock(interp, "IncrementalNewlineDecoder")?.seen;
    Ok(newlines_value(interp, seen))
}

fn add_all(interp: &mut Interp, t: &ObjRef, list: &[(&'static str, crate::interp::NativeFn)]) {
    for (n, f) in list {
        add_method(interp, t, n, *f);
    }
}

pub fn register(interp: &mut Interp, t: &IoTypes) {
    add_all(
        interp,
        &t.textwrapper,
        &[
            ("__init__", init),
            ("write", m_write),
            ("read", m_read),
            ("readline", m_readline),
            ("__next__", m_next),
            ("flush", m_flush),
            ("close", m_close),
            ("detach", m_detach),
            ("tell", m_tell),
            ("seek", m_seek),
            ("truncate", m_truncate),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
            ("readable", m_readable),
            ("writable", m_writable),
            ("seekable", m_seekable),
            ("reconfigure", m_reconfigure),
            ("__repr__", m_repr),
            ("__getstate__", m_getstate),
        ],
    );
    for (n, f) in [
        ("closed", m_closed as crate::interp::NativeFn),
        ("name", m_name),
        ("buffer", m_buffer),
        ("encoding", m_encoding),
        ("errors", m_errors),
        ("line_buffering", m_line_buffering),
        ("write_through", m_write_through),
        ("newlines", m_newlines),
    ] {
        add_getter(interp, &t.textwrapper, n, f);
    }
    add_getset(
        interp,
        &t.textwrapper,
        "_CHUNK_SIZE",
        m_chunk_size,
        Some(m_set_chunk_size),
    );
    add_all(
        interp,
        &t.nldecoder,
        &[
            ("__init__", nl_init),
            ("decode", nl_decode),
            ("getstate", nl_getstate),
            ("setstate", nl_setstate),
            ("reset", nl_reset),
        ],
    );
    add_getter(interp, &t.nldecoder, "newlines", nl_newlines);
}
