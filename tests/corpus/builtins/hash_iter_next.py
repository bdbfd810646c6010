# hash() consistency for equal values (no absolute string hashes printed).
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False), hash(True) == hash(1))
print(hash(2 ** 100) == hash(2 ** 100), hash(-1) == hash(-1.0), hash(1.5) == hash(1.5))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()))
print(hash("abc") == hash("ab" + "c"), hash((1, ("a", 2))) == hash((1, ("a", 2))))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(-(2 ** 70)) == hash(-(2.0 ** 70)))
print(type(hash(1)).__name__, type(hash("s")).__name__, type(hash((1,))).__name__)
print(hash(None) == hash(None), hash(5) == hash(5))

# unhashable types raise TypeError
for bad in [[1], {1: 2}, {1}, (1, [2])]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)

# equal keys collapse in dicts and sets
d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d))
s = {0, 0.0, False, 1, 1.0, True, 2}
print(len(s), sorted(s))
print({(1, 2): "a", (1.0, 2.0): "b"})
print({1: "one"}[1.0], {2.0: "two"}[2], {(1, 2): "t"}[(1, 2)])

# tuple keys
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, (3, 3) in grid, len(grid))

# iter() and next()
it = iter([1, 2, 3])
print(next(it), next(it, "d"), next(it, "d"), next(it, "d"))
chars = iter("ab")
print(next(chars), next(chars), next(chars, None))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
ti = iter((10, 20, 30))
print(list(ti), next(ti, "done"))
si = iter({5})
print(next(si), next(si, "empty"))
di = iter({"x": 1, "y": 2})
print(next(di), next(di), next(di, "end"))
ri = iter(range(2))
print(next(ri), next(ri), next(ri, -1))

# consuming part of an iterator in two loops
nums = iter(range(10))
first = []
for n in nums:
    first.append(n)
    if n == 3:
        break
rest = [n for n in nums]
print(first, rest)
