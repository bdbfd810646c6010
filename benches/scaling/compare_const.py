# Comparing with a string and a tuple constant (constants shared through the code object).
from _harness import run


def work(n):
    hits = 0
    words = ["alpha", "beta"]
    pairs = [(1, 2), (3, 4)]
    for i in range(n):
        if words[i & 1] == "alpha":
            hits += 1
        if pairs[i & 1] == (3, 4):
            hits += 1
    return hits


run(work)
