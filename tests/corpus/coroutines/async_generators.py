# Async generators: asend, athrow, aclose, async for, finalization hooks.
import sys

def run(coro):
    """Drives a coroutine that never really suspends; returns its result."""
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def agen(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print("agen got", got)
    except ValueError as e:
        print("agen caught", e)
        yield "recovered"
    finally:
        print("agen finally")

async def main():
    out = []
    async for x in agen(3):
        out.append(x)
    print("collected", out)
    g = agen(5)
    print(await g.__anext__())
    print(await g.asend("hello"))
    print(await g.athrow(ValueError("bad")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration after recovery")
    g2 = agen(5)
    print(await g2.asend(None))
    await g2.aclose()
    print("closed; running", g2.ag_running)
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")
    # async comprehension
    print([x * 2 async for x in agen(3)])
    print({x: x async for x in agen(2) if x})
    # anext via builtin protocol pieces
    g3 = agen(2)
    a = g3.__anext__()
    print(type(a).__name__)
    try:
        a.send(None)
    except StopIteration as e:
        print("first value via send:", e.value)
    try:
        a.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    await g3.aclose()
    return "main done"

print(run(main()))

async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def test_ignore():
    g = ignores()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

run(test_ignore())

async def returns_value():
    yield 1

ag = returns_value()
print(type(ag).__name__, ag.__name__, ag.__qualname__, ag.ag_running, ag.ag_await)
print(ag.ag_code.co_name, hex(ag.ag_code.co_flags))
print(repr(ag).startswith("<async_generator object returns_value at 0x"))
print(ag.__aiter__() is ag)

# hooks
events = []
def firstiter(g):
    events.append(("firstiter", g.__name__))
def finalizer(g):
    events.append(("finalizer", g.__name__))
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer, h[0] is firstiter)

async def hooked():
    yield 1
    yield 2

async def use_hooked():
    g = hooked()
    print(await g.__anext__())
    return g

g = run(use_hooked())
print(events)
del g
print(events)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError:", e)

# async generator expression
async def genexp():
    ge = (x + 1 async for x in agen(2))
    print(type(ge).__name__)
    return [y async for y in ge]
print(run(genexp()))

# StopIteration / StopAsyncIteration inside
async def bad_stop():
    yield 1
    raise StopAsyncIteration

async def test_bad():
    g = bad_stop()
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
run(test_bad())
