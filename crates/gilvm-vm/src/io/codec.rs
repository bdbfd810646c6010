//! The encodings `TextIOWrapper` handles natively: UTF-8, ASCII and Latin-1, as
//! incremental decoders (an incomplete UTF-8 sequence at the end of a chunk waits for the
//! next) and encoders, with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace`, `surrogateescape`, `surrogatepass` (UTF-8) and, for encoding,
//! `xmlcharrefreplace`. Lone surrogates are stored as gilvm-object's `surrogate.rs` says;
//! the UTF-8 encoder never writes a stored surrogate's own bytes.
//! Other encodings go through the `codecs` module (`textio.rs`).
use gilvm_object::surrogate;

use crate::error::PyErr;
use crate::interp::Interp;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// The native codec of an encoding name (CPython's normalisation and aliases), if any.
pub fn lookup(name: &str) -> Option<Codec> {
    let norm = crate::builtins::bytes::normalize_encoding(name);
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
            Some(Codec::Utf8)
        }
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Some(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
        | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => {
            Some(Codec::Latin1)
        }
        _ => None,
    }
}

fn escape_char(c: char) -> String {
    let u = surrogate::code(c);
    if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

fn unknown_handler(interp: &Interp, errors: &str) -> PyErr {
    interp.err(
        &interp.g.exc.lookup_error.clone(),
        format!("unknown error handler name '{errors}'"),
    )
}

/// Encodes `s`.
pub fn encode(interp: &Interp, c: Codec, s: &str, errors: &str) -> Result<Vec<u8>, PyErr> {
    let limit: u32 = match c {
        Codec::Utf8 if !surrogate::contains(s) => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8 => 0x11_0000,
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if c == Codec::Ascii && s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    for (pos, ch) in s.chars().enumerate() {
        let u = surrogate::code(ch);
        if !surrogate::is_surrogate(ch) && u < limit {
            if c == Codec::Utf8 {
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            } else {
                out.push(u as u8);
            }
            continue;
        }
        match errors {
            "surrogateescape" if (0xDC80..0xDD00).contains(&u) => out.push((u - 0xDC00) as u8),
            "surrogatepass" if c == Codec::Utf8 && surrogate::is_surrogate(ch) => {
                out.extend_from_slice(&surrogate::encode_utf8_pass(&ch.to_string()))
            }
            "strict" | "surrogateescape" | "surrogatepass" => {
                let why = if c == Codec::Utf8 {
                    "surrogates not allowed".to_string()
                } else {
                    format!("ordinal not in range({limit})")
                };
                let msg = format!(
                    "'{}' codec can't encode character '{}' in position {pos}: {why}",
                    c.name(),
                    escape_char(ch)
                );
                return Err(interp.err(&interp.g.exc.unicode_encode_error.clone(), msg));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend_from_slice(escape_char(ch).as_bytes()),
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{u};").as_bytes()),
            _ => return Err(unknown_handler(interp, errors)),
        }
    }
    Ok(out)
}

/// Is `errors` a handler the native decoders know?
pub fn known_handler(errors: &str) -> bool {
    matches!(
        errors,
        "strict"
            | "ignore"
            | "replace"
            | "backslashreplace"
            | "surrogateescape"
            | "surrogatepass"
            | "xmlcharrefreplace"
            | "namereplace"
    )
}

/// Decodes `input` after the bytes kept from the last call (`pending`); without `last`, an
/// incomplete UTF-8 sequence at the end is kept in `pending` for the next call. `base` is
/// the position of `pending`'s first byte in the stream (for error messages).
pub fn decode(
    interp: &Interp,
    c: Codec,
    pending: &mut Vec<u8>,
    input: &[u8],
    last: bool,
    errors: &str,
) -> Result<String, PyErr> {
    let owned;
    let data: &[u8] = if pending.is_empty() {
        input
    } else {
        let mut v = std::mem::take(pending);
        v.extend_from_slice(input);
        owned = v;
        &owned
    };
    let mut out = String::with_capacity(data.len());
    let bad = |interp: &Interp,
               out: &mut String,
               bytes: &[u8],
               pos: usize,
               reason: &str|
     -> Result<(), PyErr> {
        match errors {
            "strict" => {
                let msg = if bytes.len() == 1 {
                    format!(
                        "'{}' codec can't decode byte 0x{:02x} in position {pos}: {reason}",
                        c.name(),
                        bytes[0]
                    )
                } else {
                    format!(
                        "'{}' codec can't decode bytes in position {pos}-{}: {reason}",
                        c.name(),
                        pos + bytes.len() - 1
                    )
                };
                Err(interp.err(&interp.g.exc.unicode_decode_error.clone(), msg))
            }
            "ignore" => Ok(()),
            "replace" => {
                out.push('\u{fffd}');
                Ok(())
            }
            "surrogateescape" if bytes.iter().all(|&b| b >= 0x80) => {
                for &b in bytes {
                    out.push(surrogate::to_char(0xDC00 + b as u32));
                }
                Ok(())
            }
            "surrogateescape" | "surrogatepass" => {
                let msg = format!(
                    "'{}' codec can't decode byte 0x{:02x} in position {pos}: {reason}",
                    c.name(),
                    bytes[0]
                );
                Err(interp.err(&interp.g.exc.unicode_decode_error.clone(), msg))
            }
            "backslashreplace" => {
                for b in bytes {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            _ => Err(unknown_handler(interp, errors)),
        }
    };
    match c {
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as char)),
        Codec::Ascii => {
            if data.is_ascii() {
                // ASCII is valid UTF-8.
                out.push_str(std::str::from_utf8(data).unwrap_or_default());
            } else {
                for (i, &b) in data.iter().enumerate() {
                    if b < 0x80 {
                        out.push(b as char);
                    } else {
                        bad(interp, &mut out, &[b], i, "ordinal not in range(128)")?;
                    }
                }
            }
        }
        Codec::Utf8 => {
            let mut rest = data;
            let mut base = 0usize;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        push_checked(interp, &mut out, s, base, &bad)?;
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        let s = std::str::from_utf8(&rest[..good]).unwrap_or_default();
                        push_checked(interp, &mut out, s, base, &bad)?;
                        if errors == "surrogatepass" {
                            if let Some(t) = rest
                                .get(good..good + 3)
                                .and_then(surrogate::decode_utf8_pass)
                            {
                                out.push_str(&t);
                                rest = &rest[good + 3..];
                                base += good + 3;
                                continue;
                            }
                        }
                        match e.error_len() {
                            None => {
                                // An incomplete sequence at the end.
                                if !last {
                                    pending.extend_from_slice(&rest[good..]);
                                    break;
                                }
                                let tail = &rest[good..];
                                bad(
                                    interp,
                                    &mut out,
                                    tail,
                                    base + good,
                                    "unexpected end of data",
                                )?;
                                break;
                            }
                            Some(n) => {
                                let first = rest[good];
                                let reason = if (0x80..0xc2).contains(&first) || first >= 0xf5 {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                let nb = if reason == "invalid start byte" { 1 } else { n };
                                bad(
                                    interp,
                                    &mut out,
                                    &rest[good..good + nb],
                                    base + good,
                                    reason,
                                )?;
                                rest = &rest[good + nb..];
                                base += good + nb;
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Appends decoded UTF-8 text; a code point gilvm reserves to store lone surrogates
/// (surrogate.rs) is undecodable here and goes to the error handler as its four bytes.
fn push_checked(
    interp: &Interp,
    out: &mut String,
    s: &str,
    base: usize,
    bad: &dyn Fn(&Interp, &mut String, &[u8], usize, &str) -> Result<(), PyErr>,
) -> Result<(), PyErr> {
    if !surrogate::contains(s) {
        out.push_str(s);
        return Ok(());
    }
    for (i, ch) in s.char_indices() {
        if surrogate::is_surrogate(ch) {
            let mut buf = [0u8; 4];
            let bytes = ch.encode_utf8(&mut buf).as_bytes().to_vec();
            bad(
                interp,
                out,
                &bytes,
                base + i,
                "code point reserved by gilvm to store lone surrogates",
            )?;
        } else {
            out.push(ch);
        }
    }
    Ok(())
}

/// The length in bytes of the character a byte starts (for `tell`).
pub fn char_len(c: Codec, lead: u8) -> usize {
    match c {
        Codec::Utf8 => match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 1,
        },
        _ => 1,
    }
}
