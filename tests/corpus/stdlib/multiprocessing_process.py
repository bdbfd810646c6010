# multiprocessing.Process under the 'fork' and 'spawn' start methods: target and
# arguments, exit codes (return, SystemExit, an exception, os._exit), names, is_alive,
# join with a timeout, a subclass overriding run, and the SemLock-based Lock/Semaphore
# in the parent.
import multiprocessing as mp
import os
import sys


def ok(a, b=0):
    if a + b != 3:
        raise SystemExit(9)


def code(n):
    raise SystemExit(n)


def crash():
    # The child prints the traceback (paths differ): silenced.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    sys.stderr = open(os.devnull, "w")
    raise ValueError("boom in child")


def hard_exit():
    os._exit(4)


class ForkWorker(mp.get_context("fork").Process):
    def run(self):
        raise SystemExit(len(self.name) % 7 + 20)


class SpawnWorker(mp.get_context("spawn").Process):
    def run(self):
        raise SystemExit(len(self.name) % 7 + 20)


def run(method):
    ctx = mp.get_context(method)
    print("==", method)
    p = ctx.Process(target=ok, args=(1,), kwargs={"b": 2}, name="adder")
    print(p.name, p.is_alive(), p.exitcode)
    p.start()
    p.join()
    print("ok:", p.exitcode, p.is_alive())
    ps = [ctx.Process(target=code, args=(n,)) for n in (0, 1, 2, 7)]
    for q in ps:
        q.start()
    for q in ps:
        q.join(30)
    print("codes:", [q.exitcode for q in ps])
    p = ctx.Process(target=crash)
    p.start()
    p.join()
    print("exception:", p.exitcode)
    p = ctx.Process(target=hard_exit)
    p.start()
    p.join()
    print("os._exit:", p.exitcode)
    w = (ForkWorker if method == "fork" else SpawnWorker)(name="worker-x")
    w.start()
    w.join()
    print("subclass:", w.exitcode)


if __name__ == "__main__":
    lock = mp.Lock()
    print("lock:", lock.acquire(), lock.acquire(False), lock.release())
    sem = mp.BoundedSemaphore(2)
    print("sem:", sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01), sem.get_value())
    sem.release()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    rl = mp.RLock()
    print("rlock:", rl.acquire(), rl.acquire(), rl.release(), rl.release())
    for method in ("fork", "spawn"):
        run(method)
