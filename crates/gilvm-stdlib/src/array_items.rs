//! `array`'s typecodes: item sizes, and the conversion of one item between its bytes
//! (native byte order) and a Python value, with CPython's range checks and messages.
//! `array_mod.rs` is the type.
use gilvm_object::Value;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use num_bigint::BigInt;

pub const TYPECODES: &str = "bBuwhHiIlLqQfd";

/// The item size of a typecode.
pub fn itemsize(tc: u8) -> Option<usize> {
    Some(match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'w' | b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

/// The value of the item in `b` (exactly one item's bytes).
pub fn get(interp: &Interp, tc: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(w);
    match tc {
        b'b' => Value::Int(b[0] as i8 as i64),
        b'B' => Value::Int(b[0] as i64),
        b'h' => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        b'H' => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        b'i' => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'l' | b'q' => Value::Int(u as i64),
        b'L' | b'Q' => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => interp.new_bigint(BigInt::from(u)),
        },
        b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_ne_bytes(w)),
        _ => {
            let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            match char::from_u32(c) {
                Some(ch) => interp.new_str(ch.to_string()),
                None => interp.new_str("\u{fffd}"),
            }
        }
    }
}

/// The bytes of `v` as an item of typecode `tc` (may run `__index__`/`__float__`).
pub fn encode(interp: &mut Interp, tc: u8, v: &Value) -> PyResult<Vec<u8>> {
    match tc {
        b'f' => {
            let f = gilvm_vm::builtins::numbers::float_of(interp, v)?;
            Ok((f as f32).to_ne_bytes().to_vec())
        }
        b'd' => {
            let f = gilvm_vm::builtins::numbers::float_of(interp, v)?;
            Ok(f.to_ne_bytes().to_vec())
        }
        b'u' | b'w' => {
            let Some(s) = v.as_str() else {
                return Err(interp.type_error(format!(
                    "array item must be a unicode character, not {}",
                    interp.type_name(v)
                )));
            };
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok((c as u32).to_ne_bytes().to_vec()),
                _ => Err(interp.type_error(format!(
                    "array item must be a unicode character, not a string of length {}",
                    s.chars().count()
                ))),
            }
        }
        _ => {
            let Some(n) = crate::common::int_arg(interp, v)? else {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )));
            };
            encode_int(interp, tc, &n)
        }
    }
}

