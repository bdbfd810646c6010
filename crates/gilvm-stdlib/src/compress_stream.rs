//! The streaming loops shared by `_bz2` and `_lzma` (CPython's `Modules/_bz2module.c` and
//! `_lzmamodule.c` have the same two loops, one per library).
//!
//! A library is seen through [`Codec`]: one call consumes some input and produces some
//! output into a buffer it is given. [`compress`] feeds a whole input (or finishes the
//! stream) and collects the output; [`Decomp`] is the state of a decompressor object as the
//! Lib's `_compression.DecompressReader` drives it: `decompress(data, max_length)` returns
//! at most `max_length` bytes, keeps the input it could not consume yet for the next call,
//! and tells through `needs_input` whether the next call needs more input (false when
//! output is pending inside the library or in the kept input), `eof` once the stream ended
//! (what follows it is `unused_data`).
//!
//! Invariants: no Python code runs here (the callers run these loops under the object's
//! lock). A library may make a call without consuming or producing anything (liblzma
//! steps its internal state so), but not many in a row: a loop stops after
//! [`STALLS`] such calls, so a library that stalls cannot hang the interpreter.
use std::borrow::Cow;

use gilvm_object::Value;
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util;

/// What a compressor's or decompressor's method computed under the object's lock: the
/// bytes, the library's error (`E`), or a message of the method's own.
pub enum Out<E> {
    Data(Vec<u8>),
    Lib(E),
    Msg(&'static str),
}

/// The method's result from its [`Out`] (`None`: the object was not of the module's type):
/// a message is an `EOFError` when `eof_is_error`, else a `ValueError`.
pub fn finish_out<E>(
    interp: &Interp,
    r: Option<Out<E>>,
    eof_is_error: bool,
    lib_err: fn(&Interp, E) -> PyErr,
    not_stream: &str,
) -> PyResult {
    match r {
        Some(Out::Data(b)) => Ok(crate::common::new_bytes(interp, b)),
        Some(Out::Lib(e)) => Err(lib_err(interp, e)),
        Some(Out::Msg(m)) if eof_is_error => Err(interp.err(&interp.g.exc.eof_error.clone(), m)),
        Some(Out::Msg(m)) => Err(interp.value_error(m)),
        None => Err(interp.type_error(not_stream.to_string())),
    }
}

/// A method's `self`: an object whose native state is a `T`, with CPython's descriptor
/// message naming `module.what` otherwise.
pub fn self_arg<'a, T: 'static>(
    interp: &Interp,
    args: &Args<'a>,
    module: &str,
    what: &str,
) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) if util::is_data::<T>(interp, v) => Ok(v),
        Some(v) => Err(interp.type_error(format!(
            "descriptor for '{module}.{what}' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
        None => Err(interp.type_error("descriptor needs an argument")),
    }
}

/// What one call of the library did.
pub struct Progress {
    pub consumed: usize,
    pub produced: usize,
    /// The end of the stream was reached (written when compressing, read when decompressing).
    pub end: bool,
}

/// A compression or decompression stream of a library.
pub trait Codec {
    type Err;
    /// One call: consumes from `input`, writes into `out` (never empty). `finish` asks a
    /// compressor to end the stream; decompressors ignore it.
    fn step(&mut self, input: &[u8], out: &mut [u8], finish: bool) -> Result<Progress, Self::Err>;
}

const INITIAL: usize = 8192;
/// Consecutive calls without progress after which a loop gives up.
const STALLS: u32 = 32;

/// The next size of an output buffer of `len` bytes (at most `max`).
fn grow(len: usize, max: Option<usize>) -> usize {
    let n = (len + (len >> 1)).max(INITIAL);
    match max {
        Some(m) => n.min(m),
        None => n,
    }
}

/// Compresses all of `input` (`finish`: and ends the stream), returning the output.
pub fn compress<C: Codec>(c: &mut C, input: &[u8], finish: bool) -> Result<Vec<u8>, C::Err> {
    let mut out = vec![0u8; INITIAL.max(input.len() / 4)];
    let (mut at, mut filled, mut stalls) = (0, 0, 0);
    loop {
        if !finish && at == input.len() {
            break;
        }
        if filled == out.len() {
            out.resize(grow(out.len(), None), 0);
        }
        let p = c.step(&input[at..], &mut out[filled..], finish)?;
        at += p.consumed;
        filled += p.produced;
        if finish && p.end {
            break;
        }
        stalls = if p.consumed == 0 && p.produced == 0 {
            stalls + 1
        } else {
            0
        };
        if stalls >= STALLS {
            break;
        }
    }
    out.truncate(filled);
    Ok(out)
}

/// The state of a decompressor object.
pub struct Decomp<C> {
    pub codec: C,
    pub eof: bool,
    pub needs_input: bool,
    pub unused_data: Vec<u8>,
    /// Input given to an earlier call and not consumed yet.
    pending: Vec<u8>,
}

impl<C: Codec> Decomp<C> {
    pub fn new(codec: C) -> Self {
        Decomp {
            codec,
            eof: false,
            needs_input: true,
            unused_data: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// Decompresses `data` (after the kept input); `max_length < 0`: no limit. The caller
    /// checks `eof` first (each module has its own message).
    pub fn decompress(&mut self, data: &[u8], max_length: i64) -> Result<Vec<u8>, C::Err> {
        let input: Cow<'_, [u8]> = if self.pending.is_empty() {
            Cow::Borrowed(data)
        } else {
            let mut p = std::mem::take(&mut self.pending);
            p.extend_from_slice(data);
            Cow::Owned(p)
        };
        let max = usize::try_from(max_length).ok();
        let first = INITIAL.max(input.len().saturating_mul(2).min(1 << 20));
        let mut out = vec![0u8; max.map_or(first, |m| m.min(first))];
        let (mut at, mut filled, mut stalls) = (0, 0, 0);
        let full = |filled: usize| max.is_some_and(|m| filled >= m);
        loop {
            if filled == out.len() {
                if full(filled) {
                    break;
                }
                out.resize(grow(out.len(), max), 0);
            }
            // An error drops the kept input, as CPython's (the stream is unusable).
            let p = self.codec.step(&input[at..], &mut out[filled..], false)?;
            at += p.consumed;
            filled += p.produced;
            if p.end {
                self.eof = true;
                break;
            }
            stalls = if p.consumed == 0 && p.produced == 0 {
                stalls + 1
            } else {
                0
            };
            if (filled < out.len() && at == input.len()) || stalls >= STALLS {
                break;
            }
        }
        out.truncate(filled);
        let rest = &input[at..];
        if self.eof {
            self.needs_input = false;
            self.unused_data = rest.to_vec();
        } else if rest.is_empty() {
            // A full output buffer may leave output inside the library: ask for none.
            self.needs_input = !full(filled);
        } else {
            self.needs_input = false;
            self.pending = rest.to_vec();
        }
        Ok(out)
    }
}
