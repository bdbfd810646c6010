//! `_pickle._Out`: the Pickler's output buffer and framer (it stands where the Lib's
//! `_Framer` stands: `pickler.framer`, with `write`, `write_large_bytes`,
//! `start_framing`, `end_framing`, `commit_frame` and `_FRAME_SIZE_TARGET`).
//!
//! Everything the pickler writes goes into one `Vec<u8>`; the file's `write` is called
//! when a protocol 4+ frame is committed (at 64 KiB, at the start of a `save`, as the
//! Lib's framer does), before a large bytes/str payload written outside any frame, and at
//! the end of `dump`. Without framing (protocols 0-3) the whole pickle is written at the
//! end, as CPython's `_pickle` does; the bytes are the same either way.
//!
//! **Invariants.** While framing, `frame` is the offset in `buf` of a 9-byte placeholder
//! for the FRAME header, followed by the frame's payload. The state sits in the native
//! object's `ObjCell`; Python code (the file's `write`) is only called after the state
//! was put back, so no lock is held across it. `take`/`put` let the Rust `save`
//! (pickler.rs) work on the buffer directly between two Python calls.
use gilvm_object::{ObjRef, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{native_obj, with_data};

use super::opcodes::{FRAME, FRAME_SIZE_MIN, FRAME_SIZE_TARGET};
use crate::common::{buffer_arg, new_bytes, GcRefs};

/// The buffer's state.
pub struct Out {
    pub file_write: Value,
    pub buf: Vec<u8>,
    pub frame: Option<usize>,
    /// The buffer is moved out (a Rust `save` is writing into it). Another thread that
    /// reaches the same Pickler meanwhile (free-threaded build) gets a RuntimeError.
    pub taken: bool,
}

impl GcRefs for Out {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.file_write);
    }
    fn clear_refs(&mut self, out: &mut Vec<Value>) {
        crate::common::take_ref(&mut self.file_write, out);
    }
}

/// The working part of the state, moved out of the object while Rust writes into it.
pub struct Taken {
    pub buf: Vec<u8>,
    pub frame: Option<usize>,
}

impl Taken {
    /// Bytes in the current frame, if framing.
    pub fn frame_len(&self) -> Option<usize> {
        self.frame.map(|s| self.buf.len().saturating_sub(s + 9))
    }
}

fn not_out(interp: &Interp) -> gilvm_vm::error::PyErr {
    interp.type_error("descriptor requires a '_pickle._Out' object")
}

fn in_use(interp: &Interp) -> gilvm_vm::error::PyErr {
    interp.runtime_error("the Pickler is in use by another thread")
}

/// Moves the buffer out of `out`.
pub fn take(interp: &Interp, out: &Value) -> PyResult<Taken> {
    let r = with_data(interp, out, |o: &mut Out| {
        if o.taken {
            return None;
        }
        o.taken = true;
        Some(Taken {
            buf: std::mem::take(&mut o.buf),
            frame: o.frame,
        })
    })
    .ok_or_else(|| not_out(interp))?;
    r.ok_or_else(|| in_use(interp))
}

/// Puts the buffer back into `out`.
pub fn put(interp: &Interp, out: &Value, t: Taken) {
    with_data(interp, out, |o: &mut Out| {
        o.buf = t.buf;
        o.frame = t.frame;
        o.taken = false;
    });
}

/// Runs `f` on the state unless the buffer is moved out.
fn with_out<R>(interp: &Interp, out: &Value, f: impl FnOnce(&mut Out) -> R) -> PyResult<R> {
    let r = with_data(interp, out, |o: &mut Out| (!o.taken).then(|| f(o)))
        .ok_or_else(|| not_out(interp))?;
    r.ok_or_else(|| in_use(interp))
}

/// Finishes the current frame in place (its FRAME header, or no header when it is too
/// short) and, if `reopen`, starts the next one after it: `_dumps_fast`, which keeps the
/// whole pickle in memory.
pub fn close_frame(t: &mut Taken, reopen: bool) {
    let Some(start) = t.frame else { return };
    let Some(n) = t.buf.len().checked_sub(start + 9) else {
        t.frame = None;
        return;
    };
    if n >= FRAME_SIZE_MIN {
        t.buf[start] = FRAME;
        t.buf[start + 1..start + 9].copy_from_slice(&(n as u64).to_le_bytes());
    } else {
        t.buf.drain(start..start + 9);
    }
    t.frame = None;
    if reopen {
        t.frame = Some(t.buf.len());
        t.buf.extend_from_slice(&[0; 9]);
    }
}

/// Ends the current frame when it reached the target size (or `force`), writes the buffer
/// to the file and starts a new frame. A no-op when not framing.
pub fn commit(interp: &mut Interp, out: &Value, force: bool) -> PyResult<()> {
    let mut t = take(interp, out)?;
    let Some(start) = t.frame else {
        put(interp, out, t);
        return Ok(());
    };
    let Some(n) = t.buf.len().checked_sub(start + 9) else {
        // Not the frame this buffer started (never in one thread): start over.
        t.frame = None;
        put(interp, out, t);
        return Ok(());
    };
    if n < FRAME_SIZE_TARGET && !force {
        put(interp, out, t);
        return Ok(());
    }
    if n >= FRAME_SIZE_MIN {
        t.buf[start] = FRAME;
        t.buf[start + 1..start + 9].copy_from_slice(&(n as u64).to_le_bytes());
    } else {
        t.buf.drain(start..start + 9);
    }
    let data = std::mem::take(&mut t.buf);
    // The next frame's placeholder.
    t.buf.extend_from_slice(&[0; 9]);
    t.frame = Some(0);
    put(interp, out, t);
    write_file(interp, out, data)
}

