# Reading items of a shared list (one module-level list read by every thread).
from _harness import run

SHARED = list(range(64))


def work(n):
    data = SHARED
    s = 0
    for i in range(n):
        s += data[i & 63]
    return s


run(work)
