# Creating instances of a shared class (allocation, __init__, attribute stores).
from _harness import run


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work(n):
    s = 0
    for i in range(n):
        p = Point(i, 2)
        s += p.y
    return s


run(work)
