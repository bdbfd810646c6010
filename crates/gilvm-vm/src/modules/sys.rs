//! The `sys` module.
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

fn exit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "exit", 0, 1)?;
    let e = interp.new_exception(&interp.g.exc.system_exit.clone(), a.to_vec());
    Err(crate::error::PyErr(e))
}
fn getrecursionlimit(interp: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Int(interp.recursion_limit as i64))
}
fn setrecursionlimit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setrecursionlimit", 1, 1)?;
    let n = match &a[0] {
        Value::Int(i) => *i,
        other => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(interp.value_error("recursion limit must be greater or equal than 1"));
    }
    let n = n.min(u32::MAX as i64) as u32;
    if n <= interp.depth {
        return Err(interp.err(&interp.g.exc.recursion_error.clone(), format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", interp.depth)));
    }
    interp.recursion_limit = n;
    interp
        .g
        .recursion_limit
        .store(n, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::None)
}
fn getswitchinterval(interp: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Float(interp.g.gil.switch_interval_us() as f64 / 1e6))
}
fn setswitchinterval(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "setswitchinterval", 1, 1)?;
    let s = crate::ops::to_f64(&a[0]).ok_or_else(|| {
        interp.type_error(format!(
            "must be real number, not {}",
            interp.type_name(&a[0])
        ))
    })?;
    if s <= 0.0 {
        return Err(interp.value_error("switch interval must be strictly positive"));
    }
    interp
        .g
        .gil
        .set_switch_interval_us((s * 1e6).round().max(1.0) as u64);
    Ok(Value::None)
}
fn is_gil_enabled(interp: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(Value::Bool(crate::gilctl::is_gil_enabled(interp)))
}
fn gilvm_stats(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_gilvm_stats", 0, 0)?;
    crate::observability::stats_dict(interp)
}
fn getrefcount(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getrefcount", 1, 1)?;
    Ok(Value::Int(match &a[0] {
        Value::Obj(o) => o.ref_count() as i64,
        _ => 4294967295,
    }))
}
fn exc_info(interp: &mut Interp, _: Args<'_>) -> PyResult {
    let h = interp.handled.clone();
    Ok(match &h {
        Value::Obj(o) => {
            let t = Value::Obj(gilvm_object::types::type_of_obj(o).clone());
            let tb = crate::error::exc_data(o)
                .map(|d| d.with(interp.py, |d| d.traceback.clone()))
                .unwrap_or(Value::None);
            interp.new_tuple(vec![t, h.clone(), tb])
        }
        _ => interp.new_tuple(vec![Value::None, Value::None, Value::None]),
    })
}
fn exception(interp: &mut Interp, _: Args<'_>) -> PyResult {
    Ok(interp.handled.clone())
}
fn intern_fn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "intern", 1, 1)?;
    match a[0].as_str() {
        Some(s) => Ok(Value::Obj(interp.intern(s))),
        None => Err(interp.type_error(format!(
            "intern() argument must be str, not {}",
            interp.type_name(&a[0])
        ))),
    }
}

/// Exit-time work, as CPython's finalisation: waits for non-daemon threads (if `threading`
/// was imported), runs the `atexit` callbacks, then flushes `sys.stdout` and `sys.stderr`
/// (calling their `flush()`, so a replacement object that buffers is flushed too; the
/// native buffer is flushed by the caller in any case). An exception while joining the threads (a Ctrl-C there) is reported and
/// ignored, as CPython 3.14 does.
pub fn shutdown(interp: &mut Interp) {
    let key = interp.new_str("threading");
    let threading = interp
        .dict_get(&interp.g.modules.clone(), &key)
        .ok()
        .flatten();
    if let Some(t) = threading {
        if let Ok(f) = interp.getattr_str(&t, "_shutdown") {
            if let Err(e) = interp.call1(&f, &[]) {
                let text = crate::traceback::format_exception(interp, &e);
                crate::modules::io::write_stderr(&format!(
                    "Exception ignored while joining a thread in _thread._shutdown():\n{text}"
                ));
            }
        }
    }
    crate::modules::atexit::run_exitfuncs(interp);
    FINALIZING.store(true, std::sync::atomic::Ordering::Relaxed);
    let sys = Value::Obj(interp.g.sys.clone());
    for name in ["stdout", "stderr"] {
        let Ok(stream) = interp.getattr_str(&sys, name) else {
            continue;
        };
        if stream.is_none() {
            continue;
        }
        if let Ok(flush) = interp.getattr_str(&stream, "flush") {
            // As CPython's flush_std_files: a failing flush is not fatal here.
            let _ = interp.call1(&flush, &[]);
        }
    }
}

