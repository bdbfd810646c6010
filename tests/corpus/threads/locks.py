import threading

l = threading.Lock()
print(l.locked())
print(l.acquire())
print(l.locked())
print(l.acquire(False))
print(l.acquire(blocking=False))
print(l.acquire(timeout=0.01))
print(l.acquire(True, 0.01))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with l:
    print("in with", l.locked())
print(l.locked())
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    l.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)

# lock released by another thread
l.acquire()
t = threading.Thread(target=l.release)
t.start(); t.join()
print("released by other:", l.locked())

# contention counter
counter = 0
def inc():
    global counter
    for _ in range(1000):
        with l:
            counter += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(counter)

# acquire with timeout while held by another thread
held = threading.Event()
done = threading.Event()
def holder():
    with l:
        held.set()
        done.wait()
t = threading.Thread(target=holder)
t.start()
held.wait()
print("timeout acquire:", l.acquire(timeout=0.02))
print("nonblocking:", l.acquire(False))
done.set()
t.join()
print("after:", l.acquire(timeout=1))
l.release()

# RLock
r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(False))
r.release(); r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested rlock")
r.acquire()
res = []
def other():
    res.append(r.acquire(False))
    res.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        res.append(str(e))
t = threading.Thread(target=other); t.start(); t.join()
print(res)
r.release()
t = threading.Thread(target=lambda: res.append(r.acquire(False) and (r.release() or True)))
t.start(); t.join()
print(res)
print(type(threading.Lock()).__name__ in ("lock", "Lock"))
