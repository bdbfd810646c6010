# Iterate a list / dict / set while other threads mutate it: no crash, only
# "changed size during iteration" RuntimeErrors, and the containers stay consistent.
import threading

N_MUT = 2
N_ITER = 2
ROUNDS = 20000
lst = list(range(100))
d = {i: i for i in range(100)}
s = set(range(100))
stop = []
barrier = threading.Barrier(N_MUT + N_ITER)
errors = []
size_errors = [0]

def mutator(t):
    barrier.wait()
    try:
        for i in range(ROUNDS):
            lst.append(i)
            lst.pop(0)
            if i % 7 == 0:
                lst.insert(50, -1 - t)
                lst.remove(-1 - t)
            d[1000 + t * ROUNDS + i] = i
            del d[1000 + t * ROUNDS + i]
            d[i % 100] = i
            s.add(-1 - t)
            s.discard(-1 - t)
            if i % 50 == 0:
                lst.reverse()
    except BaseException as e:
        errors.append(repr(e))
        raise

def iterator(t):
    barrier.wait()
    try:
        while not stop:
            n = 0
            for x in lst:
                assert type(x) is int, x
                n += 1
            try:
                for k in d:
                    assert type(k) is int
                for k, v in d.items():
                    assert type(v) is int
            except RuntimeError as e:
                assert "changed size during iteration" in str(e), str(e)
                size_errors[0] += 1
            try:
                for x in s:
                    assert type(x) is int
            except RuntimeError as e:
                assert "changed size during iteration" in str(e), str(e)
                size_errors[0] += 1
            _ = list(lst), list(d), dict(d), set(s), tuple(lst), d.copy(), s.copy()
            try:
                # Not atomic in gilvm's no-GIL build (atomic in CPython 3.13t):
                # a concurrent resize gives "changed size during iteration".
                _ = sorted(s), list(d.items()), list(d.values()), list(s)
            except RuntimeError as e:
                assert "changed size during iteration" in str(e), str(e)
                size_errors[0] += 1
            _ = sum(lst), max(lst), lst[:50], lst[::-1], 3 in lst, lst.count(5)
    except BaseException as e:
        errors.append(repr(e))
        raise

muts = [threading.Thread(target=mutator, args=(t,)) for t in range(N_MUT)]
its = [threading.Thread(target=iterator, args=(t,)) for t in range(N_ITER)]
for th in muts + its:
    th.start()
for th in muts:
    th.join()
stop.append(1)
for th in its:
    th.join()

assert not errors, errors
assert len(lst) == 100, len(lst)
assert sorted(d) == list(range(100)), len(d)
assert s == set(range(100))
print("OK")
