# The cycle collector racing mutator threads (free-threaded build, GIL off: collections
# stop the world): worker threads build reference cycles of instances, lists, dicts and
# closures, with weak reference callbacks and `__del__` finalizers on some members, and
# drop them, while another thread calls gc.collect() in a loop and automatic collections
# run too. Every cycle must be freed (its callback run exactly once, its finalizer exactly
# once), live structures must stay intact, and nothing may crash.
import gc
import _weakref
import threading
from _threads import run_threads

N_WORK, PER = 3, 2000

fired = []      # keys whose weak reference callback ran (list.append is atomic)
finalized = []  # keys whose __del__ ran
refs = []       # the weak references (kept so that each callback can run)
bad = []
stop = []
collections = []

class Node:
    def __init__(self, key):
        self.key = key

class Fin:
    def __init__(self, key):
        self.key = key
    def __del__(self):
        finalized.append(self.key)

def make_cycle(key):
    kind = key % 4
    a = Node(key)
    refs.append(_weakref.ref(a, lambda r, key=key: fired.append(key)))
    if kind == 0:
        b = Node(-key)
        a.other = b; b.other = a
    elif kind == 1:
        l = [a, {"a": a}]
        a.l = l
    elif kind == 2:
        def f():
            return a
        a.f = f
    else:
        fin = Fin(key)
        fin.a = a; a.fin = fin
    return a

def worker(t):
    live = []
    for i in range(PER):
        key = t * PER + i + 1
        a = make_cycle(key)
        if i % 10 == 0:
            live.append(a)      # kept alive for a while: must stay intact
        del a
        if len(live) > 20:
            for x in live[:10]:
                if not isinstance(x.key, int):
                    bad.append(("corrupt", x.key))
            del live[:10]
    for x in live:
        if not isinstance(x.key, int):
            bad.append(("corrupt", x.key))

def collector():
    while not stop:
        collections.append(gc.collect())

def run():
    def target(t):
        if t < N_WORK:
            worker(t)
        else:
            while len(collections) < 1:
                pass
    th = threading.Thread(target=collector)
    th.start()
    try:
        run_threads(N_WORK + 1, target)
    finally:
        stop.append(1)
        th.join()

gc.set_threshold(500)
run()
gc.collect()
gc.collect()
total = N_WORK * PER
assert not bad, bad[:5]
assert len(fired) == total, (len(fired), total)
assert len(set(fired)) == total, "a callback ran twice"
expected_fin = sum(1 for k in range(1, total + 1) if k % 4 == 3)
assert len(finalized) == expected_fin, (len(finalized), expected_fin)
assert len(set(finalized)) == expected_fin, "a finalizer ran twice"
assert len(collections) > 0
print("OK")
