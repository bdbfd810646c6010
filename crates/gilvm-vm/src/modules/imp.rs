//! The `_imp` module: the import system's native half, as the standard library's
//! `importlib` expects it (`_bootstrap._setup(sys, _imp)`), plus the few private
//! functions through which gilvm's default finders and loaders (`_gilvm_bootstrap`) reach
//! the Rust search of `import.rs`.
//!
//! gilvm has no frozen modules in CPython's sense (its own Python modules shipped in the
//! binary are served by `_gilvm_bootstrap.FrozenImporter`, not by `_imp`'s frozen API), no
//! C extension modules and no hash-based `.pyc` files: those functions answer "none" or
//! raise a clear exception.
use gilvm_object::Value;

use crate::args::Args;
use crate::error::PyResult;
use crate::import::Found;
use crate::interp::Interp;

/// The `.pyc` magic number token (`MAGIC_NUMBER` is its little-endian bytes): a 16-bit
/// number and `\r\n`, as CPython's, the number taken from the build id of marshal's code
/// record (gilvm's bytecode changes with its build, so a cache file of another build is
/// told apart by its magic, before its code is read).
pub(crate) const PYC_MAGIC_NUMBER_TOKEN: i64 =
    (0x0a0d << 16) | (crate::modules::marshal::BUILD_ID & 0xffff) as i64;

fn name_arg(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<String> {
    let a = args.exact(interp, fname, 1, 1)?;
    match a[0].as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(interp.type_error(format!(
            "{fname}() argument must be str, not {}",
            interp.type_name(&a[0])
        ))),
    }
}

fn is_native(interp: &Interp, name: &str) -> bool {
    interp
        .g
        .native_modules
        .lock()
        .iter()
        .any(|d| d.name == name)
}

fn is_builtin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = name_arg(interp, &args, "is_builtin")?;
    Ok(Value::Int(if name == "sys" || name == "builtins" {
        -1
    } else {
        is_native(interp, &name) as i64
    }))
}

fn create_builtin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "create_builtin", 1, 1)?;
    let name = interp.getattr_str(&a[0], "name")?;
    let Some(name) = name.as_str().map(|s| s.to_string()) else {
        return Err(interp.type_error("spec.name must be a string"));
    };
    if !is_native(interp, &name) && name != "sys" && name != "builtins" {
        return Err(interp.import_error(format!("no built-in module named {name}")));
    }
    Ok(Value::Obj(interp.import_module(&name)?))
}

fn exec_builtin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "exec_builtin", 1, 1)?;
    Ok(Value::Int(0))
}

fn false_of_name(interp: &mut Interp, args: Args<'_>) -> PyResult {
    name_arg(interp, &args, "is_frozen")?;
    Ok(Value::Bool(false))
}

fn find_frozen(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().is_empty() {
        return Err(interp.type_error("find_frozen() missing required argument 'name' (pos 1)"));
    }
    Ok(Value::None)
}

fn get_frozen_object(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = args.pos().first().and_then(|v| v.as_str()).unwrap_or("?");
    Err(interp.import_error(format!("No such frozen object named '{name}'")))
}

fn none(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::None)
}

fn lock_held(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Bool(false))
}

fn extension_suffixes(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(interp.new_list(vec![]))
}

fn frozen_module_names(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(interp.new_tuple(vec![]))
}

fn create_dynamic(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = match args.pos().first() {
        Some(spec) => interp.getattr_str(spec, "name")?,
        None => Value::None,
    };
    let name = name.as_str().unwrap_or("?").to_string();
    Err(interp.import_error(format!(
        "gilvm cannot load C extension modules (module '{name}')"
    )))
}

fn override_check(_interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Ok(Value::Int(-1))
}

fn source_hash(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    let ty = interp.g.exc.not_implemented_error.clone();
    Err(interp.err(&ty, "gilvm does not read or write hash-based .pyc files"))
}

/// `_gilvm_read(path)`: the bytes of a file, on disk or in the embedded standard library.
fn gilvm_read(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let path = name_arg(interp, &args, "_gilvm_read")?;
    let data = match crate::vfs::read(&path) {
        Some(Some(b)) => Ok(b),
        Some(None) => Err(std::io::Error::from_raw_os_error(2)),
        None => std::fs::read(&path),
    };
    match data {
        Ok(b) => Ok(crate::builtins::bytes::new_bytes(interp, b)),
        Err(e) => {
            let name = interp.new_str(path.as_str());
            Err(crate::io::io_err(interp, &e, Some(&name)))
        }
    }
}

