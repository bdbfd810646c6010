# Threads add to (and discard from) one set: the final contents are exact.
import threading

N_THREADS = 4
N = 20000
s = set()
barrier = threading.Barrier(N_THREADS)

def worker(t):
    barrier.wait()
    for i in range(N):
        s.add(t * N + i)
        s.add(-(i % 1000))                 # overlapping elements
        s.add("k%d" % (i % 300))
        if i % 2:
            s.discard(t * N + i - 1)
    s.update(range(10 ** 6 + t * 100, 10 ** 6 + t * 100 + 100))

threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

expected = set()
for t in range(N_THREADS):
    expected.update(range(t * N + 1, t * N + N, 2))
    expected.update(range(10 ** 6 + t * 100, 10 ** 6 + t * 100 + 100))
expected.update(-(i) for i in range(1000))
expected.update("k%d" % i for i in range(300))
assert len(s) == len(expected), (len(s), len(expected))
assert s == expected
assert len(list(s)) == len(s)
print("OK")
