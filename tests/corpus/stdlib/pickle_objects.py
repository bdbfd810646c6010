# pickle of classes, functions, instances (__reduce_ex__, __getstate__/__setstate__,
# __getnewargs__, slots, copyreg), exceptions and the collections types.
import pickle, copyreg, collections, os.path


class Plain:
    def __init__(self, a):
        self.a = a

    def __repr__(self):
        return f"Plain({self.a!r})"


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


class WithState:
    def __init__(self):
        self.v = 3

    def __getstate__(self):
        return {"v": self.v * 2}

    def __setstate__(self, st):
        self.v = st["v"] + 1


class NewArgs(int):
    def __new__(cls, v, tag):
        o = super().__new__(cls, v)
        o.tag = tag
        return o

    def __getnewargs__(self):
        return (int(self), self.tag)


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n + 100,))


class Outer:
    class Inner:
        pass


class MyError(Exception):
    pass


def top_level():
    return 42


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def reduce_point(p):
    return (Point, (p.x, p.y))


copyreg.pickle(Point, reduce_point)

def rt(v, proto):
    return pickle.loads(pickle.dumps(v, proto))


CASES = [
    ("plain", lambda pr: (lambda p: (p, type(p) is Plain))(rt(Plain([1, 2]), pr))),
    ("slots", lambda pr: (lambda s: (s.x, hasattr(s, "y")))(rt(Slotted(), pr))),
    ("state", lambda pr: rt(WithState(), pr).v),
    ("newargs", lambda pr: (lambda n: (n, n.tag, type(n).__name__))(rt(NewArgs(5, "t"), pr))),
    ("reduce", lambda pr: rt(Reduced(1), pr).n),
    ("function", lambda pr: rt(top_level, pr)()),
    ("nested class", lambda pr: rt(Outer.Inner, pr) is Outer.Inner),
    ("module function", lambda pr: rt(os.path.join, pr) is os.path.join),
    ("exception", lambda pr: (lambda e: (type(e).__name__, e.args))(rt(MyError("bad", 2), pr))),
    ("KeyError", lambda pr: repr(rt(KeyError("k"), pr))),
    ("copyreg", lambda pr: (lambda p: (p.x, p.y))(rt(Point(3, 4), pr))),
    ("OrderedDict", lambda pr: rt(collections.OrderedDict(a=1, b=2), pr)),
    ("defaultdict", lambda pr: (lambda d: (d, d.default_factory))(rt(collections.defaultdict(list, a=[1]), pr))),
    ("deque", lambda pr: rt(collections.deque([1, 2], 5), pr)),
    ("Counter", lambda pr: sorted(rt(collections.Counter("aab"), pr).items())),
]

for proto in (0, 1, 2, 3, 4, 5):
    print("protocol", proto)
    for label, fn in CASES:
        try:
            print(" ", label, fn(proto))
        except Exception as ex:
            print(" ", label, type(ex).__name__, ex)

print(pickle.dumps(Plain(1), 2))
print(pickle.dumps(Plain(1), 0))
print(pickle.dumps(MyError("x"), 2))
print(pickle.dumps(top_level, 2))
print(pickle.dumps(Outer.Inner, 4))

# object's own reduction
print(object().__reduce_ex__(2)[0].__name__, object().__getstate__())
print(Slotted().__getstate__())
print(Plain(3).__reduce_ex__(2)[1:3])
print(copyreg.__newobj__.__name__, copyreg._reconstructor.__name__)

# errors
for bad in [lambda: 0, (lambda: 1) ]:
    try:
        pickle.dumps(bad)
    except pickle.PicklingError as ex:
        print("PicklingError", str(ex).split(" at ")[0])
try:
    pickle.dumps(1, protocol=6)
except ValueError as ex:
    print("ValueError", ex)
