# SyntaxErrors for misplaced async/await, with CPython 3.14's messages and locations.
cases = [
"await x",
"class C:\n    await x",
"def f():\n    await x",
"def f():\n    async with a: pass",
"def f():\n    async for a in b: pass",
"async with a: pass",
"async for a in b: pass",
"async def f():\n    yield from x",
"async def f():\n    yield 1\n    return 2",
"def f():\n    [x async for x in y]",
"[x async for x in y]",
"def f():\n    [await x for x in y]",
"async def f():\n    def g():\n        [x async for x in y]",
"async def f():\n    lambda: await x",
"async def f():\n    [[x async for x in y] for z in w]",
"def f():\n    (x async for x in y)",
"def f():\n    (await x for x in y)",
"async def f():\n    class C:\n        await x",
"async def f():\n    x = [ (yield) for y in z]",
"async def f():\n    await = 1",
"def f():\n    return [x async for x in y]\n",
"async def f():\n    {k: v async for k, v in y}",
"def f():\n    x = {await a for a in b}",
"async def f():\n    return (await x for x in y)",
"def f(): return {x: [y async for y in x] for x in z}",
]
cases += [
"async def f():\n    return 2\n    yield 1",
"async def f():\n    x = [(yield) async for y in z]",
"async def f():\n    x = (await y for y in z)\n    return x",
"def f():\n    x = [y for y in await z]",
"async def f():\n    x = [y for y in await z]",
"def f():\n    x = [y async for y in z if (await y)]",
"class C:\n    x = [y async for y in z]",
"async def f():\n    class C:\n        x = [y async for y in z]",
"async def f():\n    async def g():\n        return [x async for x in y]\n    def h():\n        return (x async for x in y)",
"async def f():\n    def h():\n        async with x: pass",
"def f():\n    x = [[y async for y in z] for w in v]",
"async def f():\n    await x\n    yield from y",
"def f():\n    await x\n    yield from y",
]

for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "OK")
    except SyntaxError as e:
        print(repr(c), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
