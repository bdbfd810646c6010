//! The `_io` module: CPython's C `_io` in Rust (the whole stream stack), which the Lib's
//! `io.py` imports, and on which `sys.stdin`/`stdout`/`stderr` and `open()` stand.
//!
//! # What
//! * `iobase.rs`: `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`, whose mixin
//!   methods (readline, readlines, writelines, iteration, the context manager, `closed`)
//!   call the stream's own methods, so they work for Python subclasses as in CPython.
//! * `fileio.rs`: `FileIO`, the raw stream on a descriptor.
//! * `memio.rs`: `BytesIO` and `StringIO`.
//! * `buffered.rs`: `BufferedReader`/`Writer`/`Random`/`RWPair`.
//! * `textio.rs`: `TextIOWrapper` and `IncrementalNewlineDecoder` (`codec.rs`: UTF-8,
//!   ASCII and Latin-1 natively, other encodings through the `codecs` module).
//! * `stdio.rs`: the standard streams, the fast path of `print`, the flushes of every exit
//!   path.
//!
//! # How an object keeps its state
//! The classes are ordinary (non-heap) classes with an instance `__dict__`, as CPython's
//! `_io` classes have one, so Python subclasses (`class Log(io.StringIO)`) are plain
//! instances. The native state ([`IoObj`]: `Arc`s of the stream's state and the values it
//! wraps) sits in a hidden instance attribute, `__gilvm_io__`, that `__init__` sets; a
//! method finds it there (an instance whose `__init__` did not run raises CPython's
//! "I/O operation on uninitialized object").
//!
//! # Locks
//! Each stream's mutable state is behind its own [`lock::IoLock`], held for one whole
//! operation (so concurrent writes to one file never lose data, in either build); system
//! calls run detached from the VM.
pub mod buffered;
pub mod codec;
pub mod fileio;
pub mod iobase;
pub mod lock;
pub mod memio;
pub mod stdio;
pub mod textio;

use std::sync::{Arc, OnceLock};

use gilvm_object::payload::NativeObj;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::{Interp, NativeFn};

/// `io.DEFAULT_BUFFER_SIZE` (CPython 3.14: 128 KiB).
pub const DEFAULT_BUFFER_SIZE: usize = 128 * 1024;

/// The native state of an `_io` object.
#[derive(Clone)]
pub enum IoObj {
    File(Arc<fileio::FileIO>),
    Bytes(Arc<lock::IoLock<memio::BytesState>>),
    Str(Arc<lock::IoLock<memio::StrState>>),
    Buf(buffered::BufObj),
    Text(Arc<textio::TextObj>),
    Pair(Value, Value),
    NlDec(Arc<lock::IoLock<textio::NlDecoder>>),
}

/// The `_io` classes (immortal, made once per process).
pub struct IoTypes {
    pub iobase: ObjRef,
    pub rawiobase: ObjRef,
    pub bufferediobase: ObjRef,
    pub textiobase: ObjRef,
    pub fileio: ObjRef,
    pub bytesio: ObjRef,
    pub stringio: ObjRef,
    pub reader: ObjRef,
    pub writer: ObjRef,
    pub random: ObjRef,
    pub rwpair: ObjRef,
    pub textwrapper: ObjRef,
    pub nldecoder: ObjRef,
    pub unsupported: ObjRef,
    state: ObjRef,
}

struct TypesHolder(IoTypes);
// SAFETY: the classes are immortal and their dicts are behind ObjCells (as the other
// process-wide classes in `Globals`).
unsafe impl Sync for TypesHolder {}
// SAFETY: as above.
unsafe impl Send for TypesHolder {}
static TYPES: OnceLock<TypesHolder> = OnceLock::new();

fn mk_type(interp: &mut Interp, name: &str, base: Option<&ObjRef>) -> ObjRef {
    let object = interp.g.types.object.clone();
    let dict = interp.new_dict_obj();
    let m = interp.new_str("_io");
    interp.dict_set_str(&dict, interp.g.names.module.clone(), m);
    let (bases, mro) = match base {
        None => (vec![object.clone()], vec![object]),
        Some(b) => {
            let mut mro = vec![b.clone()];
            if let Payload::Type(bt) = b.payload() {
                mro.extend(bt.mro.iter().cloned());
            }
            (vec![b.clone()], mro)
        }
    };
    let t = new_type(interp.py, name, bases, mro, dict, Layout::Object, false);
    t.make_immortal();
    t
}

