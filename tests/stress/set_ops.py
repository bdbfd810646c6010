# The set operations CPython's free-threaded build makes atomic, from 2 and 4 threads on
# one set: add (also of keys with a Python __eq__) never duplicates; pop/remove hand out
# each element once; update from a list, copy and clear are all-or-nothing; the in-place
# operators (|=, &=, -=, ^=) and the *_update methods with a set argument lose no
# concurrent add.
import threading

from _threads import run_threads

def readers_and_writers(n, read, write, iters):
    # Thread 0 runs `read` until the writers (threads 1..n-1, `iters` calls each) are done.
    done = []
    left = [n - 1]
    lock = threading.Lock()
    def w(t):
        if t == 0:
            while not done:
                read()
        else:
            try:
                for i in range(iters):
                    write(t, i)
            finally:
                with lock:
                    left[0] -= 1
                    if left[0] == 0:
                        done.append(True)
    run_threads(n, w)

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 7
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

def add_slow_keys(n):
    s = set()
    def w(t):
        for i in range(1500):
            s.add(K(i % 60))
            if i % 3 == t % 3:
                s.discard(K((i + 30) % 60))
    run_threads(n, w)
    vs = sorted(k.v for k in s)
    assert len(vs) == len(set(vs)), ("duplicate keys", len(vs), len(set(vs)))

def pops_and_removes(n):
    s = set(range(8000))
    got = [[] for _ in range(n)]
    def w(t):
        mine = got[t]
        if t % 2:
            while True:
                try:
                    mine.append(s.pop())
                except KeyError:
                    return
        else:
            for k in range(7999, -1, -1):
                try:
                    s.remove(k)
                    mine.append(k)
                except KeyError:
                    pass
    run_threads(n, w)
    allk = [k for g in got for k in g]
    assert sorted(allk) == list(range(8000)), (len(allk), len(set(allk)))
    assert not s

def whole_writes(n):
    s = set()
    items = list(range(300))
    bad = []
    def read():
        c = s.copy()
        if len(c) not in (0, 300):
            bad.append(("copy", len(c)))
        m = len(s)
        if m not in (0, 300):
            bad.append(("len", m))
    def write(t, i):
        if i % 2:
            s.clear()
        else:
            s.update(items)
    readers_and_writers(n, read, write, 400)
    assert not bad, (len(bad), bad[:5])

def inplace_ops_keep_adds(n):
    # Thread 0 applies the in-place operations with arguments that leave the numbers
    # >= 10**6 alone; the others add such numbers: none may be lost.
    s = set(range(2000))
    keep = set(range(10 ** 6, 10 ** 6 + 100000)) | set(range(1000))
    other = set(range(1000, 2000))
    def read():
        nonlocal s
        s &= keep                       # drops 1000..1999
        s |= other                      # puts them back
        s -= other
        s ^= other
        s.intersection_update(keep)
        s.update(other)
        s.difference_update(other)
        s.symmetric_difference_update(other)
    def write(t, i):
        s.add(10 ** 6 + t * 10000 + i)
    readers_and_writers(n, read, write, 3000)
    expected = set(range(2000))
    for t in range(1, n):
        expected.update(range(10 ** 6 + t * 10000, 10 ** 6 + t * 10000 + 3000))
    assert len(s) == len(expected), (len(s), len(expected))
    assert s == expected

for n in (2, 4):
    add_slow_keys(n)
    pops_and_removes(n)
    whole_writes(n)
    inplace_ops_keep_adds(n)
print("OK")
