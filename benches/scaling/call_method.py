# Calling a method of a shared class (each thread has its own instance).
from _harness import run


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, v):
        self.total += v
        return self.total


def work(n):
    acc = Accumulator()
    for i in range(n):
        acc.add(i & 15)
    return acc.total


run(work)
