//! The reader: CPython's marshal byte format back into objects, from a byte string
//! (`loads`, the bytecode cache) or a file's `read` (`load`). Every length is checked
//! against the data before anything is allocated; bad data raises CPython's
//! `ValueError`/`EOFError`/`TypeError`, never a panic.
use gilvm_object::{ObjRef, Owned, Value};

use super::write::{FLAG_REF, MAX_DEPTH};
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// Where the bytes come from.
pub(crate) enum Source<'a> {
    Bytes(&'a [u8]),
    /// A file object: bytes are asked for with `read(n)` as they are needed.
    File(Value),
}

pub(crate) struct Reader<'a> {
    src: Source<'a>,
    pos: usize,
    /// The last chunk read from a file.
    buf: Vec<u8>,
    pub(crate) allow_code: bool,
    depth: usize,
    /// Objects read with FLAG_REF, by reference number; None while a container is still
    /// being read (only a reference from inside a list, dict or set may see it then).
    refs: Vec<Option<Value>>,
    /// A code object's file name replaces the stored one (the bytecode cache: the file
    /// may have moved since it was written).
    pub(crate) filename: Option<ObjRef>,
}

pub(super) fn bad(interp: &Interp, what: &str) -> PyErr {
    interp.value_error(format!("bad marshal data ({what})"))
}

fn too_short(interp: &Interp) -> PyErr {
    interp.err(&interp.g.exc.eof_error.clone(), "marshal data too short")
}

