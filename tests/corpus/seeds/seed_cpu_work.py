# Seed article "GIL matters: CPU-bound Python code with threads", at the
# article's size (50_000_000). Results are printed instead of the timings.
import threading
import time

def cpu_work(n):
    """Pure Python CPU-bound work."""
    result = 0
    for i in range(n):
        result += i * i
    return result

N = 50_000_000
results = {}

def run(name, n):
    results[name] = cpu_work(n)

# Sequential
start = time.perf_counter()
s1 = cpu_work(N)
s2 = cpu_work(N)
sequential = time.perf_counter() - start

# Threaded
t1 = threading.Thread(target=run, args=("t1", N))
t2 = threading.Thread(target=run, args=("t2", N))
start = time.perf_counter()
t1.start(); t2.start()
t1.join(); t2.join()
threaded = time.perf_counter() - start

print(f"Sequential: {s1} {s2}")
print(f"Threaded: {results['t1']} {results['t2']}")
print("same results:", s1 == s2 == results["t1"] == results["t2"])
print("closed form:", s1 == (N - 1) * N * (2 * N - 1) // 6)
print("timings measured:", sequential > 0, threaded > 0)
