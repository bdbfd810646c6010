# Calling a module-level function (a shared function object, looked up as a global).
from _harness import run


def add_one(a):
    return a + 1


def work(n):
    x = 0
    for _ in range(n):
        x = add_one(x)
    return x


run(work)
