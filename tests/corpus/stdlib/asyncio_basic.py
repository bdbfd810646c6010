# asyncio: run, tasks, gather, sleep, queues, events, timeouts, executors,
# a TCP echo server over loopback with streams, and a subprocess.
import asyncio
import selectors
import sys

print(type(selectors.DefaultSelector()).__name__)


async def worker(name, q, out):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return
        out.append((name, item * 2))
        await asyncio.sleep(0)
        q.task_done()


async def queues():
    q = asyncio.Queue(maxsize=3)
    out = []
    ws = [asyncio.create_task(worker(f"w{i}", q, out)) for i in range(2)]
    for i in range(6):
        await q.put(i)
    for _ in ws:
        await q.put(None)
    await q.join()
    await asyncio.gather(*ws)
    print("queue:", sorted(v for _, v in out))


async def add(a, b, delay):
    await asyncio.sleep(delay)
    return a + b


async def fails():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def basics():
    print(await add(1, 2, 0))
    r = await asyncio.gather(add(1, 1, 0.02), add(2, 2, 0.01), add(3, 3, 0))
    print("gather:", r)
    r = await asyncio.gather(add(1, 1, 0), fails(), return_exceptions=True)
    print("gather exc:", r[0], type(r[1]).__name__, r[1])
    t = asyncio.create_task(add(5, 5, 0), name="adder")
    print(t.get_name(), await t, t.done(), t.result())
    slow = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("cancelled", slow.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() timed out")
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.01)
        ev.set()
    asyncio.create_task(setter())
    await ev.wait()
    print("event set", ev.is_set())
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    done, pending = await asyncio.wait([asyncio.create_task(add(1, 0, 0))])
    print(len(done), len(pending))
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(add(10, 1, 0))
        t2 = tg.create_task(add(20, 2, 0))
    print("taskgroup:", t1.result(), t2.result())
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, sum, [1, 2, 3])
    print("executor:", r)
    r = await asyncio.to_thread(pow, 2, 10)
    print("to_thread:", r)
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "soon")
    print(await fut)
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "later")
    print(await fut)
    await queues()


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def tcp():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for word in [b"alpha\n", b"beta\n", b"gamma\n"]:
            writer.write(word)
            await writer.drain()
            print("echo:", await reader.readline())
        writer.write_eof()
        print("eof:", await reader.read())
        writer.close()
        await writer.wait_closed()
    print("server closed", server.is_serving())


async def subprocess():
    p = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; print(sys.stdin.read().upper())",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate(b"from the parent")
    print("subprocess:", out.strip(), p.returncode)


asyncio.run(basics())
asyncio.run(tcp())
asyncio.run(subprocess())
print(asyncio.run(add(40, 2, 0)))
