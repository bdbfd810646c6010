# dict views: live, sized, iterable, with set operations on keys and items.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


d = {1: "one", 2: "two", 3: "three"}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i), bool(k), bool({}.keys()), repr({}.items()))
d[4] = "four"
del d[1]
print(k, list(v), list(i))
print(2 in k, 9 in k, "two" in v, "nine" in v, (2, "two") in i, (2, "x") in i, (2,) in i, 5 in i)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(k).__name__, type(v).__name__, type(i).__name__)

# set operations return sets
e = {1: 2, 3: 4, 5: 6}
print(e.keys() | [7], [7] | e.keys(), e.keys() & {1, 5, 9}, {1, 5, 9} & e.keys())
print(e.keys() - [1], [1, 9] - e.keys(), e.keys() ^ {1, 9}, {1, 9} ^ e.keys())
print(e.items() & {(1, 2), (3, 3)}, e.items() - {(1, 2)}, e.items() | {(9, 9)})
print(e.keys() & e.keys(), e.keys() - e.keys(), type(e.keys() | set()).__name__)

# comparisons with sets and other views
print(e.keys() == {1, 3, 5}, e.keys() != {1, 3, 5}, e.keys() == [1, 3, 5], {1, 3, 5} == e.keys())
print(e.keys() <= {1, 3, 5, 7}, e.keys() < {1, 3, 5}, e.keys() > {1}, e.keys() >= e.keys())
print(e.items() == {(1, 2), (3, 4), (5, 6)}, e.keys() == {1: 0, 3: 0, 5: 0}.keys(), e.values() == e.values())
print(e.keys().isdisjoint([7, 8]), e.keys().isdisjoint({1}), e.items().isdisjoint([(1, 2)]))
print(attempt(lambda: e.values() | {1}), attempt(lambda: ["a"] in e.keys()), attempt(lambda: e.keys() < 3))

# iteration: views follow the dict; changing the size while iterating is an error
total = 0
for key, value in e.items():
    total += key * value
print(total, sum(e.values()), sorted(e.keys(), reverse=True), max(e.items()))


def grow():
    g = {1: 1}
    for key in g:
        g[key + 1] = 1


print(attempt(grow))
nested = {"a": {"x": 1}, "b": {"y": 2}}
print([list(inner.items()) for inner in nested.values()])
selfview = {}
selfview["v"] = selfview.values()
print(selfview)
