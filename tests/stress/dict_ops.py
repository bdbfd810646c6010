# The dict operations CPython's free-threaded build makes atomic, from 2 and 4 threads on
# one dict: pop/popitem/del hand out each item once; update (from a dict, pairs or
# keywords), |=, clear and copy are all-or-nothing (a reader never sees half of one);
# d[k] = v / del d[k] lose nothing; dict.fromkeys of a set being mutated never fails.
import threading

from _threads import run_threads

def pops(n):
    d = {i: i for i in range(8000)}
    got = [[] for _ in range(n)]
    def w(t):
        mine = got[t]
        keys = list(range(8000)) if t % 2 else list(range(7999, -1, -1))
        for k in keys:
            v = d.pop(k, None)
            if v is not None:
                mine.append(v)
    run_threads(n, w)
    allv = [v for g in got for v in g]
    assert len(allv) == 8000 and len(set(allv)) == 8000, (len(allv), len(set(allv)))
    assert not d

def popitems(n):
    d = {i: str(i) for i in range(8000)}
    got = [[] for _ in range(n)]
    def w(t):
        mine = got[t]
        while True:
            try:
                k, v = d.popitem()
            except KeyError:
                return
            mine.append(k)
    run_threads(n, w)
    allk = [k for g in got for k in g]
    assert sorted(allk) == list(range(8000)), len(allk)

def set_del(n):
    d = {}
    def w(t):
        for i in range(5000):
            d[(t, i)] = i
            d["shared%d" % (i % 10)] = t
            if i % 2:
                del d[(t, i - 1)]
    run_threads(n, w)
    expected = {(t, i) for t in range(n) for i in range(1, 5000, 2)}
    expected |= {"shared%d" % j for j in range(10)}
    assert set(d) == expected, len(d)

KEYS = 200

def readers_and_writers(n, read, write, iters=400):
    # Thread 0 reads until the writers (threads 1..n-1, `iters` writes each) are done.
    done = []
    left = [n - 1]
    lock = threading.Lock()
    def writer_done():
        with lock:
            left[0] -= 1
            return left[0] == 0
    def w2(t):
        if t == 0:
            while not done:
                read()
            read()
        else:
            try:
                for i in range(iters):
                    write(t, i)
            finally:
                if writer_done():
                    done.append(True)
    run_threads(n, w2)

def whole_writes(n):
    # Writers store all KEYS keys at once (several ways) or clear; the reader checks that
    # len() and copy() only ever see all of them or none, with one writer's values.
    d = {}
    srcs = [{"k%d" % k: t for k in range(KEYS)} for t in range(n)]
    pairs = [[("k%d" % k, t) for k in range(KEYS)] for t in range(n)]
    kws = [{"k%d" % k: t for k in range(KEYS)} for t in range(n)]
    bad = []
    def read():
        c = d.copy()
        if len(c) not in (0, KEYS):
            bad.append(("copy", len(c)))
        elif c and len(set(c.values())) != 1:
            bad.append(("copy values", sorted(set(c.values()))))
        m = len(d)
        if m not in (0, KEYS):
            bad.append(("len", m))
    def write(t, i):
        nonlocal d
        if i % 2 == 0:
            d.clear()
        elif i % 8 == 1:
            d.update(srcs[t])
        elif i % 8 == 3:
            d |= srcs[t]
        elif i % 8 == 5:
            d.update(pairs[t])
        else:
            d.update(**kws[t])
    readers_and_writers(n, read, write)
    assert not bad, (len(bad), bad[:5])

def fromkeys_of_changing_set(n):
    s = set(range(1000))
    def read():
        r = dict.fromkeys(s, 0)
        assert 1000 <= len(r) <= 1000 + n, len(r)
    def write(t, i):
        s.add(5000 + t * 1000 + i)
        s.discard(5000 + t * 1000 + i)
    readers_and_writers(n, read, write, 2000)

for n in (2, 4):
    pops(n)
    popitems(n)
    set_del(n)
    whole_writes(n)
    fromkeys_of_changing_set(n)
print("OK")
