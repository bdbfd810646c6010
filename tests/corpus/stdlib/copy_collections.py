# copy/deepcopy of collections types, functools.partial, slices, the reduce
# protocol with list/dict items and __getnewargs__, and deep copies of graphs.
import copy
import functools
from collections import namedtuple, deque, defaultdict, OrderedDict, Counter

print("== namedtuple")
P = namedtuple("P", "x y")
p = P(1, [2])
p1 = copy.copy(p)
p2 = copy.deepcopy(p)
print(p1, type(p1).__name__, p1 == p, p1.y is p.y)
print(p2, type(p2).__name__, p2 == p, p2.y is p.y)
atoms = P(1, "a")
print(copy.deepcopy(atoms) == atoms)

print("== deque")
dq = deque([1, [2]], maxlen=5)
d1 = copy.copy(dq)
d2 = copy.deepcopy(dq)
print(list(d1), d1.maxlen, d1 is dq, d1[1] is dq[1])
print(list(d2), d2.maxlen, d2[1] is dq[1])
print(list(copy.deepcopy(deque("abc"))), copy.deepcopy(deque()).maxlen)

print("== defaultdict")
dd = defaultdict(list)
dd["a"].append(1)
c1 = copy.copy(dd)
c2 = copy.deepcopy(dd)
print(type(c1).__name__, c1.default_factory is list, dict(c1), c1["a"] is dd["a"])
print(type(c2).__name__, c2.default_factory is list, dict(c2), c2["a"] is dd["a"])
c2["new"].append(5)
print(sorted(c2), sorted(dd))

print("== OrderedDict and Counter")
od = OrderedDict()
od["z"] = [1]
od["a"] = [2]
o2 = copy.deepcopy(od)
print(type(o2).__name__, list(o2.items()), o2["z"] is od["z"])
o1 = copy.copy(od)
print(type(o1).__name__, list(o1.items()), o1["z"] is od["z"])
cnt = Counter("abracadabra")
k1 = copy.copy(cnt)
k2 = copy.deepcopy(cnt)
print(type(k1).__name__, k1.most_common(2), type(k2).__name__, k2.most_common(2), k2 == cnt)

print("== partial")
def add(a, b, c=0):
    return a + b + c
part = functools.partial(add, 1, c=10)
pc = copy.copy(part)
pd = copy.deepcopy(part)
print(pc(2), pd(2), pc.func is add, pd.func is add, pd.args, pd.keywords)

print("== slice and range")
sl = slice(1, 10, 2)
print(copy.copy(sl) is sl, copy.deepcopy(sl) == sl)
print(list(range(10))[copy.deepcopy(sl)])

print("== reduce with items")
class Bag:
    def __init__(self, label):
        self.label = label
        self.items = []
    def append(self, item):
        self.items.append(item)
    def __reduce__(self):
        return (Bag, (self.label,), None, iter(self.items))
b = Bag("nums")
b.append(1)
b.append([2])
b1 = copy.copy(b)
b2 = copy.deepcopy(b)
print(b1.label, b1.items, b1.items[1] is b.items[1], b2.label, b2.items, b2.items[1] is b.items[1])

class Table(dict):
    def __reduce__(self):
        return (Table, (), {"meta": "m"}, None, iter(self.items()))
tb = Table(k=[1])
tb2 = copy.deepcopy(tb)
print(type(tb2).__name__, tb2, tb2.meta, tb2["k"] is tb["k"])

class Pair:
    def __new__(cls, a, b):
        self = super().__new__(cls)
        self.a = a
        self.b = b
        return self
    def __getnewargs__(self):
        return (self.a, self.b)
pr = Pair(1, [2])
pr2 = copy.deepcopy(pr)
print(pr2.a, pr2.b, pr2.b is pr.b)

class Versioned:
    def __init__(self):
        self.items = [1]
    def __reduce_ex__(self, protocol):
        print("  __reduce_ex__ protocol", protocol)
        return (Versioned, (), {"items": self.items, "copied": True})
v2 = copy.deepcopy(Versioned())
print(v2.items, v2.copied)

print("== graphs")
class Vertex:
    def __init__(self, name):
        self.name = name
        self.edges = []
        self.on_visit = self.visit
    def visit(self):
        return "visit " + self.name
a, b, c = Vertex("a"), Vertex("b"), Vertex("c")
a.edges = [b, c]
b.edges = [c, a]
c.edges = [a]
graph = {"nodes": [a, b, c], "start": a}
g2 = copy.deepcopy(graph)
na, nb, nc = g2["nodes"]
print(g2["start"] is na, na.edges[0] is nb, nb.edges[1] is na, nc.edges[0] is na)
print(na is a, [n.name for n in na.edges], na.on_visit(), na.on_visit.__self__ is na)
cfg = {"levels": [[1, 2], [3]], "names": ("x", "y")}
cfg["alias"] = cfg["levels"][0]
cfg2 = copy.deepcopy(cfg)
print(cfg2["alias"] is cfg2["levels"][0], cfg2["names"] is cfg["names"], cfg2 == cfg)
memo = {}
one = copy.deepcopy(cfg["levels"], memo)
two = copy.deepcopy(cfg["alias"], memo)
print(two is one[0])

class Registry:
    instances = []
    def __init__(self):
        self.data = {}
r = Registry()
r.data["x"] = [1]
r2 = copy.deepcopy(r)
print(type(r2) is Registry, r2.data, r2.data["x"] is r.data["x"], Registry.instances is r2.instances)

print("== __getattr__ proxies")
class Proxy:
    def __init__(self, data):
        self._data = data
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._data[name]
px = Proxy({"a": [1]})
px2 = copy.deepcopy(px)
print(px2.a, px2.a is px.a, copy.copy(px).a is px.a)
