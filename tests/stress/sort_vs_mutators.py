# list.sort() (no key, ints only: no Python code runs) while other threads
# append to / pop from the same list. Each append and pop is a single container
# operation and must not be lost or fail: in CPython (GIL or 3.13t critical
# section) a key-less sort of ints is atomic with respect to other threads.
import threading

N_MUT = 2
ROUNDS = 5000
lst = list(range(200))
errors = []
stop = []
barrier = threading.Barrier(N_MUT + 1)

def mutator(t):
    barrier.wait()
    try:
        for i in range(ROUNDS):
            lst.append(1000 + i)
            lst.pop()            # never empty: at least 200 items are always there
    except BaseException as e:
        errors.append(repr(e))
        raise

def sorter():
    barrier.wait()
    try:
        while not stop:
            lst.sort()
            lst.sort(reverse=True)
    except BaseException as e:
        errors.append(repr(e))
        raise

muts = [threading.Thread(target=mutator, args=(t,)) for t in range(N_MUT)]
so = threading.Thread(target=sorter)
for th in muts + [so]:
    th.start()
for th in muts:
    th.join()
stop.append(1)
so.join()
assert not errors, errors
assert len(lst) == 200, len(lst)
print("OK")
