//! The `_bz2` module (CPython's `Modules/_bz2module.c`): `BZ2Compressor(compresslevel=9, /)`
//! with `compress`/`flush`, and `BZ2Decompressor()` with `decompress(data, max_length=-1)`,
//! `eof`, `needs_input` and `unused_data`, as the Lib's `bz2` module drives them.
//!
//! bzip2 comes from the `bzip2` crate on its pure-Rust backend (`libbz2-rs-sys`, a port of
//! libbzip2 1.0.8): no C library is needed. The streaming loops are in
//! [`crate::compress_stream`]; each object keeps its stream behind its object lock and runs
//! a whole call in one critical section that runs no Python code (CPython holds the
//! object's lock the same way). Neither type can be pickled or subclassed, as in CPython.
use std::sync::OnceLock;

use bzip2::{Action, Compress, Compression, Decompress, Error, Status};
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::add_static;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics};

use crate::common::{buffer_arg, new_bytes};
use crate::compress_stream::{self, Codec, Decomp, Progress};

struct Types {
    compressor: ObjRef,
    decompressor: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn types() -> &'static Types {
    &TYPES.get().expect("_bz2 initialized").0
}

/// CPython's `catch_bz2_error` for the errors the crate reports.
fn bz_err(interp: &Interp, e: Error) -> PyErr {
    match e {
        Error::Param => {
            interp.value_error("Internal error - invalid parameters passed to libbzip2")
        }
        Error::Data | Error::DataMagic => {
            interp.err(&interp.g.exc.os_error.clone(), "Invalid data stream")
        }
        Error::Sequence => {
            interp.runtime_error("Internal error - Invalid sequence of commands sent to libbzip2")
        }
    }
}

struct Enc(Compress);

impl Codec for Enc {
    type Err = Error;
    fn step(&mut self, input: &[u8], out: &mut [u8], finish: bool) -> Result<Progress, Error> {
        let (i0, o0) = (self.0.total_in(), self.0.total_out());
        let action = if finish { Action::Finish } else { Action::Run };
        let st = self.0.compress(input, out, action)?;
        Ok(Progress {
            consumed: (self.0.total_in() - i0) as usize,
            produced: (self.0.total_out() - o0) as usize,
            end: st == Status::StreamEnd,
        })
    }
}

struct Dec(Decompress);

impl Codec for Dec {
    type Err = Error;
    fn step(&mut self, input: &[u8], out: &mut [u8], _finish: bool) -> Result<Progress, Error> {
        let (i0, o0) = (self.0.total_in(), self.0.total_out());
        let st = self.0.decompress(input, out)?;
        Ok(Progress {
            consumed: (self.0.total_in() - i0) as usize,
            produced: (self.0.total_out() - o0) as usize,
            end: st == Status::StreamEnd,
        })
    }
}

struct CompState {
    enc: Enc,
    flushed: bool,
}

fn cls_arg(interp: &Interp, args: &Args<'_>, name: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => Ok(t.clone()),
        _ => Err(interp.type_error(format!("{name}.__new__(X): X is not a type object"))),
    }
}

fn comp_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_arg(interp, &args, "BZ2Compressor")?;
    if args.has_kwargs() {
        return Err(interp.type_error("BZ2Compressor() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(interp.type_error(format!(
            "BZ2Compressor expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let level = match pos.first() {
        Some(v) => interp.index_value(v)?,
        None => 9,
    };
    if !(1..=9).contains(&level) {
        return Err(interp.value_error("compresslevel must be between 1 and 9"));
    }
    let enc = Enc(Compress::new(Compression::new(level as u32), 0));
    Ok(util::native_obj(
        interp,
        &cls,
        CompState {
            enc,
            flushed: false,
        },
    ))
}

fn self_arg<'a, T: 'static>(interp: &Interp, args: &Args<'a>, what: &str) -> PyResult<&'a Value> {
    compress_stream::self_arg::<T>(interp, args, "_bz2", what)
}

type Out = compress_stream::Out<Error>;

fn finish_out(interp: &Interp, r: Option<Out>, eof_is_error: bool) -> PyResult {
    compress_stream::finish_out(interp, r, eof_is_error, bz_err, "not a _bz2 stream object")
}

fn comp_compress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = self_arg::<CompState>(interp, &args, "BZ2Compressor")?;
    let p = args.exact(interp, "compress", 2, 2)?;
    let data = buffer_arg(interp, &p[1])?;
    let r = util::with_data::<CompState, _>(interp, me, |s| {
        if s.flushed {
            return Out::Msg("Compressor has been flushed");
        }
        match compress_stream::compress(&mut s.enc, &data, false) {
            Ok(b) => Out::Data(b),
            Err(e) => Out::Lib(e),
        }
    });
    finish_out(interp, r, false)
}

fn comp_flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = self_arg::<CompState>(interp, &args, "BZ2Compressor")?;
    args.exact(interp, "flush", 1, 1)?;
    let r = util::with_data::<CompState, _>(interp, me, |s| {
        if s.flushed {
            return Out::Msg("Repeated call to flush()");
        }
        s.flushed = true;
        match compress_stream::compress(&mut s.enc, &[], true) {
            Ok(b) => Out::Data(b),
            Err(e) => Out::Lib(e),
        }
    });
    finish_out(interp, r, false)
}

