#!/usr/bin/env python3
"""A mutation fuzzer for gilvm's compiler and VM (issue 18).

**What.** Takes the corpus programs (`tests/corpus/**.py`) as seeds, applies a few random
edits to one (delete, duplicate or swap lines; delete, duplicate, swap or replace tokens
with tokens from other seeds; re-indent a line), writes the mutant to a scratch directory
and runs `gilvm` on it with a time and memory limit. Any outcome of a Python program is
fine (a SyntaxError, an exception, a timeout of an endless loop); what is not is a crash
of the interpreter: a Rust panic (exit status 101 or "panicked at" on stderr), a fatal
"RUST_BACKTRACE"/"fatal runtime error" message, or death by a signal other than the
timeout's SIGKILL (SIGSEGV, SIGABRT of a stack overflow, ...). Each crashing mutant is
kept under `--out` (default `target/fuzz-crashes/`) with its stderr, and the run exits
non-zero if any was found.

**Why a mutation fuzzer.** cargo-fuzz needs a nightly build of the whole VM with
sanitizers, which costs far more than the build the tests already do; mutating real
programs reaches deep into the compiler and the VM from the first run, with the release
binary the corpus tests anyway.

**Safety.** Mutants run in a fresh scratch directory each, in their own session (so a
mutated `os.kill(0, ...)` could only reach the mutant itself), with stdin closed. Seeds
that touch processes, signals, sockets or delete files are left out, and so are their
tokens, so no mutant can be assembled to do so.

**Reproducibility.** `--seed` fixes the random generator; each crash file records the seed
program and the mutation round, and reruns as `gilvm crash.py`.

Usage: `python3 tests/fuzz/mutate.py --bin target/release/gilvm --seconds 60`
(`make fuzz` runs an hour, `make fuzz-short` a minute).
"""
import argparse
import io
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tokenize
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "corpus")

# Seeds mentioning any of these are not used (nor are their tokens): a mutant of them
# could signal, spawn, connect or delete outside its scratch directory.
UNSAFE = re.compile(
    r"\b(kill|killpg|fork|forkpty|spawn\w*|subprocess|socket|signal|rmtree|unlink|remove|"
    r"removedirs|rmdir|rename|replace|chmod|chown|system|popen|exec[lv]p?e?|"
    r"_exit|setrlimit|multiprocessing|asyncio|selectors|threading|_thread|mmap|ctypes|"
    r"shutil|pathlib|tempfile|glob|open|truncate|putenv|environ|chdir|sleep|input|stdin)\b"
)

CRASH_MARKERS = ("panicked at", "RUST_BACKTRACE", "fatal runtime error", "stack overflow")


def load_seeds():
    seeds = []
    for dirpath, dirnames, filenames in os.walk(CORPUS):
        if "__init__.py" in filenames:
            dirnames[:] = []
            continue
        for name in sorted(filenames):
            if not name.endswith(".py") or name.startswith("_"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            if UNSAFE.search(text) or len(text) > 20000:
                continue
            seeds.append((os.path.relpath(path, CORPUS), text))
    seeds.sort()
    return seeds


def tokens_of(text):
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER, tokenize.STRING):
                if len(tok.string) <= 40:
                    out.append(tok.string)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return out


TOKEN_RE = re.compile(r"[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d*)?|\*\*=?|//=?|->|[-+*/%&|^<>=!:@]=?|[()\[\]{},.;~]|'[^'\n]*'|\"[^\"\n]*\"")


def mutate(rng, text, pool):
    """One random edit of `text`; `pool` is a list of tokens to splice in."""
    lines = text.split("\n")
    kind = rng.randrange(9)
    if not lines:
        return text
    i = rng.randrange(len(lines))
    if kind == 0 and len(lines) > 1:  # delete a line
        del lines[i]
    elif kind == 1:  # duplicate a line
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
    elif kind == 2:  # swap two lines
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3:  # re-indent a line
        stripped = lines[i].lstrip(" ")
        lines[i] = " " * (4 * rng.randrange(4)) + stripped
    else:  # token-level edit on line i
        line = lines[i]
        spans = [m.span() for m in TOKEN_RE.finditer(line)]
        if not spans:
            return "\n".join(lines)
        a, b = spans[rng.randrange(len(spans))]
        tok = line[a:b]
        if kind == 4:  # delete a token
            line = line[:a] + line[b:]
        elif kind == 5:  # duplicate a token
            line = line[:b] + " " + tok + line[b:]
        elif kind == 6 and pool:  # replace by a pool token
            line = line[:a] + rng.choice(pool) + line[b:]
        elif kind == 7 and pool:  # insert a pool token
            line = line[:a] + rng.choice(pool) + " " + line[a:]
        else:  # an interesting number
            line = line[:a] + rng.choice(
                ["0", "-1", "2**63", "10**30", "1e308", "-0.0", "None", "()", "[]", "''", "b''",
                 "2**31", "-2**63", "float('nan')", "1j", "...", "lambda: 0", "*x", "**{}"]) + line[b:]
        lines[i] = line
    return "\n".join(lines)


