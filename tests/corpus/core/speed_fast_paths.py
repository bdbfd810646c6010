# The eval loop's fast paths (branch speed): mixed int/float arithmetic and comparisons,
# shifts, `for a, b in` over enumerate/zip/items, class instantiation with a Python
# `__init__`, and methods found through super(). Each must behave as the general path.
import abc

print(7 / 2, -7 / 2, 1 / 3, 2**53 / 3, (2**53 + 1) / 1, 10**20 / 10**19)
print(1.0 / 4, 3 / 1.5, -0.0 / 5, 5 / -0.0 if False else None)
for a, b in ((1, 0), (1.5, 0), (1, 0.0)):
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print(type(e).__name__)
print(1 << 62, 1 << 63, -1 << 63, 3 << 61, 5 >> 1, -5 >> 1, -1 >> 100, 1 >> 64, 7 << 0)
try:
    1 << -1
except ValueError as e:
    print(e)
print(3 < 2.5, 2.0 == 2, 2 == 2.0, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, -3 <= -3.0)
nan = float("nan")
print(1 < nan, 1 == nan, 1 != nan, nan >= 1, nan != 2)
print(2**63 - 1 > 9.2e18, -(2**63) < -9.2e18)
if 0.0:
    print("no")
if 3:
    print("int true")
if not None:
    print("None false")
while 0:
    pass

for i, c in enumerate("abc", start=2**63 - 2):
    print(i, c)
for i, (a, b) in enumerate(zip("xy", [1, 2])):
    print(i, a, b)
for a, b in zip([1, 2, 3], "ab"):
    print(a, b)
for k, v in {"p": 1, "q": 2}.items():
    print(k, v)
try:
    for a, b in zip("ab", "cd", "ef"):
        pass
except ValueError as e:
    print(type(e).__name__)
try:
    for a, b in zip("ab", "cde", strict=True):
        print(a, b)
except ValueError as e:
    print(e)
pairs = list(enumerate("xy"))
print(pairs, list(zip("ab", "cd")), list({"k": 0}.items()))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Closure:
    def __init__(self, n):
        self.f = lambda: n * 2


class Bad:
    def __init__(self):
        return 3


class Raises:
    def __init__(self, v):
        raise KeyError(v)


class Abstract(abc.ABC):
    @abc.abstractmethod
    def m(self):
        pass

    def __init__(self):
        pass


class WithDefault:
    def __init__(self, a, b=5):
        self.s = a + b


print(Point(1, 2), Closure(4).f(), WithDefault(1).s, WithDefault(1, 1).s)
for cls, args in ((Bad, ()), (Raises, (9,)), (Abstract, ()), (Point, (1,)), (Point, (1, 2, 3))):
    try:
        cls(*args) if len(args) != 1 else cls(args[0])
    except Exception as e:
        print(type(e).__name__, e)
try:
    Bad()
except TypeError as e:
    print(e)
try:
    Point(1)
except TypeError as e:
    print(e)


class Base:
    def __init__(self, v):
        self.v = v

    def f(self, k):
        return self.v + k


class Derived(Base):
    def __init__(self, v):
        super().__init__(v * 10)

    def f(self, k):
        return super().f(k) + 1


d = Derived(3)
print(d.v, d.f(2), [Derived(i).f(i) for i in range(3)])
try:
    super(Derived, d).f()
except TypeError as e:
    print(e)
