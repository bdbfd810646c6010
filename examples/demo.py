# The seed articles' CPU-bound example: the same work done twice in a row.
# (The threaded half arrives with the threading module; see `make demo`.)
import time


def cpu_work(n):
    result = 0
    for i in range(n):
        result += i * i
    return result


start = time.perf_counter()
a = cpu_work(5_000_000)
b = cpu_work(5_000_000)
sequential = time.perf_counter() - start
print(f"results: {a} {b}")
print(f"sequential: {sequential:.2f}s")
