//! The `_lzma` module (CPython's `Modules/_lzmamodule.c`): `LZMACompressor(format, check,
//! preset, filters)` and `LZMADecompressor(format, memlimit, filters)` for the `.xz`,
//! legacy `.lzma` ("alone") and raw formats, custom filter chains (LZMA1/LZMA2, delta,
//! BCJ), `is_check_supported`, `_encode_filter_properties`/`_decode_filter_properties`
//! (what `zipfile` uses for its LZMA members), the FORMAT_/CHECK_/FILTER_/MF_/MODE_/
//! PRESET_ constants and `LZMAError`.
//!
//! liblzma itself is C: the `liblzma-sys` crate builds xz's bundled sources with the C
//! compiler ("static" feature: no system library is needed or used). Why not a pure-Rust
//! crate: none has the `.xz` encoder with filter chains, integrity checks and the raw/alone
//! formats that the Lib's `lzma` and its tests use. `stream.rs` owns the `lzma_stream`
//! (the only unsafe code besides the property calls below), `filters.rs` parses filter
//! specifiers, the loops are [`crate::compress_stream`]'s.
mod filters;
mod stream;

use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics};
use liblzma_sys as sys;

use crate::common::{buffer_arg, error_class, new_bytes};
use crate::compress_stream::{self, Decomp};
use filters::{parse_chain, parse_filter, preset_options, uint32};
use stream::{LzmaErr, Stream};

struct Types {
    error: ObjRef,
    compressor: ObjRef,
    decompressor: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types() -> &'static Types {
    &TYPES.get().expect("_lzma initialized").0
}

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FORMAT_RAW: i64 = 3;
/// LZMA_CHECK_ID_MAX + 1.
const CHECK_UNKNOWN: i64 = 16;

pub(crate) fn lzma_error(interp: &Interp, msg: impl Into<String>) -> PyErr {
    interp.err(&types().error, msg)
}

/// CPython's `catch_lzma_error`.
fn lib_err(interp: &Interp, e: LzmaErr) -> PyErr {
    let msg = match e.0 {
        sys::LZMA_UNSUPPORTED_CHECK => "Unsupported integrity check",
        sys::LZMA_MEM_ERROR => return interp.err(&interp.g.exc.memory_error.clone(), ""),
        sys::LZMA_MEMLIMIT_ERROR => "Memory usage limit exceeded",
        sys::LZMA_FORMAT_ERROR => "Input format not supported by decoder",
        sys::LZMA_OPTIONS_ERROR => "Invalid or unsupported options",
        sys::LZMA_DATA_ERROR => "Corrupt input data",
        sys::LZMA_BUF_ERROR => "Insufficient buffer space",
        sys::LZMA_PROG_ERROR => "Internal error",
        n => return lzma_error(interp, format!("Unrecognized error from liblzma: {n}")),
    };
    lzma_error(interp, msg)
}

fn cls_arg(interp: &Interp, args: &Args<'_>, name: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => Ok(t.clone()),
        _ => Err(interp.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn c_int(interp: &mut Interp, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => {
            let n = interp.index_value(v)?;
            if i32::try_from(n).is_err() {
                let which = if n < 0 {
                    "less than minimum"
                } else {
                    "greater than maximum"
                };
                return Err(interp.overflow_error(format!("signed integer is {which}")));
            }
            Ok(n)
        }
    }
}

fn is_none(v: &Option<Value>) -> bool {
    matches!(v, None | Some(Value::None))
}

// ---- LZMACompressor ----

struct CompState {
    s: Stream,
    flushed: bool,
}

fn comp_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_arg(interp, &args, "LZMACompressor")?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(
        interp,
        &rest,
        "LZMACompressor",
        &["format", "check", "preset", "filters"],
        0,
    )?;
    let format = c_int(interp, &a[0], FORMAT_XZ)?;
    let check = c_int(interp, &a[1], -1)?;
    if format != FORMAT_XZ && check != -1 && check != sys::LZMA_CHECK_NONE as i64 {
        return Err(interp.value_error("Integrity checks are only supported by FORMAT_XZ"));
    }
    let (preset_v, filters_v) = (&a[2], &a[3]);
    if !is_none(preset_v) && !is_none(filters_v) {
        return Err(interp.value_error("Cannot specify both preset and filter chain"));
    }
    let preset = match preset_v {
        Some(v) if !v.is_none() => uint32(interp, v)?,
        _ => sys::LZMA_PRESET_DEFAULT,
    };
    let chain = match filters_v {
        Some(v) if !v.is_none() => Some(parse_chain(interp, v)?),
        _ => None,
    };
    let s = match format {
        FORMAT_XZ => {
            let check = if check == -1 {
                sys::LZMA_CHECK_CRC64
            } else {
                check as u32
            };
            match &chain {
                None => Stream::easy_encoder(preset, check),
                Some(c) => Stream::stream_encoder(c, check),
            }
        }
        FORMAT_ALONE => match &chain {
            None => {
                let o = preset_options(interp, preset)?;
                Stream::alone_encoder(&o)
            }
            Some(c) => match c.0.as_slice() {
                [f] if f.id == sys::LZMA_FILTER_LZMA1 => match &f.opts {
                    filters::Options::Lzma(o) => Stream::alone_encoder(o),
                    _ => Err(LzmaErr(sys::LZMA_PROG_ERROR)),
                },
                _ => {
                    return Err(interp.value_error(
                        "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter",
                    ))
                }
            },
        },
        FORMAT_RAW => match &chain {
            None => return Err(interp.value_error("Must specify filters for FORMAT_RAW")),
            Some(c) => Stream::raw_encoder(c),
        },
        _ => return Err(interp.value_error(format!("Invalid container format: {format}"))),
    };
    let s = s.map_err(|e| lib_err(interp, e))?;
    Ok(util::native_obj(
        interp,
        &cls,
        CompState { s, flushed: false },
    ))
}

