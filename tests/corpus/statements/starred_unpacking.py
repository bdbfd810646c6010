# Starred targets in every position and nested unpacking.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
head, *middle, tail = [1, 2, 3, 4, 5]
print(head, middle, tail)
a, b, *c = (1, 2)
print(a, b, c)
*d, e, f = "xy"
print(d, e, f)
g, *h, i = range(2)
print(g, h, i)
*everything, = {10: "a", 20: "b"}
print(everything)
[j, *k] = "hello"
print(j, k)
l, m, *n, o, p = range(10)
print(l, m, n, o, p)

# starred always produces a list
*s1, s2 = (1, 2, 3)
print(type(s1).__name__, s1)

# nested unpacking
(x, y), z = (1, 2), 3
print(x, y, z)
q, (r, (s, t)) = 1, [2, (3, 4)]
print(q, r, s, t)
(u, *v), w = "abc", "d"
print(u, v, w)
[[aa, bb], [cc, dd]] = [[1, 2], [3, 4]]
print(aa, bb, cc, dd)
for (name, score), rank in zip([("ann", 90), ("bob", 85)], [1, 2]):
    print(rank, name, score)
for key, (lo, *hi) in {"r1": (1, 2, 3), "r2": (4,)}.items():
    print(key, lo, hi)

# unpacking in for loops with star
rows = [(1, 2, 3, 4), (5, 6), (7,)]
for first, *others in rows:
    print(first, others, len(others))

# star in list / tuple displays and calls
nums = [1, 2, 3]
more = [*nums, 4, *range(5, 7)]
print(more, (*nums,), [*"ab", *nums])
print(*nums, sep="-")
merged = {**{"a": 1}, "b": 2, **{"a": 3}}
print(merged)
print({*nums, *[3, 4]})

# errors
try:
    a, *b, c = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    (a, b), c = [1, 2, 3], 4
except ValueError as err:
    print("ValueError:", err)
