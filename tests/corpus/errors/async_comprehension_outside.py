# An async comprehension outside an async function is a SyntaxError.
def f(y):
    return [x async for x in y]
