import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
s.release(); s.release()
with s:
    print("in sem")

b = threading.BoundedSemaphore(1)
print(b.acquire())
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# semaphore limits concurrency
sem = threading.Semaphore(3)
lock = threading.Lock()
cur = 0
peak = 0
def work():
    global cur, peak
    with sem:
        with lock:
            cur += 1
            peak = max(peak, cur)
        ev.wait(0.01)
        with lock:
            cur -= 1
ev = threading.Event()
ts = [threading.Thread(target=work) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("peak <= 3:", peak <= 3, "cur:", cur)

# blocking acquire released by another thread
s0 = threading.Semaphore(0)
got = []
def waiter():
    got.append(s0.acquire(timeout=2))
t = threading.Thread(target=waiter)
t.start()
s0.release()
t.join()
print(got)
print(isinstance(b, threading.Semaphore))