fn self_arg<'a, T: 'static>(interp: &Interp, args: &Args<'a>, what: &str) -> PyResult<&'a Value> {
    compress_stream::self_arg::<T>(interp, args, "_lzma", what)
}

type Out = compress_stream::Out<LzmaErr>;

fn finish_out(interp: &Interp, r: Option<Out>, eof_is_error: bool) -> PyResult {
    compress_stream::finish_out(
        interp,
        r,
        eof_is_error,
        lib_err,
        "not an _lzma stream object",
    )
}

fn comp_compress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = self_arg::<CompState>(interp, &args, "LZMACompressor")?;
    let p = args.exact(interp, "compress", 2, 2)?;
    let data = buffer_arg(interp, &p[1])?;
    let r = util::with_data::<CompState, _>(interp, me, |c| {
        if c.flushed {
            return Out::Msg("Compressor has been flushed");
        }
        match compress_stream::compress(&mut c.s, &data, false) {
            Ok(b) => Out::Data(b),
            Err(e) => Out::Lib(e),
        }
    });
    finish_out(interp, r, false)
}

fn comp_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = self_arg::<CompState>(interp, &args, "LZMACompressor")?;
    args.exact(interp, "flush", 1, 1)?;
    let r = util::with_data::<CompState, _>(interp, me, |c| {
        if c.flushed {
            return Out::Msg("Repeated call to flush()");
        }
        c.flushed = true;
        match compress_stream::compress(&mut c.s, &[], true) {
            Ok(b) => Out::Data(b),
            Err(e) => Out::Lib(e),
        }
    });
    finish_out(interp, r, false)
}

// ---- LZMADecompressor ----

struct DecompState {
    d: Decomp<Stream>,
    /// The check before the stream tells it (CHECK_UNKNOWN, or CHECK_NONE for formats
    /// without one).
    check0: i64,
}

fn decomp_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_arg(interp, &args, "LZMADecompressor")?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(
        interp,
        &rest,
        "LZMADecompressor",
        &["format", "memlimit", "filters"],
        0,
    )?;
    let format = c_int(interp, &a[0], FORMAT_AUTO)?;
    let mut memlimit = u64::MAX;
    if let Some(v) = a[1].as_ref().filter(|v| !v.is_none()) {
        if format == FORMAT_RAW {
            return Err(interp.value_error("Cannot specify memory limit with FORMAT_RAW"));
        }
        memlimit = filters::uint64(interp, v)?;
    }
    let has_filters = !is_none(&a[2]);
    if format == FORMAT_RAW && !has_filters {
        return Err(interp.value_error("Must specify filters for FORMAT_RAW"));
    } else if format != FORMAT_RAW && has_filters {
        return Err(interp.value_error("Cannot specify filters except with FORMAT_RAW"));
    }
    let flags = sys::LZMA_TELL_ANY_CHECK | sys::LZMA_TELL_NO_CHECK;
    let (s, check0) = match format {
        FORMAT_AUTO => (Stream::auto_decoder(memlimit, flags), CHECK_UNKNOWN),
        FORMAT_XZ => (Stream::stream_decoder(memlimit, flags), CHECK_UNKNOWN),
        FORMAT_ALONE => (Stream::alone_decoder(memlimit), 0),
        FORMAT_RAW => {
            let chain = parse_chain(interp, a[2].as_ref().unwrap_or(&Value::None))?;
            (Stream::raw_decoder(&chain), 0)
        }
        _ => return Err(interp.value_error(format!("Invalid container format: {format}"))),
    };
    let s = s.map_err(|e| lib_err(interp, e))?;
    Ok(util::native_obj(
        interp,
        &cls,
        DecompState {
            d: Decomp::new(s),
            check0,
        },
    ))
}

