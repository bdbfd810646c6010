# Single-threaded behaviour of the dict and set operations that run as one critical
# section: setdefault, pop, update from a dict / pairs / keywords (partial updates when an
# element is bad), fromkeys, popitem, and the set update/in-place operators, with builtin
# keys and with keys whose __eq__/__hash__ are Python code.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return "K(%d)" % self.v

d = {}
print(d.setdefault("a"), d.setdefault("a", 5), d.setdefault("b", []), d)
d.setdefault("b", []).append(1)
d.setdefault("b", []).append(2)
print(d)
dk = {}
for i in range(7):
    dk.setdefault(K(i % 4), []).append(i)
print(sorted((k.v, v) for k, v in dk.items()))
first = K(1)
print(dk.setdefault(K(1), "new") is dk[first], len(dk))
print(dk.pop(K(2)), dk.pop(K(2), "gone"), len(dk))
del dk[K(3)]
print(sorted(k.v for k in dk))
try:
    del dk[K(3)]
except KeyError as exc:
    print("KeyError", exc)
dk[K(0)] = "replaced"
print(dk[K(0)], len(dk))
try:
    {}.setdefault([], 1)
except TypeError as exc:
    print("TypeError")  # (3.14 reworded these messages)

# update from a dict (with itself too), pairs, keywords, both.
u = {1: "a", 2: "b"}
u.update({2: "B", 3: "C"})
u.update(u)
u.update([(4, "d"), [5, "e"], "xy"], six=6)
print(u)
u |= {1: "one", K(7): 7}
print(u)
u.update({K(7): "seven", K(10): 10})
print(len(u), u[K(7)], u[K(10)])
try:
    u.update([(8, "h"), (9, "i", "j"), (10, "k")])
except ValueError as exc:
    print("ValueError", exc)
print(8 in u, 10 in u)
try:
    u.update([(11, 1), 12, (13, 1)])
except TypeError as exc:
    print("TypeError")  # (3.14 reworded these messages)
print(11 in u, 13 in u)
try:
    u.update([(14, 1), ([], 1), (15, 1)])
except TypeError as exc:
    print("TypeError")  # (3.14 reworded these messages)
print(14 in u, 15 in u)
kw = {}
kw.update(b=1, a=2, c=3)
kw.update({"z": 0}, a=20)
print(kw)

# fromkeys of a dict, set, frozenset, list, generator, and into a subclass.
print(dict.fromkeys({"x": 1, "y": 2}, 0), dict.fromkeys([3, 1, 3]), dict.fromkeys(range(3), []))
print(sorted(dict.fromkeys({5, 1, 3}).items()), sorted(dict.fromkeys(frozenset({2, 4}), "v")))
print(dict.fromkeys(c for c in "abca"))
class Sub(dict):
    def __setitem__(self, k, v):
        print("Sub.__setitem__", k, v)
        super().__setitem__(k, v)
print(Sub.fromkeys({1: 1, 2: 2}, "v"))
print(sorted(dict.fromkeys({K(1), K(2)}, 0).items(), key=lambda kv: kv[0].v))

# popitem is LIFO; empty raises.
p = {1: 1, 2: 2, 3: 3}
print(p.popitem(), p.popitem(), p)
try:
    {}.popitem()
except KeyError as exc:
    print("KeyError", exc)

# set: add/discard/remove with Python keys, update from a list with a bad element,
# the in-place operators and *_update methods (with itself too).
s = set()
for i in range(6):
    s.add(K(i % 3))
print(sorted(k.v for k in s))
s.discard(K(1))
s.remove(K(2))
try:
    s.remove(K(2))
except KeyError as exc:
    print("KeyError", exc)
print(sorted(k.v for k in s))
t = {1, 2}
try:
    t.update([3, 4, [5], 6])
except TypeError as exc:
    print("TypeError")  # (3.14 reworded these messages)
print(sorted(t))
t.update((7, 8), [9], range(10, 12))
print(sorted(t))
t.update([K(20), 21, K(20)])
print(len(t))
a = {1, 2, 3, 4}
a &= {2, 3, 4, 5}
print(sorted(a))
a &= a
print(sorted(a))
a.intersection_update({3, 4, 9})
print(sorted(a))
a.intersection_update({3, 4}, [4, 3, 1])
print(sorted(a))
a |= {10, 11}
a -= {11}
a ^= {3, 12}
print(sorted(a))
a.difference_update({4}, [10])
a.symmetric_difference_update([12, 13])
print(sorted(a))
a ^= a
print(a)
b = {K(1), K(2)}
b &= {K(2), K(3)}
print(sorted(k.v for k in b))
b.intersection_update({K(2)})
print(sorted(k.v for k in b))
print(sorted(b.copy(), key=lambda k: k.v), b.pop(), b)
try:
    b.pop()
except KeyError as exc:
    print("KeyError", exc)
