# Running a generator (frame suspension and resumption).
from _harness import run


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def work(n):
    s = 0
    for v in numbers(n):
        s += v & 7
    return s


run(work)
