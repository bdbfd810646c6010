# Lists, tuples, dicts (insertion ordered) and sets of ints.
lst = [3, 1, 4, 1, 5]
print(lst, len(lst), lst[0], lst[-1], lst[1:3], type(lst).__name__)
lst.append(9)
lst[0] = 30
print(lst, lst + [2, 6], lst * 2 if len(lst) < 4 else lst[:2] * 2)
print([], [[]], [[], [1, [2, [3]]]], list("abc"), [None, True, 1.5, "s"])

tup = (1, "two", 3.0)
print(tup, len(tup), tup[1], tup[-1], tup[:2], type(tup).__name__)
print((), (1,), (1, 2), ((1, 2), (3,)), tuple([4, 5]))
single = 7,
print(single, type(single).__name__, len(single))
a, b, c = tup
print(a, b, c)

d = {"one": 1, "two": 2, "three": 3}
print(d, len(d), d["two"], type(d).__name__)
d["four"] = 4
d["one"] = 100
print(d)
del d["two"]
d["two"] = 2
print(d, list(d), list(d.values()))
print({}, {1: {2: {3: {}}}}, {(1, 2): "tuple key", 3.5: "float", None: "none", True: "bool"})
print({1: "a", 1.0: "b", True: "c"})
e = dict(zip(range(5), "abcde"))
print(e)
for k in list(e):
    if k % 2:
        del e[k]
print(e)
e[1] = "again"
print(e)

s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, type(s).__name__)
s.add(0)
s.add(3)
print(s, set(), set([5, 5, 5]), {10, 20, 5})
print(sorted({100, 7, 42, -3, 15}))
print({1, 2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3})

# nested mutation through aliases
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
print(grid)
shared = [[0] * 3] * 3
shared[1][2] = 5
print(shared)
row = [1, 2]
pair = (row, row)
row.append(3)
print(pair)

# len and truth of containers
for obj in [[], [0], (), (None,), {}, {0: 0}, set(), {0}, "", "x"]:
    print(repr(obj), len(obj), bool(obj))

# dict views keep insertion order
inventory = {}
for item in [5, 3, 5, 8, 3, 5, 1]:
    inventory[item] = inventory.get(item, 0) + 1
print(inventory, list(inventory.items()))
