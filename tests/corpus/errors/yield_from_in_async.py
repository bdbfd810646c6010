# yield from in an async function is a SyntaxError.
async def f(y):
    print("start")
    yield from y
