import threading

e = threading.Event()
print(e.is_set(), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())

order = []
go = threading.Event()
def w(i):
    go.wait()
    order.append(i)
ts = [threading.Thread(target=w, args=(i,)) for i in range(5)]
for t in ts: t.start()
order.append("main")
go.set()
for t in ts: t.join()
print(order[0], sorted(order[1:]))

b = threading.Barrier(3)
print(b.parties, b.n_waiting, b.broken)
res = []
lock = threading.Lock()
def bw(i):
    idx = b.wait()
    with lock:
        res.append(idx)
ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res))

# action
acted = []
b2 = threading.Barrier(2, action=lambda: acted.append("action"))
t = threading.Thread(target=b2.wait)
t.start()
b2.wait()
t.join()
print(acted)

# timeout breaks barrier
b3 = threading.Barrier(2, timeout=0.02)
try:
    b3.wait()
except threading.BrokenBarrierError as ex:
    print("BrokenBarrierError", type(ex).__mro__[1].__name__)
print(b3.broken)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("still broken")
b3.reset()
print(b3.broken)

# abort
b4 = threading.Barrier(3)
errs = []
def aw():
    try:
        b4.wait()
    except threading.BrokenBarrierError:
        errs.append("broken")
t = threading.Thread(target=aw)
t.start()
while b4.n_waiting < 1:
    threading.Event().wait(0.001)
b4.abort()
t.join()
print(errs, b4.broken)

# reuse across cycles
b5 = threading.Barrier(2)
cycles = []
def cyc():
    for i in range(3):
        b5.wait()
        cycles.append(i)
t = threading.Thread(target=cyc)
t.start()
for i in range(3):
    b5.wait()
t.join()
print(cycles)
