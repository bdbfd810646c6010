# enumerate, zip, map, filter and reversed as types: their constructors' argument checks
# (CPython 3.14's messages), __new__ called directly, and subclasses.
calls = [
    "enumerate()", "enumerate(1)", "enumerate([], 1.5)", "enumerate([], x=1)",
    "enumerate([], 1, 2)", "enumerate(iterable=[], start=2)",
    "zip(x=1)", "zip(1)", "zip(strict=1, x=2)", "zip([], strict=1, x=2)",
    "map()", "map(len)", "map(len, 1)", "map(len, [], x=1)", "map(len, [], strict=True, y=1)",
    "filter()", "filter(None)", "filter(None, 1)", "filter(None, [], x=1)",
    "filter(function=None, iterable=[])",
    "reversed()", "reversed(1)", "reversed([], [])", "reversed(seq=[])", "reversed({1})",
    "enumerate.__new__(int)", "enumerate.__new__(1)", "enumerate.__new__()",
    "zip.__new__(list)", "map.__new__(bool, len, [])", "filter.__new__(filter, None, [1])",
    "reversed.__new__(reversed, [1, 2])",
]
for call in calls:
    try:
        r = eval(call)
        print(call, "->", type(r).__name__, list(r))
    except Exception as e:
        print(call, type(e).__name__, e)


class E(enumerate):
    def __init__(self, *a, **k):
        self.x = 1


e = E("ab", 3)
print(type(e).__name__, isinstance(e, enumerate), e.x, iter(e) is e, next(e), list(e))
print(E.__mro__)


class Z(zip):
    def extra(self):
        return "extra"


z = Z("ab", "cd")
print(list(z), z.extra(), list(Z("a", "b", strict=True)))


class M(map):
    pass


print(list(M(str.upper, "ab")))


class F(filter):
    def __repr__(self):
        return "F!"


f = F(None, [0, 1, 2])
print(f, list(f))


class R(reversed):
    pass


r = R([1, 2, 3])
print(next(r), r.__length_hint__(), list(r), list(R("ab")))
try:
    R(1)
except TypeError as e:
    print("TypeError:", e)
# a subclass's __next__ override is used by for loops
class Twice(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i, v * 2


print(list(Twice("ab")), [x for x in Twice([1, 2], 10)])
print(enumerate.__next__(enumerate("z")), next(iter(enumerate("y"))))
try:
    enumerate.__next__(1)
except TypeError as e:
    print("TypeError")
# exhausted lazy iterators keep asking their iterators, as CPython's
class Flaky:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n % 2:
            raise StopIteration
        return self.n


z = zip(Flaky())
print(list(z), list(z), list(z))