/// Set once the interpreter is shutting down (after the atexit callbacks), as CPython's
/// `sys.is_finalizing()` (asyncio's loops check it when closed).
static FINALIZING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn is_finalizing(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "is_finalizing", 0, 0)?;
    Ok(Value::Bool(
        FINALIZING.load(std::sync::atomic::Ordering::Relaxed),
    ))
}

/// `sys._clear_type_descriptors(type)`: removes the `__dict__` and `__weakref__`
/// descriptors from a class's own dict (dataclasses replaces a class by a slotted copy
/// and clears the original's, so that it can be collected).
fn clear_type_descriptors(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_clear_type_descriptors", 1, 1)?;
    let Value::Obj(t) = &a[0] else {
        return Err(interp.type_error("_clear_type_descriptors() argument must be a type"));
    };
    let Payload::Type(tt) = t.payload() else {
        return Err(interp.type_error(format!(
            "_clear_type_descriptors() argument must be type, not {}",
            interp.type_name(&a[0])
        )));
    };
    let d = tt.dict.clone();
    for n in ["__dict__", "__weakref__"] {
        let k = interp.intern(n);
        interp.dict_del_str(&d, &k);
    }
    Ok(Value::None)
}

pub fn init_sys(interp: &mut Interp) {
    let m: ObjRef = interp.g.sys.clone();
    let cfg = interp.g.config.get().cloned().unwrap_or_default();
    interp.add_function(&m, "exit", exit);
    // sys.excepthook, __excepthook__ (branch threads).
    crate::modules::excepthook::init(interp, &m);
    interp.add_function(&m, "getrecursionlimit", getrecursionlimit);
    interp.add_function(&m, "setrecursionlimit", setrecursionlimit);
    interp.add_function(&m, "getswitchinterval", getswitchinterval);
    interp.add_function(&m, "setswitchinterval", setswitchinterval);
    interp.add_function(&m, "_is_gil_enabled", is_gil_enabled);
    interp.add_function(&m, "getrefcount", getrefcount);
    interp.add_function(&m, "_gilvm_stats", gilvm_stats);
    interp.add_function(&m, "exc_info", exc_info);
    interp.add_function(&m, "exception", exception);
    interp.add_function(&m, "intern", intern_fn);
    interp.add_function(&m, "_getframe", crate::frameobj::sys_getframe);
    interp.add_function(&m, "settrace", crate::tracing::settrace);
    interp.add_function(&m, "setprofile", crate::tracing::setprofile);
    interp.add_function(&m, "gettrace", crate::tracing::gettrace);
    interp.add_function(&m, "getprofile", crate::tracing::getprofile);
    crate::modules::monitoring::init(interp, &m);
    crate::modules::monitoring::init_jit(interp, &m);
    interp.add_function(
        &m,
        "_getframemodulename",
        crate::frameobj::sys_getframemodulename,
    );
    crate::builtins::exec::init_sys(interp, &m);
    // dataclasses(slots=True) (branch net: asyncio.graph).
    interp.add_function(&m, "_clear_type_descriptors", clear_type_descriptors);
    interp.add_function(&m, "is_finalizing", is_finalizing);
    let argv: Vec<Value> = cfg.argv.iter().map(|a| interp.new_str(a.clone())).collect();
    let argv = interp.new_list(argv);
    interp.add_value(&m, "argv", argv);
    let mut path = vec![];
    // `-P` / `PYTHONSAFEPATH`: no script directory (or current directory) in front.
    if !cfg.flags.safe_path {
        path.push(interp.new_str(cfg.script_dir.clone().unwrap_or_default()));
    }
    if !cfg.flags.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            for p in pp.split(':').filter(|p| !p.is_empty()) {
                path.push(interp.new_str(p));
            }
        }
    }
    for d in &cfg.stdlib_dirs {
        path.push(interp.new_str(d.clone()));
    }
    let warnoptions: Vec<Value> = cfg
        .warnoptions
        .iter()
        .map(|w| interp.new_str(w.clone()))
        .collect();
    let warnoptions = interp.new_list(warnoptions);
    interp.add_value(&m, "warnoptions", warnoptions);
    // `-X name=value` → {'name': 'value'}, `-X name` → {'name': True}.
    let xopts = interp.new_dict_obj();
    for (name, value) in &cfg.xoptions {
        let k = interp.new_str(name.clone());
        let v = match value {
            Some(v) => interp.new_str(v.clone()),
            None => Value::Bool(true),
        };
        let _ = interp.dict_set(&xopts, k, v);
    }
    interp.add_value(&m, "_xoptions", Value::Obj(xopts));
    let path = interp.new_list(path);
    interp.add_value(&m, "path", path);
    interp.add_value(&m, "modules", Value::Obj(interp.g.modules.clone()));
    // The import hooks (importlib_glue.rs fills meta_path at the first import).
    let meta = interp.new_list(vec![]);
    interp.add_value(&m, "meta_path", meta);
    let hooks = interp.new_list(vec![]);
    interp.add_value(&m, "path_hooks", hooks);
    let cache = interp.new_dict_obj();
    interp.add_value(&m, "path_importer_cache", Value::Obj(cache));
    let mut names: Vec<String> = interp
        .g
        .native_modules
        .lock()
        .iter()
        .map(|d| d.name.to_string())
        .chain(["sys".to_string(), "builtins".to_string()])
        .collect();
    names.sort();
    names.dedup();
    let names = names.into_iter().map(|n| interp.new_str(n)).collect();
    let names = interp.new_tuple(names);
    interp.add_value(&m, "builtin_module_names", names);
    // version, version_info, hexversion, implementation, flags, platlibdir, orig_argv.
    crate::modules::sys_info::init(interp, &m, &cfg);
    // sys.{get,set}_int_max_str_digits, sys.{get,set}_coroutine_origin_tracking_depth.
    crate::modules::sys_limits::init(interp, &m, &cfg);
    interp.add_value(&m, "maxsize", Value::Int(i64::MAX));
    // The largest code point a str holds (U+10FFFF, as every CPython since 3.3).
    interp.add_value(&m, "maxunicode", Value::Int(0x10FFFF));
    let plat = interp.new_str(std::env::consts::OS);
    interp.add_value(&m, "platform", plat);
    let exe = interp.new_str(
        std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    interp.add_value(&m, "executable", exe);
    let impl_name = interp.new_str("gilvm");
    interp.add_value(&m, "implementation_name", impl_name);
    let bo = interp.new_str("little");
    interp.add_value(&m, "byteorder", bo);
    // stdin / stdout / stderr: `_io.TextIOWrapper`s, as in CPython (branch `io`).
    crate::io::stdio::init_std_streams(interp, &m);
    init_os_facts(interp, &m);
}