fn encode_int(interp: &Interp, tc: u8, n: &BigInt) -> PyResult<Vec<u8>> {
    let small = i64::try_from(n).ok();
    let over = |m: &str| interp.overflow_error(m.to_string());
    let ranged = |lo: i64, hi: i64, low: &str, high: &str| -> PyResult<i64> {
        match small {
            Some(i) if i < lo => Err(over(low)),
            Some(i) if i > hi => Err(over(high)),
            Some(i) => Ok(i),
            None if n.sign() == num_bigint::Sign::Minus => Err(over(low)),
            None => Err(over(high)),
        }
    };
    // The small types convert to a C long first (then to a short for 'b', an int for 'H'),
    // whose overflow messages come first.
    if b"bBhHi".contains(&tc) {
        let Some(i) = small else {
            return Err(over("Python int too large to convert to C long"));
        };
        if tc == b'b' && !(i16::MIN as i64..=i16::MAX as i64).contains(&i) {
            return Err(over(if i < 0 {
                "signed short integer is less than minimum"
            } else {
                "signed short integer is greater than maximum"
            }));
        }
        if tc == b'H' && !(i32::MIN as i64..=i32::MAX as i64).contains(&i) {
            return Err(over(if i < 0 {
                "signed integer is less than minimum"
            } else {
                "signed integer is greater than maximum"
            }));
        }
    }
    Ok(match tc {
        b'b' => vec![ranged(
            -128,
            127,
            "signed char is less than minimum",
            "signed char is greater than maximum",
        )? as i8 as u8],
        b'B' => vec![ranged(
            0,
            255,
            "unsigned byte integer is less than minimum",
            "unsigned byte integer is greater than maximum",
        )? as u8],
        b'h' => (ranged(
            i16::MIN as i64,
            i16::MAX as i64,
            "signed short integer is less than minimum",
            "signed short integer is greater than maximum",
        )? as i16)
            .to_ne_bytes()
            .to_vec(),
        b'H' => (ranged(
            0,
            u16::MAX as i64,
            "unsigned short is less than minimum",
            "unsigned short is greater than maximum",
        )? as u16)
            .to_ne_bytes()
            .to_vec(),
        b'i' => (ranged(
            i32::MIN as i64,
            i32::MAX as i64,
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        )? as i32)
            .to_ne_bytes()
            .to_vec(),
        b'I' => {
            if n.sign() == num_bigint::Sign::Minus {
                return Err(over("can't convert negative value to unsigned int"));
            }
            (ranged(
                0,
                u32::MAX as i64,
                "can't convert negative value to unsigned int",
                "unsigned int is greater than maximum",
            )? as u32)
                .to_ne_bytes()
                .to_vec()
        }
        b'l' => match small {
            Some(i) => i.to_ne_bytes().to_vec(),
            None => return Err(over("Python int too large to convert to C long")),
        },
        b'q' => match small {
            Some(i) => i.to_ne_bytes().to_vec(),
            None => return Err(over("int too big to convert")),
        },
        b'L' => {
            if n.sign() == num_bigint::Sign::Minus {
                return Err(over("can't convert negative value to unsigned int"));
            }
            match u64::try_from(n) {
                Ok(u) => u.to_ne_bytes().to_vec(),
                Err(_) => return Err(over("Python int too large to convert to C unsigned long")),
            }
        }
        _ => {
            if n.sign() == num_bigint::Sign::Minus {
                return Err(over("can't convert negative int to unsigned"));
            }
            match u64::try_from(n) {
                Ok(u) => u.to_ne_bytes().to_vec(),
                Err(_) => return Err(over("int too big to convert")),
            }
        }
    })
}

/// CPython's machine format code of a typecode on this machine (for pickling).
pub fn mformat_code(tc: u8) -> i64 {
    let le = cfg!(target_endian = "little");
    let base = match tc {
        b'B' => return 0,
        b'b' => return 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    };
    if le {
        base
    } else {
        base + 1
    }
}

/// Decodes `items` written in machine format `code` into values (`_array_reconstructor`);
/// None for an unknown code.
pub fn decode_mformat(interp: &Interp, code: i64, items: &[u8]) -> Option<Vec<Value>> {
    let (size, kind) = match code {
        0 | 1 => (1, code),
        2..=5 => (2, code),
        6..=9 => (4, code),
        10..=13 => (8, code),
        14 | 15 => (4, code),
        16 | 17 => (8, code),
        18 | 19 => (2, code),
        20 | 21 => (4, code),
        _ => return None,
    };
    let little = kind < 2 || kind % 2 == 0;
    let mut out = Vec::with_capacity(items.len() / size);
    for ch in items.chunks_exact(size) {
        let mut v: u64 = 0;
        for k in 0..size {
            let byte = if little { ch[size - 1 - k] } else { ch[k] };
            v = (v << 8) | byte as u64;
        }
        let signed = matches!(kind, 1 | 4 | 5 | 8 | 9 | 12 | 13);
        out.push(match kind {
            14 | 15 => Value::Float(f32::from_bits(v as u32) as f64),
            16 | 17 => Value::Float(f64::from_bits(v)),
            18..=21 => {
                let c = char::from_u32(v as u32).unwrap_or('\u{fffd}');
                interp.new_str(c.to_string())
            }
            _ if signed => {
                let shift = 64 - size * 8;
                Value::Int(((v << shift) as i64) >> shift)
            }
            _ => match i64::try_from(v) {
                Ok(i) => Value::Int(i),
                Err(_) => interp.new_bigint(BigInt::from(v)),
            },
        });
    }
    Some(out)
}
