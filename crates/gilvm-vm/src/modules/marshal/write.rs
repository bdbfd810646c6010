//! The writer: CPython's marshal byte format for values, gilvm's own record for code
//! objects (`code.rs`).
//!
//! **References.** From version 3 on, an object that may be shared is written with
//! `FLAG_REF` set on its type byte and gets the next reference number; a later occurrence
//! of the same object is written as `'r'` and that number. CPython flags an object when
//! its reference count is above one or it is an interned string, so that its output
//! depends on who else holds the object; gilvm follows the same rule for heap objects
//! (the count as the object header keeps it; interned strings are immortal), and treats
//! its unboxed ints and floats as CPython treats constants: flagged, and shared by value
//! (CPython's small ints and a code object's equal constants are one object each).
//!
//! **Sets.** Elements are written in the order of their own marshal bytes (each element
//! serialised alone), as CPython does since 3.11, so a set's bytes do not depend on its
//! hash table.
use std::collections::HashMap;

use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

pub(super) const FLAG_REF: u8 = 0x80;
/// CPython's nesting limit for marshal (MAX_MARSHAL_STACK_DEPTH).
pub(super) const MAX_DEPTH: usize = 2000;

/// One serialisation in progress.
pub(crate) struct Writer {
    pub(crate) out: Vec<u8>,
    pub(crate) version: i64,
    pub(crate) allow_code: bool,
    depth: usize,
    /// Heap objects written with FLAG_REF, by address, and their reference numbers.
    refs: HashMap<usize, u32>,
    /// Unboxed ints (kind 0) and floats (kind 1) written with FLAG_REF, by value.
    scalar_refs: HashMap<(u8, u64), u32>,
    nrefs: u32,
    /// The objects of `refs` held alive until the end (an address is an identity only
    /// while its object lives).
    keep: Vec<ObjRef>,
}

impl Writer {
    pub(crate) fn new(version: i64, allow_code: bool) -> Writer {
        Writer {
            out: Vec::new(),
            version,
            allow_code,
            depth: 0,
            refs: HashMap::new(),
            scalar_refs: HashMap::new(),
            nrefs: 0,
            keep: Vec::new(),
        }
    }

    pub(crate) fn u8(&mut self, b: u8) {
        self.out.push(b);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn i32(&mut self, v: i32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    /// A size: CPython's `W_SIZE` (sizes above 2**31 - 1 cannot be written).
    fn size(&mut self, interp: &Interp, n: usize) -> PyResult<()> {
        if n > i32::MAX as usize {
            return Err(interp.value_error("unmarshallable object"));
        }
        self.i32(n as i32);
        Ok(())
    }

    /// Writes `v` (CPython's `w_object`), a value the caller reaches through a reference
    /// of its own (an item of a container).
    pub(crate) fn object(&mut self, interp: &mut Interp, v: &Value) -> PyResult<()> {
        self.object_held(interp, v, 1)
    }

    /// Writes `v` when this writer holds `held` references to it besides the one the
    /// object's owner counts (a snapshot of a container's items holds one more).
    pub(crate) fn object_held(
        &mut self,
        interp: &mut Interp,
        v: &Value,
        held: u32,
    ) -> PyResult<()> {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Err(interp.value_error("object too deeply nested to marshal"))
        } else {
            self.object_inner(interp, v, held)
        };
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, interp: &mut Interp, v: &Value, held: u32) -> PyResult<()> {
        match v {
            Value::None => self.u8(b'N'),
            Value::Bool(false) => self.u8(b'F'),
            Value::Bool(true) => self.u8(b'T'),
            Value::Int(i) => {
                let flag = self.scalar_ref(0, *i as u64);
                let Some(flag) = flag else { return Ok(()) };
                match i32::try_from(*i) {
                    Ok(x) => {
                        self.u8(b'i' | flag);
                        self.i32(x);
                    }
                    Err(_) => self.long(b'l' | flag, &num_bigint::BigInt::from(*i)),
                }
            }
            Value::Float(f) => {
                let Some(flag) = self.scalar_ref(1, f.to_bits()) else {
                    return Ok(());
                };
                self.float(b'g' | flag, b'f' | flag, *f);
            }
            Value::Obj(o) => {
                if o.is(&interp.g.exc.stop_iteration) {
                    self.u8(b'S');
                } else if o.is(&interp.g.ellipsis) {
                    self.u8(b'.');
                } else {
                    self.heap_object(interp, o, held)?;
                }
            }
            Value::Undef => return Err(interp.value_error("unmarshallable object")),
        }
        Ok(())
    }

    /// For an unboxed scalar: `None` when it was written as a reference, else the flag
    /// for its type byte.
    fn scalar_ref(&mut self, kind: u8, bits: u64) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        if let Some(&n) = self.scalar_refs.get(&(kind, bits)) {
            self.u8(b'r');
            self.u32(n);
            return None;
        }
        self.scalar_refs.insert((kind, bits), self.nrefs);
        self.nrefs += 1;
        Some(FLAG_REF)
    }

