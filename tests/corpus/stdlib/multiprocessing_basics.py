# multiprocessing: Process with arguments and exit codes, Queue, Pipe, Lock, Event,
# Pool.map/apply_async, under each start method ('fork', 'spawn', 'forkserver').
import multiprocessing as mp
import os
import sys


def square_into(q, n):
    q.put((n, n * n))


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.close()


def locked_add(lock, q, k):
    with lock:
        q.put(k)


def fail():
    raise SystemExit(3)


def crash():
    # The child prints the traceback to its stderr: silenced (paths differ).
    sys.stderr = open(os.devnull, "w")
    raise ValueError("boom in child")


def wait_event(ev, q):
    q.put(ev.wait(10))


def cube(x):
    return x * x * x


def run(method):
    ctx = mp.get_context(method)
    print("==", method, ctx.get_start_method())
    q = ctx.Queue()
    ps = [ctx.Process(target=square_into, args=(q, n)) for n in range(4)]
    for p in ps:
        p.start()
    got = sorted(q.get(timeout=30) for _ in ps)
    for p in ps:
        p.join()
    print("queue:", got, [p.exitcode for p in ps])

    parent, child = ctx.Pipe()
    p = ctx.Process(target=echo, args=(child,))
    p.start()
    for m in [1, "two", [3, {"four": 4}], b"five"]:
        parent.send(m)
        print("pipe:", parent.recv())
    parent.send(None)
    p.join()
    print("pipe exit:", p.exitcode)

    lock = ctx.Lock()
    q2 = ctx.Queue()
    ps = [ctx.Process(target=locked_add, args=(lock, q2, k)) for k in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("lock:", sorted(q2.get(timeout=30) for _ in ps))

    ev = ctx.Event()
    q3 = ctx.Queue()
    p = ctx.Process(target=wait_event, args=(ev, q3))
    p.start()
    ev.set()
    print("event:", q3.get(timeout=30))
    p.join()

    p = ctx.Process(target=fail)
    p.start()
    p.join()
    print("exit code:", p.exitcode)
    p = ctx.Process(target=crash)
    p.start()
    p.join()
    print("exception exit code:", p.exitcode)

    with ctx.Pool(2) as pool:
        print("pool map:", pool.map(cube, range(6)))
        r = pool.apply_async(cube, (7,))
        print("apply_async:", r.get(timeout=30))
        print("starmap:", pool.starmap(pow, [(2, 3), (3, 2)]))


if __name__ == "__main__":
    print("cpu_count > 0:", os.cpu_count() > 0)
    print("methods:", mp.get_all_start_methods())
    print("default:", mp.get_start_method())
    print("current_process:", mp.current_process().name)
    for method in ("fork", "spawn", "forkserver"):
        run(method)