/// The `_io` classes, made on first use.
pub fn types(interp: &mut Interp) -> &'static IoTypes {
    if let Some(t) = TYPES.get() {
        return &t.0;
    }
    let iobase = mk_type(interp, "_IOBase", None);
    let rawiobase = mk_type(interp, "_RawIOBase", Some(&iobase));
    let bufferediobase = mk_type(interp, "_BufferedIOBase", Some(&iobase));
    let textiobase = mk_type(interp, "_TextIOBase", Some(&iobase));
    let fileio = mk_type(interp, "FileIO", Some(&rawiobase));
    let bytesio = mk_type(interp, "BytesIO", Some(&bufferediobase));
    let stringio = mk_type(interp, "StringIO", Some(&textiobase));
    let reader = mk_type(interp, "BufferedReader", Some(&bufferediobase));
    let writer = mk_type(interp, "BufferedWriter", Some(&bufferediobase));
    let random = mk_type(interp, "BufferedRandom", Some(&bufferediobase));
    let rwpair = mk_type(interp, "BufferedRWPair", Some(&bufferediobase));
    let textwrapper = mk_type(interp, "TextIOWrapper", Some(&textiobase));
    let nldecoder = mk_type(interp, "IncrementalNewlineDecoder", None);
    let state = {
        let object = interp.g.types.object.clone();
        let dict = interp.new_dict_obj();
        let t = new_type(
            interp.py,
            "_io_state",
            vec![object.clone()],
            vec![object],
            dict,
            Layout::Builtin,
            false,
        );
        t.make_immortal();
        t
    };
    // UnsupportedOperation(OSError, ValueError), whose __module__ is 'io'.
    let unsupported = {
        let exc = &interp.g.exc;
        let bases = interp.new_tuple(vec![
            Value::Obj(exc.os_error.clone()),
            Value::Obj(exc.value_error.clone()),
        ]);
        let d = interp.new_dict_obj();
        let m = interp.new_str("io");
        interp.dict_set_str(&d, interp.g.names.module.clone(), m);
        let name = interp.new_str("UnsupportedOperation");
        let ty = Value::Obj(interp.g.types.type_.clone());
        match interp.call1(&ty, &[name, bases, Value::Obj(d)]) {
            Ok(Value::Obj(t)) => t,
            _ => interp.g.exc.os_error.clone(),
        }
    };
    unsupported.make_immortal();
    let t = IoTypes {
        iobase,
        rawiobase,
        bufferediobase,
        textiobase,
        fileio,
        bytesio,
        stringio,
        reader,
        writer,
        random,
        rwpair,
        textwrapper,
        nldecoder,
        unsupported,
        state,
    };
    iobase::register(interp, &t);
    fileio::register(interp, &t.fileio);
    memio::register(interp, &t);
    buffered::register(interp, &t);
    textio::register(interp, &t);
    for c in [
        &t.fileio,
        &t.bytesio,
        &t.stringio,
        &t.reader,
        &t.writer,
        &t.random,
        &t.rwpair,
        &t.textwrapper,
        &t.nldecoder,
    ] {
        crate::builtins::add_static(interp, c, "__new__", io_new);
    }
    let _ = TYPES.set(TypesHolder(t));
    &TYPES.get().expect("set above").0
}

/// `__new__` of the concrete classes: a bare instance, which `__init__` fills.
fn io_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(Value::Obj(cls)) = args.pos().first() else {
        return Err(interp.type_error("__new__(): not enough arguments"));
    };
    interp.new_instance(cls)
}

/// A bare instance of an `_io` class.
pub fn new_io_instance(interp: &mut Interp, cls: &ObjRef) -> PyResult {
    interp.new_instance(cls)
}

/// The native state of `v`, if it is an initialised `_io` object.
pub fn get_state(interp: &Interp, v: &Value) -> Option<IoObj> {
    let Value::Obj(o) = v else { return None };
    let Payload::Instance(i) = o.payload() else {
        return None;
    };
    let h = i.attr_get(
        interp.py,
        &gilvm_object::static_name!(interp.py, "__gilvm_io__"),
    )?;
    let Value::Obj(h) = h else { return None };
    let Payload::Native(n) = h.payload() else {
        return None;
    };
    n.data
        .with(interp.py, |d| d.downcast_ref::<IoObj>().cloned())
}

