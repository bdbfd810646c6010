# The Lib's queue.py on gilvm's native _queue.SimpleQueue.
import queue
import threading
import _queue

print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty)
print(issubclass(queue.Empty, Exception), queue.Empty.__module__, queue.Full.__module__)

# FIFO, LIFO, priority
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in (3, 1, 2):
        q.put(x)
    print(cls.__name__, q.qsize(), [q.get() for _ in range(3)], q.empty())

# maxsize, Full, Empty, timeouts
q = queue.Queue(maxsize=2)
q.put(1)
q.put_nowait(2)
print(q.full(), q.qsize())
for call in (lambda: q.put(3, block=False), lambda: q.put(3, timeout=0.01)):
    try:
        call()
    except queue.Full:
        print("Full")
print(q.get(), q.get_nowait())
for call in (q.get_nowait, lambda: q.get(timeout=0.01), lambda: q.get(False)):
    try:
        call()
    except queue.Empty:
        print("Empty")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# task_done / join with worker threads
q = queue.Queue()
done = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        done.append(item * 2)
        q.task_done()


ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for i in range(30):
    q.put(i)
q.join()
for _ in ts:
    q.put(None)
for t in ts:
    t.join()
print(len(done), sum(done))
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

# shutdown (3.13)
q = queue.Queue()
q.put("a")
q.shutdown()
try:
    q.put("b")
except queue.ShutDown:
    print("ShutDown on put")
print(q.get())
try:
    q.get()
except queue.ShutDown:
    print("ShutDown on get")

# SimpleQueue: many producers, many consumers, nothing lost or duplicated
sq = queue.SimpleQueue()
N, P = 2000, 4
got = []
lock = threading.Lock()


def producer(base):
    for i in range(N):
        sq.put(base + i)


def consumer():
    local = []
    while True:
        x = sq.get()
        if x is None:
            break
        local.append(x)
    with lock:
        got.extend(local)


cons = [threading.Thread(target=consumer) for _ in range(P)]
prods = [threading.Thread(target=producer, args=(k * N,)) for k in range(P)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    sq.put(None)
for t in cons:
    t.join()
print(len(got), len(set(got)), sorted(got) == list(range(N * P)), sq.empty(), sq.qsize())

sq = queue.SimpleQueue()
sq.put(1, block=False, timeout=5)
sq.put_nowait(item=2)
print(sq.get(block=True, timeout=1), sq.get(False))
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    sq.get(timeout=0.01)
except queue.Empty as e:
    print("Empty", repr(e))
try:
    sq.get(block=False)
except queue.Empty:
    print("Empty")
# FIFO order of one producer
for i in range(5):
    sq.put(i)
print([sq.get() for _ in range(5)])