def parses(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(text, "<mutant>", "exec", dont_inherit=True)
            return True
        except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
            return False


def limit_child():
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))


def run_one(binary, path, cwd, timeout):
    """(crashed, status, stderr) for one run of `binary path`."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": cwd, "LANG": "C.UTF-8"}
    env.update(EXTRA_ENV)
    proc = subprocess.Popen(
        [binary, path], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, env=env, preexec_fn=limit_child)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        return False, "timeout", b""
    status = proc.returncode
    text = err.decode("utf-8", "replace")
    crashed = status == 101 or (status < 0 and status != -signal.SIGKILL) or any(
        m in text for m in CRASH_MARKERS)
    # A MemoryError-free abort because RLIMIT_AS refused an allocation is not a bug of
    # the program under test: Rust's "memory allocation of N bytes failed" then SIGABRT.
    if crashed and "memory allocation of" in text and "panicked at" not in text:
        crashed = False
    return crashed, status, text


EXTRA_ENV = {}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "gilvm"))
    ap.add_argument("--seconds", type=float, default=60.0, help="total run time")
    ap.add_argument("--timeout", type=float, default=5.0, help="per program")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-edits", type=int, default=4)
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "fuzz-crashes"))
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE for the child")
    args = ap.parse_args()
    for kv in args.env:
        k, _, v = kv.partition("=")
        EXTRA_ENV[k] = v
    binary = os.path.abspath(args.bin)
    if not os.path.exists(binary):
        sys.exit(f"fuzz: no interpreter at {binary}")
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    seeds = load_seeds()
    pool = sorted({t for _, text in seeds for t in tokens_of(text)})
    print(f"fuzz: {len(seeds)} seed programs, {len(pool)} tokens, seed {seed}, "
          f"{args.seconds:.0f} s with {binary}", flush=True)
    scratch = tempfile.mkdtemp(prefix="gilvm-fuzz-")
    runs = crashes = timeouts = 0
    seen = set()
    deadline = time.monotonic() + args.seconds
    try:
        while time.monotonic() < deadline:
            name, seed_text = seeds[rng.randrange(len(seeds))]
            # Most mutants should get past the parser to reach the compiler and the VM:
            # four in five are retried until the host Python compiles them (a seed with
            # syntax newer than the host's never does; it then runs as it came out).
            want_valid = rng.random() < 0.8
            for _attempt in range(20 if want_valid else 1):
                text = seed_text
                for _ in range(1 + rng.randrange(args.max_edits)):
                    text = mutate(rng, text, pool)
                if not want_valid or parses(text):
                    break
            work = os.path.join(scratch, "w")
            shutil.rmtree(work, ignore_errors=True)
            os.makedirs(work)
            path = os.path.join(work, "prog.py")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            crashed, status, err = run_one(binary, path, work, args.timeout)
            runs += 1
            if status == "timeout":
                timeouts += 1
            if crashed:
                crashes += 1
                m = re.search(r"panicked at ([^\n]*)", err)
                key = m.group(1) if m else f"status {status}"
                first = key not in seen
                seen.add(key)
                os.makedirs(args.out, exist_ok=True)
                stem = os.path.join(args.out, f"crash-{seed}-{runs}")
                with open(stem + ".py", "w", encoding="utf-8") as fh:
                    fh.write(f"# fuzz: seed program {name}, seed {seed}, run {runs}\n" + text)
                with open(stem + ".err", "w", encoding="utf-8") as fh:
                    fh.write(f"status {status}\n{err}")
                if first:
                    print(f"fuzz: CRASH ({key}) from {name}: {stem}.py", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"fuzz: {runs} programs run, {timeouts} timeouts, {crashes} crashes "
          f"({len(seen)} distinct)", flush=True)
    # The plain closing line the test tooling reads.
    print(f"fuzz: {runs - crashes} passed, {crashes} failed", flush=True)
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
