//! The `zlib` module (CPython's `Modules/zlibmodule.c`) over `zlib-rs`, a Rust port of
//! zlib: `compress`/`decompress`, `compressobj` (level, method, wbits for zlib, gzip and
//! raw streams, memLevel, strategy, zdict) and `decompressobj` (wbits including automatic
//! zlib/gzip detection, zdict, `max_length`, `unused_data`, `unconsumed_tail`, `eof`),
//! `_ZlibDecompressor` (what `gzip` reads with), `crc32`, `adler32`, the constants and
//! `zlib.error`.
//!
//! A stream object keeps its zlib state behind its object lock; each method converts its
//! arguments first, then runs zlib in one critical section that runs no Python code
//! (CPython holds the object's lock the same way). Parameters are validated here as
//! zlib's `deflateInit2`/`inflateInit2` do, before the state is made, so that invalid
//! ones raise CPython's exceptions.
//!
//! Not supported: `copy()` of a stream (zlib-rs's safe interface has no stream copy);
//! it raises `NotImplementedError`.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics};
use zlib_rs::{
    Deflate, DeflateConfig, DeflateFlush, Inflate, InflateError, InflateFlush, Method, Status,
    Strategy,
};

use crate::binascii::u32_start;
use crate::common::{buffer_arg, error_class, new_bytes};

struct Types {
    error: ObjRef,
    compress_t: ObjRef,
    decompress_t: ObjRef,
    zdecomp_t: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types() -> &'static Types {
    &TYPES.get().expect("zlib initialized").0
}

const Z_STREAM_ERROR: i32 = -2;
const Z_DATA_ERROR: i32 = -3;
const Z_BUF_ERROR: i32 = -5;
const DEF_BUF_SIZE: usize = 16384;

/// CPython's `zlib_error`: "Error -3 while decompressing data: incorrect header check".
fn zerr(interp: &Interp, code: i32, what: &str, msg: Option<&str>) -> PyErr {
    let msg = msg.or(match code {
        Z_BUF_ERROR => Some("incomplete or truncated stream"),
        Z_STREAM_ERROR => Some("inconsistent stream state"),
        Z_DATA_ERROR => Some("invalid input data"),
        _ => None,
    });
    let text = match msg {
        Some(m) => format!("Error {code} {what}: {m}"),
        None => format!("Error {code} {what}"),
    };
    interp.err(&types().error, text)
}

fn inflate_err(interp: &Interp, z: &Inflate, e: InflateError, what: &str) -> PyErr {
    let code = match e {
        InflateError::NeedDict { .. } => 2,
        InflateError::StreamError => Z_STREAM_ERROR,
        InflateError::DataError => Z_DATA_ERROR,
        InflateError::MemError => -4,
    };
    zerr(interp, code, what, z.error_message())
}

// ---- parameters ----

fn strategy(s: i64) -> Option<Strategy> {
    Some(match s {
        0 => Strategy::Default,
        1 => Strategy::Filtered,
        2 => Strategy::HuffmanOnly,
        3 => Strategy::Rle,
        4 => Strategy::Fixed,
        _ => return None,
    })
}

/// `deflateInit2`'s checks; None when zlib would answer `Z_STREAM_ERROR`.
fn deflate_config(
    level: i64,
    method: i64,
    wbits: i64,
    mem: i64,
    strat: i64,
) -> Option<DeflateConfig> {
    let level = if level == -1 { 6 } else { level };
    let (bits, wrap) = if wbits < 0 {
        if wbits < -15 {
            return None;
        }
        (-wbits, 0)
    } else if wbits > 15 {
        (wbits - 16, 2)
    } else {
        (wbits, 1)
    };
    if !(1..=9).contains(&mem)
        || method != 8
        || !(8..=15).contains(&bits)
        || !(0..=9).contains(&level)
        || (bits == 8 && wrap != 1)
    {
        return None;
    }
    Some(DeflateConfig {
        level: level as i32,
        method: Method::Deflated,
        window_bits: wbits as i32,
        mem_level: mem as i32,
        strategy: strategy(strat)?,
    })
}