/// Writes everything buffered to the file (not framing).
pub fn flush(interp: &mut Interp, out: &Value) -> PyResult<()> {
    let mut t = take(interp, out)?;
    let data = std::mem::take(&mut t.buf);
    put(interp, out, t);
    if data.is_empty() {
        return Ok(());
    }
    write_file(interp, out, data)
}

fn write_file(interp: &mut Interp, out: &Value, data: Vec<u8>) -> PyResult<()> {
    let w = with_data(interp, out, |o: &mut Out| o.file_write.clone()).unwrap_or(Value::None);
    let b = new_bytes(interp, data);
    interp.call(&w, Args::new(&[b]))?;
    Ok(())
}

/// `_Out(file_write)`.
pub fn out_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_Out", 2, 2)?;
    let cls = match &a[0] {
        Value::Obj(t) => t.clone(),
        _ => return Err(interp.type_error("_Out.__new__(X): X is not a type object")),
    };
    Ok(native_obj(
        interp,
        &cls,
        Out {
            file_write: a[1].clone(),
            buf: Vec::new(),
            frame: None,
            taken: false,
        },
    ))
}

fn self_arg<'a>(interp: &Interp, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    let a = args.exact(interp, name, n + 1, n + 1)?;
    Ok(a)
}

/// `write(data)`.
pub fn out_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = self_arg(interp, &args, "write", 1)?;
    let data = buffer_arg(interp, &a[1])?;
    let n = data.len();
    with_out(interp, &a[0], |o: &mut Out| o.buf.extend_from_slice(&data))?;
    Ok(Value::Int(n as i64))
}

/// `write_large_bytes(header, payload)`: ends the current frame and writes header and
/// payload outside any frame.
pub fn out_write_large_bytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = self_arg(interp, &args, "write_large_bytes", 2)?;
    let framing = with_out(interp, &a[0], |o: &mut Out| o.frame.is_some())?;
    if framing {
        commit(interp, &a[0], true)?;
        // The new frame's placeholder goes after the payload.
        let mut t = take(interp, &a[0])?;
        t.buf.clear();
        put(interp, &a[0], t);
    } else {
        flush(interp, &a[0])?;
    }
    let w = with_data(interp, &a[0], |o: &mut Out| o.file_write.clone()).unwrap_or(Value::None);
    interp.call(&w, Args::new(&[a[1].clone()]))?;
    interp.call(&w, Args::new(&[a[2].clone()]))?;
    if framing {
        let mut t = take(interp, &a[0])?;
        t.buf.extend_from_slice(&[0; 9]);
        t.frame = Some(0);
        put(interp, &a[0], t);
    }
    Ok(Value::None)
}

/// `start_framing()`.
pub fn out_start_framing(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = self_arg(interp, &args, "start_framing", 0)?;
    with_out(interp, &a[0], |o: &mut Out| {
        if o.frame.is_none() {
            o.frame = Some(o.buf.len());
            o.buf.extend_from_slice(&[0; 9]);
        }
    })?;
    Ok(Value::None)
}

/// Commits the last frame and writes everything out.
pub fn end(interp: &mut Interp, out: &Value) -> PyResult<()> {
    let framing = with_out(interp, out, |o: &mut Out| o.frame.is_some())?;
    if framing {
        commit(interp, out, true)?;
        let mut t = take(interp, out)?;
        t.buf.clear();
        t.frame = None;
        put(interp, out, t);
    }
    flush(interp, out)
}

/// `end_framing()`.
pub fn out_end_framing(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = self_arg(interp, &args, "end_framing", 0)?;
    end(interp, &a[0])?;
    Ok(Value::None)
}

/// `commit_frame(force=False)`.
pub fn out_commit_frame(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(interp.type_error("commit_frame() takes at most 1 argument"));
    }
    let force = match pos.get(1).or(args.kw("force")) {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    commit(interp, &pos[0], force)?;
    Ok(Value::None)
}

/// `reset()`: drops what an earlier, failed `dump` left (CPython's pickler starts each
/// `dump` with an empty output buffer).
pub fn out_reset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = self_arg(interp, &args, "reset", 0)?;
    with_out(interp, &a[0], |o: &mut Out| {
        o.buf.clear();
        o.frame = None;
    })?;
    Ok(Value::None)
}

/// The `_Out` type.
pub fn make_type(interp: &mut Interp) -> ObjRef {
    let t = gilvm_vm::modules::util::native_type(
        interp,
        "_Out",
        "_pickle",
        &[
            ("write", out_write),
            ("write_large_bytes", out_write_large_bytes),
            ("start_framing", out_start_framing),
            ("end_framing", out_end_framing),
            ("commit_frame", out_commit_frame),
            ("reset", out_reset),
        ],
    );
    gilvm_vm::builtins::add_static(interp, &t, "__new__", out_new);
    gilvm_vm::modules::util::set_attr(
        interp,
        &t,
        "_FRAME_SIZE_TARGET",
        Value::Int(FRAME_SIZE_TARGET as i64),
    );
    crate::common::register_gc::<Out>();
    t
}
