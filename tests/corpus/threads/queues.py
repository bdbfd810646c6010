import queue
import threading

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(3)], q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.get(False)
except queue.Empty:
    print("Empty nonblocking")

bq = queue.Queue(maxsize=2)
bq.put("a"); bq.put_nowait("b")
print(bq.full(), bq.qsize(), bq.maxsize)
try:
    bq.put_nowait("c")
except queue.Full:
    print("Full")
try:
    bq.put("c", timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    bq.put("c", block=False)
except queue.Full:
    print("Full nonblocking")
try:
    bq.put("c", timeout=-1)
except ValueError as e:
    print("ValueError:", e)

lq = queue.LifoQueue()
for i in range(4): lq.put(i)
print([lq.get() for _ in range(4)])

pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3]: pq.put((x, "v%d" % x))
print([pq.get() for _ in range(5)])

sq = queue.SimpleQueue()
sq.put(1); sq.put_nowait(2); sq.put(3, block=False, timeout=None)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.get(timeout=1))
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty nowait")
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# task_done / join
wq = queue.Queue()
done = []
def worker():
    while True:
        item = wq.get()
        if item is None:
            wq.task_done()
            break
        done.append(item * 2)
        wq.task_done()
ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts: t.start()
for i in range(10): wq.put(i)
wq.join()
print(sorted(done))
for t in ts: wq.put(None)
for t in ts: t.join()
try:
    wq.task_done()
except ValueError as e:
    print("ValueError:", e)

# blocking get woken by put
rq = queue.Queue()
got = []
t = threading.Thread(target=lambda: got.append(rq.get(timeout=2)))
t.start()
rq.put("hello")
t.join()
print(got)
# blocking put woken by get
fq = queue.Queue(1)
fq.put(1)
t = threading.Thread(target=lambda: fq.put(2, timeout=2))
t.start()
print(fq.get())
t.join()
print(fq.get(), fq.empty())

# producer/consumer with sentinel
pc = queue.Queue(maxsize=3)
out = []
def prod():
    for i in range(20): pc.put(i)
    pc.put(None)
def cons():
    while (x := pc.get()) is not None:
        out.append(x)
a = threading.Thread(target=prod); b = threading.Thread(target=cons)
a.start(); b.start(); a.join(); b.join()
print(out == list(range(20)))