/// `inflateInit2`'s checks; the state, or None when zlib would answer `Z_STREAM_ERROR`.
fn new_inflate(wbits: i64) -> Option<Inflate> {
    if (-15..=-8).contains(&wbits) {
        return Some(Inflate::new(false, (-wbits) as u8));
    }
    let ok = wbits == 0
        || (8..=15).contains(&wbits)
        || (24..=31).contains(&wbits)
        || (40..=47).contains(&wbits);
    ok.then(|| Inflate::new(true, wbits as u8))
}

fn int_opt(interp: &mut Interp, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => interp.index_value(v),
    }
}

// ---- the streaming loops ----

/// Runs deflate over all of `input` with `flush`, appending to `out`.
fn deflate_run(
    z: &mut Deflate,
    input: &[u8],
    flush: DeflateFlush,
    out: &mut Vec<u8>,
) -> Result<Status, zlib_rs::DeflateError> {
    let mut at = 0;
    loop {
        let start = out.len();
        let chunk = DEF_BUF_SIZE.max(input.len() - at + 64);
        out.resize(start + chunk, 0);
        let (in0, out0) = (z.total_in(), z.total_out());
        let r = z.compress(&input[at..], &mut out[start..], flush);
        let produced = (z.total_out() - out0) as usize;
        at += (z.total_in() - in0) as usize;
        out.truncate(start + produced);
        let st = r?;
        if st == Status::StreamEnd {
            return Ok(st);
        }
        // zlib's loops: go on while the output buffer was filled, or input is left.
        if produced < chunk && at >= input.len() {
            return Ok(st);
        }
        if produced == 0 && st == Status::BufError {
            return Ok(st);
        }
    }
}

/// What an inflate run did.
struct Inflated {
    consumed: usize,
    end: bool,
    /// The output reached `max` (more may be pending).
    full: bool,
}

/// Runs inflate over `input`, appending at most `max` bytes (None: no limit) to `out`.
fn inflate_run(
    z: &mut Inflate,
    zdict: Option<&[u8]>,
    input: &[u8],
    max: Option<usize>,
    flush: InflateFlush,
    out: &mut Vec<u8>,
) -> Result<Inflated, InflateError> {
    let mut at = 0;
    let base = out.len();
    loop {
        let room = match max {
            Some(m) => (m - (out.len() - base)).min(DEF_BUF_SIZE.max(input.len() * 2)),
            None => DEF_BUF_SIZE.max(input.len() * 2),
        };
        if room == 0 {
            return Ok(Inflated {
                consumed: at,
                end: false,
                full: true,
            });
        }
        let start = out.len();
        out.resize(start + room, 0);
        let (in0, out0) = (z.total_in(), z.total_out());
        let r = z.decompress(&input[at..], &mut out[start..], flush);
        let produced = (z.total_out() - out0) as usize;
        at += (z.total_in() - in0) as usize;
        out.truncate(start + produced);
        match r {
            Ok(Status::StreamEnd) => {
                return Ok(Inflated {
                    consumed: at,
                    end: true,
                    full: false,
                })
            }
            Err(InflateError::NeedDict { .. }) if zdict.is_some() => {
                z.set_dictionary(zdict.unwrap_or(&[]))?;
            }
            Err(e) => return Err(e),
            Ok(st) => {
                let stalled = produced == 0 && (st == Status::BufError || at >= input.len());
                if stalled || (produced < room && at >= input.len()) {
                    return Ok(Inflated {
                        consumed: at,
                        end: false,
                        full: false,
                    });
                }
            }
        }
    }
}

// ---- module functions ----

fn compress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "compress", &["data", "level", "wbits"], 1)?;
    let level = int_opt(interp, &a[1], -1)?;
    let wbits = int_opt(interp, &a[2], 15)?;
    let data = buffer_arg(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    let Some(cfg) = deflate_config(level, 8, wbits, 8, 0) else {
        return Err(interp.err(&types().error, "Bad compression level"));
    };
    let mut z = Deflate::new_with_config(cfg);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    deflate_run(&mut z, &data, DeflateFlush::Finish, &mut out).map_err(|e| {
        zerr(
            interp,
            e as i32,
            "while compressing data",
            z.error_message(),
        )
    })?;
    Ok(new_bytes(interp, out))
}

