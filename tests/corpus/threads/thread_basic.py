import threading

results = []
lock = threading.Lock()

def worker(n, scale=1, tag="w"):
    with lock:
        results.append((tag, n * scale))

ts = [threading.Thread(target=worker, args=(i,), kwargs={"scale": 10, "tag": "k"}) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results))
print(all(not t.is_alive() for t in ts))

t = threading.Thread(target=worker, args=(7,), name="custom-name")
print(t.name, t.is_alive(), t.ident, t.native_id)
t.start()
t.join()
print(t.name, t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
t.name = "renamed"
print(t.name)

d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon)
d2 = threading.Thread(target=lambda: None)
print(d2.daemon)
d2.daemon = True
print(d2.daemon)
d.start(); d.join(); d2.start(); d2.join()

class MyThread(threading.Thread):
    def __init__(self, val):
        super().__init__(name="my-" + str(val))
        self.val = val
        self.out = None
    def run(self):
        self.out = self.val ** 2

mts = [MyThread(i) for i in range(4)]
for m in mts:
    m.start()
for m in mts:
    m.join()
print([(m.name, m.out) for m in mts])

# default run with no target does nothing
e = threading.Thread()
e.start(); e.join()
print("empty ok", e.is_alive())

# starting twice
try:
    e.start()
except RuntimeError as ex:
    print("RuntimeError:", ex)

# join before start
try:
    threading.Thread().join()
except RuntimeError as ex:
    print("RuntimeError:", ex)

# join current thread
try:
    threading.current_thread().join()
except RuntimeError as ex:
    print("RuntimeError:", ex)

# join with timeout
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
t.join(timeout=0.01)
print("alive after timeout join:", t.is_alive())
ev.set()
t.join()
print("alive after set:", t.is_alive())

# repr shapes
t = threading.Thread(name="R")
print(repr(t).startswith("<Thread(R, initial)>"))
