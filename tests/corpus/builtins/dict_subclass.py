# dict subclasses: __missing__, methods through the type, repr and operators.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class Default(dict):
    def __missing__(self, key):
        return key * 2


d = Default(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, len(d), d, repr(d), d == {"a": 1})
d["b"] = 2
dict.__setitem__(d, "c", 3)
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.copy(), type(d.copy()).__name__, dict.__len__(d))
print(type(Default.fromkeys("xy")).__name__, Default.fromkeys("xy", 0), attempt(lambda: hash(d)))
print(d | {"q": 1}, {"q": 1} | d, type(d | {"q": 1}).__name__)
d |= {"r": 5}
print(d, type(d).__name__)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] += 1


c = Counter()
for w in ["x", "y", "x", "z", "x", "y"]:
    c.add(w)
print(c, sorted(c.items(), key=lambda kv: -kv[1]), c["nothing"], len(c))


class Plain(dict):
    pass


p = Plain()
p["x"] = 1
print(p, attempt(lambda: p["nope"]), p.setdefault("y", []), p, p.get("x"), p.popitem(), p)


class Logged(dict):
    def __setitem__(self, k, v):
        print("store", k, v)
        dict.__setitem__(self, k, v)

    def __getitem__(self, k):
        print("load", k)
        return dict.__getitem__(self, k)


lg = Logged()
lg["k"] = 1
print(lg["k"], lg.get("k"), lg)
print(Logged.fromkeys([1, 2], "v"))

# recursive reprs
r = {}
r["self"] = r
print(r)
rs = Plain()
rs["me"] = rs
print(rs)

# dict methods on the wrong receiver and with bad arguments
print(attempt(lambda: dict.get(1, 2)), attempt(lambda: dict.keys([])))
print(attempt(lambda: {}.get()), attempt(lambda: {}.pop()), attempt(lambda: {}.update(1, 2)))
print(attempt(lambda: {}.setdefault()), attempt(lambda: {}.get(k=1)), attempt(lambda: {}.keys(1)))
print(attempt(lambda: {}.popitem(1)), attempt(lambda: dict.fromkeys()), attempt(lambda: dict.fromkeys(1)))
print(attempt(lambda: {}.update([1])), attempt(lambda: {}.update([[1, 2, 3]])), {}.__or__(1))
print(attempt(lambda: {}.popitem()), attempt(lambda: {"a": 1}.pop("b")), attempt(lambda: hash({})))
