# The seed articles' CPU-bound example: the same `cpu_work` done twice one after the
# other, then in two threads at once. `make demo` runs it on each build and prints the
# table; run it alone with `gilvm examples/demo.py [LABEL [N]]`.
#
# With a GIL the two threads take turns, so the threaded time is about the sequential
# time (speedup ~1.0x); without one they run on two cores (speedup up to 2.0x).
import sys
import threading
import time

label = sys.argv[1] if len(sys.argv) > 1 else sys.version.split()[0]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000_000


def cpu_work(n):
    result = 0
    for i in range(n):
        result += i * i
    return result


start = time.perf_counter()
a = cpu_work(N)
b = cpu_work(N)
sequential = time.perf_counter() - start

results = []
t1 = threading.Thread(target=lambda: results.append(cpu_work(N)))
t2 = threading.Thread(target=lambda: results.append(cpu_work(N)))
start = time.perf_counter()
t1.start(); t2.start()
t1.join(); t2.join()
threaded = time.perf_counter() - start

assert results == [a, b], "threads computed something else"
speedup = sequential / threaded
print(f"| {label:<28} | {sequential:8.2f} s | {threaded:8.2f} s | {speedup:6.2f}x |")