fn decompress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &args,
        "decompress",
        &["data", "wbits", "bufsize"],
        1,
    )?;
    let wbits = int_opt(interp, &a[1], 15)?;
    let bufsize = int_opt(interp, &a[2], DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(interp.value_error("bufsize must be non-negative"));
    }
    let data = buffer_arg(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    let Some(mut z) = new_inflate(wbits) else {
        return Err(zerr(
            interp,
            Z_STREAM_ERROR,
            "while preparing to decompress data",
            None,
        ));
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let r = inflate_run(&mut z, None, &data, None, InflateFlush::NoFlush, &mut out)
        .map_err(|e| inflate_err(interp, &z, e, "while decompressing data"))?;
    if !r.end {
        return Err(zerr(interp, Z_BUF_ERROR, "while decompressing data", None));
    }
    Ok(new_bytes(interp, out))
}

fn checksum_args<'a>(
    interp: &mut Interp,
    args: &Args<'a>,
    name: &str,
    default: u32,
) -> PyResult<(std::borrow::Cow<'a, [u8]>, u32)> {
    let p = args.exact(interp, name, 1, 2)?;
    let start = match p.get(1) {
        Some(v) => u32_start(interp, Some(v))?,
        None => default,
    };
    Ok((buffer_arg(interp, &p[0])?, start))
}

fn crc32(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (data, start) = checksum_args(interp, &args, "crc32", 0)?;
    Ok(Value::Int(zlib_rs::crc32::crc32(start, &data) as i64))
}

fn adler32(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (data, start) = checksum_args(interp, &args, "adler32", 1)?;
    Ok(Value::Int(zlib_rs::adler32::adler32(start, &data) as i64))
}

// ---- Compress ----

struct CompState {
    /// None once `flush(Z_FINISH)` ended the stream (zlib's `deflateEnd`).
    z: Option<Box<Deflate>>,
}

fn zdict_arg(interp: &Interp, v: &Option<Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None => Ok(None),
        Some(v) => match gilvm_vm::buffer::bytes_like(interp.py, v) {
            Some(b) => Ok(Some(b.into_owned())),
            None => Err(interp.type_error(format!(
                "a bytes-like object is required, not '{}'",
                interp.type_name(v)
            ))),
        },
    }
}

fn compressobj(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(
        interp,
        &args,
        "compressobj",
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        0,
    )?;
    let level = int_opt(interp, &a[0], -1)?;
    let method = int_opt(interp, &a[1], 8)?;
    let wbits = int_opt(interp, &a[2], 15)?;
    let mem = int_opt(interp, &a[3], 8)?;
    let strat = int_opt(interp, &a[4], 0)?;
    let zdict = zdict_arg(interp, &a[5])?;
    let Some(cfg) = deflate_config(level, method, wbits, mem, strat) else {
        return Err(interp.value_error("Invalid initialization option"));
    };
    let mut z = Box::new(Deflate::new_with_config(cfg));
    if let Some(d) = &zdict {
        if z.set_dictionary(d).is_err() {
            return Err(interp.value_error("Invalid dictionary"));
        }
    }
    Ok(util::native_obj(
        interp,
        &types().compress_t,
        CompState { z: Some(z) },
    ))
}

fn comp_self<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if util::is_data::<CompState>(interp, v) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{name}' for 'zlib.Compress' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!("{name}() needs an argument"))),
    }
}

fn c_compress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = comp_self(interp, &args, "compress")?;
    let p = args.exact(interp, "compress", 2, 2)?;
    let data = buffer_arg(interp, &p[1])?;
    let r = util::with_data::<CompState, _>(interp, me, |s| {
        let Some(z) = s.z.as_mut() else {
            return Err((Z_STREAM_ERROR, None));
        };
        let mut out = Vec::new();
        deflate_run(z, &data, DeflateFlush::NoFlush, &mut out)
            .map(|_| out)
            .map_err(|e| (e as i32, z.error_message()))
    });
    match r {
        Some(Ok(out)) => Ok(new_bytes(interp, out)),
        Some(Err((code, msg))) => Err(zerr(interp, code, "while compressing data", msg)),
        None => Err(interp.type_error("not a zlib.Compress object")),
    }
}

fn flush_mode(mode: i64) -> Option<DeflateFlush> {
    Some(match mode {
        0 => DeflateFlush::NoFlush,
        1 => DeflateFlush::PartialFlush,
        2 => DeflateFlush::SyncFlush,
        3 => DeflateFlush::FullFlush,
        4 => DeflateFlush::Finish,
        5 => DeflateFlush::Block,
        _ => return None,
    })
}