/// Sets the native state of `v` (its `__init__`).
pub fn set_state(interp: &mut Interp, v: &Value, s: IoObj) {
    let Value::Obj(o) = v else { return };
    let Payload::Instance(i) = o.payload() else {
        return;
    };
    let cls = types(interp).state.clone();
    let data: Box<dyn std::any::Any> = Box::new(s);
    let h = Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls,
        data: ObjCell::new(data),
        tag: 0,
    })));
    i.attr_set(
        interp.py,
        gilvm_object::static_name!(interp.py, "__gilvm_io__"),
        h,
    );
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_err(interp: &Interp) -> PyErr {
    interp.value_error("I/O operation on closed file.")
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(interp: &mut Interp, msg: &str) -> PyErr {
    let t = types(interp).unsupported.clone();
    interp.err(&t, msg)
}

/// The OSError subclass CPython raises for `e` (errno, strerror, and the file name).
pub fn io_err(interp: &Interp, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    let exc = &interp.g.exc;
    let code = e.raw_os_error();
    let ty = match code {
        Some(1) | Some(13) => &exc.permission_error,
        Some(2) => &exc.file_not_found_error,
        Some(17) => &exc.file_exists_error,
        Some(20) => &exc.not_a_directory_error,
        Some(21) => &exc.is_a_directory_error,
        Some(4) => &exc.interrupted_error,
        Some(11) => &exc.blocking_io_error,
        Some(32) => &exc.broken_pipe_error,
        _ => &exc.os_error,
    };
    let mut msg = e.to_string();
    if let Some(i) = msg.find(" (os error ") {
        msg.truncate(i);
    }
    let args = match code {
        Some(c) => vec![Value::Int(c as i64), interp.new_str(msg)],
        None => vec![interp.new_str(msg)],
    };
    let exc = interp.new_exception(ty, args);
    if let (Some(f), Some(_)) = (filename, code) {
        if let Payload::Instance(i) = exc.payload() {
            i.attr_set(interp.py, interp.intern("filename"), f.clone());
        }
    }
    PyErr(exc)
}

/// An integer argument (`__index__`).
pub fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => interp.index_value(v),
    }
}

/// A size argument: None or negative means "all".
pub fn size_arg(interp: &mut Interp, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if let Value::Float(_) = v {
                return Err(interp.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    interp.type_name(v)
                )));
            }
            let n = match interp.index_value(v) {
                Ok(n) => n,
                Err(_) => {
                    return Err(interp.type_error(format!(
                        "argument should be integer or None, not '{}'",
                        interp.type_name(v)
                    )))
                }
            };
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

pub fn new_bytes(interp: &Interp, b: Vec<u8>) -> Value {
    Value::Obj(interp.new_obj(Owned::Bytes(b.into_boxed_slice())))
}

/// The bytes of a bytes-like argument (CPython's "a bytes-like object is required").
pub fn bytes_arg(interp: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    match crate::buffer::bytes_like(interp.py, v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(v)
        ))),
    }
}

/// The length of a writable buffer argument (`readinto`'s).
pub fn writable_len(interp: &mut Interp, v: &Value) -> PyResult<usize> {
    if let Some(e) = crate::buffer::Exporter::of(v) {
        if e.readonly() {
            return Err(interp.type_error(format!(
                "readinto() argument must be read-write bytes-like object, not {}",
                interp.type_name(v)
            )));
        }
        return Ok(e.len(interp.py));
    }
    if let Some(m) = crate::builtins::memoryview::as_view(v) {
        if m.readonly {
            return Err(interp.type_error(
                "readinto() argument must be read-write bytes-like object, not memoryview",
            ));
        }
        return Ok(m.len * m.itemsize);
    }
    Err(interp.type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        interp.type_name(v)
    )))
}

/// Copies `data` to the front of the writable buffer `v` (`readinto`).
pub fn fill_buffer(interp: &mut Interp, v: &Value, data: Vec<u8>) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    if let Some(e) = crate::buffer::Exporter::of(v) {
        if e.write_at(interp.py, 0, &data) {
            return Ok(());
        }
    }
    let n = data.len();
    let slice = Value::Obj(interp.new_obj(Owned::Slice(Box::new([
        Value::Int(0),
        Value::Int(n as i64),
        Value::None,
    ]))));
    let b = new_bytes(interp, data);
    interp.setitem(v, slice, b)
}

/// A read-only property with a native getter.
pub fn add_getter(interp: &mut Interp, t: &ObjRef, name: &'static str, f: NativeFn) {
    add_getset(interp, t, name, f, None);
}

/// A property with a native getter and setter.
pub fn add_getset(
    interp: &mut Interp,
    t: &ObjRef,
    name: &'static str,
    get: NativeFn,
    set: Option<NativeFn>,
) {
    let getter = interp.new_native(name, get);
    let setter = match set {
        Some(s) => interp.new_native(name, s),
        None => Value::None,
    };
    let p = Value::Obj(interp.new_obj(Owned::Property(Box::new([getter, setter, Value::None]))));
    if let Payload::Type(tt) = t.payload() {
        tt.dict().set_str(interp.py, interp.intern(name), p);
    }
}

