//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`, with
//! CPython's mixin methods. They call the stream's own methods (`self.readline()`,
//! `self.read(n)`, `self.flush()`, ...) through Python attribute lookup, so a Python
//! subclass that defines `read` or `readinto` gets the rest, as in CPython. The `closed`
//! state of a stream without native state is CPython's: the `__IOBase_closed` attribute.
use gilvm_object::{ObjRef, Payload, Value};

use super::{add_getter, bytes_arg, closed_err, int_arg, new_bytes, unsupported, IoTypes};
use crate::args::Args;
use crate::builtins::add_method;
use crate::error::PyResult;
use crate::interp::Interp;

fn me(args: &Args<'_>) -> Value {
    args.pos().first().cloned().unwrap_or(Value::None)
}

/// Marks a stream closed the way `_IOBase.close` does.
pub fn mark_closed(interp: &mut Interp, me: &Value) {
    if let Value::Obj(o) = me {
        if let Payload::Instance(i) = o.payload() {
            i.attr_set(
                interp.py,
                interp.intern("__IOBase_closed"),
                Value::Bool(true),
            );
        }
    }
}

fn iobase_closed(interp: &mut Interp, me: &Value) -> bool {
    if let Value::Obj(o) = me {
        if let Payload::Instance(i) = o.payload() {
            return i
                .attr_get(interp.py, &interp.intern("__IOBase_closed"))
                .is_some();
        }
    }
    false
}

/// Raises ValueError when `self.closed` is true.
pub fn check_closed(interp: &mut Interp, me: &Value) -> PyResult<()> {
    let c = interp.getattr_str(me, "closed")?;
    if interp.truthy(&c)? {
        return Err(closed_err(interp));
    }
    Ok(())
}

fn unsupported_method(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult {
    let _ = args;
    Err(unsupported(interp, name))
}

fn seek(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "seek")
}
fn truncate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "truncate")
}
fn fileno(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "fileno")
}
fn tell(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "tell", 1, 1)?;
    interp.call_method(&me(&args), "seek", &[Value::Int(0), Value::Int(1)])
}

fn flush(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "flush", 1, 1)?;
    if iobase_closed(interp, &me(&args)) {
        return Err(closed_err(interp));
    }
    Ok(Value::None)
}

fn close(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "close", 1, 1)?;
    let me = me(&args);
    if iobase_closed(interp, &me) {
        return Ok(Value::None);
    }
    let r = interp.call_method(&me, "flush", &[]);
    mark_closed(interp, &me);
    r?;
    Ok(Value::None)
}

fn closed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(iobase_closed(interp, &me(&args))))
}

fn no(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = interp;
    let _ = args;
    Ok(Value::Bool(false))
}

fn check_closed_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_closed(interp, &me(&args))?;
    Ok(Value::None)
}

fn check_cap(interp: &mut Interp, args: Args<'_>, method: &str, msg: &str) -> PyResult {
    let r = interp.call_method(&me(&args), method, &[])?;
    if !interp.truthy(&r)? {
        let m = match args.pos().get(1) {
            Some(v) if !v.is_none() => interp.str_string(v)?,
            _ => msg.to_string(),
        };
        return Err(unsupported(interp, &m));
    }
    Ok(Value::Bool(true))
}

fn check_seekable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_cap(interp, args, "seekable", "File or stream is not seekable.")
}
fn check_readable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_cap(interp, args, "readable", "File or stream is not readable.")
}
fn check_writable(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_cap(interp, args, "writable", "File or stream is not writable.")
}

fn isatty(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_closed(interp, &me(&args))?;
    Ok(Value::Bool(false))
}

fn enter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me(&args);
    check_closed(interp, &me)?;
    Ok(me)
}

fn exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    interp.call_method(&me(&args), "close", &[])
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me(&args);
    check_closed(interp, &me)?;
    Ok(me)
}

fn next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let line = interp.call_method(&me(&args), "readline", &[])?;
    if interp.len(&line)? == 0 {
        return Err(interp.stop_iteration(Value::None));
    }
    Ok(line)
}

/// `_IOBase.readline(size=-1)`: through `peek` when the stream has it, else byte by byte.
fn readline(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readline", 1, 2)?;
    let me = me(&args);
    let limit = super::size_arg(interp, p.get(1))?;
    let has_peek = interp.has_attr_str(&me, "peek");
    let mut out: Vec<u8> = Vec::new();
    loop {
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        let mut n = 1usize;
        if has_peek {
            let ahead = interp.call_method(&me, "peek", &[Value::Int(1)])?;
            let Some(b) = crate::builtins::bytes::bytes_arg(&ahead) else {
                return Err(interp.err(
                    &interp.g.exc.os_error.clone(),
                    format!(
                        "peek() should have returned a bytes object, not '{}'",
                        interp.type_name(&ahead)
                    ),
                ));
            };
            if !b.is_empty() {
                let mut k = match b.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => b.len(),
                };
                if let Some(l) = limit {
                    k = k.min(l - out.len());
                }
                n = k.max(1);
            }
        }
        let chunk = interp.call_method(&me, "read", &[Value::Int(n as i64)])?;
        let Some(b) = crate::builtins::bytes::bytes_arg(&chunk) else {
            if chunk.is_none() {
                break;
            }
            return Err(interp.err(
                &interp.g.exc.os_error.clone(),
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    interp.type_name(&chunk)
                ),
            ));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(b);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(new_bytes(interp, out))
}

