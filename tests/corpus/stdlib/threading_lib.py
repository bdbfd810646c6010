# The Lib's threading.py on gilvm's _thread: Thread subclasses, the synchronisation
# classes, Timer, local, excepthook, and the 3.14 details (handles, contexts).
import threading
import time
import _thread


class Worker(threading.Thread):
    def __init__(self, n, out):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.out = out

    def run(self):
        self.out.append((self.name, self.n * self.n, threading.current_thread() is self))


out = []
ws = [Worker(i, out) for i in range(4)]
print([w.is_alive() for w in ws], ws[0].ident is None, ws[0].native_id is None)
for w in ws:
    w.start()
for w in ws:
    w.join()
print(sorted(out))
print([w.is_alive() for w in ws], all(isinstance(w.ident, int) for w in ws))
print(all(isinstance(w.native_id, int) and w.native_id > 0 for w in ws))
print(len({w.ident for w in ws}))

# Names, daemon flags, errors.
t = threading.Thread(target=lambda: None)
print(t.name.startswith("Thread-"), t.name.endswith("(<lambda>)"), t.daemon)
for call in (t.join, lambda: setattr(t, "daemon", 1)):
    try:
        call()
        print("daemon set:", t.daemon)
    except RuntimeError as e:
        print("RuntimeError:", e)
t.start()
t.join()
for call in (t.start, lambda: setattr(t, "daemon", False)):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
m = threading.main_thread()
print(m.name, m is threading.current_thread(), m.daemon, m.is_alive())
print(threading.current_thread().ident == threading.get_ident() == _thread.get_ident())
print(threading.active_count(), [x.name for x in threading.enumerate()])

# join with a timeout on a thread that is still running.
ev = threading.Event()
slow = threading.Thread(target=ev.wait, name="slow")
slow.start()
slow.join(0.05)
print("still alive after timed join:", slow.is_alive())
ev.set()
slow.join()
print("alive after join:", slow.is_alive())

# Event
e = threading.Event()
print(e.is_set(), e.wait(0.01))
threading.Timer(0.01, e.set).start()
print(e.wait(5), e.is_set())
e.clear()
print(e.is_set())

# Condition with wait_for and notify_all
cond = threading.Condition()
items = []


def consumer(res):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        res.append(sum(items))


res = []
cs = [threading.Thread(target=consumer, args=(res,)) for _ in range(3)]
for c in cs:
    c.start()
for i in range(1, 4):
    with cond:
        items.append(i)
        cond.notify_all()
for c in cs:
    c.join()
print("condition:", res)
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# Semaphore / BoundedSemaphore
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(False))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)

# Barrier
hits = []
bar = threading.Barrier(3, action=lambda: hits.append("action"))
idx = []


def party():
    idx.append(bar.wait())


ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print("barrier:", sorted(idx), hits, bar.n_waiting, bar.broken, bar.parties)
bar2 = threading.Barrier(2)
try:
    bar2.wait(0.02)
except threading.BrokenBarrierError:
    print("broken:", bar2.broken)
bar2.reset()
print("reset:", bar2.broken)

# Timer, cancelled and fired
fired = []
t1 = threading.Timer(10, fired.append, args=("late",))
t1.start()
t1.cancel()
t1.join()
t2 = threading.Timer(0.01, fired.append, args=("on time",))
t2.start()
t2.join()
print("timer:", fired)

# RLock
r = threading.RLock()
with r:
    with r:
        print("rlock count:", r._recursion_count(), r._is_owned())
print("rlock after:", r._recursion_count(), r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
lk = threading.Lock()
print(type(lk) is _thread.LockType, lk.acquire(), lk.locked(), lk.acquire(timeout=0.01))
lk.release()
try:
    lk.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# local
loc = threading.local()
loc.x = "main"
seen = []


def use_local(v):
    seen.append(hasattr(loc, "x"))
    loc.x = v
    time.sleep(0.01)
    seen.append(loc.x == v)


ts = [threading.Thread(target=use_local, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("local:", seen.count(False), seen.count(True), loc.x)

# excepthook
caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                   type(args).__name__, args.exc_traceback is not None))


old = threading.excepthook
threading.excepthook = hook
bad = threading.Thread(target=lambda: 1 / 0, name="bad")
bad.start()
bad.join()
exiting = threading.Thread(target=lambda: exec("raise SystemExit(3)"), name="exits")
exiting.start()
exiting.join()
threading.excepthook = old
print("excepthook:", caught)
print(threading.excepthook is threading.__excepthook__)
a = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(a.exc_type.__name__, a.exc_value, a.exc_traceback, a.thread, len(a))
try:
    threading.ExceptHookArgs([1, 2])
except TypeError as e:
    print("TypeError:", e)

# A thread runs in its own context: an empty one by default on the GIL build, a copy of
# the starting thread's on the free-threaded build (sys.flags.thread_inherit_context).
import _contextvars
import sys
var = _contextvars.ContextVar("var", default="default")
var.set("main value")
got = []
th = threading.Thread(target=lambda: got.append(var.get()), context=_contextvars.Context())
th.start()
th.join()
ctx = _contextvars.copy_context()
th = threading.Thread(target=lambda: got.append(var.get()), context=ctx)
th.start()
th.join()
th = threading.Thread(target=lambda: got.append(var.get()))
th.start()
th.join()
print("contexts:", got[:2], var.get())
print(got[2] == ("main value" if sys.flags.thread_inherit_context else "default"))

print(threading.TIMEOUT_MAX > 1e6, threading.stack_size(), threading.stack_size(0))
print(threading.settrace(None), threading.gettrace(), threading.getprofile())
