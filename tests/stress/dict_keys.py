# Threads write disjoint and overlapping keys of one dict (with resizes and deletes).
import threading

N_THREADS = 4
N = 10000
d = {}
barrier = threading.Barrier(N_THREADS)
VALUES = {}

def worker(t):
    barrier.wait()
    for i in range(N):
        d[(t, i)] = i            # disjoint keys
        d[i % 512] = t           # overlapping keys
        d.setdefault("s%d" % (i % 64), t)
        if i % 3 == 0:
            d["tmp%d_%d" % (t, i)] = i
        if i % 3 == 2:
            del d["tmp%d_%d" % (t, i - 2)]
        if i % 97 == 0:
            d.pop("gone", None)
            d["gone"] = t
    for i in range(0, N, 2):
        assert d.pop((t, i)) == i

threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

expected = set()
for t in range(N_THREADS):
    for i in range(1, N, 2):
        expected.add((t, i))
        assert d[(t, i)] == i, ((t, i), d.get((t, i)))
for k in range(512):
    expected.add(k)
    assert d[k] in range(N_THREADS), d[k]
for k in range(64):
    expected.add("s%d" % k)
    assert d["s%d" % k] in range(N_THREADS)
expected.add("gone")
assert d["gone"] in range(N_THREADS)
for t in range(N_THREADS):
    last = (N - 1) // 3 * 3
    if last + 2 >= N:
        expected.add("tmp%d_%d" % (t, last))
assert set(d) == expected, (len(d), len(expected), sorted(map(str, set(d) ^ expected))[:10])
assert len(d) == len(expected) == len(list(d.items())) == len(list(d.values()))
print("OK")
