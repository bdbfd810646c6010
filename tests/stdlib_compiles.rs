//! Every `.py` file of a CPython 3.14 standard library (the `Lib` directory of the
//! `rustpython-pylib` crate, 718 files) must compile with gilvm's `compile()`.
//!
//! The release `gilvm` binary (or `GILVM_BIN`, as for `tests/corpus.rs`) runs a script that
//! walks the directory and calls `compile(source, path, 'exec')` on each file; the test
//! fails listing each file that does not compile, with the error.

use std::collections::BTreeMap;
use std::env;
use std::path::PathBuf;
use std::process::Command;

/// Prints `ok <count>`, then one `FAIL <path>\t<error>` line per file that does not compile.
const SCRIPT: &str = r#"
import os, sys
root = sys.argv[1]
files = []
def walk(d, rel):
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        r = rel + name
        if os.path.isdir(p):
            walk(p, r + '/')
        elif name.endswith('.py'):
            files.append((p, r))
walk(root, '')
ok = 0
for p, r in files:
    try:
        with open(p, encoding='utf-8') as fh:
            src = fh.read()
        compile(src, p, 'exec')
        ok += 1
    except BaseException as e:
        msg = (type(e).__name__ + ': ' + str(e)).replace('\n', ' ')
        print('FAIL ' + r + '\t' + msg)
print('ok', ok, 'of', len(files))
"#;

fn interpreter() -> PathBuf {
    if let Some(bin) = env::var_os("GILVM_BIN").filter(|b| !b.is_empty()) {
        return PathBuf::from(bin);
    }
    PathBuf::from(env!("CARGO_BIN_EXE_gilvm"))
}

#[test]
fn stdlib_compiles() {
    let lib = rustpython_pylib::LIB_PATH;
    let out = Command::new(interpreter())
        .arg("-c")
        .arg(SCRIPT)
        .arg(lib)
        .output()
        .expect("run gilvm");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the compile script failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    let mut failed: BTreeMap<String, String> = BTreeMap::new();
    let mut summary = None;
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("FAIL ") {
            let (path, msg) = rest.split_once('\t').unwrap_or((rest, ""));
            failed.insert(path.to_string(), msg.to_string());
        } else if line.starts_with("ok ") {
            summary = Some(line.to_string());
        }
    }
    let summary = summary.expect("the script's summary line");
    let total: usize = summary
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        total >= 700,
        "expected the whole Lib ({summary}) under {lib}"
    );
    let problems: Vec<String> = failed
        .iter()
        .map(|(path, msg)| format!("does not compile: {path}: {msg}"))
        .collect();
    assert!(problems.is_empty(), "{summary}\n{}", problems.join("\n"));
}
