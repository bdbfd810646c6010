# dict methods and views.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"])
print(d.setdefault("a", 100), d.setdefault("c", 3), d.setdefault("d"), d)
print(d.pop("d"), d.pop("missing", "fallback"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
d.update({"b": 20, "e": 5})
d.update([("f", 6)], g=7)
d.update(h=8)
print(d)
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)

# views
keys, values, items = d.keys(), d.values(), d.items()
print(list(keys), list(values), list(items), len(keys))
d["new"] = 0
print(list(keys), list(values), list(items))
print("a" in keys, "zz" in keys, 20 in values, ("a", 1) in items, ("a", 2) in items)
print(sorted(keys), sum(values), [k + "=" + str(v) for k, v in items])
print(type(keys).__name__, type(values).__name__, type(items).__name__)

# in, copy, clear
print("a" in d, "missing" in d, "a" not in d, 1 in d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is d)
c.clear()
print(c, len(c), d == c)

# fromkeys
print(dict.fromkeys(["x", "y", "z"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)

# order is insertion order, updates keep position, re-insert moves to end
order = {}
for k in ["one", "two", "three"]:
    order[k] = len(k)
order["one"] = 11
print(list(order))
del order["one"]
order["one"] = 1
print(list(order), order)

# iteration
for key in {"x": 1, "y": 2}:
    print("key", key)
for key, value in {"x": 1, "y": 2}.items():
    print(key, "->", value)

# grouping and counting with setdefault/get
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))

# equality ignores order; dict comparison with views
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, list({"a": 1}.items()) == [("a", 1)])
print({1: "a"} | {2: "b"}, {1: "a", 2: "b"} | {1: "c"})
merged = {"k": 1}
merged |= {"j": 2}
print(merged)
