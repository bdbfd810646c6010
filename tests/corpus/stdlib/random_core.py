# random: the Mersenne Twister core, seeding and state (exact CPython sequences).
import random

SEEDS = [0, 1, 42, 2**32 - 1, 2**32, 2**40, -5, -(2**70), 10**60 + 7, 2**19937 + 12345, True, False]

for s in SEEDS:
    random.seed(s)
    print("seed", s if -10**20 < s < 10**20 else "big", [random.random() for _ in range(4)])
    print("  bits", [random.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100)])
    print("  big", random.getrandbits(300))
    print("  bytes", random.randbytes(0), random.randbytes(1), random.randbytes(5), random.randbytes(9))

# A long stream crosses several twists.
random.seed(2024)
acc = 0.0
for i in range(5000):
    acc += random.random()
print("sum", acc, random.getrandbits(32))

# str, bytes and float seeds (version 2: sha512 of the bytes appended).
longbytes = b""
for i in range(40):
    longbytes = longbytes + b"\x00\x01\x02\xfe\xff"
for s in ["", "a", "hello world", "ünïcödé ✓", "x" * 111, "x" * 112, "y" * 300, b"", b"spam", longbytes]:
    random.seed(s)
    print("strseed", repr(s)[:30], random.random(), random.getrandbits(40))
for s in [0.0, 1.5, -2.25, 1e300, 3.0]:
    random.seed(s)
    print("floatseed", s, random.random())
# version 1 str/bytes seeds
for s in ["", "a", "hello", b"hello"]:
    random.seed(s, version=1)
    print("v1", s, random.random())
random.seed(7, 1)
print("v1 int", random.random())

# Random instances have their own state.
a = random.Random(123)
b = random.Random(123)
c = random.Random()
c.seed(123)
print([a.random() for _ in range(3)])
print([b.random() for _ in range(3)])
print([c.random() for _ in range(3)])
print(random.Random(x=5).random(), random.Random(None) is not None)
print(isinstance(a, random.Random), type(a).__name__, random.Random.VERSION)

# getstate / setstate round trips
random.seed(99)
st = random.getstate()
print(type(st).__name__, len(st), st[0], len(st[1]), st[1][-1], st[2])
first = [random.random() for _ in range(5)]
random.setstate(st)
again = [random.random() for _ in range(5)]
print(first == again, first)
g1 = random.gauss()
st2 = random.getstate()
print(st2[2] is not None)
g2 = random.gauss()
random.setstate(st2)
print(random.gauss() == g2)
# state copied between instances
x = random.Random(1)
y = random.Random(2)
y.setstate(x.getstate())
print(x.random() == y.random(), x.getrandbits(77) == y.getrandbits(77))
# version 2 states (signed words) are converted
words = tuple(w - 2**32 if w >= 2**31 else w for w in st[1][:-1]) + (st[1][-1],)
random.setstate((2, words, None))
print(random.random() == first[0])
# an index of 0 and of 624
random.seed(5)
s = random.getstate()
random.setstate((3, s[1][:-1] + (0,), None))
print(random.random())
random.setstate((3, s[1][:-1] + (624,), None))
print(random.random())

# seed(None) and Random() seed from entropy: only check they run and differ.
random.seed()
u = random.random()
random.seed(None)
print(0.0 <= u < 1.0, random.random() != u)
print(random.Random().getrandbits(64) != random.Random().getrandbits(64))