impl<'a> Reader<'a> {
    pub(crate) fn new(src: Source<'a>, allow_code: bool) -> Reader<'a> {
        Reader {
            src,
            pos: 0,
            buf: Vec::new(),
            allow_code,
            depth: 0,
            refs: Vec::new(),
            filename: None,
        }
    }

    /// Bytes consumed so far.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// The next `n` bytes, or EOFError.
    pub(crate) fn take(&mut self, interp: &mut Interp, n: usize) -> PyResult<&[u8]> {
        match &self.src {
            Source::Bytes(b) => {
                if b.len() - self.pos < n {
                    return Err(too_short(interp));
                }
                let s = &b[self.pos..self.pos + n];
                self.pos += n;
                Ok(s)
            }
            Source::File(f) => {
                let f = f.clone();
                let want = Value::Int(n as i64);
                let r = interp.call_method(&f, "read", &[want])?;
                let data = crate::buffer::bytes_like(interp.py, &r).map(|c| c.into_owned());
                let Some(data) = data else {
                    return Err(interp.type_error(format!(
                        "file.read() returned not bytes but {}",
                        interp.type_name(&r)
                    )));
                };
                if data.len() != n {
                    return Err(too_short(interp));
                }
                self.pos += n;
                self.buf = data;
                Ok(&self.buf)
            }
        }
    }

    pub(crate) fn u8(&mut self, interp: &mut Interp) -> PyResult<u8> {
        Ok(self.take(interp, 1)?[0])
    }
    pub(crate) fn u32(&mut self, interp: &mut Interp) -> PyResult<u32> {
        let b = self.take(interp, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i32(&mut self, interp: &mut Interp) -> PyResult<i32> {
        Ok(self.u32(interp)? as i32)
    }
    fn f64(&mut self, interp: &mut Interp) -> PyResult<f64> {
        let b = self.take(interp, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
    /// A size, checked: CPython's messages name the object (`bytes object`, `tuple`).
    fn size(&mut self, interp: &mut Interp, what: &str) -> PyResult<usize> {
        let n = self.i32(interp)?;
        if n < 0 {
            return Err(bad(interp, &format!("{what} size out of range")));
        }
        Ok(n as usize)
    }
    /// A capacity that the remaining data can justify (each item takes a byte at least).
    fn cap(&self, n: usize) -> usize {
        match &self.src {
            Source::Bytes(b) => n.min(b.len() - self.pos),
            Source::File(_) => n.min(1024),
        }
    }

    /// A float written as text (versions 0 and 1).
    fn float_text(&mut self, interp: &mut Interp) -> PyResult<f64> {
        let n = self.u8(interp)? as usize;
        let b = self.take(interp, n)?;
        let text: String = b.iter().map(|&c| c as char).collect();
        let sv = interp.new_str(text);
        crate::builtins::numbers::float_from(interp, &sv)
    }

    fn text(&mut self, interp: &mut Interp, n: usize, ascii: bool) -> PyResult<String> {
        let b = self.take(interp, n)?.to_vec();
        if ascii {
            // CPython reads these as Latin-1; gilvm keeps str as UTF-8.
            return Ok(b.iter().map(|&c| c as char).collect());
        }
        match String::from_utf8(b) {
            Ok(s) => Ok(s),
            Err(e) => {
                // Surrogates (`surrogatepass`) or bad data: the codec decides and raises
                // CPython's UnicodeDecodeError.
                let raw = crate::builtins::bytes::new_bytes(interp, e.into_bytes());
                let enc = interp.new_str("utf-8");
                let errors = interp.new_str("surrogatepass");
                let s = interp.call_method(&raw, "decode", &[enc, errors])?;
                Ok(s.as_str().unwrap_or_default().to_string())
            }
        }
    }

    /// Reads one object (CPython's `r_object`); `None` for TYPE_NULL.
    pub(crate) fn object(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(interp.value_error("recursion limit exceeded"))
        } else {
            self.object_inner(interp)
        };
        self.depth -= 1;
        r
    }

    /// Reads an object that must be there (`what` names the container for the message).
    pub(crate) fn item(&mut self, interp: &mut Interp, what: &str) -> PyResult<Value> {
        match self.object(interp)? {
            Some(v) => Ok(v),
            None => Err(interp.type_error(format!("NULL object in marshal data for {what}"))),
        }
    }

    /// Reserves a reference number for an object being read.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        if flag {
            self.refs.push(None);
            Some(self.refs.len() - 1)
        } else {
            None
        }
    }
    fn fill(&mut self, slot: Option<usize>, v: &Value) {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
    }

    fn object_inner(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let code = match self.take(interp, 1) {
            Ok(b) => b[0],
            Err(_) => {
                return Err(interp.err(
                    &interp.g.exc.eof_error.clone(),
                    "EOF read where object expected",
                ))
            }
        };
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        // Scalars: read, then registered if flagged.
        let simple = match ty {
            b'0' => return Ok(None),
            b'N' => Some(Value::None),
            b'F' => Some(Value::Bool(false)),
            b'T' => Some(Value::Bool(true)),
            b'S' => Some(Value::Obj(interp.g.exc.stop_iteration.clone())),
            b'.' => Some(Value::Obj(interp.g.ellipsis.clone())),
            b'i' => Some(Value::Int(self.i32(interp)? as i64)),
            b'l' => Some(self.long(interp)?),
            b'g' => Some(Value::Float(self.f64(interp)?)),
            b'f' => Some(Value::Float(self.float_text(interp)?)),
            b'y' => {
                let re = self.f64(interp)?;
                let im = self.f64(interp)?;
                Some(complex(interp, re, im))
            }
            b'x' => {
                let re = self.float_text(interp)?;
                let im = self.float_text(interp)?;
                Some(complex(interp, re, im))
            }
            b's' => {
                let n = self.size(interp, "bytes object")?;
                let b = self.take(interp, n)?.to_vec();
                Some(crate::builtins::bytes::new_bytes(interp, b))
            }
            b'u' | b't' => {
                let n = self.size(interp, "unicode")?;
                let s = self.text(interp, n, false)?;
                Some(make_str(interp, &s, ty == b't'))
            }
            b'a' | b'A' => {
                let n = self.size(interp, "string")?;
                let s = self.text(interp, n, true)?;
                Some(make_str(interp, &s, ty == b'A'))
            }
            b'z' | b'Z' => {
                let n = self.u8(interp)? as usize;
                let s = self.text(interp, n, true)?;
                Some(make_str(interp, &s, ty == b'Z'))
            }
            b'r' => {
                let n = self.i32(interp)?;
                return match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(v)) => Ok(Some(v.clone())),
                    _ => Err(bad(interp, "invalid reference")),
                };
            }
            _ => None,
        };
        if let Some(v) = simple {
            if flag {
                self.refs.push(Some(v.clone()));
            }
            return Ok(Some(v));
        }
        let v = match ty {
            b'(' | b')' => {
                let n = if ty == b')' {
                    self.u8(interp)? as usize
                } else {
                    self.size(interp, "tuple")?
                };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(self.cap(n));
                for _ in 0..n {
                    items.push(self.item(interp, "tuple")?);
                }
                let t = interp.new_tuple(items);
                self.fill(slot, &t);
                t
            }
            b'[' => {
                let n = self.size(interp, "list")?;
                // Registered before its items: a list may contain itself.
                let l = interp.new_list(Vec::with_capacity(self.cap(n)));
                let slot = self.reserve(flag);
                self.fill(slot, &l);
                for _ in 0..n {
                    let x = self.item(interp, "list")?;
                    interp.call_method(&l, "append", &[x])?;
                }
                l
            }
            b'{' => {
                let d = interp.new_dict_obj();
                let dv = Value::Obj(d.clone());
                let slot = self.reserve(flag);
                self.fill(slot, &dv);
                loop {
                    let Some(k) = self.object(interp)? else { break };
                    let Some(v) = self.object(interp)? else { break };
                    interp.dict_set(&d, k, v)?;
                }
                dv
            }
            b'<' | b'>' => {
                let n = self.size(interp, "set")?;
                let frozen = ty == b'>';
                if frozen {
                    // A frozenset is made from its items, so a reference to it from inside
                    // sees nothing yet (as in CPython).
                    let slot = self.reserve(flag);
                    let mut items = Vec::with_capacity(self.cap(n));
                    for _ in 0..n {
                        items.push(self.item(interp, "set")?);
                    }
                    let s = Value::Obj(interp.new_set_from(items, true)?);
                    self.fill(slot, &s);
                    s
                } else {
                    let s = Value::Obj(interp.new_set());
                    let slot = self.reserve(flag);
                    self.fill(slot, &s);
                    for _ in 0..n {
                        let x = self.item(interp, "set")?;
                        interp.call_method(&s, "add", &[x])?;
                    }
                    s
                }
            }
            b':' => {
                let slot = self.reserve(flag);
                let mut parts = Vec::with_capacity(3);
                for _ in 0..3 {
                    parts.push(self.item(interp, "slice")?);
                }
                let arr: [Value; 3] = [parts[0].clone(), parts[1].clone(), parts[2].clone()];
                let s = Value::Obj(interp.new_obj(Owned::Slice(Box::new(arr))));
                self.fill(slot, &s);
                s
            }
            b'c' => {
                if !self.allow_code {
                    return Err(interp.value_error("unmarshalling code objects is disallowed"));
                }
                let slot = self.reserve(flag);
                let c = Value::Obj(super::code::read_code(self, interp)?);
                self.fill(slot, &c);
                c
            }
            _ => return Err(bad(interp, "unknown type code")),
        };
        Ok(Some(v))
    }

