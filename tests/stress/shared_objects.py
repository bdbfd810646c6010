# Create and drop objects shared across threads: lists of lists through a
# queue.Queue, closures, instances and reference cycles. Nothing crashes and
# every object arrives intact.
import threading
import queue

N_PROD = 2
N_ITEMS = 3000
q = queue.Queue(maxsize=64)
results = []
errors = []
shared_cache = {}

class Box:
    def __init__(self, v):
        self.v = v
        self.payload = [v] * 3
    def get(self):
        return self.v

def make_closure(v):
    cell = [v]
    def f():
        return cell[0]
    return f

def producer(t):
    try:
        for i in range(N_ITEMS):
            v = t * N_ITEMS + i
            inner = [[v, v + 1], [v + 2]]
            item = (v, inner, make_closure(v), Box(v), {"v": v})
            shared_cache[i % 50] = item          # also reachable from other threads
            q.put(item)
            if i % 100 == 0:
                cyc = [v]
                cyc.append(cyc)                  # a cycle (leaks, must not crash)
        q.put(None)
    except BaseException as e:
        errors.append(repr(e))
        raise

def consumer():
    got = []
    done = 0
    try:
        while done < N_PROD:
            item = q.get()
            if item is None:
                done += 1
                continue
            v, inner, f, box, dd = item
            assert inner == [[v, v + 1], [v + 2]], inner
            assert f() == v and box.get() == v and box.payload == [v, v, v] and dd["v"] == v
            other = shared_cache.get(v % 50)
            if other is not None:
                assert other[3].get() == other[0] and other[2]() == other[0]
            got.append(v)
            del item, inner, f, box, dd, other
        results.append(got)
    except BaseException as e:
        errors.append(repr(e))
        raise

prods = [threading.Thread(target=producer, args=(t,)) for t in range(N_PROD)]
cons = threading.Thread(target=consumer)
for th in prods:
    th.start()
cons.start()
for th in prods:
    th.join()
cons.join()
assert not errors, errors
assert sorted(results[0]) == list(range(N_PROD * N_ITEMS))

# Second phase: objects created in one thread, dropped in another, with many
# threads holding and releasing references to the same objects at once.
shared = [[i, [i]] for i in range(200)]
barrier = threading.Barrier(4)

def churn(t):
    try:
        barrier.wait()
        for r in range(300):
            local = [x for x in shared]          # take references
            copies = [list(x) for x in local]
            fs = [make_closure(x) for x in local[:20]]
            for f, x in zip(fs, local):
                assert f() is x
            del local, copies, fs
            shared[(r * 7 + t) % 200] = [r, [r]] # replace: old one is dropped here
    except BaseException as e:
        errors.append(repr(e))
        raise

ths = [threading.Thread(target=churn, args=(t,)) for t in range(4)]
for th in ths:
    th.start()
for th in ths:
    th.join()
assert not errors, errors
assert len(shared) == 200
for x in shared:
    assert len(x) == 2 and x[1] == [x[0]], x
print("OK")