// What the Lib's os.py reads of sys at import (branch `posix`): the file-system encoding
// (UTF-8 with surrogateescape, as CPython on Linux), and the audit hooks that os.walk,
// shutil, tempfile and subprocess call.
fn init_os_facts(interp: &mut Interp, m: &ObjRef) {
    interp.add_function(m, "getfilesystemencoding", getfilesystemencoding);
    interp.add_function(m, "getdefaultencoding", getdefaultencoding);
    // What `_pyrepl` falls back to when it cannot drive the terminal.
    interp.add_function(m, "_baserepl", crate::interactive::baserepl);
    interp.add_function(m, "getfilesystemencodeerrors", getfilesystemencodeerrors);
    // PEP 578 audit hooks: the hooks list is bound to both functions.
    let hooks = interp.new_list(vec![]);
    let f = crate::modules::util::native_closure(interp, "audit", audit, hooks.clone());
    interp.add_value(m, "audit", f);
    let f = crate::modules::util::native_closure(interp, "addaudithook", addaudithook, hooks);
    interp.add_value(m, "addaudithook", f);
}

/// `sys.audit(event, *args)`: calls each hook with `(event, args)`.
fn audit(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.pos();
    if args.has_kwargs() {
        return Err(interp.type_error("audit() takes no keyword arguments"));
    }
    if a.len() < 2 {
        return Err(interp.type_error("audit() missing 1 required positional argument: 'event'"));
    }
    if a[1].as_str().is_none() {
        return Err(interp.type_error(format!(
            "expected str for argument 'event', not {}",
            interp.type_name(&a[1])
        )));
    }
    let hooks = interp.collect(&a[0])?;
    if hooks.is_empty() {
        return Ok(Value::None);
    }
    let rest = interp.new_tuple(a[2..].to_vec());
    for h in hooks {
        interp.call1(&h, &[a[1].clone(), rest.clone()])?;
    }
    Ok(Value::None)
}

/// `sys.addaudithook(hook)`.
fn addaudithook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "addaudithook", 2, 2)?;
    interp.call_method(&a[0], "append", &[a[1].clone()])?;
    Ok(Value::None)
}

fn getfilesystemencoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getfilesystemencoding", 0, 0)?;
    Ok(interp.new_str("utf-8"))
}

/// `sys.getdefaultencoding()`: the encoding of `str.encode()` without arguments.
fn getdefaultencoding(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getdefaultencoding", 0, 0)?;
    Ok(interp.new_str("utf-8"))
}

fn getfilesystemencodeerrors(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getfilesystemencodeerrors", 0, 0)?;
    Ok(interp.new_str("surrogateescape"))
}
