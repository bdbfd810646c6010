# The Lib's random.py over the native _random.Random: CPython's exact numbers.
import random
import _random

print(random.Random.__mro__)
print(issubclass(random.Random, _random.Random), random.Random.__module__)
for seed in (0, 1, 12345, -7, 2**100, 3.5, "spam", b"eggs", bytearray(b"x")):
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(1, 1000), random.getrandbits(70))
random.seed(42)
print([random.randrange(10) for _ in range(10)])
print(random.choice("abcdefg"), random.choices(range(100), k=5))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(1000), 8))
print(round(random.gauss(0, 1), 12), round(random.normalvariate(5, 2), 12))
print(round(random.uniform(1, 3), 12), round(random.triangular(0, 10, 3), 12))
print(round(random.expovariate(2.0), 12), round(random.betavariate(2, 3), 12))
print(random.randbytes(6).hex(), random.binomialvariate(20, 0.3))

# getstate/setstate round trip and versions.
r = random.Random(99)
st = r.getstate()
print(st[0], len(st[1]), st[2])
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)])
try:
    r.setstate((9, st[1], None))
except ValueError as e:
    print("ValueError", e)

# The native base directly.
g = _random.Random(5)
print(g.random(), g.getrandbits(8), len(g.getstate()))
g.seed(5)
print(g.random())
for bad in [lambda: g.getrandbits(-1), lambda: g.setstate([]), lambda: g.setstate((1,) * 3),
            lambda: _random.Random(1, 2), lambda: g.seed(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# A subclass of the Lib's Random with its own random().
class Fixed(random.Random):
    def random(self):
        return 0.5
f = Fixed(3)
print(f.random(), f.choice([1, 2, 3]), f.uniform(0, 10))

# A direct subclass of _random.Random keeps attributes.
class Sub(_random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.label = "sub"
s = Sub(7)
print(type(s).__name__, s.label, s.random() == _random.Random(7).random())
print(isinstance(s, _random.Random), s.__dict__)

# SystemRandom reads the OS.
sr = random.SystemRandom()
v = sr.random()
print(0 <= v < 1, sr.getrandbits(0))
try:
    sr.getstate()
except NotImplementedError as e:
    print("NotImplementedError", e)
