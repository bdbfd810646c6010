# repr of a list / dict that contains itself, from several threads at once:
# every thread sees "[...]" for the inner reference, never a RecursionError or crash.
import threading

a = [1, 2]
a.append(a)
d = {"k": 1}
d["self"] = d
b = [a, d]
b.append(b)
N_THREADS = 4
barrier = threading.Barrier(N_THREADS)
errors = []

def worker(t):
    try:
        barrier.wait()
        for r in range(10000):
            assert repr(a) == "[1, 2, [...]]", repr(a)
            assert repr(d) == "{'k': 1, 'self': {...}}", repr(d)
            s = repr(b)
            assert s == "[[1, 2, [...]], {'k': 1, 'self': {...}}, [...]]", s
            assert str([a, a]) == "[[1, 2, [...]], [1, 2, [...]]]"
    except BaseException as e:
        errors.append(repr(e))
        raise

ths = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in ths: th.start()
for th in ths: th.join()
assert not errors, errors
print("OK")
