# d.setdefault(k, []).append(v) from 2 and 4 threads while other calls pop the keys
# again (so keys are often missing): setdefault is one critical section, so every append
# lands in a list that is either still in the dict or was popped (and kept): none is lost.
# Also with keys whose __eq__/__hash__ are Python code (the slow path), and
# d.setdefault(k, v) returning the value actually stored.
import threading

N = 20000

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

def run(n_threads, n, make_key):
    d = {}
    harvests = [[] for _ in range(n_threads)]
    barrier = threading.Barrier(n_threads)

    def worker(t):
        mine = harvests[t]
        barrier.wait()
        for i in range(n):
            k = make_key(i % 4)
            d.setdefault(k, []).append(1)
            if i % 3 == t % 3:
                x = d.pop(k, None)
                if x is not None:
                    mine.append(x)
            v = d.setdefault(("first", i % 50), t)
            if v is not d[("first", i % 50)]:
                raise AssertionError("setdefault returned a value that was not stored")

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(n_threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    total = sum(len(x) for h in harvests for x in h)
    total += sum(len(v) for k, v in d.items() if not isinstance(k, tuple))
    assert total == n_threads * n, (n_threads, total, n_threads * n)
    assert len(d) <= 54, len(d)

for n_threads in (2, 4):
    run(n_threads, N, lambda i: i)
    run(n_threads, N // 4, K)
print("OK")
