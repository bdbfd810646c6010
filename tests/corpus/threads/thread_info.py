import threading

main = threading.main_thread()
cur = threading.current_thread()
print(main is cur, main.name, cur.name)
print(isinstance(threading.get_ident(), int), threading.get_ident() == cur.ident)
print(isinstance(threading.get_native_id(), int))
print(threading.active_count(), len(threading.enumerate()))
print(threading.enumerate()[0] is main)
print(main.is_alive(), main.daemon)

start = threading.Event()
stop = threading.Event()
seen = {}

def worker(i):
    t = threading.current_thread()
    seen[i] = (t.name, t is not main, threading.get_ident() == t.ident,
               threading.main_thread() is main)
    start.set() if i == 2 else None
    stop.wait()

ts = [threading.Thread(target=worker, args=(i,), name="T%d" % i) for i in range(3)]
for t in ts:
    t.start()
start.wait()
b = threading.Barrier(1)
# wait until all three are alive and recorded
import time
deadline = time.monotonic() + 2
while len(seen) < 3 and time.monotonic() < deadline:
    time.sleep(0.005)
print(threading.active_count())
names = sorted(t.name for t in threading.enumerate())
print(names)
stop.set()
for t in ts:
    t.join()
print(sorted(seen.items()))
print(threading.active_count(), [t.name for t in threading.enumerate()])
idents = set(t.ident for t in ts)
print(len(idents) >= 1, all(isinstance(x, int) for x in idents))
print(threading.TIMEOUT_MAX > 0)

# auto names
t = threading.Thread(target=lambda: None)
print(t.name.startswith("Thread-"))
def fn(): pass
t2 = threading.Thread(target=fn)
print(t2.name.endswith("(fn)"))
