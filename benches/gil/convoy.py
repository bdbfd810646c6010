# The convoy effect (bpo-7946): while CPU-bound threads spin, how late does a thread that
# sleeps 1 ms wake up? Prints the extra wake-up delay (p50, p99) and the spinners'
# throughput with and without the sleeper, at the default switch interval and at 1 ms.
# Usage: gilvm benches/gil/convoy.py [spinners] [sleeps]
import sys
import threading
import time

SPINNERS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
SLEEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 300


def spinner(stop, counts, idx):
    n = 0
    while not stop.is_set():
        for _ in range(1000):
            n += 1
    counts[idx] = n


def sleeper(delays):
    for _ in range(SLEEPS):
        t0 = time.perf_counter()
        time.sleep(0.001)
        delays.append(time.perf_counter() - t0 - 0.001)


def run(with_sleeper, duration):
    stop = threading.Event()
    counts = [0] * SPINNERS
    threads = [threading.Thread(target=spinner, args=(stop, counts, i)) for i in range(SPINNERS)]
    delays = []
    for t in threads:
        t.start()
    start = time.perf_counter()
    if with_sleeper:
        s = threading.Thread(target=sleeper, args=(delays,))
        s.start()
        s.join()
    else:
        time.sleep(duration)
    elapsed = time.perf_counter() - start
    stop.set()
    for t in threads:
        t.join()
    return delays, sum(counts) / elapsed, elapsed


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p / 100))]


for interval in (0.005, 0.001):
    sys.setswitchinterval(interval)
    delays, thr_with, elapsed = run(True, 0)
    _, thr_without, _ = run(False, elapsed)
    print(f"interval {interval * 1000:.0f} ms, {SPINNERS} spinners, {len(delays)} sleeps: "
          f"extra wake-up delay p50 {pct(delays, 50) * 1000:.3f} ms, p99 {pct(delays, 99) * 1000:.3f} ms; "
          f"spinner throughput {thr_with / 1e6:.2f} M/s with sleeper, {thr_without / 1e6:.2f} M/s without "
          f"({thr_with / thr_without:.2f}x)")
