//! How pyperformance runs one of its benchmarks, read from its own files.
//!
//! A benchmark name is a line of `MANIFEST`'s `[benchmarks]` section: `name <local>` lives
//! in `bm_<name>/` with its metadata in `bm_<name>/pyproject.toml`; a variant
//! `name <local:base>` runs `bm_<base>/run_benchmark.py` with its metadata in
//! `bm_<base>/bm_<name>.toml`. The metadata's `[tool.pyperformance] extra_opts` are the
//! arguments pyperformance gives the script (`async_tree_io`: `io`; `pickle_pure_python`:
//! `--pure-python pickle`): without them a script that picks its workload from an argument
//! fails (`KeyError: None`).
//!
//! A benchmark that vendors a package for pip to install into pyperformance's virtual
//! environment (`bm_2to3/vendor`, lib2to3, removed from the standard library in 3.13) gets
//! that package's `src` directory on `PYTHONPATH` instead, which is what installing it
//! would give the script and the child processes it starts.
use std::path::{Path, PathBuf};

/// The directory, arguments and extra import path of one benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// `bm_<base>`: holds `run_benchmark.py`; the script runs with it as working directory.
    pub dir: PathBuf,
    pub args: Vec<String>,
    /// A vendored package's source directory, for `PYTHONPATH`.
    pub path: Option<PathBuf>,
}

impl Target {
    pub fn script(&self) -> PathBuf {
        self.dir.join("run_benchmark.py")
    }
}

/// Resolves `name` in the unpacked benchmarks directory `root`. A name missing from the
/// manifest (or no manifest) is taken as `<local>`.
pub fn resolve(root: &Path, name: &str) -> Target {
    let manifest = std::fs::read_to_string(root.join("MANIFEST")).unwrap_or_default();
    let base = manifest_base(&manifest, name);
    let (dir, meta) = match &base {
        Some(b) => {
            let dir = root.join(format!("bm_{b}"));
            let meta = dir.join(format!("bm_{name}.toml"));
            (dir, meta)
        }
        None => {
            let dir = root.join(format!("bm_{name}"));
            let meta = dir.join("pyproject.toml");
            (dir, meta)
        }
    };
    let args = std::fs::read_to_string(&meta)
        .map(|t| extra_opts(&t))
        .unwrap_or_default();
    let vendored = dir.join("vendor").join("src");
    let path = vendored.is_dir().then_some(vendored);
    Target { dir, args, path }
}

/// The base of a variant (`async_tree` for `async_tree_io <local:async_tree>`), or None for
/// a `<local>` benchmark.
fn manifest_base(manifest: &str, name: &str) -> Option<String> {
    let mut in_list = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_list = line == "[benchmarks]";
            continue;
        }
        if !in_list || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        if parts.next() != Some(name) {
            continue;
        }
        let origin = parts.next()?;
        return origin
            .strip_prefix("<local:")
            .and_then(|b| b.strip_suffix('>'))
            .map(str::to_string);
    }
    None
}

/// `extra_opts = ["a", "--b"]` of a metafile's `[tool.pyperformance]` table (one line, as
/// all of pyperformance's are).
fn extra_opts(toml: &str) -> Vec<String> {
    let mut in_table = false;
    for line in toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_table = line == "[tool.pyperformance]";
            continue;
        }
        let Some(rest) = line.strip_prefix("extra_opts") else {
            continue;
        };
        if !in_table {
            continue;
        }
        let list = rest.trim_start().trim_start_matches('=').trim();
        let list = list.trim_start_matches('[').trim_end_matches(']');
        return list
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect();
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_variants_and_options() {
        let m = "[benchmarks]\n\nname\tmetafile\nargparse\t<local>\nasync_tree_io\t<local:async_tree>\n#x\t<local:y>\n\n[group default]\n";
        assert_eq!(manifest_base(m, "argparse"), None);
        assert_eq!(
            manifest_base(m, "async_tree_io").as_deref(),
            Some("async_tree")
        );
        assert_eq!(manifest_base(m, "x"), None);
        let t = "[project]\nname = \"a\"\n\n[tool.pyperformance]\nname = \"b\"\nextra_opts = [\"io\", \"--task-groups\"]\n";
        assert_eq!(extra_opts(t), vec!["io", "--task-groups"]);
        assert!(extra_opts("[project]\nextra_opts = [\"no\"]\n").is_empty());
    }
}