/// `_gilvm_find_path(fullname, path)`: the native PathFinder search over `path` (a
/// package's `__path__`) or `sys.path` (None): None, `('file', origin)`,
/// `('package', origin)`, `('namespace', [dirs])` or `('spec', spec)` (a path hook's).
fn gilvm_find_path(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_gilvm_find_path", 2, 2)?;
    let Some(name) = a[0].as_str().map(|s| s.to_string()) else {
        return Err(interp.type_error("module name must be str"));
    };
    let dirs: Vec<String> = if a[1].is_none() {
        interp.sys_path()?
    } else {
        interp
            .collect(&a[1])?
            .iter()
            .filter_map(|v| v.as_str().map(|s| s.to_string()))
            .collect()
    };
    let short = name.rsplit('.').next().unwrap_or(&name).to_string();
    let found = interp.find_in_dirs(&name, &short, &dirs)?;
    let pair = |interp: &mut Interp, kind: &str, v: Value| {
        let k = interp.new_str(kind);
        interp.new_tuple(vec![k, v])
    };
    Ok(match found {
        None | Some(Found::Embedded(..)) => Value::None,
        Some(Found::File(p)) => {
            let s = interp.new_str(p.to_string_lossy().into_owned());
            pair(interp, "file", s)
        }
        Some(Found::Package(init, _)) => {
            let s = interp.new_str(init.to_string_lossy().into_owned());
            pair(interp, "package", s)
        }
        Some(Found::Namespace(dirs)) => {
            let items = dirs.into_iter().map(|d| interp.new_str(d)).collect();
            let l = interp.new_list(items);
            pair(interp, "namespace", l)
        }
        Some(Found::Spec(spec)) => pair(interp, "spec", spec),
    })
}

/// `_gilvm_find_frozen(name)`: None, or whether gilvm's shipped module is a package.
fn gilvm_find_frozen(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = name_arg(interp, &args, "_gilvm_find_frozen")?;
    Ok(match crate::modules::embedded(&name) {
        Some((_, is_pkg)) => Value::Bool(is_pkg),
        None => Value::None,
    })
}

fn gilvm_frozen_source(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let name = name_arg(interp, &args, "_gilvm_frozen_source")?;
    match crate::modules::embedded(&name) {
        Some((src, _)) => Ok(interp.new_str(src)),
        None => Err(interp.import_error(format!("No such frozen object named '{name}'"))),
    }
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "is_builtin", is_builtin);
    interp.add_function(m, "create_builtin", create_builtin);
    interp.add_function(m, "exec_builtin", exec_builtin);
    interp.add_function(m, "is_frozen", false_of_name);
    interp.add_function(m, "is_frozen_package", false_of_name);
    interp.add_function(m, "find_frozen", find_frozen);
    interp.add_function(m, "get_frozen_object", get_frozen_object);
    interp.add_function(m, "init_frozen", none);
    interp.add_function(m, "_frozen_module_names", frozen_module_names);
    interp.add_function(m, "_override_frozen_modules_for_tests", none);
    interp.add_function(m, "_override_multi_interp_extensions_check", override_check);
    interp.add_function(m, "acquire_lock", none);
    interp.add_function(m, "release_lock", none);
    interp.add_function(m, "lock_held", lock_held);
    interp.add_function(m, "extension_suffixes", extension_suffixes);
    interp.add_function(m, "_fix_co_filename", none);
    interp.add_function(m, "create_dynamic", create_dynamic);
    interp.add_function(m, "exec_dynamic", exec_builtin);
    interp.add_function(m, "source_hash", source_hash);
    interp.add_function(m, "_gilvm_read", gilvm_read);
    interp.add_function(m, "_gilvm_find_path", gilvm_find_path);
    interp.add_function(m, "_gilvm_find_frozen", gilvm_find_frozen);
    interp.add_function(m, "_gilvm_frozen_source", gilvm_frozen_source);
    let never = interp.new_str("never");
    interp.add_value(m, "check_hash_based_pycs", never);
    interp.add_value(
        m,
        "pyc_magic_number_token",
        Value::Int(PYC_MAGIC_NUMBER_TOKEN),
    );
    Ok(())
}

use gilvm_object::ObjRef;
