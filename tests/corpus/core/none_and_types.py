# None, type names and type objects of the core values.
x = None
print(x, repr(x), str(x), type(x).__name__, x is None, x == None, bool(x))

def nothing():
    pass

def explicit():
    return

def value():
    return None

print(nothing(), explicit(), value(), nothing() is None)

values = [0, -5, 2 ** 80, 1.5, float('inf'), True, None, "s", "", [1], (1,), (), {1: 2}, {3}, range(3), slice(1, 2)]
for v in values:
    print(repr(v), type(v).__name__)

print(type(1), type(1.0), type("a"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(range(1)), type(slice(1)), type(type))
print(type(1) is int, type(True) is bool, type(True) is int, type(1.0) == float)
print(type(3)(7), type("x")(42), type([])("ab"), type(5.0)("2.5"))
print(int, float, str, bool, list, tuple, dict, set)

# isinstance with the core types
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance(None, type(None)), isinstance("a", str), isinstance([], (tuple, list)))
print(isinstance({}, dict), isinstance(set(), set), isinstance(range(3), range))

# None in containers and comparisons
items = [None, 1, None, 2]
print(items.count(None), items.index(None), None in items, [i for i in items if i is not None])
d = {"a": None}
print(d.get("a"), d.get("b"), "a" in d, d.get("b", "default"))

# using None as a sentinel
def find(seq, target):
    for i, item in enumerate(seq):
        if item == target:
            return i
    return None

for t in [3, 9]:
    pos = find([1, 2, 3], t)
    print(t, "found at" if pos is not None else "not found", pos)

# None-returning methods
lst = [3, 1, 2]
print(lst.sort(), lst, lst.append(4), lst, lst.reverse(), lst)
