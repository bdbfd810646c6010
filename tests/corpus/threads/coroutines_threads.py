# Coroutines in several threads: each thread drives its own coroutines; a coroutine
# running in one thread cannot be resumed from another ("coroutine already executing").
import threading

class Yield:
    def __await__(self):
        v = yield "tick"
        return v

async def summer(n):
    total = 0
    for i in range(n):
        total += await Yield()
    return total

async def agen(n):
    for i in range(n):
        yield await Yield()

async def consume(n):
    return [x async for x in agen(n)]

def drive(coro, feed):
    coro.send(None)
    try:
        while True:
            coro.send(feed)
    except StopIteration as e:
        return e.value

results = {}
def work(k):
    out = []
    for rep in range(200):
        out.append(drive(summer(10), k))
        out.append(sum(drive(consume(5), k)))
    results[k] = (out[0], out[1], len(out))

threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))

started = threading.Event()
release = threading.Event()

async def blocker():
    started.set()
    release.wait()
    await Yield()
    return "blocker done"

c = blocker()
err = []
def run_blocker():
    try:
        c.send(None)
    except Exception as e:
        err.append(e)

t = threading.Thread(target=run_blocker)
t.start()
started.wait()
try:
    c.send(None)
except ValueError as e:
    print("ValueError:", e)
print("running:", c.cr_running)
release.set()
t.join()
print("errors in thread:", err)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
