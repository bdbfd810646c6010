# A tiny event loop: tasks are coroutines driven by send(), futures yield from __await__.
import types

class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []
    def set_result(self, v):
        self.done = True
        self.result = v
        for cb in self.callbacks:
            cb()
    def __await__(self):
        if not self.done:
            yield self
        return self.result

class Loop:
    def __init__(self):
        self.ready = []
        self.time = 0
        self.timers = []
        self.seq = 0
    def create_task(self, coro, name):
        self.ready.append((coro, None, name))
    def sleep(self, d):
        f = Future()
        self.seq += 1
        self.timers.append((self.time + d, self.seq, f))
        return f
    def run(self):
        while self.ready or self.timers:
            while self.ready:
                coro, val, name = self.ready.pop(0)
                try:
                    fut = coro.send(val)
                except StopIteration as e:
                    print(f"task {name} done -> {e.value!r}")
                    continue
                except Exception as e:
                    print(f"task {name} failed: {type(e).__name__}: {e}")
                    continue
                def wake(coro=coro, fut=fut, name=name):
                    self.ready.append((coro, None, name))
                fut.callbacks.append(wake)
            if self.timers:
                self.timers.sort()
                t, _, f = self.timers.pop(0)
                self.time = t
                f.set_result(t)

loop = Loop()

async def worker(name, n, d):
    total = 0
    for i in range(n):
        t = await loop.sleep(d)
        print(f"{name} step {i} at t={t}")
        total += t
    return total

async def failing():
    await loop.sleep(1)
    raise ValueError("boom")

async def nested():
    a = await worker("inner", 2, 3)
    return a * 2

loop.create_task(worker("A", 3, 2), "A")
loop.create_task(worker("B", 2, 3), "B")
loop.create_task(failing(), "F")
loop.create_task(nested(), "N")
loop.run()

@types.coroutine
def gen_sleep():
    x = yield "gen-yield"
    return x

async def use_gen():
    v = await gen_sleep()
    return v + 1

c = use_gen()
print(c.send(None))
try:
    c.send(41)
except StopIteration as e:
    print("result", e.value)
print(gen_sleep.__code__.co_flags & 0x100)
async def f(): return 1
print(f.__code__.co_flags, type(f()).__name__)
