#!/usr/bin/env python3
"""CPython's own test suite as gilvm's oracle (`make cpython-tests`, `make cpython-tests-quick`).

    tests/cpython_tests.py fetch                      # Lib/test into target/cpython-tests/
    tests/cpython_tests.py run BIN [BIN ...] [--modules test_int,test_str] [--report FILE]
    tests/cpython_tests.py write-expected RUN.json [RUN.json ...]

`fetch` downloads Debian sid's `libpython3.14-testsuite` package (architecture `all`: CPython
3.14's Lib/test, the tests of the version gilvm targets) and the `test` package's support
files from `libpython3.14-stdlib` (test/__init__.py, test.support, test.libregrtest), checks
each against the archive's SHA-256 and unpacks them into target/cpython-tests/Lib/test. Nothing of
it is committed. Runs with the machine's python3 (3.11 is enough); no CPython 3.14 needed.

`run` runs each test module with `BIN -m unittest -v test.MODULE` (PYTHONPATH pointing at the
fetched Lib, a fresh temporary directory as the current directory, a time limit per module),
reads unittest's per-test lines and compares the failures with the checked-in list of expected
failures, tests/cpython/expected_failures/MODULE.txt: one test id per line (or `*` for a module
that cannot run at all), each with the reason after `#`. A line `gil: ID` or `ft: ID` holds for
that build only (the free-threaded one is recognised by `BIN -V` and run with PYTHON_GIL=0); a
line `?ID` is a test that may pass or fail (timing), never reported. It prints a table of
passed / failed / skipped per module and binary (and writes it as markdown with --report). It
exits 1 when a test fails that is not listed, when a module does not finish, or when gilvm
crashes (a Rust panic or a signal); a listed test that now passes is reported, so that the list
shrinks.

`run --write-expected` rewrites the lists from the run instead (every failure of the binaries
given, with the exception line of its traceback as the reason; a failure of one build only gets
the build's prefix; a module that runs nothing gets `*`; `?` lines and `#` comment lines are
kept); read the diff before committing it. `run --json FILE` saves a run's failures, and
`write-expected FILE...` writes the lists from such files (runs of the two builds made side by
side).
"""
import argparse
import hashlib
import io
import json
import lzma
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEST = os.path.join(ROOT, "target", "cpython-tests")
EXPECTED = os.path.join(HERE, "cpython", "expected_failures")
PACKAGE = "libpython3.14-testsuite"

# Issue 19's list of test modules.
MODULES = """test_grammar test_syntax test_int test_long test_float test_complex test_bool test_str
test_bytes test_list test_tuple test_dict test_set test_string test_fstring test_format
test_exceptions test_class test_descr test_scope test_generators test_coroutines test_funcattrs
test_builtin test_math test_random test_re test_json test_itertools test_functools
test_collections test_dataclasses test_enum test_typing test_threading test_queue test_weakref
test_gc test_contextlib test_with test_unittest""".split()


def mirror():
    """The Debian mirror the machine's apt sources name, else deb.debian.org."""
    d = "/etc/apt/sources.list.d"
    try:
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name)) as f:
                for line in f:
                    m = re.match(r"^URIs:\s*(\S+/debian)\s*$", line)
                    if m:
                        return m.group(1)
    except OSError:
        pass
    return "http://deb.debian.org/debian"