fn decomp_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = cls_arg(interp, &args, "BZ2Decompressor")?;
    if args.pos().len() > 1 {
        return Err(interp.type_error("BZ2Decompressor() takes no positional arguments"));
    }
    if args.has_kwargs() {
        return Err(interp.type_error("BZ2Decompressor() takes no keyword arguments"));
    }
    let d = Decomp::new(Dec(Decompress::new(false)));
    Ok(util::native_obj(interp, &cls, d))
}

type DecompState = Decomp<Dec>;

fn decomp_decompress(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = self_arg::<DecompState>(interp, &args, "BZ2Decompressor")?;
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
        if s.eof {
            return Out::Msg("End of stream already reached");
        }
        match s.decompress(&data, max) {
            Ok(b) => Out::Data(b),
            Err(e) => Out::Lib(e),
        }
    });
    finish_out(interp, r, true)
}

fn decomp_attr(interp: &mut Interp, args: Args<'_>, which: u8) -> PyResult {
    let me = self_arg::<DecompState>(interp, &args, "BZ2Decompressor")?;
    let r = util::with_data::<DecompState, _>(interp, me, |s| match which {
        0 => Err(s.eof),
        1 => Err(s.needs_input),
        _ => Ok(s.unused_data.clone()),
    });
    match r {
        Some(Ok(b)) => Ok(new_bytes(interp, b)),
        Some(Err(b)) => Ok(Value::Bool(b)),
        None => Err(interp.type_error("not a _bz2.BZ2Decompressor object")),
    }
}
fn decomp_eof(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 0)
}
fn decomp_needs_input(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 1)
}
fn decomp_unused(interp: &mut Interp, args: Args<'_>) -> PyResult {
    decomp_attr(interp, args, 2)
}

/// `__reduce__`: CPython's "cannot pickle '_bz2.BZ2Compressor' object".
pub fn no_pickle(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = match args.pos().first() {
        Some(v) => interp.type_name(v),
        None => "object".to_string(),
    };
    Err(interp.type_error(format!("cannot pickle '{name}' object")))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        let compressor = util::native_type(
            interp,
            "BZ2Compressor",
            "_bz2",
            &[
                ("compress", comp_compress),
                ("flush", comp_flush),
                ("__reduce__", no_pickle),
            ],
        );
        add_static(interp, &compressor, "__new__", comp_new);
        let decompressor = util::native_type(
            interp,
            "BZ2Decompressor",
            "_bz2",
            &[("decompress", decomp_decompress), ("__reduce__", no_pickle)],
        );
        add_static(interp, &decompressor, "__new__", decomp_new);
        util::add_property(interp, &decompressor, "eof", decomp_eof);
        util::add_property(interp, &decompressor, "needs_input", decomp_needs_input);
        util::add_property(interp, &decompressor, "unused_data", decomp_unused);
        let _ = TYPES.set(Statics(Types {
            compressor,
            decompressor,
        }));
    }
    let t = types();
    interp.add_value(m, "BZ2Compressor", Value::Obj(t.compressor.clone()));
    interp.add_value(m, "BZ2Decompressor", Value::Obj(t.decompressor.clone()));
    Ok(())
}
