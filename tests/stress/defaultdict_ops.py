# collections.defaultdict and OrderedDict from 2 and 4 threads on one object:
# d[k].append(v) on a defaultdict(list) loses no append while other calls pop the keys
# (the factory runs outside the lock, then the value is stored only if the key is still
# missing, as CPython 3.14 does); OrderedDict.move_to_end never hides or loses a key and
# OrderedDict.popitem hands out each item once.
from collections import defaultdict, OrderedDict

from _threads import run_threads

N = 10000

def missing(n):
    d = defaultdict(list)
    c = defaultdict(int)
    harvests = [[] for _ in range(n)]
    def w(t):
        mine = harvests[t]
        for i in range(N):
            k = i % 4
            d[k].append(1)
            c[("seen", i % 50)]            # a missing int key: the 0 stored once
            if i % 3 == t % 3:
                x = d.pop(k, None)
                if x is not None:
                    mine.append(x)
    run_threads(n, w)
    total = sum(len(x) for h in harvests for x in h) + sum(len(v) for v in d.values())
    assert total == n * N, (n, total)
    assert len(c) == 50 and set(c.values()) == {0}

def move_to_end(n):
    od = OrderedDict((i, i) for i in range(200))
    bad = []
    def w(t):
        for i in range(N // 2):
            k = (i * 7 + t) % 200
            od.move_to_end(k, last=bool(i % 2))
            if t == 0 and len(od) != 200 + 0:
                bad.append(len(od))
            if k not in od:
                bad.append(("hidden", k))
    run_threads(n, w)
    assert not bad, bad[:5]
    assert sorted(od) == list(range(200)) and all(od[k] == k for k in od)

def od_popitem(n):
    od = OrderedDict((i, i) for i in range(6000))
    got = [[] for _ in range(n)]
    def w(t):
        mine = got[t]
        while True:
            try:
                k, v = od.popitem(last=bool(t % 2))
            except KeyError:
                return
            mine.append(k)
    run_threads(n, w)
    allk = [k for g in got for k in g]
    assert sorted(allk) == list(range(6000)), (len(allk), len(set(allk)))

for n in (2, 4):
    missing(n)
    move_to_end(n)
    od_popitem(n)
print("OK")