    /// CPython's `TYPE_LONG`: a signed count of 15-bit digits.
    fn long(&mut self, interp: &mut Interp) -> PyResult<Value> {
        let n = self.i32(interp)?;
        if n == i32::MIN {
            return Err(bad(interp, "long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let raw = self.take(interp, count * 2)?.to_vec();
        let mut mag = num_bigint::BigUint::from(0u32);
        for k in (0..count).rev() {
            let d = u16::from_le_bytes([raw[2 * k], raw[2 * k + 1]]);
            if d >= 1 << 15 {
                return Err(bad(interp, "digit out of range in long"));
            }
            if k == count - 1 && d == 0 {
                return Err(bad(interp, "unnormalized long data"));
            }
            mag = (mag << 15u32) + num_bigint::BigUint::from(d);
        }
        let sign = if n < 0 {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        Ok(interp.new_bigint(num_bigint::BigInt::from_biguint(sign, mag)))
    }
}

fn complex(interp: &Interp, re: f64, im: f64) -> Value {
    crate::builtins::complex::new_complex(interp, gilvm_object::complex::PyComplex::new(re, im))
}

fn make_str(interp: &Interp, s: &str, interned: bool) -> Value {
    if interned {
        Value::Obj(interp.intern(s))
    } else {
        interp.new_str(s)
    }
}
