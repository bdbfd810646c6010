# The builtins aiter() and anext(); async generators holding async with / finally.
class It:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
async def main():
    it = It()
    print(aiter(it) is it)
    print(await anext(it), await anext(it), await anext(it, "dflt"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("stop")
    a = anext(it, 5)
    print(type(a).__name__)
    for bad in [lambda: aiter(1), lambda: anext(1)]:
        try: bad()
        except TypeError as e: print(e)
    class B:
        def __aiter__(self): return 1
    try: aiter(B())
    except TypeError as e: print(e)
c = main()
try: c.send(None)
except StopIteration: pass

# async generators with async with / try-finally inside, awaits in handlers
class Res:
    async def __aenter__(self):
        print("acquire")
        return self
    async def __aexit__(self, *exc):
        print("release", exc[0].__name__ if exc[0] else None)

async def guarded(n):
    async with Res():
        try:
            for i in range(n):
                yield i
        finally:
            await Res().__aenter__()
            print("finally in agen")

async def main2():
    async for v in guarded(2):
        print("got", v)
    g = guarded(5)
    print(await anext(g))
    await g.aclose()
    g = guarded(5)
    print(await anext(g))
    try:
        await g.athrow(KeyError("x"))
    except KeyError as e:
        print("athrow propagated", e)
    try:
        raise ValueError("outer")
    except ValueError:
        await anext(guarded(1))
        import sys
        print("still handling", repr(sys.exception()))
c = main2()
try: c.send(None)
except StopIteration: pass
