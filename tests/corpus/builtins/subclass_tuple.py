# Subclasses of tuple: len/index/slicing/iteration/unpacking/hash/comparison, *args,
# __new__ with its own signature, overrides, attributes and namedtuple-like classes.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class T(tuple):
    pass


t = T((1, 2, 3))
print(t, repr(t), str(t), type(t).__name__, len(t), t[0], t[-1], t[1:], type(t[1:]).__name__, t[::-1])
print(list(t), [x * 2 for x in t], tuple(t), type(tuple(t)).__name__, t.index(2), t.count(3), 2 in t, 9 in t)
a, b, c = t
first, *rest = t
print(a, b, c, first, rest, hash(t) == hash((1, 2, 3)), t == (1, 2, 3), (1, 2, 3) == t, t < (1, 2, 4), t > T((0,)))
print(t + (4,), type(t + (4,)).__name__, (0,) + t, type((0,) + t).__name__, t * 2, type(t * 1).__name__, 2 * T((5,)))
print(sorted(T((3, 1, 2))), max(t), sum(t), min(T("ba")), sorted(t, reverse=True))
print({t: "x"}[(1, 2, 3)], {(1, 2, 3): "y"}[t], t in {(1, 2, 3)}, set(T((1, 1, 2))), dict([T(("k", "v"))]))


def f(*args, **kw):
    return args, type(args).__name__


print(f(*t), f(*T()), isinstance(t, tuple), isinstance(t, T), issubclass(T, tuple), T(), T("ab"), T(range(3)))
print("%s-%s-%s" % T(("a", "b", "c")), "{}{}".format(*T("xy")), attempt(lambda: "%s %s" % T((1,))))
print(isinstance(5, T((int, str))), attempt(lambda: 1 / 0) if False else "ok", tuple.__len__(t), tuple.__getitem__(t, 1))
print(t.__len__(), t.__getitem__(slice(0, 2)), t.__contains__(1), t.__add__((9,)), list(t.__iter__()), t.__hash__() == hash(t))
try:
    raise ValueError("x")
except T((KeyError, ValueError)) as e:
    print("caught", type(e).__name__)

t.label = "lbl"
print(t.label, vars(t))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __init__(self, a, b):
        self.total = a + b

    @property
    def first(self):
        return self[0]

    def __repr__(self):
        return "Pair(%r, %r)" % self


p = Pair(1, 2)
print(p, repr(p), [p], p.first, p.total, p[1], len(p), p + (3,), type(p + (3,)).__name__, attempt(lambda: Pair(1)))
print(tuple.__new__(Pair, [7, 8]), type(tuple.__new__(Pair, [7, 8])).__name__, attempt(lambda: tuple.__new__(Pair, 1)))
print(attempt(lambda: tuple.__new__(list)), attempt(lambda: tuple.__new__(T, [1], 2)))


class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")

    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    x = property(lambda self: self[0])
    y = property(lambda self: self[1])

    def __repr__(self):
        return "Point(x=%r, y=%r)" % self

    def _replace(self, **kw):
        return Point(kw.get("x", self.x), kw.get("y", self.y))


pt = Point(3, 4)
x, y = pt
print(pt, pt.x, pt.y, x + y, pt._replace(y=9), attempt(lambda: setattr(pt, "z", 1)), hash(pt) == hash((3, 4)))
print(sorted([Point(2, 1), Point(1, 5)]), dict(zip(Point._fields, pt)), Point(1, 2) == (1, 2), {Point(1, 2): 1}[(1, 2)])


class Custom(tuple):
    def __len__(self):
        return 42

    def __getitem__(self, i):
        return "custom"

    def __iter__(self):
        return iter(["it1", "it2"])

    def __contains__(self, x):
        return x == "magic"

    def __eq__(self, other):
        return True

    def __hash__(self):
        return 7

    def __add__(self, other):
        return "added"


c = Custom((1, 2))
a1, a2 = c
print(len(c), c[0], list(c), a1, a2, "magic" in c, 1 in c, c == (5,), hash(c), c + (1,), f(*c), repr(c), tuple.__len__(c))
print(tuple.__getitem__(c, 0), tuple(c), sorted(c), str(c))
