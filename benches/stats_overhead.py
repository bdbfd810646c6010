"""Overhead of the contention statistics (issue 8): runs each benchmark program with and
without `-X gilstats`, alternating, and prints the medians.

    python3 benches/stats_overhead.py [GILVM_BINARY] [RUNS] [extra -X option...]

Defaults: target/release/gilvm, 5 runs. The programs are benches/programs/*.py with
`N = ...` prepended (sizes as benches/interpreter.rs, larger for the others so that each
run takes a fraction of a second) and benches/gil/cpu_threads.py (two CPU-bound threads,
where the GIL hooks fire most). Wall time and CPU time (user+sys of the child) are both
reported; CPU time is the steadier figure on a shared machine.
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = {
    "count_loop": 5_000_000,
    "fib": 29,
    "dict_str": 500_000,
    "nbody": 20_000,
    "spectral_norm": 120,
    "fannkuch": 8,
    "scheduler": 20_000,
}


def programs():
    for name, n in SIZES.items():
        with open(os.path.join(HERE, "programs", name + ".py")) as f:
            yield name, f"N = {n}\n" + f.read()
    with open(os.path.join(HERE, "gil", "cpu_threads.py")) as f:
        yield "cpu_threads (2 threads)", f.read()


def run(binary, opts, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([binary, *opts, path], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/gilvm"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    on = ["-X", "gilstats"] + [a for x in sys.argv[3:] for a in ("-X", x)]
    print(f"{binary}: medians of {runs} alternating runs, off vs {' '.join(on)}")
    print(f"{'program':<24} {'wall off':>9} {'wall on':>9} {'diff':>7}   {'cpu off':>9} {'cpu on':>9} {'diff':>7}")
    tot = [0.0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as d:
        for name, src in programs():
            path = os.path.join(d, "prog.py")
            with open(path, "w") as f:
                f.write(src)
            off, onr = [], []
            for _ in range(runs):
                off.append(run(binary, [], path))
                onr.append(run(binary, on, path))
            w0 = statistics.median(r[0] for r in off)
            w1 = statistics.median(r[0] for r in onr)
            c0 = statistics.median(r[1] for r in off)
            c1 = statistics.median(r[1] for r in onr)
            for i, v in enumerate((w0, w1, c0, c1)):
                tot[i] += v
            print(f"{name:<24} {w0:>8.3f}s {w1:>8.3f}s {100 * (w1 / w0 - 1):>+6.1f}%   "
                  f"{c0:>8.3f}s {c1:>8.3f}s {100 * (c1 / c0 - 1):>+6.1f}%")
    print(f"{'sum':<24} {tot[0]:>8.3f}s {tot[1]:>8.3f}s {100 * (tot[1] / tot[0] - 1):>+6.1f}%   "
          f"{tot[2]:>8.3f}s {tot[3]:>8.3f}s {100 * (tot[3] / tot[2] - 1):>+6.1f}%")


if __name__ == "__main__":
    main()
