# Set algebra: results iterate in CPython's order (sets of ints only).
a = set(range(0, 40, 3))
b = set(range(0, 40, 5))
print(a)
print(b)
print(a | b)
print(a & b, b & a)
print(a - b)
print(b - a)
print(a ^ b)
print(b ^ a)
print(a.union(range(50, 60), [100, 7]))
print(a.intersection(range(20), [0, 3, 6, 9, 99]))
print(a.difference([0, 3], range(30, 40)))
print(a.symmetric_difference(range(0, 20, 2)))

# in-place forms keep the table
c = set(range(20))
c -= set(range(0, 20, 2))
print(c)
c |= {100, 200, 64}
print(c)
c &= set(range(10)) | {64, 200}
print(c)
c ^= {1, 2, 3}
print(c)
u = set()
u.update(range(5), {40, 8}, {i: 0 for i in range(30, 33)})
print(u)
u.intersection_update(range(35), [8, 30, 31, 2])
print(u)
u.difference_update([30], {31})
print(u)
u.symmetric_difference_update([2, 77])
print(u)

# building sets in different ways
keys = {i * 7: None for i in range(12)}
print(set(keys), set(list(keys)), set(keys.keys()))
print(frozenset(range(20, 0, -3)), set(frozenset(range(20, 0, -3))))
big = set(range(1000))
print(len(big - set(range(990))), big - set(range(990)))
popped = set(range(0, 100, 11))
print([popped.pop() for _ in range(3)], popped)

# subset tests and disjointness
print(set(range(3)) <= set(range(5)), set(range(3)).issubset([0, 1, 2]), set(range(3)).issuperset(range(2)))
print({1, 2}.isdisjoint({3, 4}), {1, 2}.isdisjoint([2]), frozenset({1}) < {1, 2}, {1, 2} > frozenset({1}))

# frozensets keep their kind, sets keep theirs
f = frozenset({1, 2, 3})
print(f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f.union([9]), type(f.copy()).__name__, f.copy() is f)
g = f
g |= {8}
print(g, f, g is f)
nested = {frozenset({1, 2}), frozenset({3})}
print(frozenset({1, 2}) in nested, {2, 1} in nested, {3} in nested)
nested.remove({3})
print(nested)


# keys with a Python-level __eq__ and __hash__
class Mod5:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 5

    def __eq__(self, other):
        return isinstance(other, Mod5) and other.v % 5 == self.v % 5

    def __repr__(self):
        return "M%d" % self.v


ks = {Mod5(1), Mod5(2), Mod5(6)}
print(len(ks), Mod5(11) in ks, ks | {Mod5(3), Mod5(7)}, ks & {Mod5(16)}, ks - {Mod5(21)}, ks ^ {Mod5(2), Mod5(4)})
ks.update([Mod5(3), Mod5(8)])
ks.difference_update([Mod5(1)])
print(sorted(k.v for k in ks))
