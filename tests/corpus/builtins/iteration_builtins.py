# enumerate, zip, map, filter, iter, next.
fruits = ["apple", "banana", "cherry"]
print(list(enumerate(fruits)), list(enumerate(fruits, 1)), list(enumerate("ab", start=-1)))
for i, f in enumerate(fruits, start=10):
    print(i, f)
e = enumerate("xyz")
print(next(e), next(e), list(e))

# zip stops at the shortest
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip("abc", range(10), (True, False, None))))
names = ["a", "b", "c"]
ages = [1, 2, 3, 4]
print(dict(zip(names, ages)), list(zip(*[(1, "x"), (2, "y")])))
z = zip(range(3), range(3, 6))
print(next(z), list(z), list(z))

# map with one and several iterables
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb", ""])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])), list(map(pow, [2, 3], [3, 2])))
print(list(map(max, [1, 9, 3], [4, 5, 6], [0, 0, 7])))
m = map(lambda x: x * 10, range(3))
print(next(m), list(m))

# filter with a function and with None
print(list(filter(lambda x: x > 2, [1, 5, 2, 7])), list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(str.isdigit, "a1b2c3")), "".join(filter(str.isalpha, "a1b2c3")))

# iter / next
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
it = iter("hi")
print(list(it), list(it))
d = {"k1": 1, "k2": 2}
print(next(iter(d)), list(iter(d.values())), next(iter(d.items())))
print(iter(it) is it)
print(next(iter(range(5, 10))), next(iter({7})), next(iter((8, 9))))

# iterator protocol by hand
def my_sum(iterable):
    total = 0
    iterator = iter(iterable)
    while True:
        try:
            total += next(iterator)
        except StopIteration:
            return total

print(my_sum([1, 2, 3]), my_sum(range(100)), my_sum(x * x for x in range(4)))

# lazy chaining of map/filter/zip/enumerate
pipeline = enumerate(map(lambda s: s.upper(), filter(lambda s: len(s) > 1, ["a", "bb", "ccc", "d", "ee"])))
print(list(pipeline))
pairs = zip(map(abs, [-1, -2, 3]), filter(None, [0, 5, 6, 7]))
print(list(pairs))
