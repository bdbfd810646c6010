# Shared driver of the scaling suite. Usage: gilvm <workload>.py THREADS N
# Starts THREADS threads that each run work(N) (the same total work per thread, so the
# ideal is throughput linear in the thread count), joins them, and prints one result line
# (checked to be identical on every interpreter) and the elapsed time of the threaded
# region as `ELAPSED <seconds>` (read by gilvm-compare, excluded from the check).
import sys
import threading
import time


def run(work, setup=None):
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    results = [None] * threads

    def body(i):
        if setup is not None:
            setup()
        results[i] = work(n)

    ts = [threading.Thread(target=body, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - start
    same = all(r == results[0] for r in results)
    print(f"threads={threads} n={n} result={results[0]!r} all_equal={same}")
    print(f"ELAPSED {elapsed:.6f}")
