# queue.SimpleQueue (native _queue) and queue.Queue (the Lib's, on threading.Condition)
# from 2 and 4 threads: every item put is got exactly once, the order of one producer's
# items is kept, and a ContextVar set in one thread is never seen by another.
import queue
import _contextvars

from _threads import run_threads

N = 4000


def simple_queue(n):
    q = queue.SimpleQueue()
    got = [[] for _ in range(n)]

    def w(t):
        mine = got[t]
        for i in range(N):
            q.put((t, i))
            mine.append(q.get())
    run_threads(n, w)
    allv = [v for g in got for v in g]
    assert len(allv) == n * N and len(set(allv)) == n * N, (len(allv), len(set(allv)))
    assert q.empty() and q.qsize() == 0


def simple_queue_producers(n):
    # Half the threads produce, half consume; each producer's items come out in order.
    q = queue.SimpleQueue()
    half = max(1, n // 2)
    got = [[] for _ in range(n)]

    def w(t):
        if t < half:
            for i in range(N):
                q.put((t, i))
        else:
            mine = got[t]
            while True:
                x = q.get()
                if x is None:
                    return
                mine.append(x)

    def run(t):
        w(t)
        if t < half:
            done.append(t)
            if len(done) == half:
                for _ in range(n - half):
                    q.put(None)
    done = []
    run_threads(n, run)
    for g in got:
        last = {}
        for t, i in g:
            assert last.get(t, -1) < i, ("out of order", t, i)
            last[t] = i
    allv = [v for g in got for v in g]
    assert len(allv) == half * N and len(set(allv)) == half * N, len(allv)


def lib_queue(n):
    q = queue.Queue(maxsize=16)
    got = [[] for _ in range(n)]

    def w(t):
        mine = got[t]
        for i in range(N // 4):
            q.put((t, i))
            mine.append(q.get())
            q.task_done()
    run_threads(n, w)
    q.join()
    allv = [v for g in got for v in g]
    assert len(allv) == n * (N // 4) and len(set(allv)) == len(allv)


def context_vars(n):
    var = _contextvars.ContextVar("v", default=None)
    bad = []

    def w(t):
        for i in range(N // 4):
            var.set((t, i))
            if var.get() != (t, i):
                bad.append((t, i, var.get()))
    run_threads(n, w)
    assert not bad, bad[:3]


for n in (2, 4):
    simple_queue(n)
    simple_queue_producers(n)
    lib_queue(n)
    context_vars(n)
print("OK")