fn c_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = comp_self(interp, &args, "flush")?;
    let p = args.exact(interp, "flush", 1, 2)?;
    let mode = match p.get(1) {
        Some(v) => interp.index_value(v)?,
        None => 4,
    };
    if mode == 0 {
        return Ok(new_bytes(interp, Vec::new()));
    }
    let flush = flush_mode(mode);
    let r = util::with_data::<CompState, _>(interp, me, |s| {
        let (Some(z), Some(flush)) = (s.z.as_mut(), flush) else {
            return Err((Z_STREAM_ERROR, None));
        };
        let mut out = Vec::new();
        let st = deflate_run(z, &[], flush, &mut out).map_err(|e| (e as i32, z.error_message()))?;
        if st == Status::StreamEnd && flush == DeflateFlush::Finish {
            s.z = None;
        }
        Ok(out)
    });
    match r {
        Some(Ok(out)) => Ok(new_bytes(interp, out)),
        Some(Err((code, msg))) => Err(zerr(interp, code, "while flushing", msg)),
        None => Err(interp.type_error("not a zlib.Compress object")),
    }
}

fn no_copy(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp
        .not_implemented_error("gilvm's zlib cannot copy a compression or decompression stream"))
}

// ---- Decompress ----

struct DecompState {
    z: Box<Inflate>,
    zdict: Option<Vec<u8>>,
    eof: bool,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
}

fn decompressobj(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = util::bind(interp, &args, "decompressobj", &["wbits", "zdict"], 0)?;
    let wbits = int_opt(interp, &a[0], 15)?;
    let zdict = zdict_arg(interp, &a[1])?;
    let Some(z) = new_inflate(wbits) else {
        return Err(interp.value_error("Invalid initialization option"));
    };
    let mut z = Box::new(z);
    if wbits < 0 {
        if let Some(d) = &zdict {
            if z.set_dictionary(d).is_err() {
                return Err(interp.value_error("Invalid dictionary"));
            }
        }
    }
    Ok(util::native_obj(
        interp,
        &types().decompress_t,
        DecompState {
            z,
            zdict,
            eof: false,
            unused_data: Vec::new(),
            unconsumed_tail: Vec::new(),
        },
    ))
}

fn decomp_self<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if util::is_data::<DecompState>(interp, v) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{name}' for 'zlib.Decompress' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!("{name}() needs an argument"))),
    }
}

/// One decompression step of a `Decompress` (`decompress` and `flush`).
fn d_run(
    s: &mut DecompState,
    input: &[u8],
    max: Option<usize>,
    flush: InflateFlush,
) -> Result<Vec<u8>, (i32, Option<&'static str>)> {
    let mut out = Vec::new();
    if s.eof {
        s.unused_data.extend_from_slice(input);
        s.unconsumed_tail.clear();
        return Ok(out);
    }
    let r = inflate_run(&mut s.z, s.zdict.as_deref(), input, max, flush, &mut out);
    match r {
        Ok(r) => {
            let rest = &input[r.consumed..];
            if r.end {
                s.eof = true;
                s.unused_data.extend_from_slice(rest);
                s.unconsumed_tail.clear();
            } else {
                s.unconsumed_tail = rest.to_vec();
            }
            Ok(out)
        }
        Err(e) => {
            let code = match e {
                InflateError::NeedDict { .. } => 2,
                InflateError::StreamError => Z_STREAM_ERROR,
                InflateError::DataError => Z_DATA_ERROR,
                InflateError::MemError => -4,
            };
            Err((code, s.z.error_message()))
        }
    }
}

fn d_decompress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = decomp_self(interp, &args, "decompress")?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "decompress", &["data", "max_length"], 1)?;
    let max = int_opt(interp, &a[1], 0)?;
    if max < 0 {
        return Err(interp.value_error("max_length must be non-negative"));
    }
    let data = buffer_arg(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    let max = (max > 0).then_some(max as usize);
    let r = util::with_data::<DecompState, _>(interp, me, |s| {
        d_run(s, &data, max, InflateFlush::SyncFlush)
    });
    match r {
        Some(Ok(out)) => Ok(new_bytes(interp, out)),
        Some(Err((code, msg))) => Err(zerr(interp, code, "while decompressing data", msg)),
        None => Err(interp.type_error("not a zlib.Decompress object")),
    }
}

