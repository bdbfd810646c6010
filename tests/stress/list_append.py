# Several threads append to one list (also via +=, extend, insert): no item is lost.
import threading

N_THREADS = 4
N = 20000
lst = []
barrier = threading.Barrier(N_THREADS)

def worker(t):
    barrier.wait()
    base = t * N
    app = lst.append
    for i in range(base, base + N // 2):
        app(i)
    for i in range(base + N // 2, base + N, 4):
        lst.extend((i, i + 1))
        lst.__iadd__([i + 2])
        lst.insert(len(lst) // 2, i + 3)

threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

assert len(lst) == N_THREADS * N, len(lst)
assert sorted(lst) == list(range(N_THREADS * N)), "items missing or duplicated"
# Each thread's plain appends keep their relative order.
for t in range(N_THREADS):
    mine = [x for x in lst if t * N <= x < t * N + N // 2]
    assert mine == list(range(t * N, t * N + N // 2)), "append order broken"
print("OK")
