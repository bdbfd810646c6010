//! `_lzma`'s filter specifiers: Python dicts such as `{"id": FILTER_LZMA2, "preset": 9}`
//! turned into liblzma's `lzma_filter` chains (every filter liblzma's `.xz` format has:
//! LZMA1, LZMA2, delta and the BCJ filters), and back (`_decode_filter_properties`), with
//! CPython's messages.
//!
//! A [`FilterChain`] owns the option structs; [`FilterChain::raw`] lends liblzma an
//! `LZMA_VLI_UNKNOWN`-terminated array pointing into them, valid while the chain lives.
use std::ffi::c_void;

use gilvm_object::{Payload, Value};
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use liblzma_sys as sys;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::lzma_error;

/// liblzma's `lzma_options_delta` (not declared by liblzma-sys without bindgen).
#[repr(C)]
pub struct DeltaOptions {
    /// `lzma_delta_type`: LZMA_DELTA_TYPE_BYTE (0) is the only one.
    kind: sys::__enum_ty,
    dist: u32,
    reserved_int: [u32; 4],
    reserved_ptr: [*mut c_void; 2],
}

pub enum Options {
    Lzma(Box<sys::lzma_options_lzma>),
    Delta(Box<DeltaOptions>),
    Bcj(Box<sys::lzma_options_bcj>),
}

pub struct Filter {
    pub id: u64,
    pub opts: Options,
}

impl Filter {
    fn raw(&self) -> sys::lzma_filter {
        let options = match &self.opts {
            Options::Lzma(o) => &**o as *const sys::lzma_options_lzma as *mut c_void,
            Options::Delta(o) => &**o as *const DeltaOptions as *mut c_void,
            Options::Bcj(o) => &**o as *const sys::lzma_options_bcj as *mut c_void,
        };
        sys::lzma_filter {
            id: self.id,
            options,
        }
    }
}

pub struct FilterChain(pub Vec<Filter>);

impl FilterChain {
    /// The chain as liblzma reads it (terminated by `LZMA_VLI_UNKNOWN`).
    pub fn raw(&self) -> Vec<sys::lzma_filter> {
        let mut v: Vec<sys::lzma_filter> = self.0.iter().map(Filter::raw).collect();
        v.push(sys::lzma_filter {
            id: sys::LZMA_VLI_UNKNOWN,
            options: std::ptr::null_mut(),
        });
        v
    }
}

const BCJ_IDS: [u64; 6] = [
    sys::LZMA_FILTER_X86,
    sys::LZMA_FILTER_POWERPC,
    sys::LZMA_FILTER_IA64,
    sys::LZMA_FILTER_ARM,
    sys::LZMA_FILTER_ARMTHUMB,
    sys::LZMA_FILTER_SPARC,
];
/// LZMA_FILTERS_MAX.
const FILTERS_MAX: usize = 4;

/// An int argument converted as CPython's unsigned converters do.
fn unsigned(interp: &mut Interp, v: &Value, max: u64, ctype: &str) -> PyResult<u64> {
    let b: BigInt = match crate::common::int_arg(interp, v)? {
        Some(b) => b,
        None => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
    };
    if b.is_negative() {
        return Err(interp.value_error("Cannot convert negative int"));
    }
    match b.to_u64() {
        Some(n) if n <= max => Ok(n),
        _ => Err(interp.overflow_error(format!("Python int too large for C {ctype}"))),
    }
}

pub fn uint32(interp: &mut Interp, v: &Value) -> PyResult<u32> {
    Ok(unsigned(interp, v, u32::MAX as u64, "uint32_t")? as u32)
}

/// The `(key, value)` items of a filter specifier.
fn spec_items(interp: &mut Interp, spec: &Value) -> PyResult<Vec<(String, Value)>> {
    let d = match spec.base_value() {
        Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => o.clone(),
        _ => return Err(interp.type_error("Filter specifier must be a dict or dict-like object")),
    };
    let items = interp.dict_items(&d)?;
    Ok(items
        .into_iter()
        .map(|(k, v)| (k.as_str().unwrap_or("").to_string(), v))
        .collect())
}

