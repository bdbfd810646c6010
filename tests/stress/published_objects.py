# Published objects racing the cycle collector (issue 17; free-threaded build, GIL off:
# functions and classes stored in module globals are counted per thread and freed only by
# the collector, with the world stopped). Worker threads make classes and closures,
# publish them in shared module globals (each overwriting the others'), call and
# instantiate whatever another thread published last, and exit, while another thread
# calls gc.collect() in a loop and automatic collections run too. Whatever a thread still
# uses must stay intact; every object dropped must be freed exactly once (its weak
# reference callback runs once); nothing may crash.
import gc
import _weakref
import threading
from _threads import run_threads

N_WORK, PER = 3, 600

fired = []      # keys whose weak reference callback ran
refs = []       # the weak references (kept so that each callback can run)
bad = []
stop = []
collections = []
shared_cls = None
shared_fn = None


def make(key):
    global shared_cls, shared_fn
    class K:
        def get(self):
            return key
    def f():
        return key
    refs.append(_weakref.ref(K, lambda r, key=key: fired.append(("K", key))))
    refs.append(_weakref.ref(f, lambda r, key=key: fired.append(("f", key))))
    shared_cls = K          # STORE_GLOBAL: published (counted per thread)
    shared_fn = f


def worker(t):
    for i in range(PER):
        key = t * PER + i + 1
        make(key)
        # Whatever another thread published last: it must stay alive while used here.
        cls, fn = shared_cls, shared_fn
        if cls is not None:
            k = cls().get()
            if not isinstance(k, int) or not 1 <= k <= N_WORK * PER:
                bad.append(("class", k))
        if fn is not None:
            k = fn()
            if not isinstance(k, int) or not 1 <= k <= N_WORK * PER:
                bad.append(("function", k))
        del cls, fn


def collector():
    while not stop:
        collections.append(gc.collect())


def run():
    th = threading.Thread(target=collector)
    th.start()
    try:
        run_threads(N_WORK, worker)
    finally:
        stop.append(1)
        th.join()


gc.set_threshold(300)
run()
shared_cls = shared_fn = None
gc.collect()
gc.collect()
total = 2 * N_WORK * PER
assert not bad, bad[:5]
assert len(fired) == total, (len(fired), total)
assert len(set(fired)) == total, "a callback ran twice"
assert len(collections) > 0
print("OK")
