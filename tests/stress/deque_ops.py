# collections.deque operations from 2 and 4 threads on one deque: append/appendleft/pop/
# popleft hand out each item once; extend/extendleft of a list go in as one block; a
# maxlen is never exceeded; rotate(1)/rotate(-1) in equal numbers cancel; remove(x)
# removes x and nothing else.
from collections import deque

from _threads import run_threads

N = 5000

def push_pop(n):
    d = deque()
    got = [[] for _ in range(n)]
    def w(t):
        mine = got[t]
        for i in range(N):
            if i % 2:
                d.append((t, i))
            else:
                d.appendleft((t, i))
            try:
                mine.append(d.pop() if t % 2 else d.popleft())
            except IndexError:
                pass
    run_threads(n, w)
    allv = [v for g in got for v in g] + list(d)
    assert len(allv) == n * N and len(set(allv)) == n * N, (len(allv), len(set(allv)))

def extend_blocks(n):
    d = deque()
    def w(t):
        for i in range(300):
            block = [(t, i, j) for j in range(20)]
            if i % 2:
                d.extend(block)
            else:
                d.extendleft(block)
    run_threads(n, w)
    items = list(d)
    assert len(items) == n * 300 * 20, len(items)
    for b in range(0, len(items), 20):
        blk = items[b:b + 20]
        t, i = blk[0][0], blk[0][1]
        assert all(x[0] == t and x[1] == i for x in blk), ("interleaved extend", blk)

def bounded(n):
    d = deque(maxlen=100)
    bad = []
    def w(t):
        for i in range(N):
            if i % 2:
                d.append(i)
            else:
                d.extend((i, i))
            if len(d) > 100:
                bad.append(len(d))
    run_threads(n, w)
    assert not bad and len(d) == 100, (bad[:3], len(d))

def rotations(n):
    d = deque(range(50))
    def w(t):
        for i in range(N):
            d.rotate(1 if t % 2 else -1)
            d.rotate(-1 if t % 2 else 1)
    run_threads(n, w)
    assert list(d) == list(range(50)), list(d)

def removes(n):
    d = deque(range(4000))
    got = [[] for _ in range(n)]
    def w(t):
        mine = got[t]
        for k in (range(4000) if t % 2 else range(3999, -1, -1)):
            try:
                d.remove(k)
                mine.append(k)
            except ValueError:
                pass
    run_threads(n, w)
    allk = [k for g in got for k in g]
    assert sorted(allk) == list(range(4000)), (len(allk), len(set(allk)), len(d))
    assert not d

for n in (2, 4):
    push_pop(n)
    extend_blocks(n)
    bounded(n)
    rotations(n)
    removes(n)
print("OK")
