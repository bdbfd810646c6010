//! Packs CPython 3.14's pure-Python standard library (the `Lib/` directory of the pinned
//! `rustpython-pylib` crate) into the binary: each file compressed on its own with
//! deflate (so that a module is inflated only when imported), concatenated into
//! `$OUT_DIR/stdlib.bin`, with a sorted index `$OUT_DIR/stdlib_index.rs` of
//! `(path, offset, compressed length, length)`. Directories that cannot work in gilvm
//! (Tk's GUI: `idlelib`, `tkinter`, `turtledemo`) and bundled wheels are left out.
use std::io::Write;
use std::path::Path;

const SKIP_DIRS: &[&str] = &["idlelib", "tkinter", "turtledemo", "ensurepip/_bundled"];
const SKIP_EXT: &[&str] = &["whl", "gif", "png", "ico", "icns", "bat", "exe", "pyc"];

fn walk(root: &Path, rel: &str, out: &mut Vec<String>) {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let ft = e.file_type().expect("file type");
        if ft.is_dir() {
            if name == "__pycache__" || SKIP_DIRS.contains(&path.as_str()) {
                continue;
            }
            walk(root, &path, out);
        } else if ft.is_file() {
            let ext = name.rsplit_once('.').map(|x| x.1).unwrap_or("");
            if !SKIP_EXT.contains(&ext) {
                out.push(path);
            }
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let root = Path::new(rustpython_pylib::LIB_PATH);
    let mut files = Vec::new();
    walk(root, "", &mut files);
    files.sort();
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut blob = Vec::new();
    // The Lib's identity for the bytecode cache (gilvm-vm's pycache.rs).
    let mut id = std::collections::hash_map::DefaultHasher::new();
    let mut index = String::from("&[\n");
    for f in &files {
        let data = std::fs::read(root.join(f)).expect("read Lib file");
        std::hash::Hasher::write(&mut id, f.as_bytes());
        std::hash::Hasher::write(&mut id, &data);
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&data).expect("deflate");
        let packed = enc.finish().expect("deflate");
        index.push_str(&format!(
            "    ({:?}, {}, {}, {}),\n",
            f,
            blob.len(),
            packed.len(),
            data.len()
        ));
        blob.extend_from_slice(&packed);
    }
    index.push_str("]\n");
    std::fs::write(Path::new(&out_dir).join("stdlib.bin"), &blob).expect("write stdlib.bin");
    std::fs::write(Path::new(&out_dir).join("stdlib_index.rs"), index).expect("write index");
    let id = std::hash::Hasher::finish(&id);
    std::fs::write(
        Path::new(&out_dir).join("stdlib_id.rs"),
        format!("{id:#018x}u64\n"),
    )
    .expect("write id");
}