fn d_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = decomp_self(interp, &args, "flush")?;
    let p = args.exact(interp, "flush", 1, 2)?;
    let length = match p.get(1) {
        Some(v) => interp.index_value(v)?,
        None => DEF_BUF_SIZE as i64,
    };
    if length <= 0 {
        return Err(interp.value_error("length must be greater than zero"));
    }
    let r = util::with_data::<DecompState, _>(interp, me, |s| {
        let tail = std::mem::take(&mut s.unconsumed_tail);
        d_run(s, &tail, None, InflateFlush::Finish)
    });
    match r {
        Some(Ok(out)) => Ok(new_bytes(interp, out)),
        Some(Err((code, msg))) => Err(zerr(interp, code, "while flushing", msg)),
        None => Err(interp.type_error("not a zlib.Decompress object")),
    }
}

fn d_attr(interp: &mut Interp, args: Args<'_>, which: u8) -> PyResult {
    let me = decomp_self(interp, &args, "attribute")?;
    let r = util::with_data::<DecompState, _>(interp, me, |s| match which {
        0 => Err(s.eof),
        1 => Ok(s.unused_data.clone()),
        _ => Ok(s.unconsumed_tail.clone()),
    });
    match r {
        Some(Ok(b)) => Ok(new_bytes(interp, b)),
        Some(Err(eof)) => Ok(Value::Bool(eof)),
        None => Err(interp.type_error("not a zlib.Decompress object")),
    }
}
fn d_eof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    d_attr(interp, args, 0)
}
fn d_unused(interp: &mut Interp, args: Args<'_>) -> PyResult {
    d_attr(interp, args, 1)
}
fn d_tail(interp: &mut Interp, args: Args<'_>) -> PyResult {
    d_attr(interp, args, 2)
}

// ---- _ZlibDecompressor ----

struct ZDecomp {
    z: Box<Inflate>,
    zdict: Option<Vec<u8>>,
    eof: bool,
    needs_input: bool,
    unused_data: Vec<u8>,
    /// Input not yet consumed (kept between calls, unlike `Decompress`).
    buffer: Vec<u8>,
}

fn zd_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("_ZlibDecompressor.__new__(X): X is not a type object")),
    };
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "_ZlibDecompressor", &["wbits", "zdict"], 0)?;
    let wbits = int_opt(interp, &a[0], 15)?;
    let zdict = zdict_arg(interp, &a[1])?;
    let Some(z) = new_inflate(wbits) else {
        return Err(interp.value_error("Invalid initialization option"));
    };
    let mut z = Box::new(z);
    if wbits < 0 {
        if let Some(d) = &zdict {
            if z.set_dictionary(d).is_err() {
                return Err(interp.value_error("Invalid dictionary"));
            }
        }
    }
    Ok(util::native_obj(
        interp,
        &cls,
        ZDecomp {
            z,
            zdict,
            eof: false,
            needs_input: true,
            unused_data: Vec::new(),
            buffer: Vec::new(),
        },
    ))
}

fn zd_self<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if util::is_data::<ZDecomp>(interp, v) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor '{name}' for 'zlib._ZlibDecompressor' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error(format!("{name}() needs an argument"))),
    }
}

enum ZdOut {
    Data(Vec<u8>),
    Eof,
    Err(i32, Option<&'static str>),
}

fn zd_decompress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = zd_self(interp, &args, "decompress")?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "decompress", &["data", "max_length"], 1)?;
    let max = int_opt(interp, &a[1], -1)?;
    let data = buffer_arg(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    let max = (max >= 0).then_some(max as usize);
    let r = util::with_data::<ZDecomp, _>(interp, me, |s| {
        if s.eof {
            return ZdOut::Eof;
        }
        let mut input = std::mem::take(&mut s.buffer);
        input.extend_from_slice(&data);
        let mut out = Vec::new();
        match inflate_run(
            &mut s.z,
            s.zdict.as_deref(),
            &input,
            max,
            InflateFlush::SyncFlush,
            &mut out,
        ) {
            Ok(r) => {
                let rest = &input[r.consumed..];
                if r.end {
                    s.eof = true;
                    s.needs_input = false;
                    s.unused_data.extend_from_slice(rest);
                } else if rest.is_empty() {
                    s.needs_input = !r.full;
                } else {
                    s.needs_input = false;
                    s.buffer = rest.to_vec();
                }
                ZdOut::Data(out)
            }
            Err(e) => {
                let code = match e {
                    InflateError::NeedDict { .. } => 2,
                    InflateError::StreamError => Z_STREAM_ERROR,
                    InflateError::DataError => Z_DATA_ERROR,
                    InflateError::MemError => -4,
                };
                ZdOut::Err(code, s.z.error_message())
            }
        }
    });
    match r {
        Some(ZdOut::Data(out)) => Ok(new_bytes(interp, out)),
        Some(ZdOut::Eof) => Err(interp.err(
            &interp.g.exc.eof_error.clone(),
            "End of stream already reached",
        )),
        Some(ZdOut::Err(code, msg)) => Err(zerr(interp, code, "while decompressing data", msg)),
        None => Err(interp.type_error("not a zlib._ZlibDecompressor object")),
    }
}