    /// CPython's `w_ref` for a heap object: `None` when written as a reference.
    fn heap_ref(&mut self, o: &ObjRef, held: u32) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        if let Some(&n) = self.refs.get(&o.addr()) {
            self.u8(b'r');
            self.u32(n);
            return None;
        }
        if !o.is_immortal() && o.ref_count() <= 1 + held {
            return Some(0);
        }
        self.refs.insert(o.addr(), self.nrefs);
        self.keep.push(o.clone());
        self.nrefs += 1;
        Some(FLAG_REF)
    }

    fn float(&mut self, binary: u8, text: u8, f: f64) {
        if self.version > 1 {
            self.u8(binary);
            self.out.extend_from_slice(&f.to_le_bytes());
        } else {
            self.u8(text);
            self.float_text(f);
        }
    }
    /// A float as text, C's `%.17g` (CPython's `w_float_str`).
    fn float_text(&mut self, f: f64) {
        let s = g17(f);
        self.u8(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }

    /// An int as CPython's `TYPE_LONG`: a signed count of 15-bit digits, least significant
    /// first, each in two bytes.
    fn long(&mut self, code: u8, v: &num_bigint::BigInt) {
        use num_bigint::Sign;
        let (sign, mag) = v.to_u32_digits();
        let mut digits: Vec<u16> = Vec::new();
        let mut acc: u64 = 0;
        let mut bits = 0;
        for w in mag {
            acc |= (w as u64) << bits;
            bits += 32;
            while bits >= 15 {
                digits.push((acc & 0x7fff) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        if bits > 0 {
            digits.push((acc & 0x7fff) as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.u8(code);
        let n = digits.len() as i32;
        self.i32(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn str(&mut self, flag: u8, s: &str, interned: bool) {
        if self.version >= 4 && s.is_ascii() {
            let short = s.len() < 256;
            let code = match (short, interned) {
                (true, true) => b'Z',
                (true, false) => b'z',
                (false, true) => b'A',
                (false, false) => b'a',
            };
            self.u8(code | flag);
            if short {
                self.u8(s.len() as u8);
            } else {
                self.i32(s.len() as i32);
            }
        } else {
            // UTF-8 with `surrogatepass`, as CPython writes a str (a stored lone surrogate
            // as its three bytes `ED xx xx`, see gilvm-object's surrogate.rs).
            let b = gilvm_object::surrogate::encode_utf8_pass(s);
            self.u8(if interned && self.version >= 3 {
                b't'
            } else {
                b'u'
            } | flag);
            self.i32(b.len() as i32);
            self.out.extend_from_slice(&b);
            return;
        }
        self.out.extend_from_slice(s.as_bytes());
    }

    fn heap_object(&mut self, interp: &mut Interp, o: &ObjRef, held: u32) -> PyResult<()> {
        let Some(flag) = self.heap_ref(o, held) else {
            return Ok(());
        };
        match o.payload() {
            Payload::Int(b) => self.long(b'l' | flag, b),
            Payload::Complex(c) => {
                if self.version > 1 {
                    self.u8(b'y' | flag);
                    self.out.extend_from_slice(&c.re.to_le_bytes());
                    self.out.extend_from_slice(&c.im.to_le_bytes());
                } else {
                    self.u8(b'x' | flag);
                    self.float_text(c.re);
                    self.float_text(c.im);
                }
            }
            Payload::Str(s) => {
                let text = s.as_str();
                if text.len() > i32::MAX as usize {
                    return Err(interp.value_error("unmarshallable object"));
                }
                // CPython interns the string constants made of name characters only;
                // gilvm interns every constant (immortal), so the others count as plain.
                let interned =
                    o.is_immortal() && text.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
                self.str(flag, text, interned);
            }
            Payload::Bytes(b) => {
                self.u8(b's' | flag);
                self.size(interp, b.len())?;
                self.out.extend_from_slice(b);
            }
            Payload::Tuple(items) => {
                let items: Vec<Value> = items.to_vec();
                if self.version >= 4 && items.len() < 256 {
                    self.u8(b')' | flag);
                    self.u8(items.len() as u8);
                } else {
                    self.u8(b'(' | flag);
                    self.size(interp, items.len())?;
                }
                for x in &items {
                    self.object(interp, x)?;
                }
            }
            Payload::List(l) => {
                let items = l.snapshot(interp.py);
                self.u8(b'[' | flag);
                self.size(interp, items.len())?;
                for x in &items {
                    self.object(interp, x)?;
                }
            }
            Payload::Dict(_) => {
                let items = interp.dict_items(o)?;
                self.u8(b'{' | flag);
                for (k, v) in &items {
                    self.object(interp, k)?;
                    self.object(interp, v)?;
                }
                self.u8(b'0');
            }
            Payload::Set(s) | Payload::FrozenSet(s) => {
                let code = if matches!(o.payload(), Payload::Set(_)) {
                    b'<'
                } else {
                    b'>'
                };
                let items = s.keys(interp.py);
                self.u8(code | flag);
                self.size(interp, items.len())?;
                // Sorted by each element's own serialisation (see the module comment).
                let mut keyed = Vec::with_capacity(items.len());
                for x in items {
                    let mut w = Writer::new(self.version, self.allow_code);
                    w.object_held(interp, &x, 1)?;
                    keyed.push((w.out, x));
                }
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, x) in &keyed {
                    self.object(interp, x)?;
                }
            }
            Payload::Slice(parts) if self.version >= 5 => {
                let parts: Vec<Value> = parts.to_vec();
                self.u8(b':' | flag);
                for x in &parts {
                    self.object(interp, x)?;
                }
            }
            Payload::Code(code) if self.allow_code => {
                self.u8(b'c' | flag);
                super::code::write_code(self, interp, code)?;
            }
            _ => {
                // Any other object with the buffer protocol is written as bytes.
                let data = crate::buffer::bytes_like(interp.py, &Value::Obj(o.clone()))
                    .map(|c| c.into_owned());
                match data {
                    Some(b) => {
                        self.u8(b's' | flag);
                        self.size(interp, b.len())?;
                        self.out.extend_from_slice(&b);
                    }
                    None => return Err(interp.value_error("unmarshallable object")),
                }
            }
        }
        Ok(())
    }
}

/// C's `%.17g`: 17 significant digits, trailing zeros dropped, an exponent (at least two
/// digits) below 1e-4 and from 1e17 on.
fn g17(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.to_string();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let sci = format!("{f:.16e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if (-4..17).contains(&exp) {
        let decimals = (16 - exp).max(0) as usize;
        trim(&format!("{f:.decimals$}"))
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", trim(mant), exp.abs())
    }
}
