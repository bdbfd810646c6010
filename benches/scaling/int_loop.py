# An integer loop: arithmetic on small ints in a while loop (no shared objects).
from _harness import run


def work(n):
    x = 0
    i = 0
    while i < n:
        x = (x + i * 3) & 0xFFFF
        i += 1
    return x


run(work)
