# random: randrange, randint, getrandbits-based _randbelow (exact CPython sequences).
import random

SEEDS = [0, 1, 42, 2**40, -5, 3**200]


def err(f, show=True):
    # show=False where CPython 3.11 and 3.13 word the message differently
    try:
        r = f()
    except Exception as e:
        if show:
            print("  ", type(e).__name__, e)
        else:
            print("  ", type(e).__name__)
        return
    print("  no error", r)


for s in SEEDS:
    random.seed(s)
    print("seed", s % 1000)
    print(" randrange(n)", [random.randrange(n) for n in (1, 2, 3, 7, 10, 100, 1000, 2**31, 2**32, 2**32 + 1, 2**53, 2**63 - 1, 2**64, 2**100)])
    print(" randrange(a,b)", [random.randrange(a, b) for a, b in ((0, 1), (-5, 5), (10, 20), (-100, -3), (2**62, 2**63), (-(2**63), 2**63 - 1), (-(2**80), 2**80))])
    print(" randrange(a,b,s)", [random.randrange(a, b, st) for a, b, st in ((0, 10, 2), (0, 10, 3), (10, 0, -1), (10, 0, -3), (-7, 100, 7), (5, 6, 10), (0, 2**70, 2**20), (2**70, 0, -(2**33)), (-(2**63), 2**63 - 1, 2**62))])
    print(" randint", [random.randint(a, b) for a, b in ((1, 6), (0, 0), (-3, 3), (0, 2**32), (-(2**64), 2**64), (10**30, 10**30 + 5))])
    print(" dice", [random.randint(1, 6) for _ in range(30)])
    print(" keywords", random.randrange(start=3, stop=30, step=4), random.randrange(10, step=1), random.randint(a=1, b=3))
    print(" bools", random.randrange(True, 5), random.randint(False, True))

# distribution sanity over many draws (all in range, all values hit)
random.seed(7)
seen = {}
for i in range(2000):
    v = random.randrange(-3, 4)
    if v < -3 or v > 3:
        print("out of range", v)
    seen[v] = 1
print("seen", len(seen))

# a long run must stay in step with CPython
random.seed(123456789)
total = 0
for i in range(3000):
    total = total + random.randrange(1000003) + random.randint(-50, 50) + random.randrange(0, 2**40, 3)
print("total", total)


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __str__(self):
        return "Idx(%d)" % self.v


random.seed(3)
print("index", random.randrange(Idx(10)), random.randrange(Idx(5), Idx(50), Idx(5)))

print("errors")
err(lambda: random.randrange(0))
err(lambda: random.randrange(-3))
err(lambda: random.randrange(1, 5, 0))
err(lambda: random.randrange(5, step=2))
err(lambda: random.randrange(5, None, 2))
err(lambda: random.randrange(5, 1), False)
err(lambda: random.randrange(5, 5), False)
err(lambda: random.randrange(1, 5, -1), False)
err(lambda: random.randrange(10**30, 5), False)
err(lambda: random.randint(5, 1), False)
err(lambda: random.randrange())
err(lambda: random.randrange(1, 2, 3, 4))
err(lambda: random.randrange(1, 2, foo=3))
err(lambda: random.randint(1))
err(lambda: random.randint(1, 2, 3))
err(lambda: random.randint(1, "x"))
err(lambda: random.getrandbits(-1))
err(lambda: random.getrandbits())
err(lambda: random.getrandbits(1, 2))
err(lambda: random.getrandbits(k=1))
err(lambda: random.getrandbits(2.0))
err(lambda: random.getrandbits("3"))
err(lambda: random.getrandbits(2**40))
print("getrandbits(0)", random.getrandbits(0))
