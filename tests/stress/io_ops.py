# File objects shared by 2 and 4 threads: every write to one text file, one binary
# buffered file and one StringIO/BytesIO arrives once and whole (a write is one critical
# section of the object, as CPython's buffered lock makes it); concurrent readline()s of
# one file hand out each line once.
import io
import os

from _threads import run_threads

N = 2000
path = f"/tmp/gilvm_stress_io_{os.getpid()}"


def check_lines(data, n):
    lines = data.splitlines()
    assert len(lines) == n * N, (len(lines), n * N)
    assert len(set(lines)) == n * N, "a line was duplicated or torn"
    for line in lines:
        t, i, pad = line.split(":")
        assert pad == "x" * (int(i) % 50), ("torn write", line)


def text_file(n):
    with open(path, "w", encoding="utf-8") as f:
        def w(t):
            for i in range(N):
                f.write(f"{t}-{i}:{i}:{'x' * (i % 50)}\n")
        run_threads(n, w)
    with open(path, encoding="utf-8") as f:
        check_lines(f.read(), n)


def binary_file(n):
    with open(path, "wb", buffering=256) as f:
        def w(t):
            for i in range(N):
                f.write(f"{t}-{i}:{i}:{'x' * (i % 50)}\n".encode())
        run_threads(n, w)
    with open(path, "rb") as f:
        check_lines(f.read().decode(), n)


def shared_readline(n):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n * N):
            f.write(f"{i}\n")
    got = [[] for _ in range(n)]
    with open(path, encoding="utf-8") as f:
        def r(t):
            while line := f.readline():
                got[t].append(int(line))
        run_threads(n, r)
    allv = sorted(v for g in got for v in g)
    if allv != list(range(n * N)):
        seen = set(allv)
        lost = [i for i in range(n * N) if i not in seen]
        raise AssertionError(("a line was lost or read twice", len(allv), lost[:5], [len(g) for g in got]))


def memory(n):
    s = io.StringIO()
    b = io.BytesIO()
    def w(t):
        for i in range(N):
            s.write(f"{t}-{i}:{i}:{'x' * (i % 50)}\n")
            b.write(f"{t}-{i}:{i}:{'x' * (i % 50)}\n".encode())
    run_threads(n, w)
    check_lines(s.getvalue(), n)
    check_lines(b.getvalue().decode(), n)


for n in (2, 4):
    text_file(n)
    binary_file(n)
    shared_readline(n)
    memory(n)
print("OK")
