# collections.defaultdict, Counter and OrderedDict (all dict subclasses).
from collections import defaultdict, Counter, OrderedDict

# defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups[word[0]] += [word]
print(groups)
print(groups["a"], groups["z"], len(groups), "z" in groups, groups.default_factory)
counts = defaultdict(lambda: 0)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), isinstance(counts, dict), isinstance(counts, defaultdict))
nested = defaultdict(lambda: defaultdict(list))
nested["x"]["y"] += [1]
print(nested["x"]["y"], len(nested), len(nested["q"]), len(nested))
plain = defaultdict(None, {"k": 1})
print(plain, plain.default_factory)
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
cp = groups.copy()
cp["new"] += ["x"]
print(type(cp).__name__, len(cp), len(groups), cp.default_factory is list)
print(defaultdict(list, a=[1]) == {"a": [1]}, defaultdict(list) == defaultdict(tuple))
print(repr(defaultdict()), groups.__missing__("m"), groups["m"])
try:
    defaultdict(42)
except TypeError as e:
    print("TypeError:", e)

# Counter
c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], "z" in c, len(c))
print(c.most_common(2), c.most_common(0), c.most_common(-1))
print(c.most_common())
print(list(c.elements()), c.total())
c.update("zzz")
c.update({"a": 10, "q": 1})
print(c)
c.subtract({"a": 20, "b": 1})
c.subtract("zz")
print(c)
c["b"] = 0
del c["nonexistent"]
print(+c, -c)
words = Counter(["red", "blue", "red", "green", "blue", "red"])
print(words, words.most_common(1))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(b - a, Counter(x=-1) + Counter())
x = Counter(a=2)
x += Counter(a=-3, b=5)
print(x)
x -= Counter(b=1)
print(x)
x |= Counter(b=9, c=1)
print(x)
x &= Counter(b=2)
print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=1, b=1), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1), Counter(a=2) > Counter(a=2, b=1))
print(Counter(), Counter(cats=4, dogs=8), Counter({"x": 2}), Counter(Counter("aab")).most_common())
k = Counter("hello")
k2 = k.copy()
k2["h"] += 5
print(k["h"], k2["h"], type(k2).__name__, isinstance(k, dict))
print(list(Counter(["b", "a", "c", "a", "b", "a"])))
ties = Counter(["x", "y", "z", "y", "x"])
print(ties.most_common())
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Counter(a=1) + 1
except TypeError as e:
    print("TypeError:", e)

# OrderedDict
od = OrderedDict()
od["x"] = 1
od["y"] = 2
od["z"] = 3
od.move_to_end("x")
print(list(od), od["x"])
od.move_to_end("z", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), list(od))
print(od == OrderedDict(y=2), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(list(OrderedDict(a=1, b=2, c=3).__reversed__()), isinstance(od, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    od.move_to_end("nope")
except KeyError as e:
    print("KeyError:", e)
