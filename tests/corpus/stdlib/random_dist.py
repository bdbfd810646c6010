# random: real-valued distributions (exact CPython values for integer seeds).
import random

SEEDS = [0, 1, 42, 2**40, -5, 11**80]


def err(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
        return
    print("  no error", r)


for s in SEEDS:
    random.seed(s)
    print("seed", s % 1000)
    print(" uniform", random.uniform(0, 1), random.uniform(-5, 5), random.uniform(10, 2), random.uniform(1.5, 2.5), random.uniform(0, 10**30), random.uniform(2**60, 2**60 + 8))
    print(" triangular", random.triangular(), random.triangular(0, 10), random.triangular(0, 10, 2), random.triangular(5, 1, 2), random.triangular(low=1, high=3, mode=3), random.triangular(2, 2, 2))
    print(" normal", [random.normalvariate() for _ in range(3)], random.normalvariate(10, 2), random.normalvariate(mu=-1, sigma=0.5))
    print(" gauss", [random.gauss() for _ in range(5)], random.gauss(100, 15), random.gauss(sigma=3))
    print(" lognorm", random.lognormvariate(0, 1), random.lognormvariate(1.5, 0.25))
    print(" expo", random.expovariate(1), random.expovariate(0.5), random.expovariate(lambd=10), random.expovariate(-2))
    print(" vonmises", random.vonmisesvariate(0, 0), random.vonmisesvariate(1, 4), random.vonmisesvariate(3.0, 0.5), random.vonmisesvariate(-2, 100))
    print(" gamma", random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(1.0, 0.5), random.gammavariate(2, 1), random.gammavariate(9.5, 3), random.gammavariate(0.05, 2))
    print(" beta", random.betavariate(0.5, 0.5), random.betavariate(2, 5), random.betavariate(1, 1), random.betavariate(30, 0.2))
    print(" pareto", random.paretovariate(1), random.paretovariate(3.5))
    print(" weibull", random.weibullvariate(1, 1), random.weibullvariate(2.5, 0.7))

# gauss caches the second value of each pair; seed() and Random() reset it
random.seed(8)
a = random.gauss()
random.seed(8)
b = random.gauss()
c = random.gauss()
random.seed(8)
print(a == b, random.gauss() == a, random.gauss() == c)
r = random.Random(8)
print(r.gauss() == a, r.gauss() == c)

# many draws stay in step with CPython
random.seed(31337)
acc = 0.0
for i in range(2000):
    acc = acc + random.gauss(0, 1) + random.normalvariate(0, 1) + random.gammavariate(1.7, 1) + random.betavariate(2, 3) + random.vonmisesvariate(1, 2) + random.expovariate(3) + random.triangular(0, 1, 0.3)
print("acc", acc)

# Random instances expose the same methods
r = random.Random(2)
print(r.uniform(1, 2), r.gauss(), r.gammavariate(3, 1), r.triangular(), r.expovariate(1))

print("errors")
err(lambda: random.gammavariate(0, 1))
err(lambda: random.gammavariate(1, -1))
err(lambda: random.gammavariate(-1, -1))
err(lambda: random.betavariate(0, 1))
err(lambda: random.betavariate(1, 0))
err(lambda: random.expovariate(0))
err(lambda: random.paretovariate(0))
err(lambda: random.weibullvariate(1, 0))
err(lambda: random.uniform("a", "b"))
err(lambda: random.uniform(1))
err(lambda: random.triangular(1, 2, 3, 4))
err(lambda: random.normalvariate(0, 1, 2))
err(lambda: random.lognormvariate(0))
err(lambda: random.lognormvariate(1000, 1))
err(lambda: random.gauss(mu=1, foo=2))
err(lambda: random.vonmisesvariate(1))
