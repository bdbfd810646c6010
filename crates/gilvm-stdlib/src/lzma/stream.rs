//! A safe owner of a liblzma `lzma_stream` (from `liblzma-sys`, liblzma built from its
//! bundled sources): the encoder and decoder initializers `_lzma` uses, one `lzma_code`
//! call as a [`Codec`] step, the integrity check a decoder found, and `lzma_end` on drop.
//!
//! Invariants: the `lzma_stream` is boxed (liblzma keeps pointers into it between calls)
//! and only touched through `&mut self`; `next_in`/`next_out` point into the slices of
//! the current call only and are cleared after it, so no dangling pointer survives a call.
use liblzma_sys as sys;

use super::filters::FilterChain;
use crate::compress_stream::{Codec, Progress};

/// A liblzma return code that is an error (`LZMA_*_ERROR`, `LZMA_UNSUPPORTED_CHECK`).
pub struct LzmaErr(pub sys::lzma_ret);

pub struct Stream {
    raw: Box<sys::lzma_stream>,
    /// The check a decoder reported (`LZMA_GET_CHECK`/`LZMA_NO_CHECK`).
    pub check: Option<u32>,
}

// SAFETY: the stream's state is owned by this value (liblzma's own allocations, reached
// only through `raw`); liblzma has no thread affinity. Calls are serialized by `&mut self`.
unsafe impl Send for Stream {}

fn ok(r: sys::lzma_ret) -> Result<(), LzmaErr> {
    match r {
        sys::LZMA_OK => Ok(()),
        e => Err(LzmaErr(e)),
    }
}

impl Stream {
    /// Runs `init` on a fresh `LZMA_STREAM_INIT` stream.
    fn make(init: impl FnOnce(*mut sys::lzma_stream) -> sys::lzma_ret) -> Result<Stream, LzmaErr> {
        // SAFETY: `lzma_stream` is a plain C struct whose all-zero value is
        // LZMA_STREAM_INIT (null pointers, zero counts, no allocator).
        let mut raw: Box<sys::lzma_stream> = Box::new(unsafe { std::mem::zeroed() });
        let r = init(&mut *raw);
        // On failure liblzma has freed what it allocated; dropping calls lzma_end, which
        // accepts a stream whose initialization failed.
        let s = Stream { raw, check: None };
        ok(r).map(|()| s)
    }

    pub fn easy_encoder(preset: u32, check: u32) -> Result<Stream, LzmaErr> {
        // SAFETY: `s` is a valid stream (see `make`).
        Self::make(|s| unsafe { sys::lzma_easy_encoder(s, preset, check) })
    }

    pub fn stream_encoder(f: &FilterChain, check: u32) -> Result<Stream, LzmaErr> {
        let chain = f.raw();
        // SAFETY: `chain` is an LZMA_VLI_UNKNOWN-terminated array whose options live in
        // `f`, both alive for the call (liblzma copies what it keeps).
        Self::make(|s| unsafe { sys::lzma_stream_encoder(s, chain.as_ptr(), check) })
    }

    pub fn alone_encoder(opts: &sys::lzma_options_lzma) -> Result<Stream, LzmaErr> {
        // SAFETY: `opts` is a valid options struct alive for the call.
        Self::make(|s| unsafe { sys::lzma_alone_encoder(s, opts) })
    }

    pub fn raw_encoder(f: &FilterChain) -> Result<Stream, LzmaErr> {
        let chain = f.raw();
        // SAFETY: as in `stream_encoder`.
        Self::make(|s| unsafe { sys::lzma_raw_encoder(s, chain.as_ptr()) })
    }

    pub fn auto_decoder(memlimit: u64, flags: u32) -> Result<Stream, LzmaErr> {
        // SAFETY: `s` is a valid stream.
        Self::make(|s| unsafe { sys::lzma_auto_decoder(s, memlimit, flags) })
    }

    pub fn stream_decoder(memlimit: u64, flags: u32) -> Result<Stream, LzmaErr> {
        // SAFETY: `s` is a valid stream.
        Self::make(|s| unsafe { sys::lzma_stream_decoder(s, memlimit, flags) })
    }

    pub fn alone_decoder(memlimit: u64) -> Result<Stream, LzmaErr> {
        // SAFETY: `s` is a valid stream.
        Self::make(|s| unsafe { sys::lzma_alone_decoder(s, memlimit) })
    }

    pub fn raw_decoder(f: &FilterChain) -> Result<Stream, LzmaErr> {
        let chain = f.raw();
        // SAFETY: as in `stream_encoder`.
        Self::make(|s| unsafe { sys::lzma_raw_decoder(s, chain.as_ptr()) })
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        // SAFETY: `raw` was initialized by `make`; lzma_end frees liblzma's state once.
        unsafe { sys::lzma_end(&mut *self.raw) }
    }
}

impl Codec for Stream {
    type Err = LzmaErr;
    fn step(&mut self, input: &[u8], out: &mut [u8], finish: bool) -> Result<Progress, LzmaErr> {
        let action = if finish {
            sys::LZMA_FINISH
        } else {
            sys::LZMA_RUN
        };
        let s = &mut *self.raw;
        s.next_in = input.as_ptr();
        s.avail_in = input.len();
        s.next_out = out.as_mut_ptr();
        s.avail_out = out.len();
        // SAFETY: next_in/avail_in and next_out/avail_out describe the two live slices;
        // liblzma reads and writes only within them during this call.
        let r = unsafe { sys::lzma_code(s, action) };
        let consumed = input.len() - s.avail_in;
        let produced = out.len() - s.avail_out;
        let out_left = s.avail_out;
        s.next_in = std::ptr::null();
        s.avail_in = 0;
        s.next_out = std::ptr::null_mut();
        s.avail_out = 0;
        let progress = |end| Progress {
            consumed,
            produced,
            end,
        };
        match r {
            sys::LZMA_OK => Ok(progress(false)),
            sys::LZMA_STREAM_END => Ok(progress(true)),
            sys::LZMA_GET_CHECK | sys::LZMA_NO_CHECK => {
                // SAFETY: a valid decoder stream.
                self.check = Some(unsafe { sys::lzma_get_check(&*self.raw) });
                Ok(progress(false))
            }
            // No progress possible with what was given: not an error (CPython's loops).
            sys::LZMA_BUF_ERROR if consumed == input.len() && out_left > 0 => Ok(progress(false)),
            e => Err(LzmaErr(e)),
        }
    }
}