def get(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.read()


def ar_members(data):
    """The members of an `ar` archive (a .deb): name -> bytes."""
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit("not a .deb (ar) archive")
    pos, out = 8, {}
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        out[name] = data[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)
    return out


def fetch_package(base, index_path, package, target_root):
    """Unpacks the `usr/lib/python3.14/test/` part of Debian sid's `package` into
    target_root/test; returns its version."""
    index = lzma.decompress(get(f"{base}/dists/sid/main/{index_path}")).decode()
    stanza = next((s for s in index.split("\n\n") if s.startswith(f"Package: {package}\n")), None)
    if stanza is None:
        raise SystemExit(f"{package} is not in Debian sid's index at {base}")
    fields = dict(re.findall(r"^([A-Za-z0-9-]+): (.*)$", stanza, re.M))
    print(f"fetching {package} {fields['Version']} from {base}")
    deb = get(f"{base}/{fields['Filename']}")
    if hashlib.sha256(deb).hexdigest() != fields["SHA256"]:
        raise SystemExit("SHA-256 mismatch: the download is not the package the index names")
    members = ar_members(deb)
    data_name = next(n for n in members if n.startswith("data.tar"))
    prefix = "./usr/lib/python3.14/test/"
    with tarfile.open(fileobj=io.BytesIO(members[data_name])) as tar:
        chosen = []
        for m in tar.getmembers():
            if m.name.startswith(prefix) and (m.isfile() or m.isdir()):
                m.name = "test/" + m.name[len(prefix):]
                chosen.append(m)
        tar.extractall(target_root, members=chosen)
    print(f"  {len(chosen)} files")
    return f"{package} {fields['Version']}"


def fetch():
    target = os.path.join(DEST, "Lib", "test")
    if os.path.exists(os.path.join(target, "support", "__init__.py")):
        print(f"{target}: already fetched")
        return
    base = mirror()
    os.makedirs(os.path.dirname(target), exist_ok=True)
    # The test modules (architecture `all`), then test/__init__.py, test.support and
    # test.libregrtest, which Debian ships in the standard library's package (pure Python,
    # the same in every architecture's build).
    versions = [fetch_package(base, "binary-all/Packages.xz", PACKAGE, os.path.dirname(target)),
                fetch_package(base, "binary-amd64/Packages.xz", "libpython3.14-stdlib",
                              os.path.dirname(target))]
    with open(os.path.join(DEST, "VERSION"), "w") as f:
        f.write(", ".join(versions) + "\n")


RESULT = re.compile(
    r"^(?P<name>\w+) \((?P<id>[\w.]+)\)(?:\n[^\n]*?)? \.\.\. "
    r"(?P<status>ok|FAIL|ERROR|skipped.*|expected failure|unexpected success)$",
    re.M)


def parse(output):
    """test id -> 'pass' | 'fail' | 'skip' from unittest -v output."""
    results = {}
    for m in RESULT.finditer(output):
        st = m.group("status")
        tid = m.group("id")
        if st in ("ok", "expected failure"):
            results[tid] = "pass"
        elif st.startswith("skipped"):
            results[tid] = "skip"
        else:
            results[tid] = "fail"
    # Failures reported after a test's own line (errors in tearDown, ...).
    for m in re.finditer(r"^(?:FAIL|ERROR): (\w+) \(([\w.]+)\)", output, re.M):
        results[m.group(2)] = "fail"
    return results


def expected_failures(module, build):
    """(ids expected to fail, ids that may fail) on `build` ('gil' or 'ft')."""
    path = os.path.join(EXPECTED, module + ".txt")
    out, maybe = set(), set()
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                m = re.match(r"^(gil|ft):\s*(.*)$", line)
                if m:
                    if m.group(1) != build:
                        continue
                    line = m.group(2).strip()
                if line.startswith("?"):
                    maybe.add(line[1:].strip())
                elif line:
                    out.add(line)
    return out, maybe


def build_of(binary):
    """'ft' for a free-threaded build (`BIN -V` says so), else 'gil'."""
    p = subprocess.run([binary, "-V"], capture_output=True, timeout=60)
    return "ft" if b"free-threading" in p.stdout + p.stderr else "gil"


def run_module(binary, build, module, timeout):
    env = dict(os.environ, PYTHONPATH=os.path.join(DEST, "Lib"), PYTHONIOENCODING="utf-8")
    env.pop("PYTHON_GIL", None)
    if build == "ft":
        env["PYTHON_GIL"] = "0"
    with tempfile.TemporaryDirectory(prefix="gilvm-cpython-tests-") as cwd:
        start = time.monotonic()
        try:
            p = subprocess.run([binary, "-m", "unittest", "-v", f"test.{module}"], cwd=cwd,
                               env=env, capture_output=True, timeout=timeout)
            rc, out = p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
        except subprocess.TimeoutExpired as e:
            rc, out = "timeout", ((e.stdout or b"") + (e.stderr or b"")).decode("utf-8", "replace")
        return rc, out, time.monotonic() - start


EXC_LINE = re.compile(r"^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Warning|Exit|Interrupt|"
                      r"Iteration|Group|Failure)(?::|$)")


def reasons(output):
    """test id -> the last line of its traceback (unittest's FAIL:/ERROR: blocks)."""
    out = {}
    blocks = re.split(r"^={50,}$", output, flags=re.M)
    for b in blocks:
        m = re.match(r"\s*(?:FAIL|ERROR): (\w+) \(([\w.]+)\)", b)
        if not m:
            continue
        body = re.split(r"^-{50,}$", b, flags=re.M)
        text = body[1] if len(body) > 1 else b
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        # The traceback's last line; stop before unittest's summary ("Ran N tests").
        for i, l in enumerate(lines):
            if re.match(r"^Ran \d+ tests? in", l):
                lines = lines[:i]
                break
        # The exception's own line (the last one naming an exception), not the tail of a
        # multi-line assertion diff.
        exc = [l for l in lines if EXC_LINE.match(l)]
        out[m.group(2)] = (exc[-1] if exc else lines[-1] if lines else "?")[:150]
    return out


def write_expected(module, per_build, note):
    """Rewrites tests/cpython/expected_failures/MODULE.txt from this run: per_build maps
    'gil'/'ft' to (failed ids, reasons); a module that ran nothing gets `*` with `note`."""
    path = os.path.join(EXPECTED, module + ".txt")
    # Keep the `?` (may fail) lines and any hand-written comment lines at the top.
    keep = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                bare = re.sub(r"^(gil|ft):\s*", "", line.strip())
                if line.startswith("#") or bare.startswith("?"):
                    keep.append(line.rstrip("\n"))
    maybe = {re.sub(r"^(gil|ft):\s*", "", l.strip())[1:].split("#")[0].strip() for l in keep
             if not l.startswith("#")}
    builds = sorted(per_build)
    lines = []
    if note is not None:
        lines.append(f"*  # {note}")
    else:
        ids = sorted(set().union(*(set(f) for f, _ in per_build.values())) - maybe)
        for tid in ids:
            on = [b for b in builds if tid in per_build[b][0]]
            why = next(per_build[b][1].get(tid) for b in on if per_build[b][1].get(tid)) \
                if any(per_build[b][1].get(tid) for b in on) else "?"
            prefix = "" if len(on) == len(builds) else f"{on[0]}: "
            lines.append(f"{prefix}{tid}  # {why}")
    lines = keep + lines
    if lines:
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
    elif os.path.exists(path):
        os.remove(path)


def run(args):
    modules = [m.strip() for m in args.modules.split(",") if m.strip()] or MODULES
    rows, problems = [], []
    runs = {}  # module -> build -> (failed ids, reasons, note)
    for binary in args.binaries:
        build = build_of(binary)
        for module in modules:
            rc, out, secs = run_module(binary, build, module, args.timeout)
            results = parse(out)
            passed = sum(1 for v in results.values() if v == "pass")
            failed = sorted(k for k, v in results.items() if v == "fail")
            skipped = sum(1 for v in results.values() if v == "skip")
            expected, maybe = expected_failures(module, build)
            crashed = rc == "timeout" or (isinstance(rc, int) and rc < 0) or "panicked at" in out
            note = ""
            if not results:
                tail = [l for l in out.strip().splitlines() if l.strip()][-1:] or ["no output"]
                note = tail[0][:120]
                if "*" not in expected:
                    problems.append(f"{module} on {build}: did not run ({note})")
            if crashed:
                problems.append(f"{module} on {build}: {'timed out' if rc == 'timeout' else 'crashed'}")
                note = (note + " " if note else "") + ("timed out" if rc == "timeout" else "crashed")
            runs.setdefault(module, {})[build] = (failed, reasons(out), note if not results else None)
            if results and "*" not in expected:
                for t in failed:
                    if t not in expected and t not in maybe:
                        problems.append(f"{module} on {build}: {t} failed (not in the expected list)")
                now_pass = sorted(t for t in expected if results.get(t) == "pass")
                if now_pass:
                    print(f"note: {module} on {build}: listed as failing but passed: "
                          f"{', '.join(now_pass)}")
            rows.append((build, module, passed, len(failed), skipped, f"{secs:.1f}", note))
            print(f"{build:3} {module:20} {passed:5} passed {len(failed):5} failed {skipped:4} skipped "
                  f"{secs:6.1f}s {note}", flush=True)
    table = ["| build | module | passed | failed | skipped | seconds | note |",
             "|---|---|---:|---:|---:|---:|---|"]
    table += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    for build in sorted({r[0] for r in rows}):
        p = sum(r[2] for r in rows if r[0] == build)
        f = sum(r[3] for r in rows if r[0] == build)
        k = sum(r[4] for r in rows if r[0] == build)
        table.append(f"| {build} | **total** | {p} | {f} | {k} | | "
                     f"{100.0 * p / max(p + f, 1):.1f}% of the cases run and not skipped pass |")
    version = open(os.path.join(DEST, "VERSION")).read().strip() if os.path.exists(
        os.path.join(DEST, "VERSION")) else "?"
    text = f"Test suite: {version}\n\n" + "\n".join(table) + "\n"
    if args.report:
        with open(args.report, "w") as f:
            f.write(text)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(runs, f, indent=1)
    if args.write_expected:
        for module, per in runs.items():
            notes = [n for _, _, n in per.values() if n is not None]
            write_expected(module, {b: (f, r) for b, (f, r, _) in per.items()},
                           notes[0] if len(notes) == len(per) else None)
        print("rewrote the expected-failure lists of", len(runs), "modules")
        return 0
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("fetch")
    r = sub.add_parser("run")
    r.add_argument("binaries", nargs="+")
    r.add_argument("--modules", default="")
    r.add_argument("--timeout", type=float, default=600)
    r.add_argument("--report", default="")
    r.add_argument("--write-expected", action="store_true",
                   help="rewrite tests/cpython/expected_failures/ from this run")
    r.add_argument("--json", default="",
                   help="also write each module's failures and reasons per build to FILE")
    w = sub.add_parser("write-expected", help="rewrite the lists from --json files of runs")
    w.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.cmd == "fetch":
        fetch()
        return 0
    if args.cmd == "write-expected":
        runs = {}
        for path in args.files:
            with open(path) as f:
                for module, per in json.load(f).items():
                    runs.setdefault(module, {}).update(per)
        for module, per in runs.items():
            notes = [n for _, _, n in per.values() if n is not None]
            write_expected(module, {b: (f, r) for b, (f, r, _) in per.items()},
                           notes[0] if len(notes) == len(per) else None)
        print("rewrote the expected-failure lists of", len(runs), "modules")
        return 0
    if not os.path.exists(os.path.join(DEST, "Lib", "test", "support", "__init__.py")):
        raise SystemExit("no test suite: run `tests/cpython_tests.py fetch` first")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
