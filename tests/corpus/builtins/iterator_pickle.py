# __reduce__ / __setstate__ of the builtin iterators, and copy/pickle round trips.
import copy
import pickle

d = {1: 2, 3: 4, 5: 6}


class S:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10

    def __repr__(self):
        return "S()"


def show(r):
    # Inner iterators print with addresses: name their types instead.
    def one(x):
        if type(x).__name__.endswith("iterator"):
            return f"<{type(x).__name__}>"
        if isinstance(x, tuple):
            return tuple(one(y) for y in x)
        return x
    return one(r)


for it in [iter([1, 2, 3]), iter((1, 2, 3)), iter("abc"), iter("éab"), iter(b"abc"),
           iter(bytearray(b"abc")), iter(range(1, 10, 2)), reversed(range(5)),
           iter(range(-5, 5, 3)), iter({1, 2}), iter(d), iter(d.values()), iter(d.items()),
           reversed(d), reversed(d.values()), reversed(d.items()), reversed([1, 2, 3]),
           reversed((1, 2, 3)), reversed("abc"), enumerate("ab", 5), zip("ab", "cd"),
           zip("ab", "cd", strict=True), map(len, ["a"]), map(len, ["a"], strict=True),
           filter(None, [1]), iter(S())]:
    name = type(it).__name__
    next(it)
    print(name, show(it.__reduce__()))

print("-- exhausted")
for it in [iter([1]), iter((1,)), iter("a"), iter(b"a"), iter(bytearray(b"a")), iter(range(1)),
           iter({1}), iter(d), reversed(d), reversed([1]), reversed((1,)), reversed("a"),
           iter(S()), iter(lambda: 1, 1)]:
    list(it)
    print(type(it).__name__, show(it.__reduce__()))
f = iter(lambda: 1, 2)
print(f.__reduce__()[0], f.__reduce__()[1][1])

print("-- setstate")
makers = {
    "list": lambda: iter([1, 2, 3]), "tuple": lambda: iter((1, 2, 3)),
    "str": lambda: iter("abc"), "bytes": lambda: iter(b"abc"),
    "bytearray": lambda: iter(bytearray(b"abc")), "seq": lambda: iter(S()),
    "list_reverse": lambda: reversed([1, 2, 3]), "reversed": lambda: reversed((1, 2, 3)),
    "range": lambda: iter(range(3)),
}
for k, f in makers.items():
    res = []
    for st in (-2, -1, 0, 1, 2, 5, True):
        it = f()
        it.__setstate__(st)
        res.append(list(it))
    it = f()
    next(it)
    it.__setstate__(1)
    res.append(list(it))
    it = f()
    for bad in ("a", 1.5, None):
        try:
            it.__setstate__(bad)
        except TypeError as e:
            res.append(str(e))
    try:
        it.__setstate__()
    except TypeError as e:
        res.append(str(e))
    print(k, res)

z = zip([1], [2])
z.__setstate__(True)
print(show(z.__reduce__()))
m = map(len, [1])
m.__setstate__(1)
print(show(m.__reduce__()))

print("-- round trips")
for it in [iter([1, 2, 3]), iter((1, 2, 3)), iter("abc"), iter(b"abc"), iter(range(5)),
           iter({1, 2, 3}), iter({1: 2, 3: 4}), iter(d.items()), enumerate("abc"),
           zip("ab", "cd"), map(str, [1, 2]), filter(None, [0, 1, 2]), reversed([1, 2, 3]),
           reversed("abc"), reversed(range(4))]:
    next(it)
    types = set()
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        p = pickle.loads(pickle.dumps(it, proto))
        types.add(type(p).__name__)
    c = copy.copy(it)
    print(type(it).__name__, types, list(p), list(c), list(copy.deepcopy(it)), list(it))

print("-- long ranges")
r = iter(range(2**64, 2**64 + 10, 3))
next(r)
print(r.__reduce__(), r.__length_hint__())
r.__setstate__(1)
print(list(r))
r = reversed(range(2**64, 2**64 + 3))
print(r.__reduce__(), list(pickle.loads(pickle.dumps(r))), list(r))
r = iter(range(2**65))
for bad in (True, 1.5, "a"):
    try:
        r.__setstate__(bad)
    except TypeError as e:
        print("TypeError:", e)
r.__setstate__(2**64)
print(next(r), type(r).__name__)
