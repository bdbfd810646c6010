# a.extend(b) and b.extend(a) at the same time from two threads (and a += b,
# a[:] = b, a == b, a < b): no deadlock, and every extend adds a consistent snapshot.
import threading

ROUNDS = 3000
a = [1, 2, 3]
b = [4, 5, 6]
barrier = threading.Barrier(2)
errors = []

def run(x, y):
    try:
        barrier.wait()
        for r in range(ROUNDS):
            # Each list is cut back after every growth step: truncating only once per
            # round lets the two lists feed each other's growth without bound when the
            # threads really run in parallel (each extend reads the other at its peak).
            x.extend(y)
            del x[64:]
            x += y
            del x[64:]
            _ = x == y
            _ = x < y
            _ = x + y
            if r % 10 == 0:
                x[3:] = y[:3]
    except BaseException as e:
        errors.append(repr(e))
        raise

t1 = threading.Thread(target=run, args=(a, b))
t2 = threading.Thread(target=run, args=(b, a))
t1.start(); t2.start()
t1.join(); t2.join()
assert not errors, errors
assert a[:3] == [1, 2, 3] and b[:3] == [4, 5, 6], (a[:3], b[:3])
assert all(v in (1, 2, 3, 4, 5, 6) for v in a + b)

# Self-extend from several threads: each extend doubles a snapshot (at most three
# doublings, one per thread, happen between two cuts).
c = [0]
def self_ext():
    for _ in range(200):
        c.extend(c)
        if len(c) > 1000:
            del c[1:]
ths = [threading.Thread(target=self_ext) for _ in range(3)]
for th in ths: th.start()
for th in ths: th.join()
assert all(v == 0 for v in c)
print("OK")
