# tuple methods and operations.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(2), t.index(2, 2), t.index(1, 1), t.index(3, 0, 3))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
print(len(t), t[0], t[-1], t[1:4], t[::-1], t[::2])
print(t + (4,), (0,) * 3, t * 0, 2 in t, 9 not in t, min(t), max(t), sum(t))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2), () < (0,))
print(tuple(sorted(t)), tuple(reversed(t)), tuple(x * 2 for x in t))

# immutability
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError:", e)

# tuples containing mutable objects
holder = ([], {})
holder[0].append(1)
holder[1]["k"] = "v"
print(holder)

# packing and unpacking
point = 3, 4
x, y = point
print(point, x, y, type(point).__name__)
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([5, 2, 8])
print(lo, hi, min_max("hello"))

# tuples as dict keys and in sets
distances = {("a", "b"): 5, ("b", "c"): 7}
print(distances[("a", "b")], distances.get(("c", "a"), "unknown"))
print(sorted({(1, 2), (0, 5), (1, 0)}))

# nested tuples and count/index with nested values
nested = ((1, 2), (3, 4), (1, 2))
print(nested.count((1, 2)), nested.index((3, 4)), (1, 2) in nested, [a + b for a, b in nested])

# single element and empty tuple
single = (5,)
empty = ()
print(single, len(single), empty, len(empty), (5) == 5, single == (5,), tuple() == empty)
print(tuple("abc").count("a"), ("a", "b", "a").index("a", 1), (True, 1, 1.0).count(1))