fn decomp_decompress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = self_arg::<DecompState>(interp, &args, "LZMADecompressor")?;
    let rest = Args {
        all: &args.all[1..],
        kwnames: args.kwnames,
    };
    let a = util::bind(interp, &rest, "decompress", &["data", "max_length"], 1)?;
    let max = match &a[1] {
        Some(v) => interp.index_value(v)?,
        None => -1,
    };
    let data = buffer_arg(interp, a[0].as_ref().unwrap_or(&Value::None))?;
    let r = util::with_data::<DecompState, _>(interp, me, |s| {
        if s.d.eof {
            return Out::Msg("Already at end of stream");
        }
        match s.d.decompress(&data, max) {
            Ok(b) => Out::Data(b),
            Err(e) => Out::Lib(e),
        }
    });
    finish_out(interp, r, true)
}

fn decomp_attr(interp: &mut Interp, args: Args<'_>, which: u8) -> PyResult {
    let me = self_arg::<DecompState>(interp, &args, "LZMADecompressor")?;
    let r = util::with_data::<DecompState, _>(interp, me, |s| match which {
        0 => Ok(Value::Bool(s.d.eof)),
        1 => Ok(Value::Bool(s.d.needs_input)),
        2 => Ok(Value::Int(s.d.codec.check.map_or(s.check0, |c| c as i64))),
        _ => Err(s.d.unused_data.clone()),
    });
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(b)) => Ok(new_bytes(interp, b)),
        None => Err(interp.type_error("not an _lzma.LZMADecompressor object")),
    }
}
fn decomp_eof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 0)
}
fn decomp_needs_input(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 1)
}
fn decomp_check(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 2)
}
fn decomp_unused(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 3)
}

// ---- module functions ----

fn is_check_supported(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "is_check_supported", 1, 1)?;
    let id = interp.index_value(&p[0])?;
    let ok = match u32::try_from(id) {
        // SAFETY: a pure function of its argument.
        Ok(c) => unsafe { sys::lzma_check_is_supported(c) != 0 },
        Err(_) => false,
    };
    Ok(Value::Bool(ok))
}

fn encode_filter_properties(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "_encode_filter_properties", 1, 1)?;
    let f = parse_filter(interp, &p[0])?;
    let chain = filters::FilterChain(vec![f]);
    let raw = chain.raw();
    let mut size: u32 = 0;
    // SAFETY: `raw[0]` points to options owned by `chain`, alive for both calls.
    let r = unsafe { sys::lzma_properties_size(&mut size, &raw[0]) };
    if r != sys::LZMA_OK {
        return Err(lib_err(interp, LzmaErr(r)));
    }
    let mut out = vec![0u8; size as usize];
    // SAFETY: `out` has the `size` bytes lzma_properties_size asked for.
    let r = unsafe { sys::lzma_properties_encode(&raw[0], out.as_mut_ptr()) };
    if r != sys::LZMA_OK {
        return Err(lib_err(interp, LzmaErr(r)));
    }
    Ok(new_bytes(interp, out))
}

fn decode_filter_properties(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "_decode_filter_properties", 2, 2)?;
    let id = filters::uint64(interp, &p[0])?;
    let props = buffer_arg(interp, &p[1])?;
    let mut f = sys::lzma_filter {
        id,
        options: std::ptr::null_mut(),
    };
    // SAFETY: `props` is a live slice; with a null allocator liblzma mallocs the options.
    let r = unsafe {
        sys::lzma_properties_decode(&mut f, std::ptr::null(), props.as_ptr(), props.len())
    };
    if r != sys::LZMA_OK {
        return Err(lib_err(interp, LzmaErr(r)));
    }
    // SAFETY: on success `f.options` is the options struct of filter `id` (or null).
    let spec = unsafe { filters::build_spec(interp, id, f.options) };
    // SAFETY: allocated by liblzma with the default allocator (malloc); freed once.
    unsafe { libc::free(f.options) };
    spec
}

