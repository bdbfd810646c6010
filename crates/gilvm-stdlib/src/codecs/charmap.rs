//! The charmap codecs behind the Lib's 8-bit code pages (`encodings.cp1252`, …):
//! `charmap_decode` with a decoding table (a 256-character str, U+FFFE for undefined) or
//! a mapping, `charmap_build` (the table inverted: an `EncodingMap`), and
//! `charmap_encode` with an `EncodingMap` or a mapping. Without a mapping both are
//! Latin-1.
use std::collections::HashMap;
use std::sync::OnceLock;

use gilvm_object::ObjRef;
use gilvm_vm::modules::util::{native_obj, native_type, with_data, Statics};
use gilvm_vm::{Args, Interp, NativeFn, PyResult, Value};

use super::errors::{decode_bytes, encode_chars, Step};
use super::{bytes_val, data_arg, errors_arg, pair, pos_args, str_arg};

const UNDEFINED: &str = "character maps to <undefined>";

/// `charmap_build`'s result: character → byte.
struct EncodingMap(HashMap<char, u8>);

static MAP_TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn map_type(interp: &mut Interp) -> ObjRef {
    MAP_TYPE
        .get_or_init(|| {
            Statics(native_type(
                interp,
                "EncodingMap",
                "builtins",
                &[("size", map_size)],
            ))
        })
        .0
        .clone()
}

fn map_size(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "size", 1, 1)?;
    let n = with_data::<EncodingMap, _>(interp, &a[0], |m| m.0.len()).unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn charmap_build(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "charmap_build", 1, 1)?;
    let s = str_arg(interp, "charmap_build", &a[0])?;
    let mut m = HashMap::new();
    for (i, c) in s.chars().enumerate().take(256) {
        if c != '\u{fffe}' {
            m.entry(c).or_insert(i as u8);
        }
    }
    let t = map_type(interp);
    Ok(native_obj(interp, &t, EncodingMap(m)))
}

/// What a mapping gives for a key: Some(value) or None for "undefined" (None, or a
/// LookupError).
fn map_get(interp: &mut Interp, mapping: &Value, key: i64) -> PyResult<Option<Value>> {
    match interp.getitem(mapping, &Value::Int(key)) {
        Ok(v) if v.is_none() => Ok(None),
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let le = interp.g.exc.lookup_error.clone();
            if interp.matches(&e, &le) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn charmap_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "charmap_decode", 1, 3)?;
    let d = data_arg(interp, &a[0])?.into_owned();
    let errors = errors_arg(interp, "charmap_decode", a.get(1))?;
    let mapping = a.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let s: String = d.iter().map(|&b| b as char).collect();
        return Ok(pair(interp, interp.new_str(s), d.len()));
    }
    if let Some(table) = mapping.as_str() {
        let table: Vec<char> = table.chars().collect();
        let (s, n) = decode_bytes(
            interp,
            "charmap",
            &a[0],
            &d,
            &errors,
            true,
            &|d, i| match table.get(d[i] as usize) {
                Some(&c) if c != '\u{fffe}' => Step::Char(c, 1),
                _ => Step::Invalid(1, UNDEFINED),
            },
        )?;
        return Ok(pair(interp, interp.new_str(s), n));
    }
    // A general mapping: look every distinct byte up first (Python code), then decode.
    let mut table: Vec<Option<String>> = vec![None; 256];
    let mut seen = [false; 256];
    for &b in d.iter() {
        if seen[b as usize] {
            continue;
        }
        seen[b as usize] = true;
        let v = map_get(interp, &mapping, b as i64)?;
        table[b as usize] = match v {
            None => None,
            Some(v) => {
                if let Some(s) = v.as_str() {
                    (!s.contains('\u{fffe}')).then(|| s.to_string())
                } else if let Some(n) = v.to_bigint() {
                    let n = num_traits::ToPrimitive::to_u32(&n).filter(|&n| n <= 0x10FFFF);
                    match n.and_then(gilvm_object::surrogate::from_code) {
                        Some('\u{fffe}') => None,
                        Some(c) => Some(c.to_string()),
                        None => {
                            return Err(
                                interp.type_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else {
                    return Err(
                        interp.type_error("character mapping must return integer, None or str")
                    );
                }
            }
        };
    }
    let (s, n) = decode_bytes(
        interp,
        "charmap",
        &a[0],
        &d,
        &errors,
        true,
        &|d, i| match &table[d[i] as usize] {
            Some(s) => Step::Many(s.clone(), 1),
            None => Step::Invalid(1, UNDEFINED),
        },
    )?;
    Ok(pair(interp, interp.new_str(s), n))
}

fn charmap_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "charmap_encode", 1, 3)?;
    let s = str_arg(interp, "charmap_encode", &a[0])?;
    let n = s.chars().count();
    let errors = errors_arg(interp, "charmap_encode", a.get(1))?;
    let mapping = a.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let out = encode_chars(
            interp,
            "latin-1",
            &a[0],
            &errors,
            "ordinal not in range(256)",
            &|c, o| {
                if (c as u32) < 256 {
                    o.push(c as u32 as u8);
                    true
                } else {
                    false
                }
            },
        )?;
        return Ok(pair(interp, bytes_val(interp, out), n));
    }
    let map: Option<HashMap<char, u8>> =
        with_data::<EncodingMap, _>(interp, &mapping, |m| m.0.clone());
    let table: HashMap<char, Vec<u8>> = match map {
        Some(m) => m.into_iter().map(|(c, b)| (c, vec![b])).collect(),
        None => {
            // A general mapping: look each distinct character up first.
            let mut t = HashMap::new();
            let mut undefined = std::collections::HashSet::new();
            for c in s.chars() {
                if t.contains_key(&c) || undefined.contains(&c) {
                    continue;
                }
                match map_get(interp, &mapping, gilvm_object::surrogate::code(c) as i64)? {
                    None => {
                        undefined.insert(c);
                    }
                    Some(v) => {
                        if let Some(n) = v.to_bigint() {
                            match num_traits::ToPrimitive::to_u8(&n) {
                                Some(b) => {
                                    t.insert(c, vec![b]);
                                }
                                None => {
                                    return Err(interp
                                        .type_error("character mapping must be in range(256)"))
                                }
                            }
                        } else if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, &v) {
                            t.insert(c, b.to_vec());
                        } else {
                            return Err(interp.type_error(
                                "character mapping must return integer, bytes or None, not str",
                            ));
                        }
                    }
                }
            }
            t
        }
    };
    let out = encode_chars(
        interp,
        "charmap",
        &a[0],
        &errors,
        UNDEFINED,
        &|c, o| match table.get(&c) {
            Some(b) => {
                o.extend_from_slice(b);
                true
            }
            None => false,
        },
    )?;
    Ok(pair(interp, bytes_val(interp, out), n))
}

pub(super) const FUNCS: &[(&str, NativeFn)] = &[
    ("charmap_build", charmap_build),
    ("charmap_decode", charmap_decode),
    ("charmap_encode", charmap_encode),
];