/// `readlines(hint=-1)`.
pub fn readlines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "readlines", 1, 2)?;
    let me = me(&args);
    let hint = match p.get(1) {
        None | Some(Value::None) => -1,
        Some(v) => int_arg(interp, v)?,
    };
    let it = interp.iter(&me)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    while let Some(line) = interp.next(&it)? {
        if hint > 0 {
            total += interp.len(&line)?;
        }
        out.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(interp.new_list(out))
}

fn writelines(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "writelines", 2, 2)?;
    let me = me(&args);
    check_closed(interp, &me)?;
    let it = interp.iter(&p[1])?;
    while let Some(line) = interp.next(&it)? {
        interp.call_method(&me, "write", &[line])?;
    }
    Ok(Value::None)
}

fn new_bytearray(interp: &mut Interp, n: usize) -> PyResult {
    let ba = interp
        .dict_get_str(&interp.g.builtins_dict.clone(), &interp.intern("bytearray"))
        .unwrap_or(Value::None);
    interp.call1(&ba, &[Value::Int(n as i64)])
}

/// `_RawIOBase.read(size=-1)`: through `readinto`.
fn raw_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "read", 1, 2)?;
    let me = me(&args);
    let Some(n) = super::size_arg(interp, p.get(1))? else {
        return interp.call_method(&me, "readall", &[]);
    };
    let b = new_bytearray(interp, n)?;
    let r = interp.call_method(&me, "readinto", std::slice::from_ref(&b))?;
    if r.is_none() {
        return Ok(Value::None);
    }
    let k = int_arg(interp, &r)?;
    if k < 0 || k as usize > n {
        return Err(interp.value_error(format!("readinto returned {k} outside buffer size {n}")));
    }
    let data = bytes_arg(interp, &b)?;
    Ok(new_bytes(interp, data[..k as usize].to_vec()))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` to the end.
fn raw_readall(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = me(&args);
    let mut out: Vec<u8> = Vec::new();
    let mut any = false;
    loop {
        let d = interp.call_method(
            &me,
            "read",
            &[Value::Int(super::DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if d.is_none() {
            if !any {
                return Ok(Value::None);
            }
            break;
        }
        let Some(b) = crate::builtins::bytes::bytes_arg(&d) else {
            return Err(interp.type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        any = true;
        out.extend_from_slice(b);
    }
    Ok(new_bytes(interp, out))
}

fn not_implemented(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = args;
    Err(interp.not_implemented_error(""))
}

fn buf_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "read")
}
fn buf_read1(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "read1")
}
fn buf_write(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "write")
}
fn detach(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "detach")
}
fn readline_unsupported(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unsupported_method(interp, args, "readline")
}

fn readinto_via(interp: &mut Interp, args: Args<'_>, method: &str) -> PyResult {
    let p = args.exact(interp, method, 2, 2)?;
    let n = super::writable_len(interp, &p[1])?;
    let d = interp.call_method(
        &me(&args),
        if method == "readinto" {
            "read"
        } else {
            "read1"
        },
        &[Value::Int(n as i64)],
    )?;
    let data = bytes_arg(interp, &d)?;
    if data.len() > n {
        return Err(interp.value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    let k = data.len();
    super::fill_buffer(interp, &p[1], data)?;
    Ok(Value::Int(k as i64))
}

fn buf_readinto(interp: &mut Interp, args: Args<'_>) -> PyResult {
    readinto_via(interp, args, "readinto")
}
fn buf_readinto1(interp: &mut Interp, args: Args<'_>) -> PyResult {
    readinto_via(interp, args, "readinto1")
}

fn none_getter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = interp;
    let _ = args;
    Ok(Value::None)
}

fn add_all(interp: &mut Interp, t: &ObjRef, list: &[(&'static str, crate::interp::NativeFn)]) {
    for (n, f) in list {
        add_method(interp, t, n, *f);
    }
}

pub fn register(interp: &mut Interp, t: &IoTypes) {
    add_all(
        interp,
        &t.iobase,
        &[
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("flush", flush),
            ("close", close),
            ("seekable", no),
            ("readable", no),
            ("writable", no),
            ("_checkClosed", check_closed_m),
            ("_checkSeekable", check_seekable),
            ("_checkReadable", check_readable),
            ("_checkWritable", check_writable),
            ("fileno", fileno),
            ("isatty", isatty),
            ("__enter__", enter),
            ("__exit__", exit),
            ("readline", readline),
            ("readlines", readlines),
            ("writelines", writelines),
            ("__iter__", iter),
            ("__next__", next),
        ],
    );
    add_getter(interp, &t.iobase, "closed", closed);
    add_all(
        interp,
        &t.rawiobase,
        &[
            ("read", raw_read),
            ("readall", raw_readall),
            ("readinto", not_implemented),
            ("write", not_implemented),
        ],
    );
    add_all(
        interp,
        &t.bufferediobase,
        &[
            ("detach", detach),
            ("read", buf_read),
            ("read1", buf_read1),
            ("write", buf_write),
            ("readinto", buf_readinto),
            ("readinto1", buf_readinto1),
        ],
    );
    add_all(
        interp,
        &t.textiobase,
        &[
            ("detach", detach),
            ("read", buf_read),
            ("readline", readline_unsupported),
            ("write", buf_write),
        ],
    );
    for n in ["encoding", "newlines", "errors"] {
        add_getter(interp, &t.textiobase, n, none_getter);
    }
}
