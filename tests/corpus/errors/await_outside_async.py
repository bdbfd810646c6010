# await in a plain function is a SyntaxError.
def f(x):
    return await x
