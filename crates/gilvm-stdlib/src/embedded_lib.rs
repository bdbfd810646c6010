//! CPython's standard library, embedded: the files packed by `build.rs`, served to the
//! interpreter through a [`gilvm_vm::vfs::Mount`] at `<prefix>/lib/python3.14`, where
//! `<prefix>` is the directory above the one holding the `gilvm` executable (CPython's
//! layout: `target/release/gilvm` serves `target/lib/python3.14/json/__init__.py`). A
//! file is inflated each time it is read; the interpreter reads a module's source once,
//! when it is imported.
use std::io::Read;
use std::sync::OnceLock;

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stdlib.bin"));
/// `(path relative to Lib, offset in BLOB, compressed length, length)`, sorted by path.
static INDEX: &[(&str, usize, usize, usize)] =
    include!(concat!(env!("OUT_DIR"), "/stdlib_index.rs"));
/// A hash of the packed Lib (its paths and contents), made by `build.rs`.
const LIB_ID: u64 = include!(concat!(env!("OUT_DIR"), "/stdlib_id.rs"));

fn lookup(rel: &str) -> Option<&'static (&'static str, usize, usize, usize)> {
    INDEX
        .binary_search_by(|e| e.0.cmp(rel))
        .ok()
        .map(|i| &INDEX[i])
}

/// The bytes of the Lib file `rel` (`json/decoder.py`).
pub fn read(rel: &str) -> Option<Vec<u8>> {
    let &(_, off, clen, len) = lookup(rel)?;
    let mut out = Vec::with_capacity(len);
    flate2::read::DeflateDecoder::new(&BLOB[off..off + clen])
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// The length of the Lib file `rel`, without inflating it.
pub fn len(rel: &str) -> Option<u64> {
    lookup(rel).map(|e| e.3 as u64)
}

/// Whether `rel` is a directory of the Lib (`""` is the Lib itself).
pub fn is_dir(rel: &str) -> bool {
    if rel.is_empty() {
        return true;
    }
    // The first path after `rel/` in sorted order starts with `rel/` if the directory
    // holds anything ('/' sorts before every name character but a few punctuation marks,
    // so search for the prefix itself).
    let prefix = format!("{rel}/");
    let i = INDEX.partition_point(|e| e.0 < prefix.as_str());
    INDEX.get(i).is_some_and(|e| e.0.starts_with(&prefix))
}

/// The number of files and their total size (uncompressed, compressed).
pub fn stats() -> (usize, usize, usize) {
    let size = INDEX.iter().map(|e| e.3).sum();
    (INDEX.len(), size, BLOB.len())
}

/// The directory the embedded Lib appears at: `<prefix>/lib/python3.14`.
pub fn root() -> &'static str {
    static ROOT: OnceLock<String> = OnceLock::new();
    ROOT.get_or_init(|| {
        let prefix = std::env::current_exe()
            .ok()
            .and_then(|e| e.parent()?.parent().map(|p| p.to_path_buf()))
            .unwrap_or_else(|| std::path::PathBuf::from("/usr/local"));
        prefix.join("lib/python3.14").to_string_lossy().into_owned()
    })
}

/// Registers the mount (once).
pub fn mount() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        gilvm_vm::vfs::mount(gilvm_vm::vfs::Mount {
            root: root(),
            read,
            is_dir,
            len,
            id: LIB_ID,
        })
    });
}
