//! The bytecode cache: compiled modules kept on disk between runs, so that an import reads
//! a code object instead of parsing and compiling the source again.
//!
//! **What.** For a module whose source is a file, the cache file is
//! `<dir>/__pycache__/<name>.gilvm-314.pyc` (`sys.implementation.cache_tag`, as
//! `importlib.util.cache_from_source` computes it). It holds CPython's 16-byte `.pyc`
//! header (magic number, flags 0, the source's modification time and size, each 32 bits
//! little-endian) and the module's code object in marshal's format (`modules/marshal`).
//! A cache file is used when its magic and the source's time and size match; else the
//! source is compiled and the file rewritten. Files are written to a temporary name and
//! renamed into place, so a reader never sees half a file; nothing is written under
//! `-B`, `PYTHONDONTWRITEBYTECODE` or `sys.dont_write_bytecode = True`, and any failure to
//! read or write a cache file only means compiling from source.
//!
//! The standard library embedded in the binary (`vfs.rs` mounts) has no directory on
//! disk to hold a `__pycache__`: its compiled modules go under the user's cache
//! directory, `$XDG_CACHE_HOME/gilvm/lib-<tree id>/` (or `~/.cache/gilvm/...`;
//! `GILVM_CACHE_DIR` overrides the `gilvm` directory), with the same layout and the tree's
//! identity and the file's length in the header's time and size fields. A binary with
//! another Lib uses another directory; one with another compiler has another magic
//! number (the magic holds marshal's build id), so its files are recompiled.
//!
//! **Why not at build time.** Precompiling the Lib in build.rs would need the compiler,
//! the object model and the parser built a second time for the build script, and make
//! the binary several megabytes larger for code most programs never import; a lazily
//! filled cache costs one compilation per module per machine.
//!
//! **Invariants.** The code object returned runs exactly as the one compiling the source
//! gives (marshal's record holds every field the compiler sets); its file name is the
//! current path of the source, whatever path the cache file was written for.
use std::path::{Path, PathBuf};

use gilvm_object::ObjRef;

use crate::error::PyResult;
use crate::interp::Interp;

const HEADER: usize = 16;

fn magic() -> [u8; 4] {
    (crate::modules::imp::PYC_MAGIC_NUMBER_TOKEN as u32).to_le_bytes()
}

/// Where a source file's cache is, and the (time, size) its header must hold.
fn locate(source: &Path) -> Option<(PathBuf, u32, u32)> {
    let s = source.to_str()?;
    let stem = source.file_stem()?.to_str()?;
    let tag = format!("{stem}.gilvm-314.pyc");
    if let Some((id, len, rel)) = crate::vfs::stamp(s) {
        let base = match std::env::var_os("GILVM_CACHE_DIR") {
            Some(d) if !d.is_empty() => PathBuf::from(d),
            _ => match std::env::var_os("XDG_CACHE_HOME") {
                Some(d) if !d.is_empty() => PathBuf::from(d).join("gilvm"),
                _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache/gilvm"),
            },
        };
        let dir = match Path::new(&rel).parent() {
            Some(p) => base.join(format!("lib-{id:016x}")).join(p),
            None => base.join(format!("lib-{id:016x}")),
        };
        return Some((dir.join("__pycache__").join(tag), id as u32, len as u32));
    }
    if crate::vfs::is_mounted(s) {
        return None;
    }
    let meta = std::fs::metadata(source).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs() as u32;
    let dir = source.parent()?.join("__pycache__");
    Some((dir.join(tag), mtime, meta.len() as u32))
}

/// The cached code, when the cache file is there and current.
fn read_cached(
    interp: &mut Interp,
    cache: &Path,
    mtime: u32,
    size: u32,
    fname: &ObjRef,
) -> Option<ObjRef> {
    let data = std::fs::read(cache).ok()?;
    if data.len() < HEADER || data[..4] != magic() {
        return None;
    }
    let word = |k: usize| u32::from_le_bytes([data[k], data[k + 1], data[k + 2], data[k + 3]]);
    if word(4) != 0 || word(8) != mtime || word(12) != size {
        return None;
    }
    crate::modules::marshal::loads_code(interp, &data[HEADER..], fname).ok()
}

/// Whether writing is off (`sys.dont_write_bytecode`, set from `-B`).
fn dont_write(interp: &mut Interp) -> bool {
    let sys = interp.g.sys.clone();
    let d = Interp::module_dict(&sys).cloned();
    let v = d.and_then(|d| interp.dict_get_str(&d, &interp.intern("dont_write_bytecode")));
    match v {
        Some(v) => interp.truthy(&v).unwrap_or(false),
        None => false,
    }
}

fn write_cached(interp: &mut Interp, cache: &Path, mtime: u32, size: u32, code: &ObjRef) {
    let Ok(body) = crate::modules::marshal::dumps_code(interp, code) else {
        return;
    };
    let mut data = Vec::with_capacity(HEADER + body.len());
    data.extend_from_slice(&magic());
    data.extend_from_slice(&0u32.to_le_bytes());
    data.extend_from_slice(&mtime.to_le_bytes());
    data.extend_from_slice(&size.to_le_bytes());
    data.extend_from_slice(&body);
    let Some(dir) = cache.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // A name of this process's own, renamed over the cache file when complete.
    let tmp = cache.with_extension(format!("pyc.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, &data).is_ok() && std::fs::rename(&tmp, cache).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The code object of a module's source file `file` (shown as `fname`): from the cache
/// when current, else compiled (and cached). Unreadable source raises ImportError.
pub(crate) fn module_code(interp: &mut Interp, file: &Path, fname: &str) -> PyResult<ObjRef> {
    let located = locate(file);
    if let Some((cache, mtime, size)) = &located {
        let fobj = interp.intern(fname);
        if let Some(code) = read_cached(interp, cache, *mtime, *size, &fobj) {
            return Ok(code);
        }
    }
    let source = crate::vfs::read_to_string(file)
        .map_err(|e| interp.import_error(format!("cannot read {}: {e}", file.display())))?;
    let code = interp.compile_source(&source, fname)?;
    if let Some((cache, mtime, size)) = &located {
        if !dont_write(interp) {
            write_cached(interp, cache, *mtime, *size, &code);
        }
    }
    Ok(code)
}
