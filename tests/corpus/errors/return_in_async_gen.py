# return with a value in an async generator is a SyntaxError.
async def f(y):
    yield 1
    return y
