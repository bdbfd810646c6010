# Creating dicts and closures (allocation of containers and function objects).
from _harness import run


def work(n):
    s = 0
    for i in range(n):
        d = {"a": i, "b": 2}
        f = lambda: d["b"]
        s += f()
    return s


run(work)
