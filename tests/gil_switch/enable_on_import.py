# Importing a native module that needs the GIL turns it on (free-threaded build, PYTHON_GIL
# unset), with other threads running, sleeping and blocked on locks at the time.
import sys, threading, time

print("before", sys._is_gil_enabled(), sys.flags.gil)
stop = threading.Event()
lock = threading.Lock()
lock.acquire()
counts = [0, 0]

def spin(i):
    while not stop.is_set():
        counts[i] += 1

def sleeper():
    while not stop.is_set():
        time.sleep(0.001)

def blocked():
    with lock:
        pass

threads = [threading.Thread(target=spin, args=(0,)), threading.Thread(target=spin, args=(1,)),
           threading.Thread(target=sleeper), threading.Thread(target=blocked)]
for t in threads:
    t.start()
time.sleep(0.02)
import _gilvm_legacy
print("after", sys._is_gil_enabled(), sys.flags.gil)
lock.release()
time.sleep(0.02)
stop.set()
for t in threads:
    t.join()
print("spinners ran", counts[0] > 0 and counts[1] > 0)

# Two threads importing at once: one of them switches, both continue.
def imp():
    import _gilvm_legacy as m
    m.incr(0)
ts = [threading.Thread(target=imp) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()

# With the GIL on, the module's unlocked read-modify-write loses no update.
_gilvm_legacy.reset()
def bump():
    for _ in range(50000):
        _gilvm_legacy.incr()
ts = [threading.Thread(target=bump) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("count", _gilvm_legacy.value() if sys._is_gil_enabled() else "racy")
