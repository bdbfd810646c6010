from concurrent.futures import ThreadPoolExecutor, Future, CancelledError, TimeoutError
import concurrent.futures as cf
import threading

def sq(x):
    return x * x

with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(sq, i) for i in range(6)]
    print([f.result() for f in fs])
    print(list(ex.map(sq, range(5))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    print(list(ex.map(sq, range(3), timeout=5)))
    f = ex.submit(lambda a, b=0: a + b, 1, b=2)
    print(f.result(timeout=1))
print(all(f.done() for f in fs))

def fail(x):
    raise ValueError("bad %d" % x)

with ThreadPoolExecutor(2) as ex:
    f = ex.submit(fail, 7)
    try:
        f.result()
    except ValueError as e:
        print("re-raised:", e)
    print(type(f.exception()).__name__, f.exception())
    try:
        list(ex.map(fail, [1, 2]))
    except ValueError as e:
        print("map raised:", e)

ex = ThreadPoolExecutor()
print(ex._max_workers >= 1)
ex.shutdown()
try:
    ex.submit(sq, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)

# timeouts
gate = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    return gate.wait()
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(blocker)
    started.wait()
    try:
        f.result(timeout=0.01)
    except TimeoutError:
        print("result TimeoutError")
    try:
        f.exception(timeout=0.01)
    except TimeoutError:
        print("exception TimeoutError")
    print(f.done(), f.running())
    pending = ex.submit(sq, 3)
    print(pending.running(), pending.cancel(), pending.cancelled(), pending.done())
    try:
        pending.result()
    except CancelledError:
        print("CancelledError")
    try:
        it = ex.map(sq, [1], timeout=0.01)
        list(it)
    except TimeoutError:
        print("map TimeoutError")
    print(f.cancel())
    gate.set()
print(f.result(), f.done(), f.cancelled(), f.running())
print(issubclass(TimeoutError, Exception), cf.TimeoutError is TimeoutError)

# callbacks
cb = []
with ThreadPoolExecutor(2) as ex:
    f = ex.submit(sq, 4)
    f.add_done_callback(lambda fut: cb.append(("cb1", fut.result())))
    f.result()
f.add_done_callback(lambda fut: cb.append(("cb2", fut.result())))
print(sorted(cb))

# bare Future
fut = Future()
print(fut.done(), fut.running(), fut.cancelled())
print(fut.set_running_or_notify_cancel(), fut.running())
fut.set_result(10)
print(fut.result(), fut.done())
fut2 = Future()
fut2.set_exception(KeyError("x"))
print(repr(fut2.exception()))
fut3 = Future()
print(fut3.cancel(), fut3.cancelled(), fut3.set_running_or_notify_cancel())
