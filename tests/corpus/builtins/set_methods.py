# set methods and operators (sets of ints only).
s = {1, 2, 3}
s.add(4)
s.add(2)
print(s, len(s))
s.discard(10)
s.discard(1)
print(s)
s.remove(4)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
one = {42}
print(one.pop(), one, len(one))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)

a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a.union(b), a | b, a.union([7], (8,)))
print(a.intersection(b), a & b, a.intersection(range(2, 10), [4, 3]))
print(a.difference(b), a - b, b - a, a.difference([1], [2]))
print(a.symmetric_difference(b), a ^ b, b ^ a)
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))

print({1, 2}.issubset({1, 2, 3}), {1, 4}.issubset({1, 2, 3}), {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1} < {1, 2})
print({1, 2, 3}.issuperset({1}), {1, 2, 3} >= {1, 2, 3}, {1, 2, 3} > {1, 2}, set() <= {1}, {1, 2}.isdisjoint({3}))
print({1, 2} == {2, 1}, {1, 2} != {1, 2, 3}, set() == set(), {0} == {False})

# in-place operators and update methods
c = {1, 2}
c |= {3}
c &= {1, 3, 5}
c -= {1}
c ^= {7, 3}
print(c)
d = {10, 20, 30}
d.update([40], {50})
d.intersection_update({10, 20, 40, 50, 60})
d.difference_update({20})
d.symmetric_difference_update({10, 99})
print(sorted(d))

# copy, clear, membership, len
e = {5, 6, 7}
f = e.copy()
f.add(8)
print(sorted(e), sorted(f), e is f)
f.clear()
print(f, len(f), 5 in e, 9 not in e)

# deduplication and set comprehensions
data = [3, 1, 3, 2, 1, 5, 3]
print(sorted(set(data)), len(set(data)), {x * x for x in data}, {x % 3 for x in data})
seen = set()
unique_in_order = []
for x in data:
    if x not in seen:
        seen.add(x)
        unique_in_order.append(x)
print(unique_in_order)

# sets of tuples used as visited-coordinates
visited = set()
pos = (0, 0)
for step in [(1, 0), (0, 1), (-1, 0), (0, -1), (1, 0)]:
    visited.add(pos)
    pos = (pos[0] + step[0], pos[1] + step[1])
print(len(visited), (1, 0) in visited, (5, 5) in visited, sorted(visited))
