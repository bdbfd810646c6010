//! The `os` module (a POSIX subset) and `os.path` (the `posixpath` module, also importable
//! as `os.path`). Paths are `str` only (no bytes or path-like objects). `os.environ` is a
//! dict snapshot taken at import.
use gilvm_object::{ObjRef, Payload, Value};

use super::util::bind;
use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "getpid", getpid);
    interp.add_function(m, "kill", kill);
    interp.add_function(m, "cpu_count", cpu_count);
    interp.add_function(m, "getenv", getenv);
    interp.add_function(m, "getcwd", getcwd);
    interp.add_function(m, "listdir", listdir);
    let env = interp.new_dict_obj();
    for (k, v) in std::env::vars_os() {
        let k = interp.new_str(k.to_string_lossy().into_owned());
        let v = interp.new_str(v.to_string_lossy().into_owned());
        interp.dict_set(&env, k, v)?;
    }
    interp.add_value(m, "environ", Value::Obj(env));
    for (n, v) in [
        ("sep", "/"),
        ("linesep", "\n"),
        ("name", "posix"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        let s = interp.new_str(v);
        interp.add_value(m, n, s);
    }
    interp.add_value(m, "altsep", Value::None);
    let path = path_module(interp)?;
    interp.add_value(m, "path", Value::Obj(path.clone()));
    let modules = interp.g.modules.clone();
    for name in ["os.path", "posixpath"] {
        let k = interp.new_str(name);
        interp.dict_set(&modules, k, Value::Obj(path.clone()))?;
    }
    Ok(())
}

fn path_module(interp: &mut Interp) -> PyResult<ObjRef> {
    let m = interp.new_module("posixpath");
    let fns: &[(&'static str, crate::interp::NativeFn)] = &[
        ("join", join),
        ("exists", exists),
        ("isfile", isfile),
        ("isdir", isdir),
        ("basename", basename),
        ("dirname", dirname),
        ("split", split),
        ("splitext", splitext),
        ("isabs", isabs),
        ("normpath", normpath),
        ("abspath", abspath),
        ("getsize", getsize),
    ];
    for (n, f) in fns {
        interp.add_function(&m, n, *f);
    }
    for (n, v) in [
        ("sep", "/"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        let s = interp.new_str(v);
        interp.add_value(&m, n, s);
    }
    interp.add_value(&m, "altsep", Value::None);
    Ok(m)
}

/// The OSError subclass for an I/O error, with `errno`, `strerror` and `filename` set.
pub fn os_error(interp: &mut Interp, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    let exc = &interp.g.exc;
    let ty = match code {
        2 => exc.file_not_found_error.clone(),
        3 => exc.process_lookup_error.clone(),
        17 => exc.file_exists_error.clone(),
        1 | 13 => exc.permission_error.clone(),
        20 => exc.not_a_directory_error.clone(),
        21 => exc.is_a_directory_error.clone(),
        _ => exc.os_error.clone(),
    };
    let text = e.to_string();
    let strerror = match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let se = interp.new_str(strerror);
    let o = interp.new_exception(&ty, vec![Value::Int(code as i64), se.clone()]);
    if let Payload::Instance(i) = o.payload() {
        i.attr_set(interp.py, interp.intern("errno"), Value::Int(code as i64));
        i.attr_set(interp.py, interp.intern("strerror"), se);
        let f = match filename {
            Some(f) => interp.new_str(f),
            None => Value::None,
        };
        i.attr_set(interp.py, interp.intern("filename"), f);
    }
    PyErr(o)
}

fn getpid(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getpid", 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

/// `os.kill(pid, sig)`; a signal sent to this process has its Python handler run before
/// this returns, as CPython.
fn kill(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "kill", 2, 2)?;
    let pid = interp.index_value(&a[0])?;
    let sig = interp.index_value(&a[1])?;
    let (Ok(pid), Ok(sig)) = (i32::try_from(pid), i32::try_from(sig)) else {
        return Err(interp.overflow_error("signed integer is greater than maximum"));
    };
    gilvm_sync::signals::kill(pid, sig).map_err(|e| os_error(interp, &e, None))?;
    crate::modules::signal::run_pending(interp)?;
    Ok(Value::None)
}

fn cpu_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "cpu_count", 0, 0)?;
    Ok(std::thread::available_parallelism()
        .map(|n| Value::Int(n.get() as i64))
        .unwrap_or(Value::None))
}

fn getenv(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, &args, "getenv", &["key", "default"], 1)?;
    let key = a[0].clone().unwrap();
    let Some(k) = key.as_str() else {
        return Err(interp.type_error(format!("str expected, not {}", interp.type_name(&key))));
    };
    match std::env::var_os(k) {
        Some(v) => Ok(interp.new_str(v.to_string_lossy().into_owned())),
        None => Ok(a[1].clone().unwrap_or(Value::None)),
    }
}

fn getcwd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(interp.new_str(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(interp, &e, None)),
    }
}

/// A path argument (`str` only).
fn path_arg(interp: &Interp, fname: &str, v: &Value) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(interp.type_error(format!(
            "{fname}: path should be string, bytes or os.PathLike, not {}",
            interp.type_name(v)
        ))),
    }
}

