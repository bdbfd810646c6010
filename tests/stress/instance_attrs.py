# Threads mutate attributes of one instance (own and shared names, setattr/delattr/getattr).
import threading

class Obj:
    pass

N_THREADS = 4
N = 10000
o = Obj()
o.counter_names = []
barrier = threading.Barrier(N_THREADS)
errors = []

def worker(t):
    barrier.wait()
    try:
        for i in range(N):
            setattr(o, "a%d_%d" % (t, i % 200), i)
            o.shared = (t, i)
            v = o.shared
            assert isinstance(v, tuple) and len(v) == 2, v
            name = "tmp%d" % t
            setattr(o, name, i)
            assert getattr(o, name) == i
            delattr(o, name)
            assert not hasattr(o, name)
        o.counter_names.append(t)
    except BaseException as e:
        errors.append(repr(e))
        raise

threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

assert not errors, errors
for t in range(N_THREADS):
    for k in range(200):
        v = getattr(o, "a%d_%d" % (t, k))
        assert v % 200 == k and v >= N - 200, (t, k, v)
assert o.shared[0] in range(N_THREADS) and o.shared[1] == N - 1
assert sorted(o.counter_names) == list(range(N_THREADS))
expected = {"a%d_%d" % (t, k) for t in range(N_THREADS) for k in range(200)}
expected |= {"shared", "counter_names"}
assert set(vars(o)) == expected, sorted(set(vars(o)) ^ expected)[:10]
print("OK")
