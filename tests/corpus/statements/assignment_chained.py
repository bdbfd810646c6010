# Simple, chained and tuple/list unpacking assignment.
x = 1
y = z = w = 0
print(x, y, z, w)
a = b = []
a.append(1)
print(a, b, a is b)
i = j = k = "s"
i += "t"
print(i, j, k)

# tuple and list unpacking
p, q = 1, 2
print(p, q)
p, q = q, p
print(p, q)
(r, s) = [3, 4]
[t, u] = (5, 6)
print(r, s, t, u)
v1, v2, v3 = "abc"
print(v1, v2, v3)
m, n = range(2)
print(m, n)
d1, d2 = {"first": 1, "second": 2}
print(d1, d2)

# rotations and swaps
a1, a2, a3 = 1, 2, 3
a1, a2, a3 = a3, a1, a2
print(a1, a2, a3)
fib = [0, 1]
x0, x1 = 0, 1
for _ in range(10):
    x0, x1 = x1, x0 + x1
    fib.append(x1)
print(fib)

# right side evaluated before any target is assigned
lst = [10, 20, 30]
idx = 0
idx, lst[idx] = 2, 99
print(idx, lst)

# chained assignment assigns left to right
data = [0, 0, 0]
pos = data[pos] = 1
print(pos, data)

# assignment to subscripts in unpacking
grid = [[0, 0], [0, 0]]
grid[0][1], grid[1][0] = "a", "b"
print(grid)
dd = {}
dd["x"], dd["y"] = dd["z"] = (7, 8)
print(dd)

# unpacking errors are ValueErrors
for rhs in [(1,), (1, 2, 3), []]:
    try:
        e1, e2 = rhs
    except ValueError as err:
        print("ValueError:", err)
try:
    e1, e2 = 5
except TypeError as err:
    print("TypeError:", err)

# assignment in loops with tuple targets
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, word in pairs:
    print(num, word)
for idx, (num, word) in enumerate(pairs):
    print(idx, num, word[0])