fn listdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, &args, "listdir", &["path"], 0)?;
    let path = match &a[0] {
        None | Some(Value::None) => ".".to_string(),
        Some(v) => path_arg(interp, "listdir", v)?,
    };
    let rd = match std::fs::read_dir(&path) {
        Ok(rd) => rd,
        Err(e) => return Err(os_error(interp, &e, Some(&path))),
    };
    let mut out = Vec::new();
    for entry in rd {
        match entry {
            Ok(e) => out.push(interp.new_str(e.file_name().to_string_lossy().into_owned())),
            Err(e) => return Err(os_error(interp, &e, Some(&path))),
        }
    }
    Ok(interp.new_list(out))
}

// ---- os.path ----

fn one_path(interp: &Interp, args: &Args<'_>, fname: &str) -> PyResult<String> {
    let a = args.exact(interp, fname, 1, 1)?;
    match a[0].as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(interp.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            interp.type_name(&a[0])
        ))),
    }
}

fn join(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if args.has_kwargs() {
        return Err(interp.type_error("join() takes no keyword arguments"));
    }
    let Some(first) = a.first() else {
        return Err(interp.type_error("join() missing 1 required positional argument: 'a'"));
    };
    let mut path = match first.as_str() {
        Some(s) => s.to_string(),
        None => {
            return Err(interp.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                interp.type_name(first)
            )))
        }
    };
    for b in &a[1..] {
        let Some(b) = b.as_str() else {
            return Err(interp.type_error(format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                interp.type_name(b)
            )));
        };
        if b.starts_with('/') {
            path = b.to_string();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    Ok(interp.new_str(path))
}

fn stat_path(interp: &Interp, fname: &str, v: &Value) -> PyResult<Option<std::fs::Metadata>> {
    let Some(p) = v.as_str() else {
        return Err(interp.type_error(format!(
            "{fname}: path should be string, bytes, os.PathLike or integer, not {}",
            interp.type_name(v)
        )));
    };
    Ok(std::fs::metadata(p).ok())
}

fn exists(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "exists", 1, 1)?;
    Ok(Value::Bool(stat_path(interp, "stat", &a[0])?.is_some()))
}

fn isfile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "isfile", 1, 1)?;
    Ok(Value::Bool(
        stat_path(interp, "stat", &a[0])?.is_some_and(|m| m.is_file()),
    ))
}

fn isdir(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "isdir", 1, 1)?;
    Ok(Value::Bool(
        stat_path(interp, "stat", &a[0])?.is_some_and(|m| m.is_dir()),
    ))
}

fn getsize(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "getsize")?;
    match std::fs::metadata(&p) {
        Ok(m) => Ok(Value::Int(m.len() as i64)),
        Err(e) => Err(os_error(interp, &e, Some(&p))),
    }
}

fn split_at_last_sep(p: &str) -> (&str, &str) {
    match p.rfind('/') {
        Some(i) => (&p[..i + 1], &p[i + 1..]),
        None => ("", p),
    }
}

/// Strips trailing slashes from a head unless it is all slashes.
fn trim_head(head: &str) -> &str {
    if !head.is_empty() && head.bytes().any(|b| b != b'/') {
        head.trim_end_matches('/')
    } else {
        head
    }
}

fn basename(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "basename")?;
    Ok(interp.new_str(split_at_last_sep(&p).1))
}

fn dirname(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "dirname")?;
    Ok(interp.new_str(trim_head(split_at_last_sep(&p).0)))
}

fn split(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "split")?;
    let (h, t) = split_at_last_sep(&p);
    let (h, t) = (interp.new_str(trim_head(h)), interp.new_str(t));
    Ok(interp.new_tuple(vec![h, t]))
}

fn splitext(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "splitext")?;
    let sep = p.rfind('/').map(|i| i as i64).unwrap_or(-1);
    let dot = p.rfind('.').map(|i| i as i64).unwrap_or(-1);
    if dot > sep {
        // A leading run of dots in the file name is not an extension.
        let name_start = (sep + 1) as usize;
        if p[name_start..dot as usize].bytes().any(|b| b != b'.') {
            let (root, ext) = p.split_at(dot as usize);
            let (r, e) = (interp.new_str(root), interp.new_str(ext));
            return Ok(interp.new_tuple(vec![r, e]));
        }
    }
    let (r, e) = (interp.new_str(p.as_str()), interp.new_str(""));
    Ok(interp.new_tuple(vec![r, e]))
}

fn isabs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

fn norm(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let mut initial = if path.starts_with('/') { 1 } else { 0 };
    if path.starts_with("//") && !path.starts_with("///") {
        initial = 2;
    }
    let mut comps: Vec<&str> = Vec::new();
    for c in path.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = "/".repeat(initial);
    out.push_str(&comps.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn normpath(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "normpath")?;
    Ok(interp.new_str(norm(&p)))
}

fn abspath(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = one_path(interp, &args, "abspath")?;
    let full = if p.starts_with('/') {
        p
    } else {
        let cwd = match std::env::current_dir() {
            Ok(c) => c.to_string_lossy().into_owned(),
            Err(e) => return Err(os_error(interp, &e, None)),
        };
        if cwd.ends_with('/') {
            format!("{cwd}{p}")
        } else {
            format!("{cwd}/{p}")
        }
    };
    Ok(interp.new_str(norm(&full)))
}
