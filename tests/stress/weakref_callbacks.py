# Weak references racing their referents' deaths (free-threaded build, GIL off): producer
# threads create objects with weak references and callbacks, publish them in a shared
# list and drop their own references; consumer threads take them out of the list, call
# the weak references (the referent may be dying on another thread right then: the call
# must answer the object or None, never a freed one) and drop them. Every callback must
# run exactly once (the producers' exits merge whatever is still queued to them), and a
# live answer must be the right object.
import _weakref
import threading
import time
from _threads import run_threads

N_PROD, N_CONS, PER = 3, 3, 3000

class Obj:
    def __init__(self, key):
        self.key = key

fired = []          # keys of the callbacks that ran (list.append is atomic)
lock = threading.Lock()
shared = []         # (ref, key) pairs and objects, consumed by the consumers
done = []
bad = []
kept = []

def producer(t):
    for i in range(PER):
        key = t * PER + i
        o = Obj(key)
        r = _weakref.ref(o, lambda r, key=key: fired.append(key))
        plain = _weakref.ref(o)
        with lock:
            shared.append((o, r, plain, key))
        del o
    done.append(t)

def consumer(t):
    idle = 0
    while True:
        with lock:
            item = shared.pop() if shared else None
        if item is None:
            if len(done) == N_PROD:
                with lock:
                    if not shared:
                        return
            idle += 1
            continue
        o, r, plain, key = item
        del item
        # A weak reference that dies before its referent never calls back: keep them all
        # (on the free-threaded build the referent may die later, at its owner's merge).
        kept.append(r)
        # Another consumer may hold nothing of this object: after this del, ours is the
        # last strong reference, and the calls race nothing but our own drop.
        got = plain()
        if got is None or got.key != key:
            bad.append(("wrong object", key))
        del got
        del o
        # Ours was the last reference, but on the free-threaded build a non-owner's last
        # decrement queues the object to its owner (biased counting), which frees it at
        # its next merge: until then the weak references may still answer it. Whatever
        # they answer must be the object itself.
        for x in (plain(), r()):
            if x is not None and x.key != key:
                bad.append(("wrong object after drop", key))

def run():
    def target(t):
        if t < N_PROD:
            producer(t)
        else:
            consumer(t - N_PROD)
    run_threads(N_PROD + N_CONS, target)

run()
total = N_PROD * PER
assert not bad, bad[:5]
# A producer merges what is still queued to it when its thread ends, which may come a
# little after `join` returns (free-threaded build): wait for it, boundedly.
deadline = time.monotonic() + 20
while len(fired) < total and time.monotonic() < deadline:
    time.sleep(0.01)
assert len(fired) == total, (len(fired), total)
assert len(set(fired)) == total, "a callback ran twice"

# Readers calling shared weak references while the owner thread drops the referents.
objs = [Obj(i) for i in range(2000)]
refs = [_weakref.ref(o, lambda r: fired2.append(1)) for o in objs]
fired2 = []
stop = []

def reader(t):
    while not stop:
        for r in refs:
            x = r()
            if x is not None and not isinstance(x, Obj):
                bad.append("not an Obj")

def dropper():
    while objs:
        objs.pop()
    stop.append(1)

readers = [threading.Thread(target=reader, args=(t,)) for t in range(3)]
for th in readers:
    th.start()
dropper()
for th in readers:
    th.join()
assert not bad, bad[:5]
assert len(fired2) == 2000, len(fired2)
assert all(r() is None for r in refs)
print("OK")