fn zd_attr(interp: &mut Interp, args: Args<'_>, which: u8) -> PyResult {
    let me = zd_self(interp, &args, "attribute")?;
    let r = util::with_data::<ZDecomp, _>(interp, me, |s| match which {
        0 => Err(s.eof),
        1 => Err(s.needs_input),
        _ => Ok(s.unused_data.clone()),
    });
    match r {
        Some(Ok(b)) => Ok(new_bytes(interp, b)),
        Some(Err(b)) => Ok(Value::Bool(b)),
        None => Err(interp.type_error("not a zlib._ZlibDecompressor object")),
    }
}
fn zd_eof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    zd_attr(interp, args, 0)
}
fn zd_needs_input(interp: &mut Interp, args: Args<'_>) -> PyResult {
    zd_attr(interp, args, 1)
}
fn zd_unused(interp: &mut Interp, args: Args<'_>) -> PyResult {
    zd_attr(interp, args, 2)
}

fn make_types(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let error = error_class(interp, m, "error", "Exception", "zlib")?;
    let compress_t = util::native_type(
        interp,
        "Compress",
        "zlib",
        &[
            ("compress", c_compress),
            ("flush", c_flush),
            ("copy", no_copy),
            ("__copy__", no_copy),
            ("__deepcopy__", no_copy),
        ],
    );
    let decompress_t = util::native_type(
        interp,
        "Decompress",
        "zlib",
        &[
            ("decompress", d_decompress),
            ("flush", d_flush),
            ("copy", no_copy),
            ("__copy__", no_copy),
            ("__deepcopy__", no_copy),
        ],
    );
    util::add_property(interp, &decompress_t, "eof", d_eof);
    util::add_property(interp, &decompress_t, "unused_data", d_unused);
    util::add_property(interp, &decompress_t, "unconsumed_tail", d_tail);
    let zdecomp_t = util::native_type(
        interp,
        "_ZlibDecompressor",
        "zlib",
        &[("decompress", zd_decompress)],
    );
    add_static(interp, &zdecomp_t, "__new__", zd_new);
    util::add_property(interp, &zdecomp_t, "eof", zd_eof);
    util::add_property(interp, &zdecomp_t, "needs_input", zd_needs_input);
    util::add_property(interp, &zdecomp_t, "unused_data", zd_unused);
    let _ = TYPES.set(Statics(Types {
        error,
        compress_t,
        decompress_t,
        zdecomp_t,
    }));
    Ok(())
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        make_types(interp, m)?;
    }
    let t = types();
    interp.add_value(m, "error", Value::Obj(t.error.clone()));
    interp.add_value(m, "_ZlibDecompressor", Value::Obj(t.zdecomp_t.clone()));
    interp.add_function(m, "compress", compress);
    interp.add_function(m, "decompress", decompress);
    interp.add_function(m, "compressobj", compressobj);
    interp.add_function(m, "decompressobj", decompressobj);
    interp.add_function(m, "crc32", crc32);
    interp.add_function(m, "adler32", adler32);
    let ints: &[(&str, i64)] = &[
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for (n, v) in ints {
        interp.add_value(m, n, Value::Int(*v));
    }
    // zlib-rs implements zlib 1.3.1's interface.
    let ver = interp.new_str("1.3.1");
    interp.add_value(m, "ZLIB_VERSION", ver.clone());
    interp.add_value(m, "ZLIB_RUNTIME_VERSION", ver);
    Ok(())
}
