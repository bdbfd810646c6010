import threading

c = threading.Condition()
try:
    c.wait(0.01)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
with c:
    print("wait timeout ->", c.wait(timeout=0.01))
    print("wait_for timeout ->", c.wait_for(lambda: False, timeout=0.01))
    print("wait_for true ->", c.wait_for(lambda: 42))

items = []
ready = []
def consumer(i):
    with c:
        ready.append(i)
        c.notify_all()
        c.wait_for(lambda: len(items) > 0 and items[0] == "go")
        items.append(i)

ts = [threading.Thread(target=consumer, args=(i,)) for i in range(4)]
for t in ts: t.start()
with c:
    c.wait_for(lambda: len(ready) == 4, timeout=2)
    items.append("go")
    c.notify_all()
for t in ts: t.join()
print(items[0], sorted(items[1:]))

# notify(n) wakes only n
c2 = threading.Condition(threading.Lock())
waiting = 0
woken = []
def w(i):
    global waiting
    with c2:
        waiting += 1
        r = c2.wait(timeout=0.2)
        woken.append(r)
ts = [threading.Thread(target=w, args=(i,)) for i in range(3)]
for t in ts: t.start()
with c2:
    while waiting < 3:
        c2.wait(0.005)
    c2.notify(2)
for t in ts: t.join()
print(sorted(woken))

# Condition with RLock (default) allows reentrancy
c3 = threading.Condition()
with c3:
    with c3:
        print("reentrant ok")
        print(c3.wait(0.001))
print(c3.acquire(), c3.release())

# producer consumer
cv = threading.Condition()
buf = []
out = []
def prod():
    for i in range(20):
        with cv:
            buf.append(i)
            cv.notify()
    with cv:
        buf.append(None)
        cv.notify()
def cons():
    while True:
        with cv:
            cv.wait_for(lambda: buf)
            x = buf.pop(0)
        if x is None:
            return
        out.append(x)
a = threading.Thread(target=prod); b = threading.Thread(target=cons)
b.start(); a.start(); a.join(); b.join()
print(out)
