//! Every `.py` file of a CPython 3.14 standard library (the `Lib` directory of the
//! `rustpython-pylib` crate, 718 files) must compile with gilvm's `compile()`.
//!
//! The release `gilvm` binary (or `GILVM_BIN`, as for `tests/corpus.rs`) runs a script that
//! walks the directory and calls `compile(source, path, 'exec')` on each file; the test
//! fails listing each file that does not compile, with the error.
//!
//! [`KNOWN_ASYNC`] lists the files that fail only because coroutines (`async def`,
//! `await`, `async for`/`with`) are not implemented yet: they are being implemented on
//! another branch, and the list is removed when it is merged. A listed file must still
//! fail, with an error about async/await; if it compiles, the test fails so that the
//! list cannot rot.
use std::collections::BTreeMap;
use std::env;
use std::path::PathBuf;
use std::process::Command;

/// Files (relative to `Lib`) known to fail only on `async`/`await` syntax. Remove this
/// list when coroutines land (branch `async`).
const KNOWN_ASYNC: &[&str] = &[
    "_collections_abc.py",
    "asyncio/base_events.py",
    "asyncio/base_subprocess.py",
    "asyncio/events.py",
    "asyncio/locks.py",
    "asyncio/proactor_events.py",
    "asyncio/queues.py",
    "asyncio/runners.py",
    "asyncio/selector_events.py",
    "asyncio/staggered.py",
    "asyncio/streams.py",
    "asyncio/subprocess.py",
    "asyncio/taskgroups.py",
    "asyncio/tasks.py",
    "asyncio/threads.py",
    "asyncio/timeouts.py",
    "asyncio/unix_events.py",
    "asyncio/windows_events.py",
    "contextlib.py",
    "pdb.py",
    "types.py",
    "unittest/async_case.py",
    "unittest/mock.py",
];

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
    let mut problems = Vec::new();
    for (path, msg) in &failed {
        let known = KNOWN_ASYNC.contains(&path.as_str());
        let about_async = msg.contains("'await'") || msg.contains("'async");
        if !(known && about_async) {
            problems.push(format!("does not compile: {path}: {msg}"));
        }
    }
    for path in KNOWN_ASYNC {
        if !failed.contains_key(*path) {
            problems.push(format!(
                "compiles now (remove it from KNOWN_ASYNC in tests/stdlib_compiles.rs): {path}"
            ));
        }
    }
    assert!(problems.is_empty(), "{summary}\n{}", problems.join("\n"));
}