/// The type name CPython's reprs show (`tp_name`: `_io.X` for the module's classes, the
/// bare name for a subclass).
pub fn type_qualname(interp: &mut Interp, v: &Value) -> String {
    let t = gilvm_object::types::type_of(v).clone();
    let name = gilvm_object::types::type_name(&t).to_string();
    match t.payload() {
        Payload::Type(tt) if !tt.is_heap => format!("_io.{name}"),
        _ => {
            let _ = interp;
            name
        }
    }
}

/// `repr(v)` inside the repr of `me` (CPython guards the recursion the same way).
pub fn repr_guarded(interp: &mut Interp, me: &Value, v: &Value) -> PyResult<String> {
    if v.is(me) {
        let tn = type_qualname(interp, me);
        return Err(interp.runtime_error(format!("reentrant call inside {tn}.__repr__")));
    }
    interp.repr(v)
}

/// The `_io` module.
pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let t = types(interp);
    let classes = [
        ("_IOBase", &t.iobase),
        ("_RawIOBase", &t.rawiobase),
        ("_BufferedIOBase", &t.bufferediobase),
        ("_TextIOBase", &t.textiobase),
        ("FileIO", &t.fileio),
        ("BytesIO", &t.bytesio),
        ("StringIO", &t.stringio),
        ("BufferedReader", &t.reader),
        ("BufferedWriter", &t.writer),
        ("BufferedRandom", &t.random),
        ("BufferedRWPair", &t.rwpair),
        ("TextIOWrapper", &t.textwrapper),
        ("IncrementalNewlineDecoder", &t.nldecoder),
        ("UnsupportedOperation", &t.unsupported),
    ];
    for (n, c) in classes {
        interp.add_value(m, n, Value::Obj(c.clone()));
    }
    let bio = Value::Obj(interp.g.exc.blocking_io_error.clone());
    interp.add_value(m, "BlockingIOError", bio);
    interp.add_value(
        m,
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE as i64),
    );
    let open = interp.dict_get_str(&interp.g.builtins_dict.clone(), &interp.intern("open"));
    interp.add_value(m, "open", open.unwrap_or(Value::None));
    interp.add_function(m, "open_code", open_code);
    interp.add_function(m, "text_encoding", text_encoding);
    Ok(())
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(interp: &mut Interp, args: Args<'_>) -> PyResult {
    const NAMES: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let pos = args.pos();
    if pos.len() > NAMES.len() {
        return Err(interp.type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut vals: [Option<Value>; 8] = Default::default();
    for (i, v) in pos.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) if vals[i].is_none() => vals[i] = Some(v.clone()),
            Some(i) => {
                return Err(interp.type_error(format!(
                    "argument for open() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            None => {
                return Err(
                    interp.type_error(format!("open() got an unexpected keyword argument '{k}'"))
                )
            }
        }
    }
    let Some(file) = vals[0].clone() else {
        return Err(interp.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let mode = match &vals[1] {
        None => "r".to_string(),
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let buffering = match &vals[2] {
        None => -1,
        Some(v @ Value::Float(_)) => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(v)
            )))
        }
        Some(v) => int_arg(interp, v)?,
    };
    let mut strs: [Option<String>; 3] = Default::default();
    for (j, what) in ["encoding", "errors", "newline"].iter().enumerate() {
        strs[j] = match &vals[3 + j] {
            None | Some(Value::None) => None,
            Some(v) => match v.as_str() {
                Some(s) => Some(s.to_string()),
                None => {
                    return Err(interp.type_error(format!(
                        "open() argument '{what}' must be str or None, not {}",
                        interp.type_name(v)
                    )))
                }
            },
        };
    }
    let closefd = match &vals[6] {
        None => true,
        Some(v) => interp.truthy(v)?,
    };
    let opener = vals[7].clone().unwrap_or(Value::None);
    if !matches!(file, Value::Int(_) | Value::Bool(_)) {
        // CPython checks the type before the mode.
        if file.as_str().is_none() && crate::builtins::bytes::bytes_arg(&file).is_none() {
            fileio::fspath(interp, &file)?;
        }
    }
    let (mut c, mut w, mut a, mut r, mut plus, mut t, mut b) =
        (false, false, false, false, false, false, false);
    for ch in mode.chars() {
        let flag = match ch {
            'x' => &mut c,
            'w' => &mut w,
            'a' => &mut a,
            'r' => &mut r,
            '+' => &mut plus,
            't' => &mut t,
            'b' => &mut b,
            _ => return Err(interp.value_error(format!("invalid mode: '{mode}'"))),
        };
        if *flag {
            return Err(interp.value_error(format!("invalid mode: '{mode}'")));
        }
        *flag = true;
    }
    if t && b {
        return Err(interp.value_error("can't have text and binary mode at once"));
    }
    if c as u8 + w as u8 + a as u8 + r as u8 > 1 {
        return Err(interp.value_error("must have exactly one of create/read/write/append mode"));
    }
    if b && strs[0].is_some() {
        return Err(interp.value_error("binary mode doesn't take an encoding argument"));
    }
    if b && strs[1].is_some() {
        return Err(interp.value_error("binary mode doesn't take an errors argument"));
    }
    if b && strs[2].is_some() {
        return Err(interp.value_error("binary mode doesn't take a newline argument"));
    }
    if let Some(nl) = &strs[2] {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(interp.value_error(format!("illegal newline value: {nl}")));
        }
    }
    let mut rawmode = String::new();
    for (f, ch) in [(c, 'x'), (r, 'r'), (w, 'w'), (a, 'a'), (plus, '+')] {
        if f {
            rawmode.push(ch);
        }
    }
    let (raw, name) = fileio::open_raw(interp, &file, &rawmode, closefd, &opener)?;
    let raw = Arc::new(raw);
    let raw_obj = {
        let tt = types(interp).fileio.clone();
        let me = new_io_instance(interp, &tt)?;
        set_state(interp, &me, IoObj::File(raw.clone()));
        interp.setattr(&me, &interp.intern("name"), name)?;
        me
    };
    let result = (|| -> PyResult {
        let mut buffering = buffering;
        let mut line_buffering = false;
        if buffering == 1 || (buffering < 0 && fileio::isatty_fd(interp, &raw)) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            buffering = raw.blksize.clamp(DEFAULT_BUFFER_SIZE as i64, 8192 * 1024);
        }
        if buffering == 0 {
            if b {
                return Ok(raw_obj.clone());
            }
            return Err(interp.value_error("can't have unbuffered text I/O"));
        }
        let kind = if plus {
            buffered::Kind::Random
        } else if c || w || a {
            buffered::Kind::Writer
        } else if r {
            buffered::Kind::Reader
        } else {
            return Err(interp.value_error(format!("unknown mode: '{mode}'")));
        };
        let buffer = buffered::new_buffered(interp, kind, raw_obj.clone(), buffering as usize)?;
        if b {
            return Ok(buffer);
        }
        let text = textio::new_wrapper(
            interp,
            buffer,
            strs[0].as_deref(),
            strs[1].as_deref(),
            strs[2].as_deref(),
            line_buffering,
            false,
        )?;
        let mv = interp.new_str(mode.clone());
        interp.setattr(&text, &interp.intern("mode"), mv)?;
        Ok(text)
    })();
    if result.is_err() {
        let _ = raw.close_fd();
    }
    result
}

