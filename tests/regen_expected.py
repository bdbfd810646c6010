#!/usr/bin/env python3
"""Regenerate the expected outputs of the gilvm test corpus with CPython.

Usage:
    python3 tests/regen_expected.py [options] [paths...]

Each path is a corpus program (``tests/corpus/<area>/<name>.py``) or a
directory searched recursively for programs; without paths the whole corpus
(``tests/corpus`` next to this script) is processed.  Files whose name starts
with ``_`` are helpers, not programs, and are skipped, and so are package
directories (holding an ``__init__.py``) imported by a program next to them (the
runner ``tests/corpus.rs`` skips both too).

Every program is run exactly the way ``tests/corpus.rs`` runs gilvm: as
``python3 <name>.py`` with the program's directory as the working directory
and stdin closed.  CPython prints the script's absolute path in tracebacks;
the program's directory is removed from stderr so that expectations say
``File "<name>.py"`` (the runner normalises gilvm's stderr the same way).
Then:

* ``<name>.out``  always receives the exact stdout;
* ``<name>.err``  receives stderr if it is non-empty (deleted otherwise; a
  missing ``.err`` means "stderr must be empty");
* ``<name>.code`` receives the exit status in decimal if it is not 0
  (deleted otherwise; a missing ``.code`` means 0).

Programs listed in ``tests/corpus/deliberate_edits.txt`` (with the reason) keep
their expected files: they are neither rewritten nor compared, only reported as
"kept".

Programs with a ``<name>.nocheck`` marker have non-deterministic output: they
are only run to check that they exit with status 0, and any ``.out``/``.err``/
``.code`` next to them is deleted.

Options:
    --check        compare instead of writing; exit status 1 on any mismatch.
                   Useful to detect non-determinism: run it a few times
                   (PYTHONHASHSEED is left random on purpose).
    -j N           number of programs run in parallel (default: CPU count).
    --timeout S    per-program timeout in seconds (default: 600).
    --python EXE   interpreter to use (default: the one running this script).
"""

import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def find_programs(paths):
    found = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                # Package directories hold modules imported by a driver program next to
                # them, not programs (tests/corpus.rs skips them too).
                dirnames[:] = sorted(d for d in dirnames
                                     if not os.path.isfile(os.path.join(dirpath, d, "__init__.py")))
                for fn in sorted(filenames):
                    if fn.endswith(".py") and not fn.startswith("_"):
                        found.append(os.path.join(dirpath, fn))
        elif os.path.isfile(p) and p.endswith(".py"):
            found.append(p)
        elif os.path.splitext(p)[1] in (".out", ".err", ".code", ".nocheck") \
                and os.path.isfile(os.path.splitext(p)[0] + ".py"):
            found.append(os.path.splitext(p)[0] + ".py")
        else:
            sys.exit("regen_expected: not a program or directory: " + p)
    # de-duplicate, keep a stable order
    seen = set()
    result = []
    for f in sorted(found):
        if f not in seen:
            seen.add(f)
            result.append(f)
    return result


def child_env():
    env = dict(os.environ)
    # Keep hash randomisation on: expectations must not depend on it.
    env.pop("PYTHONHASHSEED", None)
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONWARNINGS", None)
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_program(python, path, timeout):
    directory, name = os.path.split(path)
    try:
        proc = subprocess.run(
            [python, name],
            cwd=directory,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout after %d s" % timeout
    return proc.returncode, proc.stdout, strip_dir(proc.stderr, directory)


def strip_dir(data, directory):
    """Remove the program's absolute directory from tracebacks.

    CPython (3.9+) turns the script name given on the command line into an
    absolute path, so its tracebacks say File "/abs/dir/<name>.py".  The
    expectations must not depend on where the repository lives, so the
    directory prefix is removed: they say File "<name>.py", which is what
    gilvm prints (the runner applies the same normalisation to both sides).
    """
    for d in {os.path.realpath(directory), os.path.abspath(directory)}:
        data = data.replace(os.fsencode(d.rstrip(os.sep) + os.sep), b"")
    return data


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write_or_remove(path, data):
    """Write data to path, or remove path when data is None."""
    if data is None:
        if os.path.exists(path):
            os.remove(path)
    else:
        with open(path, "wb") as f:
            f.write(data)


def deliberate_edits():
    """program path relative to the corpus -> why its expected files are kept."""
    edits = {}
    try:
        with open(os.path.join(CORPUS, "deliberate_edits.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    name, _, why = line.partition(" ")
                    edits[name] = why.strip()
    except FileNotFoundError:
        pass
    return edits


EDITS = deliberate_edits()


def process(python, path, timeout, check):
    base = path[:-3]
    rel = os.path.relpath(path, CORPUS) if path.startswith(CORPUS) else path
    if rel in EDITS:
        return True, "%s: kept (deliberate edit: %s)" % (rel, EDITS[rel][:60])
    nocheck = os.path.exists(base + ".nocheck")
    code, out, err = run_program(python, path, timeout)
    if code is None:
        return False, "%s: TIMEOUT (%s)" % (rel, err.decode())
    if code < 0:
        return False, "%s: killed by signal %d\n%s" % (rel, -code, err.decode("utf-8", "replace"))

    if nocheck:
        if code != 0:
            return False, "%s: .nocheck program exited with %d\n%s" % (
                rel, code, err.decode("utf-8", "replace"))
        if not check:
            for ext in (".out", ".err", ".code"):
                write_or_remove(base + ext, None)
        return True, "%s: ok (nocheck, exit 0)" % rel

    want = {
        ".out": out,
        ".err": err if err else None,
        ".code": (b"%d\n" % code) if code != 0 else None,
    }
    if check:
        bad = []
        for ext, data in want.items():
            have = read_bytes(base + ext)
            if ext == ".code" and have is not None and data is not None:
                if int(have.strip() or b"0") == code:
                    continue
            if have != data:
                bad.append(ext)
        if bad:
            return False, "%s: MISMATCH in %s" % (rel, ", ".join(bad))
        return True, "%s: ok" % rel

    for ext, data in want.items():
        write_or_remove(base + ext, data)
    extra = ""
    if code != 0:
        extra = " (exit %d)" % code
    elif err:
        extra = " (stderr not empty!)"
    return True, "%s: written%s" % (rel, extra)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--python", default=sys.executable or "python3")
    args = ap.parse_args()

    version = subprocess.run(
        [args.python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    if version != "3.14":
        print("regen_expected: warning: expectations are made with CPython 3.14, "
              "this is %s" % version, file=sys.stderr)

    programs = find_programs(args.paths or [CORPUS])
    if not programs:
        sys.exit("regen_expected: no programs found")

    failures = 0
    with ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        futures = [pool.submit(process, args.python, p, args.timeout, args.check)
                   for p in programs]
        for fut in futures:
            ok, message = fut.result()
            print(message, flush=True)
            if not ok:
                failures += 1
    print("regen_expected: %d programs, %d problems" % (len(programs), failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
