//! Read-only file trees served from memory: the standard library embedded in the binary.
//!
//! **What.** A [`Mount`] answers for every path under its `root` directory: whether a
//! path is a file or a directory and what a file holds. The import system
//! (`import.rs`), the traceback printer (`traceback.rs`) and the module loaders consult
//! the mounts before the file system, so that a module served from memory imports, quotes
//! its source lines in tracebacks and answers `__loader__.get_source()` like a file on disk.
//!
//! **Why.** The `gilvm` binary carries CPython's pure-Python standard library (the
//! `gilvm-stdlib` crate compresses it at build time) so that it is self-contained and can
//! be copied anywhere; `GILVM_STDLIB` or `PYTHONHOME` point at a real directory instead,
//! and then no mount is registered.
//!
//! **Invariants.** Mounts are registered before the first import and never removed (the
//! list is append-only; readers take a shared lock). A mount is authoritative for its root:
//! a path under it that the mount does not hold does not exist, whatever is on disk there.
//! Paths are compared as strings, so the root is absolute and has no trailing slash.
use parking_lot::RwLock;

/// A file tree served from memory.
#[derive(Clone, Copy, Debug)]
pub struct Mount {
    /// The absolute directory the tree appears at (no trailing slash).
    pub root: &'static str,
    /// The bytes of the file at a path relative to `root` (`json/__init__.py`).
    pub read: fn(&str) -> Option<Vec<u8>>,
    /// Whether a relative path is a directory of the tree (`""` is the root).
    pub is_dir: fn(&str) -> bool,
    /// The length of the file at a relative path, without reading it (None: no file).
    pub len: fn(&str) -> Option<u64>,
    /// The identity of the tree's contents (a hash made when it was packed): the bytecode
    /// cache (`pycache.rs`) keeps the tree's compiled modules under it.
    pub id: u64,
}

static MOUNTS: RwLock<Vec<Mount>> = RwLock::new(Vec::new());

/// Registers a mount (before the first import).
pub fn mount(m: Mount) {
    MOUNTS.write().push(m);
}

/// The mount that holds `path`, and the path relative to its root.
fn find(path: &str) -> Option<(Mount, String)> {
    let mounts = MOUNTS.read();
    for m in mounts.iter() {
        if let Some(rest) = path.strip_prefix(m.root) {
            if rest.is_empty() {
                return Some((*m, String::new()));
            }
            if let Some(rel) = rest.strip_prefix('/') {
                let rel = normalise(rel);
                // `site-packages` is the installation's, on disk (`site.py` adds it).
                if rel == "site-packages" || rel.starts_with("site-packages/") {
                    return None;
                }
                return Some((*m, rel));
            }
        }
    }
    None
}

/// `a/./b//c` → `a/b/c` (no `..` handling: a path that climbs out is not in the tree).
fn normalise(rel: &str) -> String {
    rel.split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `path` is under a mount (then the mount alone answers for it).
pub fn is_mounted(path: &str) -> bool {
    find(path).is_some()
}

/// The contents of `path`: None when no mount holds the path's directory, `Some(None)`
/// when a mount does but has no such file.
pub fn read(path: &str) -> Option<Option<Vec<u8>>> {
    let (m, rel) = find(path)?;
    if rel.split('/').any(|p| p == "..") {
        return Some(None);
    }
    Some((m.read)(&rel))
}

/// Whether `path` is a regular file, on a mount or on disk.
pub fn is_file(path: &std::path::Path) -> bool {
    match path.to_str().and_then(find) {
        Some((m, rel)) => !rel.split('/').any(|p| p == "..") && (m.len)(&rel).is_some(),
        None => path.is_file(),
    }
}

/// Whether `path` is a directory, on a mount or on disk.
pub fn is_dir(path: &std::path::Path) -> bool {
    match path.to_str().and_then(find) {
        Some((m, rel)) => !rel.split('/').any(|p| p == "..") && (m.is_dir)(&rel),
        None => path.is_dir(),
    }
}

/// The text of `path` (UTF-8), on a mount or on disk.
pub fn read_to_string(path: &std::path::Path) -> std::io::Result<String> {
    match path.to_str().and_then(read) {
        Some(Some(bytes)) => String::from_utf8(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        Some(None) => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
        None => std::fs::read_to_string(path),
    }
}

/// For a file on a mount: the tree's identity, the file's length and its path relative to
/// the root. None when no mount holds the path or the mount has no such file.
pub fn stamp(path: &str) -> Option<(u64, u64, String)> {
    let (m, rel) = find(path)?;
    if rel.split('/').any(|p| p == "..") {
        return None;
    }
    let len = (m.len)(&rel)?;
    Some((m.id, len, rel))
}
