# Threads set the first attributes of the same fresh functions at once (2 and 4 threads):
# the function's __dict__ is created on first use in one critical section, so no thread's
# attribute is lost to a second dict created by another thread.
import threading

def run(n_threads, rounds):
    fs = []
    for r in range(rounds):
        def f():
            pass
        fs.append(f)
    barrier = threading.Barrier(n_threads)
    def w(t):
        barrier.wait()
        for f in fs:
            setattr(f, "a%d" % t, t)
    ts = [threading.Thread(target=w, args=(t,)) for t in range(n_threads)]
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    bad = [i for i, f in enumerate(fs) if len(f.__dict__) != n_threads]
    assert not bad, (n_threads, len(bad), bad[:5])

for n in (2, 4):
    run(n, 4000)
print("OK")