fn make_types(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let error = error_class(interp, m, "LZMAError", "Exception", "_lzma")?;
    let compressor = util::native_type(
        interp,
        "LZMACompressor",
        "_lzma",
        &[
            ("compress", comp_compress),
            ("flush", comp_flush),
            ("__reduce__", crate::bz2::no_pickle),
        ],
    );
    add_static(interp, &compressor, "__new__", comp_new);
    let decompressor = util::native_type(
        interp,
        "LZMADecompressor",
        "_lzma",
        &[
            ("decompress", decomp_decompress),
            ("__reduce__", crate::bz2::no_pickle),
        ],
    );
    add_static(interp, &decompressor, "__new__", decomp_new);
    util::add_property(interp, &decompressor, "check", decomp_check);
    util::add_property(interp, &decompressor, "eof", decomp_eof);
    util::add_property(interp, &decompressor, "needs_input", decomp_needs_input);
    util::add_property(interp, &decompressor, "unused_data", decomp_unused);
    let _ = TYPES.set(Statics(Types {
        error,
        compressor,
        decompressor,
    }));
    Ok(())
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        make_types(interp, m)?;
    }
    let t = types();
    interp.add_value(m, "LZMAError", Value::Obj(t.error.clone()));
    interp.add_value(m, "LZMACompressor", Value::Obj(t.compressor.clone()));
    interp.add_value(m, "LZMADecompressor", Value::Obj(t.decompressor.clone()));
    interp.add_function(m, "is_check_supported", is_check_supported);
    interp.add_function(m, "_encode_filter_properties", encode_filter_properties);
    interp.add_function(m, "_decode_filter_properties", decode_filter_properties);
    let ints: &[(&str, i64)] = &[
        ("FORMAT_AUTO", FORMAT_AUTO),
        ("FORMAT_XZ", FORMAT_XZ),
        ("FORMAT_ALONE", FORMAT_ALONE),
        ("FORMAT_RAW", FORMAT_RAW),
        ("CHECK_NONE", sys::LZMA_CHECK_NONE as i64),
        ("CHECK_CRC32", sys::LZMA_CHECK_CRC32 as i64),
        ("CHECK_CRC64", sys::LZMA_CHECK_CRC64 as i64),
        ("CHECK_SHA256", sys::LZMA_CHECK_SHA256 as i64),
        ("CHECK_ID_MAX", 15),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN),
        ("FILTER_LZMA1", sys::LZMA_FILTER_LZMA1 as i64),
        ("FILTER_LZMA2", sys::LZMA_FILTER_LZMA2 as i64),
        ("FILTER_DELTA", sys::LZMA_FILTER_DELTA as i64),
        ("FILTER_X86", sys::LZMA_FILTER_X86 as i64),
        ("FILTER_IA64", sys::LZMA_FILTER_IA64 as i64),
        ("FILTER_ARM", sys::LZMA_FILTER_ARM as i64),
        ("FILTER_ARMTHUMB", sys::LZMA_FILTER_ARMTHUMB as i64),
        ("FILTER_SPARC", sys::LZMA_FILTER_SPARC as i64),
        ("FILTER_POWERPC", sys::LZMA_FILTER_POWERPC as i64),
        ("MF_HC3", sys::LZMA_MF_HC3 as i64),
        ("MF_HC4", sys::LZMA_MF_HC4 as i64),
        ("MF_BT2", sys::LZMA_MF_BT2 as i64),
        ("MF_BT3", sys::LZMA_MF_BT3 as i64),
        ("MF_BT4", sys::LZMA_MF_BT4 as i64),
        ("MODE_FAST", sys::LZMA_MODE_FAST as i64),
        ("MODE_NORMAL", sys::LZMA_MODE_NORMAL as i64),
        ("PRESET_DEFAULT", sys::LZMA_PRESET_DEFAULT as i64),
        ("PRESET_EXTREME", sys::LZMA_PRESET_EXTREME as i64),
    ];
    for (n, v) in ints {
        interp.add_value(m, n, Value::Int(*v));
    }
    Ok(())
}
