from concurrent.futures import (ThreadPoolExecutor, as_completed, wait,
                                FIRST_COMPLETED, ALL_COMPLETED, FIRST_EXCEPTION)
import concurrent.futures
import threading

print(FIRST_COMPLETED, ALL_COMPLETED, FIRST_EXCEPTION)

def sq(x):
    return x * x

with ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(sq, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs)
    print(len(done), len(not_done))
    print(sorted(f.result() for f in done))

gate = threading.Event()
with ThreadPoolExecutor(2) as ex:
    slow = ex.submit(gate.wait)
    fast = ex.submit(sq, 5)
    done, not_done = wait([slow, fast], return_when=FIRST_COMPLETED)
    print(fast in done, slow in not_done, len(done), len(not_done))
    done, not_done = wait([slow, fast], timeout=0.01, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    try:
        for f in as_completed([slow], timeout=0.01):
            pass
    except concurrent.futures.TimeoutError as e:
        print("TimeoutError:", e)
    gate.set()
    done, not_done = wait([slow, fast], return_when=ALL_COMPLETED)
    print(len(done), len(not_done))

def fail():
    raise RuntimeError("x")
gate2 = threading.Event()
with ThreadPoolExecutor(2) as ex:
    a = ex.submit(gate2.wait)
    b = ex.submit(fail)
    done, not_done = wait([a, b], return_when=FIRST_EXCEPTION)
    print(b in done, a in not_done)
    gate2.set()

# duplicates in as_completed
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(sq, 2)
    print([x.result() for x in as_completed([f, f])])

# shutdown(wait=False, cancel_futures=True)
gate3 = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    return gate3.wait()
ex = ThreadPoolExecutor(1)
first = ex.submit(blocker)
started.wait()
rest = [ex.submit(sq, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in rest])
gate3.set()
print(first.result(timeout=2))
ex.shutdown(wait=True)
print(first.done())

# shutdown(wait=True) waits for queued work
ex = ThreadPoolExecutor(2)
fs = [ex.submit(sq, i) for i in range(6)]
ex.shutdown(wait=True)
print([f.done() for f in fs], [f.result() for f in fs])

# worker thread names with prefix
names = []
with ThreadPoolExecutor(1, thread_name_prefix="pool") as ex:
    ex.submit(lambda: names.append(threading.current_thread().name)).result()
print(names)