fn open_code(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.count(interp, "open_code", 1, 1)?;
    if a[0].as_str().is_none() {
        return Err(interp.type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            interp.type_name(&a[0])
        )));
    }
    let m = interp.new_str("rb");
    open(interp, Args::new(&[a[0].clone(), m]))
}

/// `text_encoding(encoding, stacklevel=2)`: for None, "utf-8" in UTF-8 mode, else
/// "locale".
fn text_encoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.count(interp, "text_encoding", 1, 2)?;
    if a[0].is_none() {
        return Ok(interp.new_str(if utf8_mode() { "utf-8" } else { "locale" }));
    }
    Ok(a[0].clone())
}

/// CPython's UTF-8 mode: `PYTHONUTF8=1`, or, without `PYTHONUTF8`, the C or POSIX locale
/// (which CPython coerces).
pub fn utf8_mode() -> bool {
    match std::env::var("PYTHONUTF8").ok().as_deref() {
        Some("1") => return true,
        Some("0") => return false,
        _ => {}
    }
    matches!(locale_name().as_deref(), None | Some("C") | Some("POSIX"))
}

/// The effective `LC_CTYPE` locale name (LC_ALL, then LC_CTYPE, then LANG).
fn locale_name() -> Option<String> {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
}

/// The encoding `encoding=None` (or "locale") means: CPython's locale encoding.
pub fn locale_encoding() -> String {
    if utf8_mode() {
        return "utf-8".to_string();
    }
    let name = locale_name().unwrap_or_default();
    let codeset = name
        .split_once('.')
        .map(|(_, c)| c.split('@').next().unwrap_or(c).to_string())
        .unwrap_or_default();
    let norm = codeset.to_ascii_lowercase().replace('-', "");
    if norm.is_empty() || norm == "utf8" {
        "UTF-8".to_string()
    } else {
        codeset
    }
}
