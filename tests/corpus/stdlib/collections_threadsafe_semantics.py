# Single-threaded behaviour of the collections operations made atomic for threads:
# defaultdict.__missing__ stores with setdefault semantics, OrderedDict.move_to_end and
# popitem, deque.remove with a Python __eq__, deque extend/rotate/*=.
from collections import defaultdict, OrderedDict, deque

# The factory itself stores the key: __missing__ keeps (and returns) that value.
d = None
def factory():
    d["k"] = "stored by the factory"
    return "made by the factory"
d = defaultdict(factory)
print(d["k"], d["k"], len(d))

# __missing__ stores into the dict directly, not through a subclass's __setitem__.
class Loud(defaultdict):
    def __setitem__(self, k, v):
        print("__setitem__", k, v)
        super().__setitem__(k, v)
e = Loud(list)
e["a"].append(1)
e["b"] = [2]
print(sorted(e.items()))

# int and list factories; a None factory raises KeyError.
c = defaultdict(int)
for w in "abracadabra":
    c[w] += 1
print(sorted(c.items()))
try:
    defaultdict()["x"]
except KeyError as exc:
    print("KeyError", exc)

# A key with a Python __eq__ and __hash__.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return "K(%d)" % self.v

dk = defaultdict(list)
for i in range(8):
    dk[K(i % 4)].append(i)
print(sorted((k.v, v) for k, v in dk.items()))

od = OrderedDict((K(i), i) for i in range(6))
od.move_to_end(K(2))
od.move_to_end(K(4), last=False)
print(list(od.items()))
od.move_to_end(K(4))
print(list(od))
try:
    od.move_to_end(K(99))
except KeyError as exc:
    print("KeyError", exc)
print(od.popitem(), od.popitem(last=False), list(od))
o2 = OrderedDict.fromkeys("abcde")
o2.move_to_end("c", last=False)
o2.move_to_end("a")
print("".join(o2), o2.popitem(last=False), o2.popitem())
try:
    OrderedDict().popitem()
except KeyError as exc:
    print("KeyError", exc)

# deque.remove: builtin items, Python __eq__, and a __eq__ that mutates the deque.
q = deque([1, 2, 3, 2, 1])
q.remove(2)
print(q)
try:
    q.remove(7)
except ValueError as exc:
    print("ValueError", exc)
qk = deque([K(1), K(2), K(3)])
qk.remove(K(2))
print(qk)
class Mutator:
    def __eq__(self, other):
        q2.append(0)
        return False
q2 = deque([1, 2, 3])
try:
    q2.remove(Mutator())
except (IndexError, ValueError, RuntimeError) as exc:
    print(type(exc).__name__, exc)
q3 = deque([Mutator(), 5])
q2 = deque()
q3.remove(5)
print(len(q3))

# extend / extendleft of lists, tuples, deques (itself too), with a maxlen.
q = deque(maxlen=5)
q.extend([1, 2, 3])
q.extendleft((4, 5, 6))
print(q)
q.extend(q)
print(q)
q = deque([1, 2])
q.extend(q)
q.extendleft(deque([7, 8]))
print(q, q.maxlen)
q.rotate(2)
print(q)
q.rotate(-3)
print(q)
q *= 2
print(q)
b = deque([1, 2, 3], maxlen=4)
b *= 3
print(b)
b *= 0
print(b)