/// One filter specifier (`lzma_filter_converter`).
pub fn parse_filter(interp: &mut Interp, spec: &Value) -> PyResult<Filter> {
    let items = spec_items(interp, spec)?;
    let Some(id_v) = items
        .iter()
        .find(|(k, _)| k == "id")
        .map(|(_, v)| v.clone())
    else {
        return Err(interp.value_error("Filter specifier must have an \"id\" entry"));
    };
    let id = unsigned(interp, &id_v, u64::MAX, "unsigned long long")?;
    let get = |name: &str| {
        items
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let only = |allowed: &[&str]| items.iter().all(|(k, _)| allowed.contains(&k.as_str()));
    if id == sys::LZMA_FILTER_LZMA1 || id == sys::LZMA_FILTER_LZMA2 {
        let preset = match get("preset") {
            Some(v) => uint32(interp, &v)?,
            None => sys::LZMA_PRESET_DEFAULT,
        };
        let mut o = preset_options(interp, preset)?;
        let bad = || "Invalid filter specifier for LZMA filter";
        let names = [
            "id",
            "preset",
            "dict_size",
            "lc",
            "lp",
            "pb",
            "mode",
            "nice_len",
            "mf",
            "depth",
        ];
        if !only(&names) {
            return Err(interp.value_error(bad()));
        }
        for (k, v) in &items {
            let field: &mut u32 = match k.as_str() {
                "dict_size" => &mut o.dict_size,
                "lc" => &mut o.lc,
                "lp" => &mut o.lp,
                "pb" => &mut o.pb,
                "mode" => &mut o.mode,
                "nice_len" => &mut o.nice_len,
                "mf" => &mut o.mf,
                "depth" => &mut o.depth,
                _ => continue,
            };
            *field = uint32(interp, v).map_err(|_| interp.value_error(bad()))?;
        }
        return Ok(Filter {
            id,
            opts: Options::Lzma(o),
        });
    }
    if id == sys::LZMA_FILTER_DELTA {
        let bad = "Invalid filter specifier for delta filter";
        if !only(&["id", "dist"]) {
            return Err(interp.value_error(bad));
        }
        let dist = match get("dist") {
            Some(v) => uint32(interp, &v).map_err(|_| interp.value_error(bad))?,
            None => 1,
        };
        return Ok(Filter {
            id,
            opts: Options::Delta(Box::new(DeltaOptions {
                kind: 0,
                dist,
                reserved_int: [0; 4],
                reserved_ptr: [std::ptr::null_mut(); 2],
            })),
        });
    }
    if BCJ_IDS.contains(&id) {
        let bad = "Invalid filter specifier for BCJ filter";
        if !only(&["id", "start_offset"]) {
            return Err(interp.value_error(bad));
        }
        let start_offset = match get("start_offset") {
            Some(v) => uint32(interp, &v).map_err(|_| interp.value_error(bad))?,
            None => 0,
        };
        return Ok(Filter {
            id,
            opts: Options::Bcj(Box::new(sys::lzma_options_bcj { start_offset })),
        });
    }
    Err(interp.value_error(format!("Invalid filter ID: {id}")))
}

/// LZMA options from a preset (`lzma_lzma_preset`), or CPython's LZMAError.
pub fn preset_options(interp: &Interp, preset: u32) -> PyResult<Box<sys::lzma_options_lzma>> {
    // SAFETY: an all-zero lzma_options_lzma is valid plain data (null dictionary pointer).
    let mut o: Box<sys::lzma_options_lzma> = Box::new(unsafe { std::mem::zeroed() });
    // SAFETY: `o` is a valid, writable options struct.
    if unsafe { sys::lzma_lzma_preset(&mut *o, preset) } != 0 {
        return Err(lzma_error(
            interp,
            format!("Invalid compression preset: {preset}"),
        ));
    }
    Ok(o)
}

/// A filter chain specifier (a sequence of dicts).
pub fn parse_chain(interp: &mut Interp, specs: &Value) -> PyResult<FilterChain> {
    let items = interp.collect(specs)?;
    if items.len() > FILTERS_MAX {
        return Err(interp.value_error(format!(
            "Too many filters - liblzma supports a maximum of {FILTERS_MAX}"
        )));
    }
    let mut v = Vec::with_capacity(items.len());
    for s in &items {
        v.push(parse_filter(interp, s)?);
    }
    Ok(FilterChain(v))
}

/// The Python specifier of a decoded filter (`build_filter_spec`): the fields that
/// liblzma's property encoding keeps.
///
/// # Safety
/// `options` must point to the options struct liblzma uses for filter `id`.
pub unsafe fn build_spec(interp: &mut Interp, id: u64, options: *const c_void) -> PyResult {
    let mut fields: Vec<(&str, u64)> = vec![("id", id)];
    if id == sys::LZMA_FILTER_LZMA1 {
        // SAFETY: the caller's contract.
        let o = unsafe { &*(options as *const sys::lzma_options_lzma) };
        fields.extend([
            ("lc", o.lc as u64),
            ("lp", o.lp as u64),
            ("pb", o.pb as u64),
            ("dict_size", o.dict_size as u64),
        ]);
    } else if id == sys::LZMA_FILTER_LZMA2 {
        // SAFETY: the caller's contract.
        let o = unsafe { &*(options as *const sys::lzma_options_lzma) };
        fields.push(("dict_size", o.dict_size as u64));
    } else if id == sys::LZMA_FILTER_DELTA {
        // SAFETY: the caller's contract.
        let o = unsafe { &*(options as *const DeltaOptions) };
        fields.push(("dist", o.dist as u64));
    } else if BCJ_IDS.contains(&id) {
        // liblzma leaves the options null for a start offset of 0 (CPython then shows none).
        if !options.is_null() {
            // SAFETY: the caller's contract.
            let o = unsafe { &*(options as *const sys::lzma_options_bcj) };
            fields.push(("start_offset", o.start_offset as u64));
        }
    } else {
        return Err(interp.value_error(format!("Invalid filter ID: {id}")));
    }
    let d = interp.new_dict_obj();
    for (k, n) in fields {
        let v = match i64::try_from(n) {
            Ok(i) => Value::Int(i),
            Err(_) => interp.new_bigint(BigInt::from(n)),
        };
        interp.dict_set_str(&d, interp.intern(k), v);
    }
    Ok(Value::Obj(d))
}

pub fn uint64(interp: &mut Interp, v: &Value) -> PyResult<u64> {
    unsigned(interp, v, u64::MAX, "unsigned long long")
}
