# A dict key whose __eq__ (and __hash__) reads the same dict, from several
# threads at once: no deadlock, no crash, lookups stay correct.
import threading

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 8                     # many collisions -> __eq__ is called
    def __eq__(self, other):
        _ = len(d)
        try:
            _ = list(d.values())[-3:]         # reads the dict being looked up
        except RuntimeError as e:             # other threads resize it meanwhile
            assert "changed size during iteration" in str(e), str(e)
        _ = list(d)[:2]
        return isinstance(other, K) and other.v == self.v

d = {}
keys = [K(i) for i in range(40)]
for k in keys:
    d[k] = k.v
N_THREADS = 4
barrier = threading.Barrier(N_THREADS)
errors = []

def worker(t):
    try:
        barrier.wait()
        for r in range(150):
            k = keys[(r + t) % 40]
            assert d[K(k.v)] == k.v
            assert K(k.v) in d
            d[k.v] = r                        # int keys: mutate while others compare
            tmp = K(1000 + t)
            d[tmp] = t
            assert d.pop(K(1000 + t)) == t
    except BaseException as e:
        errors.append(repr(e))
        raise

ths = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in ths: th.start()
for th in ths: th.join()
assert not errors, errors
for k in keys:
    assert d[K(k.v)] == k.v
assert len(d) == 80, len(d)

# __eq__ that mutates the dict during the lookup (CPython keeps going or
# raises RuntimeError; either is fine, a crash is not).
class M:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        d2[len(d2) + 100] = 0
        return False
d2 = {}
for _ in range(5):
    d2[M()] = 1
def mut_lookup():
    for _ in range(50):
        try:
            M() in d2
        except RuntimeError:
            pass
ths = [threading.Thread(target=mut_lookup) for _ in range(3)]
for th in ths: th.start()
for th in ths: th.join()
print("OK")
