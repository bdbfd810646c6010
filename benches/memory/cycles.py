# The cycle collector's benchmark. Usage: cycles.py churn N | cycles.py pause N
#
# churn: creates N two-object cycles (two instances referring to each other) in a loop
#   and drops each at once; only the collector (automatic collections, default
#   thresholds) frees them. Measure the peak RSS from outside (`/usr/bin/time -f %M`):
#   without a collector it grows with N; with one it stays bounded. Prints the number of
#   cycles whose weak reference callback ran (sampled, one in 1000), checked to be all.
# pause: builds N live objects (N/2 lists of one int and N/2 instances, all reachable)
#   and times one full gc.collect() over them (median of 5), printing the pause in ms on
#   stderr and the collected count (0) on stdout.
import gc
import sys
import time
import _weakref


class Node:
    pass


def churn(n):
    freed = []
    refs = []
    for i in range(n):
        a = Node()
        b = Node()
        a.b = b
        b.a = a
        if i % 1000 == 0:
            refs.append(_weakref.ref(a, lambda r: freed.append(1)))
    gc.collect()
    print("cycles freed (sampled):", len(freed), "of", len(refs))


def pause(n):
    keep = []
    for i in range(n // 2):
        keep.append([i])
        o = Node()
        o.i = i
        keep.append(o)
    gc.collect()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        c = gc.collect()
        times.append(time.perf_counter() - t)
    times.sort()
    print("collected", c)
    print(f"full collection over {n} live objects: {times[2] * 1000:.1f} ms (median of 5)",
          file=sys.stderr)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "churn"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    {"churn": churn, "pause": pause}[mode](n)
