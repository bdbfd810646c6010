# Two threads doing CPU-bound work vs the same work done sequentially (the seed articles'
# example). On the GIL build the ratio should be ~1.0 (serialised, not collapsing).
import threading
import time

N = 3_000_000


def cpu_work(n):
    result = 0
    for i in range(n):
        result += i * i
    return result


start = time.perf_counter()
cpu_work(N)
cpu_work(N)
sequential = time.perf_counter() - start

t1 = threading.Thread(target=cpu_work, args=(N,))
t2 = threading.Thread(target=cpu_work, args=(N,))
start = time.perf_counter()
t1.start(); t2.start()
t1.join(); t2.join()
threaded = time.perf_counter() - start
print(f"sequential {sequential:.3f}s, threaded {threaded:.3f}s, threaded/sequential {threaded / sequential:.2f}")

start = time.perf_counter()
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(f"ten threads sleeping 0.2 s: {time.perf_counter() - start:.3f}s")
