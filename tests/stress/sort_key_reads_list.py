# A sort key (and __lt__) that reads / mutates the list being sorted, from
# several threads: no crash, no deadlock; "list modified during sort" ValueError is fine.
import threading

N_THREADS = 3
lst = list(range(300, 0, -1))
barrier = threading.Barrier(N_THREADS)
errors = []
modified = [0]

def key(x):
    _ = len(lst)
    _ = lst[:3]               # reads the list being sorted (empty in CPython during sort)
    return x

class L:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 7:
            shared.append(L(0))   # mutates the list being sorted
        return self.v < other.v

def worker(t):
    try:
        barrier.wait()
        for r in range(60):
            try:
                lst.sort(key=key, reverse=(r + t) % 2 == 0)
            except ValueError as e:
                assert "list modified during sort" in str(e), str(e)
                modified[0] += 1
            try:
                sorted(lst, key=lambda x: lst.count(x) + x)
            except ValueError:
                pass
            try:
                shared.sort()
            except ValueError as e:
                assert "list modified during sort" in str(e), str(e)
            if len(shared) > 400:
                del shared[200:]
    except BaseException as e:
        errors.append(repr(e))
        raise

shared = [L(i) for i in range(200)]
ths = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in ths: th.start()
for th in ths: th.join()
assert not errors, errors
assert sorted(lst) == list(range(1, 301)), "items lost by concurrent sorts"
lst.sort()
assert lst == list(range(1, 301))
print("OK")
