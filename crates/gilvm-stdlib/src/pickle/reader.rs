//! The Unpickler's input: the bytes of `loads`, or a file read through its `read` and
//! `readline` (and whole protocol 4 frames read at once, as the Lib's `_Unframer` does).
//!
//! A file is never read past the end of the pickle: outside frames it is read exactly as
//! far as each opcode needs, so data after the pickle stays in the file.
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;

use crate::common::buffer_arg;

pub enum Source {
    Bytes(ObjRef),
    File { read: Value, readline: Value },
}

pub struct Reader {
    pub src: Source,
    /// Offset in the bytes (Bytes source).
    pub pos: usize,
    /// The current frame and the offset in it (File source).
    frame: Vec<u8>,
    fpos: usize,
    scratch: Vec<u8>,
    pub err_ty: ObjRef,
}

pub fn truncated(interp: &Interp, ty: &ObjRef) -> PyErr {
    interp.err(ty, "pickle data was truncated")
}

fn bytes_of(o: &ObjRef) -> &[u8] {
    match o.payload() {
        Payload::Bytes(b) => b,
        _ => &[],
    }
}

impl Reader {
    pub fn new(src: Source, err_ty: ObjRef) -> Reader {
        Reader {
            src,
            pos: 0,
            frame: Vec::new(),
            fpos: 0,
            scratch: Vec::new(),
            err_ty,
        }
    }

    fn frame_left(&self) -> usize {
        self.frame.len() - self.fpos
    }

    /// The next opcode byte; None at the end of the input.
    pub fn opcode(&mut self, interp: &mut Interp) -> PyResult<Option<u8>> {
        match &self.src {
            Source::Bytes(o) => {
                let b = bytes_of(o).get(self.pos).copied();
                if b.is_some() {
                    self.pos += 1;
                }
                Ok(b)
            }
            Source::File { .. } => {
                if self.frame_left() > 0 {
                    self.fpos += 1;
                    return Ok(Some(self.frame[self.fpos - 1]));
                }
                let d = self.file_read(interp, 1)?;
                Ok(d.first().copied())
            }
        }
    }

    fn file_read(&mut self, interp: &mut Interp, n: usize) -> PyResult<Vec<u8>> {
        let Source::File { read, .. } = &self.src else {
            return Ok(Vec::new());
        };
        let read = read.clone();
        let r = interp.call(&read, Args::new(&[Value::Int(n as i64)]))?;
        Ok(buffer_arg(interp, &r)?.into_owned())
    }

    /// The next `n` bytes, or "pickle data was truncated".
    pub fn read(&mut self, interp: &mut Interp, n: usize) -> PyResult<&[u8]> {
        match &self.src {
            Source::Bytes(o) => {
                let data = bytes_of(o);
                if data.len() - self.pos < n {
                    return Err(truncated(interp, &self.err_ty));
                }
                self.pos += n;
                // Borrowed again from `src` after moving `pos` (bytes are immutable).
                let Source::Bytes(o) = &self.src else {
                    unreachable!()
                };
                Ok(&bytes_of(o)[self.pos - n..self.pos])
            }
            Source::File { .. } => {
                if self.frame_left() > 0 {
                    if self.frame_left() < n {
                        return Err(
                            interp.err(&self.err_ty, "pickle exhausted before end of frame")
                        );
                    }
                    self.fpos += n;
                    return Ok(&self.frame[self.fpos - n..self.fpos]);
                }
                let d = self.file_read(interp, n)?;
                if d.len() < n {
                    return Err(truncated(interp, &self.err_ty));
                }
                self.scratch = d;
                Ok(&self.scratch)
            }
        }
    }

    /// The next line, without its newline; "pickle data was truncated" without one.
    pub fn readline(&mut self, interp: &mut Interp) -> PyResult<&[u8]> {
        match &self.src {
            Source::Bytes(o) => {
                let data = &bytes_of(o)[self.pos..];
                let Some(i) = data.iter().position(|&c| c == b'\n') else {
                    return Err(truncated(interp, &self.err_ty));
                };
                let start = self.pos;
                self.pos += i + 1;
                let Source::Bytes(o) = &self.src else {
                    unreachable!()
                };
                Ok(&bytes_of(o)[start..start + i])
            }
            Source::File { readline, .. } => {
                if self.frame_left() > 0 {
                    let rest = &self.frame[self.fpos..];
                    let Some(i) = rest.iter().position(|&c| c == b'\n') else {
                        return Err(
                            interp.err(&self.err_ty, "pickle exhausted before end of frame")
                        );
                    };
                    let start = self.fpos;
                    self.fpos += i + 1;
                    return Ok(&self.frame[start..start + i]);
                }
                let rl = readline.clone();
                let r = interp.call(&rl, Args::new(&[]))?;
                let mut d = buffer_arg(interp, &r)?.into_owned();
                if d.last() != Some(&b'\n') {
                    return Err(truncated(interp, &self.err_ty));
                }
                d.pop();
                self.scratch = d;
                Ok(&self.scratch)
            }
        }
    }

    /// A line that must not be empty (a number, a module or a name): an empty one is
    /// "pickle data was truncated", as CPython's.
    pub fn readline_arg(&mut self, interp: &mut Interp) -> PyResult<&[u8]> {
        let ty = self.err_ty.clone();
        let line = self.readline(interp)?;
        if line.is_empty() {
            return Err(truncated(interp, &ty));
        }
        Ok(line)
    }

    /// The FRAME opcode's body: reads the frame of `n` bytes.
    pub fn frame(&mut self, interp: &mut Interp, n: u64) -> PyResult<()> {
        if n > isize::MAX as u64 {
            return Err(interp.value_error(format!("frame size > sys.maxsize: {n}")));
        }
        let n = n as usize;
        match &self.src {
            Source::Bytes(o) => {
                if bytes_of(o).len() - self.pos < n {
                    return Err(truncated(interp, &self.err_ty));
                }
                Ok(())
            }
            Source::File { .. } => {
                if self.frame_left() > 0 {
                    return Err(interp.err(
                        &self.err_ty,
                        "beginning of a new frame before end of current frame",
                    ));
                }
                let d = self.file_read(interp, n)?;
                if d.len() < n {
                    return Err(truncated(interp, &self.err_ty));
                }
                self.frame = d;
                self.fpos = 0;
                Ok(())
            }
        }
    }
}
