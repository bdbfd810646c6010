//! Argument conversion for `posix` and its sibling modules, with CPython's messages:
//! the binding of positional, positional-or-keyword and keyword-only parameters
//! (Argument Clinic's), C `int`s, and `path_t` (a `str`, `bytes` or `os.PathLike` path,
//! or a file descriptor where the function accepts one).
//!
//! A path is kept as its bytes (what the system call takes) together with the caller's
//! original object (which an `OSError` reports as its `filename`, as CPython does) and
//! whether the caller passed `bytes` (then names come back as `bytes`).
use std::ffi::CString;

use gilvm_object::{Payload, Value};
use gilvm_vm::{Args, Interp, PyResult};

/// A function's parameters: `names[..posonly]` are positional-only, `names[..npos]`
/// may be positional, the rest keyword-only; the first `required` are mandatory.
pub struct Sig<'s> {
    pub fname: &'s str,
    pub names: &'s [&'s str],
    pub posonly: usize,
    pub npos: usize,
    pub required: usize,
}

/// Binds `args` to `sig`: one slot per name.
pub fn bind(interp: &Interp, args: &Args<'_>, sig: &Sig<'_>) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos();
    let f = sig.fname;
    if pos.len() > sig.npos {
        let n = sig.npos;
        let (qual, s) = (
            if sig.required >= n {
                "exactly"
            } else {
                "at most"
            },
            if n == 1 { "" } else { "s" },
        );
        let msg = if n == 0 {
            format!("{f}() takes no positional arguments")
        } else {
            format!(
                "{f}() takes {qual} {n} positional argument{s} ({} given)",
                pos.len()
            )
        };
        return Err(interp.type_error(msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; sig.names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match sig.names.iter().position(|n| *n == k) {
            Some(i) if i >= sig.posonly => {
                if out[i].is_some() {
                    return Err(interp.type_error(format!(
                        "argument for {f}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(
                    interp.type_error(format!("{f}() got an unexpected keyword argument '{k}'"))
                )
            }
        }
    }
    for i in 0..sig.required {
        if out[i].is_none() {
            return Err(interp.type_error(format!(
                "{f}() missing required argument '{}' (pos {})",
                sig.names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Positional-only arguments (`read(fd, length, /)`): CPython's count messages.
pub fn positional<'a>(
    interp: &Interp,
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let p = args.pos();
    let n = p.len();
    if n < min || n > max {
        let (qual, want) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        let name = fname.rsplit('.').next().unwrap_or(fname);
        return Err(interp.type_error(if max == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else {
            format!(
                "{name} expected {qual}{want} argument{}, got {n}",
                if want == 1 { "" } else { "s" }
            )
        }));
    }
    Ok(p)
}

/// A C `int` (file descriptors, flags, modes).
pub fn int(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    let i = big_index(interp, v)?;
    i32::try_from(i).map_err(|_| {
        interp.overflow_error(if i < 0 {
            "Python int too small to convert to C int"
        } else {
            "Python int too large to convert to C int"
        })
    })
}

/// A C `long`/`ssize_t`-sized integer.
pub fn long(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    let i = big_index(interp, v)?;
    i64::try_from(i).map_err(|_| interp.overflow_error("Python int too large to convert to C long"))
}

/// The integer value of `v` (through `__index__`), as an i128.
fn big_index(interp: &mut Interp, v: &Value) -> PyResult<i128> {
    if let Value::Float(_) = v {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    match interp.index_value(v) {
        Ok(i) => Ok(i as i128),
        Err(e) => match v.to_bigint() {
            Some(b) => Ok(i128::try_from(b).unwrap_or(i128::MAX)),
            None => Err(e),
        },
    }
}

/// `follow_symlinks=`, `closefd=` and the like: any truth value.
pub fn flag(interp: &mut Interp, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => interp.truthy(v),
    }
}

/// A converted path argument.
pub struct FsPath {
    /// The caller's object (what `OSError.filename` reports).
    pub obj: Value,
    /// The path's bytes (empty for a descriptor).
    pub bytes: Vec<u8>,
    /// The caller gave `bytes` (or a PathLike returning bytes): names come back as bytes.
    pub is_bytes: bool,
    /// A file descriptor given instead of a path.
    pub fd: Option<i32>,
}

impl FsPath {
    /// The path as a C string (no NUL inside: checked at conversion).
    pub fn c(&self) -> CString {
        CString::new(self.bytes.clone()).unwrap_or_default()
    }
}

/// What a path parameter accepts besides str/bytes/PathLike.
#[derive(Clone, Copy)]
pub struct PathKind {
    pub allow_fd: bool,
    pub nullable: bool,
}
pub const PATH: PathKind = PathKind {
    allow_fd: false,
    nullable: false,
};
pub const PATH_OR_FD: PathKind = PathKind {
    allow_fd: true,
    nullable: false,
};

/// The bytes of a `bytes` object (or of an instance of a subclass of `bytes`).
pub fn bytes_of(v: &Value) -> Option<&[u8]> {
    let Value::Obj(o) = v else { return None };
    match o.payload() {
        Payload::Bytes(b) => Some(b),
        Payload::Instance(_) => match v.subclass_value()? {
            Value::Obj(p) => match p.payload() {
                Payload::Bytes(b) => Some(b),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Encodes a str path for the system as CPython's `os.fsencode`: UTF-8 (the file-system
/// encoding) with `surrogateescape`, so that a name read from the system as text (with
/// its undecodable bytes escaped) names the same file. A lone surrogate that escapes no
/// byte raises CPython's `UnicodeEncodeError`.
pub fn encode_str(interp: &mut Interp, s: &str) -> PyResult<Vec<u8>> {
    match gilvm_object::surrogate::encode_fs(s) {
        Ok(b) => Ok(b.into_owned()),
        Err(pos) => {
            let c = s.chars().nth(pos).map_or(0, gilvm_object::surrogate::code);
            let msg = format!(
                "'utf-8' codec can't encode character '\\u{c:04x}' in position {pos}: surrogates not allowed"
            );
            Err(interp.err(&interp.g.exc.unicode_encode_error.clone(), msg))
        }
    }
}

/// Decodes a name the system returned into a str as CPython's `os.fsdecode`: UTF-8 with
/// `surrogateescape` (each undecodable byte becomes U+DC80..U+DCFF).
pub fn decode_name(interp: &Interp, b: &[u8]) -> Value {
    interp.new_str(gilvm_object::surrogate::decode_fs(b))
}

/// A name of the system as `str` or `bytes`, like the caller's path.
pub fn name_value(interp: &Interp, b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        new_bytes(interp, b)
    } else {
        decode_name(interp, b)
    }
}

pub fn new_bytes(interp: &Interp, b: &[u8]) -> Value {
    Value::Obj(interp.new_obj(gilvm_object::Owned::Bytes(b.to_vec().into_boxed_slice())))
}

/// `os.fspath(v)`: str and bytes as they are, else `type(v).__fspath__(v)` which must
/// return one of them. None (with no error) when `v` has no `__fspath__`.
pub fn fspath_opt(interp: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
    if v.as_str().is_some() || bytes_of(v).is_some() {
        return Ok(Some(v.clone()));
    }
    let Some(m) = interp.lookup_special(v, "__fspath__") else {
        return Ok(None);
    };
    if m.is_none() {
        return Ok(None);
    }
    let r = interp.call_method_value(&m, v, &[])?;
    if r.as_str().is_some() || bytes_of(&r).is_some() {
        return Ok(Some(r));
    }
    Err(interp.type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        interp.type_name(v),
        interp.type_name(&r)
    )))
}

/// Converts a path parameter (CPython's `path_converter`).
pub fn path(
    interp: &mut Interp,
    fname: &str,
    argname: &str,
    v: &Value,
    kind: PathKind,
) -> PyResult<FsPath> {
    if kind.nullable && v.is_none() {
        return Ok(FsPath {
            obj: Value::None,
            bytes: b".".to_vec(),
            is_bytes: false,
            fd: None,
        });
    }
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_)) || v.to_bigint().is_some();
    if kind.allow_fd && is_int {
        let fd = int(interp, v)?;
        return Ok(FsPath {
            obj: v.clone(),
            bytes: Vec::new(),
            is_bytes: false,
            fd: Some(fd),
        });
    }
    let Some(p) = (if is_int { None } else { fspath_opt(interp, v)? }) else {
        let allowed = match (kind.allow_fd, kind.nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        return Err(interp.type_error(format!(
            "{fname}: {argname} should be {allowed}, not {}",
            interp.type_name(v)
        )));
    };
    let (bytes, is_bytes) = match p.as_str() {
        Some(s) => (encode_str(interp, s)?, false),
        None => (bytes_of(&p).unwrap_or_default().to_vec(), true),
    };
    if bytes.contains(&0) {
        return Err(interp.value_error(format!("{fname}: embedded null character in {argname}")));
    }
    // OSError.filename is the path after `__fspath__`, as CPython's path_converter.
    Ok(FsPath {
        obj: p,
        bytes,
        is_bytes,
        fd: None,
    })
}

/// `dir_fd=`: None (the current directory) or a descriptor.
pub fn dir_fd(interp: &mut Interp, v: &Option<Value>) -> PyResult<i32> {
    match v {
        None | Some(Value::None) => Ok(libc::AT_FDCWD),
        Some(v) => {
            if v.to_bigint().is_none() && !matches!(v, Value::Bool(_)) {
                return Err(interp.type_error(format!(
                    "argument should be integer or None, not {}",
                    interp.type_name(v)
                )));
            }
            int(interp, v)
        }
    }
}
